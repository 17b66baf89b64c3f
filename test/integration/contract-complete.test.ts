// Issue 12, "every operation has a 2xx schema": no operation of the OpenAPI document may still be
// documented as an untyped JSON body (`x-netra-untyped`, the placeholder transformRoute writes when
// a route declares no 2xx response). The failure lists the operations by name, so what is missing
// is plain. The document does not depend on the database backend, so this runs once (PGlite).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../support/backends.ts';
import { buildTestApp } from '../support/http.ts';

type Operation = { operationId?: string; responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }> };

let testDb: TestDb;
let app: FastifyInstance;

before(async () => {
  testDb = await createTestDb('pglite', { reference: false });
  app = await buildTestApp(testDb.db);
  await app.ready();
});
after(async () => {
  await app.close();
  await testDb.destroy();
});

test('every operation declares the body of its 2xx responses (none is x-netra-untyped)', () => {
  const doc = app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
  const untyped: string[] = [];
  let operations = 0;
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      operations += 1;
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      const bare =
        success.length === 0 ||
        success.some(([, response]) => Object.values(response.content ?? {}).some((media) => media.schema?.['x-netra-untyped'] === true));
      if (bare) untyped.push(`${method.toUpperCase()} ${path} (${op.operationId})`);
    }
  }
  assert.ok(operations > 90, `the document has ${operations} operations`);
  assert.deepEqual(untyped, [], `${untyped.length} operations without a response schema:\n${untyped.join('\n')}`);
});
