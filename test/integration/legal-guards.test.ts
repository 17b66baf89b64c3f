// The law enforced, not only displayed (issue 14 items 1-2): the completion window runs before a
// laporan can be stopped, a late laporan or temuan needs an audited override, and every staff
// action may carry the time it took effect (effectiveAt), which routing, clocks and numbers use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp, buildUser, signIn, type Session } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { pdfText } from '../support/pdfText.ts';
import { verifyAuditChain } from '../../src/server/modules/audit/service.ts';

let clock = new Date('2024-10-10T03:00:00Z');
const advance = (hours: number) => {
  clock = new Date(clock.getTime() + hours * 3_600_000);
};
const GOOD_REASON = 'Kajian awal menemukan pelapor baru mengetahui peristiwa dari unggahan tanggal 5 Oktober, bukan tanggal pada formulir.';

describeEachBackend('legal-deadline guards and effectiveAt', (ctx) => {
  let app: FastifyInstance;
  let oki: Session;
  before(async () => {
    app = await buildTestApp(ctx().db, { now: () => clock });
    const a = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '16.02' });
    oki = await signIn(app, a.username, a.password);
  });
  after(async () => {
    await app.close();
  });

  async function submit(knownDate: string, eventDate = knownDate) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/laporan',
      payload: buildLaporanInput({ peristiwa: { tanggalKejadian: eventDate, tanggalDiketahui: knownDate } }),
    });
    assert.equal(res.statusCode, 201, res.body);
    const queue = (await oki.request({ url: '/api/v1/cases?limit=200' })).json();
    return queue.items.find((i: { trackingCode: string }) => i.trackingCode === res.json().trackingCode).id as string;
  }
  const act = (id: string, body: Record<string, unknown>) =>
    oki.request({ method: 'POST', url: `/api/v1/cases/${id}/actions`, payload: body });
  const detail = async (id: string) => (await oki.request({ url: `/api/v1/cases/${id}` })).json();
  const auditOf = async (id: string, action: string) =>
    (
      await ctx().db.query<{ at: Date; data: Record<string, unknown> }>(
        'SELECT occurred_at AS at, data FROM audit_events WHERE entity_id = $1 AND action = $2 ORDER BY id',
        [id, action],
      )
    ).rows;

  test('completion window: the reporter’s 2×24 hours run before "kelengkapan tidak dipenuhi"; not overridable', async () => {
    clock = new Date('2024-10-10T03:00:00Z');
    const id = await submit('2024-10-09');
    assert.equal((await act(id, { action: 'minta_kelengkapan', reason: 'Lengkapi foto kegiatan dan nama saksi.' })).statusCode, 200);
    const due = (await detail(id)).deadlines.find((d: { ruleId: string }) => d.ruleId === 'laporan.kelengkapan').dueAt;

    const early = await act(id, { action: 'kelengkapan_tidak_dipenuhi', reason: 'Pelapor tidak melengkapi.' });
    assert.equal(early.statusCode, 409, early.body);
    assert.equal(early.json().code, 'deadline_guard');
    assert.equal(early.json().details.guard, 'laporan.kelengkapan.window');
    assert.equal(early.json().details.until, due);
    const blocked = (await detail(id)).blockedActions.find((b: { action: string }) => b.action === 'kelengkapan_tidak_dipenuhi');
    assert.equal(blocked.until, due);
    assert.equal(blocked.overridable, false);
    assert.match(blocked.reason.id, /2×24 jam/);

    const overridden = await act(id, {
      action: 'kelengkapan_tidak_dipenuhi',
      reason: 'Pelapor tidak melengkapi.',
      override: { reason: GOOD_REASON },
    });
    assert.equal(overridden.statusCode, 409, 'the reporter’s window cannot be overridden');

    advance(47);
    assert.equal((await act(id, { action: 'kelengkapan_tidak_dipenuhi', reason: 'Pelapor tidak melengkapi.' })).statusCode, 409);
    advance(1.5);
    const ok = await act(id, { action: 'kelengkapan_tidak_dipenuhi', reason: 'Pelapor tidak melengkapi dalam 2×24 jam.' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().state, 'dihentikan');
  });

  test('late laporan: registration refused without an override; the override needs real content and is audited', async () => {
    clock = new Date('2024-10-20T03:00:00Z');
    const id = await submit('2024-10-01', '2024-09-30');
    const refused = await act(id, { action: 'registrasi' });
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json().code, 'deadline_guard');
    assert.equal(refused.json().details.guard, 'laporan.penyampaian.late');
    assert.match(refused.json().details.source, /Pasal 134 ayat \(4\)/);
    const blocked = (await detail(id)).blockedActions.find((b: { action: string }) => b.action === 'registrasi');
    assert.equal(blocked.overridable, true);
    assert.ok(blocked.since, 'says since when');

    const empty = await act(id, { action: 'registrasi', override: { reason: 'aaaaaaaaaaaaaaaa' } });
    assert.equal(empty.statusCode, 409);
    assert.equal(empty.json().field, 'override.reason');

    const ok = await act(id, { action: 'registrasi', override: { reason: GOOD_REASON } });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().state, 'diregistrasi');
    const audit = await auditOf(id, 'case.registrasi');
    assert.deepEqual(audit[0].data.override, { guard: 'laporan.penyampaian.late', reason: GOOD_REASON });
    // Printed on the kajian, with the legal basis that was set aside.
    const pdf = await oki.request({ url: `/api/v1/cases/${id}/documents/kajian.pdf` });
    assert.equal(pdf.statusCode, 200, pdf.body.slice(0, 300));
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    assert.ok(text.includes('Pengecualian batas waktu'), 'exceptions section');
    assert.ok(text.includes('Pasal 134 ayat (4)'), 'legal basis of the guard');
    assert.ok(text.includes('Kajian awal menemukan pelapor baru mengetahui'), 'override reason printed');
    assert.equal((await verifyAuditChain(ctx().db)).ok, true);
  });

  test('temuan after 7 days: refused on day 9 unless overridden; a pleno on day 6 entered on day 9 passes with effectiveAt', async () => {
    clock = new Date('2024-10-10T03:00:00Z');
    const createTemuan = async () => {
      const res = await oki.request({
        method: 'POST',
        url: '/api/v1/temuan',
        payload: {
          sumber: 'patroli_siber',
          judul: 'Camat unggah dukungan di Facebook',
          uraian: 'Akun Facebook camat mengunggah foto dukungan kepada paslon nomor 2.',
          kodeWilayah: '16.02.05',
          tempat: 'Facebook',
          tanggalKejadian: '2024-10-09',
          tanggalDiketahui: '2024-10-10',
          perbuatan: ['kampanye_media_sosial'],
          terlapor: [{ nama: 'Hendra', jabatan: 'Camat', instansi: 'Pemerintah Kabupaten Ogan Komering Ilir', jenisSubjek: 'camat' }],
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      const id = res.json().id as string;
      assert.equal((await act(id, { action: 'telusuri' })).statusCode, 200);
      return id;
    };
    const late = await createTemuan();
    const onPaper = await createTemuan();
    clock = new Date('2024-10-19T03:00:00Z'); // day 9
    const refused = await act(late, { action: 'tetapkan_temuan' });
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json().details.guard, 'temuan.penetapan.late');
    assert.match(refused.json().details.unconfirmed, /verify/);
    const blocked = (await detail(late)).blockedActions.find((b: { action: string }) => b.action === 'tetapkan_temuan');
    assert.match(blocked.since, /^2024-10-17T/);
    const ok = await act(late, {
      action: 'tetapkan_temuan',
      override: { reason: 'Pleno tertunda karena anggota pleno tidak kuorum akibat banjir di OKI.' },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((await auditOf(late, 'case.tetapkan_temuan'))[0].data.override ? 'yes' : 'no', 'yes');

    // The pleno met on 16 Oct (day 6) and was typed on 19 Oct: within the limit, no override needed.
    const set = await act(onPaper, {
      action: 'tetapkan_temuan',
      effectiveAt: '2024-10-16T19:00:00+07:00',
      effectiveAtReason: 'Pleno malam hari, berita acara diketik tiga hari kemudian.',
    });
    assert.equal(set.statusCode, 200, set.body);
    assert.equal(set.json().effectiveAt, '2024-10-16T12:00:00.000Z');
  });

  test('effectiveAt: a decision of 24 Aug 2024 entered on 26 Aug routes to KASN; both times kept', async () => {
    clock = new Date('2024-08-20T03:00:00Z');
    const onPaper = await submit('2024-08-19');
    const typedNow = await submit('2024-08-19');
    for (const id of [onPaper, typedNow]) {
      for (const action of ['registrasi', 'kaji']) assert.equal((await act(id, { action })).statusCode, 200);
    }
    clock = new Date('2024-08-26T02:00:00Z'); // 26 Aug, 09:00 WIB
    const decided = await act(onPaper, {
      action: 'teruskan',
      classification: 'peraturan_lainnya',
      summary: 'Terbukti hadir dan berorasi dalam kampanye.',
      effectiveAt: '2024-08-24T20:00:00+07:00',
      effectiveAtReason: 'Putusan pleno 24 Agustus malam; dientri setelah akhir pekan.',
    });
    assert.equal(decided.statusCode, 200, decided.body);
    assert.equal(decided.json().referrals[0].authority, 'KASN');
    const today = await act(typedNow, {
      action: 'teruskan',
      classification: 'peraturan_lainnya',
      summary: 'Terbukti hadir dan berorasi dalam kampanye.',
    });
    assert.equal(today.json().referrals[0].authority, 'BKN');

    const event = (await detail(onPaper)).timeline.find((e: { action: string }) => e.action === 'teruskan');
    assert.equal(event.at, '2024-08-24T13:00:00.000Z');
    assert.equal(event.recordedAt, '2024-08-26T02:00:00.000Z');
    const audit = (await auditOf(onPaper, 'case.teruskan'))[0];
    assert.equal(new Date(audit.at).toISOString(), '2024-08-26T02:00:00.000Z');
    assert.equal(audit.data.effectiveAt, '2024-08-24T13:00:00.000Z');
    assert.equal(audit.data.recordedAt, '2024-08-26T02:00:00.000Z');
  });

  test('effectiveAt: registration number month from when it happened; future, before the previous step, too far back, no reason → 400', async () => {
    clock = new Date('2024-10-30T03:00:00Z');
    const id = await submit('2024-10-29');
    clock = new Date('2024-11-01T02:00:00Z'); // 1 Nov 09:00 WIB
    // A note typed this morning is not a step: it does not stop last night's registration.
    assert.equal(
      (
        await oki.request({
          method: 'POST',
          url: `/api/v1/cases/${id}/notes`,
          payload: { note: 'Berkas fisik diterima di meja registrasi.' },
        })
      ).statusCode,
      200,
    );
    const future = await act(id, { action: 'registrasi', effectiveAt: '2024-11-01T12:00:00+07:00' });
    assert.equal(future.statusCode, 400);
    assert.equal(future.json().field, 'effectiveAt');
    const beforeReceipt = await act(id, {
      action: 'registrasi',
      effectiveAt: '2024-10-29T10:00:00+07:00',
      effectiveAtReason: 'Registrasi manual di buku registrasi.',
    });
    assert.equal(beforeReceipt.statusCode, 400);
    assert.equal(beforeReceipt.json().details.problem, 'before_previous_step');
    const noReason = await act(id, { action: 'registrasi', effectiveAt: '2024-10-31T23:00:00+07:00' });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().field, 'effectiveAtReason');
    const ok = await act(id, {
      action: 'registrasi',
      effectiveAt: '2024-10-31T23:00:00+07:00',
      effectiveAtReason: 'Diregistrasi di buku registrasi malam hari, diketik pagi ini.',
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.match(ok.json().registrationNumber, /\/X\/2024$/);
    const handling = (await detail(id)).deadlines.find((d: { ruleId: string }) => d.ruleId === 'laporan.putusan');
    assert.equal(handling.startedAt, '2024-10-31T16:00:00.000Z');
    assert.match(handling.dueLocal, /3 November 2024/);

    clock = new Date('2024-11-20T02:00:00Z');
    const tooFar = await act(id, {
      action: 'kaji',
      effectiveAt: '2024-11-05T10:00:00+07:00',
      effectiveAtReason: 'Kajian dilakukan di atas kertas.',
    });
    assert.equal(tooFar.statusCode, 400);
    assert.equal(tooFar.json().details.problem, 'too_far_back');
  });
});
