// Sign-in and PIN guessing limits as pure functions (the counters live in the database).
// Failures are counted per (account, source address) and per source address, never per account
// alone: an attacker at one address cannot lock the owner out at another.

export type TotpRequirement = 'staff' | 'admin' | 'off';

/** Whether a role must have TOTP enrolled before doing anything but enrolling. */
export function totpRequiredFor(role: string, requirement: TotpRequirement): boolean {
  if (requirement === 'off') return false;
  if (requirement === 'admin') return role === 'admin';
  return true; // 'staff': every account is a staff account
}

export interface ThrottlePolicy {
  /** Failures allowed before any delay. */
  freeFailures: number;
  /** The first delay, doubled with every further failure … */
  baseDelayMs: number;
  /** … up to this ceiling. */
  maxDelayMs: number;
  /** A counter whose last failure is older than this starts afresh. */
  forgetAfterMs: number;
}

export const MINUTE = 60_000;

/** Per (username, address): 5 free failures, then 1 s, 2 s, 4 s … up to 15 minutes. */
export const LOGIN_PAIR_POLICY: ThrottlePolicy = {
  freeFailures: 5,
  baseDelayMs: 1000,
  maxDelayMs: 15 * MINUTE,
  forgetAfterMs: 24 * 60 * MINUTE,
};
/** Per address across usernames: a ceiling for password spraying (an office NAT has many staff). */
export const LOGIN_ADDRESS_POLICY: ThrottlePolicy = {
  freeFailures: 30,
  baseDelayMs: 1000,
  maxDelayMs: 15 * MINUTE,
  forgetAfterMs: 24 * 60 * MINUTE,
};

/** How long to refuse attempts after the given number of consecutive failures (0 = no delay). */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  const exponent = Math.min(failures - policy.freeFailures, 30);
  return Math.min(policy.baseDelayMs * 2 ** exponent, policy.maxDelayMs);
}

/** The failure count to continue from: counters left alone long enough are forgotten. */
export function carriedFailures(previous: { failures: number; lastFailure: Date } | null, now: Date, policy: ThrottlePolicy): number {
  if (!previous) return 0;
  return now.getTime() - previous.lastFailure.getTime() > policy.forgetAfterMs ? 0 : previous.failures;
}

/** Wrong tracking PINs: per (code, address) and per address, within a sliding window. */
export const PIN_WINDOW_MINUTES = 15;
export const MAX_PIN_FAILURES_PER_CODE_AND_ADDRESS = 5;
/** Generous: a whole mobile carrier can share one address (CGNAT). */
export const MAX_PIN_FAILURES_PER_ADDRESS = 50;
