import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp, buildUser, signIn, type Session } from '../support/http.ts';
import { verifyAuditChain } from '../../src/server/modules/audit/service.ts';

const csv = (lines: string[]) => ({ method: 'POST' as const, headers: { 'content-type': 'text/csv' }, payload: lines.join('\n') });

describeEachBackend('risk imports and index', (ctx) => {
  let app: FastifyInstance;
  let admin: Session;
  let pengawas: Session;
  const counts = async () => (await ctx().db.query<{ n: number }>('SELECT count(*)::int AS n FROM risk_indicators')).rows[0].n;
  const batches = async () => (await ctx().db.query<{ n: number }>('SELECT count(*)::int AS n FROM risk_import_batches')).rows[0].n;

  before(async () => {
    app = await buildTestApp(ctx().db, { now: () => new Date('2024-10-10T03:00:00Z') });
    const a = await buildUser(ctx().db, { role: 'admin' });
    admin = await signIn(app, a.username, a.password);
    const p = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '16.02' });
    pengawas = await signIn(app, p.username, p.password);
  });
  after(async () => {
    await app.close();
  });

  test('only admins import', async () => {
    const anonymous = await app.inject({ url: '/api/v1/risk/import/ikp', ...csv(['region_code,score,source', '16,50,x']) });
    assert.equal(anonymous.statusCode, 401);
    const staff = await pengawas.request({ url: '/api/v1/risk/import/ikp', ...csv(['region_code,score,source', '16,50,x']) });
    assert.equal(staff.statusCode, 403);
  });

  test('a good IKP CSV and a good history CSV are imported and feed the index', async () => {
    const ikp = await admin.request({
      url: '/api/v1/risk/import/ikp',
      ...csv([
        'region_code,score,category,source',
        '16,40.5,sedang,"Bawaslu, IKP 2024 (16 Des 2022)"',
        '16.02,55.1,tinggi,Bawaslu IKP 2024',
        '16.71,12,rendah,Bawaslu IKP 2024',
      ]),
    });
    assert.equal(ikp.statusCode, 200, ikp.body);
    assert.equal(ikp.json().regions, 3);
    const history = await admin.request({
      url: '/api/v1/risk/import/history',
      ...csv([
        'region_code,cases,source,election,asn_headcount,voters_without_ektp_pct',
        '16.02,12,Bawaslu Sep 2022,Pilkada 2020,8000,3.5',
        '16.71,2,Bawaslu Sep 2022,,12000,',
      ]),
    });
    assert.equal(history.statusCode, 200, history.body);
    assert.equal(history.json().indicators, 5);

    const detail = (await app.inject({ url: '/api/v1/risk/16.02' })).json();
    const ikpComponent = detail.components.find((c: { key: string }) => c.key === 'ikp');
    assert.equal(ikpComponent.value, 55.1);
    assert.match(ikpComponent.source, /Bawaslu IKP 2024/);
    const past = detail.components.find((c: { key: string }) => c.key === 'past_cases');
    assert.equal(past.value, 1.5); // 12 per 8,000 ASN = 1.5 per 1,000
    assert.match(past.source, /Pilkada 2020/);
    const media = detail.components.find((c: { key: string }) => c.key === 'media_leads');
    assert.equal(media.value, 0, 'no leads yet: a measured zero, not missing data');
    assert.equal(detail.renormalized, true);
    assert.ok(detail.score > 0 && detail.score <= 100);
    assert.ok(['tinggi', 'sedang', 'rendah'].includes(detail.category));
    assert.equal(detail.ikpCategory, 'tinggi');

    const list = (await app.inject({ url: '/api/v1/risk?level=kabupaten_kota' })).json();
    assert.equal(list.items.length, 514);
    const oki = list.items.find((i: { regionCode: string }) => i.regionCode === '16.02');
    assert.equal(oki.score, detail.score);
    assert.ok(oki.topComponents.length <= 3 && oki.topComponents[0].key === 'ikp');
    const provinces = (await app.inject({ url: '/api/v1/risk?level=provinsi' })).json();
    assert.equal(provinces.items.length, 38);

    const unknown = await app.inject({ url: '/api/v1/risk/99.99' });
    assert.equal(unknown.statusCode, 404);
  });

  test('a malformed CSV is rejected with line and column, and nothing is half-imported', async () => {
    const beforeRows = await counts();
    const beforeBatches = await batches();
    const bad = [
      { lines: ['region_code,score,source', '16.02,50,sumber', '16.71,abc,sumber'], line: 3, column: 'score' },
      { lines: ['region_code,score,source', '16.02,50,sumber', '16.71,101,sumber'], line: 3, column: 'score' },
      { lines: ['region_code,score,source', '16.02,50,sumber', '16.7,10,sumber'], line: 3, column: 'region_code' },
      { lines: ['region_code,score,source', '16.02,50,sumber', '', '99.99,10,sumber'], line: 4, column: 'region_code' },
      { lines: ['region_code,score,source', '16.02,50,sumber', '16.02,51,sumber'], line: 3, column: 'region_code' },
      { lines: ['region_code,score,source', '16.02,50,sumber', '16.71,10,sumber,extra'], line: 3, column: 'source' },
      { lines: ['region_code,score,source', '16.02,50,"sumber'], line: 2, column: 'region_code' },
      { lines: ['region_code,skor,source', '16.02,50,sumber'], line: 1, column: 'skor' },
      { lines: ['region_code,source', '16.02,sumber'], line: 1, column: 'score' },
      { lines: ['region_code,score,source'], line: 2, column: 'region_code' },
      { lines: ['region_code,score,category,source', '16.02,50,parah,sumber'], line: 2, column: 'category' },
    ];
    for (const b of bad) {
      const response = await admin.request({ url: '/api/v1/risk/import/ikp', ...csv(b.lines) });
      assert.equal(response.statusCode, 400, `${b.lines.join(' | ')} → ${response.body}`);
      const problem = response.json();
      assert.equal(problem.details.line, b.line, `${b.lines.join(' | ')}: ${problem.detail}`);
      assert.equal(problem.details.column, b.column, `${b.lines.join(' | ')}: ${problem.detail}`);
      assert.match(problem.message.id, new RegExp(`baris ${b.line}, kolom ${b.column}`));
    }
    const history = await admin.request({
      url: '/api/v1/risk/import/history',
      ...csv(['region_code,cases,source', '16.02,3,sumber', '16.71,-1,sumber']),
    });
    assert.equal(history.statusCode, 400);
    assert.equal(history.json().details.line, 3);
    assert.equal(history.json().details.column, 'cases');
    assert.equal(await counts(), beforeRows, 'no indicator rows written');
    assert.equal(await batches(), beforeBatches, 'no batch written');
    const detail = (await app.inject({ url: '/api/v1/risk/16.02' })).json();
    assert.equal(detail.components.find((c: { key: string }) => c.key === 'ikp').value, 55.1, 'previous import still in use');
  });

  test('weights: public GET, admin PUT audited, the index follows', async () => {
    const published = (await app.inject({ url: '/api/v1/risk/weights' })).json();
    assert.equal(published.weights.ikp, 0.3);
    assert.ok(published.components.every((c: { rationale: string }) => c.rationale));
    assert.equal(
      (await pengawas.request({ method: 'PUT', url: '/api/v1/risk/weights', payload: { weights: { ikp: 0.9 } } })).statusCode,
      403,
    );
    assert.equal((await admin.request({ method: 'PUT', url: '/api/v1/risk/weights', payload: { weights: { ikp: 2 } } })).statusCode, 400);
    const updated = await admin.request({ method: 'PUT', url: '/api/v1/risk/weights', payload: { weights: { ikp: 0.6 } } });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.equal(updated.json().weights.ikp, 0.6);
    assert.deepEqual(updated.json().customized, ['ikp']);
    const audit = await ctx().db.query<{ data: { after: { ikp: number } } }>(
      `SELECT data FROM audit_events WHERE action = 'risk.weights_updated'`,
    );
    assert.equal(audit.rows.length, 1);
    assert.equal(audit.rows[0].data.after.ikp, 0.6);
    const detail = (await app.inject({ url: '/api/v1/risk/16.02' })).json();
    assert.equal(detail.components.find((c: { key: string }) => c.key === 'ikp').baseWeight, 0.6);
    assert.deepEqual(await verifyAuditChain(ctx().db), {
      ok: true,
      count: (await ctx().db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events')).rows[0].n,
    });
  });

  test('region profile: contests, stages, pairs, cases by state, pledges, risk', async () => {
    const profile = await app.inject({ url: '/api/v1/public/regions/16.02/profile' });
    assert.equal(profile.statusCode, 200, profile.body);
    const body = profile.json();
    assert.equal(body.region.name, 'Kabupaten Ogan Komering Ilir');
    assert.equal(body.region.province.code, '16');
    assert.deepEqual(
      body.contests.map((c: { regionCode: string }) => c.regionCode),
      ['16', '16.02'],
    );
    assert.ok(body.elections[0].stages.some((s: { code: string }) => s.code === 'penetapan_paslon'));
    assert.equal(body.cases.byState.length, 11);
    assert.equal(body.risk.regionCode, '16.02');
    assert.ok(Array.isArray(body.pledges.recent));
    assert.equal((await app.inject({ url: '/api/v1/public/regions/16.02.05/profile' })).statusCode, 404);
  });
});
