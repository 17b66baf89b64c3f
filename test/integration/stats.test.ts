import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp, buildUser, signIn } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { invalidateStats, refreshStats, verifyStatsCounters } from '../../src/server/modules/stats/service.ts';

const NOW = new Date('2024-10-10T03:00:00Z');

const SEEDED = [
  { region: '16.02.05', acts: ['hadir_deklarasi_kampanye'], subject: 'PNS' },
  { region: '16.02.05', acts: ['kampanye_media_sosial', 'foto_bersama'], subject: 'PPPK' },
  { region: '16.02', acts: ['kampanye_media_sosial'], subject: 'kepala_desa' },
  { region: '16.71', acts: ['keputusan_menguntungkan'], subject: 'PNS' },
  { region: '32.73', acts: ['kampanye_media_sosial'], subject: 'camat' },
] as const;

async function seedCases(app: FastifyInstance) {
  const receipts: { id: string; trackingCode: string; pin: string }[] = [];
  const inputs = [];
  for (const s of SEEDED) {
    const input = buildLaporanInput({ perbuatan: [...s.acts] as never, peristiwa: { kodeWilayah: s.region } });
    input.terlapor = [{ ...input.terlapor[0], jenisSubjek: s.subject, kodeWilayah: s.region.slice(0, 5) }];
    const response = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: input });
    assert.equal(response.statusCode, 201, response.body);
    receipts.push(response.json());
    inputs.push(input);
  }
  return { receipts, inputs };
}

describeEachBackend('public dashboard', (ctx) => {
  let app: FastifyInstance;
  let seeded: Awaited<ReturnType<typeof seedCases>>;
  before(async () => {
    app = await buildTestApp(ctx().db, { now: () => NOW });
    seeded = await seedCases(app);
    invalidateStats(ctx().db);
  });
  after(async () => {
    await app.close();
  });

  test('counts match the seeded cases', async () => {
    const response = await app.inject({ url: '/api/v1/public/stats' });
    assert.equal(response.statusCode, 200);
    const stats = response.json();
    assert.deepEqual(stats.totals, { cases: 5, laporan: 5, temuan: 0, terlapor: 5 });
    const regency = (code: string) => stats.byRegency.find((r: { code: string }) => r.code === code)?.count;
    assert.equal(regency('16.02'), 3);
    assert.equal(regency('16.71'), 1);
    assert.equal(regency('32.73'), 1);
    assert.equal(stats.byRegency.find((r: { code: string }) => r.code === '16.02').name, 'Kabupaten Ogan Komering Ilir');
    const province = (code: string) => stats.byProvince.find((r: { code: string }) => r.code === code)?.count;
    assert.equal(province('16'), 4);
    assert.equal(province('32'), 1);
    const act = (code: string) => stats.byAct.find((r: { code: string }) => r.code === code)?.count;
    assert.equal(act('kampanye_media_sosial'), 3);
    assert.equal(act('foto_bersama'), 1);
    assert.equal(act('hadir_deklarasi_kampanye'), 1);
    const subject = (code: string) => stats.bySubjectType.find((r: { code: string }) => r.code === code)?.count;
    assert.equal(subject('PNS'), 2);
    assert.equal(subject('kepala_desa'), 1);
    assert.equal(stats.byState.find((s: { code: string }) => s.code === 'diterima').count, 5);
    assert.equal(stats.byState.length, 11);
    assert.equal(stats.byOutcome.find((s: { code: string }) => s.code === 'dalam_proses').count, 5);
    assert.deepEqual(
      stats.byStage.map((s: { code: string; count: number }) => [s.code, s.count]),
      [['kampanye', 5]],
    );
    assert.deepEqual(
      stats.byClassification.map((s: { code: string; count: number }) => [s.code, s.count]),
      [['belum_diklasifikasi', 5]],
    );
    assert.deepEqual(stats.weekly, [{ week: '2024-W41', startsOn: '2024-10-07', count: 5 }]);
    const reference = stats.reference.find((r: { id: string }) => r.id === 'pilkada2020.bawaslu.2022');
    assert.equal(reference.figures.suspected, 1536);
    assert.match(reference.source, /^https:\/\//);
    assert.ok(stats.reference.every((r: { source: string }) => /^https?:\/\//.test(r.source)));
  });

  test('no personal data: no reporter name or NIK, no terlapor name, no tracking code', async () => {
    const body = (await app.inject({ url: '/api/v1/public/stats' })).body;
    for (const input of seeded.inputs) {
      assert.ok(!body.includes(input.pelapor.nama), 'reporter name');
      assert.ok(!body.includes(input.pelapor.nik), 'reporter NIK');
      assert.ok(!body.includes(input.terlapor[0].nama), 'terlapor name');
      assert.ok(!body.includes(input.terlapor[0].nip!), 'terlapor NIP');
    }
    for (const receipt of seeded.receipts) assert.ok(!body.includes(receipt.trackingCode));
  });

  test('ETag, Cache-Control and 304; the snapshot is reused until invalidated', async () => {
    const first = await app.inject({ url: '/api/v1/public/stats' });
    const etag = first.headers.etag as string;
    assert.match(etag, /^"[A-Za-z0-9_-]{32}"$/);
    assert.equal(first.headers['cache-control'], 'public, max-age=30, stale-while-revalidate=60');
    const conditional = await app.inject({ url: '/api/v1/public/stats', headers: { 'if-none-match': etag } });
    assert.equal(conditional.statusCode, 304);
    assert.equal(conditional.body, '');
    assert.equal((await app.inject({ url: '/api/v1/public/stats', headers: { 'if-none-match': '"lain"' } })).statusCode, 200);

    // A new case does not reach the database-backed numbers until the snapshot is refreshed.
    const input = buildLaporanInput();
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: input })).statusCode, 201);
    const cached = await app.inject({ url: '/api/v1/public/stats' });
    assert.equal(cached.headers.etag, etag);
    const refreshed = await refreshStats(ctx().db);
    assert.equal(refreshed.cases, 6);
    const after = await app.inject({ url: '/api/v1/public/stats', headers: { 'if-none-match': etag } });
    assert.equal(after.statusCode, 200);
    assert.equal(after.json().totals.cases, 6);
  });

  test('counters follow case changes made by other modules (trigger-maintained, checked against a full scan)', async () => {
    const user = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '16.02' });
    const session = await signIn(app, user.username, user.password);
    const registered = await session.request({
      method: 'POST',
      url: `/api/v1/cases/${seeded.receipts[0].id}/actions`,
      payload: { action: 'registrasi' },
    });
    assert.equal(registered.statusCode, 200, registered.body);
    assert.deepEqual(await verifyStatsCounters(ctx().db), []);
    invalidateStats(ctx().db);
    const stats = (await app.inject({ url: '/api/v1/public/stats' })).json();
    assert.equal(stats.byState.find((s: { code: string }) => s.code === 'diregistrasi').count, 1);
    assert.equal(stats.totals.cases, 6);
  });
});
