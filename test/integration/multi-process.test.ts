// Two HTTP processes and two workers against one PostgreSQL database: sessions work on either
// process, registration numbers never collide, and no job runs twice. Then two HTTP processes as
// on two machines (separate data dirs) sharing only PostgreSQL and an S3 bucket: evidence uploaded
// on one is filed and served on the other. (PGlite is embedded and single-process by design, so
// this runs only where a PostgreSQL server is available.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { enabledBackends, TEST_DATABASE_URL } from '../support/backends.ts';
import { startNetraProcess, type NetraProcess } from '../support/process.ts';
import { buildRecentLaporanInput } from '../support/factories.ts';
import { S3_TEST_ENV, s3Unavailable, startS3Server } from '../support/s3.ts';
import { jpeg } from '../unit/evidence-fixtures.ts';
import { sha256Hex } from '../../src/server/platform/storage.ts';
import { openPostgres } from '../../src/server/db/client.ts';
import { createUser } from '../../src/server/modules/accounts/service.ts';

if (enabledBackends().includes('postgresql')) {
  test('two HTTP processes and two workers on one PostgreSQL', { timeout: 240_000 }, async () => {
    const name = `netra_multi_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    const env = {
      DATABASE_URL: url.toString(),
      NETRA_IDENTITY_KEY: 'b'.repeat(64),
      NETRA_DATA_DIR: mkdtempSync(join(tmpdir(), 'netra-multi-')),
      WORKER: 'off',
    };
    const processes: NetraProcess[] = [];
    try {
      const a = await startNetraProcess(env);
      processes.push(a);
      const b = await startNetraProcess(env);
      processes.push(b);
      const db = await openPostgres(url.toString());
      await createUser(db, { username: 'multi_oki', password: 'kata-sandi-rahasia', role: 'pengawas_kabkota', regionCode: '16.02' }, null);

      // 120 reports split over both processes.
      const receipts = await Promise.all(
        Array.from({ length: 120 }, async (_, i) => {
          const res = await fetch(`${(i % 2 ? a : b).url}/api/v1/laporan`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': `multi-${i}-key` },
            body: JSON.stringify(buildRecentLaporanInput()),
          });
          assert.equal(res.status, 201);
          return (await res.json()) as { id: string };
        }),
      );

      // A session made on A works on B.
      const login = await fetch(`${a.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'multi_oki', password: 'kata-sandi-rahasia' }),
      });
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
      const me = await fetch(`${b.url}/api/v1/auth/me`, { headers: { cookie } });
      assert.equal(me.status, 200);

      // Registrations through both processes at once: unique, gapless numbers.
      const numbers = await Promise.all(
        receipts.map(async (r, i) => {
          const res = await fetch(`${(i % 2 ? b : a).url}/api/v1/cases/${r.id}/actions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
            body: JSON.stringify({ action: 'registrasi' }),
          });
          assert.equal(res.status, 200);
          return ((await res.json()) as { registrationNumber: string }).registrationNumber;
        }),
      );
      assert.equal(new Set(numbers).size, 120);
      assert.deepEqual(
        numbers.map((n) => Number(n.split('/')[0])).sort((x, y) => x - y),
        Array.from({ length: 120 }, (_, i) => i + 1),
      );

      // Two workers drain the jobs the intake enqueued; each job runs exactly once.
      const w1 = await startNetraProcess(env, { command: 'worker' });
      processes.push(w1);
      const w2 = await startNetraProcess(env, { command: 'worker' });
      processes.push(w2);
      const deadline = Date.now() + 120_000;
      for (;;) {
        const pending = await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM jobs WHERE name = 'cases.suggest_links' AND state <> 'done'",
        );
        if (pending.rows[0].n === 0) break;
        if (Date.now() > deadline) assert.fail('jobs not drained in time');
        await new Promise((r) => setTimeout(r, 250));
      }
      const jobs = await db.query<{ attempts: number; locked_by: string | null; n: number }>(
        "SELECT attempts, count(*)::int AS n FROM jobs WHERE name = 'cases.suggest_links' GROUP BY attempts",
      );
      assert.deepEqual(
        jobs.rows.map((r) => [r.attempts, r.n]),
        [[1, 120]],
      );
      await db.close();
    } finally {
      await Promise.all(processes.map((p) => p.kill('SIGTERM')));
      const cleanup = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    }
  });

  test(
    'two machines: separate data dirs, shared PostgreSQL and S3 — uploaded on one, filed on the other, served by either',
    { timeout: 240_000, skip: s3Unavailable() ?? undefined },
    async () => {
      const s3 = await startS3Server();
      const name = `netra_machines_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(TEST_DATABASE_URL);
      url.pathname = `/${name}`;
      // What both machines share: the database, the bucket, and their configured secrets.
      const shared = {
        ...S3_TEST_ENV,
        DATABASE_URL: url.toString(),
        NETRA_IDENTITY_KEY: 'c'.repeat(64),
        NETRA_EVIDENCE_URL: s3.evidenceUrl('pilkada/bukti'),
        WORKER: 'off',
      };
      const dirs = [mkdtempSync(join(tmpdir(), 'netra-machine-a-')), mkdtempSync(join(tmpdir(), 'netra-machine-b-'))];
      const processes: NetraProcess[] = [];
      try {
        const a = await startNetraProcess({ ...shared, NETRA_DATA_DIR: dirs[0] });
        processes.push(a);
        const b = await startNetraProcess({ ...shared, NETRA_DATA_DIR: dirs[1] });
        processes.push(b);
        const db = await openPostgres(url.toString());
        await createUser(
          db,
          { username: 'mesin_oki', password: 'kata-sandi-rahasia', role: 'pengawas_kabkota', regionCode: '16.02' },
          null,
        );
        await db.close();

        // The reporter's upload lands on machine A …
        const photo = jpeg({ width: 16, height: 12, comment: `foto di mesin A ${randomBytes(4).toString('hex')}` });
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'foto.jpg');
        const up = await fetch(`${a.url}/api/v1/uploads`, { method: 'POST', body: form });
        assert.equal(up.status, 201, await up.clone().text());
        const upload = (await up.json()) as { id: string; sha256: string };
        assert.equal(upload.sha256, sha256Hex(photo));

        // … and the laporan naming it on machine B (the load balancer sent the next request there).
        const filed = await fetch(`${b.url}/api/v1/laporan`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...buildRecentLaporanInput(), bukti: [upload.id] }),
        });
        assert.equal(filed.status, 201, await filed.clone().text());
        const caseId = ((await filed.json()) as { id: string }).id;

        // Staff read the original and the public copy from either machine.
        const login = await fetch(`${b.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'mesin_oki', password: 'kata-sandi-rahasia' }),
        });
        assert.equal(login.status, 200);
        const cookie = login.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; ');
        for (const machine of [a, b]) {
          const original = await fetch(
            `${machine.url}/api/v1/cases/${caseId}/evidence/${upload.sha256}?variant=original&purpose=${encodeURIComponent('Memeriksa bukti dari mesin lain')}`,
            { headers: { cookie } },
          );
          assert.equal(original.status, 200, machine.url);
          assert.equal(sha256Hex(Buffer.from(await original.arrayBuffer())), upload.sha256);
          const copy = await fetch(`${machine.url}/api/v1/cases/${caseId}/evidence/${upload.sha256}`, { headers: { cookie } });
          assert.equal(copy.status, 200, machine.url);
          assert.ok(!Buffer.from(await copy.arrayBuffer()).includes(Buffer.from('foto di mesin A')), 'the public copy has no comment');
        }
        // Neither machine kept evidence on its own disk: it lives in the bucket only.
        for (const dir of dirs) assert.ok(!existsSync(join(dir, 'evidence')) || readdirSync(join(dir, 'evidence')).length === 0, dir);
        assert.ok(await s3.store('pilkada/bukti').has(upload.sha256));
      } finally {
        await Promise.all(processes.map((p) => p.kill('SIGTERM')));
        const cleanup = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
        await s3.stop();
      }
    },
  );
}
