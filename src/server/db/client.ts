// One database interface over two backends: PGlite (embedded, WASM PostgreSQL) and a real
// PostgreSQL server through node-postgres. Business code sees only `Db` and `Tx`.
import { mkdirSync } from 'node:fs';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

export type BackendKind = 'pglite' | 'postgresql';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[]; rowCount: number }>;
}

export type Tx = Queryable;

export interface Db extends Queryable {
  readonly kind: BackendKind;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
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

/** `dataDir` undefined → in-memory (tests). */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir, extensions: { pg_trgm }, parsers: pgliteParsers });
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    async query(sql, params) {
      const result = await q.query(sql, params as unknown[]);
      return { rows: result.rows as never[], rowCount: result.affectedRows ?? result.rows.length };
    },
  });
  const base = wrap(db);
  return {
    kind: 'pglite',
    query: base.query,
    // PGlite has one connection; its transaction() holds an exclusive lock, so concurrent
    // requests queue behind it exactly like serialised transactions.
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async close() {
      await db.close();
    },
  };
}

export async function openDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir);
}
