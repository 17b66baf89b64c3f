// Queries on the sign-in failure counters (login_throttle), one row per scope, shared by every process.
import type { Queryable } from '../../../db/client.ts';
import { execute, qb } from '../../../db/kysely.ts';

/** The latest block still running on any of the scopes. */
export async function blockedUntil(db: Queryable, scopes: string[], now: Date): Promise<Date | null> {
  const result = await db.query<{ blocked_until: Date | null }>(
    'SELECT blocked_until FROM login_throttle WHERE scope = ANY($1) AND blocked_until > $2 ORDER BY blocked_until DESC LIMIT 1',
    [scopes, now],
  );
  return result.rows[0]?.blocked_until ?? null;
}

/** Counts one failure atomically; a counter idle since before `forgetBefore` starts again at 1. */
export async function countFailure(db: Queryable, scope: string, now: Date, forgetBefore: Date): Promise<number> {
  const counted = await db.query<{ failures: number }>(
    `INSERT INTO login_throttle (scope, failures, last_failure) VALUES ($1, 1, $2)
     ON CONFLICT (scope) DO UPDATE SET
       failures = CASE WHEN login_throttle.last_failure < $3 THEN 1 ELSE login_throttle.failures + 1 END,
       last_failure = $2
     RETURNING failures`,
    [scope, now, forgetBefore],
  );
  return counted.rows[0].failures;
}

export async function setBlockedUntil(db: Queryable, scope: string, until: Date | null): Promise<void> {
  await execute(db, qb.updateTable('login_throttle').set({ blocked_until: until }).where('scope', '=', scope));
}

export async function deleteScope(db: Queryable, scope: string): Promise<void> {
  await execute(db, qb.deleteFrom('login_throttle').where('scope', '=', scope));
}

/** Counters whose last failure is older than `forgottenBefore` and that block nothing any more. */
export async function deleteForgottenScopes(db: Queryable, forgottenBefore: Date, now: Date): Promise<void> {
  await db.query('DELETE FROM login_throttle WHERE last_failure < $1 AND (blocked_until IS NULL OR blocked_until < $2)', [
    forgottenBefore,
    now,
  ]);
}
