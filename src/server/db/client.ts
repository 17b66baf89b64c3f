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
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<{ rows: T[]; rowCount: number }>;
}

export interface QueryOptions {
  /**
   * PostgreSQL: run it as a named prepared statement (parsed once per connection, then its plan
   * reused). Only for fixed hot-path SQL text: the name must always stand for the same text.
   */
  prepare?: string;
}

/** node-postgres' query config: named when asked to be prepared. */
const pgQuery = (sql: string, params: unknown[] | undefined, options: QueryOptions | undefined) =>
  options?.prepare ? { name: options.prepare, text: sql, values: params } : { text: sql, values: params };

declare const inTransaction: unique symbol;
/**
 * A connection inside an open transaction. Distinct from `Db` on purpose: audit rows and follow-up
 * jobs take a `Tx`, so they cannot be written outside the transaction of the change they record.
 */
export type Tx = Queryable & { readonly [inTransaction]: true };
/** Only the two transaction() implementations below make a Tx. */
const asTx = (queryable: Queryable) => queryable as Tx;

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
  return (
    Boolean(code && (code.startsWith('08') || code.startsWith('57P') || ['ECONNRESET', 'ECONNREFUSED', 'EPIPE'].includes(code))) ||
    /Connection terminated|connection (?:is )?closed/i.test(String((error as Error | undefined)?.message ?? ''))
  );
}

export async function openPostgres(url: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A dropped connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  await pool.query('select 1');
  return {
    kind: 'postgresql',
    async query(sql, params, options) {
      const result = await pool.query(pgQuery(sql, params, options));
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
        const tx = asTx({
          async query(sql, params, options) {
            const result = await client.query(pgQuery(sql, params, options));
            return { rows: result.rows, rowCount: result.rowCount ?? 0 };
          },
        });
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
    transaction: (fn) => db.transaction((tx) => fn(asTx(wrap(tx)))),
    async close() {
      try {
        await db.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/**
 * A streaming replica (DATABASE_REPLICA_URL) for read-only work: public dashboard refreshes,
 * open-data exports, region profiles, the risk index, analysts' queries. It may lag the primary,
 * so nothing that writes — and nothing a writer must see at once (a reporter tracking the report
 * just filed) — reads from it. A replica that is unreachable, or that cancels a query because of
 * a conflict with WAL replay, never fails the request: the query runs on the primary instead.
 */
export interface ReplicaDb extends Queryable {
  readonly kind: 'postgresql';
  readonly replica: true;
  /** Queries answered by the primary because the replica failed (since start). */
  readonly fallbacks: number;
  /** Queries answered by the replica (since start). */
  readonly served: number;
  /** Asks the replica (not the fallback) directly; throws when it cannot be reached. */
  queryReplica<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[]; rowCount: number }>;
  close(): Promise<void>;
}

/** Where read-only work goes: the replica when one is configured, otherwise the primary itself. */
export type ReadDb = Db | ReplicaDb;

export const isReplica = (db: ReadDb): db is ReplicaDb => 'replica' in db && db.replica === true;

/** 40001 covers "canceling statement due to conflict with recovery" on a hot standby. */
function isRecoveryConflict(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === '40001' && /recovery/i.test(String((error as Error).message));
}

export function openReplica(url: string, primary: Queryable, poolSize = 10): ReplicaDb {
  // application_name marks these sessions in pg_stat_activity on the standby (and in the tests).
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000, application_name: 'netra-replica' });
  pool.on('error', () => {});
  let fallbacks = 0;
  let served = 0;
  const queryReplica = async <T>(sql: string, params?: unknown[]) => {
    const result = await pool.query(sql, params as unknown[]);
    return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
  };
  return {
    kind: 'postgresql',
    replica: true,
    get fallbacks() {
      return fallbacks;
    },
    get served() {
      return served;
    },
    queryReplica,
    async query<T>(sql: string, params?: unknown[]) {
      try {
        const result = await queryReplica<T>(sql, params);
        served++;
        return result;
      } catch (error) {
        if (!isConnectionError(error) && !isRecoveryConflict(error) && !/timeout/i.test(String((error as Error).message))) throw error;
        fallbacks++;
        return primary.query<T>(sql, params);
      }
    },
    async close() {
      await pool.end();
    },
  };
}

export interface ReplicaStatus {
  /** streaming: in recovery and answering; promoted: no longer a standby; unreachable: no answer. */
  state: 'streaming' | 'promoted' | 'unreachable';
  /** Bytes of WAL the primary has written that the replica has not replayed yet. */
  lagBytes: number | null;
  /** 0 when caught up; otherwise seconds since the last transaction the replica replayed. */
  lagSeconds: number | null;
  replayPaused: boolean | null;
  fallbacks: number;
  served: number;
}

/** How far the replica trails the primary (for /api/v1/health and the standby benchmark). */
export async function replicaStatus(primary: Queryable, replica: ReplicaDb): Promise<ReplicaStatus> {
  const counters = { fallbacks: replica.fallbacks, served: replica.served };
  try {
    const head = (await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0].lsn;
    const row = (
      await replica.queryReplica<{ recovery: boolean; lag: number | null; age: number | null; paused: boolean | null }>(
        `SELECT pg_is_in_recovery() AS recovery,
              greatest(pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn()), 0)::float8 AS lag,
              extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp())::float8 AS age,
              CASE WHEN pg_is_in_recovery() THEN pg_is_wal_replay_paused() END AS paused`,
        [head],
      )
    ).rows[0];
    if (!row.recovery) return { state: 'promoted', lagBytes: null, lagSeconds: null, replayPaused: null, ...counters };
    const lagBytes = row.lag === null ? null : Number(row.lag);
    return {
      state: 'streaming',
      lagBytes,
      lagSeconds: lagBytes === 0 ? 0 : row.age === null ? null : Math.max(0, Math.round(Number(row.age) * 1000) / 1000),
      replayPaused: row.paused,
      ...counters,
    };
  } catch {
    return { state: 'unreachable', lagBytes: null, lagSeconds: null, replayPaused: null, ...counters };
  }
}

export async function openDatabase(options: { databaseUrl?: string; dataDir?: string; command?: string }): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir, { command: options.command });
}
