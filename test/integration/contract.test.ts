// Issue 12, "one contract": every GET of the OpenAPI document, called anonymously, as an admin
// and with a BKN agency token, answers only statuses the document declares, with the declared
// media type, and a body the route's contract (src/contracts, zod) accepts. A handler returning
// something its contract does not allow fails serialisation (500, never declared) and so fails here.
// Also: every operation has a verb-first operationId, tags, `security`, a 2xx and a problem 4xx.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { ZodType } from 'zod';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp, buildUser, signIn, type Session } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { addDaysToLocalDate } from '../../src/domain/time/localDate.ts';
import { localDateOf } from '../../src/domain/time/zones.ts';
import { problemSchema } from '../../src/contracts/problem.ts';

const clock = new Date('2024-10-10T03:00:00Z');
const VALID_UUID = '3f2b8c1e-6a4d-4e2b-9f10-1c2d3e4f5a6b';

type Operation = {
  operationId?: string;
  tags?: string[];
  security?: unknown[];
  responses: Record<string, { content?: Record<string, unknown> }>;
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  tags: { name: string; description: string }[];
  components: { securitySchemes: Record<string, unknown> };
};

describeEachBackend('contract: the OpenAPI document matches what every GET answers', (ctx) => {
  let app: FastifyInstance;
  let admin: Session;
  let doc: Doc;
  let agencyToken = '';
  const seeded: Record<string, string> = {};

  before(async () => {
    // Strict: a field a contract forgets is a 500 here instead of vanishing from the answer.
    app = await buildTestApp(ctx().db, { now: () => clock, strictResponses: true });
    const adminUser = await buildUser(ctx().db, { role: 'admin' });
    admin = await signIn(app, adminUser.username, adminUser.password);
    const officeUser = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '16.02' });
    const office = await signIn(app, officeUser.username, officeUser.password);
    // A laporan about a PNS forwarded as a recommendation → one BKN referral.
    const today = localDateOf(clock, 'WIB');
    const input = buildLaporanInput({
      terlapor: [
        {
          nama: 'Budi Santoso',
          nip: '198503122010011002',
          jabatan: 'Kepala Bidang Pendapatan',
          instansi: 'Badan Pendapatan Daerah Kabupaten Ogan Komering Ilir',
          jenisSubjek: 'PNS',
          kodeWilayah: '16.02',
        },
      ] as never,
      peristiwa: {
        kodeWilayah: '16.02.05',
        tanggalKejadian: addDaysToLocalDate(today, -2),
        tanggalDiketahui: addDaysToLocalDate(today, -1),
      },
    });
    const submitted = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: input });
    assert.equal(submitted.statusCode, 201, submitted.body);
    seeded.caseId = submitted.json().id;
    for (const body of [
      { action: 'registrasi' },
      { action: 'kaji' },
      {
        action: 'teruskan',
        classification: 'peraturan_lainnya',
        summary: 'Terbukti hadir dan berorasi mendukung pasangan calon dalam kampanye terbuka.',
      },
    ]) {
      const res = await office.request({ method: 'POST', url: `/api/v1/cases/${seeded.caseId}/actions`, payload: body });
      assert.equal(res.statusCode, 200, res.body);
    }
    const referrals = (await admin.request({ url: `/api/v1/referrals?caseId=${seeded.caseId}` })).json();
    seeded.referralId = referrals.items[0].id;
    seeded.publicKey = referrals.items[0].publicKey;
    const token = await admin.request({
      method: 'POST',
      url: '/api/v1/agency-tokens',
      payload: { authority: 'BKN', label: 'SIASN integrasi' },
    });
    assert.equal(token.statusCode, 201, token.body);
    agencyToken = token.json().token;
    doc = (await app.inject({ url: '/api/openapi.json' })).json();
  });
  after(async () => {
    await app.close();
  });

  test('every operation: verb-first unique operationId, a described tag, security, a 2xx and a problem 4xx', () => {
    const ids = new Set<string>();
    const tagNames = new Set(doc.tags.map((t) => t.name));
    for (const t of doc.tags) assert.ok(t.description, `tag ${t.name} has a description`);
    for (const scheme of ['sessionCookie', 'csrfHeader', 'agencyBearer']) assert.ok(doc.components.securitySchemes[scheme], scheme);
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const where = `${method.toUpperCase()} ${path}`;
        assert.match(
          op.operationId ?? '',
          /^(get|list|create|submit|track|withdraw|download|upload|apply|assign|add|reveal|decide|set|delete|verify|forward|record|block|revoke|report|import|start|confirm|login|logout|update|poll|push|dismiss|promote|detach)[A-Z]?/,
          `${where}: verb-first operationId`,
        );
        assert.ok(!ids.has(op.operationId!), `${where}: unique operationId ${op.operationId}`);
        ids.add(op.operationId!);
        assert.ok(op.tags?.length && op.tags.every((t) => tagNames.has(t)), `${where}: tags declared at the top level`);
        assert.ok(Array.isArray(op.security), `${where}: security stated`);
        const statuses = Object.keys(op.responses);
        assert.ok(
          statuses.some((s) => s.startsWith('2')),
          `${where}: a 2xx response`,
        );
        assert.ok(
          statuses.some((s) => s.startsWith('4') && op.responses[s].content?.['application/problem+json']),
          `${where}: a problem 4xx`,
        );
      }
    }
    // The agency API and staff routes are not public; the intake is.
    assert.deepEqual(doc.paths['/api/v1/agency/referrals'].get.security, [{ agencyBearer: [] }]);
    assert.deepEqual(doc.paths['/api/v1/cases/{id}/actions'].post.security, [{ sessionCookie: [], csrfHeader: [] }]);
    assert.deepEqual(doc.paths['/api/v1/laporan'].post.security, []);
  });

  const paramValue = (path: string, name: string): string => {
    if (name === 'id' && path.includes('referrals')) return seeded.referralId;
    if (name === 'id' && path.startsWith('/api/v1/cases/')) return seeded.caseId;
    if (name === 'key') return seeded.publicKey;
    if (name === 'code' || name === 'regionCode') return '16.02';
    if (name === 'electionId') return 'pilkada-2024';
    if (name === 'file') return 'tanda-bukti.pdf';
    if (name === 'sha256') return 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    if (path.startsWith('/api/v1/lead-jobs/')) return '1';
    return VALID_UUID;
  };

  const check = (as: string, method: string, path: string, op: Operation, res: LightMyRequestResponse) => {
    const where = `${as} ${method.toUpperCase()} ${path} → ${res.statusCode}`;
    const declared = op.responses[String(res.statusCode)];
    assert.ok(declared, `${where}: status not declared (${Object.keys(op.responses).join(', ')}): ${res.body.slice(0, 300)}`);
    const mediaType = String(res.headers['content-type'] ?? '').split(';')[0];
    assert.ok(
      declared.content?.[mediaType],
      `${where}: media type ${mediaType} not declared (${Object.keys(declared.content ?? {}).join(', ')})`,
    );
    const contract = app.contracts.get(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)?.[String(res.statusCode)];
    const schema = (
      contract && typeof contract === 'object' && 'content' in contract
        ? (contract as { content: Record<string, { schema: ZodType }> }).content[mediaType]?.schema
        : contract
    ) as ZodType | undefined;
    if (mediaType === 'application/json' && res.statusCode === 200) {
      const body = res.json() as { items?: unknown; total?: unknown };
      if (Array.isArray(body.items)) assert.equal(typeof body.total, 'number', `${where}: a list answers { items, total }`);
    }
    if (mediaType === 'application/problem+json') {
      const parsed = problemSchema.safeParse(res.json());
      assert.ok(parsed.success, `${where}: not a Problem: ${res.body.slice(0, 300)}`);
    } else if (schema && typeof (schema as ZodType).safeParse === 'function') {
      const parsed = schema.safeParse(res.json());
      assert.ok(parsed.success, `${where}: body does not match its contract: ${parsed.error?.message.slice(0, 500)}`);
    }
  };

  test('every GET, anonymously, as admin and with a BKN token: declared status, media type and body', async () => {
    let calls = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      const op = methods.get;
      if (!op) continue;
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(paramValue(path, name)));
      check('anonymous', 'get', path, op, await app.inject({ method: 'GET', url }));
      check('admin', 'get', path, op, await admin.request({ method: 'GET', url }));
      check('agency', 'get', path, op, await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${agencyToken}` } }));
      calls += 3;
    }
    assert.ok(calls > 150, `called ${calls} times`);
  });

  test('public data: strong ETag and 304 on If-None-Match; CORS open for public reads only; OPTIONS answered', async () => {
    for (const url of [
      '/api/v1/regions?parent=16',
      '/api/v1/regions/16.02',
      '/api/v1/elections',
      '/api/v1/public/announcements',
      '/api/v1/public/pledges',
      '/api/v1/public/referral-stats',
      '/api/v1/public/open-data',
      `/api/v1/public/referrals/${seeded.publicKey}`,
      '/api/v1/public/stats',
    ]) {
      const first = await app.inject({ url });
      assert.equal(first.statusCode, 200, `${url}: ${first.body.slice(0, 200)}`);
      const etag = first.headers.etag as string;
      assert.ok(etag, `${url}: ETag`);
      assert.equal(first.headers['access-control-allow-origin'], '*', `${url}: readable cross-origin`);
      assert.equal(first.headers['access-control-allow-credentials'], undefined);
      const again = await app.inject({ url, headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304, url);
      assert.equal(again.body, '');
      const changed = await app.inject({ url, headers: { 'if-none-match': '"stale"' } });
      assert.equal(changed.statusCode, 200, url);
    }
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/regions',
      headers: { origin: 'https://siasn.example', 'access-control-request-method': 'GET' },
    });
    assert.equal(preflight.statusCode, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], '*');
    assert.equal(preflight.headers['access-control-allow-methods'], 'GET, HEAD');
    // Staff and agency data, and public writes: same-origin only (no CORS headers), but OPTIONS is not a 404.
    for (const url of ['/api/v1/cases', '/api/v1/agency/referrals', '/api/v1/laporan']) {
      const res = await app.inject({
        method: 'OPTIONS',
        url,
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      assert.equal(res.statusCode, 204, url);
      assert.equal(res.headers['access-control-allow-origin'], undefined, url);
    }
    const staff = await admin.request({ url: '/api/v1/cases' });
    assert.equal(staff.statusCode, 200);
    assert.equal(staff.headers['access-control-allow-origin'], undefined);
    assert.equal(staff.headers.etag, undefined);
  });

  test('problem `type` URIs resolve to a page explaining the code', async () => {
    const missing = await app.inject({ url: `/api/v1/referrals/${VALID_UUID}` });
    const invalid = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: {} });
    const unknownRegion = await app.inject({ url: '/api/v1/regions/99.99' });
    for (const res of [missing, invalid, unknownRegion]) {
      const problem = res.json() as { type: string; code: string };
      assert.equal(problem.type, `/api/v1/problems/${problem.code}`);
      const page = await app.inject({ url: problem.type, headers: { 'accept-language': 'en' } });
      assert.equal(page.statusCode, 200, problem.type);
      assert.equal(page.json().code, problem.code);
      assert.ok(page.json().description.id.length > 10 && page.json().description.en.length > 10);
    }
    const all = (await app.inject({ url: '/api/v1/problems' })).json() as { items: { code: string }[]; total: number };
    assert.equal(all.total, all.items.length);
    for (const code of ['validation_failed', 'invalid_state_transition', 'rate_limited', 'unavailable', 'csrf_failed'])
      assert.ok(
        all.items.some((i) => i.code === code),
        code,
      );
  });

  test('the agency API answers the BKN token with typed referrals', async () => {
    const list = await app.inject({ url: '/api/v1/agency/referrals', headers: { authorization: `Bearer ${agencyToken}` } });
    assert.equal(list.statusCode, 200);
    assert.equal(list.json().total, 1);
    assert.equal(list.json().items[0].id, seeded.referralId);
  });
});
