// "Prove it" item 4: hostile input. A seeded generator (test/support/hostile.ts) sends malformed
// and malicious requests to EVERY operation of the OpenAPI document — path parameters (valid-looking,
// invalid, huge, unicode, ../ traversal, SQL-ish, NUL, overlong UTF-8, broken percent-encoding),
// query strings (wrong types, huge and negative numbers, arrays for scalars, __proto__ and
// constructor keys), bodies (depth-10,000 JSON, huge arrays, 3 MB strings, invalid JSON, invalid
// UTF-8, empty bodies, wrong content types, prototype-pollution keys, valid bodies mutated at a
// random leaf), odd headers, as the public, an admin, a region-scoped officer and a forged cookie.
// Asserted: no 5xx at all; every 4xx is application/problem+json with a `code`; the heap after a GC
// stays within a bound; /api/v1/health still answers.
//
// Counts: 10,000 requests on PGlite and 2,000 on PostgreSQL (same generator, same seed; the fast
// suite has a 60 s budget for both backends together on 2 cores).
// The long run (100,000 against a real process over loopback) is bench/hostile.soak.ts.
// Reproduce a failure: NETRA_HOSTILE_SEED=<seed> NETRA_HOSTILE_REQUESTS=<n> npm test -- hostile-input
// Upload hostility (polyglots, decompression bombs, SVG with script, huge EXIF, wrong extensions)
// is covered in test/integration/evidence.test.ts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp, buildUser, signIn, type Session } from '../support/http.ts';
import { checkResponse, generateHostileRequests, listOperations, type HostileRequest } from '../support/hostile.ts';

const SEED = Number(process.env.NETRA_HOSTILE_SEED ?? 20261126);
const clock = new Date('2024-10-10T03:00:00Z');
/** Heap growth allowed between the warm-up point and the end, after a full GC. */
const HEAP_BOUND_MIB = 48;

function collectGarbage(): () => void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  // Not started with --expose-gc: enable it at run time and take `gc` from a fresh context.
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

const heapMiB = (gc: () => void) => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1048576;
};

describeEachBackend('hostile input: every endpoint, seeded, no 5xx, problem+json, bounded memory', (ctx) => {
  let app: FastifyInstance;
  let admin: Session;
  let scoped: Session;

  before(async () => {
    app = await buildTestApp(ctx().db, { now: () => clock });
    await app.ready();
    const a = await buildUser(ctx().db, { role: 'admin' });
    admin = await signIn(app, a.username, a.password);
    const k = await buildUser(ctx().db, { role: 'pengawas_kecamatan', regionCode: '16.02.05' });
    scoped = await signIn(app, k.username, k.password);
  });
  after(async () => {
    await app.close();
  });

  test('specific guards: deep JSON, NUL bytes, broken URLs and long parameters are 4xx problem+json', async () => {
    const deep = (d: number) => '{"a":'.repeat(d) + '1' + '}'.repeat(d);
    const cases: { name: string; method: 'GET' | 'POST'; url: string; payload?: string; status: number; code: string }[] = [
      // A field that accepts any JSON: before the depth guard this overflowed the stack in canonicalJson (500).
      {
        name: 'depth 10,000 inside verify-document',
        method: 'POST',
        url: '/api/v1/public/pledges/verify-document',
        payload: `{"document":${deep(10_000)},"signature":"abc"}`,
        status: 400,
        code: 'validation_failed',
      },
      {
        name: 'depth 100,000 array',
        method: 'POST',
        url: '/api/v1/laporan',
        payload: '['.repeat(100_000) + ']'.repeat(100_000),
        status: 400,
        code: 'validation_failed',
      },
      // NUL cannot be stored in PostgreSQL text: it used to fail inside the query (500).
      {
        name: 'NUL in a path parameter',
        method: 'GET',
        url: '/api/v1/elections/..%00/contests/16.02',
        status: 400,
        code: 'validation_failed',
      },
      { name: 'NUL in a query value', method: 'GET', url: '/api/v1/regions?q=a%00b', status: 400, code: 'validation_failed' },
      {
        name: 'NUL in a JSON string',
        method: 'POST',
        url: '/api/v1/public/pledges/verify-document',
        payload: '{"document":"x","signature":"ab\\u0000c"}',
        status: 400,
        code: 'validation_failed',
      },
      // Router errors used to answer Fastify's plain JSON, not problem+json.
      { name: 'broken percent-encoding', method: 'GET', url: '/api/v1/referrals/%ZZ', status: 400, code: 'bad_request' },
      { name: 'overlong UTF-8', method: 'GET', url: '/api/v1/public/referrals/%C0%AF', status: 400, code: 'bad_request' },
      {
        name: 'path parameter over the router limit',
        method: 'GET',
        url: `/api/v1/cases/${'x'.repeat(500)}`,
        status: 414,
        code: 'bad_request',
      },
      {
        name: '__proto__ key',
        method: 'POST',
        url: '/api/v1/lacak',
        payload: '{"__proto__":{"x":1},"kode":"NTR-AAAA-AAAA","pin":"123456"}',
        status: 400,
        code: 'bad_request',
      },
    ];
    for (const c of cases) {
      const res = await app.inject({
        method: c.method,
        url: c.url,
        payload: c.payload,
        headers: c.payload ? { 'content-type': 'application/json' } : {},
      });
      assert.equal(res.statusCode, c.status, `${c.name}: ${res.body.slice(0, 300)}`);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/, c.name);
      assert.equal(res.json().code, c.code, c.name);
    }
  });

  test('hostile requests across every operation of the OpenAPI document', async () => {
    const count = Number(process.env.NETRA_HOSTILE_REQUESTS ?? (ctx().kind === 'pglite' ? 10_000 : 2_000));
    // The endpoints come from the served document (which must itself answer).
    const served = await app.inject({ url: '/api/openapi.json' });
    assert.equal(served.statusCode, 200, served.body.slice(0, 300));
    const openapi = served.json() as Parameters<typeof listOperations>[0];
    const ops = listOperations(openapi);
    assert.ok(ops.length >= 60, `OpenAPI lists ${ops.length} operations`);

    const send = (req: HostileRequest) => {
      const headers = { ...req.headers };
      const session = req.as === 'admin' ? admin : req.as === 'scoped' ? scoped : null;
      if (session) {
        headers.cookie ??= session.cookie;
        headers['x-csrf-token'] ??= session.csrf;
      }
      if (req.as === 'bogus') headers.cookie ??= 'netra_session=forged-session-token; netra_csrf=forged';
      return app.inject({ method: req.method as 'GET', url: req.url, headers, payload: req.payload });
    };

    const gc = collectGarbage();
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const perOp = new Map<string, number>();
    const warmUp = Math.min(1000, Math.floor(count / 5));
    let heapStart = 0;
    let sent = 0;
    const started = performance.now();
    // Logout would end the sessions the rest of the run uses: it is sent without one.
    const requests = generateHostileRequests(ops, { seed: SEED, count, publicOnly: (op) => op.path === '/api/v1/auth/logout' });
    for (const req of requests) {
      if (sent === warmUp) heapStart = heapMiB(gc);
      sent++;
      let res;
      try {
        res = await send(req);
      } catch (error) {
        failures.push(`#${req.seq} ${req.op} [${req.label}] ${req.url.slice(0, 200)}: threw ${(error as Error).message}`);
        continue;
      }
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      perOp.set(req.op, (perOp.get(req.op) ?? 0) + 1);
      const problem = checkResponse(res.statusCode, res.headers['content-type'] as string | undefined, res.body);
      if (problem) failures.push(`#${req.seq} ${req.op} [${req.label}] ${req.url.slice(0, 200)}: ${problem}`);
    }
    const seconds = (performance.now() - started) / 1000;
    const heapEnd = heapMiB(gc);

    const summary = `seed ${SEED}, ${sent} requests in ${seconds.toFixed(1)} s, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}, heap ${heapStart.toFixed(1)} → ${heapEnd.toFixed(1)} MiB`;
    console.log(`[hostile-input ${ctx().kind}] ${summary}`);
    assert.equal(failures.length, 0, `${failures.length} bad responses (${summary}):\n${failures.slice(0, 25).join('\n')}`);
    assert.equal(sent, count);
    assert.equal(perOp.size, ops.length, 'every operation was exercised');
    assert.ok(
      [...statuses.keys()].every((s) => s < 500),
      'no 5xx',
    );
    assert.ok(
      heapEnd - heapStart < HEAP_BOUND_MIB,
      `heap grew ${(heapEnd - heapStart).toFixed(1)} MiB (bound ${HEAP_BOUND_MIB}): ${summary}`,
    );

    const health = await app.inject({ url: '/api/v1/health' });
    assert.equal(health.statusCode, 200, health.body);
    assert.equal(health.json().status, 'ok');
    // Sessions still work (nothing in the run broke authentication).
    assert.equal((await admin.request({ url: '/api/v1/auth/me' })).statusCode, 200);
  });
});
