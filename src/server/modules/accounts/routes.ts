import { z } from 'zod';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import type { Config } from '../../config.ts';
import { CSRF_COOKIE, SESSION_COOKIE, requirePrincipal, requireRole } from '../../http/auth.ts';
import { STAFF_ROLES } from '../../../domain/access/policy.ts';
import { beginTotpEnrolment, confirmTotpEnrolment, countAdmins, createUser, login, logout, presentUser, type UserRow } from './service.ts';
import { setupDone, type SetupLink } from './setup.ts';

const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(500),
  totp: z.string().regex(/^\d{6}$/, '6 digit').optional(),
});

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

export function registerAccountRoutes(app: FastifyInstance, db: Db, config: Config, setup: SetupLink, now: () => Date = () => new Date()) {
  const r = app.withTypeProvider<ZodTypeProvider>();
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
    const result = await login(db, request.body, { sessionHours: config.sessionHours });
    setSessionCookies(reply, isSecure(request.protocol), result.token, result.csrfToken, result.expiresAt);
    return { user: presentUser(result.user), csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString() };
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
    return { user: presentUser(user) };
  });

  r.post('/api/v1/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const principal = requirePrincipal(request);
    await logout(db, request.sessionToken!, principal);
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return { ok: true };
  });

  r.get('/api/v1/auth/me', { schema: { tags: ['auth'] } }, async (request) => {
    requirePrincipal(request);
    return { user: presentUser(request.sessionUser as UserRow) };
  });

  r.post('/api/v1/auth/totp/setup', { schema: { tags: ['auth'] } }, async (request) => {
    requirePrincipal(request);
    return beginTotpEnrolment(db, request.sessionUser as UserRow);
  });

  r.post('/api/v1/auth/totp/confirm', {
    schema: { tags: ['auth'], body: z.object({ code: z.string().regex(/^\d{6}$/, '6 digit') }) },
  }, async (request) => {
    const principal = requirePrincipal(request);
    await confirmTotpEnrolment(db, principal.id, request.body.code);
    return { ok: true };
  });

  r.get('/api/v1/users', { schema: { tags: ['users'] } }, async (request) => {
    requireRole(request, ['admin']);
    const result = await db.query<UserRow>('SELECT * FROM users ORDER BY username');
    return { items: result.rows.map(presentUser), total: result.rows.length };
  });

  r.post('/api/v1/users', { schema: { tags: ['users'], body: createUserBody } }, async (request, reply) => {
    const principal = requireRole(request, ['admin']);
    const user = await createUser(db, request.body, principal);
    reply.status(201);
    return { user: presentUser(user) };
  });
}
