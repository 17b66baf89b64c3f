// Typed queries for repositories: Kysely builds and compiles the SQL against the generated row
// types (schema.ts); our own Queryable runs it, so PGlite's per-statement yield, the replica's
// fallback and `Tx` stay exactly as they are (Kysely's "compile only" set-up: DummyDriver).
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type Compilable,
  type Selectable,
  type Insertable,
  type Updateable,
} from 'kysely';
import type { Queryable } from './client.ts';
import type { DB } from './schema.ts';

export type { DB } from './schema.ts';
export { sql } from 'kysely';

/** Row of a table as read (`Generated<>` columns unwrapped). */
export type Row<T extends keyof DB> = Selectable<DB[T]>;
export type NewRow<T extends keyof DB> = Insertable<DB[T]>;
export type RowPatch<T extends keyof DB> = Updateable<DB[T]>;

/** Query builder over the generated schema; it never connects. */
export const qb = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** Runs a built query; its rows have the type Kysely inferred. */
export async function rows<O>(db: Queryable, query: Compilable<O>): Promise<O[]> {
  const compiled = query.compile();
  return (await db.query<O>(compiled.sql, [...compiled.parameters])).rows;
}

/** The first row, or undefined. */
export async function firstRow<O>(db: Queryable, query: Compilable<O>): Promise<O | undefined> {
  return (await rows(db, query))[0];
}

/** Runs a write; resolves to the number of rows it touched. */
export async function execute(db: Queryable, query: Compilable<unknown>): Promise<number> {
  const compiled = query.compile();
  return (await db.query(compiled.sql, [...compiled.parameters])).rowCount;
}
