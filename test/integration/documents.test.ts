import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { PDFDocument } from 'pdf-lib';
import { pdfText } from '../support/pdfText.ts';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp, buildUser, signIn, type Session } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { jpeg } from '../unit/evidence-fixtures.ts';

// 10 Oct 2024 10:00 WIB, during the Pilkada 2024 campaign.
let clock = new Date('2024-10-10T03:00:00Z');
const advance = (hours: number) => {
  clock = new Date(clock.getTime() + hours * 3_600_000);
};

async function readPdf(res: { statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer; body: string }) {
  assert.equal(res.statusCode, 200, res.body.slice(0, 300));
  assert.equal(res.headers['content-type'], 'application/pdf');
  assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const doc = await PDFDocument.load(res.rawPayload);
  assert.ok(doc.getPageCount() >= 1);
  // Wrapped lines are joined with spaces so phrases broken across lines are still found.
  return { text: pdfText(res.rawPayload).replace(/\s+/g, ' '), raw: res.rawPayload.toString('latin1'), pages: doc.getPageCount() };
}

describeEachBackend('case documents (PDF)', (ctx) => {
  let app: FastifyInstance;
  let oki: Session;
  let palembang: Session;
  const NIK = '1602015508900001';
  const NAME = 'Siti Aminah Rahmawati';
  let caseId: string;
  let receipt: { trackingCode: string; pin: string };
  let evidenceSha: string;

  before(async () => {
    clock = new Date('2024-10-10T03:00:00Z');
    app = await buildTestApp(ctx().db, { now: () => clock });
    const a = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '16.02' });
    oki = await signIn(app, a.username, a.password);
    const b = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '16.71' });
    palembang = await signIn(app, b.username, b.password);

    const boundary = 'netraboundary1234';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="foto kampanye.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      jpeg({ width: 16, height: 16 }),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    assert.equal(up.statusCode, 201, up.body);
    evidenceSha = up.json().sha256;

    const input = buildLaporanInput({
      pelapor: { nama: NAME, nik: NIK },
      bukti: [up.json().id],
      // Emoji, CJK and typographic characters must not break the PDFs.
      uraian:
        'Terlapor hadir dan berorasi “mendukung” paslon nomor urut 1 – kampanye terbuka 2×24 jam 😀👍 中文 テスト di lapangan kecamatan.',
    });
    const res = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: input });
    assert.equal(res.statusCode, 201, res.body);
    receipt = res.json();
    const queue = (await oki.request({ url: '/api/v1/cases' })).json();
    caseId = queue.items.find((i: { trackingCode: string }) => i.trackingCode === receipt.trackingCode).id;
  });
  after(async () => {
    await app.close();
  });

  const staffPdf = (kind: string, session = oki, query = '') =>
    session.request({ url: `/api/v1/cases/${caseId}/documents/${kind}.pdf${query}` });
  const act = (body: Record<string, unknown>) => oki.request({ method: 'POST', url: `/api/v1/cases/${caseId}/actions`, payload: body });

  test('the reporter downloads the receipt with code + PIN: name, code, time, office, evidence', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/lacak/tanda-bukti',
      payload: { kode: receipt.trackingCode, pin: receipt.pin },
    });
    if (process.env.NETRA_DUMP_PDF)
      (await import('node:fs')).writeFileSync(`${process.env.NETRA_DUMP_PDF}/tanda-bukti.pdf`, res.rawPayload);
    const pdf = await readPdf(res);
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="tanda-bukti-NTR-/);
    assert.ok(pdf.text.includes('TANDA BUKTI PENYAMPAIAN LAPORAN'));
    assert.ok(pdf.text.includes(receipt.trackingCode));
    assert.ok(pdf.text.includes(NAME), 'the pelapor reads their own name');
    assert.ok(pdf.text.includes('10 Oktober 2024 10.00 WIB'));
    assert.ok(pdf.text.includes('Bawaslu Kabupaten Ogan Komering Ilir'));
    assert.ok(pdf.text.includes('Kepala Bidang Pendapatan'));
    assert.ok(pdf.text.includes(evidenceSha.slice(0, 16)), 'evidence SHA-256 listed');
    // Filed on time: no filing deadline after the fact (issue 13), and the signature stays on page 1.
    assert.ok(
      !pdf.text.includes('15 Oktober 2024 23.59 WIB') && !pdf.text.includes('Batas waktu penyampaian'),
      'no filing deadline once filed on time',
    );
    assert.ok(pdf.text.includes('"mendukung"') && pdf.text.includes('2x24 jam'), 'typography transliterated');
    assert.ok(!pdf.text.includes(NIK) && !pdf.raw.includes(NIK), 'no NIK');
    assert.ok(!pdf.text.includes(`PIN ${receipt.pin}`));
    assert.match(pdf.text, /SHA-256 data dokumen: [0-9a-f]{64}/);
    assert.match(pdf.text, /Halaman 1 dari 1\b/, 'one page: the signature is not alone on page 2');
  });

  test('wrong PIN → 401; malformed body → 400', async () => {
    const wrongPin = receipt.pin === '000000' ? '111111' : '000000';
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/lacak/tanda-bukti',
      payload: { kode: receipt.trackingCode, pin: wrongPin },
    });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().field, 'pin');
    const bad = await app.inject({ method: 'POST', url: '/api/v1/lacak/tanda-bukti', payload: { kode: 'x', pin: '1' } });
    assert.equal(bad.statusCode, 400);
  });

  test('staff receipt hides the name unless a reason is given (audited); never the NIK', async () => {
    const plain = await readPdf(await staffPdf('tanda-bukti'));
    assert.ok(plain.text.includes(receipt.trackingCode));
    assert.ok(!plain.text.includes(NAME) && plain.text.includes('(dirahasiakan)'));
    assert.ok(!plain.raw.includes(NIK) && !plain.text.includes(NIK));
    const reason = 'Mencetak tanda bukti untuk berkas fisik pelapor';
    const named = await readPdf(
      await oki.request({ method: 'POST', url: `/api/v1/cases/${caseId}/documents/tanda-bukti.pdf`, payload: { reason } }),
    );
    assert.ok(named.text.includes(NAME));
    assert.ok(!named.text.includes(NIK));
    const audit = await ctx().db.query<{ data: { via?: string; reason?: string } }>(
      "SELECT data FROM audit_events WHERE entity_id = $1 AND action = 'case.reporter_identity_read'",
      [caseId],
    );
    assert.equal(audit.rows.length, 1);
    assert.equal(audit.rows[0].data.via, 'document:tanda-bukti');
    assert.equal(audit.rows[0].data.reason, reason);
  });

  // Issue 11 item 6: a cross-site link (GET) made the officer's browser reveal the name and write
  // an audit row with the attacker's reason. Only a POST with the CSRF header and a real reason may.
  test('reveal by link is refused: GET ?reason= → 405 and no audit row; POST needs CSRF and a reason with content', async () => {
    const reads = async () =>
      (await ctx().db.query("SELECT id FROM audit_events WHERE entity_id = $1 AND action = 'case.reporter_identity_read'", [caseId])).rows
        .length;
    const before = await reads();
    const url = `/api/v1/cases/${caseId}/documents/tanda-bukti.pdf`;
    const byLink = await staffPdf('tanda-bukti', oki, `?reason=${encodeURIComponent('Alasan pilihan penyerang dari situs lain')}`);
    assert.equal(byLink.statusCode, 405);
    assert.match(String(byLink.headers['content-type']), /^application\/problem\+json/);
    assert.equal(byLink.json().code, 'method_not_allowed');
    assert.equal(byLink.json().field, 'reason');
    assert.ok(!byLink.rawPayload.toString('latin1').includes(NAME));

    const noCsrf = await app.inject({
      method: 'POST',
      url,
      payload: { reason: 'Mencetak tanda bukti untuk berkas fisik pelapor' },
      headers: { cookie: oki.cookie },
    });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(noCsrf.json().code, 'csrf_failed');

    for (const junk of ['aaaaaaaaaa', '...', '..........', '1234567890', '   abababababab  ', '']) {
      const res = await oki.request({ method: 'POST', url, payload: { reason: junk } });
      assert.equal(res.statusCode, 400, `${JSON.stringify(junk)}: ${res.body}`);
      assert.equal(res.json().field, 'reason', junk);
    }
    assert.equal((await oki.request({ method: 'POST', url, payload: {} })).json().field, 'reason');
    // The identity endpoint takes the same rule.
    const junkIdentity = await oki.request({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/reporter-identity`,
      payload: { reason: 'xxxxxxxxxxxxxxx' },
    });
    assert.equal(junkIdentity.statusCode, 400);
    assert.equal(junkIdentity.json().field, 'reason');
    assert.equal(await reads(), before, 'nothing refused was audited as a read');

    const ok = await oki.request({ method: 'POST', url, payload: { reason: 'Salinan tanda bukti diminta pelapor di kantor' } });
    assert.ok((await readPdf(ok)).text.includes(NAME));
    assert.equal(ok.headers['cache-control'], 'no-store');
    const last = await ctx().db.query<{ data: { reason: string } }>(
      "SELECT data FROM audit_events WHERE entity_id = $1 AND action = 'case.reporter_identity_read' ORDER BY id DESC LIMIT 1",
      [caseId],
    );
    assert.equal(await reads(), before + 1);
    assert.equal(last.rows[0].data.reason, 'Salinan tanda bukti diminta pelapor di kantor');
  });

  test('authenticated answers carry Cache-Control: no-store (case detail, identity, sign-in); public answers keep their caching', async () => {
    const detail = await oki.request({ url: `/api/v1/cases/${caseId}` });
    assert.equal(detail.statusCode, 200);
    assert.equal(detail.headers['cache-control'], 'no-store');
    const identity = await oki.request({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/reporter-identity`,
      payload: { reason: 'Klarifikasi kepada pelapor tentang bukti' },
    });
    assert.equal(identity.statusCode, 200);
    assert.equal(identity.headers['cache-control'], 'no-store');
    const refused = await oki.request({ url: `/api/v1/cases/${caseId}/nope` });
    assert.equal(refused.headers['cache-control'], 'no-store');
    const a = await buildUser(ctx().db, { role: 'analyst' });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: a.username, password: a.password } });
    assert.equal(login.statusCode, 200);
    assert.equal(login.headers['cache-control'], 'no-store');
    const tracking = await app.inject({ method: 'POST', url: '/api/v1/lacak', payload: { kode: receipt.trackingCode, pin: receipt.pin } });
    assert.equal(tracking.headers['cache-control'], 'no-store');
    const anonymous = await app.inject({ url: '/api/v1/public/announcements' });
    assert.equal(anonymous.statusCode, 200);
    assert.equal(anonymous.headers['cache-control'], 'public, max-age=30');
    assert.equal((await oki.request({ url: '/api/v1/public/announcements' })).headers['cache-control'], 'no-store');
  });

  test('documents that do not apply yet → 404; unknown kind → 400; foreign office → 404', async () => {
    for (const kind of ['pemberitahuan-kelengkapan', 'formulir-temuan', 'kajian']) {
      const res = await staffPdf(kind);
      assert.equal(res.statusCode, 404, kind);
      assert.equal(res.json().code, 'not_found');
    }
    assert.equal((await staffPdf('rahasia')).statusCode, 400);
    for (const kind of ['tanda-bukti', 'pemberitahuan-status']) {
      assert.equal((await staffPdf(kind, palembang)).statusCode, 404, `foreign ${kind}`);
    }
    assert.equal((await app.inject({ url: `/api/v1/cases/${caseId}/documents/tanda-bukti.pdf` })).statusCode, 401);
  });

  test('completion request, status notice and kajian follow the case', async () => {
    assert.equal((await act({ action: 'minta_kelengkapan', reason: 'Lengkapi foto kegiatan – dan nama saksi kedua.' })).statusCode, 200);
    const completion = await readPdf(await staffPdf('pemberitahuan-kelengkapan'));
    assert.ok(completion.text.includes('PEMBERITAHUAN KELENGKAPAN LAPORAN'));
    assert.ok(completion.text.includes('Lengkapi foto kegiatan - dan nama saksi kedua.'));
    assert.ok(completion.text.includes('12 Oktober 2024 10.00 WIB'), '2x24 hours');
    advance(20);
    assert.equal((await act({ action: 'lengkapi' })).statusCode, 200);
    const registered = (await act({ action: 'registrasi' })).json();
    assert.equal((await act({ action: 'klarifikasi' })).statusCode, 200);
    const KAJIAN = 'Fakta: terlapor hadir dan berorasi pada kampanye terbuka; keterangan dua saksi dan video saling menguatkan.';
    assert.equal((await act({ action: 'kaji', kajian: 'terlalu pendek' })).json().field, 'kajian', 'an assessment has substance');
    assert.equal((await act({ action: 'kaji', kajian: KAJIAN })).statusCode, 200);
    const audited = await ctx().db.query<{ data: Record<string, unknown> }>(
      `SELECT data FROM audit_events WHERE entity_id = $1 AND action = 'case.kaji'`,
      [caseId],
    );
    assert.equal(audited.rows[0].data.kajianChars, KAJIAN.length, 'the audit row counts the assessment, the case event keeps it');
    assert.ok(!JSON.stringify(audited.rows[0].data).includes('berorasi'));
    assert.equal(
      (
        await act({
          action: 'teruskan',
          classification: 'peraturan_lainnya',
          summary: 'Terbukti hadir dan berorasi dalam kampanye terbuka.',
        })
      ).statusCode,
      200,
    );

    const status = await readPdf(await staffPdf('pemberitahuan-status'));
    assert.ok(status.text.includes('PEMBERITAHUAN STATUS LAPORAN'));
    assert.ok(status.text.includes(registered.registrationNumber));
    assert.ok(status.text.includes('Diteruskan'));

    const kajianRes = await staffPdf('kajian');
    if (process.env.NETRA_DUMP_PDF)
      (await import('node:fs')).writeFileSync(`${process.env.NETRA_DUMP_PDF}/kajian.pdf`, kajianRes.rawPayload);
    const kajian = await readPdf(kajianRes);
    assert.ok(kajian.text.includes('KAJIAN DUGAAN PELANGGARAN'));
    assert.ok(kajian.text.includes(registered.registrationNumber));
    assert.ok(kajian.text.includes('Budi Santoso'), 'terlapor named in the kajian');
    assert.ok(kajian.text.includes('SKB Netralitas ASN 2022 Lampiran II'), 'SKB citation');
    assert.ok(kajian.text.includes('Pasal 134 ayat (5)'), 'deadline legal source');
    assert.ok(kajian.text.includes('Terbukti hadir dan berorasi'));
    assert.ok(kajian.text.includes('VI. KAJIAN') || kajian.text.includes('VI. Kajian'), 'the assessment has its section');
    assert.ok(kajian.text.includes('keterangan dua saksi dan video saling menguatkan'), 'the assessment text is printed');
    assert.ok(!kajian.text.includes('Lengkapi foto kegiatan'), 'a stale reason from an earlier action is not shown');
    assert.ok(/BKN|Badan Kepegawaian/.test(kajian.text), 'referral authority');

    for (const kind of ['tanda-bukti', 'pemberitahuan-kelengkapan', 'pemberitahuan-status', 'kajian']) {
      const res = await staffPdf(kind);
      assert.equal(res.statusCode, 200, kind);
      assert.ok(
        !pdfText(res.rawPayload).includes(NIK) && !res.rawPayload.toString('latin1').includes(NIK),
        `${kind} must not carry the NIK`,
      );
      assert.ok(!pdfText(res.rawPayload).includes(NAME), `${kind} must not carry the name`);
    }
    assert.equal((await staffPdf('formulir-temuan')).statusCode, 404, 'no temuan form for a laporan');
  });

  test('temuan: formulir temuan once set in pleno; no receipt or status notice', async () => {
    const created = await oki.request({
      method: 'POST',
      url: '/api/v1/temuan',
      payload: {
        sumber: 'patroli_siber',
        judul: 'Unggahan dukungan paslon oleh camat',
        uraian: 'Camat mengunggah foto bersama paslon dengan pose jari dua di akun resmi.',
        kodeWilayah: '16.02.05',
        tempat: 'Instagram @camat.contoh',
        tanggalKejadian: '2024-10-09',
        tanggalDiketahui: '2024-10-09',
        perbuatan: ['foto_bersama'],
        terlapor: [
          { nama: 'Ahmad Camat', nip: '197001011990031001', jabatan: 'Camat', instansi: 'Kecamatan Kayuagung', jenisSubjek: 'camat' },
        ],
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id;
    const temuanPdf = (kind: string) => oki.request({ url: `/api/v1/cases/${id}/documents/${kind}.pdf` });
    assert.equal((await temuanPdf('formulir-temuan')).statusCode, 404, 'not yet set');
    await oki.request({ method: 'POST', url: `/api/v1/cases/${id}/actions`, payload: { action: 'telusuri' } });
    const set = await oki.request({ method: 'POST', url: `/api/v1/cases/${id}/actions`, payload: { action: 'tetapkan_temuan' } });
    assert.equal(set.statusCode, 200, set.body);
    const form = await readPdf(await temuanPdf('formulir-temuan'));
    assert.ok(form.text.includes('FORMULIR TEMUAN'));
    assert.ok(form.text.includes(set.json().registrationNumber));
    assert.ok(form.text.includes('Patroli siber'));
    assert.ok(form.text.includes('Ahmad Camat'));
    await readPdf(await temuanPdf('kajian'));
    assert.equal((await temuanPdf('tanda-bukti')).statusCode, 404);
    assert.equal((await temuanPdf('pemberitahuan-status')).statusCode, 404);
  });

  test('a report filed in English gets its receipt in English; an Indonesian one stays Indonesian', async () => {
    const input = buildLaporanInput({ pelapor: { nama: 'John Reporter', nik: '1602015508900002' } });
    const filed = await app.inject({
      method: 'POST',
      url: '/api/v1/laporan',
      payload: input,
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const en = await readPdf(
      await app.inject({
        method: 'POST',
        url: '/api/v1/lacak/tanda-bukti',
        payload: { kode: filed.json().trackingCode, pin: filed.json().pin },
      }),
    );
    for (const text of ['RECEIPT OF A SUBMITTED REPORT', 'Tracking code', 'Filing deadline', 'Page 1 of', 'John Reporter']) {
      assert.ok(en.text.toUpperCase().includes(text.toUpperCase()), `English receipt has "${text}"`);
    }
    for (const text of ['Kode pelacakan', 'Batas waktu penyampaian', 'Halaman 1 dari'])
      assert.ok(!en.text.includes(text), `no Indonesian "${text}"`);
    const id = await readPdf(
      await app.inject({ method: 'POST', url: '/api/v1/lacak/tanda-bukti', payload: { kode: receipt.trackingCode, pin: receipt.pin } }),
    );
    assert.ok(id.text.includes('Kode pelacakan') && id.text.includes('Halaman 1 dari'));
  });

  test('receipt render is stable for the same data (hash in the footer)', async () => {
    const a = await app.inject({
      method: 'POST',
      url: '/api/v1/lacak/tanda-bukti',
      payload: { kode: receipt.trackingCode, pin: receipt.pin },
    });
    const b = await app.inject({
      method: 'POST',
      url: '/api/v1/lacak/tanda-bukti',
      payload: { kode: receipt.trackingCode, pin: receipt.pin },
    });
    assert.equal(a.headers['x-document-sha256'], b.headers['x-document-sha256']);
    assert.ok(String(a.headers['x-document-sha256']).match(/^[0-9a-f]{64}$/));
  });
});
