// The OpenAPI document integrators build on (BKN, SIASN/SIMPEG, Bawaslu tools): stable verb-first
// operationIds, tags with descriptions, security schemes and per-operation `security`, the shared
// Problem body on every 4xx/503 a route can send, rate-limit headers, Idempotency-Key and the
// multipart upload body. Route files only declare request/2xx schemas; the rest is derived here
// from how each route authenticates (openapi/: auth, operationIds, problems, document base), so a new
// route gets a complete operation without ceremony.
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { SECURITY_SCHEMES } from './openapi/document.ts';
import { operationIdOf } from './openapi/operationIds.ts';
import { PROBLEM_TEXT, problemResponse, problemStatuses } from './openapi/problems.ts';
import { routeAuth, securityOf } from './openapi/routeAuth.ts';

export { OPENAPI_BASE } from './openapi/document.ts';
export { routeAuth } from './openapi/routeAuth.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** `METHOD /url` → the route's response schemas by status (zod), for the contract tests. */
    contracts: Map<string, Record<string, unknown>>;
  }
}

const isApiRoute = (url: string) => url.startsWith('/api/v1/');

/**
 * Before any route is registered: every API route gets its problem responses in `schema.response`
 * (so they are serialised with the shared Problem schema and documented), its operationId and
 * its `security`. Declared values in a route file win.
 */
export function registerContractHooks(app: FastifyInstance) {
  const contracts = new Map<string, Record<string, unknown>>();
  app.decorate('contracts', contracts);
  app.addHook('onRoute', (route: RouteOptions) => {
    const method = String(route.method);
    if (method === 'HEAD' || method === 'OPTIONS' || !isApiRoute(route.url ?? '')) return;
    const url = route.url as string;
    const schema = (route.schema ?? {}) as Record<string, unknown>;
    if (schema.hide) return;
    const auth = routeAuth(method, url);
    const response = { ...((schema.response as Record<string, unknown>) ?? {}) };
    const rateLimited = Boolean((route.config as { rateLimit?: unknown } | undefined)?.rateLimit);
    for (const status of problemStatuses(method, url, auth, rateLimited)) response[status] ??= problemResponse(status);
    contracts.set(`${method} ${url}`, response);
    route.schema = {
      ...schema,
      operationId: (schema.operationId as string | undefined) ?? operationIdOf(method, url),
      security: (schema.security as unknown) ?? securityOf(auth, method),
      response,
    } as RouteOptions['schema'];
  });
}

// @fastify/swagger wraps each header's JSON schema in a Header object itself.
const RETRY_AFTER = { type: 'integer', minimum: 0, description: 'Detik sampai boleh mencoba lagi / seconds until a retry is allowed' };
const RATE_LIMIT_HEADERS = {
  'Retry-After': RETRY_AFTER,
  'x-ratelimit-limit': { type: 'integer', description: 'Batas permintaan per jendela / requests allowed per window' },
  'x-ratelimit-remaining': { type: 'integer', description: 'Sisa permintaan dalam jendela / requests left in the window' },
  'x-ratelimit-reset': { type: 'integer', description: 'Detik sampai jendela berganti / seconds until the window resets' },
};

/** File downloads: the media type of their 200 body (documented only; a Buffer bypasses serialisation). */
export function downloadMediaType(method: string, url: string): string | null {
  if (url.endsWith('.pdf') || url === '/api/v1/lacak/tanda-bukti' || url === '/api/v1/cases/:id/documents/:file') return 'application/pdf';
  if (url.endsWith('.csv')) return 'text/csv';
  if (url.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (url.endsWith('.geojson')) return 'application/geo+json';
  if (url.endsWith('.topo.json') || url.endsWith('audit-checkpoints.json')) return 'application/json';
  if (method === 'GET' && url === '/api/v1/cases/:id/evidence/:sha256') return 'application/octet-stream';
  return null;
}

type Transformed = { schema: Record<string, unknown>; url: string };

/** Route-level document additions that have no runtime counterpart (headers, upload body, examples). */
export function transformRoute(input: Parameters<typeof jsonSchemaTransform>[0]): Transformed {
  const out = jsonSchemaTransform(input) as Transformed;
  const { schema, url } = out;
  if (!schema || schema.hide) return out;
  const method = String(input.route.method);
  const auth = routeAuth(method, url);
  const responses = (schema.response ?? {}) as Record<string, Record<string, unknown>>;
  const media = downloadMediaType(method, url);
  if (media && !responses['200']) {
    responses['200'] = {
      description: 'Berkas / file',
      content: {
        [media]: {
          schema:
            media === 'application/json' || media === 'application/geo+json' ? { type: 'object' } : { type: 'string', format: 'binary' },
        },
      },
    };
  }
  if (!Object.keys(responses).some((s) => s.startsWith('2'))) {
    // Not yet described in src/contracts: documented as an untyped JSON body (listed in the report).
    responses['200'] = { description: 'OK', content: { 'application/json': { schema: { 'x-netra-untyped': true } } } };
  }
  if (method === 'GET' && auth === 'public' && url !== '/api/v1/health') {
    // Conditional GET and open CORS on public data (src/server/http/conventions.ts).
    responses['304'] = { type: 'null', description: 'Tidak berubah (If-None-Match cocok dengan ETag) / not modified' };
    const ok = responses['200'];
    if (ok)
      ok.headers = {
        ...(ok.headers as object | undefined),
        ETag: { type: 'string', description: 'Validator for If-None-Match' },
        'Access-Control-Allow-Origin': { type: 'string', const: '*' },
      };
  }
  schema.response = responses;
  for (const [status, value] of Object.entries(responses)) {
    if (status === '429') value.headers = RATE_LIMIT_HEADERS;
    if (status === '503') value.headers = { 'Retry-After': RETRY_AFTER };
    if (!value.description) value.description = Number(status) < 300 ? 'OK' : (PROBLEM_TEXT[Number(status)] ?? 'Problem');
  }
  if (!schema.description && schema.summary) schema.description = schema.summary;
  if (!schema.summary) schema.summary = String(schema.operationId ?? `${method} ${url}`);
  if (!schema.description) schema.description = String(schema.summary);
  if (method === 'POST' && url === '/api/v1/laporan') {
    const headers = (schema.headers ?? { type: 'object', properties: {} }) as { properties: Record<string, unknown> };
    headers.properties['idempotency-key'] = {
      type: 'string',
      minLength: 8,
      maxLength: 200,
      pattern: '^[\\x21-\\x7e]+$',
      description:
        'Kunci idempoten (mis. UUID acak): kirim ulang dengan kunci sama → tanda terima yang sama (200, Idempotent-Replayed: true) / idempotency key: a retry with the same key returns the same receipt.',
    };
    schema.headers = headers;
  }
  if (method === 'POST' && url === '/api/v1/uploads') {
    schema.body = {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'Satu berkas bukti: gambar, PDF atau video / one evidence file' },
      },
    };
  }
  return out;
}

/** Document-level additions: servers, tags with descriptions, security schemes, shared components. */
export function transformDocument(input: Parameters<typeof jsonSchemaTransformObject>[0]) {
  const doc = jsonSchemaTransformObject(input) as Record<string, unknown> & { components?: { schemas?: Record<string, unknown> } };
  // zod registers an input and an output variant of each named schema; keep only those referenced.
  const all = doc.components?.schemas ?? {};
  const refsIn = (value: unknown) => [...JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
  const kept = new Set(refsIn({ ...doc, components: { ...doc.components, schemas: undefined } }));
  for (const name of kept) for (const ref of refsIn(all[name])) kept.add(ref);
  const schemas = Object.fromEntries(Object.entries(all).filter(([name]) => kept.has(name)));
  return { ...doc, components: { ...doc.components, schemas, securitySchemes: SECURITY_SCHEMES } } as ReturnType<
    typeof jsonSchemaTransformObject
  >;
}
