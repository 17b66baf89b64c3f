import { z } from 'zod';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import type { Config } from '../../config.ts';
import type { Vault } from '../../platform/vault.ts';
import { CSRF_COOKIE, SESSION_COOKIE, requireRole, requireSessionUser } from '../../http/auth.ts';
import { setupDone, type SetupLink } from './setup.ts';
import { STAFF_ROLES, type Principal } from '../../../domain/access/policy.ts';
import {
  beginTotpEnrolment, confirmTotpEnrolment, countAdmins, createUser, disableTotp, login, logout, presentUser, recoveryCodesLeft,
  toPrincipal, type AccountDeps, type UserRow,
} from './service.ts';

const totpCode = z.string().regex(/^\d{6}$/, '6 angka / 6 digits');
// Recovery codes are shown as "abcde-fghij"; spaces and dashes typed by hand are tolerated.
const recoveryCode = z.string().trim().min(8).max(40).regex(/^[A-Za-z0-9 -]+$/, 'huruf, angka dan tanda hubung / letters, digits and hyphens');

const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(500),
  totp: totpCode.optional(),
  recoveryCode: recoveryCode.optional(),
});

// The current second factor, needed to re-enrol or switch TOTP off.
const currentFactorBody = z.object({ code: totpCode.optional(), recoveryCode: recoveryCode.optional() });

const createUserBody = z.object({
  username: z.string().trim().min(3).max(100).regex(/^[a-zA-Z0-9._@-]+$/, 'huruf, angka, titik, garis bawah, @ atau tanda hubung / letters, digits, dot, underscore, @ or hyphen'),
  displayName: z.string().trim().min(1).max(200).optional(),
  password: z.string().min(10).max(500),
  role: z.enum(STAFF_ROLES),
  regionCode: z.string().max(20).nullable().optional(),
  agency: z.string().trim().max(200).nullable().optional(),
});

const setupBody = z.object({
  token: z.string().min(1).max(200),
  username: createUserBody.shape.username,
  displayName: createUserBody.shape.displayName,
  password: createUserBody.shape.password,
});

export function registerAccountRoutes(app: FastifyInstance, deps: { db: Db; config: Config; vault: Vault; setup: SetupLink; now?: () => Date }) {
  const { db, config, setup } = deps;
  const now = () => (deps.now ? deps.now() : new Date());
  const accounts: AccountDeps = { db, vault: deps.vault, requireTotp: config.requireTotp, now: deps.now };
  const r = app.withTypeProvider<ZodTypeProvider>();
  const present = (user: UserRow) => presentUser(user, config.requireTotp);
  const setSessionCookies = (reply: FastifyReply, secure: boolean, token: string, csrf: string, expires: Date) => {
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires });
    // Readable by the SPA, which echoes it in the X-CSRF-Token header (double submit).
    reply.setCookie(CSRF_COOKIE, csrf, { httpOnly: false, sameSite: 'lax', secure, path: '/', expires });
  };
  const isSecure = (protocol: string) => config.cookieSecure === 'true' || (config.cookieSecure === 'auto' && protocol === 'https');

  r.post('/api/v1/auth/login', {
    schema: { tags: ['auth'], summary: 'Masuk / sign in', body: loginBody },
    config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    // request.ip is the socket address unless NETRA_TRUST_PROXY names the proxy in front.
    const result = await login(accounts, request.body, { sessionHours: config.sessionHours, address: request.ip });
    setSessionCookies(reply, isSecure(request.protocol), result.token, result.csrfToken, result.expiresAt);
    return { user: present(result.user), csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString() };
  });

  // First admin through the one-time link the server printed at start (no second process on the data dir).
  r.post('/api/v1/auth/setup', {
    schema: { tags: ['auth'], summary: 'Admin pertama lewat tautan setup / first admin via the setup link', body: setupBody },
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    if ((await countAdmins(db)) > 0) throw setupDone();
    setup.check(request.body.token, now());
    const user = await createUser(db, { username: request.body.username, displayName: request.body.displayName, password: request.body.password, role: 'admin' }, null, { firstAdmin: true });
    setup.consume();
    reply.status(201);
    return { user: present(user) };
  });

  r.post('/api/v1/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const principal: Principal = toPrincipal(requireSessionUser(request));
    await logout(db, request.sessionToken!, principal);
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return { ok: true };
  });

  // These answer before TOTP enrolment too (the enrolment page needs them).
  r.get('/api/v1/auth/me', { schema: { tags: ['auth'] } }, async (request) => {
    const user = requireSessionUser(request);
    return { user: present(user), recoveryCodesLeft: user.totp_enabled ? await recoveryCodesLeft(db, user.id) : 0 };
  });

  r.post('/api/v1/auth/totp/setup', {
    schema: { tags: ['auth'], summary: 'Mulai (ulang) pendaftaran TOTP; bila aktif perlu kode saat ini', body: currentFactorBody.nullish() },
  }, async (request) => {
    const user = requireSessionUser(request);
    return beginTotpEnrolment(accounts, user, { totp: request.body?.code, recoveryCode: request.body?.recoveryCode });
  });

  r.post('/api/v1/auth/totp/confirm', {
    schema: { tags: ['auth'], summary: 'Konfirmasi TOTP; mengembalikan kode pemulihan (sekali tampil)', body: z.object({ code: totpCode }) },
  }, async (request) => {
    const user = requireSessionUser(request);
    const { recoveryCodes } = await confirmTotpEnrolment(accounts, user.id, request.body.code);
    return { ok: true, recoveryCodes };
  });

  r.post('/api/v1/auth/totp/disable', {
    schema: { tags: ['auth'], summary: 'Nonaktifkan TOTP dengan kode saat ini / switch TOTP off with the current code', body: currentFactorBody.nullish() },
  }, async (request) => {
    const user = requireSessionUser(request);
    await disableTotp(accounts, user, { totp: request.body?.code, recoveryCode: request.body?.recoveryCode });
    return { ok: true };
  });

  r.get('/api/v1/users', { schema: { tags: ['users'] } }, async (request) => {
    requireRole(request, ['admin']);
    const result = await db.query<UserRow>('SELECT * FROM users ORDER BY username');
    return { items: result.rows.map((u) => present(u)), total: result.rows.length };
  });

  r.post('/api/v1/users', { schema: { tags: ['users'], body: createUserBody } }, async (request, reply) => {
    const principal = requireRole(request, ['admin']);
    const user = await createUser(db, request.body, principal);
    reply.status(201);
    return { user: present(user) };
  });
}
