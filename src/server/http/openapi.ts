// The OpenAPI document integrators build on (BKN, SIASN/SIMPEG, Bawaslu tools): stable verb-first
// operationIds, tags with descriptions, security schemes and per-operation `security`, the shared
// Problem body on every 4xx/503 a route can send, rate-limit headers, Idempotency-Key and the
// multipart upload body. Route files only declare request/2xx schemas; the rest is derived here
// from how each route authenticates, so a new route gets a complete operation without ceremony.
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { PROBLEM_MEDIA_TYPE, problemSchema } from '../../contracts/problem.ts';
import { SESSION_COOKIE, CSRF_HEADER } from './auth.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** `METHOD /url` → the route's response schemas by status (zod), for the contract tests. */
    contracts: Map<string, Record<string, unknown>>;
  }
}

export type RouteAuth = 'public' | 'session' | 'agency' | 'leadPush';

/** How a route authenticates, from its method and path (the handlers check it; the test suite checks this table). */
export function routeAuth(method: string, url: string): RouteAuth {
  if (url.startsWith('/api/v1/agency/')) return 'agency';
  if (method === 'POST' && url === '/api/v1/leads/push') return 'leadPush';
  if (url.startsWith('/api/v1/public/')) return 'public';
  if (
    [
      '/api/v1/laporan',
      '/api/v1/lacak',
      '/api/v1/lacak/cabut',
      '/api/v1/lacak/tanda-bukti',
      '/api/v1/uploads',
      '/api/v1/auth/login',
      '/api/v1/informasi',
    ].includes(url) &&
    method === 'POST'
  )
    return 'public';
  if (
    method === 'GET' &&
    (url === '/api/v1/health' ||
      url.startsWith('/api/v1/regions') ||
      url.startsWith('/api/v1/elections') ||
      url === '/api/v1/calendar' ||
      url.startsWith('/api/v1/risk') ||
      url.startsWith('/api/v1/problems'))
  )
    return 'public';
  return 'session';
}

/** Stable, verb-first operation names; routes not listed get one derived from method + path. */
const OPERATION_IDS: Record<string, string> = {
  'GET /api/v1/health': 'getHealth',
  'GET /api/v1/regions': 'listRegions',
  'GET /api/v1/regions/:code': 'getRegion',
  'GET /api/v1/elections': 'listElections',
  'GET /api/v1/elections/:electionId/contests/:regionCode': 'listContests',
  'POST /api/v1/elections/candidates/import': 'importCandidates',
  'POST /api/v1/auth/login': 'login',
  'POST /api/v1/auth/setup': 'createFirstAdmin',
  'POST /api/v1/auth/logout': 'logout',
  'GET /api/v1/auth/me': 'getCurrentUser',
  'POST /api/v1/auth/totp/setup': 'startTotpSetup',
  'POST /api/v1/auth/totp/confirm': 'confirmTotpSetup',
  'POST /api/v1/auth/totp/disable': 'deleteTotp',
  'GET /api/v1/users': 'listUsers',
  'POST /api/v1/users': 'createUser',
  'POST /api/v1/laporan': 'submitLaporan',
  'POST /api/v1/informasi': 'submitInformasi',
  'POST /api/v1/cases/:id/dismiss-informasi': 'dismissInformasi',
  'POST /api/v1/cases/import': 'importCases',
  'GET /api/v1/cases/import/template': 'getCaseImportTemplate',
  'POST /api/v1/lacak': 'trackLaporan',
  'POST /api/v1/lacak/cabut': 'withdrawLaporan',
  'POST /api/v1/lacak/tanda-bukti': 'downloadTrackingReceipt',
  'POST /api/v1/uploads': 'uploadEvidence',
  'GET /api/v1/public/announcements': 'listAnnouncements',
  'GET /api/v1/cases': 'listCases',
  'GET /api/v1/cases/:id': 'getCase',
  'POST /api/v1/cases/:id/actions': 'applyCaseAction',
  'POST /api/v1/cases/:id/assign': 'assignCase',
  'POST /api/v1/cases/:id/notes': 'addCaseNote',
  'POST /api/v1/cases/:id/reporter-identity': 'revealReporterIdentity',
  'GET /api/v1/cases/:id/links': 'listCaseLinks',
  'POST /api/v1/case-links/:linkId': 'decideCaseLink',
  'GET /api/v1/terlapor/history': 'getTerlaporHistory',
  'POST /api/v1/temuan': 'createTemuan',
  'GET /api/v1/cases/:id/documents/:file': 'downloadCaseDocument',
  'POST /api/v1/cases/:id/documents/tanda-bukti.pdf': 'downloadCaseReceipt',
  'GET /api/v1/cases/:id/evidence/:sha256': 'downloadEvidence',
  'GET /api/v1/calendar': 'listCalendarDays',
  'PUT /api/v1/calendar/:date': 'setCalendarDay',
  'DELETE /api/v1/calendar/:date': 'deleteCalendarDay',
  'GET /api/v1/referrals': 'listReferrals',
  'GET /api/v1/referrals/:id': 'getReferral',
  'GET /api/v1/referrals/:id/letter': 'getReferralLetter',
  'GET /api/v1/referrals/:id/letter.pdf': 'downloadReferralLetter',
  'POST /api/v1/referrals/:id/verify': 'verifyReferral',
  'POST /api/v1/referrals/:id/forward-to-ppk': 'forwardReferralToPpk',
  'POST /api/v1/referrals/:id/sanction': 'recordReferralSanction',
  'POST /api/v1/referrals/:id/sanction-applied': 'recordSanctionApplied',
  'POST /api/v1/referrals/:id/not-proven': 'recordReferralNotProven',
  'POST /api/v1/referrals/:id/siasn-block': 'blockSiasnData',
  'GET /api/v1/referral-escalations': 'listReferralEscalations',
  'POST /api/v1/agency-tokens': 'createAgencyToken',
  'GET /api/v1/agency-tokens': 'listAgencyTokens',
  'POST /api/v1/agency-tokens/:id/revoke': 'revokeAgencyToken',
  'GET /api/v1/policy-settings': 'listPolicySettings',
  'PUT /api/v1/policy-settings/:key': 'setPolicySetting',
  'GET /api/v1/agency/referrals': 'listAgencyReferrals',
  'GET /api/v1/agency/referrals/:id': 'getAgencyReferral',
  'POST /api/v1/agency/referrals/:id/status': 'reportAgencyReferralStatus',
  'GET /api/v1/public/referrals/:key': 'getPublicReferral',
  'GET /api/v1/public/referral-stats': 'getReferralStats',
  'GET /api/v1/risk': 'listRiskIndex',
  'GET /api/v1/risk/weights': 'getRiskWeights',
  'PUT /api/v1/risk/weights': 'setRiskWeights',
  'GET /api/v1/risk/:regionCode': 'getRiskExplanation',
  'POST /api/v1/risk/import/ikp': 'importIkp',
  'POST /api/v1/risk/import/history': 'importRiskHistory',
  'GET /api/v1/public/regions/:code/profile': 'getRegionProfile',
  'POST /api/v1/pledges': 'createPledge',
  'GET /api/v1/public/pledges': 'listPledges',
  'GET /api/v1/public/pledges/coverage': 'getPledgeCoverage',
  'GET /api/v1/public/pledges/public-key': 'getPledgePublicKey',
  'GET /api/v1/public/pledges/:id': 'getPledge',
  'GET /api/v1/public/pledges/:id/verify': 'verifyPledge',
  'POST /api/v1/public/pledges/verify-document': 'verifyPledgeDocument',
  'GET /api/v1/public/pledges/:id/certificate.pdf': 'downloadPledgeCertificate',
  'GET /api/v1/public/stats': 'getPublicStats',
  'GET /api/v1/public/open-data': 'listOpenDatasets',
  'GET /api/v1/public/open-data/cases.csv': 'downloadCasesCsv',
  'GET /api/v1/public/open-data/cases.xlsx': 'downloadCasesXlsx',
  'GET /api/v1/public/open-data/audit-checkpoints.json': 'downloadAuditCheckpoints',
  'GET /api/v1/public/open-data/regions.geojson': 'downloadRegionsGeojson',
  'GET /api/v1/public/guide': 'getGuide',
  'POST /api/v1/lead-sources': 'createLeadSource',
  'GET /api/v1/lead-sources': 'listLeadSources',
  'PATCH /api/v1/lead-sources/:id': 'updateLeadSource',
  'POST /api/v1/lead-sources/:id/poll': 'pollLeadSource',
  'GET /api/v1/lead-jobs/:id': 'getLeadJob',
  'POST /api/v1/leads/manual': 'submitManualLead',
  'POST /api/v1/leads/import': 'importLeads',
  'POST /api/v1/leads/push': 'pushLeads',
  'GET /api/v1/leads': 'listLeads',
  'GET /api/v1/leads/:id': 'getLead',
  'POST /api/v1/leads/:id/dismiss': 'dismissLead',
  'POST /api/v1/leads/:id/promote': 'promoteLead',
  'POST /api/v1/article-clusters/:id/confirm': 'confirmArticleCluster',
  'POST /api/v1/articles/:id/detach': 'detachArticle',
  'GET /api/v1/public/geo/provinces.topo.json': 'downloadProvincesTopojson',
  'GET /api/v1/public/geo/regencies.topo.json': 'downloadRegenciesTopojson',
  'GET /api/v1/public/audit/checkpoints': 'listAuditCheckpoints',
  'GET /api/v1/public/audit/key': 'getAuditKey',
  'GET /api/v1/problems': 'listProblemTypes',
  'GET /api/v1/problems/:code': 'getProblemType',
};

const VERB: Record<string, string> = { GET: 'get', POST: 'create', PUT: 'set', PATCH: 'update', DELETE: 'delete' };
const camel = (words: string[]) => words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');

/** `POST /api/v1/foo-bars/:id/baz` → `createFooBarsBaz`; used for routes added after the table. */
export function deriveOperationId(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/v1\//, '')
    .split('/')
    .filter((s) => s && !s.startsWith(':'))
    .flatMap((s) => s.split(/[^a-zA-Z0-9]+/))
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  return camel([VERB[method] ?? method.toLowerCase(), ...words]);
}

export const operationIdOf = (method: string, url: string) => OPERATION_IDS[`${method} ${url}`] ?? deriveOperationId(method, url);

export const TAGS = [
  { name: 'health', description: 'Kesehatan layanan / service health.' },
  { name: 'regions', description: 'Wilayah administrasi Kemendagri (provinsi s.d. desa) / Kemendagri administrative regions.' },
  { name: 'elections', description: 'Siklus Pilkada, kontestasi dan pasangan calon / election cycles, contests and candidate pairs.' },
  { name: 'auth', description: 'Sesi petugas (cookie + token CSRF) dan TOTP / staff sessions (cookie + CSRF token) and TOTP.' },
  { name: 'users', description: 'Akun petugas (admin) / staff accounts (admin).' },
  {
    name: 'laporan',
    description:
      'Laporan publik: kirim, unggah bukti, lacak dengan kode + PIN / public reports: submit, upload evidence, track with code + PIN.',
  },
  { name: 'cases', description: 'Penanganan perkara oleh pengawas / case handling by supervisors.' },
  { name: 'temuan', description: "Informasi awal dari pengawas (temuan) / supervisors' own findings." },
  { name: 'calendar', description: 'Hari libur dan cuti bersama untuk tenggat hari kerja / holidays for working-day deadlines.' },
  {
    name: 'referrals',
    description:
      'Rekomendasi ke BKN/PPK: kotak masuk, langkah tindak lanjut, token instansi, kebijakan / referrals to BKN/PPK: inbox, follow-up steps, agency tokens, policy.',
  },
  {
    name: 'agency-api',
    description: 'API instansi (BKN, SIASN, SIMPEG) dengan token Bearer / agency API (BKN, SIASN, SIMPEG) with a Bearer token.',
  },
  { name: 'risk', description: 'Indeks kerawanan yang dapat dijelaskan / the explainable vulnerability index.' },
  { name: 'pledges', description: 'Ikrar netralitas bertanda tangan / signed neutrality pledges.' },
  { name: 'leads', description: 'Pemantauan media: sumber, lead, klaster berita / media monitoring: sources, leads, story clusters.' },
  {
    name: 'public',
    description: 'Data publik tanpa data pribadi: statistik, data terbuka, panduan, peta, audit / public data without personal data.',
  },
  { name: 'problems', description: 'Penjelasan kode masalah / problem code explanations.' },
] as const;

export const SECURITY_SCHEMES = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'Sesi petugas dari POST /api/v1/auth/login / staff session from POST /api/v1/auth/login.',
  },
  csrfHeader: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description:
      'Token CSRF (csrfToken dari login, juga cookie netra_csrf), wajib untuk POST/PUT/PATCH/DELETE dengan sesi / CSRF token, required on state changes with a session.',
  },
  agencyBearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'Token API instansi (dibuat admin di POST /api/v1/agency-tokens) / agency API token.',
  },
  leadSourceBearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'Token sumber push media (POST /api/v1/lead-sources, type push) / push lead-source token.',
  },
} as const;

export function securityOf(auth: RouteAuth, method: string): Record<string, string[]>[] {
  switch (auth) {
    case 'public':
      return [];
    case 'agency':
      return [{ agencyBearer: [] }];
    case 'leadPush':
      return [{ leadSourceBearer: [] }];
    default:
      return method === 'GET' ? [{ sessionCookie: [] }] : [{ sessionCookie: [], csrfHeader: [] }];
  }
}

const PROBLEM_TEXT: Record<number, string> = {
  400: 'Masukan tidak valid / invalid input (`validation_failed`, `bad_request`)',
  401: 'Tidak terautentikasi / not authenticated (`unauthenticated`, `invalid_credentials`, `totp_required`)',
  403: 'Tidak berwenang atau CSRF salah / forbidden or bad CSRF token (`forbidden`, `csrf_failed`)',
  404: 'Tidak ditemukan atau di luar wilayah kewenangan / not found or outside jurisdiction',
  409: 'Bertentangan dengan keadaan saat ini / conflicts with the current state (`conflict`, `invalid_state_transition`, `idempotency_conflict`)',
  413: 'Kiriman terlalu besar / payload too large',
  415: 'Jenis konten tidak didukung / unsupported media type',
  422: 'Berkas ditolak / file refused (`pdf_active_content`)',
  423: 'Akun terkunci sementara / account temporarily locked',
  429: 'Terlalu banyak permintaan / rate limited (see Retry-After)',
  503: 'Layanan sementara tidak tersedia / temporarily unavailable (see Retry-After)',
};

/** The problem statuses a route can answer, from how it authenticates and what it accepts. */
export function problemStatuses(method: string, url: string, auth: RouteAuth, rateLimited: boolean): number[] {
  const statuses = new Set<number>([400, 503]);
  if (auth !== 'public' || url === '/api/v1/auth/login') statuses.add(401);
  if (auth === 'session' || auth === 'agency') statuses.add(403);
  if (url.includes('/:') || url.startsWith('/api/v1/lacak') || url.startsWith('/api/v1/public/') || url.startsWith('/api/v1/agency/'))
    statuses.add(404);
  if (method !== 'GET' && method !== 'DELETE') {
    statuses.add(413);
    statuses.add(415);
    if (auth !== 'public' || url === '/api/v1/laporan' || url.startsWith('/api/v1/lacak')) statuses.add(409);
  }
  if (url === '/api/v1/uploads' || url.endsWith('/verify-document')) statuses.add(422);
  if (url === '/api/v1/auth/login') statuses.add(423);
  if (rateLimited || url.startsWith('/api/v1/lacak') || url === '/api/v1/laporan') statuses.add(429);
  return [...statuses].sort((a, b) => a - b);
}

const problemResponse = (status: number) => ({
  description: PROBLEM_TEXT[status] ?? 'Problem',
  content: { [PROBLEM_MEDIA_TYPE]: { schema: problemSchema } },
});

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

const OPENAPI_INFO = {
  title: 'Netra API',
  version: '1.0.0',
  description:
    'Pengawasan netralitas ASN dalam Pilkada / ASN neutrality supervision in Pilkada. ' +
    'Petugas: cookie sesi + header x-csrf-token; instansi (BKN, SIASN, SIMPEG): token Bearer. Semua galat berupa application/problem+json. ' +
    'Staff: session cookie + x-csrf-token header; agencies: Bearer token. Every error is application/problem+json. See docs/INTEGRATION.md.',
  contact: { name: 'Netra' },
  license: { name: 'MIT', identifier: 'MIT' },
};

export const OPENAPI_BASE = {
  openapi: '3.1.0',
  info: OPENAPI_INFO,
  servers: [
    {
      url: 'http://localhost:8080',
      description: 'Instans Netra (ganti dengan alamat instans Anda) / a Netra instance (use your instance address)',
    },
  ],
  tags: [...TAGS],
  components: { securitySchemes: SECURITY_SCHEMES },
};
