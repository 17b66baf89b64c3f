import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp, buildUser, signIn, type Session } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { verifyAuditChain } from '../../src/server/modules/audit/service.ts';
import { runEscalations } from '../../src/server/modules/referrals/escalations.ts';
import { localDateOf } from '../../src/domain/time/zones.ts';
import { addDaysToLocalDate } from '../../src/domain/time/localDate.ts';

// 10 Oct 2024 10:00 WIB: Pilkada 2024 campaign, after the KASN → BKN switch and after penetapan paslon.
let clock = new Date('2024-10-10T03:00:00Z');
const advanceDays = (days: number) => {
  clock = new Date(clock.getTime() + days * 86_400_000);
};
const today = () => localDateOf(clock, 'WIB');

const BAPENDA = 'Badan Pendapatan Daerah Kabupaten Ogan Komering Ilir';
const DISDIK = 'Dinas Pendidikan Kabupaten Ogan Komering Ilir';
const DINKES = 'Dinas Kesehatan Kabupaten Ogan Komering Ilir';
const DISDIK_PLG = 'Dinas Pendidikan Kota Palembang';
const PEMKAB_OKI = 'Pemerintah Kabupaten Ogan Komering Ilir';

interface Terlapor {
  nama: string;
  nip?: string;
  jabatan: string;
  instansi: string;
  jenisSubjek: string;
  kodeWilayah?: string;
}

describeEachBackend('referrals: rekomendasi → BKN → PPK → sanction, escalation, access, agency API, public', (ctx) => {
  let app: FastifyInstance;
  let oki: Session;
  let palembang: Session;
  let sumsel: Session;
  let bkn: Session;
  let ppkBapenda: Session;
  let ppkDisdik: Session;
  let ppkDisdikPlg: Session;
  let pemkabOki: Session;
  let admin: Session;
  let analyst: Session;

  const session = async (input: Parameters<typeof buildUser>[1]) => {
    const u = await buildUser(ctx().db, input);
    return signIn(app, u.username, u.password);
  };

  /** Files a laporan and drives it to 'diteruskan' through the API; returns the case's referrals (as admin sees them). */
  async function forwardCase(
    office: Session,
    terlapor: Terlapor[],
    options: { eventRegion?: string; classification?: string; acts?: string[]; alamat?: { kodeWilayah: string; instansi: string }[] } = {},
  ) {
    const input = buildLaporanInput({
      terlapor: terlapor as never,
      peristiwa: {
        kodeWilayah: options.eventRegion ?? '16.02.05',
        tanggalKejadian: addDaysToLocalDate(today(), -2),
        tanggalDiketahui: addDaysToLocalDate(today(), -1),
      },
      ...(options.acts ? { perbuatan: options.acts as never } : {}),
    });
    const submitted = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: input });
    assert.equal(submitted.statusCode, 201, submitted.body);
    const caseId = submitted.json().id as string;
    const act = async (body: Record<string, unknown>) => {
      const res = await office.request({ method: 'POST', url: `/api/v1/cases/${caseId}/actions`, payload: body });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    await act({ action: 'registrasi' });
    await act({ action: 'kaji' });
    const ids = options.alamat
      ? ((await office.request({ url: `/api/v1/cases/${caseId}` })).json().terlapor.map((t: { id: number }) => Number(t.id)) as number[])
      : [];
    const alamatInstansi = options.alamat?.map((a, i) => ({ terlaporId: ids[i], ...a }));
    const forwarded = await act({
      action: 'teruskan',
      classification: options.classification ?? 'peraturan_lainnya',
      summary: 'Terbukti hadir dan berorasi mendukung pasangan calon dalam kampanye terbuka.',
      ...(alamatInstansi ? { alamatInstansi } : {}),
    });
    assert.equal(forwarded.state, 'diteruskan');
    const list = (await admin.request({ url: `/api/v1/referrals?caseId=${caseId}` })).json();
    assert.equal(list.items.length, terlapor.length);
    return {
      caseId,
      referrals: list.items as {
        id: string;
        authority: string;
        recommendationNumber: string;
        conflictOfInterest: boolean;
        agency: string;
      }[],
    };
  }

  before(async () => {
    clock = new Date('2024-10-10T03:00:00Z');
    app = await buildTestApp(ctx().db, { now: () => clock });
    oki = await session({ role: 'pengawas_kabkota', regionCode: '16.02' });
    palembang = await session({ role: 'pengawas_kabkota', regionCode: '16.71' });
    sumsel = await session({ role: 'pengawas_provinsi', regionCode: '16' });
    bkn = await session({ role: 'bkn' });
    // PPK scope = one instansi catalogue entry: (pemerintah daerah region, instansi key).
    ppkBapenda = await session({ role: 'ppk', agency: 'bapenda', regionCode: '16.02' });
    ppkDisdik = await session({ role: 'ppk', agency: 'dinas_pendidikan', regionCode: '16.02' });
    // Another agency's PPK in the same region exists too (no test below signs in as it).
    await session({ role: 'ppk', agency: 'dinas_kesehatan', regionCode: '16.02' });
    ppkDisdikPlg = await session({ role: 'ppk', agency: 'dinas_pendidikan', regionCode: '16.71' });
    pemkabOki = await session({ role: 'ppk', agency: 'pemerintah_daerah', regionCode: '16.02' });
    admin = await session({ role: 'admin' });
    analyst = await session({ role: 'analyst' });
  });
  after(async () => {
    await app.close();
  });

  let mainReferralId = '';

  test('BKN verifies → forwards → PPK records a PP 94 sanction with decree → applied; public timeline and stats follow', async () => {
    const terlapor = {
      nama: 'Budi Santoso',
      nip: '198503122010011002',
      jabatan: 'Kepala Bidang Pendapatan',
      instansi: BAPENDA,
      jenisSubjek: 'PNS',
      kodeWilayah: '16.02',
    };
    const { caseId, referrals } = await forwardCase(oki, [terlapor]);
    const [ref] = referrals;
    mainReferralId = ref.id;
    assert.equal(ref.authority, 'BKN');
    assert.equal(ref.recommendationNumber, '001/PP.01.00/K.16.02/10/2024');

    // The letter's data: number, addressee, kajian summary, proposed track with the act cited.
    const letter = (await bkn.request({ url: `/api/v1/referrals/${ref.id}/letter` })).json();
    assert.equal(letter.number, ref.recommendationNumber);
    assert.match(letter.addressee, /Badan Kepegawaian Negara/);
    assert.equal(letter.kajianSummary, 'Terbukti hadir dan berorasi mendukung pasangan calon dalam kampanye terbuka.');
    assert.equal(letter.proposedTrack.track, 'disiplin');
    assert.equal(letter.proposedTrack.level, 'berat');
    assert.equal(letter.proposedTrack.itemId, 'skb2022.disiplin.4');
    assert.match(letter.proposedTrack.citation, /SKB Netralitas ASN 2022 Lampiran II huruf B angka 4/);
    assert.equal(letter.terlapor.nip, terlapor.nip);
    assert.equal(letter.followUpDeadline.ruleId, 'bkn.verifikasi');

    // The same letter as a numbered PDF for the authority's inbox; staff of another region cannot fetch it.
    const pdf = await bkn.request({ url: `/api/v1/referrals/${ref.id}/letter.pdf` });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const { PDFDocument } = await import('pdf-lib');
    assert.ok((await PDFDocument.load(pdf.rawPayload)).getPageCount() >= 1);
    assert.match(String(pdf.headers['x-document-sha256']), /^[0-9a-f]{64}$/);

    const detail = (await bkn.request({ url: `/api/v1/referrals/${ref.id}` })).json();
    assert.equal(detail.state, 'direkomendasikan');
    const verification = detail.steps.find((s: { step: string }) => s.step === 'verifikasi_bkn');
    assert.equal(verification.dueAt, '2024-10-17T16:59:59.999Z'); // 7 calendar days, end of day WIB

    // Public view and stats before anything happened: no personal data.
    // Public timeline by the unguessable key; the sequential letter number and the id no longer resolve.
    const publicKey = (await admin.request({ url: `/api/v1/referrals/${ref.id}` })).json().publicKey as string;
    assert.match(publicKey, /^[a-z2-7]{26}$/);
    const publicUrl = `/api/v1/public/referrals/${publicKey}`;
    const pub0 = await app.inject({ url: publicUrl });
    assert.equal(pub0.statusCode, 200, pub0.body);
    const missing = await app.inject({ url: `/api/v1/public/referrals/${'a'.repeat(26)}` });
    for (const guess of [encodeURIComponent(ref.recommendationNumber), ref.id]) {
      const res = await app.inject({ url: `/api/v1/public/referrals/${guess}` });
      assert.equal(res.statusCode, 404, `public timeline by ${guess}`);
      assert.equal(res.body, missing.body);
    }
    assert.equal(pub0.json().timeline.find((t: { step: string }) => t.step === 'verified').done, false);
    const stats0 = (await app.inject({ url: '/api/v1/public/referral-stats' })).json();
    const bkn0 = stats0.byAuthority.find((a: { authority: string }) => a.authority === 'BKN');
    assert.equal(bkn0.decided, 0);

    // The PPK does not see it before BKN forwards.
    assert.equal((await ppkBapenda.request({ url: `/api/v1/referrals/${ref.id}` })).statusCode, 404);
    // Only BKN verifies; not the PPK, not Bawaslu.
    assert.equal((await ppkBapenda.request({ method: 'POST', url: `/api/v1/referrals/${ref.id}/verify`, payload: {} })).statusCode, 403);
    assert.equal((await oki.request({ method: 'POST', url: `/api/v1/referrals/${ref.id}/verify`, payload: {} })).statusCode, 403);
    // The PPK cannot decide before BKN forwards; BKN cannot forward before verifying.
    const early = await bkn.request({ method: 'POST', url: `/api/v1/referrals/${ref.id}/forward-to-ppk`, payload: {} });
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().field, 'step');

    advanceDays(2);
    const verified = await bkn.request({ method: 'POST', url: `/api/v1/referrals/${ref.id}/verify`, payload: { note: 'Berkas lengkap.' } });
    assert.equal(verified.statusCode, 200, verified.body);
    assert.equal(verified.json().state, 'diverifikasi');
    const forwarded = await bkn.request({ method: 'POST', url: `/api/v1/referrals/${ref.id}/forward-to-ppk`, payload: {} });
    assert.equal(forwarded.statusCode, 200, forwarded.body);
    assert.equal(forwarded.json().state, 'diteruskan_ppk');
    const ppkStep = forwarded.json().steps.find((s: { step: string }) => s.step === 'tindak_lanjut_ppk');
    assert.ok(ppkStep.dueAt, 'PPK follow-up due date set');
    assert.ok(new Date(ppkStep.dueAt).getTime() - clock.getTime() > 14 * 86_400_000, '14 working days is more than 14 calendar days');

    // Addressed to the catalogue entry suggested from the free text: the PPK officer now sees it.
    assert.deepEqual((await admin.request({ url: `/api/v1/referrals/${ref.id}` })).json().agencyAddress, {
      regionCode: '16.02',
      key: 'bapenda',
      label: 'Badan Pendapatan Daerah',
    });
    const inbox = (await ppkBapenda.request({ url: '/api/v1/referrals' })).json();
    assert.deepEqual(
      inbox.items.map((i: { id: string }) => i.id),
      [ref.id],
    );

    advanceDays(3);
    const decreeDate = today();
    const sanction = await ppkBapenda.request({
      method: 'POST',
      url: `/api/v1/referrals/${ref.id}/sanction`,
      payload: {
        sanction: 'pp94.penurunan_jabatan_12_bulan',
        decreeNumber: '800/123/KEP/BAPENDA/2024',
        decreeDate,
        documentSha256: 'a'.repeat(64),
      },
    });
    assert.equal(sanction.statusCode, 200, sanction.body);
    assert.equal(sanction.json().state, 'diputus');
    assert.equal(sanction.json().sanction.key, 'pp94.penurunan_jabatan_12_bulan');
    assert.equal(sanction.json().sanction.lighterThanProposed, false);
    assert.equal(sanction.json().steps.find((s: { step: string }) => s.step === 'tindak_lanjut_ppk').late, false);

    advanceDays(1);
    const applied = await ppkBapenda.request({ method: 'POST', url: `/api/v1/referrals/${ref.id}/sanction-applied`, payload: {} });
    assert.equal(applied.statusCode, 200, applied.body);
    assert.equal(applied.json().state, 'sanksi_dilaksanakan');

    // Public timeline: recommended → verified → forwarded → decided → applied; position and agency only.
    const pub = (await app.inject({ url: publicUrl })).json();
    assert.deepEqual(
      pub.timeline.map((t: { step: string; done: boolean }) => [t.step, t.done]),
      [
        ['recommended', true],
        ['verified', true],
        ['forwarded_to_ppk', true],
        ['decided', true],
        ['sanction_applied', true],
      ],
    );
    assert.equal(pub.timeline[3].outcome.key, 'pp94.penurunan_jabatan_12_bulan');
    assert.deepEqual(pub.terlapor.position, terlapor.jabatan);
    assert.equal(pub.terlapor.agency, BAPENDA);
    assert.equal(pub.recommendationNumber, ref.recommendationNumber);

    const stats = (await app.inject({ url: '/api/v1/public/referral-stats' })).json();
    const bknStats = stats.byAuthority.find((a: { authority: string }) => a.authority === 'BKN');
    assert.equal(bknStats.decided, 1);
    assert.equal(bknStats.sanctionApplied, 1);
    assert.equal(bknStats.complianceRate, 1);
    assert.equal(bknStats.medianDaysToSanction, 5);
    assert.equal(bknStats.onTimeRate, 1);
    const region = stats.byRegion.find((r: { regionCode: string }) => r.regionCode === '16.02');
    assert.equal(region.regionName, 'Kabupaten Ogan Komering Ilir');

    for (const body of [JSON.stringify(pub), JSON.stringify(stats), pub0.body]) {
      assert.ok(!body.includes(terlapor.nama), 'no terlapor name in public JSON');
      assert.ok(!body.includes(terlapor.nip), 'no NIP in public JSON');
    }

    // The policy setting can show names; admin only, audited.
    assert.equal(
      (await oki.request({ method: 'PUT', url: '/api/v1/policy-settings/public.show_terlapor_names', payload: { value: true } }))
        .statusCode,
      403,
    );
    assert.equal(
      (await admin.request({ method: 'PUT', url: '/api/v1/policy-settings/public.show_terlapor_names', payload: { value: true } }))
        .statusCode,
      200,
    );
    assert.equal((await app.inject({ url: publicUrl })).json().terlapor.name, terlapor.nama);
    await admin.request({ method: 'PUT', url: '/api/v1/policy-settings/public.show_terlapor_names', payload: { value: false } });
    assert.ok(!(await app.inject({ url: publicUrl })).body.includes(terlapor.nama));

    // Audit: every step recorded, no names; chain intact.
    const audit = await ctx().db.query<{ action: string; data: unknown }>(
      'SELECT action, data FROM audit_events WHERE entity_type = $1 AND entity_id = $2 ORDER BY id',
      ['referral', ref.id],
    );
    assert.deepEqual(
      audit.rows.map((r) => r.action),
      ['referral.created', 'referral.verified', 'referral.forwarded_to_ppk', 'referral.sanction', 'referral.sanction_applied'],
    );
    assert.ok(!JSON.stringify(audit.rows).includes(terlapor.nama));
    const caseAudit = await ctx().db.query('SELECT 1 FROM audit_events WHERE action = $1 AND entity_id = $2', ['case.teruskan', caseId]);
    assert.equal(caseAudit.rows.length, 1);
    assert.equal((await verifyAuditChain(ctx().db)).ok, true);
  });

  test('escalation with a controlled clock: overdue BKN and PPK steps reach BKN and the forwarding office; SIASN block only while the PPK has not acted', async () => {
    const { referrals } = await forwardCase(oki, [
      {
        nama: 'Rina Wati',
        nip: '197901012005012003',
        jabatan: 'Kepala Sekolah SMPN 1',
        instansi: DISDIK,
        jenisSubjek: 'PNS',
        kodeWilayah: '16.02',
      },
    ]);
    const id = referrals[0].id;
    const overdueIds = async (s: Session) =>
      (await s.request({ url: '/api/v1/referrals?overdue=true' })).json().items.map((i: { id: string }) => i.id) as string[];

    assert.equal((await runEscalations(ctx().db, clock)).escalated, 0);
    advanceDays(8); // past the 7-day BKN verification
    const first = await runEscalations(ctx().db, clock);
    assert.equal(first.escalated, 1);
    assert.equal((await runEscalations(ctx().db, clock)).escalated, 0, 'idempotent: one escalation per step');
    assert.ok((await overdueIds(bkn)).includes(id));
    assert.ok((await overdueIds(oki)).includes(id));
    assert.ok((await overdueIds(sumsel)).includes(id));
    assert.ok(!(await overdueIds(palembang)).includes(id));
    assert.ok(!(await bkn.request({ url: '/api/v1/referrals?overdue=false' })).json().items.some((i: { id: string }) => i.id === id));
    const bknEsc = (await bkn.request({ url: '/api/v1/referral-escalations' }))
      .json()
      .items.filter((e: { referralId: string }) => e.referralId === id);
    assert.equal(bknEsc.length, 1);
    assert.deepEqual(bknEsc[0].recipients, ['BKN', 'BAWASLU:16.02']);
    assert.equal(bknEsc[0].step, 'verifikasi_bkn');
    assert.equal(
      (await oki.request({ url: '/api/v1/referral-escalations' })).json().items.filter((e: { referralId: string }) => e.referralId === id)
        .length,
      1,
    );
    assert.equal((await palembang.request({ url: '/api/v1/referral-escalations' })).json().items.length, 0);

    // A SIASN block is refused before the PPK has the case.
    assert.equal(
      (await bkn.request({ method: 'POST', url: `/api/v1/referrals/${id}/siasn-block`, payload: { reason: 'PPK tidak menindaklanjuti.' } }))
        .statusCode,
      409,
    );

    // Late verification is recorded as late; the overdue flag clears.
    await bkn.request({ method: 'POST', url: `/api/v1/referrals/${id}/verify`, payload: {} });
    const fwd = (await bkn.request({ method: 'POST', url: `/api/v1/referrals/${id}/forward-to-ppk`, payload: {} })).json();
    assert.equal(fwd.steps.find((s: { step: string }) => s.step === 'verifikasi_bkn').late, true);
    assert.ok(!(await overdueIds(bkn)).includes(id));

    advanceDays(15); // 15 calendar days: still inside 14 working days
    assert.equal((await runEscalations(ctx().db, clock)).escalated, 0);
    advanceDays(10); // now past the PPK follow-up period
    assert.equal((await runEscalations(ctx().db, clock)).escalated, 1);
    assert.ok((await overdueIds(bkn)).includes(id));
    assert.ok((await overdueIds(oki)).includes(id));
    assert.ok((await overdueIds(ppkDisdik)).includes(id));

    // Public stats count the open overdue step as late.
    const stats = (await app.inject({ url: '/api/v1/public/referral-stats' })).json();
    assert.ok(stats.overall.overdueOpen >= 1);
    assert.ok(stats.overall.onTimeRate < 1);

    // Only BKN blocks, and only while the PPK has not acted.
    assert.equal(
      (
        await ppkDisdik.request({
          method: 'POST',
          url: `/api/v1/referrals/${id}/siasn-block`,
          payload: { reason: 'PPK tidak menindaklanjuti.' },
        })
      ).statusCode,
      403,
    );
    const blocked = await bkn.request({
      method: 'POST',
      url: `/api/v1/referrals/${id}/siasn-block`,
      payload: { reason: 'PPK tidak menindaklanjuti dalam tenggat.' },
    });
    assert.equal(blocked.statusCode, 200, blocked.body);
    assert.equal(blocked.json().siasnBlocked, true);
    assert.equal(
      (await bkn.request({ method: 'POST', url: `/api/v1/referrals/${id}/siasn-block`, payload: { reason: 'Ulang.' } })).statusCode,
      409,
    );
    const decided = await ppkDisdik.request({
      method: 'POST',
      url: `/api/v1/referrals/${id}/sanction`,
      payload: { sanction: 'pp94.pernyataan_tidak_puas', decreeNumber: '800/9/DISDIK/2024', decreeDate: today() },
    });
    assert.equal(decided.statusCode, 200, decided.body);
    assert.equal(decided.json().sanction.lighterThanProposed, true);
    assert.equal(decided.json().steps.find((s: { step: string }) => s.step === 'tindak_lanjut_ppk').late, true);
    // The first case's PPK acted long ago: no block.
    assert.equal(
      (await bkn.request({ method: 'POST', url: `/api/v1/referrals/${mainReferralId}/siasn-block`, payload: { reason: 'Tidak relevan.' } }))
        .statusCode,
      409,
    );
  });

  test('access matrix: (role, scope) × (referral) → visible / hidden, in lists and detail', async () => {
    // An incumbent runs again in Ogan Komering Ilir: the PPK there has a conflict of interest.
    await ctx().db.query(
      `INSERT INTO candidate_pairs (election_id, region_code, ballot_number, head_name, deputy_name, is_incumbent) VALUES ('pilkada-2024', '16.02', 1, 'Petahana', 'Wakil', true)`,
    );
    const a = (
      await forwardCase(oki, [
        { nama: 'Anwar', nip: '198001012006041001', jabatan: 'Sekretaris', instansi: BAPENDA, jenisSubjek: 'PNS', kodeWilayah: '16.02' },
      ])
    ).referrals[0];
    const b = (
      await forwardCase(oki, [
        {
          nama: 'Sutrisno',
          jabatan: 'Kepala Desa Sukamaju',
          instansi: 'Pemerintah Desa Sukamaju',
          jenisSubjek: 'kepala_desa',
          kodeWilayah: '16.02.05',
        },
      ])
    ).referrals[0];
    const c = (
      await forwardCase(
        palembang,
        [{ nama: 'Dewi', nip: '198202022008012004', jabatan: 'Guru', instansi: DISDIK_PLG, jenisSubjek: 'PNS', kodeWilayah: '16.71' }],
        { eventRegion: '16.71' },
      )
    ).referrals[0];
    const d = (
      await forwardCase(
        palembang,
        [{ nama: 'Joko', jabatan: 'Lurah', instansi: 'Kelurahan X', jenisSubjek: 'lurah', kodeWilayah: '16.71' }],
        { eventRegion: '16.71', classification: 'pidana' },
      )
    ).referrals[0];
    assert.equal(a.authority, 'BKN');
    assert.equal(b.authority, 'BUPATI_WALIKOTA');
    assert.equal(b.agency, PEMKAB_OKI);
    assert.equal(c.authority, 'BKN');
    assert.equal(d.authority, 'GAKKUMDU');
    assert.equal(a.conflictOfInterest, true);
    assert.equal(b.conflictOfInterest, true);
    assert.equal(c.conflictOfInterest, false);
    // Gakkumdu: 1×24 jam from the decision.
    const dDetail = (await admin.request({ url: `/api/v1/referrals/${d.id}` })).json();
    assert.equal(
      new Date(dDetail.steps.find((s: { step: string }) => s.step === 'penerimaan_instansi').dueAt).getTime(),
      clock.getTime() + 86_400_000,
    );
    // Desa: the bupati's letter.
    assert.match((await admin.request({ url: `/api/v1/referrals/${b.id}/letter` })).json().addressee, /^Bupati Ogan Komering Ilir$/);

    for (const r of [a, c]) {
      await bkn.request({ method: 'POST', url: `/api/v1/referrals/${r.id}/verify`, payload: {} });
      assert.equal((await bkn.request({ method: 'POST', url: `/api/v1/referrals/${r.id}/forward-to-ppk`, payload: {} })).statusCode, 200);
    }
    const sessions: Record<string, Session> = {
      bkn,
      ppkBapenda,
      ppkDisdik,
      ppkDisdikPlg,
      pemkabOki,
      oki,
      palembang,
      sumsel,
      analyst,
      admin,
    };
    const referralsByName = { a, b, c, d };
    const matrix: [string, Record<keyof typeof referralsByName, boolean>][] = [
      ['bkn', { a: true, b: false, c: true, d: false }],
      ['ppkBapenda', { a: true, b: false, c: false, d: false }],
      ['ppkDisdikPlg', { a: false, b: false, c: true, d: false }],
      ['ppkDisdik', { a: false, b: false, c: false, d: false }],
      ['pemkabOki', { a: false, b: true, c: false, d: false }],
      ['oki', { a: true, b: true, c: false, d: false }],
      ['palembang', { a: false, b: false, c: true, d: true }],
      ['sumsel', { a: true, b: true, c: true, d: true }],
      ['analyst', { a: true, b: true, c: true, d: true }],
      ['admin', { a: true, b: true, c: true, d: true }],
    ];
    for (const [name, expected] of matrix) {
      const listed = new Set(
        (await sessions[name].request({ url: '/api/v1/referrals?limit=200' })).json().items.map((i: { id: string }) => i.id),
      );
      for (const [refName, visible] of Object.entries(expected)) {
        const r = referralsByName[refName as keyof typeof referralsByName];
        assert.equal(listed.has(r.id), visible, `${name} lists ${refName}: expected ${visible}`);
        const detail = await sessions[name].request({ url: `/api/v1/referrals/${r.id}` });
        assert.equal(detail.statusCode, visible ? 200 : 404, `${name} opens ${refName}`);
      }
    }
    // Analysts read without identity; the PPK of the desa case records a UU Desa sanction, not a PP 94 one.
    assert.equal((await analyst.request({ url: `/api/v1/referrals/${a.id}` })).json().terlapor.name, undefined);
    const wrong = await pemkabOki.request({
      method: 'POST',
      url: `/api/v1/referrals/${b.id}/sanction`,
      payload: { sanction: 'pp94.teguran_lisan', decreeNumber: '141/1/2024', decreeDate: today() },
    });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().field, 'sanction');
    const right = await pemkabOki.request({
      method: 'POST',
      url: `/api/v1/referrals/${b.id}/sanction`,
      payload: { sanction: 'desa.teguran_tertulis', decreeNumber: '141/1/2024', decreeDate: today() },
    });
    assert.equal(right.statusCode, 200, right.body);
    // Filters.
    const bknOnly = (await admin.request({ url: '/api/v1/referrals?authority=GAKKUMDU&limit=200' })).json();
    assert.ok(bknOnly.items.every((i: { authority: string }) => i.authority === 'GAKKUMDU'));
    const region = (await admin.request({ url: '/api/v1/referrals?region=16.71&limit=200' })).json();
    assert.deepEqual(new Set(region.items.map((i: { id: string }) => i.id)), new Set([c.id, d.id]));
    assert.ok(
      (await admin.request({ url: '/api/v1/referrals?state=diputus&limit=200' })).json().items.some((i: { id: string }) => i.id === b.id),
    );
  });

  test('PPK scope is one catalogue entry: same instansi of another kabupaten is invisible; no PPK without region; out of scope = missing', async () => {
    // A PPK account without a region (the old nationwide hole), or with a free-text agency, is refused.
    const create = (body: Record<string, unknown>) =>
      admin.request({
        method: 'POST',
        url: '/api/v1/users',
        payload: { username: `ppk_${randomUUID().slice(0, 8)}`, password: 'kata-sandi-rahasia-123', role: 'ppk', ...body },
      });
    const noRegion = await create({ agency: 'dinas_pendidikan' });
    assert.equal(noRegion.statusCode, 400, noRegion.body);
    assert.equal(noRegion.json().field, 'region');
    const freeText = await create({ agency: 'Dinas Pendidikan', regionCode: '16.02' });
    assert.equal(freeText.statusCode, 400, freeText.body);
    assert.equal(freeText.json().field, 'agency');
    await assert.rejects(buildUser(ctx().db, { role: 'ppk', agency: 'dinas_pendidikan' }), (e: { field?: string }) => e.field === 'region');

    // Two referrals whose reporters wrote just "Dinas Pendidikan": one in OKI (16.02), one in Palembang (16.71).
    const oki1 = (
      await forwardCase(oki, [
        {
          nama: 'Guru Satu',
          nip: '198801012010011001',
          jabatan: 'Guru',
          instansi: 'Dinas Pendidikan',
          jenisSubjek: 'PNS',
          kodeWilayah: '16.02',
        },
      ])
    ).referrals[0];
    const plg1 = (
      await forwardCase(
        palembang,
        [
          {
            nama: 'Guru Dua',
            nip: '198801012010011002',
            jabatan: 'Guru',
            instansi: 'dinas pendidikan',
            jenisSubjek: 'PNS',
            kodeWilayah: '16.71',
          },
        ],
        { eventRegion: '16.71' },
      )
    ).referrals[0];
    for (const r of [oki1, plg1]) {
      await bkn.request({ method: 'POST', url: `/api/v1/referrals/${r.id}/verify`, payload: {} });
      assert.equal((await bkn.request({ method: 'POST', url: `/api/v1/referrals/${r.id}/forward-to-ppk`, payload: {} })).statusCode, 200);
    }
    const listed = (await ppkDisdik.request({ url: '/api/v1/referrals?limit=200' })).json().items.map((i: { id: string }) => i.id);
    assert.ok(listed.includes(oki1.id));
    assert.ok(!listed.includes(plg1.id), 'Dinas Pendidikan OKI must not see Dinas Pendidikan Palembang');
    // Out of scope answers byte-for-byte like a referral that does not exist.
    const foreign = await ppkDisdik.request({ url: `/api/v1/referrals/${plg1.id}` });
    const absent = await ppkDisdik.request({ url: `/api/v1/referrals/${randomUUID()}` });
    assert.equal(foreign.statusCode, 404);
    assert.equal(foreign.body, absent.body);
    const foreignLetter = await ppkDisdik.request({ url: `/api/v1/referrals/${plg1.id}/letter` });
    assert.equal(foreignLetter.body, (await ppkDisdik.request({ url: `/api/v1/referrals/${randomUUID()}/letter` })).body);
    assert.equal((await ppkDisdikPlg.request({ url: `/api/v1/referrals/${plg1.id}` })).statusCode, 200);

    // The supervisor chooses the entry: a school under the provincial education office.
    const prov = (
      await forwardCase(
        palembang,
        [
          {
            nama: 'Guru Tiga',
            nip: '198801012010011003',
            jabatan: 'Guru SMA',
            instansi: 'SMA Negeri 1 Palembang',
            jenisSubjek: 'PNS',
            kodeWilayah: '16.71',
          },
        ],
        { eventRegion: '16.71', alamat: [{ kodeWilayah: '16', instansi: 'dinas_pendidikan' }] },
      )
    ).referrals[0];
    assert.deepEqual((await admin.request({ url: `/api/v1/referrals/${prov.id}` })).json().agencyAddress, {
      regionCode: '16',
      key: 'dinas_pendidikan',
      label: 'Dinas Pendidikan',
    });
    const audit = await ctx().db.query<{ data: { agencyAddress: unknown } }>(
      `SELECT data FROM audit_events WHERE action = 'referral.created' AND entity_id = $1`,
      [prov.id],
    );
    assert.deepEqual(audit.rows[0].data.agencyAddress, { regionCode: '16', key: 'dinas_pendidikan', by: 'supervisor' });

    // An address that is not a catalogue entry is refused, naming the field; nothing is forwarded.
    const input = buildLaporanInput({
      terlapor: [{ nama: 'Guru Empat', jabatan: 'Guru', instansi: 'Dinas Pendidikan', jenisSubjek: 'PNS', kodeWilayah: '16.02' }] as never,
      peristiwa: {
        kodeWilayah: '16.02.05',
        tanggalKejadian: addDaysToLocalDate(today(), -2),
        tanggalDiketahui: addDaysToLocalDate(today(), -1),
      },
    });
    const caseId = (await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: input })).json().id as string;
    for (const action of ['registrasi', 'kaji'])
      await oki.request({ method: 'POST', url: `/api/v1/cases/${caseId}/actions`, payload: { action } });
    const terlaporId = Number((await oki.request({ url: `/api/v1/cases/${caseId}` })).json().terlapor[0].id);
    const teruskan = (alamat: Record<string, unknown>) =>
      oki.request({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/actions`,
        payload: { action: 'teruskan', classification: 'peraturan_lainnya', alamatInstansi: [{ terlaporId, ...alamat }] },
      });
    for (const [alamat, field] of [
      [{ kodeWilayah: '16.02.05', instansi: 'dinas_pendidikan' }, 'alamatInstansi.0.kodeWilayah'],
      [{ kodeWilayah: '16', instansi: 'kecamatan' }, 'alamatInstansi.0.instansi'],
      [{ kodeWilayah: '16.02', instansi: 'Dinas Pendidikan' }, 'alamatInstansi.0.instansi'],
      [{ kodeWilayah: '16.02', instansi: 'dinas_pendidikan', terlaporId: terlaporId + 100_000 }, 'alamatInstansi.0.terlaporId'],
    ] as const) {
      const res = await teruskan(alamat);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().field, field);
    }
    assert.equal((await admin.request({ url: `/api/v1/referrals?caseId=${caseId}` })).json().items.length, 0);
  });

  test('agency API: scoped tokens; bad input (404, 401, 400 sanction, 400 decreeDate) changes nothing; updates audited with the token id', async () => {
    const { caseId: agencyCaseId, referrals } = await forwardCase(oki, [
      {
        nama: 'Hasan Basri',
        nip: '198105052009011005',
        jabatan: 'Kepala Puskesmas',
        instansi: DINKES,
        jenisSubjek: 'PNS',
        kodeWilayah: '16.02',
      },
    ]);
    const id = referrals[0].id;
    const recommendedOn = today();

    assert.equal(
      (await oki.request({ method: 'POST', url: '/api/v1/agency-tokens', payload: { authority: 'BKN', label: 'SIASN' } })).statusCode,
      403,
    );
    const create = async (payload: Record<string, unknown>) => {
      const res = await admin.request({ method: 'POST', url: '/api/v1/agency-tokens', payload });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: string; token: string };
    };
    assert.equal(
      (
        await admin.request({
          method: 'POST',
          url: '/api/v1/agency-tokens',
          payload: { authority: 'PPK', regionCode: '16.02', label: 'tanpa instansi' },
        })
      ).json().field,
      'agency',
    );
    // One authority vocabulary (issue 12): KASN is in it (old referrals) but gets no token.
    const kasn = await admin.request({ method: 'POST', url: '/api/v1/agency-tokens', payload: { authority: 'KASN', label: 'KASN lama' } });
    assert.equal(kasn.statusCode, 400);
    assert.equal(kasn.json().field, 'authority');
    const bknToken = await create({ authority: 'BKN', label: 'BKN SBT' });
    // A PPK token is a catalogue entry: region of the pemerintah daerah + instansi key, both required.
    const noRegion = await admin.request({
      method: 'POST',
      url: '/api/v1/agency-tokens',
      payload: { authority: 'PPK', agency: 'dinas_kesehatan', label: 'tanpa wilayah' },
    });
    assert.equal(noRegion.statusCode, 400);
    assert.equal(noRegion.json().field, 'regionCode');
    const freeText = await admin.request({
      method: 'POST',
      url: '/api/v1/agency-tokens',
      payload: { authority: 'PPK', agency: 'Dinas Kesehatan', regionCode: '16.02', label: 'teks bebas' },
    });
    assert.equal(freeText.statusCode, 400);
    assert.equal(freeText.json().field, 'agency');
    const kecamatanLevel = await admin.request({
      method: 'POST',
      url: '/api/v1/agency-tokens',
      payload: { authority: 'PPK', agency: 'dinas_kesehatan', regionCode: '16.02.05', label: 'kecamatan' },
    });
    assert.equal(kecamatanLevel.statusCode, 400);
    assert.equal(kecamatanLevel.json().field, 'regionCode');
    const ppkToken = await create({ authority: 'PPK', agency: 'dinas_kesehatan', regionCode: '16.02', label: 'SIMPEG Dinkes OKI' });
    const ppkTokenPlg = await create({
      authority: 'PPK',
      agency: 'dinas_kesehatan',
      regionCode: '16.71',
      label: 'SIMPEG Dinkes Palembang',
    });
    const gakkumduToken = await create({ authority: 'GAKKUMDU', regionCode: '16.71', label: 'Gakkumdu Palembang' });
    const tokens = (await admin.request({ url: '/api/v1/agency-tokens' })).json();
    assert.ok(!JSON.stringify(tokens).includes(bknToken.token), 'token shown once, stored hashed');
    const stored = await ctx().db.query<{ token_hash: string }>('SELECT token_hash FROM agency_tokens WHERE id = $1', [bknToken.id]);
    assert.notEqual(stored.rows[0].token_hash, bknToken.token);

    const call = (token: string, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
      app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

    // Scope: BKN sees BKN referrals only; the PPK token sees nothing until BKN forwards.
    const bknList = (await call(bknToken.token, 'GET', '/api/v1/agency/referrals?limit=200')).json();
    assert.ok(bknList.items.length > 0 && bknList.items.every((i: { authority: string }) => i.authority === 'BKN'));
    assert.equal((await call(ppkToken.token, 'GET', '/api/v1/agency/referrals')).json().items.length, 0);
    const gakkumduList = (await call(gakkumduToken.token, 'GET', '/api/v1/agency/referrals')).json();
    assert.ok(
      gakkumduList.items.every(
        (i: { authority: string; regionCode: string }) => i.authority === 'GAKKUMDU' && i.regionCode.startsWith('16.71'),
      ),
    );

    // Steps are reported in the referral's state words; an unknown word is a 400 naming `step`.
    const unknownStep = await call(bknToken.token, 'POST', `/api/v1/agency/referrals/${id}/status`, { step: 'verifikasi' });
    assert.equal(unknownStep.statusCode, 400);
    assert.equal(unknownStep.json().field, 'step');
    const verified = await call(bknToken.token, 'POST', `/api/v1/agency/referrals/${id}/status`, { step: 'diverifikasi' });
    assert.equal(verified.json().state, 'diverifikasi');
    assert.equal(
      (await call(bknToken.token, 'POST', `/api/v1/agency/referrals/${id}/status`, { step: 'diteruskan_ppk' })).json().state,
      'diteruskan_ppk',
    );
    // The same authority word filters the staff inbox: PPK = ASN referrals BKN forwarded to a PPK.
    const forwarded = (await admin.request({ url: `/api/v1/referrals?authority=PPK&caseId=${agencyCaseId}` })).json();
    assert.deepEqual(
      forwarded.items.map((i: { id: string }) => i.id),
      [id],
    );
    assert.equal((await admin.request({ url: '/api/v1/referrals?authority=KASN' })).statusCode, 200);
    assert.equal((await admin.request({ url: '/api/v1/referrals?authority=SATPOL' })).json().field, 'authority');
    assert.equal((await call(ppkToken.token, 'GET', '/api/v1/agency/referrals')).json().items.length, 1);
    // The same instansi of another pemerintah daerah sees nothing; its 404 equals a missing referral's.
    assert.equal((await call(ppkTokenPlg.token, 'GET', '/api/v1/agency/referrals')).json().items.length, 0);
    const foreign = await call(ppkTokenPlg.token, 'GET', `/api/v1/agency/referrals/${id}`);
    const absent = await call(ppkTokenPlg.token, 'GET', `/api/v1/agency/referrals/${randomUUID()}`);
    assert.equal(foreign.statusCode, 404);
    assert.equal(foreign.body, absent.body);

    const snapshot = async () =>
      JSON.stringify({
        referral: (await ctx().db.query('SELECT state, decided_at, updated_at FROM referrals WHERE id = $1', [id])).rows,
        steps: (await ctx().db.query('SELECT step, done_at FROM referral_steps WHERE referral_id = $1 ORDER BY id', [id])).rows,
        sanctions: (await ctx().db.query('SELECT count(*)::int AS n FROM sanctions WHERE referral_id = $1', [id])).rows,
        audit: (await ctx().db.query('SELECT count(*)::int AS n FROM audit_events')).rows,
      });
    const before = await snapshot();
    const good = { step: 'diputus', sanction: 'pp94.potongan_tukin_25_12_bulan', decreeNumber: '800/77/DINKES/2024', decreeDate: today() };

    const unknown = await call(ppkToken.token, 'POST', `/api/v1/agency/referrals/${randomUUID()}/status`, good);
    assert.equal(unknown.statusCode, 404);
    const wrongToken = await call('ntr_bukan-token-yang-sah', 'POST', `/api/v1/agency/referrals/${id}/status`, good);
    assert.equal(wrongToken.statusCode, 401);
    assert.equal((await app.inject({ method: 'POST', url: `/api/v1/agency/referrals/${id}/status`, payload: good })).statusCode, 401);
    const noSuchPenalty = await call(ppkToken.token, 'POST', `/api/v1/agency/referrals/${id}/status`, {
      ...good,
      sanction: 'pp94.kerja_sosial_3_bulan',
    });
    assert.equal(noSuchPenalty.statusCode, 400);
    assert.equal(noSuchPenalty.json().field, 'sanction');
    const otherRegime = await call(ppkToken.token, 'POST', `/api/v1/agency/referrals/${id}/status`, {
      ...good,
      sanction: 'desa.pemberhentian',
    });
    assert.equal(otherRegime.json().field, 'sanction');
    const tooEarly = await call(ppkToken.token, 'POST', `/api/v1/agency/referrals/${id}/status`, {
      ...good,
      decreeDate: addDaysToLocalDate(recommendedOn, -1),
    });
    assert.equal(tooEarly.statusCode, 400);
    assert.equal(tooEarly.json().field, 'decreeDate');
    const future = await call(ppkToken.token, 'POST', `/api/v1/agency/referrals/${id}/status`, {
      ...good,
      decreeDate: addDaysToLocalDate(today(), 1),
    });
    assert.equal(future.json().field, 'decreeDate');
    // BKN's token may not decide a sanction; the Gakkumdu token does not even see it.
    assert.equal((await call(bknToken.token, 'POST', `/api/v1/agency/referrals/${id}/status`, good)).statusCode, 403);
    assert.equal((await call(gakkumduToken.token, 'POST', `/api/v1/agency/referrals/${id}/status`, good)).statusCode, 404);
    assert.equal(await snapshot(), before, 'bad input changed nothing');

    const ok = await call(ppkToken.token, 'POST', `/api/v1/agency/referrals/${id}/status`, good);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().state, 'diputus');
    // The English spelling of the first agency API is still accepted (deprecated).
    const applied = await call(ppkToken.token, 'POST', `/api/v1/agency/referrals/${id}/status`, { step: 'sanction_applied' });
    assert.equal(applied.json().state, 'sanksi_dilaksanakan');
    const audit = await ctx().db.query<{ action: string; actor_id: string; actor_role: string }>(
      `SELECT action, actor_id, actor_role FROM audit_events WHERE entity_type = 'referral' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    assert.deepEqual(
      audit.rows.slice(1).map((r) => [r.action, r.actor_id, r.actor_role]),
      [
        ['referral.verified', `agency_token:${bknToken.id}`, 'agency_token'],
        ['referral.forwarded_to_ppk', `agency_token:${bknToken.id}`, 'agency_token'],
        ['referral.sanction', `agency_token:${ppkToken.id}`, 'agency_token'],
        ['referral.sanction_applied', `agency_token:${ppkToken.id}`, 'agency_token'],
      ],
    );

    // Revoked tokens stop working.
    assert.equal(
      (await admin.request({ method: 'POST', url: `/api/v1/agency-tokens/${ppkToken.id}/revoke`, payload: {} })).statusCode,
      200,
    );
    assert.equal((await call(ppkToken.token, 'GET', '/api/v1/agency/referrals')).statusCode, 401);
    assert.equal((await verifyAuditChain(ctx().db)).ok, true);
  });
});
