import { z } from 'zod';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import type { Config } from '../../config.ts';
import type { Vault } from '../../platform/vault.ts';
import { CSRF_COOKIE, SESSION_COOKIE, requirePrincipal, requireSessionUser } from '../../http/auth.ts';
import type { SetupLink } from './setup.ts';
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
import { assertSetupOpen } from './policy.ts';
import { countAdmins, createUser, listUsers, presentUser, toPrincipal, type UserRow } from './users.ts';
import { login, logout } from './sessions.ts';
import { beginTotpEnrolment, confirmTotpEnrolment, disableTotp, recoveryCodesLeft, type AccountDeps } from './totp.ts';

interface AccountRouteDeps {
  db: Db;
  config: Config;
  vault: Vault;
  setup: SetupLink;
  now?: () => Date;
}

/** What every route of the module shares. */
interface Shared {
  deps: AccountRouteDeps;
  accounts: AccountDeps;
  present: (user: UserRow) => ReturnType<typeof presentUser>;
}

function setSessionCookies(reply: FastifyReply, secure: boolean, token: string, csrf: string, expires: Date) {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires });
  // Readable by the SPA, which echoes it in the X-CSRF-Token header (double submit).
  reply.setCookie(CSRF_COOKIE, csrf, { httpOnly: false, sameSite: 'lax', secure, path: '/', expires });
}

export function registerAccountRoutes(app: FastifyInstance, deps: AccountRouteDeps) {
  const { config } = deps;
  const shared: Shared = {
    deps,
    accounts: { db: deps.db, vault: deps.vault, requireTotp: config.requireTotp, now: deps.now },
    present: (user: UserRow) => presentUser(user, config.requireTotp),
  };
  registerSignInRoutes(app, shared);
  registerTotpRoutes(app, shared);
  registerUserRoutes(app, shared);
}

function registerSignInRoutes(app: FastifyInstance, { deps, accounts, present }: Shared) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config, setup } = deps;
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
      assertSetupOpen(await countAdmins(db));
      setup.check(request.body.token, deps.now ? deps.now() : new Date());
      const { username, displayName, password } = request.body;
      const user = await createUser(db, { username, displayName, password, role: 'admin' }, null, { firstAdmin: true });
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
}

// These answer before TOTP enrolment too (the enrolment page needs them).
function registerTotpRoutes(app: FastifyInstance, { deps, accounts, present }: Shared) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/auth/me',
    { schema: { tags: ['auth'], summary: 'Petugas yang masuk / the signed-in user', response: { 200: currentUserSchema } } },
    async (request) => {
      const user = requireSessionUser(request);
      return { user: present(user), recoveryCodesLeft: user.totp_enabled ? await recoveryCodesLeft(deps.db, user.id) : 0 };
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
}

function registerUserRoutes(app: FastifyInstance, { deps, present }: Shared) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/users',
    { schema: { tags: ['users'], summary: 'Akun petugas / staff accounts', response: { 200: userListSchema } } },
    async (request) => {
      const users = await listUsers(deps.db, requirePrincipal(request));
      return { items: users.map((u) => present(u)), total: users.length };
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
      const user = await createUser(deps.db, request.body, requirePrincipal(request));
      reply.status(201);
      return { user: present(user) };
    },
  );
}
