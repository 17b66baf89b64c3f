// API-wide conventions (issue 12): conditional GET on public data, and the cross-origin policy.
//
// ETag/304: every successful public GET (open data, regions, elections, announcements, pledges,
// referral stats, …) carries a strong ETag of its body; If-None-Match answers 304 with no body.
// Routes that already set their own ETag (stats, geo) keep it.
//
// CORS policy: public data may be read from any origin (GET/HEAD, `Access-Control-Allow-Origin: *`,
// never with credentials). Everything else — staff sessions, the agency API, public writes — is
// same-origin only: no CORS headers, so a browser on another origin cannot read the answer.
// Preflights (OPTIONS) are answered 204 for every API path, stating what is allowed.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { routeAuth } from './openapi.ts';
import { matchesEtag } from '../modules/stats/http.ts';

const pathOf = (request: FastifyRequest) => request.url.split('?')[0];

/** Public data a browser on any origin may read (GET/HEAD only). */
export function isPublicRead(method: string, path: string): boolean {
  return (
    (method === 'GET' || method === 'HEAD') &&
    path.startsWith('/api/v1/') &&
    path !== '/api/v1/health' &&
    routeAuth('GET', path) === 'public'
  );
}

export function registerApiConventions(app: FastifyInstance) {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const path = pathOf(request);
    if (!isPublicRead(request.method, path)) return payload;
    reply.header('Access-Control-Allow-Origin', '*');
    reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
    if (reply.statusCode !== 200 || reply.hasHeader('etag')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = `"${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}"`;
    reply.header('ETag', etag);
    if (matchesEtag(request.headers['if-none-match'], etag)) {
      reply.code(304).removeHeader('content-length');
      return '';
    }
    return payload;
  });

  app.options('/api/*', { schema: { hide: true } }, async (request, reply) => {
    const path = pathOf(request);
    reply.header('Allow', 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
    if (isPublicRead('GET', path)) {
      reply
        .header('Access-Control-Allow-Origin', '*')
        .header('Access-Control-Allow-Methods', 'GET, HEAD')
        .header('Access-Control-Allow-Headers', 'If-None-Match, Accept-Language')
        .header('Access-Control-Max-Age', '86400');
    }
    return reply.status(204).send();
  });
}
