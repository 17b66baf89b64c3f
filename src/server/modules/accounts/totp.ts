// The second factor: TOTP (sealed at rest, required for staff by default) with single-use
// recovery codes; enrolment, confirmation and switching off, each proven with the current factor.
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { Vault } from '../../platform/vault.ts';
import { appendAudit } from '../audit/index.ts';
import { assertMayDisableTotp } from './policy.ts';
import { assertNotThrottled, clearScope, recordFailure, totpScope } from './throttle.ts';
import { LOGIN_PAIR_POLICY, type TotpRequirement } from '../../../domain/access/throttle.ts';
import type { UserRow } from './repository/users.ts';
import { userById } from './repository/users.ts';
import {
  activatePendingTotpSecret,
  burnTotpStep,
  clearTotp,
  consumeRecoveryCode,
  countRecoveryCodes,
  deleteRecoveryCodes,
  insertRecoveryCode,
  setPendingTotpSecret,
} from './repository/totp.ts';

export interface AccountDeps {
  db: Db;
  vault: Vault;
  requireTotp: TotpRequirement;
  now?: () => Date;
}

export const nowOf = (deps: { now?: () => Date }) => (deps.now ? deps.now() : new Date());

export function totpFor(secret: string, username: string) {
  return new TOTP({ issuer: 'Netra', label: username, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

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
  if (factor.recoveryCode) return consumeRecoveryCode(db, user.id, recoveryHash(vault, user.id, factor.recoveryCode));
  const secret = activeTotpSecret(vault, user);
  if (!factor.totp || !secret) return false;
  const delta = totpFor(secret, user.username).validate({ token: factor.totp, window: 1, timestamp: now.getTime() });
  if (delta === null) return false;
  return burnTotpStep(db, user.id, Math.floor(now.getTime() / 30_000) + delta);
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
    await setPendingTotpSecret(tx, user.id, deps.vault.encrypt(secret));
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
  const user = await userById(deps.db, userId);
  if (!user?.totp_pending_sealed) {
    throw new AppError('bad_request', { id: 'Mulai pendaftaran TOTP terlebih dahulu.', en: 'Start TOTP enrolment first.' });
  }
  const pending = user.totp_pending_sealed;
  const scope = totpScope(user.id);
  await assertNotThrottled(deps.db, [scope], now, 'code');
  const delta = totpFor(deps.vault.decrypt(pending), user.username).validate({ token: code, window: 1, timestamp: now.getTime() });
  if (delta === null) {
    await recordFailure(deps.db, scope, LOGIN_PAIR_POLICY, now);
    throw new AppError('validation_failed', { id: 'Kode TOTP salah.', en: 'Wrong TOTP code.' }, { field: 'code' });
  }
  const recoveryCodes = newRecoveryCodes();
  await deps.db.transaction(async (tx) => {
    if (!(await activatePendingTotpSecret(tx, user.id, pending, Math.floor(now.getTime() / 30_000) + delta))) {
      throw new AppError('conflict', { id: 'Pendaftaran TOTP berubah; mulai lagi.', en: 'TOTP enrolment changed; start again.' });
    }
    await deleteRecoveryCodes(tx, user.id);
    for (const c of recoveryCodes) await insertRecoveryCode(tx, user.id, recoveryHash(deps.vault, user.id, c), now);
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
  assertMayDisableTotp(user, deps.requireTotp);
  if (!user.totp_enabled) return;
  await requireCurrentFactor(deps, user, factor);
  await deps.db.transaction(async (tx) => {
    await clearTotp(tx, user.id);
    await deleteRecoveryCodes(tx, user.id);
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
export const recoveryCodesLeft = (db: Queryable, userId: string): Promise<number> => countRecoveryCodes(db, userId);
