import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { invalidateStats } from '../../src/server/modules/stats/service.ts';
import { registerOpenDataRoutes } from '../../src/server/modules/opendata/routes.ts';
import { loadConfig } from '../../src/server/config.ts';
import { readCsvRecords } from '../../src/domain/io/csv.ts';

const NOW = new Date('2024-10-10T03:00:00Z');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describeEachBackend('open data', (ctx) => {
  let app: FastifyInstance;
  const inputs: ReturnType<typeof buildLaporanInput>[] = [];
  const receipts: { id: string; trackingCode: string }[] = [];
  before(async () => {
    app = await buildTestApp(ctx().db, { now: () => NOW });
    for (const [region, subject] of [
      ['16.02.05', 'PNS'],
      ['16.02', 'kepala_desa'],
      ['16.71', 'PPPK'],
      ['32.73', 'PNS'],
    ] as const) {
      const input = buildLaporanInput({ peristiwa: { kodeWilayah: region } });
      input.terlapor = [
        { ...input.terlapor[0], jenisSubjek: subject },
        { ...input.terlapor[0], nama: 'Joko Susilo', nip: undefined, jenisSubjek: 'camat' },
      ];
      const response = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: input });
      assert.equal(response.statusCode, 201, response.body);
      inputs.push(input);
      receipts.push(response.json());
    }
    invalidateStats(ctx().db);
  });
  after(async () => {
    await app.close();
  });

  test('cases.csv: one row per case, counts match the dashboard, SHA-256 header matches the body', async () => {
    const response = await app.inject({ url: '/api/v1/public/open-data/cases.csv' });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /^text\/csv/);
    assert.equal(response.headers['x-content-sha256'], sha256(response.rawPayload));
    const { header, records } = readCsvRecords(response.body);
    assert.deepEqual(header, [
      'case_ref',
      'kind',
      'state',
      'office_code',
      'office_name',
      'province_code',
      'province_name',
      'event_region_code',
      'stage_code',
      'acts',
      'subject_types',
      'classification',
      'received_date',
      'registered',
      'late',
    ]);
    const stats = (await app.inject({ url: '/api/v1/public/stats' })).json();
    assert.equal(records.length, stats.totals.cases);
    const perRegency = new Map<string, number>();
    for (const r of records)
      if (r.values.event_region_code.length >= 5)
        perRegency.set(r.values.event_region_code.slice(0, 5), (perRegency.get(r.values.event_region_code.slice(0, 5)) ?? 0) + 1);
    for (const regency of stats.byRegency) assert.equal(perRegency.get(regency.code), regency.count, regency.code);
    const perState = new Map<string, number>();
    for (const r of records) perState.set(r.values.state, (perState.get(r.values.state) ?? 0) + 1);
    for (const s of stats.byState) assert.equal(perState.get(s.code) ?? 0, s.count, s.code);
    const oki = records.find((r) => r.values.event_region_code === '16.02.05')!;
    assert.equal(oki.values.office_name, 'Bawaslu Kabupaten Ogan Komering Ilir');
    assert.equal(oki.values.province_name, 'Sumatera Selatan');
    assert.equal(oki.values.subject_types, 'PNS;camat');
    assert.equal(oki.values.received_date, '2024-10-10');
    assert.deepEqual([oki.values.registered, oki.values.late, oki.values.stage_code], ['tidak', 'tidak', 'kampanye']);
    assert.match(oki.values.case_ref, /^[0-9a-f]{20}$/);
    // No personal data, no internal ids, no narrative, no tracking codes.
    for (const input of inputs) {
      for (const secret of [
        input.pelapor.nama,
        input.pelapor.nik,
        input.terlapor[0].nama,
        input.terlapor[0].nip!,
        'Joko Susilo',
        input.peristiwa.uraian.slice(0, 30),
        input.peristiwa.tempat,
      ]) {
        assert.ok(!response.body.includes(secret), `leaked: ${secret}`);
      }
    }
    for (const receipt of receipts) {
      assert.ok(!response.body.includes(receipt.trackingCode));
      assert.ok(!response.body.includes(receipt.id));
    }
  });

  test('releases are recorded once per content and listed in the catalogue with the data dictionary', async () => {
    const again = await app.inject({ url: '/api/v1/public/open-data/cases.csv' });
    const releases = await ctx().db.query<{ dataset: string; sha256: string; row_count: number }>(
      `SELECT dataset, sha256, row_count FROM open_data_releases WHERE dataset = 'cases.csv'`,
    );
    assert.equal(releases.rows.length, 1);
    assert.equal(releases.rows[0].sha256, again.headers['x-content-sha256']);
    assert.equal(releases.rows[0].row_count, 4);
    const conditional = await app.inject({
      url: '/api/v1/public/open-data/cases.csv',
      headers: { 'if-none-match': again.headers.etag as string },
    });
    assert.equal(conditional.statusCode, 304);
    const catalogue = (await app.inject({ url: '/api/v1/public/open-data' })).json();
    const csv = catalogue.datasets.find((d: { id: string }) => d.id === 'cases.csv');
    assert.equal(csv.latestRelease.sha256, again.headers['x-content-sha256']);
    assert.equal(csv.fields.length, 15);
    assert.ok(csv.fields.every((f: { description: string; descriptionEn: string }) => f.description && f.descriptionEn));
  });

  test('cases.xlsx is a spreadsheet with the same rows', async () => {
    const response = await app.inject({ url: '/api/v1/public/open-data/cases.xlsx' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
    assert.equal(response.headers['x-content-sha256'], sha256(response.rawPayload));
    assert.equal(response.headers['x-row-count'], '4');
  });

  test('regions.geojson: 514 regencies joined with case counts and risk', async () => {
    const response = await app.inject({ url: '/api/v1/public/open-data/regions.geojson' });
    assert.equal(response.statusCode, 200, response.body.slice(0, 300));
    assert.equal(response.headers['x-content-sha256'], sha256(response.rawPayload));
    const geo = response.json();
    assert.equal(geo.type, 'FeatureCollection');
    assert.equal(geo.features.length, 514);
    const oki = geo.features.find((f: { id: string }) => f.id === '16.02');
    assert.equal(oki.properties.cases, 2);
    assert.equal(oki.properties.name, 'Kabupaten Ogan Komering Ilir');
    assert.ok(['Polygon', 'MultiPolygon'].includes(oki.geometry.type));
    assert.ok('risk_category' in oki.properties);
    assert.match(geo.attribution, /cahyadsn/);
  });
});

test('regions.geojson answers 503 with a clear message when the boundary file is missing', async () => {
  const app = Fastify();
  // Routes carry zod contracts: the app compiles them with the zod compilers, as buildApp does.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const config = loadConfig({ NETRA_LOG_LEVEL: 'silent', NETRA_REQUIRE_TOTP: 'off' } as NodeJS.ProcessEnv, { dataDir: '/tmp/netra-none' });
  registerOpenDataRoutes(app, { db: {} as never, config, geoDir: '/nonexistent/geo' });
  const response = await app.inject({ url: '/api/v1/public/open-data/regions.geojson' });
  assert.equal(response.statusCode, 503);
  assert.equal(response.json().code, 'geo_data_missing');
  assert.match(response.json().message.id, /batas wilayah tidak tersedia/);
  await app.close();
});
