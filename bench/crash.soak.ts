// Crash and restart under load: N concurrent submissions with idempotency keys, the server
// killed with SIGKILL mid-way and restarted; clients retry until acknowledged. Then: every
// acknowledged report present, none duplicated, registration numbers gapless.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, startNetraProcess, type NetraProcess } from '../test/support/process.ts';
import { buildRecentLaporanInput } from '../test/support/factories.ts';
import { openPglite, openPostgres, type Db } from '../src/server/db/client.ts';

export interface CrashResult {
  backend: string;
  submissions: number;
  acknowledged: number;
  casesInDb: number;
  duplicates: number;
  lost: number;
  restarts: number;
  registered: number;
  gapless: boolean;
  serverErrors: number;
  unavailable: number;
}

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json().catch(() => null)) as any, headers: res.headers };
}

export async function runCrashScenario(options: {
  backend: 'pglite' | 'postgresql';
  submissions: number;
  concurrency?: number;
  killAfter?: number;
  adminUrl?: string;
  restartDatabase?: () => Promise<void>;
}): Promise<CrashResult> {
  const adminUrl = options.adminUrl ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dataDir = mkdtempSync(join(tmpdir(), 'netra-crash-'));
  let databaseUrl: string | undefined;
  let dbName: string | undefined;
  if (options.backend === 'postgresql') {
    dbName = `netra_crash_${randomUUID().slice(0, 8)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
  // A load test from one loopback address: lift the per-address flood guard (the per-reporter
  // limit still applies; every generated report has its own NIK).
  const env: Record<string, string> = {
    NETRA_DATA_DIR: dataDir,
    NETRA_IDENTITY_KEY: 'a'.repeat(64),
    WORKER: 'off',
    NETRA_INTAKE_PER_MINUTE: '1000000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  const port = await freePort();
  let server: NetraProcess = await startNetraProcess(env, { port });
  const base = `http://127.0.0.1:${port}`;
  const inputs = Array.from({ length: options.submissions }, () => buildRecentLaporanInput());
  const acknowledged = new Map<number, string>();
  let completed = 0;
  let restarts = 0;
  let serverErrors = 0;
  let unavailable = 0;
  let restarting: Promise<void> | null = null;
  const killAfter = options.killAfter ?? Math.floor(options.submissions / 3);

  const restart = async () => {
    restarts++;
    if (options.restartDatabase) {
      // The database goes away under a running server; the pool reconnects and clients retry.
      await options.restartDatabase();
      return;
    }
    await server.kill('SIGKILL');
    server = await startNetraProcess(env, { port });
  };

  let next = 0;
  await Promise.all(
    Array.from({ length: options.concurrency ?? 32 }, async () => {
      while (next < inputs.length) {
        const i = next++;
        // Clients retry until acknowledged (bounded at 5 minutes each), as the web form does.
        const giveUpAt = Date.now() + 5 * 60_000;
        while (Date.now() < giveUpAt) {
          if (restarting) await restarting;
          try {
            const res = await postJson(`${base}/api/v1/laporan`, inputs[i], { 'idempotency-key': `crash-${i}-key` });
            if (res.status === 201 || res.status === 200) {
              acknowledged.set(i, res.body.trackingCode);
              break;
            }
            if (res.status === 503)
              unavailable++; // database restarting: retryable by design
            else if (res.status >= 500) serverErrors++;
          } catch {
            /* connection refused while restarting: retry */
          }
          await new Promise((r) => setTimeout(r, 50));
        }
        completed++;
        if (completed === killAfter && restarts === 0) {
          restarting = restart().finally(() => {
            restarting = null;
          });
        }
      }
    }),
  );
  if (restarting) await restarting;
  await server.kill('SIGTERM');

  const openDb = (): Promise<Db> => (databaseUrl ? openPostgres(databaseUrl) : openPglite(dataDir));
  try {
    // PGlite allows one process on a data directory: open, read, close between phases.
    let db = await openDb();
    const cases = await db.query<{ id: string; tracking_code: string }>("SELECT id, tracking_code FROM cases WHERE kind = 'laporan'");
    const codes = new Set(cases.rows.map((r) => r.tracking_code));
    const lost = [...acknowledged.values()].filter((code) => !codes.has(code)).length;
    const { createUser } = await import('../src/server/modules/accounts/service.ts');
    const username = `crash_admin_${Date.now()}`;
    await createUser(db, { username, password: 'kata-sandi-rahasia', role: 'admin' }, null);
    await db.close();

    // Register every case concurrently through the restarted server: numbers stay gapless.
    const serverAgain = await startNetraProcess(env, { port });
    let registered = 0;
    try {
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'kata-sandi-rahasia' }),
      });
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
      // 32 officers registering at once (not 2,000 sockets at once).
      let nextCase = 0;
      await Promise.all(
        Array.from({ length: 32 }, async () => {
          while (nextCase < cases.rows.length) {
            const row = cases.rows[nextCase++];
            const res = await fetch(`${base}/api/v1/cases/${row.id}/actions`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
              body: JSON.stringify({ action: 'registrasi' }),
            });
            if (res.ok) registered++;
          }
        }),
      );
    } finally {
      await serverAgain.kill('SIGTERM');
    }
    db = await openDb();
    const numbers = await db.query<{ registration_number: string }>(
      'SELECT registration_number FROM cases WHERE registration_number IS NOT NULL',
    );
    await db.close();
    const seqs = numbers.rows.map((r) => Number(r.registration_number.split('/')[0])).sort((a, b) => a - b);
    return {
      backend: options.backend,
      submissions: options.submissions,
      acknowledged: acknowledged.size,
      casesInDb: cases.rows.length,
      duplicates: cases.rows.length - acknowledged.size,
      lost,
      restarts,
      registered,
      gapless: seqs.length === registered && seqs.every((s, i) => s === i + 1),
      serverErrors,
      unavailable,
    };
  } finally {
    if (dbName) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 2000);
  for (const backend of ['postgresql', 'pglite'] as const) {
    console.log(JSON.stringify(await runCrashScenario({ backend, submissions: n })));
  }
}
