// Policy settings (jsonb values keyed by name).
import type { Queryable, Tx } from '../../../db/client.ts';

export async function readSetting<T>(db: Queryable, key: string, fallback: T): Promise<T> {
  const row = (await db.query<{ value: T }>('SELECT value FROM policy_settings WHERE key = $1', [key])).rows[0];
  return row ? row.value : fallback;
}

export async function listSettings(db: Queryable) {
  return (
    await db.query<{ key: string; value: unknown; updated_at: Date; updated_by: string | null }>(
      'SELECT * FROM policy_settings ORDER BY key',
    )
  ).rows;
}

/** Writes a setting; resolves to its value before (null when it was not set). */
export async function upsertSetting(tx: Tx, key: string, value: unknown, at: Date, by: string): Promise<unknown> {
  const before = (await tx.query<{ value: unknown }>('SELECT value FROM policy_settings WHERE key = $1', [key])).rows[0]?.value ?? null;
  await tx.query(
    `INSERT INTO policy_settings (key, value, updated_at, updated_by) VALUES ($1, $2, $3, $4)
      ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [key, JSON.stringify(value), at, by],
  );
  return before;
}
