// Hostile-input generator: malformed and malicious requests for every operation in the OpenAPI
// document, from a seeded PRNG so a failure reproduces (same seed → same requests). Used in-process
// by test/integration/hostile-input.test.ts (app.inject) and over loopback by bench/hostile.soak.ts.
// Upload hostility (polyglots, decompression bombs, SVG with script, EXIF, extensions) lives in
// test/integration/evidence.test.ts and is not repeated here.
import { buildLaporanInput } from './factories.ts';

/** mulberry32: tiny, fast, good enough to pick mutations; not for secrets. */
export function createPrng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick<T>(items: readonly T[]): T {
      return items[Math.floor(next() * items.length)];
    },
    chance: (p: number) => next() < p,
  };
}
export type Prng = ReturnType<typeof createPrng>;

export interface Operation {
  method: string;
  /** OpenAPI path, e.g. /api/v1/cases/{id} */
  path: string;
  pathParams: string[];
  queryParams: { name: string; type: string }[];
  jsonBody: boolean;
}

/** Every operation of the OpenAPI document (methods, path parameters, query parameters). */
export function listOperations(openapi: {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: { in: string; name: string; schema?: { type?: string } }[]; requestBody?: { content: Record<string, unknown> } }
    >
  >;
}): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(openapi.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, type: p.schema?.type ?? 'string' })),
        jsonBody: Boolean(op.requestBody?.content['application/json']),
      });
    }
  }
  return ops.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

export type Principal = 'public' | 'admin' | 'scoped' | 'bogus';

export interface HostileRequest {
  seq: number;
  /** What was done, for a reproducible failure message. */
  label: string;
  op: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  as: Principal;
}

// ---- building blocks (large ones built once and shared) -------------------------------------

const MB3 = 'A'.repeat(3 * 1024 * 1024);
const DEPTH = 10_000;
const DEEP_ARRAY = '['.repeat(DEPTH) + ']'.repeat(DEPTH);
const DEEP_OBJECT = '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH);
const HUGE_ARRAY = `[${Array.from({ length: 100_000 }, (_, i) => i).join(',')}]`;
const HUGE_STRING_ARRAY = `[${Array.from({ length: 20_000 }, () => '"aaaaaaaaaa"').join(',')}]`;

const VALID_UUID = '3f2b8c1e-6a4d-4e2b-9f10-1c2d3e4f5a6b';
const SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Hostile scalar values for path segments and query values (raw, before encoding). */
const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '0',
  '-1',
  '-999999999999',
  '1e309',
  '99999999999999999999999',
  '1.5',
  'NaN',
  'Infinity',
  'null',
  'undefined',
  'true',
  "' OR 1=1 --",
  "'; DROP TABLE cases; --",
  '" OR ""="',
  '1) OR (1=1',
  '%',
  '%%',
  '\\',
  '\\\\x00',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '....//....//etc/passwd',
  '/',
  '//',
  '.',
  '..',
  'a\u0000b',
  '\u0000',
  '\u0001\u0002\u001f',
  '\r\nSet-Cookie: x=1',
  '\uFEFF',
  '\u202Etxt.exe',
  'ÿ',
  '𝕏𝕐𝕫',
  '🙂'.repeat(50),
  'Ω≈ç√∫˜µ≤≥÷',
  '田中さんにあげて下さい',
  'ثم نفس سقطت',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫ',
  '\uD800',
  '\uDFFF\uD800',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '__proto__',
  'constructor',
  'prototype',
  'NTR-AAAA-AAAA',
  'ntr-zzzz-zzzz',
  '16',
  '16.02',
  '16.02.05',
  '16.71',
  '99.99',
  '16.02.05.2001',
  VALID_UUID,
  SHA,
  'tanda-bukti.pdf',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'x'.repeat(101),
  'x'.repeat(1000),
  '9'.repeat(400),
];

/** Percent-encoded oddities that only make sense in a raw URL. */
const RAW_URL_BITS: readonly string[] = [
  '%00',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%2F..%2F',
  '%c0%ae%c0%ae%2f',
  '%C0%AF',
  '%E0%A4%A',
  '%ZZ',
  '%',
  '%ff%fe',
  '%ED%A0%80',
  '..%00',
  '%0d%0a',
  '%uFF0E',
  '?',
  '#x',
  ';a=b',
  '%252e%252e',
];

/** Hostile JSON values to put in a field. */
function hostileJsonValue(rng: Prng): unknown {
  switch (rng.int(18)) {
    case 0:
      return null;
    case 1:
      return rng.pick([0, -1, 1e308, -1e308, 2 ** 53 + 1, 1.5, -0]);
    case 2:
      return rng.pick([true, false]);
    case 3:
      return [];
    case 4:
      return {};
    case 5:
      return ['a', 1, null, {}];
    case 6:
      return 'x'.repeat(rng.pick([1, 100, 5000, 100_000]));
    case 7:
      return { __proto__: { isAdmin: true } }; // a literal __proto__ key is dropped by JSON.stringify; see rawProto below
    case 8:
      return { constructor: { prototype: { isAdmin: true } } };
    case 9:
      return Array.from({ length: rng.pick([100, 1000, 10_000]) }, (_, i) => i);
    default:
      return rng.pick(HOSTILE_STRINGS);
  }
}

// ---- valid-looking templates per operation (mutated at a random leaf) -----------------------

function templateFor(op: Operation): unknown {
  const key = `${op.method} ${op.path}`;
  switch (key) {
    case 'POST /api/v1/laporan':
      return buildLaporanInput();
    case 'POST /api/v1/lacak':
    case 'POST /api/v1/lacak/tanda-bukti':
      return { kode: 'NTR-7K3M-Q9XP', pin: '123456' };
    case 'POST /api/v1/lacak/cabut':
      return { kode: 'NTR-7K3M-Q9XP', pin: '123456', alasan: 'Saya berubah pikiran.' };
    case 'POST /api/v1/auth/login':
      return { username: 'admin', password: 'kata-sandi-salah-123' };
    case 'POST /api/v1/auth/totp/confirm':
      return { code: '123456' };
    case 'POST /api/v1/users':
      return { username: 'petugas.baru', password: 'kata-sandi-rahasia-123', role: 'pengawas_kabkota', regionCode: '16.02' };
    case 'POST /api/v1/temuan':
      return {
        sumber: 'patroli_siber',
        judul: 'Unggahan dukungan',
        uraian: 'Terlapor mengunggah dukungan untuk pasangan calon di media sosial.',
        kodeWilayah: '16.02.05',
        tempat: 'Instagram',
        tanggalKejadian: '2024-10-01',
        tanggalDiketahui: '2024-10-02',
        perbuatan: ['lainnya'],
        terlapor: [{ nama: 'Budi', jabatan: 'Camat', instansi: 'Pemkab OKI', jenisSubjek: 'PNS' }],
      };
    case 'POST /api/v1/cases/{id}/actions':
      return { action: 'kaji', reason: 'Alasan yang cukup panjang.' };
    case 'POST /api/v1/cases/{id}/assign':
      return { assigneeId: VALID_UUID };
    case 'POST /api/v1/cases/{id}/notes':
      return { note: 'Catatan penanganan.' };
    case 'POST /api/v1/cases/{id}/reporter-identity':
    case 'POST /api/v1/cases/{id}/documents/tanda-bukti.pdf':
      return { reason: 'Klarifikasi kepada pelapor.' };
    case 'POST /api/v1/case-links/{linkId}':
      return { decision: 'merge' };
    case 'POST /api/v1/referrals/{id}/sanction':
      return { sanction: 'pp94.teguran_lisan', decreeNumber: '800/1/2024', decreeDate: '2024-10-10' };
    case 'POST /api/v1/referrals/{id}/siasn-block':
      return { reason: 'PPK tidak menindaklanjuti.' };
    case 'POST /api/v1/agency/referrals/{id}/status':
      return { step: 'diverifikasi', note: 'ok' };
    case 'POST /api/v1/agency-tokens':
      return { authority: 'BKN', label: 'SIASN' };
    case 'PUT /api/v1/policy-settings/{key}':
      return { value: true };
    case 'PUT /api/v1/risk/weights':
      return { weights: { ikp: 0.5 } };
    case 'POST /api/v1/pledges':
      return { agency: 'Dinas Pendidikan', regionCode: '16.02', date: '2024-09-01', venue: 'Aula Kantor Bupati', signatoryCount: 10 };
    case 'POST /api/v1/public/pledges/verify-document':
      return { document: { a: 1 }, signature: 'abc' };
    default:
      return { note: 'catatan' };
  }
}

type Path = (string | number)[];
function leaves(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    if (entries.length === 0) out.push(path);
    for (const [k, v] of entries) leaves(v, [...path, k], out);
  } else out.push(path);
  return out;
}
function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  let node = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return root;
}

// ---- URL construction -----------------------------------------------------------------------

function validParam(op: Operation, name: string): string {
  if (name === 'file') return 'tanda-bukti.pdf';
  if (name === 'sha256') return SHA;
  if (name === 'linkId') return '1';
  if (name === 'key') return op.path.includes('policy-settings') ? 'public.show_terlapor_names' : '001/PP.01.00/K.16.02/10/2024';
  if (name === 'code' || name === 'regionCode') return '16.02';
  if (name === 'electionId') return 'pilkada-2024';
  return VALID_UUID;
}

function encodeSegment(rng: Prng, raw: string): string {
  // Mostly properly encoded; sometimes raw (traversal, spaces) to test the router.
  if (rng.chance(0.15)) return raw.replace(/[\s#?]/g, encodeURIComponent);
  try {
    return encodeURIComponent(raw);
  } catch {
    return encodeURIComponent(raw.replace(/[\uD800-\uDFFF]/g, '?'));
  }
}

function buildPath(rng: Prng, op: Operation, hostile: boolean): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!hostile || rng.chance(0.3)) return encodeURIComponent(validParam(op, name));
    if (rng.chance(0.2)) return rng.pick(RAW_URL_BITS);
    return encodeSegment(rng, rng.pick(HOSTILE_STRINGS));
  });
}

function hostileQuery(rng: Prng, op: Operation): string {
  const names = op.queryParams.map((q) => q.name);
  const parts: string[] = [];
  const n = 1 + rng.int(3);
  for (let i = 0; i < n; i++) {
    const name =
      names.length && rng.chance(0.8)
        ? rng.pick(names)
        : rng.pick(['__proto__[admin]', 'constructor[prototype][admin]', '__proto__', 'constructor', 'x', 'a[b][c]', 'limit[]', '']);
    switch (rng.int(8)) {
      case 0:
        parts.push(`${name}=1&${name}=2`);
        break; // array where a scalar is expected
      case 1:
        parts.push(`${name}[]=1`);
        break;
      case 2:
        parts.push(`${name}[a]=1`);
        break;
      case 3:
        parts.push(`${name}=${rng.pick(RAW_URL_BITS)}`);
        break;
      case 4:
        parts.push(`${name}=${rng.pick(['-1', '-0', '1e309', '99999999999999999999999', '0x10', '1.5', 'NaN', ''])}`);
        break;
      default:
        parts.push(`${name}=${encodeSegment(rng, rng.pick(HOSTILE_STRINGS))}`);
    }
  }
  return parts.join('&');
}

// ---- bodies ---------------------------------------------------------------------------------

interface Body {
  payload?: string | Buffer;
  contentType?: string;
  label: string;
}

function hostileBody(rng: Prng, op: Operation): Body {
  const json = 'application/json';
  const roll = rng.int(100);
  if (roll < 2) return { payload: JSON.stringify({ s: MB3 }), contentType: json, label: '3MB string' };
  if (roll < 3) return { payload: MB3, contentType: 'text/plain', label: '3MB text/plain' };
  if (roll < 5) return { payload: rng.chance(0.5) ? DEEP_ARRAY : DEEP_OBJECT, contentType: json, label: `depth ${DEPTH} JSON` };
  if (roll < 7) {
    // The deep structure inside an otherwise valid body, where a field accepts any JSON.
    const body = structuredClone(templateFor(op));
    const path = rng.pick(leaves(body));
    const text = JSON.stringify(setAt(body, path, '__DEEP__')).replace('"__DEEP__"', rng.chance(0.5) ? DEEP_ARRAY : DEEP_OBJECT);
    return { payload: text, contentType: json, label: `depth ${DEPTH} JSON at ${path.join('.') || '(root)'}` };
  }
  if (roll < 9) return { payload: rng.chance(0.5) ? HUGE_ARRAY : HUGE_STRING_ARRAY, contentType: json, label: 'huge array' };
  if (roll < 14)
    return {
      payload: rng.pick([
        '{',
        '{"a":',
        '{"a":1,}',
        "{'a':1}",
        'undefined',
        'NaN',
        '[1,2',
        '{"a":"\\u12"}',
        '"\\ud800"',
        '{"a":1}{"b":2}',
        '\u0000',
        '{"a":1}\u0000',
      ]),
      contentType: json,
      label: 'invalid JSON',
    };
  if (roll < 17)
    return {
      payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
      contentType: json,
      label: 'invalid UTF-8 bytes',
    };
  if (roll < 20) return { payload: '', contentType: json, label: 'empty JSON body' };
  if (roll < 22) return { payload: undefined, contentType: json, label: 'no body, JSON content type' };
  if (roll < 27) {
    const ct = rng.pick([
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'text/csv',
      'application/octet-stream',
      'application/json; charset=latin1',
      'application/jsonx',
      'image/png',
      '',
    ]);
    return {
      payload: rng.chance(0.5) ? 'a=1&b=2' : JSON.stringify(templateFor(op)),
      contentType: ct,
      label: `content-type ${JSON.stringify(ct)}`,
    };
  }
  if (roll < 31) {
    const raw = rng.pick([
      '{"__proto__":{"isAdmin":true}}',
      '{"constructor":{"prototype":{"isAdmin":true}}}',
      '{"a":{"__proto__":{"polluted":1}}}',
      '[{"__proto__":{"x":1}}]',
      '{"__proto__":null}',
    ]);
    return { payload: raw, contentType: json, label: 'prototype pollution keys' };
  }
  if (roll < 36) return { payload: JSON.stringify(hostileJsonValue(rng)), contentType: json, label: 'wrong top-level type' };
  // Mutate a valid-looking body at 1–3 random leaves (wrong types, huge, SQL-ish, NUL, markup…).
  const body = structuredClone(templateFor(op));
  const paths = leaves(body);
  const n = 1 + rng.int(3);
  const labels: string[] = [];
  let result: unknown = body;
  for (let i = 0; i < n; i++) {
    const path = rng.pick(paths);
    const value = hostileJsonValue(rng);
    result = setAt(result, path, value);
    labels.push(path.join('.') || '(root)');
  }
  if (rng.chance(0.1) && result && typeof result === 'object' && !Array.isArray(result))
    (result as Record<string, unknown>).extra = 'tidak dikenal';
  return { payload: JSON.stringify(result), contentType: json, label: `mutated ${labels.join(',')}` };
}

// ---- the generator --------------------------------------------------------------------------

export interface GeneratorOptions {
  seed: number;
  count: number;
  /** Operations never sent with a session (e.g. logout, which would end the session). */
  publicOnly?: (op: Operation) => boolean;
}

/**
 * Round-robin over the operations (so every endpoint gets count / ops requests), each request
 * hostile in one or more of: path parameters, query string, headers, body, content type, and
 * as whom (public, admin session, a region-scoped session, a forged cookie).
 */
export function* generateHostileRequests(ops: Operation[], options: GeneratorOptions): Generator<HostileRequest> {
  const rng = createPrng(options.seed);
  for (let seq = 0; seq < options.count; seq++) {
    const op = ops[seq % ops.length];
    const labels: string[] = [];
    const headers: Record<string, string> = {};
    let as: Principal = rng.pick(['public', 'public', 'admin', 'admin', 'scoped', 'bogus'] as const);
    if (as !== 'public' && options.publicOnly?.(op)) as = 'public';
    labels.push(`as ${as}`);

    const hostilePath = op.pathParams.length > 0 && rng.chance(0.6);
    let url = buildPath(rng, op, hostilePath);
    if (hostilePath) labels.push('path params');
    const isGet = op.method === 'GET' || op.method === 'HEAD';
    // Every request is hostile somewhere: a GET without hostile path parameters gets a hostile query.
    if (rng.chance(op.queryParams.length ? 0.6 : 0.2) || (isGet && !hostilePath)) {
      url += `?${hostileQuery(rng, op)}`;
      labels.push('query');
    }

    if (rng.chance(0.1)) {
      const [name, value] = rng.pick([
        ['accept-language', 'en'.repeat(2000)],
        ['if-none-match', '"x"'.repeat(1000)],
        ['authorization', 'Bearer ' + rng.pick(HOSTILE_STRINGS.filter((s) => !/[\u0000-\u001f\u007f-\uffff]/.test(s)))],
        ['authorization', 'Basic YWRtaW46YWRtaW4='],
        ['idempotency-key', rng.pick(["' OR 1=1 --", 'x'.repeat(300), 'short'])],
        ['x-forwarded-for', '1.2.3.4, ' + '9.9.9.9, '.repeat(100)],
        ['accept-encoding', 'gzip;q=0, *;q=1000'],
        ['x-csrf-token', 'a'.repeat(5000)],
        ['cookie', 'netra_session=' + 'x'.repeat(4000)],
      ] as const);
      headers[name] = value;
      labels.push(`header ${name}`);
    }

    let payload: string | Buffer | undefined;
    if (!isGet) {
      const body = hostileBody(rng, op);
      payload = body.payload;
      if (body.contentType) headers['content-type'] = body.contentType;
      labels.push(body.label);
    } else if (rng.chance(0.05)) {
      payload = '{"a":1}';
      headers['content-type'] = 'application/json';
      labels.push('GET with body');
    }
    yield { seq, label: labels.join('; '), op: `${op.method} ${op.path}`, method: op.method, url, headers, payload, as };
  }
}

/** The assertion shared by the fast test and the soak: no 5xx; every 4xx is problem+json with a code. */
export function checkResponse(status: number, contentType: string | undefined, body: string): string | null {
  if (status >= 500) return `${status} ${body.slice(0, 300)}`;
  if (status >= 400) {
    if (!String(contentType ?? '').startsWith('application/problem+json'))
      return `${status} without problem+json (${contentType}): ${body.slice(0, 200)}`;
    try {
      const parsed = JSON.parse(body) as { code?: unknown };
      if (typeof parsed.code !== 'string' || parsed.code.length === 0) return `${status} problem without code: ${body.slice(0, 200)}`;
    } catch {
      return `${status} problem body is not JSON: ${body.slice(0, 200)}`;
    }
  }
  return null;
}
