import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import writeXlsxFile from 'write-excel-file/node';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp, buildUser, signIn, type Session } from '../support/http.ts';
import { verifyAuditChain } from '../../src/server/modules/audit/service.ts';
import { verifyStatsCounters } from '../../src/server/modules/stats/service.ts';

const SAMPLE = readFileSync(new URL('../../reference/samples/rekap-perkara-SINTETIS.csv', import.meta.url));
const HEADER =
  'Nomor Registrasi,Tanggal Diterima/Ditemukan,Laporan/Temuan,Wilayah,Jenis Subjek,Perbuatan,Status,Tanggal Putusan,Rekomendasi Ke';

const upload = (body: Buffer | string, query = '', type = 'text/csv') => ({
  method: 'POST' as const,
  url: `/api/v1/cases/import${query}`,
  headers: { 'content-type': type },
  payload: typeof body === 'string' ? Buffer.from(body) : body,
});

async function xlsxOf(rows: (string | Date | null)[][]): Promise<Buffer> {
  const data = rows.map((row) =>
    row.map((v) => (v === null ? null : v instanceof Date ? { value: v, type: Date, format: 'dd/mm/yyyy' } : { value: v, type: String })),
  );
  return writeXlsxFile(data as never).toBuffer();
}

describeEachBackend('case history import (CSV and XLSX)', (ctx) => {
  let app: FastifyInstance;
  let admin: Session;
  let malang: Session;
  let analyst: Session;
  const imported = async () =>
    (await ctx().db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE imported_from IS NOT NULL')).rows[0].n;

  before(async () => {
    app = await buildTestApp(ctx().db, { now: () => new Date('2025-01-10T03:00:00Z') });
    const a = await buildUser(ctx().db, { role: 'admin' });
    admin = await signIn(app, a.username, a.password);
    const p = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '35.07' });
    malang = await signIn(app, p.username, p.password);
    const an = await buildUser(ctx().db, { role: 'analyst' });
    analyst = await signIn(app, an.username, an.password);
  });
  after(async () => {
    await app.close();
  });

  test('only admins and supervisors import; a supervisor only for their own office', async () => {
    assert.equal((await app.inject(upload(SAMPLE, '?dryRun=true'))).statusCode, 401);
    assert.equal((await analyst.request(upload(SAMPLE, '?dryRun=true'))).statusCode, 403);
    const outside = await malang.request(upload(SAMPLE, '?dryRun=true'));
    assert.equal(outside.statusCode, 400, outside.body);
    // Line 4 of the sample is Bulukumba (73.02): outside Kab. Malang (line 3 holds a quoted line break).
    assert.equal(outside.json().details.line, 5);
    assert.equal(outside.json().field, 'Wilayah');
    assert.equal(await imported(), 0);
  });

  test('dry run shows what would be imported and writes nothing', async () => {
    const dry = await admin.request(upload(SAMPLE, '?dryRun=true&name=rekap.csv'));
    assert.equal(dry.statusCode, 200, dry.body);
    const body = dry.json();
    assert.equal(body.dryRun, true);
    assert.equal(body.rows, 8);
    assert.equal(body.created, 8);
    assert.deepEqual(body.cycles, { 'Pilkada 2020': 3, 'Pilkada 2024': 5 });
    assert.equal(body.fileSha256.length, 64);
    const second = body.preview.find((p: { registrationNumber: string }) => p.registrationNumber.startsWith('SINTETIS-002'));
    assert.equal(second.regionCode, '35.07', 'Kabupaten Malang by name');
    assert.equal(second.receivedOn, '2020-11-03');
    assert.equal(await imported(), 0);
    assert.equal((await ctx().db.query('SELECT 1 FROM audit_events WHERE action = $1', ['case.history_imported'])).rows.length, 0);
  });

  test('the CSV is imported with its dates, routed by those dates, read-only, without clocks or notices', async () => {
    const response = await admin.request(upload(SAMPLE, '?name=rekap-perkara-SINTETIS.csv'));
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().created, 8);
    assert.equal(await imported(), 8);
    const rows = (
      await ctx().db.query<{
        id: string;
        registration_number: string;
        received_at: Date;
        state: string;
        imported_from: Record<string, any>;
        narrative: string;
      }>(
        'SELECT id, registration_number, received_at, state, imported_from, narrative FROM cases WHERE imported_from IS NOT NULL ORDER BY registration_number',
      )
    ).rows;
    const byNumber = new Map(rows.map((r) => [r.registration_number.slice(0, 12), r]));
    const first = byNumber.get('SINTETIS-001')!;
    assert.equal(new Date(first.received_at).toISOString(), '2020-10-11T17:00:00.000Z', '12/10/2020 00:00 WIB');
    assert.equal(first.imported_from.referredTo.authority, 'KASN', 'decided 15 Oct 2020: KASN');
    assert.equal(first.imported_from.source, 'csv');
    assert.equal(first.imported_from.fileName, 'rekap-perkara-SINTETIS.csv');
    assert.equal(first.imported_from.fileSha256.length, 64);
    assert.ok(first.imported_from.importedBy);
    assert.equal(byNumber.get('SINTETIS-005')!.imported_from.referredTo.authority, 'BKN', 'decided 5 Oct 2024: BKN');
    assert.equal(byNumber.get('SINTETIS-008')!.imported_from.referredTo.authority, 'KASN', 'decided 22 Aug 2024: still KASN');
    assert.equal(byNumber.get('SINTETIS-004')!.imported_from.referredTo.authority, 'BUPATI_WALIKOTA');
    assert.match(byNumber.get('SINTETIS-002')!.narrative, /deklarasi pasangan calon;\nunggahan foto/, 'quoted line break kept');
    const ids = rows.map((r) => r.id);
    assert.equal((await ctx().db.query('SELECT 1 FROM case_clocks WHERE case_id = ANY($1::text[])', [ids])).rows.length, 0);
    assert.equal((await ctx().db.query('SELECT 1 FROM notices WHERE case_id = ANY($1::text[])', [ids])).rows.length, 0);

    const action = await admin.request({ method: 'POST', url: `/api/v1/cases/${first.id}/actions`, payload: { action: 'kaji' } });
    assert.equal(action.statusCode, 409, action.body);
    assert.equal(action.json().details.reason, 'imported_read_only');
    assert.equal(
      (await ctx().db.query<{ state: string }>('SELECT state FROM cases WHERE id = $1', [first.id])).rows[0].state,
      'diteruskan',
    );
    assert.deepEqual(await verifyStatsCounters(ctx().db), []);
    assert.equal((await verifyAuditChain(ctx().db)).ok, true);
  });

  test('re-import is idempotent; an edited row updates its case', async () => {
    const again = await admin.request(upload(SAMPLE));
    assert.equal(again.statusCode, 200, again.body);
    assert.deepEqual([again.json().created, again.json().updated, again.json().unchanged], [0, 0, 8]);
    assert.equal(await imported(), 8);
    const edited = SAMPLE.toString('utf8').replace('Bukan pelanggaran,24-11-2020', 'Dihentikan,24-11-2020');
    const update = await admin.request(upload(edited));
    assert.deepEqual([update.json().created, update.json().updated, update.json().unchanged], [0, 1, 7]);
    assert.equal(
      (await ctx().db.query<{ state: string }>("SELECT state FROM cases WHERE registration_number LIKE 'SINTETIS-003%'")).rows[0].state,
      'dihentikan',
    );
    assert.equal(await imported(), 8);
    assert.deepEqual(await verifyStatsCounters(ctx().db), []);
  });

  test('all or nothing: one bad row names line and column and nothing is written', async () => {
    const before = await imported();
    const bad = await admin.request(
      upload(
        [HEADER, 'X-1/LP,01/09/2024,Laporan,35.07,PNS,Foto,Diteruskan,,', 'X-2/LP,31/02/2024,Laporan,35.07,PNS,Foto,Diteruskan,,'].join(
          '\n',
        ),
      ),
    );
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, 'validation_failed');
    assert.equal(bad.json().field, 'Tanggal Diterima/Ditemukan');
    assert.deepEqual([bad.json().details.line, bad.json().details.column], [3, 'Tanggal Diterima/Ditemukan']);
    assert.match(bad.json().detail ?? bad.json().title ?? bad.body, /baris 3/);
    const subject = await admin.request(upload([HEADER, 'X-3/LP,01/09/2024,Laporan,35.07,Bupati,Foto,Diteruskan,,'].join('\n')));
    assert.equal(subject.json().field, 'Jenis Subjek');
    const unknownRegion = await admin.request(
      upload([HEADER, 'X-4/LP,01/09/2024,Laporan,Kabupaten Tidak Ada,PNS,Foto,Diteruskan,,'].join('\n')),
    );
    assert.equal(unknownRegion.json().field, 'Wilayah');
    const column = await admin.request(upload(`${HEADER},Kolom Aneh\nX-5/LP,01/09/2024,Laporan,35.07,PNS,Foto,Diteruskan,,,x`));
    assert.deepEqual([column.json().details.line, column.json().field], [1, 'Kolom Aneh']);
    const quote = await admin.request(
      upload(
        [HEADER, 'X-6/LP,01/09/2024,Laporan,35.07,PNS,"Foto,Diteruskan,,', 'X-7/LP,01/09/2024,Laporan,35.07,PNS,Foto,Diteruskan,,'].join(
          '\n',
        ),
      ),
    );
    assert.equal(quote.statusCode, 400);
    assert.equal(quote.json().details.line, 2, 'the line where the quote opens');
    assert.equal(await imported(), before);
  });

  test('a ;-delimited file (Excel, Indonesian locale) is read', async () => {
    const semi = await admin.request(
      upload(
        [
          HEADER.replaceAll(',', ';'),
          'X-10/LP/PB/Kab/35.07/IX/2024;27 November 2024;Laporan;35.07;PNS;Foto, dengan koma;Bukan pelanggaran;;',
        ].join('\r\n'),
        '?dryRun=1',
      ),
    );
    assert.equal(semi.statusCode, 200, semi.body);
    assert.equal(semi.json().preview[0].receivedOn, '2024-11-27');
  });

  test('an XLSX file is imported the same way, date cells and text dates alike', async () => {
    const xlsx = await xlsxOf([
      HEADER.split(','),
      [
        'XL-1/LP/PB/Kab/16.02/XI/2020',
        new Date(Date.UTC(2020, 10, 27)),
        'Laporan',
        '16.02',
        'PNS',
        'Kampanye di media sosial',
        'Diteruskan',
        '30/11/2020',
        '',
      ],
      ['XL-2/TM/PB/Kab/16.02/X/2024', '27 Oktober 2024', 'Temuan', '16.02', 'PNS', 'Foto', 'Diteruskan', '1 Nov 2024', 'BKN'],
    ]);
    const bad = await xlsxOf([HEADER.split(','), ['XL-3', '2024-13-01', 'Laporan', '16.02', 'PNS', 'Foto', 'Diteruskan', '', '']]);
    const refused = await admin.request(
      upload(bad, '?name=rekap.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    );
    assert.equal(refused.statusCode, 400);
    assert.deepEqual([refused.json().details.line, refused.json().field], [2, 'Tanggal Diterima/Ditemukan']);
    assert.match(refused.body, /XLSX baris 2/);
    const dry = await admin.request(
      upload(xlsx, '?dryRun=true&name=rekap.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    );
    assert.equal(dry.statusCode, 200, dry.body);
    assert.equal(dry.json().format, 'xlsx');
    assert.equal(dry.json().preview[0].receivedOn, '2020-11-27');
    assert.equal(dry.json().preview[1].receivedOn, '2024-10-27');
    const done = await admin.request(upload(xlsx, '?name=rekap.xlsx', 'application/octet-stream'));
    assert.equal(done.json().created, 2);
    const again = await admin.request(upload(xlsx, '?name=rekap.xlsx', 'application/octet-stream'));
    assert.equal(again.json().unchanged, 2);
    const row = (
      await ctx().db.query<{ imported_from: Record<string, any> }>(
        "SELECT imported_from FROM cases WHERE registration_number LIKE 'XL-1/%'",
      )
    ).rows[0];
    assert.equal(row.imported_from.source, 'xlsx');
    assert.equal(row.imported_from.referredTo.authority, 'KASN');
  });

  test('imported cases feed the cycle comparison, the region profile and past cases, not the live counts', async () => {
    const stats = (await app.inject({ url: '/api/v1/public/stats' })).json();
    const c2020 = stats.cycles.find((c: { election: string }) => c.election === 'Pilkada 2020');
    assert.equal(c2020.imported.cases, 4); // three from the sample, one from the XLSX
    assert.ok(c2020.published.some((p: { figures: Record<string, number> }) => p.figures.cases === 1010));
    assert.equal(stats.totals.cases, 0, 'imported history is not a live case');
    const profile = (await app.inject({ url: '/api/v1/public/regions/35.07/profile' })).json();
    assert.deepEqual(profile.history.find((h: { election: string }) => h.election === 'Pilkada 2024').cases, 3);
    assert.equal(profile.cases.total, 0);
    const risk = (await app.inject({ url: '/api/v1/risk/35.07' })).json();
    const past = risk.components.find((c: { key: string }) => c.key === 'past_cases');
    assert.equal(past.value, 3);
    assert.match(past.source, /Pilkada 2024/);
  });

  test('published figures ship as reference data with source and date; no value is invented', async () => {
    const ntt = (await app.inject({ url: '/api/v1/public/regions/53/profile' })).json();
    const pemetaan = ntt.published.find((f: { series: string }) => f.series === 'pemetaan-kerawanan-pilkada-2024-provinsi');
    assert.equal(pemetaan.category, 'tinggi');
    assert.equal(pemetaan.publishedOn, '2024-08-26');
    assert.match(pemetaan.source, /^https:\/\//);
    const diy = (await app.inject({ url: '/api/v1/public/regions/34/profile' })).json();
    assert.deepEqual(diy.published, [], 'DI Yogyakarta has no Pilkada provinsi: belum ada data');
    const jakarta = (await app.inject({ url: '/api/v1/risk/31' })).json();
    const ikp = jakarta.components.find((c: { key: string }) => c.key === 'ikp');
    assert.equal(ikp.value, 88.95);
    assert.match(ikp.source, /publikasi sebagian/);
    const provinces = (await app.inject({ url: '/api/v1/risk?level=provinsi' })).json();
    const categories = provinces.items.map(
      (i: { publishedCategory: { category: string } | null }) => i.publishedCategory?.category ?? null,
    );
    assert.deepEqual(
      [
        categories.filter((c: string | null) => c === 'tinggi').length,
        categories.filter((c: string | null) => c === 'rendah').length,
        categories.filter((c: string | null) => c === 'sedang').length,
        categories.filter((c: string | null) => c === null).length,
      ],
      [5, 4, 28, 1],
    );
    const kab = (await app.inject({ url: '/api/v1/risk/35.26' })).json();
    assert.equal(kab.published[0].partial, true);
    const rows = (await ctx().db.query<{ n: number }>('SELECT count(*)::int AS n FROM published_figures')).rows[0].n;
    assert.equal(rows, 37 + 5 + 10 + 5);
  });
});
