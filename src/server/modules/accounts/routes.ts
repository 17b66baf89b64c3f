import { z } from 'zod';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import type { Config } from '../../config.ts';
import type { Vault } from '../../platform/vault.ts';
import { CSRF_COOKIE, SESSION_COOKIE, requireRole, requireSessionUser } from '../../http/auth.ts';
import { setupDone, type SetupLink } from './setup.ts';
import type { Principal } from '../../../domain/access/policy.ts';
import {
  createUserBody,
  currentFactorBody,
  currentUserSchema,
  loginBody,
  loginResultSchema,
  setupBody,
  totpCodeSchema,
  totpConfirmedSchema,
  totpEnrolmentSchema,
  userEnvelopeSchema,
  userListSchema,
} from '../../../contracts/accounts.ts';
import { okSchema } from '../../../contracts/common.ts';
import {
  beginTotpEnrolment,
  confirmTotpEnrolment,
  countAdmins,
  createUser,
  disableTotp,
  login,
  logout,
  presentUser,
  recoveryCodesLeft,
  toPrincipal,
  type AccountDeps,
  type UserRow,
} from './service.ts';

export function registerAccountRoutes(
  app: FastifyInstance,
  deps: { db: Db; config: Config; vault: Vault; setup: SetupLink; now?: () => Date },
) {
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

  r.post(
    '/api/v1/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Masuk / sign in', body: loginBody, response: { 200: loginResultSchema } },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      // request.ip is the socket address unless NETRA_TRUST_PROXY names the proxy in front.
      const result = await login(accounts, request.body, { sessionHours: config.sessionHours, address: request.ip });
      setSessionCookies(reply, isSecure(request.protocol), result.token, result.csrfToken, result.expiresAt);
      return { user: present(result.user), csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString() };
    },
  );

  // First admin through the one-time link the server printed at start (no second process on the data dir).
  r.post(
    '/api/v1/auth/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Admin pertama lewat tautan setup / first admin via the setup link',
        body: setupBody,
        response: { 201: userEnvelopeSchema },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      if ((await countAdmins(db)) > 0) throw setupDone();
      setup.check(request.body.token, now());
      const user = await createUser(
        db,
        { username: request.body.username, displayName: request.body.displayName, password: request.body.password, role: 'admin' },
        null,
        { firstAdmin: true },
      );
      setup.consume();
      reply.status(201);
      return { user: present(user) };
    },
  );

  r.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: 'Keluar / sign out', response: { 200: okSchema } } },
    async (request, reply) => {
      const principal: Principal = toPrincipal(requireSessionUser(request));
      await logout(db, request.sessionToken!, principal);
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  // These answer before TOTP enrolment too (the enrolment page needs them).
  r.get(
    '/api/v1/auth/me',
    { schema: { tags: ['auth'], summary: 'Petugas yang masuk / the signed-in user', response: { 200: currentUserSchema } } },
    async (request) => {
      const user = requireSessionUser(request);
      return { user: present(user), recoveryCodesLeft: user.totp_enabled ? await recoveryCodesLeft(db, user.id) : 0 };
    },
  );

  r.post(
    '/api/v1/auth/totp/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Mulai (ulang) pendaftaran TOTP; bila aktif perlu kode saat ini',
        body: currentFactorBody.nullish(),
        response: { 200: totpEnrolmentSchema },
      },
    },
    async (request) => {
      const user = requireSessionUser(request);
      return beginTotpEnrolment(accounts, user, { totp: request.body?.code, recoveryCode: request.body?.recoveryCode });
    },
  );

  r.post(
    '/api/v1/auth/totp/confirm',
    {
      schema: {
        tags: ['auth'],
        summary: 'Konfirmasi TOTP; mengembalikan kode pemulihan (sekali tampil)',
        body: z.object({ code: totpCodeSchema }),
        response: { 200: totpConfirmedSchema },
      },
    },
    async (request) => {
      const user = requireSessionUser(request);
      const { recoveryCodes } = await confirmTotpEnrolment(accounts, user.id, request.body.code);
      return { ok: true as const, recoveryCodes };
    },
  );

  r.post(
    '/api/v1/auth/totp/disable',
    {
      schema: {
        tags: ['auth'],
        summary: 'Nonaktifkan TOTP dengan kode saat ini / switch TOTP off with the current code',
        body: currentFactorBody.nullish(),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const user = requireSessionUser(request);
      await disableTotp(accounts, user, { totp: request.body?.code, recoveryCode: request.body?.recoveryCode });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/v1/users',
    { schema: { tags: ['users'], summary: 'Akun petugas / staff accounts', response: { 200: userListSchema } } },
    async (request) => {
      requireRole(request, ['admin']);
      const result = await db.query<UserRow>('SELECT * FROM users ORDER BY username');
      return { items: result.rows.map((u) => present(u)), total: result.rows.length };
    },
  );

  r.post(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Buat akun petugas / create a staff account',
        body: createUserBody,
        response: { 201: userEnvelopeSchema },
      },
    },
    async (request, reply) => {
      const principal = requireRole(request, ['admin']);
      const user = await createUser(db, request.body, principal);
      reply.status(201);
      return { user: present(user) };
    },
  );
}
