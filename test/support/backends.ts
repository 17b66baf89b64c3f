// Throwaway databases for tests, on both backends: PGlite (in memory) always, and PostgreSQL
// when reachable (TEST_DATABASE_URL, default the local server). Each call creates its own
// database and drops it afterwards; nothing touches a shared database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, before, after } from 'node:test';
import { openPglite, openPostgres, type BackendKind, type Db } from '../../src/server/db/client.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { loadReferenceData } from '../../src/server/reference/loadReference.ts';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Set by scripts/test.mjs after probing the server once for the whole run. */
export function enabledBackends(): BackendKind[] {
  const list = (process.env.NETRA_TEST_BACKENDS ?? 'pglite')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return list as BackendKind[];
}

export interface TestDb {
  db: Db;
  kind: BackendKind;
  destroy(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDb(kind: BackendKind, options: { reference?: boolean } = {}): Promise<TestDb> {
  const reference = options.reference ?? true;
  if (kind === 'pglite') {
    const db = await openPglite();
    await migrate(db);
    if (reference) await loadReferenceData(db, { loadVillages: false });
    return { db, kind, destroy: () => db.close() };
  }
  const name = `netra_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const db = await openPostgres(withDatabase(TEST_DATABASE_URL, name), 20);
  await migrate(db);
  if (reference) await loadReferenceData(db, { loadVillages: false });
  return {
    db,
    kind,
    async destroy() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** Runs the same suite once per enabled backend, each against its own fresh database. */
export function describeEachBackend(
  title: string,
  body: (ctx: () => TestDb) => void,
  options: { reference?: boolean; skip?: string } = {},
) {
  for (const kind of enabledBackends()) {
    // skip: a message saying why the suite cannot run here (e.g. its server cannot start).
    describe(`${title} [${kind}]`, { skip: options.skip }, () => {
      let current: TestDb | undefined;
      before(async () => {
        current = await createTestDb(kind, options);
      });
      after(async () => {
        await current?.destroy();
      });
      body(() => {
        if (!current) throw new Error('test database not ready');
        return current;
      });
    });
  }
}
