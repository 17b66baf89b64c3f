// Two HTTP processes and two workers against one PostgreSQL database: sessions work on either
// process, registration numbers never collide, and no job runs twice. (PGlite is embedded and
// single-process by design, so this runs only where a PostgreSQL server is available.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { enabledBackends, TEST_DATABASE_URL } from '../support/backends.ts';
import { startNetraProcess, type NetraProcess } from '../support/process.ts';
import { buildRecentLaporanInput } from '../support/factories.ts';
import { openPostgres } from '../../src/server/db/client.ts';
import { createUser } from '../../src/server/modules/accounts/service.ts';

if (enabledBackends().includes('postgresql')) {
  test('two HTTP processes and two workers on one PostgreSQL', { timeout: 240_000 }, async () => {
    const name = `netra_multi_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(TEST_DATABASE_URL); url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString(), NETRA_IDENTITY_KEY: 'b'.repeat(64), NETRA_DATA_DIR: mkdtempSync(join(tmpdir(), 'netra-multi-')), WORKER: 'off' };
    const processes: NetraProcess[] = [];
    try {
      const a = await startNetraProcess(env);
      processes.push(a);
      const b = await startNetraProcess(env);
      processes.push(b);
      const db = await openPostgres(url.toString());
      await createUser(db, { username: 'multi_oki', password: 'kata-sandi-rahasia', role: 'pengawas_kabkota', regionCode: '16.02' }, null);

      // 120 reports split over both processes.
      const receipts = await Promise.all(Array.from({ length: 120 }, async (_, i) => {
        const res = await fetch(`${(i % 2 ? a : b).url}/api/v1/laporan`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `multi-${i}-key` }, body: JSON.stringify(buildRecentLaporanInput()) });
        assert.equal(res.status, 201);
        return (await res.json()) as { id: string };
      }));

      // A session made on A works on B.
      const login = await fetch(`${a.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'multi_oki', password: 'kata-sandi-rahasia' }) });
      const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
      const me = await fetch(`${b.url}/api/v1/auth/me`, { headers: { cookie } });
      assert.equal(me.status, 200);

      // Registrations through both processes at once: unique, gapless numbers.
      const numbers = await Promise.all(receipts.map(async (r, i) => {
        const res = await fetch(`${(i % 2 ? b : a).url}/api/v1/cases/${r.id}/actions`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: JSON.stringify({ action: 'registrasi' }) });
        assert.equal(res.status, 200);
        return ((await res.json()) as { registrationNumber: string }).registrationNumber;
      }));
      assert.equal(new Set(numbers).size, 120);
      assert.deepEqual(numbers.map((n) => Number(n.split('/')[0])).sort((x, y) => x - y), Array.from({ length: 120 }, (_, i) => i + 1));

      // Two workers drain the jobs the intake enqueued; each job runs exactly once.
      const w1 = await startNetraProcess(env, { command: 'worker' });
      processes.push(w1);
      const w2 = await startNetraProcess(env, { command: 'worker' });
      processes.push(w2);
      const deadline = Date.now() + 120_000;
      for (;;) {
        const pending = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM jobs WHERE name = 'cases.suggest_links' AND state <> 'done'");
        if (pending.rows[0].n === 0) break;
        if (Date.now() > deadline) assert.fail('jobs not drained in time');
        await new Promise((r) => setTimeout(r, 250));
      }
      const jobs = await db.query<{ attempts: number; locked_by: string | null; n: number }>(
        "SELECT attempts, count(*)::int AS n FROM jobs WHERE name = 'cases.suggest_links' GROUP BY attempts");
      assert.deepEqual(jobs.rows.map((r) => [r.attempts, r.n]), [[1, 120]]);
      await db.close();
    } finally {
      await Promise.all(processes.map((p) => p.kill('SIGTERM')));
      const cleanup = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    }
  });
}
