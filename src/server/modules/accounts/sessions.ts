// Signing in and out: argon2id passwords, the second factor, sign-in limits, cookie sessions.
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { Db, Queryable, Tx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import type { Principal } from '../../../domain/access/policy.ts';
import { LOGIN_ADDRESS_POLICY, LOGIN_PAIR_POLICY } from '../../../domain/access/throttle.ts';
import { addressScope, assertNotThrottled, clearScope, forgetStaleFailures, pairScope, recordFailure } from './throttle.ts';
import { acceptSecondFactor, nowOf, type AccountDeps, type SecondFactor } from './totp.ts';
import { userByUsername, type UserRow } from './repository/users.ts';
import { deleteSession, insertSession, sessionUser } from './repository/sessions.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// One answer for an unknown username, a disabled account and a wrong password.
const invalidCredentials = () =>
  new AppError('invalid_credentials', { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' });

export interface LoginResult {
  token: string;
  csrfToken: string;
  user: UserRow;
  expiresAt: Date;
}

// A hash verified when the username is unknown, so both paths cost one argon2 verify.
let dummyHash: Promise<string> | null = null;
const dummyPasswordHash = () => (dummyHash ??= argon2.hash(randomBytes(16).toString('hex'), { type: argon2.argon2id }));

type LoginInput = { username: string; password: string } & SecondFactor;
interface Attempt {
  now: Date;
  address: string;
  pair: string;
  addr: string;
}

/** Counts the failure on both scopes (and audits it for a known account), then refuses. */
async function refuseSignIn(db: Db, attempt: Attempt, user: UserRow | null, passwordOk: boolean, input: LoginInput): Promise<never> {
  await db.transaction(async (tx) => {
    const failures = await recordFailure(tx, attempt.pair, LOGIN_PAIR_POLICY, attempt.now);
    await recordFailure(tx, attempt.addr, LOGIN_ADDRESS_POLICY, attempt.now);
    if (user) {
      await appendAudit(tx, {
        actor: { id: user.id, role: user.role },
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        at: attempt.now,
        data: {
          failures,
          address: attempt.address,
          reason: passwordOk ? (input.recoveryCode ? 'recovery_code' : 'totp') : 'password',
        },
      });
    }
  });
  if (!passwordOk) throw invalidCredentials();
  throw new AppError(
    'invalid_credentials',
    input.recoveryCode
      ? { id: 'Kode pemulihan salah atau sudah dipakai.', en: 'Wrong or already used recovery code.' }
      : { id: 'Kode TOTP salah.', en: 'Wrong TOTP code.' },
    { field: input.recoveryCode ? 'recoveryCode' : 'totp' },
  );
}

/** The session row, the owner's counter cleared and the sign-in audited, in one transaction. */
async function openSession(tx: Tx, attempt: Attempt, user: UserRow, session: Omit<LoginResult, 'user'>, recoveryCode: boolean) {
  // The owner's success clears only their own (username, address) counter, never the address's.
  await clearScope(tx, attempt.pair);
  await forgetStaleFailures(tx, attempt.now);
  await insertSession(tx, {
    tokenHash: hashToken(session.token),
    userId: user.id,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
  });
  await appendAudit(tx, {
    actor: { id: user.id, role: user.role },
    action: 'auth.login',
    entityType: 'user',
    entityId: user.id,
    at: attempt.now,
    data: { address: attempt.address, ...(recoveryCode ? { recoveryCode: true } : {}) },
  });
}

export async function login(
  deps: AccountDeps,
  input: LoginInput,
  options: { sessionHours: number; address: string },
): Promise<LoginResult> {
  const { db, vault } = deps;
  const now = nowOf(deps);
  const attempt = { now, address: options.address, pair: pairScope(input.username, options.address), addr: addressScope(options.address) };
  // Refused before the password is even checked, identically for known and unknown usernames.
  await assertNotThrottled(db, [attempt.pair, attempt.addr], now);

  const candidate = await userByUsername(db, input.username);
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
  if (!passwordOk || !factorOk) return refuseSignIn(db, attempt, user, passwordOk, input);
  const session = {
    token: randomBytes(32).toString('base64url'),
    csrfToken: randomBytes(24).toString('base64url'),
    // Sessions live on the real clock (the auth hook checks them against it); `now` (injectable for
    // tests) drives the failure counters and TOTP time steps.
    expiresAt: new Date(Date.now() + options.sessionHours * 3_600_000),
  };
  await db.transaction((tx) => openSession(tx, attempt, user, session, Boolean(input.recoveryCode && user.totp_enabled)));
  return { ...session, user };
}

export async function findSession(db: Queryable, token: string, now = new Date()): Promise<{ user: UserRow; csrfToken: string } | null> {
  const row = await sessionUser(db, hashToken(token), now);
  return row ? { user: row, csrfToken: row.csrf_token } : null;
}

export async function logout(db: Db, token: string, principal: Principal): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, hashToken(token));
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: 'auth.logout',
      entityType: 'user',
      entityId: principal.id,
    });
  });
}
