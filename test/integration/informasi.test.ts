// Informasi awal from the public without identity (issue 13, item 2): it reaches the responsible
// office's queue, refuses bad input by field, stores no identity, is limited per address, folds
// repeats onto the first, and a supervisor dismisses it in one audited action. Also: tracking
// accepts a sloppily typed code ('ntr 45by 84mv').
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp, buildUser, signIn } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createVault } from '../../src/server/platform/vault.ts';

const clock = new Date('2024-10-10T03:00:00Z');

function informasiInput(uraian?: string) {
  const { pelapor: _pelapor, saksi: _saksi, ...rest } = buildLaporanInput(uraian ? { uraian } : {});
  return rest;
}

describeEachBackend('informasi awal from the public, without identity', (ctx) => {
  let app: FastifyInstance;
  let now = clock;
  before(async () => {
    app = await buildTestApp(ctx().db, { now: () => now });
  });
  after(async () => {
    await app.close();
  });

  test('reaches the responsible office queue as informasi awal from the public; no identity stored', async () => {
    const body = {
      ...informasiInput('Camat membagikan sembako sambil mengajak warga memilih pasangan calon nomor 2 di balai desa.'),
      // A sender who adds identity anyway: it is dropped, never stored.
      pelapor: { nama: 'Siti Aminah', nik: '1602015508900001', telepon: '081234567890' },
    };
    const res = await app.inject({ method: 'POST', url: '/api/v1/informasi', payload: body });
    assert.equal(res.statusCode, 201, res.body);
    const receipt = res.json();
    assert.match(receipt.receiptCode, /^INF-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.equal(receipt.folded, false);
    assert.equal(receipt.pin, undefined, 'no PIN: nothing to track');
    assert.equal(receipt.officeName, 'Bawaslu Kabupaten Ogan Komering Ilir');

    const row = (
      await ctx().db.query<{ id: string; kind: string; state: string; source: string; office_code: string; created_by: string | null }>(
        'SELECT id, kind, state, source, office_code, created_by FROM cases WHERE tracking_code = $1',
        [receipt.receiptCode],
      )
    ).rows[0];
    assert.deepEqual(
      { kind: row.kind, state: row.state, source: row.source, office: row.office_code, by: row.created_by },
      { kind: 'temuan', state: 'informasi_awal', source: 'informasi_publik', office: '16.02', by: null },
    );
    const identities = await ctx().db.query('SELECT 1 FROM reporter_identities WHERE case_id = $1', [row.id]);
    assert.equal(identities.rows.length, 0);
    const leaked = await ctx().db.query(
      `SELECT 1 FROM cases c WHERE c.id = $1 AND (row_to_json(c)::text LIKE '%1602015508900001%' OR row_to_json(c)::text LIKE '%Siti Aminah%')
       UNION ALL SELECT 1 FROM audit_events a WHERE a.data::text LIKE '%1602015508900001%' OR a.data::text LIKE '%081234567890%'
       UNION ALL SELECT 1 FROM case_events e WHERE e.case_id = $1 AND e.data::text LIKE '%Siti%'`,
      [row.id],
    );
    assert.equal(leaked.rows.length, 0, 'no identity anywhere');
    const audit = await ctx().db.query<{ action: string }>('SELECT action FROM audit_events WHERE entity_id = $1', [row.id]);
    assert.deepEqual(
      audit.rows.map((a) => a.action),
      ['informasi.submitted'],
    );

    const { username, password } = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '16.02' });
    const staff = await signIn(app, username, password);
    const queue = (await staff.request({ method: 'GET', url: '/api/v1/cases?kind=temuan&state=informasi_awal' })).json();
    const item = queue.items.find((i: { id: string }) => i.id === row.id);
    assert.ok(item, 'in the office queue');
    assert.equal(item.source, 'informasi_publik');
    assert.ok(item.nextDeadline, 'the temuan clock runs from receipt');

    // Another office does not see it.
    const other = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '16.03' });
    const otherQueue = (
      await (await signIn(app, other.username, other.password)).request({ method: 'GET', url: '/api/v1/cases?kind=temuan' })
    ).json();
    assert.ok(!otherQueue.items.some((i: { id: string }) => i.id === row.id));
  });

  test('bad input → 4xx naming the field, nothing stored', async () => {
    const count = async () => (await ctx().db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')).rows[0].n;
    const before = await count();
    const cases: [string, (b: any) => void, string][] = [
      [
        'narrative too short',
        (b) => {
          b.peristiwa.uraian = 'Ada ASN kampanye.';
        },
        'peristiwa.uraian',
      ],
      [
        'script in narrative',
        (b) => {
          b.peristiwa.uraian = 'Terlapor hadir di kampanye <script>alert(1)</script> pada hari Senin sore.';
        },
        'peristiwa.uraian',
      ],
      [
        'unknown region',
        (b) => {
          b.peristiwa.kodeWilayah = '16.99.99';
        },
        'peristiwa.kodeWilayah',
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
        'no terlapor',
        (b) => {
          b.terlapor = [];
        },
        'terlapor',
      ],
      [
        'bad NIP',
        (b) => {
          b.terlapor[0].nip = '19850312201001100';
        },
        'terlapor.0.nip',
      ],
      [
        'unknown act',
        (b) => {
          b.perbuatan = ['korupsi'];
        },
        'perbuatan.0',
      ],
      [
        'javascript: link',
        (b) => {
          b.buktiTautan = ['javascript:alert(1)'];
        },
        'buktiTautan.0',
      ],
      [
        'unknown upload',
        (b) => {
          b.bukti = ['unggahan-hilang-0001'];
        },
        'bukti',
      ],
      [
        'too many uploads',
        (b) => {
          b.bukti = Array.from({ length: 11 }, (_, i) => `unggahan-${String(i).padStart(10, '0')}`);
        },
        'bukti',
      ],
    ];
    for (const [name, mutate, field] of cases) {
      const body = structuredClone(informasiInput()) as any;
      mutate(body);
      const res = await app.inject({ method: 'POST', url: '/api/v1/informasi', payload: body, headers: { 'accept-language': 'en' } });
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${name}: ${res.statusCode} ${res.body}`);
      assert.match(String(res.headers['content-type']), /problem\+json/, name);
      assert.equal(res.json().field, field, `${name}: ${res.body}`);
    }
    assert.equal(await count(), before);
  });

  test('a repeat of the same text in the same region folds onto the first; another region or a day later does not', async () => {
    const text = 'Kepala desa mengumpulkan perangkat desa dan meminta mereka mengarahkan warga memilih calon bupati tertentu.';
    const first = await app.inject({ method: 'POST', url: '/api/v1/informasi', payload: informasiInput(text) });
    assert.equal(first.statusCode, 201);
    // Same words, different case and punctuation: still the same message.
    const again = await app.inject({ method: 'POST', url: '/api/v1/informasi', payload: informasiInput(`${text.toUpperCase()}!!`) });
    assert.equal(again.statusCode, 200, again.body);
    assert.equal(again.json().receiptCode, first.json().receiptCode);
    assert.equal(again.json().folded, true);
    assert.match(again.json().message.id, /sudah kami terima/);
    const stored = await ctx().db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM cases WHERE source = 'informasi_publik' AND narrative ILIKE 'Kepala desa mengumpulkan%'",
    );
    assert.equal(stored.rows[0].n, 1);

    const elsewhere = informasiInput(text);
    elsewhere.peristiwa.kodeWilayah = '16.02';
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/informasi', payload: elsewhere })).statusCode, 201);
    now = new Date(clock.getTime() + 25 * 3_600_000);
    try {
      assert.equal((await app.inject({ method: 'POST', url: '/api/v1/informasi', payload: informasiInput(text) })).statusCode, 201);
    } finally {
      now = clock;
    }
  });

  test('a supervisor dismisses public informasi in one audited action; staff-recorded informasi is not dismissable this way', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/informasi',
      payload: informasiInput('Iklan berulang tanpa isi yang jelas tentang ASN yang katanya berkampanye di mana-mana setiap hari.'),
    });
    const code = res.json().receiptCode;
    const id = (await ctx().db.query<{ id: string }>('SELECT id FROM cases WHERE tracking_code = $1', [code])).rows[0].id;
    const { username, password } = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '16.02' });
    const staff = await signIn(app, username, password);
    const analyst = await buildUser(ctx().db, { role: 'analyst' });
    const readOnly = await signIn(app, analyst.username, analyst.password);
    assert.equal((await readOnly.request({ method: 'POST', url: `/api/v1/cases/${id}/dismiss-informasi` })).statusCode, 403);
    const anonymous = await app.inject({ method: 'POST', url: `/api/v1/cases/${id}/dismiss-informasi` });
    assert.ok(anonymous.statusCode === 401 || anonymous.statusCode === 403);

    const dismissed = await staff.request({ method: 'POST', url: `/api/v1/cases/${id}/dismiss-informasi` });
    assert.equal(dismissed.statusCode, 200, dismissed.body);
    assert.equal(dismissed.json().state, 'dihentikan');
    const audit = await ctx().db.query<{ action: string; actor_id: string }>(
      "SELECT action, actor_id FROM audit_events WHERE entity_id = $1 AND action = 'case.hentikan_penelusuran'",
      [id],
    );
    assert.equal(audit.rows.length, 1);
    const again = await staff.request({ method: 'POST', url: `/api/v1/cases/${id}/dismiss-informasi` });
    assert.equal(again.statusCode, 409);

    const own = await staff.request({
      method: 'POST',
      url: '/api/v1/temuan',
      payload: {
        sumber: 'pengawasan_lapangan',
        judul: 'Camat hadir di kampanye',
        uraian: 'Camat hadir di kampanye terbuka dan memberi sambutan.',
        kodeWilayah: '16.02.05',
        tempat: 'Kayuagung',
        tanggalKejadian: '2024-10-07',
        tanggalDiketahui: '2024-10-08',
        perbuatan: ['hadir_deklarasi_kampanye'],
        terlapor: [{ nama: 'Andi', jabatan: 'Camat', instansi: 'Kecamatan Kayuagung', jenisSubjek: 'PNS' }],
      },
    });
    assert.equal(own.statusCode, 201, own.body);
    const refused = await staff.request({ method: 'POST', url: `/api/v1/cases/${own.json().id}/dismiss-informasi` });
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().field, 'action');
  });

  test("'use my location': a point resolves to the kabupaten/kota holding it; outside or malformed → 4xx", async () => {
    const kayuagung = await app.inject({ url: '/api/v1/geo/locate?lat=-3.40&lon=104.82' });
    assert.equal(kayuagung.statusCode, 200, kayuagung.body);
    assert.deepEqual(kayuagung.json(), {
      code: '16.02',
      name: 'Kabupaten Ogan Komering Ilir',
      level: 'kabupaten',
      precision: 'kabupaten_kota',
    });
    const sea = await app.inject({ url: '/api/v1/geo/locate?lat=0&lon=0' });
    assert.equal(sea.statusCode, 404);
    assert.equal(sea.json().code, 'region_not_found');
    const bad = await app.inject({ url: '/api/v1/geo/locate?lat=utara&lon=104.82' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().field, 'lat');
  });

  test('tracking accepts a sloppily typed code: case, spaces and dashes are normalised', async () => {
    const filed = (await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput() })).json();
    const sloppy = filed.trackingCode.toLowerCase().replace(/-/g, ' ');
    for (const kode of [
      sloppy,
      filed.trackingCode.replace(/-/g, ''),
      ` ${filed.trackingCode.toLowerCase()} `,
      filed.trackingCode.slice(4).replace('-', ' – '),
    ]) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/lacak', payload: { kode, pin: filed.pin } });
      assert.equal(res.statusCode, 200, `${kode}: ${res.body}`);
      assert.equal(res.json().trackingCode, filed.trackingCode);
    }
    const bad = await app.inject({ method: 'POST', url: '/api/v1/lacak', payload: { kode: 'ntr 45by 84', pin: filed.pin } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().field, 'kode');
  });
});

describeEachBackend('informasi per-address limit', (ctx) => {
  let app: FastifyInstance;
  before(async () => {
    const config = loadConfig(
      { NETRA_LOG_LEVEL: 'silent', NETRA_REQUIRE_TOTP: 'off', NETRA_INFORMASI_PER_MINUTE: '3' } as NodeJS.ProcessEnv,
      { dataDir: mkdtempSync(join(tmpdir(), 'netra-test-')) },
    );
    app = await buildApp({ db: ctx().db, config, vault: createVault(randomBytes(32)), now: () => clock });
  });
  after(async () => {
    await app.close();
  });

  test('one address gets NETRA_INFORMASI_PER_MINUTE submissions a minute, then 429; another address is unaffected', async () => {
    // Distinct messages (near-duplicates would fold instead of counting as new).
    const topics = [
      'Lurah memasang baliho pasangan calon di kantor kelurahan pada jam kerja.',
      'Guru honorer diminta kepala sekolah memotret dukungan kepada calon.',
      'Kepala dinas memakai mobil dinas untuk mengantar tim kampanye ke desa-desa.',
      'Camat berpidato dalam acara partai politik dengan seragam dinas lengkap.',
      'Sekretaris desa membagikan kalender bergambar calon bupati kepada warga.',
      'Bidan desa mengajak ibu-ibu posyandu memilih calon tertentu sambil membagikan susu.',
    ];
    const send = (ip: string, i: number) =>
      app.inject({ method: 'POST', url: '/api/v1/informasi', remoteAddress: ip, payload: informasiInput(topics[i]) });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await send('10.1.1.1', i)).statusCode);
    assert.deepEqual(statuses, [201, 201, 201, 429]);
    const limited = await send('10.1.1.1', 9);
    assert.equal(limited.json().code, 'rate_limited');
    assert.equal((await send('10.2.2.2', 5)).statusCode, 201);
  });
});
