// Browser journeys for citizens who do not get past an identity wall (issue 13): on a 390×844
// phone, a witness uses 'use my location' (mocked geolocation), describes the incident and sends
// it as informasi without identity; the supervisor finds it in the queue, marked as public
// information, and dismisses it in one click. A reporter tracks a report with a sloppily typed
// code. The phone screenshots for docs/USABILITY.md are written to docs/img/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildUser } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { repoRoot, startBrowserSession, type BrowserSession } from '../support/browser.ts';
import { localDateOf } from '../../src/domain/time/zones.ts';
import { addDaysToLocalDate } from '../../src/domain/time/localDate.ts';

let session: BrowserSession;
before(async () => {
  session = await startBrowserSession();
});
after(async () => {
  await session?.close();
});

const PHONE = { width: 390, height: 844 };
/** Viewport-sized PNGs (not full page) keep the committed images small. */
const docShot = (page: Page, name: string) => page.screenshot({ path: join(repoRoot, 'docs', 'img', `${name}.png`) });
const TITLE = 'Kepala desa mengarahkan perangkat desa memilih calon';

async function phoneAt(latitude: number, longitude: number): Promise<Page> {
  const context = await session.browser.newContext({
    baseURL: session.baseUrl,
    viewport: PHONE,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    geolocation: { latitude, longitude },
    permissions: ['geolocation'],
  });
  context.setDefaultTimeout(10_000);
  return context.newPage();
}

test('a witness sends informasi without identity; the supervisor sees it in the queue and dismisses it', async (t) => {
  const today = localDateOf(new Date(), 'WIB');
  // Kayuagung, Ogan Komering Ilir.
  const phone = await phoneAt(-3.4, 104.82);
  let receiptCode = '';

  await t.test('incident first, region from "Gunakan lokasi saya", then the identity-free route', async () => {
    await phone.goto('/lapor');
    await phone.getByRole('heading', { name: 'Langkah 1 dari 6: Peristiwa' }).waitFor();
    await docShot(phone, 'lapor-1-peristiwa-390');
    await phone.getByLabel(/^Judul singkat/).fill(TITLE);
    await phone
      .getByLabel('Uraian kejadian')
      .fill('Kepala desa mengumpulkan perangkat desa di balai desa dan meminta mereka mengarahkan warga memilih calon bupati nomor 2.');
    await phone.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
    await phone.getByText('Lokasi Anda berada di Kabupaten Ogan Komering Ilir. Persempit ke kecamatan atau desa bila Anda tahu.').waitFor();
    await phone.getByText(/Dipilih: .*\(16\.02\)/).waitFor();
    await phone.getByLabel('Tempat kejadian').fill('Balai desa');
    await phone.getByLabel('Tanggal kejadian').fill(addDaysToLocalDate(today, -1));
    await phone.getByLabel('Tanggal Anda mengetahui').fill(addDaysToLocalDate(today, -1));
    await docShot(phone, 'lapor-1-lokasi-390');
    await phone.getByRole('button', { name: 'Lanjut' }).click();

    await phone.getByRole('heading', { name: 'Langkah 2 dari 6: Terlapor' }).waitFor();
    await phone.getByLabel('Nama terlapor').fill('Suparman');
    await phone.getByLabel('Jabatan').fill('Kepala Desa');
    await phone.getByLabel('Instansi').fill('Pemerintah Desa Sukamaju');
    await phone.getByLabel('Status terlapor').selectOption('kepala_desa');
    await phone.getByRole('button', { name: 'Lanjut' }).click();

    await phone.getByRole('heading', { name: 'Langkah 3 dari 6: Perbuatan dan saksi' }).waitFor();
    await phone.getByRole('checkbox').first().check();
    await phone.getByRole('button', { name: 'Lanjut' }).click();

    await phone.getByRole('heading', { name: 'Langkah 4 dari 6: Bukti' }).waitFor();
    await docShot(phone, 'lapor-4-bukti-390');
    await phone.getByRole('button', { name: 'Lanjut' }).click();

    await phone.getByRole('heading', { name: 'Langkah 5 dari 6: Pelapor' }).waitFor();
    await docShot(phone, 'lapor-5-pelapor-390');
    const offer = phone.getByRole('region', { name: 'Kirim informasi tanpa identitas' });
    await offer.getByText(/tidak mendapat PIN, tidak menerima kabar perkembangan, dan tidak berkedudukan sebagai pelapor/).waitFor();
    await offer.scrollIntoViewIfNeeded();
    await docShot(phone, 'lapor-5-tanpa-identitas-390');
    const [response] = await Promise.all([
      phone.waitForResponse((r) => r.url().endsWith('/api/v1/informasi')),
      offer.getByRole('button', { name: 'Kirim informasi tanpa identitas' }).click(),
    ]);
    assert.equal(response.status(), 201);
    const sent = response.request().postDataJSON() as Record<string, unknown>;
    assert.equal(sent.pelapor, undefined, 'no identity sent');

    await phone.getByRole('heading', { level: 1, name: 'Informasi diterima' }).waitFor();
    receiptCode = (await phone.locator('output[aria-label="Kode tanda terima"]').innerText()).trim();
    assert.match(receiptCode, /^INF-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await phone.getByText('Bawaslu Kabupaten Ogan Komering Ilir').first().waitFor();
    assert.equal(await phone.evaluate(() => localStorage.getItem('netra.lapor.draft')), null, 'draft cleared after sending');
    await docShot(phone, 'informasi-diterima-390');
    await phone.context().close();
  });

  await t.test('the supervisor finds it in the queue, marked public information, and dismisses it in one click', async () => {
    const desk = session.page;
    const { username, password } = await buildUser(session.netra.db, { role: 'pengawas_kabkota', regionCode: '16.02' });
    await desk.goto('/staf/antrian?kind=temuan');
    await desk.waitForURL(/\/staf\/masuk/);
    await desk.getByLabel('Nama pengguna').fill(username);
    await desk.getByLabel('Kata sandi').fill(password);
    await desk.getByRole('button', { name: 'Masuk', exact: true }).click();
    await desk.getByRole('heading', { level: 1, name: 'Antrian kasus' }).waitFor();
    if (!desk.url().includes('kind=temuan')) await desk.goto('/staf/antrian?kind=temuan');
    const card = desk.locator('li.case-card').filter({ has: desk.getByRole('link', { name: TITLE }) });
    await card.waitFor();
    await card.getByText('Informasi publik').waitFor();
    await card.getByText(receiptCode).waitFor();
    desk.once('dialog', (dialog) => void dialog.accept());
    await card.getByRole('button', { name: `Abaikan informasi publik: ${TITLE}` }).click();
    await card.getByText('Dihentikan').waitFor();
    assert.equal(await card.getByRole('button', { name: /Abaikan/ }).count(), 0);
    const audit = await session.netra.db.query<{ action: string }>(
      'SELECT a.action FROM audit_events a JOIN cases c ON c.id = a.entity_id WHERE c.tracking_code = $1 ORDER BY a.id',
      [receiptCode],
    );
    assert.deepEqual(
      audit.rows.map((r) => r.action),
      ['informasi.submitted', 'case.hentikan_penelusuran'],
    );
  });
});

test('tracking accepts a sloppily typed code: "ntr 45by 84mv"', async () => {
  const today = localDateOf(new Date(), 'WIB');
  const input = buildLaporanInput({
    peristiwa: { kodeWilayah: '16.02.05', tanggalKejadian: addDaysToLocalDate(today, -2), tanggalDiketahui: addDaysToLocalDate(today, -1) },
  });
  // A fresh context: no staff session cookies (a signed-in page would need the CSRF header).
  const context = await session.browser.newContext({
    baseURL: session.baseUrl,
    viewport: PHONE,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  context.setDefaultTimeout(10_000);
  const filed = await context.request.post('/api/v1/laporan', { data: input });
  assert.equal(filed.status(), 201, await filed.text());
  const { trackingCode, pin } = (await filed.json()) as { trackingCode: string; pin: string };
  const sloppy = trackingCode.toLowerCase().replace(/-/g, ' ');
  const phone = await context.newPage();
  await phone.goto('/lacak');
  await phone.getByRole('heading', { level: 1, name: 'Lacak laporan' }).waitFor();
  await phone.getByLabel('Kode pelacakan').fill(sloppy);
  await phone.getByLabel('PIN (6 angka)').fill(pin);
  await phone.getByRole('button', { name: 'Lacak', exact: true }).click();
  await phone.getByTestId('tracking-state').filter({ hasText: 'Diterima (kajian awal)' }).waitFor();
  await docShot(phone, 'lacak-kode-longgar-390');
  await context.close();
});
