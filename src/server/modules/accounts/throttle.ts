// Sign-in limits: failure counters per (username, address), per address and per account's TOTP
// proofs, with growing delays (domain/access/throttle.ts) shared by every process.
import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { LOGIN_ADDRESS_POLICY, LOGIN_PAIR_POLICY, delayAfter, type ThrottlePolicy } from '../../../domain/access/throttle.ts';
import { blockedUntil, countFailure, deleteForgottenScopes, deleteScope, setBlockedUntil } from './repository/throttle.ts';

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
  const until = await blockedUntil(db, scopes, now);
  if (until) throw tooManyAttempts(new Date(until), now, field);
}

/** Counts one failure on a scope (atomically, shared by every process) and sets its next delay. */
export async function recordFailure(db: Queryable, scope: string, policy: ThrottlePolicy, now: Date): Promise<number> {
  const failures = await countFailure(db, scope, now, new Date(now.getTime() - policy.forgetAfterMs));
  const delay = delayAfter(failures, policy);
  await setBlockedUntil(db, scope, delay > 0 ? new Date(now.getTime() + delay) : null);
  return failures;
}

export const clearScope = (db: Queryable, scope: string) => deleteScope(db, scope);

/** Counters past their memory are dead weight (a spray leaves one row per username tried). */
export const forgetStaleFailures = (db: Queryable, now: Date) =>
  deleteForgottenScopes(db, new Date(now.getTime() - Math.max(LOGIN_PAIR_POLICY.forgetAfterMs, LOGIN_ADDRESS_POLICY.forgetAfterMs)), now);
