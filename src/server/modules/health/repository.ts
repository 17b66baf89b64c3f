// The health probe's two queries: a trivial round trip and the reference counts (cached by the caller).
import type { Queryable } from '../../db/client.ts';

export interface ReferenceCounts {
  regions: number;
  contests: number;
  migrations: number;
}

/** One statement for the three counts: a probe storm refreshing them costs one round trip. */
export async function countReference(db: Queryable): Promise<ReferenceCounts> {
  const result = await db.query<ReferenceCounts>(
    `SELECT (SELECT count(*)::int FROM regions) AS regions, (SELECT count(*)::int FROM contests) AS contests,
              (SELECT count(*)::int FROM schema_migrations) AS migrations`,
  );
  return result.rows[0];
}

export async function pingDatabase(db: Queryable): Promise<void> {
  await db.query('SELECT 1');
}
