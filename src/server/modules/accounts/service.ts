// Accounts: argon2id passwords, cookie sessions, TOTP (sealed at rest, required for staff by
// default, with single-use recovery codes), and sign-in limits per (username, address) and per address.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import { Secret, TOTP } from 'otpauth';
import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { Vault } from '../../platform/vault.ts';
import { appendAudit, SYSTEM_ACTOR } from '../audit/index.ts';
import { setupDone } from './setup.ts';
import { STAFF_ROLES, validateRoleScope, type Principal, type StaffRole } from '../../../domain/access/policy.ts';
import {
  LOGIN_ADDRESS_POLICY,
  LOGIN_PAIR_POLICY,
  delayAfter,
  totpRequiredFor,
  type ThrottlePolicy,
  type TotpRequirement,
} from '../../../domain/access/throttle.ts';

export interface AccountDeps {
  db: Db;
  vault: Vault;
  requireTotp: TotpRequirement;
  now?: () => Date;
}

const nowOf = (deps: { now?: () => Date }) => (deps.now ? deps.now() : new Date());

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

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function toPrincipal(user: Pick<UserRow, 'id' | 'role' | 'region_code' | 'agency'>): Principal {
  return { id: user.id, role: user.role, regionCode: user.region_code, agency: user.agency };
}

export function presentUser(user: UserRow, requireTotp: TotpRequirement = 'off') {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    regionCode: user.region_code,
    agency: user.agency,
    totpEnabled: user.totp_enabled,
    /** TOTP must be enrolled before anything else (NETRA_REQUIRE_TOTP). */
    totpRequired: !user.totp_enabled && totpRequiredFor(user.role, requireTotp),
    /** Whether switching TOTP off is allowed for this role. */
    totpMandatory: totpRequiredFor(user.role, requireTotp),
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
export async function createUser(
  db: Db,
  input: CreateUserInput,
  actor: Principal | null,
  options: { firstAdmin?: boolean } = {},
): Promise<UserRow> {
  if (!STAFF_ROLES.includes(input.role)) {
    throw new AppError(
      'validation_failed',
      { id: `Peran tidak dikenal: ${input.role}`, en: `Unknown role: ${input.role}` },
      { field: 'role' },
    );
  }
  if (input.password.length < 10) {
    throw new AppError(
      'validation_failed',
      { id: 'Kata sandi minimal 10 karakter.', en: 'Password must be at least 10 characters.' },
      { field: 'password' },
    );
  }
  const scopeProblem = validateRoleScope(input.role, input.regionCode ?? null, input.agency ?? null);
  if (scopeProblem === 'region' && input.role === 'ppk') {
    throw new AppError(
      'validation_failed',
      {
        id: 'Peran PPK memerlukan kode wilayah pemerintah daerah (provinsi atau kabupaten/kota, mis. 16.02).',
        en: "The PPK role needs the regional government's region code (a province or regency/city, e.g. 16.02).",
      },
      { field: 'region' },
    );
  }
  if (scopeProblem === 'region') {
    throw new AppError(
      'validation_failed',
      {
        id: 'Peran pengawas memerlukan kode wilayah pada tingkat yang sesuai (mis. 16 untuk provinsi, 16.02 untuk kabupaten/kota).',
        en: 'Supervisor roles need a region code of the matching level (e.g. 16 for a province, 16.02 for a regency/city).',
      },
      { field: 'region' },
    );
  }
  if (scopeProblem === 'agency') {
    throw new AppError(
      'validation_failed',
      {
        id: 'Peran PPK memerlukan instansi dari katalog (mis. dinas_pendidikan).',
        en: 'The PPK role needs an agency from the catalogue (e.g. dinas_pendidikan).',
      },
      { field: 'agency' },
    );
  }
  if (input.regionCode) {
    const region = await db.query('SELECT 1 FROM regions WHERE code = $1', [input.regionCode]);
    if (region.rows.length === 0) {
      throw new AppError(
        'region_not_found',
        { id: `Kode wilayah tidak dikenal: ${input.regionCode}`, en: `Unknown region code: ${input.regionCode}` },
        { field: 'region' },
      );
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
      throw new AppError(
        'conflict',
        { id: `Nama pengguna sudah dipakai: ${input.username}`, en: `Username already taken: ${input.username}` },
        { field: 'username' },
      );
    }
    const inserted = await tx.query<UserRow>(
      `INSERT INTO users (id, username, display_name, password_hash, role, region_code, agency)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [id, input.username, input.displayName ?? input.username, passwordHash, input.role, input.regionCode ?? null, input.agency ?? null],
    );
    await appendAudit(tx, {
      actor: actor ? { id: actor.id, role: actor.role } : { id: null, role: options.firstAdmin ? 'setup' : 'cli' },
      action: 'user.created',
      entityType: 'user',
      entityId: id,
      regionCode: input.regionCode ?? null,
      data: {
        username: input.username,
        role: input.role,
        agency: input.agency ?? null,
        ...(options.firstAdmin ? { via: 'setup_link' } : {}),
      },
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

// One answer for an unknown username, a disabled account and a wrong password.
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

// A hash verified when the username is unknown, so both paths cost one argon2 verify.
let dummyHash: Promise<string> | null = null;
const dummyPasswordHash = () => (dummyHash ??= argon2.hash(randomBytes(16).toString('hex'), { type: argon2.argon2id }));

// ---- failure counters (login_throttle) ----

export const pairScope = (username: string, address: string) => `user:${address}|${username}`;
export const addressScope = (address: string) => `addr:${address}`;
export const totpScope = (userId: string) => `totp:${userId}`;

const tooManyAttempts = (until: Date, now: Date, field?: string) => {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError(
    'rate_limited',
    {
      id: `Terlalu banyak percobaan yang gagal dari alamat ini. Coba lagi dalam ${seconds} detik.`,
      en: `Too many failed attempts from this address. Try again in ${seconds} seconds.`,
    },
    { details: { retryAfterSeconds: seconds }, ...(field ? { field } : {}) },
  );
};

/** Refuses (429) while any of the scopes is in its delay; the same answer whoever the username is. */
export async function assertNotThrottled(db: Queryable, scopes: string[], now: Date, field?: string): Promise<void> {
  const result = await db.query<{ blocked_until: Date | null }>(
    'SELECT blocked_until FROM login_throttle WHERE scope = ANY($1) AND blocked_until > $2 ORDER BY blocked_until DESC LIMIT 1',
    [scopes, now],
  );
  const until = result.rows[0]?.blocked_until;
  if (until) throw tooManyAttempts(new Date(until), now, field);
}

/** Counts one failure on a scope (atomically, shared by every process) and sets its next delay. */
export async function recordFailure(db: Queryable, scope: string, policy: ThrottlePolicy, now: Date): Promise<number> {
  const forgetBefore = new Date(now.getTime() - policy.forgetAfterMs);
  const counted = await db.query<{ failures: number }>(
    `INSERT INTO login_throttle (scope, failures, last_failure) VALUES ($1, 1, $2)
     ON CONFLICT (scope) DO UPDATE SET
       failures = CASE WHEN login_throttle.last_failure < $3 THEN 1 ELSE login_throttle.failures + 1 END,
       last_failure = $2
     RETURNING failures`,
    [scope, now, forgetBefore],
  );
  const failures = counted.rows[0].failures;
  const delay = delayAfter(failures, policy);
  await db.query('UPDATE login_throttle SET blocked_until = $2 WHERE scope = $1', [
    scope,
    delay > 0 ? new Date(now.getTime() + delay) : null,
  ]);
  return failures;
}

const clearScope = (db: Queryable, scope: string) => db.query('DELETE FROM login_throttle WHERE scope = $1', [scope]);

// ---- second factor ----

/** The active TOTP secret, unsealed (a plaintext one from an older version is still honoured until sealed). */
export function activeTotpSecret(vault: Vault, user: UserRow): string | null {
  if (user.totp_secret_sealed) return vault.decrypt(user.totp_secret_sealed);
  return user.totp_secret;
}

const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');
const recoveryHash = (vault: Vault, userId: string, code: string) => vault.mac(`totp-recovery:${userId}:${normaliseRecoveryCode(code)}`);

export const RECOVERY_CODE_COUNT = 10;
function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export interface SecondFactor {
  totp?: string;
  recoveryCode?: string;
}

/**
 * Checks a TOTP code (its time step must be later than the last one accepted, and is then burnt)
 * or consumes one recovery code. Atomic: two requests with the same code cannot both pass.
 */
export async function acceptSecondFactor(db: Queryable, vault: Vault, user: UserRow, factor: SecondFactor, now: Date): Promise<boolean> {
  if (factor.recoveryCode) {
    const used = await db.query('DELETE FROM totp_recovery_codes WHERE user_id = $1 AND code_hash = $2 RETURNING user_id', [
      user.id,
      recoveryHash(vault, user.id, factor.recoveryCode),
    ]);
    return used.rows.length === 1;
  }
  const secret = activeTotpSecret(vault, user);
  if (!factor.totp || !secret) return false;
  const delta = totpFor(secret, user.username).validate({ token: factor.totp, window: 1, timestamp: now.getTime() });
  if (delta === null) return false;
  const step = Math.floor(now.getTime() / 30_000) + delta;
  const burnt = await db.query(
    'UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id',
    [user.id, step],
  );
  return burnt.rows.length === 1;
}

// ---- sign-in ----

export async function login(
  deps: AccountDeps,
  input: { username: string; password: string; totp?: string; recoveryCode?: string },
  options: { sessionHours: number; address: string },
): Promise<LoginResult> {
  const { db, vault } = deps;
  const now = nowOf(deps);
  const pair = pairScope(input.username, options.address);
  const addr = addressScope(options.address);
  // Refused before the password is even checked, identically for known and unknown usernames.
  await assertNotThrottled(db, [pair, addr], now);

  const found = await db.query<UserRow>('SELECT * FROM users WHERE username = $1', [input.username]);
  const candidate = found.rows[0];
  const user = candidate && !candidate.disabled ? candidate : null;
  // Unknown and disabled accounts take the same path and the same time as a wrong password.
  const passwordOk = (await argon2.verify(user ? user.password_hash : await dummyPasswordHash(), input.password)) && user !== null;
  let factorOk = true;
  if (passwordOk && user.totp_enabled) {
    if (!input.totp && !input.recoveryCode) {
      throw new AppError(
        'totp_required',
        { id: 'Masukkan kode TOTP dari aplikasi autentikator.', en: 'Enter the TOTP code from your authenticator app.' },
        { field: 'totp' },
      );
    }
    factorOk = await acceptSecondFactor(db, vault, user, input, now);
  }
  if (!passwordOk || !factorOk) {
    await db.transaction(async (tx) => {
      const failures = await recordFailure(tx, pair, LOGIN_PAIR_POLICY, now);
      await recordFailure(tx, addr, LOGIN_ADDRESS_POLICY, now);
      if (user) {
        await appendAudit(tx, {
          actor: { id: user.id, role: user.role },
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user.id,
          at: now,
          data: { failures, address: options.address, reason: passwordOk ? (input.recoveryCode ? 'recovery_code' : 'totp') : 'password' },
        });
      }
    });
    if (passwordOk) {
      throw new AppError(
        'invalid_credentials',
        input.recoveryCode
          ? { id: 'Kode pemulihan salah atau sudah dipakai.', en: 'Wrong or already used recovery code.' }
          : { id: 'Kode TOTP salah.', en: 'Wrong TOTP code.' },
        { field: input.recoveryCode ? 'recoveryCode' : 'totp' },
      );
    }
    throw invalidCredentials();
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  // Sessions live on the real clock (the auth hook checks them against it); `now` (injectable for
  // tests) drives the failure counters and TOTP time steps.
  const expiresAt = new Date(Date.now() + options.sessionHours * 3_600_000);
  await db.transaction(async (tx) => {
    // The owner's success clears only their own (username, address) counter, never the address's.
    await clearScope(tx, pair);
    // Counters past their memory are dead weight (a spray leaves one row per username tried).
    await tx.query('DELETE FROM login_throttle WHERE last_failure < $1 AND (blocked_until IS NULL OR blocked_until < $2)', [
      new Date(now.getTime() - Math.max(LOGIN_PAIR_POLICY.forgetAfterMs, LOGIN_ADDRESS_POLICY.forgetAfterMs)),
      now,
    ]);
    await tx.query('INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)', [
      hashToken(token),
      user.id,
      csrfToken,
      expiresAt,
    ]);
    await appendAudit(tx, {
      actor: { id: user.id, role: user.role },
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      at: now,
      data: { address: options.address, ...(input.recoveryCode && user.totp_enabled ? { recoveryCode: true } : {}) },
    });
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
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: 'auth.logout',
      entityType: 'user',
      entityId: principal.id,
    });
  });
}

const wrongCode = (field: string) =>
  new AppError('validation_failed', { id: 'Kode TOTP atau kode pemulihan salah.', en: 'Wrong TOTP or recovery code.' }, { field });

/**
 * Proves the session's owner holds the current second factor before TOTP is changed: a session
 * alone (a stolen cookie, an unlocked screen) must not be able to switch it off or replace it.
 */
async function requireCurrentFactor(deps: AccountDeps, user: UserRow, factor: SecondFactor): Promise<void> {
  const now = nowOf(deps);
  const field = factor.recoveryCode ? 'recoveryCode' : 'code';
  if (!factor.totp && !factor.recoveryCode) {
    throw new AppError(
      'totp_required',
      {
        id: 'Masukkan kode TOTP saat ini (atau kode pemulihan) untuk mengubah verifikasi dua langkah.',
        en: 'Enter your current TOTP code (or a recovery code) to change two-step verification.',
      },
      { field: 'code', status: 403 },
    );
  }
  const scope = totpScope(user.id);
  await assertNotThrottled(deps.db, [scope], now, field);
  if (!(await acceptSecondFactor(deps.db, deps.vault, user, factor, now))) {
    await deps.db.transaction(async (tx) => {
      await recordFailure(tx, scope, LOGIN_PAIR_POLICY, now);
      await appendAudit(tx, {
        actor: { id: user.id, role: user.role },
        action: 'auth.totp_proof_failed',
        entityType: 'user',
        entityId: user.id,
        at: now,
      });
    });
    throw wrongCode(field);
  }
  await clearScope(deps.db, scope);
}

/**
 * Starts TOTP enrolment: a new secret is kept aside (sealed) and replaces the active one only when
 * confirmed. Re-enrolling while TOTP is on needs the current code or a recovery code.
 */
export async function beginTotpEnrolment(deps: AccountDeps, user: UserRow, factor: SecondFactor): Promise<{ secret: string; uri: string }> {
  if (user.totp_enabled) await requireCurrentFactor(deps, user, factor);
  const secret = new Secret({ size: 20 }).base32;
  await deps.db.transaction(async (tx) => {
    await tx.query('UPDATE users SET totp_pending_sealed = $2 WHERE id = $1', [user.id, deps.vault.encrypt(secret)]);
    await appendAudit(tx, {
      actor: { id: user.id, role: user.role },
      action: 'auth.totp_enrolment_started',
      entityType: 'user',
      entityId: user.id,
      at: nowOf(deps),
    });
  });
  return { secret, uri: totpFor(secret, user.username).toString() };
}

/**
 * Confirms enrolment with a code from the new secret. The code's time step is burnt (it cannot
 * be used again to sign in) and a fresh set of recovery codes is returned, shown once.
 */
export async function confirmTotpEnrolment(deps: AccountDeps, userId: string, code: string): Promise<{ recoveryCodes: string[] }> {
  const now = nowOf(deps);
  const found = await deps.db.query<UserRow>('SELECT * FROM users WHERE id = $1', [userId]);
  const user = found.rows[0];
  if (!user?.totp_pending_sealed) {
    throw new AppError('bad_request', { id: 'Mulai pendaftaran TOTP terlebih dahulu.', en: 'Start TOTP enrolment first.' });
  }
  const scope = totpScope(user.id);
  await assertNotThrottled(deps.db, [scope], now, 'code');
  const secret = deps.vault.decrypt(user.totp_pending_sealed);
  const delta = totpFor(secret, user.username).validate({ token: code, window: 1, timestamp: now.getTime() });
  if (delta === null) {
    await recordFailure(deps.db, scope, LOGIN_PAIR_POLICY, now);
    throw new AppError('validation_failed', { id: 'Kode TOTP salah.', en: 'Wrong TOTP code.' }, { field: 'code' });
  }
  const step = Math.floor(now.getTime() / 30_000) + delta;
  const recoveryCodes = newRecoveryCodes();
  await deps.db.transaction(async (tx) => {
    const moved = await tx.query(
      `UPDATE users SET totp_secret_sealed = totp_pending_sealed, totp_pending_sealed = NULL, totp_secret = NULL,
         totp_enabled = true, totp_last_step = GREATEST(COALESCE(totp_last_step, 0), $3)
       WHERE id = $1 AND totp_pending_sealed = $2 RETURNING id`,
      [user.id, user.totp_pending_sealed, step],
    );
    if (moved.rows.length !== 1) {
      throw new AppError('conflict', { id: 'Pendaftaran TOTP berubah; mulai lagi.', en: 'TOTP enrolment changed; start again.' });
    }
    await tx.query('DELETE FROM totp_recovery_codes WHERE user_id = $1', [user.id]);
    for (const c of recoveryCodes) {
      await tx.query('INSERT INTO totp_recovery_codes (user_id, code_hash, created_at) VALUES ($1, $2, $3)', [
        user.id,
        recoveryHash(deps.vault, user.id, c),
        now,
      ]);
    }
    await clearScope(tx, scope);
    await appendAudit(tx, {
      actor: { id: user.id, role: user.role },
      action: 'auth.totp_enabled',
      entityType: 'user',
      entityId: user.id,
      at: now,
      data: { recoveryCodes: recoveryCodes.length },
    });
  });
  return { recoveryCodes };
}

/** Switches TOTP off: needs the current code (or a recovery code), and is refused where policy requires TOTP. */
export async function disableTotp(deps: AccountDeps, user: UserRow, factor: SecondFactor): Promise<void> {
  if (totpRequiredFor(user.role, deps.requireTotp)) {
    throw new AppError('forbidden', {
      id: 'Verifikasi dua langkah wajib untuk peran ini; daftarkan ulang perangkat alih-alih menonaktifkan.',
      en: 'Two-step verification is required for this role; re-enrol a device instead of switching it off.',
    });
  }
  if (!user.totp_enabled) return;
  await requireCurrentFactor(deps, user, factor);
  await deps.db.transaction(async (tx) => {
    await tx.query(
      'UPDATE users SET totp_enabled = false, totp_secret = NULL, totp_secret_sealed = NULL, totp_pending_sealed = NULL WHERE id = $1',
      [user.id],
    );
    await tx.query('DELETE FROM totp_recovery_codes WHERE user_id = $1', [user.id]);
    await appendAudit(tx, {
      actor: { id: user.id, role: user.role },
      action: 'auth.totp_disabled',
      entityType: 'user',
      entityId: user.id,
      at: nowOf(deps),
    });
  });
}

/** How many unused recovery codes the user has left. */
export async function recoveryCodesLeft(db: Queryable, userId: string): Promise<number> {
  const result = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM totp_recovery_codes WHERE user_id = $1', [userId]);
  return result.rows[0].n;
}

/**
 * Seals TOTP secrets stored in plaintext by versions before migration 0013 (a migration cannot
 * reach the vault). Runs at start; idempotent; an enabled secret becomes the sealed active one,
 * an unconfirmed one the sealed pending one.
 */
export async function sealPlaintextTotpSecrets(db: Db, vault: Vault): Promise<number> {
  const plain = await db.query<{ id: string; totp_secret: string; totp_enabled: boolean }>(
    'SELECT id, totp_secret, totp_enabled FROM users WHERE totp_secret IS NOT NULL',
  );
  for (const row of plain.rows) {
    await db.transaction(async (tx) => {
      const column = row.totp_enabled ? 'totp_secret_sealed' : 'totp_pending_sealed';
      const sealed = await tx.query(`UPDATE users SET ${column} = $3, totp_secret = NULL WHERE id = $1 AND totp_secret = $2 RETURNING id`, [
        row.id,
        row.totp_secret,
        vault.encrypt(row.totp_secret),
      ]);
      if (sealed.rows.length === 1) {
        await appendAudit(tx, { actor: SYSTEM_ACTOR, action: 'auth.totp_secret_sealed', entityType: 'user', entityId: row.id });
      }
    });
  }
  return plain.rows.length;
}
