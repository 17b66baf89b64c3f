import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp, buildUser, signIn } from '../support/http.ts';
import { loadCalendar } from '../../src/server/modules/calendar/service.ts';
import { computeDeadline } from '../../src/domain/legal-clock/compute.ts';

describeEachBackend('editable national calendar', (ctx) => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildTestApp(ctx().db);
  });
  after(async () => {
    await app.close();
  });

  test('seeded with the 2024–2026 holidays; an admin edit moves working-day deadlines', async () => {
    const days = (await app.inject('/api/v1/calendar?year=2024')).json().items;
    assert.ok(
      days.some((d: { date: string; kind: string }) => d.date === '2024-11-27' && d.kind === 'libur'),
      'voting day 27 Nov 2024 (Keppres 33/2024)',
    );
    assert.ok(days.some((d: { date: string }) => d.date === '2024-12-25'));

    // Gakkumdu investigation: 14 hari kerja from Monday 2 Dec 2024 (WIB).
    const start = new Date('2024-12-02T03:00:00Z');
    const before = computeDeadline('gakkumdu.penyidikan', {
      startAt: start,
      regionCode: '16.02',
      calendar: await loadCalendar(ctx().db, Date.now() + 120_000),
    });

    const { username, password } = await buildUser(ctx().db, { role: 'admin' });
    const admin = await signIn(app, username, password);
    const analyst = await buildUser(ctx().db, { role: 'analyst' });
    const analystSession = await signIn(app, analyst.username, analyst.password);
    const forbidden = await analystSession.request({
      method: 'PUT',
      url: '/api/v1/calendar/2024-12-04',
      payload: { name: 'Libur daerah', kind: 'libur', source: 'Keputusan Gubernur' },
    });
    assert.equal(forbidden.statusCode, 403);
    const bad = await admin.request({
      method: 'PUT',
      url: '/api/v1/calendar/2024-13-04',
      payload: { name: 'Libur', kind: 'libur', source: 'x' },
    });
    assert.equal(bad.statusCode, 400);
    const set = await admin.request({
      method: 'PUT',
      url: '/api/v1/calendar/2024-12-04',
      payload: { name: 'Libur tambahan', kind: 'libur', source: 'Keppres (contoh)' },
    });
    assert.equal(set.statusCode, 200);
    const after = computeDeadline('gakkumdu.penyidikan', { startAt: start, regionCode: '16.02', calendar: await loadCalendar(ctx().db) });
    // Fri 20 Dec 2024 → the next working day, Mon 23 Dec.
    assert.match(before.dueLocal, /20 Desember 2024/);
    assert.match(after.dueLocal, /23 Desember 2024/);

    assert.equal((await admin.request({ method: 'DELETE', url: '/api/v1/calendar/2024-12-04' })).statusCode, 200);
    assert.equal((await admin.request({ method: 'DELETE', url: '/api/v1/calendar/2024-12-04' })).statusCode, 404);
    const restored = computeDeadline('gakkumdu.penyidikan', {
      startAt: start,
      regionCode: '16.02',
      calendar: await loadCalendar(ctx().db),
    });
    assert.equal(restored.dueAt.getTime(), before.dueAt.getTime());
  });
});
