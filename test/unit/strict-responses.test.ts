// Issue 12: "tests fail when a handler returns something its contract does not allow". zod
// strips undeclared keys, so a forgotten field would vanish silently; the strict serializer the
// tests run with turns that, and a body the contract refuses, into a 500 naming the fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { z } from 'zod';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { droppedFields, strictSerializerCompiler } from '../../src/server/http/strictResponses.ts';
import { REASON_REQUIRED_ACTIONS, CLASSIFICATION_REQUIRED_ACTIONS } from '../../src/contracts/limits.ts';
import { applyAction } from '../../src/domain/cases/stateMachine.ts';

test('droppedFields names what the encoded body lost, nested and in arrays', () => {
  assert.deepEqual(droppedFields({ a: 1, b: { c: 2, d: 3 }, e: [{ f: 1, g: 2 }] }, { a: 1, b: { c: 2 }, e: [{ f: 1 }] }), [
    'b.d',
    'e[0].g',
  ]);
  assert.deepEqual(droppedFields({ a: null, b: [1, 2] }, { a: null, b: [1, 2] }), []);
  assert.deepEqual(droppedFields({ a: 'x' }, { a: 'x', added: true }), [], 'defaults the contract adds are not drops');
});

async function appWith(strict: boolean) {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(strict ? strictSerializerCompiler : serializerCompiler);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const contract = z.object({ id: z.string(), items: z.array(z.object({ name: z.string() })) });
  r.get(
    '/forgot-a-field',
    { schema: { response: { 200: contract } } },
    async () => ({ id: 'a', secret: 's', items: [{ name: 'n', extra: 1 }] }) as never,
  );
  r.get('/wrong-type', { schema: { response: { 200: contract } } }, async () => ({ id: new Date(0), items: [] }) as never);
  r.get('/exact', { schema: { response: { 200: contract } } }, async () => ({ id: 'a', items: [{ name: 'n' }] }));
  return app;
}

test('without strictness a forgotten field is dropped silently; with it the answer is a 500 naming the fields', async () => {
  const lax = await appWith(false);
  const dropped = await lax.inject({ url: '/forgot-a-field' });
  assert.equal(dropped.statusCode, 200);
  assert.deepEqual(dropped.json(), { id: 'a', items: [{ name: 'n' }] });

  const strict = await appWith(true);
  const refused = await strict.inject({ url: '/forgot-a-field' });
  assert.equal(refused.statusCode, 500);
  assert.match(refused.json().message, /GET \/forgot-a-field has fields its contract does not declare: secret, items\[0\]\.extra/);
  const wrongType = await strict.inject({ url: '/wrong-type' });
  assert.equal(wrongType.statusCode, 500);
  assert.match(wrongType.json().message, /does not match its contract/);
  const exact = await strict.inject({ url: '/exact' });
  assert.equal(exact.statusCode, 200);
  assert.deepEqual(exact.json(), { id: 'a', items: [{ name: 'n' }] });
  await Promise.all([lax.close(), strict.close()]);
});

test("the reason-required rule the web form uses is the state machine's own", () => {
  assert.deepEqual([...REASON_REQUIRED_ACTIONS].sort(), [
    'cabut',
    'hentikan_penelusuran',
    'kelengkapan_tidak_dipenuhi',
    'nyatakan_bukan_pelanggaran',
    'tolak_registrasi',
  ]);
  for (const action of REASON_REQUIRED_ACTIONS) {
    const from =
      action === 'kelengkapan_tidak_dipenuhi'
        ? 'menunggu_kelengkapan'
        : action === 'hentikan_penelusuran'
          ? 'informasi_awal'
          : action === 'nyatakan_bukan_pelanggaran'
            ? 'kajian'
            : 'diterima';
    const refused = applyAction(from, action, {});
    assert.equal(refused.ok, false, action);
    assert.equal(!refused.ok && refused.error, 'REASON_REQUIRED', action);
  }
  assert.deepEqual(CLASSIFICATION_REQUIRED_ACTIONS, ['teruskan']);
});
