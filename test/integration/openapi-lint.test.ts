// Issue 12: the OpenAPI document is something integrators can use. It is linted with Spectral
// (spectral:oas, .spectral.yaml) and Redocly (recommended, redocly.yaml) with 0 errors, and a
// client generated with openapi-typescript compiles the BKN example of docs/INTEGRATION.md.
// The document does not depend on the database backend, so this runs once (PGlite).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../support/backends.ts';
import { buildTestApp } from '../support/http.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = (path: string) => join(root, 'node_modules', path);

function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      {
        cwd,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let testDb: TestDb;
let app: FastifyInstance;
let dir: string;
let docPath: string;

before(async () => {
  testDb = await createTestDb('pglite', { reference: false });
  app = await buildTestApp(testDb.db);
  await app.ready();
  dir = mkdtempSync(join(tmpdir(), 'netra-openapi-'));
  docPath = join(dir, 'openapi.json');
  writeFileSync(docPath, JSON.stringify(app.swagger(), null, 2));
});
after(async () => {
  await app.close();
  await testDb.destroy();
  rmSync(dir, { recursive: true, force: true });
});

test('Spectral (spectral:oas): 0 errors, and no missing operationId, tag or description', async () => {
  const out = join(dir, 'spectral.json');
  const result = await run(
    [
      bin('@stoplight/spectral-cli/dist/index.js'),
      'lint',
      '-r',
      join(root, '.spectral.yaml'),
      '-f',
      'json',
      '-o',
      out,
      '--fail-severity',
      'error',
      docPath,
    ],
    dir,
  );
  const findings = JSON.parse(readFileSync(out, 'utf8')) as { code: string; severity: number; message: string; path: string[] }[];
  const errors = findings.filter((f) => f.severity === 0);
  assert.deepEqual(
    errors.map((f) => `${f.code} ${f.path.join('.')}: ${f.message}`),
    [],
    result.stderr,
  );
  const missing = findings.filter((f) =>
    [
      'operation-operationId',
      'operation-operationId-unique',
      'operation-tag-defined',
      'operation-tags',
      'operation-description',
      'operation-success-response',
    ].includes(f.code),
  );
  assert.deepEqual(
    missing.map((f) => `${f.code} ${f.path.join('.')}`),
    [],
  );
  assert.equal(result.code, 0, result.stderr);
});

test('Redocly (recommended): 0 errors', async () => {
  const result = await run(
    [bin('@redocly/cli/lib/index.js'), 'lint', docPath, '--format=json', '--config', join(root, 'redocly.yaml')],
    dir,
  );
  const report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as {
    totals: { errors: number };
    problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
  };
  const errors = report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
  assert.deepEqual(errors, []);
  assert.equal(report.totals.errors, 0);
});

test('a client generated with openapi-typescript compiles the BKN example in docs/INTEGRATION.md', async () => {
  const generated = await run([bin('openapi-typescript/bin/cli.js'), docPath, '-o', join(dir, 'netra-api.d.ts')], dir);
  assert.equal(generated.code, 0, generated.stderr);
  const types = readFileSync(join(dir, 'netra-api.d.ts'), 'utf8');
  // Responses are typed, not `never` (the state before issue 12).
  assert.match(types, /ReferralDetail: \{/);
  const guide = readFileSync(join(root, 'docs/INTEGRATION.md'), 'utf8');
  const example = /```ts\n([\s\S]*?)```/.exec(guide)?.[1];
  assert.ok(example, 'docs/INTEGRATION.md has a ts example');
  writeFileSync(join(dir, 'example.ts'), example);
  const compiled = await run(
    [
      bin('typescript/bin/tsc'),
      '--noEmit',
      '--strict',
      '--target',
      'es2022',
      '--module',
      'es2022',
      '--moduleResolution',
      'bundler',
      '--lib',
      'es2022,dom',
      join(dir, 'example.ts'),
    ],
    dir,
  );
  assert.equal(compiled.code, 0, `${compiled.stdout}\n${compiled.stderr}`);
});

test('one vocabulary (issue 12): one Authority enum for tokens, filters and referrals; status steps in the state words, English deprecated', () => {
  type Schema = { $ref?: string; enum?: string[]; anyOf?: Schema[]; deprecated?: boolean; properties?: Record<string, Schema> };
  const doc = app.swagger() as unknown as {
    paths: Record<
      string,
      Record<string, { requestBody?: { content: Record<string, { schema: Schema }> }; parameters?: { name: string; schema: Schema }[] }>
    >;
    components: { schemas: Record<string, Schema> };
  };
  const resolve = (s: Schema): Schema => (s.$ref ? doc.components.schemas[s.$ref.split('/').pop()!] : s);
  const tokenAuthority = doc.paths['/api/v1/agency-tokens'].post.requestBody!.content['application/json'].schema.properties!.authority;
  const filterAuthority = doc.paths['/api/v1/agency/referrals'].get.parameters!.find((p) => p.name === 'authority')!.schema;
  const staffFilter = doc.paths['/api/v1/referrals'].get.parameters!.find((p) => p.name === 'authority')!.schema;
  assert.equal(tokenAuthority.$ref, filterAuthority.$ref);
  assert.equal(staffFilter.$ref, filterAuthority.$ref);
  const authorities = resolve(tokenAuthority).enum!;
  assert.deepEqual(resolve(resolve(doc.components.schemas.ReferralSummary).properties!.authority).enum, authorities);
  for (const a of ['KASN', 'BKN', 'PPK', 'BUPATI_WALIKOTA', 'GAKKUMDU']) assert.ok(authorities.includes(a), a);

  const step = doc.paths['/api/v1/agency/referrals/{id}/status'].post.requestBody!.content['application/json'].schema.properties!.step;
  const [current, deprecated] = step.anyOf!;
  assert.deepEqual(current.enum, [
    'diverifikasi',
    'diteruskan_ppk',
    'diterima_instansi',
    'diputus',
    'sanksi_dilaksanakan',
    'tidak_terbukti',
  ]);
  assert.equal(current.deprecated, undefined);
  assert.equal(deprecated.deprecated, true);
  assert.deepEqual(deprecated.enum, ['verified', 'forwarded_to_ppk', 'received', 'sanction', 'sanction_applied', 'not_proven']);
});

test('every operation of the leads, risk, public-data and referral-policy areas has a typed 2xx body (no x-netra-untyped)', () => {
  const doc = app.swagger() as unknown as {
    paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> }>>;
  };
  const mine =
    /^\/api\/v1\/(lead|leads|article|articles|risk|public\/(stats|open-data$|guide|leads|regions)|geo|policy-settings|referrals\/kasn-handover)/;
  const untyped: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!mine.test(path)) continue;
    for (const [method, op] of Object.entries(methods)) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (!status.startsWith('2')) continue;
        if (Object.values(response.content ?? {}).some((c) => c.schema['x-netra-untyped']))
          untyped.push(`${method.toUpperCase()} ${path} ${status}`);
      }
    }
  }
  assert.deepEqual(untyped, []);
});
