// Browser journey: a citizen files a report on a phone (six steps, incident first and identity
// last, a photo upload, an oversize file refused before upload, a double-clicked
// submit that must still give one receipt), downloads the PDF receipt and tracks the report; a
// Bawaslu supervisor finds it in the queue, registers, clarifies, assesses and forwards it; the
// citizen's tracking page then shows "Diteruskan".
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildUser } from '../support/http.ts';
import { startBrowserSession, type BrowserSession } from '../support/browser.ts';
import { png } from '../unit/evidence-fixtures.ts';
import { localDateOf } from '../../src/domain/time/zones.ts';
import { addDaysToLocalDate } from '../../src/domain/time/localDate.ts';

let session: BrowserSession;

before(async () => {
  session = await startBrowserSession();
});

after(async () => {
  await session?.close();
});

const TITLE = 'Kepala bidang berorasi di kampanye paslon';
const noSidewaysScroll = async (page: Page, where: string) => {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${where} scrolls sideways by ${overflow}px`);
};
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
/** Focus moves after the error renders; wait for it (bounded) instead of reading it once. */
async function expectFocus(page: Page, id: string) {
  await page.waitForFunction((wanted) => document.activeElement?.id === wanted, id, { timeout: 5000 }).catch(() => {});
  assert.equal(await activeId(page), id);
}

test('report on a phone → receipt → tracking → supervisor forwards → tracking shows Diteruskan', async (t) => {
  const today = localDateOf(new Date(), 'WIB');
  const phone = await session.newPage({ width: 390, height: 844 });
  let code = '';
  let pin = '';
  let caseUrl = '';

  await t.test('citizen fills the six steps on a 390 px phone, incident first and identity last', async () => {
    await phone.goto('/lapor');
    await phone.getByRole('heading', { level: 1, name: 'Laporkan dugaan pelanggaran' }).waitFor();
    await phone.getByRole('heading', { name: 'Langkah 1 dari 6: Peristiwa' }).waitFor();
    // The identity-free route is announced before anything is asked.
    await phone.getByText(/Tidak ingin memberi identitas\?/).waitFor();

    // Empty step: the error summary names each field instead of repeating 'Wajib diisi.'.
    await phone.getByRole('button', { name: 'Lanjut' }).click();
    const summary = phone.getByRole('alert').filter({ hasText: 'Periksa kembali isian berikut' });
    await summary.waitFor();
    await summary.getByRole('link', { name: /^Tempat kejadian: Wajib diisi\.$/ }).waitFor();
    await summary.getByRole('link', { name: /^Tanggal kejadian: Wajib diisi\.$/ }).waitFor();
    await expectFocus(phone, 'f-peristiwa-uraian');

    await phone.getByLabel(/^Judul singkat/).fill(TITLE);
    await phone
      .getByLabel('Uraian kejadian')
      .fill('Terlapor hadir dan berorasi mendukung pasangan calon nomor urut 1 pada kampanye terbuka di lapangan kecamatan.');
    await phone.locator('#f-peristiwa-kodeWilayah').fill('Kayu Agung');
    await phone.getByRole('button', { name: /16\.02\.05/ }).click();
    await phone.getByText(/Dipilih: .*\(16\.02\.05\)/).waitFor();
    await phone.getByLabel('Tempat kejadian').fill('Lapangan Merdeka, Kayuagung');
    // Known 10 days ago: a warning explains Pasal 134(4), but the form does not block.
    await phone.getByLabel('Tanggal kejadian').fill(addDaysToLocalDate(today, -11));
    await phone.getByLabel('Tanggal Anda mengetahui').fill(addDaysToLocalDate(today, -10));
    await phone.getByText('Kejadian ini Anda ketahui 10 hari yang lalu.').waitFor();
    await phone.getByLabel('Tanggal kejadian').fill(addDaysToLocalDate(today, -2));
    await phone.getByLabel('Tanggal Anda mengetahui').fill(addDaysToLocalDate(today, -1));
    assert.equal(await phone.getByText(/hari yang lalu/).count(), 0);
    await session.screenshot(phone, 'lapor-1-peristiwa-phone');
    await noSidewaysScroll(phone, 'step 1');
    await phone.getByRole('button', { name: 'Lanjut' }).click();

    await phone.getByRole('heading', { name: 'Langkah 2 dari 6: Terlapor' }).waitFor();
    await phone.getByLabel('Nama terlapor').fill('Budi Santoso');
    await phone.locator('#f-terlapor-0-nip').fill('198503122010011002');
    await phone.getByText('✓ Format NIP sah.').waitFor();
    await phone.getByLabel('Jabatan').fill('Kepala Bidang Pendapatan');
    await phone.getByLabel('Instansi').fill('Badan Pendapatan Daerah Kabupaten Ogan Komering Ilir');
    await phone.getByLabel('Status terlapor').selectOption('PNS');
    await session.screenshot(phone, 'lapor-2-terlapor-phone');
    await noSidewaysScroll(phone, 'step 2');
    await phone.getByRole('button', { name: 'Lanjut' }).click();

    await phone.getByRole('heading', { name: 'Langkah 3 dari 6: Perbuatan dan saksi' }).waitFor();
    await phone.getByRole('button', { name: 'Lanjut' }).click();
    await phone.getByText('Pilih sedikitnya satu perbuatan.').first().waitFor();
    await expectFocus(phone, 'f-perbuatan');
    await phone.getByLabel('Hadir dan mendukung aktif deklarasi/kampanye').check();
    await phone.getByRole('button', { name: 'Tambah saksi' }).click();
    await phone.getByLabel('Nama saksi').fill('Ahmad Fauzi');
    await phone.locator('#f-saksi-0-alamat').fill('Kayuagung');
    await session.screenshot(phone, 'lapor-3-perbuatan-phone');
    await noSidewaysScroll(phone, 'step 3');
    await phone.getByRole('button', { name: 'Lanjut' }).click();

    await phone.getByRole('heading', { name: 'Langkah 4 dari 6: Bukti' }).waitFor();
    // The size limit is shown in MB next to the picker.
    await phone.getByText(/Batas ukuran: foto 10 MB, PDF 20 MB, video 50 MB/).waitFor();
    await phone
      .locator('#f-bukti')
      .setInputFiles({ name: 'tangkapan-layar.png', mimeType: 'image/png', buffer: png({ width: 24, height: 16 }) });
    await phone.getByText(/terunggah/).waitFor();
    // A file the server refuses shows the server's reason at the file.
    await phone
      .locator('#f-bukti')
      .setInputFiles({ name: 'bukan-foto.png', mimeType: 'image/png', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
    await phone.getByText(/bukan-foto\.png gagal diunggah/).waitFor();
    await phone.getByRole('button', { name: 'Tutup' }).click();
    // An oversize photo is refused before a byte is uploaded.
    const uploads: string[] = [];
    const onRequest = (r: { url(): string }) => {
      if (r.url().endsWith('/api/v1/uploads')) uploads.push(r.url());
    };
    phone.on('request', onRequest);
    // From a file on disk: the local browser reads it directly instead of 11 MB going over the protocol.
    const bigPhoto = join(mkdtempSync(join(tmpdir(), 'netra-e2e-')), 'foto-besar.jpg');
    writeFileSync(bigPhoto, Buffer.alloc(11 * 1024 * 1024, 1));
    await phone.locator('#f-bukti').setInputFiles(bigPhoto);
    await phone.getByText(/foto-besar\.jpg berukuran .* melebihi batas 10 MB/).waitFor();
    phone.off('request', onRequest);
    assert.deepEqual(uploads, [], 'nothing uploaded for an oversize file');
    await phone.getByRole('button', { name: 'Tutup' }).click();
    await phone.getByLabel(/^Tautan unggahan media sosial/).fill('https://www.instagram.com/p/contoh123/');
    await session.screenshot(phone, 'lapor-4-bukti-phone');
    await noSidewaysScroll(phone, 'step 4');
    await phone.getByRole('button', { name: 'Lanjut' }).click();

    await phone.getByRole('heading', { name: 'Langkah 5 dari 6: Pelapor' }).waitFor();
    await phone.getByText(/Mengapa identitas diminta\? Perbawaslu 9\/2024/).waitFor();
    await phone.getByRole('button', { name: 'Kirim informasi tanpa identitas' }).waitFor();
    // A wrong NIK is caught live and on "Lanjut"; focus moves to the first invalid field.
    await phone.getByLabel('NIK', { exact: true }).fill('1602015508');
    await phone.getByText('10 dari 16 angka.').waitFor();
    await phone.getByRole('button', { name: 'Lanjut' }).click();
    await phone
      .getByRole('alert')
      .filter({ hasText: 'Periksa kembali isian berikut' })
      .getByRole('link', { name: /^NIK: / })
      .waitFor();
    await expectFocus(phone, 'f-pelapor-nama');
    assert.equal(await phone.getByLabel('NIK', { exact: true }).getAttribute('aria-invalid'), 'true');
    const describedBy = await phone.getByLabel('NIK', { exact: true }).getAttribute('aria-describedby');
    assert.match(describedBy ?? '', /f-pelapor-nik-error/);

    await phone.getByLabel('Nama lengkap').fill('Siti Aminah');
    await phone.getByLabel('NIK', { exact: true }).fill('1602015508900001');
    await phone.getByText(/Format NIK sah: lahir 15 Agustus 1990, Perempuan/).waitFor();
    await phone.getByLabel('Tempat lahir').fill('Kayuagung');
    // Leaving the NIK filled the birth date and sex.
    assert.equal(await phone.getByLabel('Tanggal lahir').inputValue(), '1990-08-15');
    assert.equal(await phone.getByLabel('Perempuan').isChecked(), true);
    await phone.getByLabel('Pekerjaan').fill('Guru');
    await phone.getByLabel('Nomor HP').fill('081234567890');
    await phone.getByLabel('Alamat', { exact: true }).fill('Jl. Letnan Mukhtar Saleh No. 12, Kayuagung');
    await phone.getByLabel(/^Pemilih/).check();
    // The draft is kept on the device, without the NIK unless the person ticks the box.
    const stored = () => phone.evaluate(() => localStorage.getItem('netra.lapor.draft') ?? '');
    await phone.waitForFunction(() => (localStorage.getItem('netra.lapor.draft') ?? '').includes('Jl. Letnan Mukhtar Saleh'));
    assert.ok(!(await stored()).includes('1602015508900001'), 'no NIK on the device by default');
    await phone.getByLabel('Simpan NIK di perangkat ini').check();
    await phone.waitForFunction(() => (localStorage.getItem('netra.lapor.draft') ?? '').includes('1602015508900001'));
    await session.screenshot(phone, 'lapor-5-pelapor-phone');
    await noSidewaysScroll(phone, 'step 5');
    await phone.getByRole('button', { name: 'Lanjut' }).click();

    await phone.getByRole('heading', { name: 'Langkah 6 dari 6: Periksa dan kirim' }).waitFor();
    await phone.getByText('tangkapan-layar.png').waitFor();
    await session.screenshot(phone, 'lapor-6-tinjau-phone');
    await noSidewaysScroll(phone, 'review');
    // The draft survives a reload (localStorage, on the device only).
    await phone.reload();
    await phone.getByRole('heading', { name: 'Langkah 6 dari 6: Periksa dan kirim' }).waitFor();
    await phone.getByText('1602015508900001').waitFor();

    // A double click files one report: the Idempotency-Key makes the retry return the same receipt.
    const responses: number[] = [];
    phone.on('response', (r) => {
      if (r.url().endsWith('/api/v1/laporan')) responses.push(r.status());
    });
    await phone.getByRole('button', { name: 'Kirim laporan' }).dblclick();
    await phone.getByRole('heading', { level: 1, name: 'Laporan diterima' }).waitFor();
    code = (await phone.locator('output[aria-label="Kode pelacakan"]').innerText()).trim();
    pin = (await phone.locator('output[aria-label="PIN"]').innerText()).trim();
    assert.match(code, /^NTR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.match(pin, /^\d{6}$/);
    assert.ok(responses.filter((s) => s === 201).length <= 1, `one report created (${responses})`);
    assert.equal(await phone.evaluate(() => localStorage.getItem('netra.lapor.draft')), null, 'draft cleared after success');
    // The receipt says what the report is about (position, agency) and no longer shows a filing deadline.
    await phone.getByText('Kepala Bidang Pendapatan, Badan Pendapatan Daerah Kabupaten Ogan Komering Ilir').waitFor();
    assert.equal(await phone.getByText('Batas penyampaian laporan').count(), 0);
    await phone.getByText('Bawaslu Kabupaten Ogan Komering Ilir').first().waitFor();
    await session.screenshot(phone, 'lapor-7-tanda-terima-phone');
    await noSidewaysScroll(phone, 'receipt');
  });

  await t.test('citizen downloads the PDF receipt and tracks the report', async () => {
    const [response, download] = await Promise.all([
      phone.waitForResponse((r) => r.url().endsWith('/api/v1/lacak/tanda-bukti')),
      phone.waitForEvent('download'),
      phone.getByRole('button', { name: 'Unduh tanda bukti (PDF)' }).click(),
    ]);
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    assert.match(download.suggestedFilename(), /^tanda-bukti-.*\.pdf$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    assert.equal(Buffer.concat(chunks).subarray(0, 5).toString('latin1'), '%PDF-');

    await phone.getByRole('link', { name: 'Lacak laporan' }).last().click();
    await phone.getByRole('heading', { level: 1, name: 'Lacak laporan' }).waitFor();
    assert.equal(await phone.getByLabel('Kode pelacakan').inputValue(), code);
    // Wrong PIN: the error is at the PIN field, which gets the focus.
    await phone.getByLabel('PIN (6 angka)').fill(pin === '000000' ? '111111' : '000000');
    await phone.getByRole('button', { name: 'Lacak', exact: true }).click();
    await phone.locator('#f-pin-error').filter({ hasText: 'Kode pelacakan atau PIN salah' }).waitFor();
    await expectFocus(phone, 'f-pin');
    await phone.getByLabel('PIN (6 angka)').fill(pin);
    await phone.getByRole('button', { name: 'Lacak', exact: true }).click();
    await phone.getByTestId('tracking-state').filter({ hasText: 'Diterima (kajian awal)' }).waitFor();
    await phone.getByRole('button', { name: 'Cabut laporan' }).waitFor();
    await session.screenshot(phone, 'lacak-diterima-phone');
    await noSidewaysScroll(phone, 'tracking');
  });

  await t.test('the form at 1280 px', async () => {
    const desk = session.page;
    await desk.goto('/lapor');
    await desk.getByRole('heading', { name: 'Langkah 1 dari 6: Peristiwa' }).waitFor();
    await session.screenshot(desk, 'lapor-1-peristiwa-desktop');
  });

  await t.test('supervisor finds it in the queue, registers, clarifies, assesses and forwards', async () => {
    const desk = session.page;
    const { username, password } = await buildUser(session.netra.db, {
      role: 'pengawas_kabkota',
      regionCode: '16.02',
      displayName: 'Rahmat Hidayat',
    });
    await desk.goto('/staf/antrian');
    await desk.waitForURL(/\/staf\/masuk$/);
    await desk.getByLabel('Nama pengguna').fill(username);
    await desk.getByLabel('Kata sandi').fill(password);
    await desk.getByRole('button', { name: 'Masuk', exact: true }).click();
    await desk.getByRole('heading', { level: 1, name: 'Antrian kasus' }).waitFor();
    await desk.getByLabel(/^Jenis/).selectOption('laporan');
    await desk.getByRole('button', { name: 'Terapkan' }).click();
    await desk.waitForURL(/kind=laporan/);
    await desk.getByRole('link', { name: TITLE }).click();
    await desk.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    caseUrl = desk.url();
    await desk.getByText('tangkapan-layar.png').waitFor();
    await desk.getByRole('link', { name: 'Buka salinan publik' }).waitFor();

    // Action buttons are verbs with their consequence; the form confirms with 'Konfirmasi'.
    const act = async (button: string, stateAfter: string, fill?: () => Promise<void>) => {
      await desk.locator('.action-buttons').getByRole('button', { name: button }).click();
      const form = desk.locator('form.action-form');
      await form.waitFor();
      await fill?.();
      await form.getByRole('button', { name: 'Konfirmasi', exact: true }).click();
      await desk.getByText(new RegExp(`^Tersimpan: ${button}`)).waitFor();
      await desk.getByTestId('case-state').filter({ hasText: stateAfter }).waitFor();
    };
    await act('Registrasi laporan', 'Diregistrasi');
    await desk
      .getByText(/\/LP\/PB\/Kab\/16\.02\//)
      .first()
      .waitFor();
    // The 3-day handling clock with its legal source and zone.
    await desk.getByText('Putusan atas laporan (3 hari sejak registrasi)').first().waitFor();
    await desk
      .getByText(/Pasal 134 ayat \(5\)/)
      .first()
      .waitFor();
    await act('Mulai klarifikasi', 'Klarifikasi');
    await act('Tulis kajian', 'Kajian', async () => {
      await desk.getByLabel('Kajian', { exact: true }).fill('Terlapor hadir dan berorasi; dua saksi dan video saling menguatkan.');
    });
    // Forwarding needs a summary: the server's rule is mirrored before sending (the classification is proposed).
    await desk.locator('.action-buttons').getByRole('button', { name: 'Teruskan ke instansi berwenang' }).click();
    await desk.locator('form.action-form').getByRole('button', { name: 'Konfirmasi', exact: true }).click();
    await expectFocus(desk, 'f-summary');
    assert.equal(await desk.getByLabel('Klasifikasi pelanggaran').inputValue(), 'peraturan_lainnya');
    await desk.getByLabel('Ringkasan kajian').fill('Terbukti hadir dan berorasi mendukung pasangan calon dalam kampanye terbuka.');
    await desk.locator('form.action-form').getByRole('button', { name: 'Konfirmasi', exact: true }).click();
    await desk.getByTestId('case-state').filter({ hasText: 'Diteruskan' }).waitFor();
    await desk.getByRole('link', { name: /\/PP\.01\.00\/K\.16\.02\// }).waitFor();
    await session.screenshot(desk, 'kasus-diteruskan-desktop');

    await desk.setViewportSize({ width: 390, height: 844 });
    await desk.goto(caseUrl);
    await desk.getByTestId('case-state').waitFor();
    await session.screenshot(desk, 'kasus-diteruskan-phone');
    await noSidewaysScroll(desk, 'case page');
    await desk.goto('/staf/antrian');
    await desk.getByRole('link', { name: TITLE }).waitFor();
    await session.screenshot(desk, 'antrian-phone');
    await noSidewaysScroll(desk, 'queue');
    await desk.setViewportSize({ width: 1280, height: 800 });
  });

  await t.test("the citizen's tracking page shows Diteruskan; announcements show no identities", async () => {
    await phone.goto('/lacak');
    await phone.getByLabel('Kode pelacakan').fill(code);
    await phone.getByLabel('PIN (6 angka)').fill(pin);
    await phone.getByRole('button', { name: 'Lacak', exact: true }).click();
    await phone.getByTestId('tracking-state').filter({ hasText: 'Diteruskan' }).waitFor();
    assert.equal(await phone.getByRole('button', { name: 'Cabut laporan' }).count(), 0, 'no withdrawal after registration');
    await phone.getByText(/Nomor registrasi/).waitFor();
    await session.screenshot(phone, 'lacak-diteruskan-phone');

    await phone.goto('/pengumuman');
    await phone.getByRole('heading', { level: 1, name: 'Pengumuman status laporan' }).waitFor();
    await phone
      .getByText(/Kepala Bidang Pendapatan, Badan Pendapatan Daerah/)
      .first()
      .waitFor();
    const text = await phone.locator('main').innerText();
    assert.ok(!text.includes('Budi Santoso') && !text.includes('Siti Aminah'), 'no names on the announcements page');
    await phone.context().close();
  });
});
