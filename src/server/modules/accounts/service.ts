// Accounts: argon2id passwords, cookie sessions, optional TOTP, lockout after repeated failures.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import { Secret, TOTP } from 'otpauth';
import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../audit/service.ts';
import { setupDone } from './setup.ts';
import { STAFF_ROLES, validateRoleScope, type Principal, type StaffRole } from '../../../domain/access/policy.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: StaffRole;
  region_code: string | null;
  agency: string | null;
  totp_secret: string | null;
  totp_enabled: boolean;
  failed_logins: number;
  locked_until: Date | null;
  totp_last_step: number | null;
  disabled: boolean;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function toPrincipal(user: Pick<UserRow, 'id' | 'role' | 'region_code' | 'agency'>): Principal {
  return { id: user.id, role: user.role, regionCode: user.region_code, agency: user.agency };
}

export function presentUser(user: UserRow) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    regionCode: user.region_code,
    agency: user.agency,
    totpEnabled: user.totp_enabled,
  };
}

export interface CreateUserInput {
  username: string;
  displayName?: string;
  password: string;
  role: StaffRole;
  regionCode?: string | null;
  agency?: string | null;
}

const FIRST_ADMIN_LOCK = 4_242_011;

/**
 * `firstAdmin`: the setup link's path; refused with `setup_done` once any admin exists (checked
 * under a lock in the same transaction, so two setups at once make one admin).
 */
export async function createUser(db: Db, input: CreateUserInput, actor: Principal | null, options: { firstAdmin?: boolean } = {}): Promise<UserRow> {
  if (!STAFF_ROLES.includes(input.role)) {
    throw new AppError('validation_failed', { id: `Peran tidak dikenal: ${input.role}`, en: `Unknown role: ${input.role}` }, { field: 'role' });
  }
  if (input.password.length < 10) {
    throw new AppError('validation_failed', { id: 'Kata sandi minimal 10 karakter.', en: 'Password must be at least 10 characters.' }, { field: 'password' });
  }
  const scopeProblem = validateRoleScope(input.role, input.regionCode ?? null, input.agency ?? null);
  if (scopeProblem === 'region' && input.role === 'ppk') {
    throw new AppError('validation_failed', {
      id: 'Peran PPK memerlukan kode wilayah pemerintah daerah (provinsi atau kabupaten/kota, mis. 16.02).',
      en: 'The PPK role needs the regional government\'s region code (a province or regency/city, e.g. 16.02).',
    }, { field: 'region' });
  }
  if (scopeProblem === 'region') {
    throw new AppError('validation_failed', {
      id: 'Peran pengawas memerlukan kode wilayah pada tingkat yang sesuai (mis. 16 untuk provinsi, 16.02 untuk kabupaten/kota).',
      en: 'Supervisor roles need a region code of the matching level (e.g. 16 for a province, 16.02 for a regency/city).',
    }, { field: 'region' });
  }
  if (scopeProblem === 'agency') {
    throw new AppError('validation_failed', { id: 'Peran PPK memerlukan instansi dari katalog (mis. dinas_pendidikan).', en: 'The PPK role needs an agency from the catalogue (e.g. dinas_pendidikan).' }, { field: 'agency' });
  }
  if (input.regionCode) {
    const region = await db.query('SELECT 1 FROM regions WHERE code = $1', [input.regionCode]);
    if (region.rows.length === 0) {
      throw new AppError('region_not_found', { id: `Kode wilayah tidak dikenal: ${input.regionCode}`, en: `Unknown region code: ${input.regionCode}` }, { field: 'region' });
    }
  }
  const passwordHash = await argon2.hash(input.password, { type: argon2.argon2id });
  const id = randomUUID();
  return db.transaction(async (tx) => {
    if (options.firstAdmin) {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ADMIN_LOCK]);
      if ((await tx.query("SELECT 1 FROM users WHERE role = 'admin' LIMIT 1")).rows.length > 0) throw setupDone();
    }
    const existing = await tx.query('SELECT 1 FROM users WHERE username = $1', [input.username]);
    if (existing.rows.length > 0) {
      throw new AppError('conflict', { id: `Nama pengguna sudah dipakai: ${input.username}`, en: `Username already taken: ${input.username}` }, { field: 'username' });
    }
    const inserted = await tx.query<UserRow>(
      `INSERT INTO users (id, username, display_name, password_hash, role, region_code, agency)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [id, input.username, input.displayName ?? input.username, passwordHash, input.role, input.regionCode ?? null, input.agency ?? null],
    );
    await appendAudit(tx, {
      actor: actor ? { id: actor.id, role: actor.role } : { id: null, role: options.firstAdmin ? 'setup' : 'cli' },
      action: 'user.created', entityType: 'user', entityId: id, regionCode: input.regionCode ?? null,
      data: { username: input.username, role: input.role, agency: input.agency ?? null, ...(options.firstAdmin ? { via: 'setup_link' } : {}) },
    });
    return inserted.rows[0];
  });
}

export async function countAdmins(db: Queryable): Promise<number> {
  const result = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE role = 'admin'");
  return result.rows[0].n;
}

export async function countUsers(db: Queryable): Promise<number> {
  const result = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return result.rows[0].n;
}

const invalidCredentials = () =>
  new AppError('invalid_credentials', { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' });

export interface LoginResult {
  token: string;
  csrfToken: string;
  user: UserRow;
  expiresAt: Date;
}

export function totpFor(secret: string, username: string) {
  return new TOTP({ issuer: 'Netra', label: username, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

export async function login(
  db: Db,
  input: { username: string; password: string; totp?: string },
  options: { sessionHours: number; now?: Date },
): Promise<LoginResult> {
  const now = options.now ?? new Date();
  const found = await db.query<UserRow>('SELECT * FROM users WHERE username = $1', [input.username]);
  const user = found.rows[0];
  if (!user || user.disabled) {
    // Same work as a real check, so timing does not reveal which usernames exist.
    await argon2.hash(input.password, { type: argon2.argon2id });
    throw invalidCredentials();
  }
  if (user.locked_until && new Date(user.locked_until) > now) {
    throw new AppError('account_locked', {
      id: `Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi setelah ${new Date(user.locked_until).toISOString()}.`,
      en: `Account temporarily locked after too many failed attempts. Try again after ${new Date(user.locked_until).toISOString()}.`,
    });
  }
  const passwordOk = await argon2.verify(user.password_hash, input.password);
  let totpOk = true;
  let totpStep: number | null = null;
  if (passwordOk && user.totp_enabled && user.totp_secret) {
    if (!input.totp) {
      throw new AppError('totp_required', { id: 'Masukkan kode TOTP dari aplikasi autentikator.', en: 'Enter the TOTP code from your authenticator app.' }, { field: 'totp' });
    }
    const delta = totpFor(user.totp_secret, user.username).validate({ token: input.totp, window: 1, timestamp: now.getTime() });
    totpStep = delta === null ? null : Math.floor(now.getTime() / 30_000) + delta;
    // A code already used (same or earlier step) is refused: no replay within the window.
    totpOk = totpStep !== null && (user.totp_last_step === null || totpStep > Number(user.totp_last_step));
  }
  if (!passwordOk || !totpOk) {
    await db.transaction(async (tx) => {
      const failed = user.failed_logins + 1;
      const lock = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null;
      await tx.query('UPDATE users SET failed_logins = $2, locked_until = $3 WHERE id = $1', [user.id, lock ? 0 : failed, lock]);
      await appendAudit(tx, {
        actor: { id: user.id, role: user.role }, action: lock ? 'auth.locked' : 'auth.login_failed', entityType: 'user', entityId: user.id,
        data: { failedLogins: failed, reason: passwordOk ? 'totp' : 'password' },
      });
    });
    if (!totpOk && passwordOk) {
      throw new AppError('invalid_credentials', { id: 'Kode TOTP salah.', en: 'Wrong TOTP code.' }, { field: 'totp' });
    }
    throw invalidCredentials();
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + options.sessionHours * 3_600_000);
  await db.transaction(async (tx) => {
    await tx.query('UPDATE users SET failed_logins = 0, locked_until = NULL, totp_last_step = COALESCE($2, totp_last_step) WHERE id = $1', [user.id, totpStep]);
    await tx.query('INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)', [hashToken(token), user.id, csrfToken, expiresAt]);
    await appendAudit(tx, { actor: { id: user.id, role: user.role }, action: 'auth.login', entityType: 'user', entityId: user.id });
  });
  return { token, csrfToken, user, expiresAt };
}

export async function findSession(db: Queryable, token: string, now = new Date()): Promise<{ user: UserRow; csrfToken: string } | null> {
  const result = await db.query<UserRow & { csrf_token: string }>(
    `SELECT u.*, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled`,
    [hashToken(token), now],
  );
  const row = result.rows[0];
  return row ? { user: row, csrfToken: row.csrf_token } : null;
}

export async function logout(db: Db, token: string, principal: Principal): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
    await appendAudit(tx, { actor: { id: principal.id, role: principal.role }, action: 'auth.logout', entityType: 'user', entityId: principal.id });
  });
}

/** Starts TOTP enrolment: stores a new secret (not yet enforced) and returns the otpauth URI. */
export async function beginTotpEnrolment(db: Db, user: UserRow): Promise<{ secret: string; uri: string }> {
  const secret = new Secret({ size: 20 }).base32;
  await db.transaction(async (tx) => {
    await tx.query('UPDATE users SET totp_secret = $2, totp_enabled = false WHERE id = $1', [user.id, secret]);
    await appendAudit(tx, { actor: { id: user.id, role: user.role }, action: 'auth.totp_enrolment_started', entityType: 'user', entityId: user.id });
  });
  return { secret, uri: totpFor(secret, user.username).toString() };
}

export async function confirmTotpEnrolment(db: Db, userId: string, code: string): Promise<void> {
  const found = await db.query<UserRow>('SELECT * FROM users WHERE id = $1', [userId]);
  const user = found.rows[0];
  if (!user?.totp_secret) {
    throw new AppError('bad_request', { id: 'Mulai pendaftaran TOTP terlebih dahulu.', en: 'Start TOTP enrolment first.' });
  }
  if (totpFor(user.totp_secret, user.username).validate({ token: code, window: 1 }) === null) {
    throw new AppError('validation_failed', { id: 'Kode TOTP salah.', en: 'Wrong TOTP code.' }, { field: 'code' });
  }
  await db.transaction(async (tx) => {
    await tx.query('UPDATE users SET totp_enabled = true WHERE id = $1', [user.id]);
    await appendAudit(tx, { actor: { id: user.id, role: user.role }, action: 'auth.totp_enabled', entityType: 'user', entityId: user.id });
  });
}
