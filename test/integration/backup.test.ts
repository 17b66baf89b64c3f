import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDb, enabledBackends } from '../support/backends.ts';
import { buildTestApp, buildUser, signIn } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { backupInstance, restoreInstance } from '../../src/server/ops/backup.ts';
import { createDiskEvidenceStore } from '../../src/server/platform/storage.ts';

for (const kind of enabledBackends()) {
  test(`backup and restore into a fresh instance [${kind}]: same counts, evidence hashes verified, audit chain verifies`, async () => {
    const source = await createTestDb(kind);
    const target = await createTestDb(kind);
    try {
      const app = await buildTestApp(source.db, { now: () => new Date('2024-10-10T03:00:00Z') });
      const staff = await buildUser(source.db, { role: 'pengawas_kabkota', regionCode: '16.02' });
      const session = await signIn(app, staff.username, staff.password);
      for (let i = 0; i < 5; i++) {
        const res = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput() });
        assert.equal(res.statusCode, 201);
        if (i < 3) await session.request({ method: 'POST', url: `/api/v1/cases/${res.json().id}/actions`, payload: { action: 'registrasi' } });
      }
      // One evidence file, stored content-addressed, referenced by evidence_files.
      const evidenceDir = mkdtempSync(join(tmpdir(), 'netra-evidence-'));
      const store = createDiskEvidenceStore(evidenceDir);
      const sha = await store.put(Buffer.from('%PDF-1.4 bukti foto kegiatan'));
      await source.db.query("INSERT INTO evidence_files (sha256, size_bytes, mime_type) VALUES ($1, 28, 'application/pdf')", [sha]);
      await app.close();

      const out = mkdtempSync(join(tmpdir(), 'netra-backup-'));
      const manifest = await backupInstance(source.db, evidenceDir, out);
      assert.ok(manifest.tables.find((t) => t.name === 'cases')!.rows === 5);

      const restoredEvidence = mkdtempSync(join(tmpdir(), 'netra-evidence-restored-'));
      const report = await restoreInstance(target.db, out, restoredEvidence);
      for (const t of report.tables) assert.equal(t.restored, t.expected, t.name);
      assert.equal(report.evidenceVerified, 1);
      assert.equal(report.auditChain.ok, true);
      const { verifyStatsCounters } = await import('../../src/server/modules/stats/service.ts');
      assert.deepEqual(await verifyStatsCounters(target.db), [], 'dashboard counters rebuilt');
      assert.equal(readFileSync(join(restoredEvidence, sha.slice(0, 2), sha), 'utf8'), '%PDF-1.4 bukti foto kegiatan');
      const numbers = await target.db.query<{ registration_number: string }>('SELECT registration_number FROM cases WHERE registration_number IS NOT NULL ORDER BY 1');
      assert.deepEqual(numbers.rows.map((r) => r.registration_number), ['001/LP/PB/Kab/16.02/X/2024', '002/LP/PB/Kab/16.02/X/2024', '003/LP/PB/Kab/16.02/X/2024']);
      // Serial sequences continue after the restored rows.
      await target.db.query("INSERT INTO jobs (name) VALUES ('after.restore')");

      // A tampered backup is refused.
      const tablePath = join(out, 'tables', 'cases.jsonl');
      writeFileSync(tablePath, readFileSync(tablePath, 'utf8').replace('diregistrasi', 'dihentikan'));
      const third = await createTestDb(kind);
      try {
        await assert.rejects(restoreInstance(third.db, out, restoredEvidence), /corrupted/);
      } finally {
        await third.destroy();
      }
    } finally {
      await source.destroy();
      await target.destroy();
    }
  });
}
