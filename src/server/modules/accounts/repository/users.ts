// Queries on staff accounts (users): lookups, creation, the first-admin lock, and the sealing of
// TOTP secrets left in plaintext by versions before migration 0013.
import type { Queryable, Tx } from '../../../db/client.ts';
import { firstRow, qb } from '../../../db/kysely.ts';
import type { StaffRole } from '../../../../domain/access/policy.ts';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: StaffRole;
  region_code: string | null;
  agency: string | null;
  /** Plaintext, only from versions before 0013; sealed into totp_secret_sealed at start. */
  totp_secret: string | null;
  totp_secret_sealed: string | null;
  totp_pending_sealed: string | null;
  totp_enabled: boolean;
  failed_logins: number;
  locked_until: Date | null;
  totp_last_step: number | null;
  disabled: boolean;
}

/** Serialises first-admin creation across processes (with the check that no admin exists yet). */
const FIRST_ADMIN_LOCK = 4_242_011;

export async function lockFirstAdmin(tx: Tx): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ADMIN_LOCK]);
}

export async function userByUsername(db: Queryable, username: string): Promise<UserRow | undefined> {
  return (await db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username])).rows[0];
}

export async function userById(db: Queryable, id: string): Promise<UserRow | undefined> {
  return (await db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id])).rows[0];
}

export async function listUserRows(db: Queryable): Promise<UserRow[]> {
  return (await db.query<UserRow>('SELECT * FROM users ORDER BY username')).rows;
}

export async function usernameTaken(tx: Tx, username: string): Promise<boolean> {
  return (await firstRow(tx, qb.selectFrom('users').select('id').where('username', '=', username))) !== undefined;
}

export async function regionExists(db: Queryable, code: string): Promise<boolean> {
  return (await firstRow(db, qb.selectFrom('regions').select('code').where('code', '=', code))) !== undefined;
}

export async function adminExists(tx: Tx): Promise<boolean> {
  return (await firstRow(tx, qb.selectFrom('users').select('id').where('role', '=', 'admin').limit(1))) !== undefined;
}

export async function countAdminRows(db: Queryable): Promise<number> {
  return (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE role = 'admin'")).rows[0].n;
}

export async function countUserRows(db: Queryable): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users')).rows[0].n;
}

export async function insertUser(
  tx: Tx,
  user: {
    id: string;
    username: string;
    displayName: string;
    passwordHash: string;
    role: StaffRole;
    regionCode: string | null;
    agency: string | null;
  },
): Promise<UserRow> {
  const inserted = await tx.query<UserRow>(
    `INSERT INTO users (id, username, display_name, password_hash, role, region_code, agency)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [user.id, user.username, user.displayName, user.passwordHash, user.role, user.regionCode, user.agency],
  );
  return inserted.rows[0];
}

export async function usersWithPlaintextTotp(db: Queryable): Promise<{ id: string; totp_secret: string; totp_enabled: boolean }[]> {
  return (
    await db.query<{ id: string; totp_secret: string; totp_enabled: boolean }>(
      'SELECT id, totp_secret, totp_enabled FROM users WHERE totp_secret IS NOT NULL',
    )
  ).rows;
}

/** Replaces a plaintext secret by its sealed form (active or pending); false when it changed meanwhile. */
export async function sealTotpSecret(tx: Tx, user: { id: string; plaintext: string; enabled: boolean }, sealed: string): Promise<boolean> {
  const column = user.enabled ? 'totp_secret_sealed' : 'totp_pending_sealed';
  const result = await tx.query(`UPDATE users SET ${column} = $3, totp_secret = NULL WHERE id = $1 AND totp_secret = $2 RETURNING id`, [
    user.id,
    user.plaintext,
    sealed,
  ]);
  return result.rows.length === 1;
}
