import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp, buildUser, signIn, type Session } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { verifyAuditChain } from '../../src/server/modules/audit/service.ts';
import { createContext, createJobRegistry } from '../../src/server/context.ts';
import { startWorker } from '../../src/server/jobs/worker.ts';
import { loadConfig } from '../../src/server/config.ts';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testVault } from '../support/http.ts';

// 10 Oct 2024 10:00 WIB: during the Pilkada 2024 campaign.
let clock = new Date('2024-10-10T03:00:00Z');
const advance = (hours: number) => {
  clock = new Date(clock.getTime() + hours * 3_600_000);
};

describeEachBackend('laporan lifecycle', (ctx) => {
  let app: FastifyInstance;
  let oki: Session;
  let palembang: Session;
  before(async () => {
    clock = new Date('2024-10-10T03:00:00Z');
    app = await buildTestApp(ctx().db, { now: () => clock });
    const a = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '16.02' });
    oki = await signIn(app, a.username, a.password);
    const b = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '16.71' });
    palembang = await signIn(app, b.username, b.password);
  });
  after(async () => {
    await app.close();
  });

  test('citizen reports, tracks; supervisor registers, clarifies, extends, decides and forwards', async () => {
    const input = buildLaporanInput();
    const submitted = await app.inject({
      method: 'POST',
      url: '/api/v1/laporan',
      payload: input,
      headers: { 'idempotency-key': 'lifecycle-key-0001' },
    });
    assert.equal(submitted.statusCode, 201, submitted.body);
    const receipt = submitted.json();
    assert.match(receipt.trackingCode, /^NTR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.match(receipt.pin, /^\d{6}$/);
    assert.equal(receipt.officeCode, '16.02');
    assert.equal(receipt.officeName, 'Bawaslu Kabupaten Ogan Komering Ilir');
    assert.equal(receipt.late, false);
    assert.match(receipt.filingDeadlineLocal, /15 Oktober 2024 23\.59.*WIB/);
    assert.ok(!JSON.stringify(receipt).includes(input.pelapor.nik));

    // Retrying with the same key returns the same receipt, not a second case.
    const retried = await app.inject({
      method: 'POST',
      url: '/api/v1/laporan',
      payload: input,
      headers: { 'idempotency-key': 'lifecycle-key-0001' },
    });
    assert.equal(retried.statusCode, 200);
    assert.equal(retried.json().trackingCode, receipt.trackingCode);
    const otherBody = await app.inject({
      method: 'POST',
      url: '/api/v1/laporan',
      payload: buildLaporanInput(),
      headers: { 'idempotency-key': 'lifecycle-key-0001' },
    });
    assert.equal(otherBody.statusCode, 409);

    const tracked = await app.inject({ method: 'POST', url: '/api/v1/lacak', payload: { kode: receipt.trackingCode, pin: receipt.pin } });
    assert.equal(tracked.statusCode, 200);
    assert.equal(tracked.json().state, 'diterima');
    assert.equal(tracked.json().notices.length, 1);
    assert.equal(tracked.json().canWithdraw, true);

    // Queue: OKI sees it, Palembang does not; the case page hides the reporter.
    const queue = (await oki.request({ url: '/api/v1/cases' })).json();
    const item = queue.items.find((i: { trackingCode: string }) => i.trackingCode === receipt.trackingCode);
    assert.ok(item);
    // A new report already has a clock in the queue: the kajian awal (2 days, practice).
    assert.equal(item.nextDeadline.ruleId, 'laporan.kajian_awal');
    assert.match(item.nextDeadline.dueLocal, /12 Oktober 2024 23\.59.*WIB/);
    const foreign = (await palembang.request({ url: '/api/v1/cases' })).json();
    assert.ok(!foreign.items.some((i: { id: string }) => i.id === item.id));
    assert.equal((await palembang.request({ url: `/api/v1/cases/${item.id}` })).statusCode, 404);
    const detail = (await oki.request({ url: `/api/v1/cases/${item.id}` })).json();
    assert.ok(!JSON.stringify(detail).includes(input.pelapor.nik));
    assert.ok(!JSON.stringify(detail).includes(input.pelapor.nama));
    assert.deepEqual(detail.availableActions.sort(), ['cabut', 'limpahkan', 'minta_kelengkapan', 'registrasi', 'tolak_registrasi'].sort());

    const act = (body: Record<string, unknown>, session = oki) =>
      session.request({ method: 'POST', url: `/api/v1/cases/${item.id}/actions`, payload: body });

    // Request completion → 2×24 hours; completed.
    assert.equal((await act({ action: 'minta_kelengkapan', reason: 'Lengkapi foto kegiatan dan nama saksi kedua.' })).statusCode, 200);
    const waiting = (await oki.request({ url: `/api/v1/cases/${item.id}` })).json();
    const completion = waiting.deadlines.find((d: { ruleId: string }) => d.ruleId === 'laporan.kelengkapan');
    assert.equal(completion.dueAt, '2024-10-12T03:00:00.000Z');
    advance(20);
    assert.equal((await act({ action: 'lengkapi' })).statusCode, 200);

    // Register: number format and the 3-day clock.
    const registered = (await act({ action: 'registrasi' })).json();
    assert.equal(registered.registrationNumber, '001/LP/PB/Kab/16.02/X/2024');
    const afterReg = (await oki.request({ url: `/api/v1/cases/${item.id}` })).json();
    const handling = afterReg.deadlines.find(
      (d: { ruleId: string; stoppedAt: string | null }) => d.ruleId === 'laporan.putusan' && !d.stoppedAt,
    );
    assert.ok(handling, 'handling clock started');
    assert.match(handling.dueLocal, /WIB/);

    // A registered report cannot be withdrawn, by staff or by the reporter.
    const withdraw = await app.inject({
      method: 'POST',
      url: '/api/v1/lacak/cabut',
      payload: { kode: receipt.trackingCode, pin: receipt.pin, alasan: 'Saya berubah pikiran.' },
    });
    assert.equal(withdraw.statusCode, 409);
    assert.equal((await act({ action: 'cabut', reason: 'permintaan pelapor' })).statusCode, 409);

    assert.equal((await act({ action: 'klarifikasi' })).statusCode, 200);
    const extended = await act({ action: 'minta_keterangan_tambahan' });
    assert.equal(extended.statusCode, 200);
    const afterExt = (await oki.request({ url: `/api/v1/cases/${item.id}` })).json();
    const extClock = afterExt.deadlines.find(
      (d: { ruleId: string; stoppedAt: string | null }) => d.ruleId === 'laporan.putusan' && !d.stoppedAt,
    );
    assert.equal(extClock.extended, true);
    assert.ok(new Date(extClock.dueAt).getTime() - new Date(handling.dueAt).getTime() === 2 * 86_400_000);

    assert.equal((await act({ action: 'kaji' })).statusCode, 200);
    const missingClass = await act({ action: 'teruskan' });
    assert.equal(missingClass.statusCode, 409);
    assert.equal(missingClass.json().field, 'classification');
    const forwarded = await act({
      action: 'teruskan',
      classification: 'peraturan_lainnya',
      summary: 'Terbukti hadir dan berorasi dalam kampanye.',
    });
    assert.equal(forwarded.statusCode, 200, forwarded.body);
    assert.equal(forwarded.json().state, 'diteruskan');
    assert.equal(forwarded.json().referrals[0].authority, 'BKN');

    // The reporter sees every status change as a notice.
    const final = (
      await app.inject({ method: 'POST', url: '/api/v1/lacak', payload: { kode: receipt.trackingCode, pin: receipt.pin } })
    ).json();
    assert.equal(final.state, 'diteruskan');
    assert.equal(final.registrationNumber, '001/LP/PB/Kab/16.02/X/2024');
    assert.ok(final.notices.length >= 7, `notices: ${final.notices.length}`);
    assert.ok(final.timeline.some((t: { action: string }) => t.action === 'registrasi'));
    // After forwarding the reporter follows the authority's steps, without names.
    assert.equal(final.referrals.length, 1);
    assert.ok(final.referrals[0].timeline.length >= 1, JSON.stringify(final.referrals[0]).slice(0, 300));
    assert.ok(!JSON.stringify(final.referrals).includes(input.terlapor[0].nama));

    // Public announcements show status by registration number, terlapor by position/agency only.
    const announcements = (await app.inject('/api/v1/public/announcements?office=16.02')).json();
    const registeredNotice = announcements.items.find(
      (a: { action: string; registrationNumber: string }) =>
        a.action === 'registrasi' && a.registrationNumber === '001/LP/PB/Kab/16.02/X/2024',
    );
    assert.ok(registeredNotice);
    assert.equal(registeredNotice.office, 'Bawaslu Kabupaten Ogan Komering Ilir');
    assert.deepEqual(registeredNotice.terlapor, [{ position: input.terlapor[0].jabatan, agency: input.terlapor[0].instansi }]);
    const publicText = JSON.stringify(announcements);
    for (const secret of [input.pelapor.nama, input.pelapor.nik, input.terlapor[0].nama, input.terlapor[0].nip!, receipt.trackingCode]) {
      assert.ok(!publicText.includes(secret), `announcement leaks ${secret}`);
    }

    // Identity reveal needs a reason and is audited.
    const reveal = await oki.request({
      method: 'POST',
      url: `/api/v1/cases/${item.id}/reporter-identity`,
      payload: { reason: 'Mengundang pelapor untuk klarifikasi.' },
    });
    assert.equal(reveal.statusCode, 200);
    assert.equal(reveal.json().identity.nik, input.pelapor.nik);
    const audit = await ctx().db.query<{ action: string; data: unknown }>(
      `SELECT action, data FROM audit_events WHERE entity_id = $1 ORDER BY id`,
      [item.id],
    );
    assert.ok(audit.rows.some((r) => r.action === 'case.reporter_identity_read'));
    assert.ok(!JSON.stringify(audit.rows).includes(input.pelapor.nik));
    assert.equal((await verifyAuditChain(ctx().db)).ok, true);
  });

  test('notices are e-mailed (to the outbox) when the reporter gave an address', async () => {
    const input = buildLaporanInput({ pelapor: { email: 'pelapor@example.id' } });
    const res = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: input });
    assert.equal(res.statusCode, 201);
    const config = loadConfig({ NETRA_LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv, {
      dataDir: mkdtempSync(join(tmpdir(), 'netra-outbox-')),
    });
    const registry = createJobRegistry(createContext({ db: ctx().db, config, vault: testVault(app) }));
    const drain = async () => {
      const worker = startWorker(ctx().db, { 'notices.email': registry['notices.email'] }, { autoStart: false, now: () => clock });
      while (await worker.runOnce());
      await worker.stop();
    };
    await drain();
    const outbox = join(config.dataDir, 'outbox');
    const files = readdirSync(outbox);
    assert.equal(files.length, 1);
    const message = readFileSync(join(outbox, files[0]), 'utf8');
    assert.match(message, /To: pelapor@example.id/);
    assert.match(message, /Content-Type: multipart\/alternative/);
    assert.match(message, new RegExp(res.json().trackingCode));
    await drain();
    assert.equal(readdirSync(outbox).length, 1, 'sent once');
  });

  test('a late report is received and recorded with a proposed non-registration reason', async () => {
    const input = buildLaporanInput({ peristiwa: { tanggalKejadian: '2024-09-20', tanggalDiketahui: '2024-09-21' } });
    const res = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: input });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().late, true);
    assert.match(res.json().proposedReason, /7 \(tujuh\) hari/);
    const queue = (await oki.request({ url: '/api/v1/cases?state=diterima' })).json();
    const row = queue.items.find((i: { trackingCode: string }) => i.trackingCode === res.json().trackingCode);
    assert.equal(row.late, true);
    const rejected = await oki.request({ method: 'POST', url: `/api/v1/cases/${row.id}/actions`, payload: { action: 'tolak_registrasi' } });
    assert.equal(rejected.statusCode, 409);
    assert.equal(rejected.json().field, 'reason');
    const ok = await oki.request({
      method: 'POST',
      url: `/api/v1/cases/${row.id}/actions`,
      payload: { action: 'tolak_registrasi', reason: res.json().proposedReason },
    });
    assert.equal(ok.json().state, 'tidak_diregistrasi');
  });

  test('withdrawal before registration; wrong PIN is refused and then rate-limited per code', async () => {
    const res = (await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput() })).json();
    const wrongPin = res.pin === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const bad = await app.inject({ method: 'POST', url: '/api/v1/lacak', payload: { kode: res.trackingCode, pin: wrongPin } });
      assert.equal(bad.statusCode, 401);
      assert.equal(bad.json().field, 'pin');
    }
    const limited = await app.inject({ method: 'POST', url: '/api/v1/lacak', payload: { kode: res.trackingCode, pin: res.pin } });
    assert.equal(limited.statusCode, 429);
    advance(1);
    const withdrawn = await app.inject({
      method: 'POST',
      url: '/api/v1/lacak/cabut',
      payload: { kode: res.trackingCode, pin: res.pin, alasan: 'Sudah diselesaikan secara internal.' },
    });
    assert.equal(withdrawn.statusCode, 200);
    assert.equal(withdrawn.json().state, 'dihentikan');
  });

  test('temuan: informasi awal → penelusuran → pleno sets the temuan with a TM number; transfer keeps the clock', async () => {
    const created = await oki.request({
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
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id;
    const detail = (await oki.request({ url: `/api/v1/cases/${id}` })).json();
    const pleno = detail.deadlines.find((d: { ruleId: string }) => d.ruleId === 'temuan.penetapan');
    assert.match(pleno.dueLocal, /17 Oktober 2024/);
    const act = (body: Record<string, unknown>) => oki.request({ method: 'POST', url: `/api/v1/cases/${id}/actions`, payload: body });
    assert.equal((await act({ action: 'telusuri' })).statusCode, 200);
    const transfer = await act({ action: 'limpahkan', targetOfficeCode: '16' });
    assert.equal(transfer.statusCode, 200);
    // Now outside OKI's jurisdiction; the province office handles it with the same clock.
    assert.equal((await oki.request({ url: `/api/v1/cases/${id}` })).statusCode, 404);
    const prov = await buildUser(ctx().db, { role: 'pengawas_provinsi', regionCode: '16' });
    const provSession = await signIn(app, prov.username, prov.password);
    const moved = (await provSession.request({ url: `/api/v1/cases/${id}` })).json();
    assert.equal(moved.officeCode, '16');
    assert.equal(moved.deadlines.find((d: { ruleId: string }) => d.ruleId === 'temuan.penetapan').dueAt, pleno.dueAt);
    const set = await provSession.request({ method: 'POST', url: `/api/v1/cases/${id}/actions`, payload: { action: 'tetapkan_temuan' } });
    assert.equal(set.statusCode, 200);
    assert.equal(set.json().registrationNumber, '001/TM/PB/Prov/16/X/2024');
  });

  test('full-text search and filters in the queue', async () => {
    await app.inject({
      method: 'POST',
      url: '/api/v1/laporan',
      payload: buildLaporanInput({
        uraian: 'Kepala desa membagikan sembako bergambar pasangan calon kepada warga di balai desa.',
        terlapor: [{ nama: 'Sutrisno', jabatan: 'Kepala Desa Sukamaju', instansi: 'Pemerintah Desa Sukamaju', jenisSubjek: 'kepala_desa' }],
      }),
    });
    const found = (await oki.request({ url: '/api/v1/cases?q=sembako' })).json();
    assert.equal(found.total, 1);
    const bySubject = (await oki.request({ url: '/api/v1/cases?subjectType=kepala_desa' })).json();
    assert.equal(bySubject.total, 1);
    const none = (await oki.request({ url: '/api/v1/cases?q=helikopter' })).json();
    assert.equal(none.total, 0);
    const analyst = await buildUser(ctx().db, { role: 'analyst' });
    const analystSession = await signIn(app, analyst.username, analyst.password);
    assert.ok((await analystSession.request({ url: '/api/v1/cases' })).json().total >= 4);
    const write = await analystSession.request({
      method: 'POST',
      url: `/api/v1/cases/${found.items[0].id}/actions`,
      payload: { action: 'registrasi' },
    });
    assert.equal(write.statusCode, 403);
    const bkn = await buildUser(ctx().db, { role: 'bkn' });
    const bknSession = await signIn(app, bkn.username, bkn.password);
    assert.equal((await bknSession.request({ url: '/api/v1/cases' })).statusCode, 403);
  });
});
