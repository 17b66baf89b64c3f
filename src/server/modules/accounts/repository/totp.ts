// Queries on the second factor: TOTP secrets and burnt time steps on users, recovery codes.
import type { Queryable, Tx } from '../../../db/client.ts';
import { execute, firstRow, qb, sql } from '../../../db/kysely.ts';

/** Deletes the code if it is the user's: true once, for one request only. */
export async function consumeRecoveryCode(db: Queryable, userId: string, codeHash: string): Promise<boolean> {
  const used = await db.query('DELETE FROM totp_recovery_codes WHERE user_id = $1 AND code_hash = $2 RETURNING user_id', [
    userId,
    codeHash,
  ]);
  return used.rows.length === 1;
}

/** Records the accepted time step if it is later than the last one: true once per step. */
export async function burnTotpStep(db: Queryable, userId: string, step: number): Promise<boolean> {
  const burnt = await db.query(
    'UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id',
    [userId, step],
  );
  return burnt.rows.length === 1;
}

export async function setPendingTotpSecret(tx: Tx, userId: string, sealed: string): Promise<void> {
  await execute(tx, qb.updateTable('users').set({ totp_pending_sealed: sealed }).where('id', '=', userId));
}

/** Makes the pending secret the active one, if it is still `pendingSealed`; false when it changed meanwhile. */
export async function activatePendingTotpSecret(tx: Tx, userId: string, pendingSealed: string, step: number): Promise<boolean> {
  const moved = await tx.query(
    `UPDATE users SET totp_secret_sealed = totp_pending_sealed, totp_pending_sealed = NULL, totp_secret = NULL,
         totp_enabled = true, totp_last_step = GREATEST(COALESCE(totp_last_step, 0), $3)
       WHERE id = $1 AND totp_pending_sealed = $2 RETURNING id`,
    [userId, pendingSealed, step],
  );
  return moved.rows.length === 1;
}

export async function clearTotp(tx: Tx, userId: string): Promise<void> {
  await execute(
    tx,
    qb
      .updateTable('users')
      .set({ totp_enabled: false, totp_secret: null, totp_secret_sealed: null, totp_pending_sealed: null })
      .where('id', '=', userId),
  );
}

export async function deleteRecoveryCodes(tx: Tx, userId: string): Promise<void> {
  await execute(tx, qb.deleteFrom('totp_recovery_codes').where('user_id', '=', userId));
}

export async function insertRecoveryCode(tx: Tx, userId: string, codeHash: string, at: Date): Promise<void> {
  await execute(tx, qb.insertInto('totp_recovery_codes').values({ user_id: userId, code_hash: codeHash, created_at: at }));
}

export async function countRecoveryCodes(db: Queryable, userId: string): Promise<number> {
  const row = await firstRow(
    db,
    qb
      .selectFrom('totp_recovery_codes')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('user_id', '=', userId),
  );
  return row?.n ?? 0;
}
