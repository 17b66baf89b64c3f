import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDb, enabledBackends } from '../support/backends.ts';
import { buildTestApp, buildUser, signIn, testVault } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { backupInstance, restoreInstance } from '../../src/server/ops/backup.ts';
import { createDiskEvidenceStore } from '../../src/server/platform/storage.ts';
import { sealLegacyWitnesses } from '../../src/server/modules/cases/witnesses.ts';
import { s3Unavailable, startS3Server } from '../support/s3.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const WITNESS = 'Rahmat Hidayatullah Saksi';
const WITNESS_PHONE = '081377778888';
const NIK = '1602015508907777';
const EVIDENCE_MARKER = 'NETRA-EVIDENCE-MARKER-7f3a9c';

/** Every file under a folder, recursively. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? [join(dir, e.name), ...walk(join(dir, e.name))] : [join(dir, e.name)],
  );
}

for (const kind of enabledBackends()) {
  test(`backup is sealed under NETRA_BACKUP_KEY, 0600/0700, and restores only with the right key [${kind}]`, async () => {
    const source = await createTestDb(kind);
    const target = await createTestDb(kind);
    const wrongTarget = await createTestDb(kind);
    try {
      const app = await buildTestApp(source.db, { now: () => new Date('2024-10-10T03:00:00Z') });
      const staff = await buildUser(source.db, { role: 'pengawas_kabkota', regionCode: '16.02' });
      const session = await signIn(app, staff.username, staff.password);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const input = buildLaporanInput(
          i === 0
            ? { pelapor: { nik: NIK }, saksi: [{ nama: WITNESS, alamat: 'Jalan Saksi Nomor 12 Kayuagung', telepon: WITNESS_PHONE }] }
            : {},
        );
        const res = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: input });
        assert.equal(res.statusCode, 201, res.body);
        ids.push(res.json().id);
        if (i < 3)
          await session.request({ method: 'POST', url: `/api/v1/cases/${res.json().id}/actions`, payload: { action: 'registrasi' } });
      }
      // Witness data is sealed in the database, opened for staff.
      const rows = await source.db.query<Record<string, unknown>>('SELECT * FROM case_witnesses WHERE case_id = $1', [ids[0]]);
      assert.equal(rows.rows.length, 1);
      assert.ok(
        !JSON.stringify(rows.rows).includes(WITNESS) && !JSON.stringify(rows.rows).includes(WITNESS_PHONE),
        'no witness plaintext in the row',
      );
      assert.equal(rows.rows[0].name, null);
      const detail = await session.request({ url: `/api/v1/cases/${ids[0]}` });
      assert.deepEqual(detail.json().witnesses, [{ name: WITNESS, address: 'Jalan Saksi Nomor 12 Kayuagung', phone: WITNESS_PHONE }]);
      const vault = testVault(app);

      // One evidence file, stored content-addressed, referenced by evidence_files.
      const evidenceDir = mkdtempSync(join(tmpdir(), 'netra-evidence-'));
      const store = createDiskEvidenceStore(evidenceDir);
      const content = `%PDF-1.4 bukti foto kegiatan ${EVIDENCE_MARKER}`;
      const sha = await store.put(Buffer.from(content));
      await source.db.query("INSERT INTO evidence_files (sha256, size_bytes, mime_type) VALUES ($1, $2, 'application/pdf')", [
        sha,
        content.length,
      ]);
      await app.close();

      const key = randomBytes(32);
      const out = join(mkdtempSync(join(tmpdir(), 'netra-backup-')), 'backup');
      const manifest = await backupInstance(source.db, evidenceDir, out, { key });
      assert.equal(manifest.tables.find((t) => t.name === 'cases')!.rows, 5);
      assert.equal(manifest.encryption, 'aes-256-gcm');

      // Modes: folders 0700, files 0600; and no secret in any byte of the backup.
      assert.equal(statSync(out).mode & 0o777, 0o700);
      const paths = walk(out);
      assert.ok(paths.some((p) => p.endsWith('manifest.json.enc')) && paths.some((p) => p.includes(`evidence/${sha}`)));
      for (const p of paths) {
        const st = statSync(p);
        assert.equal(st.mode & 0o777, st.isDirectory() ? 0o700 : 0o600, p);
        if (st.isDirectory()) continue;
        const raw = readFileSync(p).toString('latin1');
        for (const needle of [WITNESS, WITNESS_PHONE, NIK, '$argon2', EVIDENCE_MARKER, '%PDF-1.4', staff.username, '"tracking_code"']) {
          assert.ok(!raw.includes(needle), `${p} contains ${needle}`);
        }
      }

      // A wrong key is refused before anything is restored.
      const wrongEvidence = mkdtempSync(join(tmpdir(), 'netra-evidence-wrong-'));
      await assert.rejects(
        restoreInstance(wrongTarget.db, out, wrongEvidence, { key: randomBytes(32) }),
        (e: Error & { field?: string }) => e.field === 'NETRA_BACKUP_KEY' && /wrong NETRA_BACKUP_KEY/.test(e.message),
      );
      await assert.rejects(restoreInstance(wrongTarget.db, out, wrongEvidence, { key: null }), /encrypted/);
      assert.equal((await wrongTarget.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')).rows[0].n, 0);
      assert.equal((await wrongTarget.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users')).rows[0].n, 0);
      assert.deepEqual(readdirSync(wrongEvidence), []);

      // The right key round-trips: counts, evidence hashes, audit chain, witnesses still open.
      const restoredEvidence = mkdtempSync(join(tmpdir(), 'netra-evidence-restored-'));
      const report = await restoreInstance(target.db, out, restoredEvidence, { key });
      for (const t of report.tables) assert.equal(t.restored, t.expected, t.name);
      assert.equal(report.evidenceVerified, 1);
      assert.equal(report.auditChain.ok, true);
      const { verifyStatsCounters } = await import('../../src/server/modules/stats/service.ts');
      assert.deepEqual(await verifyStatsCounters(target.db), [], 'dashboard counters rebuilt');
      assert.equal(readFileSync(join(restoredEvidence, sha.slice(0, 2), sha), 'utf8'), content);
      const numbers = await target.db.query<{ registration_number: string }>(
        'SELECT registration_number FROM cases WHERE registration_number IS NOT NULL ORDER BY 1',
      );
      assert.deepEqual(
        numbers.rows.map((r) => r.registration_number),
        ['001/LP/PB/Kab/16.02/X/2024', '002/LP/PB/Kab/16.02/X/2024', '003/LP/PB/Kab/16.02/X/2024'],
      );
      const sealed = await target.db.query<{ sealed: string }>('SELECT sealed FROM case_witnesses WHERE case_id = $1', [ids[0]]);
      assert.equal(JSON.parse(vault.decrypt(sealed.rows[0].sealed)).name, WITNESS);
      // Serial sequences continue after the restored rows.
      await target.db.query("INSERT INTO jobs (name) VALUES ('after.restore')");

      // A tampered file is refused (GCM), again before the database is touched.
      const tablePath = join(out, 'tables', 'cases.jsonl.enc');
      const bytes = readFileSync(tablePath);
      bytes[bytes.length - 20] ^= 1;
      writeFileSync(tablePath, bytes);
      const third = await createTestDb(kind);
      try {
        await assert.rejects(restoreInstance(third.db, out, mkdtempSync(join(tmpdir(), 'netra-evidence-3-')), { key }), /cases\.jsonl/);
        assert.equal((await third.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')).rows[0].n, 0);
      } finally {
        await third.destroy();
      }
    } finally {
      await source.destroy();
      await target.destroy();
      await wrongTarget.destroy();
    }
  });

  test(`witness rows written before migration 0014 are sealed at start and their plaintext cleared [${kind}]`, async () => {
    const t = await createTestDb(kind);
    try {
      const app = await buildTestApp(t.db);
      const res = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput({ saksi: [] }) });
      assert.equal(res.statusCode, 201, res.body);
      await app.close();
      await t.db.query("INSERT INTO case_witnesses (case_id, name, address, phone) VALUES ($1, $2, 'Alamat lama saksi', '081200001111')", [
        res.json().id,
        WITNESS,
      ]);
      // A restart (a new app) seals it.
      const restarted = await buildTestApp(t.db);
      const vault = testVault(restarted);
      await restarted.close();
      const row = (await t.db.query<Record<string, string | null>>('SELECT * FROM case_witnesses WHERE case_id = $1', [res.json().id]))
        .rows[0];
      assert.ok(!JSON.stringify(row).includes(WITNESS) && !JSON.stringify(row).includes('081200001111'));
      assert.ok(row.sealed);
      assert.deepEqual(JSON.parse(vault.decrypt(row.sealed!)), { name: WITNESS, address: 'Alamat lama saksi', phone: '081200001111' });
      assert.equal(await sealLegacyWitnesses(t.db, vault), 0, 'nothing left to seal; sealed rows are not touched');

      // An explicit --unencrypted backup: still 0600/0700; restoring it while a key is set needs the flag too.
      const clear = join(mkdtempSync(join(tmpdir(), 'netra-backup-clear-')), 'b');
      await backupInstance(t.db, mkdtempSync(join(tmpdir(), 'netra-evidence-')), clear, { key: null });
      for (const p of [clear, ...walk(clear)]) assert.equal(statSync(p).mode & 0o777, statSync(p).isDirectory() ? 0o700 : 0o600, p);
      assert.ok(existsSync(join(clear, 'manifest.json')));
      await assert.rejects(
        restoreInstance(t.db, clear, mkdtempSync(join(tmpdir(), 'netra-e-')), { key: randomBytes(32) }),
        /--unencrypted/,
      );
      await assert.rejects(backupInstance(t.db, mkdtempSync(join(tmpdir(), 'netra-evidence-')), clear, { key: null }), /not empty/);
    } finally {
      await t.destroy();
    }
  });
  // Evidence on S3: the backup reads every file from the bucket (checked by its SHA-256) and the
  // restore writes them into another bucket prefix, i.e. another instance's store.
  test(`backup and restore with evidence on a real S3-protocol server [${kind}]`, { skip: s3Unavailable() ?? undefined }, async () => {
    const s3 = await startS3Server();
    const source = await createTestDb(kind);
    const target = await createTestDb(kind);
    try {
      const store = s3.store('instans-a');
      const app = await buildTestApp(source.db, { now: () => new Date('2024-10-10T03:00:00Z'), evidence: store });
      const content = Buffer.from(`%PDF-1.4 bukti di S3 ${EVIDENCE_MARKER}`);
      const sha = await store.put(content);
      await source.db.query("INSERT INTO evidence_files (sha256, size_bytes, mime_type) VALUES ($1, $2, 'application/pdf')", [
        sha,
        content.length,
      ]);
      assert.equal((await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput() })).statusCode, 201);
      await app.close();

      const key = randomBytes(32);
      const out = join(mkdtempSync(join(tmpdir(), 'netra-backup-s3-')), 'backup');
      const manifest = await backupInstance(source.db, store, out, { key });
      assert.deepEqual(manifest.evidence, [{ sha256: sha }]);
      for (const p of walk(out))
        if (statSync(p).isFile()) assert.ok(!readFileSync(p).toString('latin1').includes(EVIDENCE_MARKER), `${p} is sealed`);

      const restoredStore = s3.store('instans-b');
      assert.equal(await restoredStore.has(sha), false);
      const report = await restoreInstance(target.db, out, restoredStore, { key });
      assert.equal(report.evidenceVerified, 1);
      assert.equal(report.auditChain.ok, true);
      assert.deepEqual(await restoredStore.get(sha), content);

      // A file the bucket lost makes the backup fail loudly, naming the file.
      await store.delete(sha);
      await assert.rejects(
        backupInstance(source.db, store, join(mkdtempSync(join(tmpdir(), 'netra-backup-s3-')), 'b'), { key }),
        new RegExp(`evidence file missing: ${sha}`),
      );
    } finally {
      await source.destroy();
      await target.destroy();
      await s3.stop();
    }
  });
}

test('netra backup without NETRA_BACKUP_KEY refuses (exit 2, nothing written); --help prints usage only', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'netra-cli-'));
  const out = join(dataDir, 'out');
  const env = { PATH: process.env.PATH ?? '', NETRA_DATA_DIR: dataDir, NETRA_LOG_LEVEL: 'silent' };
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(root, 'bin/netra.mjs'), ...args], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
  const refused = run('backup', '--out', out);
  assert.equal(refused.status, 2, refused.stderr);
  assert.match(refused.stderr, /NETRA_BACKUP_KEY belum disetel/);
  assert.match(refused.stderr, /NETRA_BACKUP_KEY is not set/);
  assert.equal(existsSync(out), false);
  const help = run('backup', '--help');
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /usage: netra backup/);
  const restoreHelp = run('restore', '--help');
  assert.equal(restoreHelp.status, 0, restoreHelp.stderr);
  assert.match(restoreHelp.stdout, /usage: netra restore/);
  assert.deepEqual(readdirSync(dataDir), [], 'neither the refusal nor --help opened a database or wrote anything');
});
