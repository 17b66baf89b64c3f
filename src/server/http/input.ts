// Input guards shared by every route, applied before validation:
// - JSON bodies nested deeper than MAX_JSON_DEPTH are refused (a 10,000-deep document parses, but
//   recursive code after it — canonical JSON, zod — overflows the stack and answers 500);
// - NUL characters (U+0000) are refused in JSON bodies, path parameters and query strings:
//   PostgreSQL text cannot hold them, so they would otherwise fail deep in a query as a 500.
// - text/plain is not parsed at all (Fastify parses it by default): it is the content type a
//   cross-site form can send without a preflight, and no endpoint takes it → 415.
// Prototype-poisoning keys stay refused by Fastify's own JSON parser ('error' for both).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.ts';

export const MAX_JSON_DEPTH = 64;

const invalid = (field: string, id: string, en: string) => new AppError('validation_failed', { id, en }, { field });

/** One pass over the raw JSON text: nesting depth outside strings, and \u0000 escapes inside them. */
export function scanJsonText(text: string): { depthExceeded: boolean; hasNul: boolean } {
  let depth = 0;
  let inString = false;
  let hasNul = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) {
        if (text.startsWith('u0000', i + 1)) hasNul = true;
        i++;
      } else if (c === 0x22 /* " */) inString = false;
      else if (c === 0) hasNul = true;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > MAX_JSON_DEPTH) return { depthExceeded: true, hasNul };
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0) hasNul = true;
  }
  return { depthExceeded: false, hasNul };
}

function firstNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstNul(item, path);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = key.includes('\u0000') ? `${path}.${key}` : firstNul(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

export function registerInputGuards(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const scan = scanJsonText(body as string);
    if (scan.depthExceeded) {
      return done(
        invalid(
          'body',
          `JSON terlalu dalam (lebih dari ${MAX_JSON_DEPTH} tingkat).`,
          `JSON nested too deeply (more than ${MAX_JSON_DEPTH} levels).`,
        ),
        undefined,
      );
    }
    if (scan.hasNul)
      return done(invalid('body', 'Karakter NUL (\\u0000) tidak diizinkan.', 'NUL characters (\\u0000) are not allowed.'), undefined);
    parseJson(request, body as string, done);
  });

  app.addHook('preValidation', async (request: FastifyRequest) => {
    const field =
      firstNul(request.params, 'params') ??
      firstNul(request.query, 'querystring') ??
      (typeof request.body === 'string' ? firstNul(request.body, 'body') : null);
    if (field)
      throw invalid(
        field.replace(/^(params|querystring|body)\./, ''),
        'Karakter NUL (\\u0000) tidak diizinkan.',
        'NUL characters (\\u0000) are not allowed.',
      );
  });
}
