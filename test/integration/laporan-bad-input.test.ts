import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';

const clock = new Date('2024-10-10T03:00:00Z');

type Mutator = (body: any) => void;
// Each case: a description, a mutation of a valid report, and the field the 4xx must name.
const CASES: [string, Mutator, string][] = [
  [
    'NIK too short',
    (b) => {
      b.pelapor.nik = '160201550890';
    },
    'pelapor.nik',
  ],
  [
    'NIK with letters',
    (b) => {
      b.pelapor.nik = '16020155089000AB';
    },
    'pelapor.nik',
  ],
  [
    'NIK unknown province',
    (b) => {
      b.pelapor.nik = '9902015508900001';
    },
    'pelapor.nik',
  ],
  [
    'NIK impossible birth date',
    (b) => {
      b.pelapor.nik = '1602017513900001';
    },
    'pelapor.nik',
  ],
  [
    'NIK does not match birth date',
    (b) => {
      b.pelapor.tanggalLahir = '1991-08-15';
    },
    'pelapor.nik',
  ],
  [
    'NIK does not match sex',
    (b) => {
      b.pelapor.jenisKelamin = 'L';
    },
    'pelapor.nik',
  ],
  [
    'reporter under 17',
    (b) => {
      b.pelapor.nik = '1602015508100001';
      b.pelapor.tanggalLahir = '2010-08-15';
    },
    'pelapor.tanggalLahir',
  ],
  [
    'bad phone',
    (b) => {
      b.pelapor.telepon = '12345';
    },
    'pelapor.telepon',
  ],
  [
    'bad email',
    (b) => {
      b.pelapor.email = 'bukan-email';
    },
    'pelapor.email',
  ],
  [
    'pemantau without accreditation',
    (b) => {
      b.pelapor.kategori = 'pemantau';
    },
    'pelapor.nomorAkreditasi',
  ],
  [
    'unknown reporter category',
    (b) => {
      b.pelapor.kategori = 'wartawan';
    },
    'pelapor.kategori',
  ],
  [
    'no terlapor',
    (b) => {
      b.terlapor = [];
    },
    'terlapor',
  ],
  [
    'NIP of 17 digits',
    (b) => {
      b.terlapor[0].nip = '19850312201001100';
    },
    'terlapor.0.nip',
  ],
  [
    'unknown subject type',
    (b) => {
      b.terlapor[0].jenisSubjek = 'menteri';
    },
    'terlapor.0.jenisSubjek',
  ],
  [
    'event after date known',
    (b) => {
      b.peristiwa.tanggalKejadian = '2024-10-09';
      b.peristiwa.tanggalDiketahui = '2024-10-08';
    },
    'peristiwa.tanggalKejadian',
  ],
  [
    'event in the future',
    (b) => {
      b.peristiwa.tanggalKejadian = '2024-10-12';
      b.peristiwa.tanggalDiketahui = '2024-10-12';
    },
    'peristiwa.tanggalKejadian',
  ],
  [
    'known date in the future',
    (b) => {
      b.peristiwa.tanggalDiketahui = '2024-11-01';
    },
    'peristiwa.tanggalDiketahui',
  ],
  [
    'impossible calendar date',
    (b) => {
      b.peristiwa.tanggalKejadian = '2024-02-30';
    },
    'peristiwa.tanggalKejadian',
  ],
  [
    'unknown region',
    (b) => {
      b.peristiwa.kodeWilayah = '16.99.99';
    },
    'peristiwa.kodeWilayah',
  ],
  [
    'unknown province (no time zone)',
    (b) => {
      b.peristiwa.kodeWilayah = '99.99';
    },
    'peristiwa.kodeWilayah',
  ],
  [
    'terlapor in an unknown province',
    (b) => {
      b.terlapor[0].kodeWilayah = '99';
    },
    'terlapor.0.kodeWilayah',
  ],
  [
    'missing reporter name',
    (b) => {
      delete b.pelapor.nama;
    },
    'pelapor.nama',
  ],
  [
    'name of one letter',
    (b) => {
      b.pelapor.nama = 'B';
    },
    'pelapor.nama',
  ],
  [
    'malformed region code',
    (b) => {
      b.peristiwa.kodeWilayah = 'OKI';
    },
    'peristiwa.kodeWilayah',
  ],
  [
    'empty narrative',
    (b) => {
      b.peristiwa.uraian = '   ';
    },
    'peristiwa.uraian',
  ],
  [
    'narrative too short',
    (b) => {
      b.peristiwa.uraian = 'Ada ASN kampanye.';
    },
    'peristiwa.uraian',
  ],
  [
    'script tag in narrative',
    (b) => {
      b.peristiwa.uraian = 'Terlapor hadir di kampanye <script>alert(1)</script> pada hari Senin sore.';
    },
    'peristiwa.uraian',
  ],
  [
    'event handler in name',
    (b) => {
      b.terlapor[0].nama = '<img src=x onerror=alert(1)>';
    },
    'terlapor.0.nama',
  ],
  [
    'unknown act',
    (b) => {
      b.perbuatan = ['korupsi'];
    },
    'perbuatan.0',
  ],
  [
    'no act',
    (b) => {
      b.perbuatan = [];
    },
    'perbuatan',
  ],
  [
    'javascript: evidence link',
    (b) => {
      b.buktiTautan = ['javascript:alert(1)'];
    },
    'buktiTautan.0',
  ],
  [
    'unknown evidence upload',
    (b) => {
      b.bukti = ['unggahan-hilang-0001'];
    },
    'bukti',
  ],
  [
    'missing pelapor',
    (b) => {
      delete b.pelapor;
    },
    'pelapor',
  ],
  [
    'wrong type for terlapor',
    (b) => {
      b.terlapor = 'Budi';
    },
    'terlapor',
  ],
];

describeEachBackend('laporan bad input', (ctx) => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildTestApp(ctx().db, { now: () => clock });
  });
  after(async () => {
    await app.close();
  });

  const count = async () =>
    (
      await ctx().db.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM case_terlapor) + (SELECT count(*) FROM reporter_identities)
       + (SELECT count(*) FROM idempotency_keys) + (SELECT count(*) FROM notices) AS n`,
      )
    ).rows[0].n;

  test(`${CASES.length} kinds of bad report → 4xx naming the field, nothing stored`, async () => {
    const before = await count();
    for (const [name, mutate, field] of CASES) {
      const body = structuredClone(buildLaporanInput()) as any;
      mutate(body);
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/laporan',
        payload: body,
        headers: { 'idempotency-key': `bad-${name.replace(/\W/g, '-')}` },
      });
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${name}: ${res.statusCode} ${res.body}`);
      assert.match(String(res.headers['content-type']), /problem\+json/, name);
      assert.equal(res.json().field, field, `${name}: ${res.body}`);
    }
    assert.equal(await count(), before);
  });

  test('malformed transport: invalid JSON, wrong content type, oversize body, bad idempotency key', async () => {
    const before = await count();
    const invalidJson = await app.inject({
      method: 'POST',
      url: '/api/v1/laporan',
      payload: '{"pelapor": ',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(invalidJson.statusCode, 400);
    const wrongType = await app.inject({
      method: 'POST',
      url: '/api/v1/laporan',
      payload: 'nama=budi',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(wrongType.statusCode, 415);
    const huge = buildLaporanInput({ uraian: 'x'.repeat(3 * 1024 * 1024) });
    const oversize = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: huge });
    assert.equal(oversize.statusCode, 413);
    const badKey = await app.inject({
      method: 'POST',
      url: '/api/v1/laporan',
      payload: buildLaporanInput(),
      headers: { 'idempotency-key': 'a b' },
    });
    assert.equal(badKey.statusCode, 400);
    assert.equal(badKey.json().field, 'Idempotency-Key');
    const badTracking = await app.inject({ method: 'POST', url: '/api/v1/lacak', payload: { kode: 'XYZ', pin: '12' } });
    assert.equal(badTracking.statusCode, 400);
    assert.equal(badTracking.json().field, 'kode');
    assert.equal(await count(), before);
  });

  test('per-reporter limit (not per address): the 21st report of one NIK within an hour is refused', async () => {
    const nik = '1602015508909999';
    for (let i = 0; i < 20; i++) {
      const ok = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput({ pelapor: { nik } }) });
      assert.equal(ok.statusCode, 201, ok.body);
    }
    const limited = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput({ pelapor: { nik } }) });
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().field, 'pelapor.nik');
    // Another person behind the same address is not affected.
    const other = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput() });
    assert.equal(other.statusCode, 201);
  });

  test('every message wholly in one language, chosen by Accept-Language q-values', async () => {
    // Words of zod's English defaults that leaked into Indonesian answers, and Indonesian words in English ones.
    const english = /\b(Invalid|expected|received|Required|Too small|Too big|characters|must)\b/;
    const indonesian = /\b(Isian|wajib|tidak|minimal|maksimal|karakter|harus|kode wilayah|tanggal)\b/i;
    for (const [name, mutate] of CASES) {
      const body = structuredClone(buildLaporanInput()) as any;
      mutate(body);
      const id = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: body });
      assert.doesNotMatch(id.json().detail, english, `${name} (id): ${id.json().detail}`);
      const en = await app.inject({
        method: 'POST',
        url: '/api/v1/laporan',
        payload: body,
        headers: { 'accept-language': 'id;q=0.1, en;q=0.9' },
      });
      assert.doesNotMatch(en.json().detail, indonesian, `${name} (en): ${en.json().detail}`);
      for (const e of en.json().errors ?? []) assert.doesNotMatch(e.message, indonesian, `${name} (en, errors): ${e.message}`);
    }
    const missingName = structuredClone(buildLaporanInput()) as any;
    delete missingName.pelapor.nama;
    const res = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: missingName });
    assert.equal(res.json().detail, "Isian tidak valid pada 'pelapor.nama': wajib diisi");
  });

  test('English messages with Accept-Language: en', async () => {
    const body = buildLaporanInput();
    body.pelapor.nik = '123';
    const res = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: body, headers: { 'accept-language': 'en' } });
    assert.match(res.json().detail, /16 digits/);
    const id = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: body });
    assert.match(id.json().detail, /16 angka/);
  });
});
