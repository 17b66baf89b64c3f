// One database interface over two backends: PGlite (embedded, WASM PostgreSQL) and a real
// PostgreSQL server through node-postgres. Business code sees only `Db` and `Tx`.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { acquireDataDirLock, type DataDirLock } from './dataDirLock.ts';

export type BackendKind = 'pglite' | 'postgresql';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[]; rowCount: number }>;
}

export type Tx = Queryable;

export interface Db extends Queryable {
  readonly kind: BackendKind;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite with a data dir: this process's lock on it (see dataDirLock.ts). */
  readonly dataDirLock?: DataDirLock;
}

// timestamptz/date/int8/numeric come back as the same JS types on both backends.
pg.types.setTypeParser(20, (v) => Number(v)); // int8 → number (counts, ids; all < 2^53)
pg.types.setTypeParser(1700, (v) => Number(v)); // numeric → number
pg.types.setTypeParser(1082, (v) => v); // date → 'YYYY-MM-DD'

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return Boolean(code && (code.startsWith('08') || code.startsWith('57P') || ['ECONNRESET', 'ECONNREFUSED', 'EPIPE'].includes(code)))
    || /Connection terminated|connection (?:is )?closed/i.test(String((error as Error | undefined)?.message ?? ''));
}

export async function openPostgres(url: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A dropped connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  await pool.query('select 1');
  return {
    kind: 'postgresql',
    async query(sql, params) {
      const result = await pool.query(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    },
    async transaction(fn) {
      const client = await pool.connect();
      // A checked-out client whose server goes away emits 'error'; unhandled, that would kill the
      // process. The failing query rejects anyway, and release(error) discards the client.
      const onError = () => {};
      client.on('error', onError);
      let failure: unknown;
      try {
        await client.query('BEGIN');
        const tx: Tx = {
          async query(sql, params) {
            const result = await client.query(sql, params as unknown[]);
            return { rows: result.rows, rowCount: result.rowCount ?? 0 };
          },
        };
        const value = await fn(tx);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        failure = error;
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.off('error', onError);
        // A broken connection is destroyed rather than returned to the pool.
        client.release(isConnectionError(failure) ? (failure as Error) : undefined);
      }
    },
    async close() {
      await pool.end();
    },
  };
}

const pgliteParsers = {
  20: (v: string) => Number(v),
  1700: (v: string) => Number(v),
  1082: (v: string) => v,
};

const STAGING = '.pglite-init';
const STAGED = 'COMPLETE';

/**
 * A brand-new data dir is initialised in `<dataDir>/.pglite-init` and moved into place only when
 * PGlite has finished (initdb is not crash-safe: a kill in the middle left a dir that never
 * started again). The COMPLETE marker makes the move resumable: a kill during it is finished on
 * the next start; a kill before it throws the half-made staging dir away and starts over.
 */
async function ensureInitialised(dataDir: string): Promise<void> {
  const staging = join(dataDir, STAGING);
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  const staged = existsSync(join(staging, STAGED));
  if (!staged) {
    rmSync(staging, { recursive: true, force: true });
    if (initialised) return;
    const fresh = await PGlite.create({ dataDir: staging, extensions: { pg_trgm } });
    await fresh.close();
    writeFileSync(join(staging, STAGED), '');
  }
  // PG_VERSION last: it is what marks the dir as a database (for PGlite and for this check).
  const entries = readdirSync(staging).filter((name) => name !== STAGED && name !== 'PG_VERSION');
  for (const name of [...entries, 'PG_VERSION']) {
    if (!existsSync(join(staging, name))) continue; // moved before the kill
    rmSync(join(dataDir, name), { recursive: true, force: true });
    renameSync(join(staging, name), join(dataDir, name));
  }
  rmSync(staging, { recursive: true, force: true });
}

/** `dataDir` undefined → in-memory (tests). `command` names the holder in the data dir lock. */
export async function openPglite(dataDir?: string, options: { command?: string } = {}): Promise<Db> {
  let lock: DataDirLock | undefined;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    // Before anything is written: a second process refuses here.
    lock = acquireDataDirLock(dataDir, { command: options.command ?? process.argv.slice(2).join(' ') });
  }
  let db: PGlite;
  try {
    if (dataDir) await ensureInitialised(dataDir);
    db = await PGlite.create({ dataDir, extensions: { pg_trgm }, parsers: pgliteParsers });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    async query(sql, params) {
      const result = await q.query(sql, params as unknown[]);
      // PGlite runs on this thread and its promise settles as a microtask, so a loop of queries
      // (a job inserting row by row, the worker draining its queue) never let the event loop
      // read a socket: intake stalled for 17-39 s. One turn of the loop per statement bounds a
      // stall to the longest single statement.
      await new Promise<void>((resolve) => setImmediate(resolve));
      return { rows: result.rows as never[], rowCount: result.affectedRows ?? result.rows.length };
    },
  });
  const base = wrap(db);
  return {
    kind: 'pglite',
    dataDirLock: lock,
    query: base.query,
    // PGlite has one connection; its transaction() holds an exclusive lock, so concurrent
    // requests queue behind it exactly like serialised transactions.
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async close() {
      try {
        await db.close();
      } finally {
        lock?.release();
      }
    },
  };
}

export async function openDatabase(options: { databaseUrl?: string; dataDir?: string; command?: string }): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir, { command: options.command });
}
