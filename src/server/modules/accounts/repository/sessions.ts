// Queries on cookie sessions. `sessionUser` runs on every signed-in request (the auth hook).
import type { Queryable, Tx } from '../../../db/client.ts';
import { execute, qb } from '../../../db/kysely.ts';
import type { UserRow } from './users.ts';

export async function insertSession(
  tx: Tx,
  session: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await tx.query('INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)', [
    session.tokenHash,
    session.userId,
    session.csrfToken,
    session.expiresAt,
  ]);
}

/** The session's user (not disabled) and CSRF token, while the session has not expired. */
export async function sessionUser(db: Queryable, tokenHash: string, now: Date): Promise<(UserRow & { csrf_token: string }) | undefined> {
  const result = await db.query<UserRow & { csrf_token: string }>(
    `SELECT u.*, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled`,
    [tokenHash, now],
  );
  return result.rows[0];
}

export async function deleteSession(tx: Tx, tokenHash: string): Promise<void> {
  await execute(tx, qb.deleteFrom('sessions').where('token_hash', '=', tokenHash));
}
