// Cookie session → request.principal; CSRF double-submit check for state-changing requests
// made with a session cookie (SameSite=Lax already blocks most cross-site posts).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import type { Config } from '../config.ts';
import { totpRequiredFor } from '../../domain/access/throttle.ts';
import { AppError, forbidden, unauthenticated } from '../platform/errors.ts';
import { findSession, toPrincipal, type UserRow } from '../modules/accounts/service.ts';
import type { Principal, StaffRole } from '../../domain/access/policy.ts';

export const SESSION_COOKIE = 'netra_session';
export const CSRF_COOKIE = 'netra_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    sessionUser: UserRow | null;
    sessionToken: string | null;
    /** Signed in, but NETRA_REQUIRE_TOTP demands TOTP enrolment before anything else. */
    totpEnrolmentPending: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuth(app: FastifyInstance, db: Db, config: Pick<Config, 'requireTotp'>) {
  app.decorateRequest('principal', null);
  app.decorateRequest('totpEnrolmentPending', false);
  app.decorateRequest('sessionUser', null);
  app.decorateRequest('sessionToken', null);
  // onRequest, not preHandler: the CSRF check comes before the body is parsed and validated, so a
  // cross-site request is refused as csrf_failed whatever it carries.
  app.addHook('onRequest', async (request) => {
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token) return;
    const session = await findSession(db, token);
    if (!session) return;
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError(
        'csrf_failed',
        {
          id: 'Token CSRF tidak ada atau salah. Muat ulang halaman.',
          en: 'Missing or wrong CSRF token. Reload the page.',
        },
        { field: CSRF_HEADER },
      );
    }
    request.sessionUser = session.user;
    request.sessionToken = token;
    if (!session.user.totp_enabled && totpRequiredFor(session.user.role, config.requireTotp)) {
      // No principal until enrolled: every route that needs one answers 403 totp_required.
      request.totpEnrolmentPending = true;
      return;
    }
    request.principal = toPrincipal(session.user);
  });
  // Anything answered to a signed-in officer (session cookie) or an API client (bearer token) may
  // hold case data or decrypted identity: no browser, proxy or CDN may keep a copy. Sign-in and
  // tracking (code + PIN) answers are credentials too. Public anonymous answers keep their caching.
  app.addHook('onSend', async (request, reply, payload) => {
    const path = request.url.split('?')[0];
    if (
      request.cookies?.[SESSION_COOKIE] ||
      request.headers.authorization ||
      path.startsWith('/api/v1/auth/') ||
      path.startsWith('/api/v1/lacak')
    ) {
      reply.header('Cache-Control', 'no-store');
    }
    return payload;
  });
}

export const totpEnrolmentRequired = () =>
  new AppError(
    'totp_required',
    {
      id: 'Aktifkan verifikasi dua langkah (TOTP) di halaman Keamanan akun sebelum melanjutkan.',
      en: 'Enrol two-step verification (TOTP) on the Account security page before continuing.',
    },
    { status: 403 },
  );

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw request.totpEnrolmentPending ? totpEnrolmentRequired() : unauthenticated();
  return request.principal;
}

/** The signed-in user even before TOTP enrolment: only for the account's own session and TOTP routes. */
export function requireSessionUser(request: FastifyRequest): UserRow {
  if (!request.sessionUser || (!request.principal && !request.totpEnrolmentPending)) throw unauthenticated();
  return request.sessionUser;
}

export function requireRole(request: FastifyRequest, roles: readonly StaffRole[]): Principal {
  const principal = requirePrincipal(request);
  if (!roles.includes(principal.role)) throw forbidden();
  return principal;
}
