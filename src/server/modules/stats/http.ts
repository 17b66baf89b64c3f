// Serving a pre-serialised body with a strong ETag and conditional GET (If-None-Match → 304).
import type { FastifyReply, FastifyRequest } from 'fastify';

export const PUBLIC_CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=60';

export function matchesEtag(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const values = (Array.isArray(header) ? header.join(',') : header).split(',').map((v) => v.trim().replace(/^W\//, ''));
  return values.includes('*') || values.includes(etag);
}

export const acceptsGzip = (request: FastifyRequest) => /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));

/**
 * Sends the identity body, or its gzip form (precomputed once) when the client accepts gzip.
 * The gzip representation has its own strong ETag ("…-gz"); If-None-Match accepts either.
 */
export function sendWithEtag(
  request: FastifyRequest,
  reply: FastifyReply,
  options: {
    body: string | Buffer;
    etag: string;
    contentType: string;
    cacheControl?: string;
    gzip?: Buffer;
  },
) {
  const gzip = options.gzip && acceptsGzip(request) ? options.gzip : null;
  const etag = gzip ? `${options.etag.slice(0, -1)}-gz"` : options.etag;
  reply.header('ETag', etag).header('Cache-Control', options.cacheControl ?? PUBLIC_CACHE_CONTROL);
  if (options.gzip) reply.header('Vary', 'Accept-Encoding');
  const header = request.headers['if-none-match'];
  if (matchesEtag(header, options.etag) || matchesEtag(header, `${options.etag.slice(0, -1)}-gz"`)) return reply.status(304).send();
  if (gzip) return reply.type(options.contentType).header('Content-Encoding', 'gzip').send(gzip);
  return reply.type(options.contentType).send(options.body);
}
