import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp, buildUser, signIn } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { parseRegistrationNumber } from '../../src/domain/cases/registrationNumber.ts';
import { MAX_REPORTS_PER_PERSON_PER_HOUR } from '../../src/server/modules/cases/intake.ts';

const SUBMISSIONS = 200;

describeEachBackend('concurrent intake and registration', (ctx) => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildTestApp(ctx().db, { now: () => new Date('2024-10-10T03:00:00Z') });
  });
  after(async () => {
    await app.close();
  });

  test(`${SUBMISSIONS} concurrent submissions, each retried with its key → exactly ${SUBMISSIONS} cases, gapless registration numbers`, async () => {
    const inputs = Array.from({ length: SUBMISSIONS }, () => buildLaporanInput());
    const send = (i: number) =>
      app.inject({ method: 'POST', url: '/api/v1/laporan', payload: inputs[i], headers: { 'idempotency-key': `concurrent-${i}-key` } });
    // First attempt and retry race each other.
    const responses = await Promise.all(inputs.flatMap((_, i) => [send(i), send(i)]));
    for (const res of responses) assert.ok(res.statusCode === 201 || res.statusCode === 200, res.body);
    const byKey = new Map<number, string>();
    responses.forEach((res, j) => {
      const i = Math.floor(j / 2);
      const code = res.json().trackingCode;
      if (byKey.has(i)) assert.equal(byKey.get(i), code, 'retry returned the same receipt');
      byKey.set(i, code);
    });
    const cases = await ctx().db.query<{ id: string }>("SELECT id FROM cases WHERE kind = 'laporan'");
    assert.equal(cases.rows.length, SUBMISSIONS);

    const staff = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '16.02' });
    const session = await signIn(app, staff.username, staff.password);
    const registered = await Promise.all(
      cases.rows.map((c) => session.request({ method: 'POST', url: `/api/v1/cases/${c.id}/actions`, payload: { action: 'registrasi' } })),
    );
    for (const res of registered) assert.equal(res.statusCode, 200, res.body);
    const numbers = registered.map((res) => res.json().registrationNumber as string);
    assert.equal(new Set(numbers).size, SUBMISSIONS);
    const sequences = numbers.map((n) => parseRegistrationNumber(n)!.sequence).sort((a, b) => a - b);
    assert.deepEqual(
      sequences,
      Array.from({ length: SUBMISSIONS }, (_, i) => i + 1),
    );
  });

  test('the per-reporter hourly limit holds under concurrency: N+5 simultaneous reports for one NIK → exactly N accepted', async () => {
    const nik = '1602015508907777';
    const extra = 5;
    const responses = await Promise.all(
      Array.from({ length: MAX_REPORTS_PER_PERSON_PER_HOUR + extra }, () =>
        app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput({ pelapor: { nik } }) }),
      ),
    );
    const accepted = responses.filter((res) => res.statusCode === 201);
    const limited = responses.filter((res) => res.statusCode === 429);
    assert.equal(accepted.length, MAX_REPORTS_PER_PERSON_PER_HOUR, responses.map((res) => res.statusCode).join(','));
    assert.equal(limited.length, extra);
    for (const res of limited) {
      assert.equal(res.json().code, 'rate_limited');
      assert.equal(res.json().field, 'pelapor.nik');
    }
  });
});
