// Browser: the case page explains why an action is not (or no longer) available under the law,
// and a late laporan is registered only with a written override (issue 14, items 1-2).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildUser } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { startBrowserSession, type BrowserSession } from '../support/browser.ts';

let session: BrowserSession;
before(async () => {
  session = await startBrowserSession();
});
after(async () => {
  await session?.close();
});

/** A date in Asia/Jakarta, `days` before today. */
const jakartaDate = (daysAgo: number) => new Date(Date.now() + 7 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);

test('late laporan: the blocked line with its legal basis, then registration with an override reason', async () => {
  const input = buildLaporanInput({ peristiwa: { tanggalKejadian: jakartaDate(21), tanggalDiketahui: jakartaDate(20) } });
  const response = await fetch(`${session.baseUrl}/api/v1/laporan`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = await response.text();
  assert.equal(response.status, 201, body);
  const caseId = JSON.parse(body).id as string;

  const desk = session.page;
  const { username, password } = await buildUser(session.netra.db, { role: 'pengawas_kabkota', regionCode: '16.02' });
  await desk.goto(`/staf/kasus/${caseId}`);
  await desk.waitForURL(/\/staf\/masuk/);
  await desk.getByLabel('Nama pengguna').fill(username);
  await desk.getByLabel('Kata sandi').fill(password);
  await desk.getByRole('button', { name: 'Masuk', exact: true }).click();
  await desk.getByTestId('case-state').filter({ hasText: 'Diterima' }).waitFor();

  // Why "Registrasi" is no longer plainly available, with the source and since when.
  const blocked = desk.locator('.blocked-actions');
  await blocked
    .getByText(/Pasal 134 ayat \(4\)/)
    .first()
    .waitFor();
  await blocked.getByText(/batas waktu berakhir/).waitFor();

  await session.screenshot(desk, 'kasus-registrasi-terblokir');
  await desk
    .locator('.action-buttons')
    .getByRole('button', { name: /^Registrasi laporan/ })
    .click();
  const form = desk.locator('form.action-form');
  await form.getByLabel('Waktu kejadian (jika berbeda)').waitFor();
  await form
    .getByLabel(/Alasan pengecualian batas waktu/)
    .fill('Kajian awal menemukan pelapor baru mengetahui peristiwa dari unggahan kemarin.');
  await form.getByRole('button', { name: 'Konfirmasi', exact: true }).click();
  await desk.getByTestId('case-state').filter({ hasText: 'Diregistrasi' }).waitFor();
  await session.screenshot(desk, 'kasus-registrasi-dengan-pengecualian');
});
