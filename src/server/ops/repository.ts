// Queries of backup and restore: the catalogue (tables in foreign-key order, primary keys, serial
// sequences), whole-table dumps as JSON rows and bulk loads through json_populate_recordset.
// Table and column names come from the catalogue, never from input, and are quoted.
import type { Queryable, Tx } from '../db/client.ts';
import { execute, qb, rows } from '../db/kysely.ts';
import { STATS_SCAN } from '../modules/stats/service.ts';

export async function publicTables(db: Queryable): Promise<string[]> {
  const result = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
  );
  return result.rows.map((r) => r.name);
}

export async function foreignKeyEdges(db: Queryable): Promise<{ child: string; parent: string }[]> {
  const result = await db.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace WHERE k.contype = 'f' AND n.nspname = 'public'`,
  );
  return result.rows;
}

export async function primaryKeyColumns(db: Queryable, table: string): Promise<string[]> {
  const result = await db.query<{ attname: string }>(
    `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
     WHERE i.indrelid = $1::regclass AND i.indisprimary`,
    [table],
  );
  return result.rows.map((r) => r.attname);
}

export async function appliedMigrations(db: Queryable): Promise<string[]> {
  return (await rows(db, qb.selectFrom('schema_migrations').select('name').orderBy('name'))).map((r) => r.name);
}

/** One snapshot for the whole dump (PostgreSQL; PGlite is single-connection and consistent anyway). */
export async function useRepeatableRead(tx: Tx): Promise<void> {
  await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
}

/** One page of a table as JSON rows, in the given (quoted) ORDER BY. */
export async function tablePage(tx: Tx, table: string, orderBy: string, limit: number, offset: number): Promise<unknown[]> {
  const page = await tx.query<{ row: unknown }>(
    `SELECT row_to_json(t) AS row FROM "${table}" t ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}`,
  );
  return page.rows.map((r) => r.row);
}

export async function evidenceHashes(db: Queryable): Promise<string[]> {
  return (await rows(db, qb.selectFrom('evidence_files').select('sha256').orderBy('sha256'))).map((r) => r.sha256);
}

export async function countCases(db: Queryable): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')).rows[0].n;
}

export async function countTableRows(db: Queryable, table: string): Promise<number> {
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n;
}

/** Empties a table; an append-only one (its trigger refuses DELETE) with its user triggers off meanwhile. */
export async function clearTable(tx: Tx, table: string, appendOnly: boolean): Promise<void> {
  if (appendOnly) await tx.query(`ALTER TABLE "${table}" DISABLE TRIGGER USER`);
  await tx.query(`DELETE FROM "${table}"`);
  if (appendOnly) await tx.query(`ALTER TABLE "${table}" ENABLE TRIGGER USER`);
}

/** Inserts rows given as JSON objects (a JSON array text); types follow the table's columns. */
export async function insertJsonRows(tx: Tx, table: string, jsonArray: string): Promise<void> {
  await tx.query(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(null::"${table}", $1::json)`, [jsonArray]);
}

/** Moves every serial sequence of the table past its restored ids. */
export async function advanceSerials(tx: Tx, table: string): Promise<void> {
  const serials = await tx.query<{ column_name: string; seq: string | null }>(
    `SELECT column_name, pg_get_serial_sequence($1, column_name) AS seq FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = $1`,
    [table],
  );
  for (const s of serials.rows) {
    if (s.seq) await tx.query(`SELECT setval($1, GREATEST((SELECT max("${s.column_name}") FROM "${table}"), 1))`, [s.seq]);
  }
}

/** Rebuilds the dashboard counters from a full scan of the restored cases. */
export async function rebuildStatsCounts(tx: Tx): Promise<void> {
  await execute(tx, qb.deleteFrom('stats_counts'));
  await tx.query(`INSERT INTO stats_counts (dimension, key, n)
        SELECT dimension, key, sum(n) FROM (${STATS_SCAN}) s GROUP BY 1, 2`);
}
