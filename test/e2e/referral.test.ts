// Browser journey after the decision: a supervisor forwards a report; the BKN officer verifies it
// and forwards it to the PPK; the PPK officer of the terlapor's agency records a PP 94/2021
// sanction with its decree; the public referral page and /api/v1/public/referral-stats follow.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildUser } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { startBrowserSession, type BrowserSession } from '../support/browser.ts';
import { localDateOf } from '../../src/domain/time/zones.ts';
import { addDaysToLocalDate } from '../../src/domain/time/localDate.ts';

let session: BrowserSession;

before(async () => {
  session = await startBrowserSession();
});

after(async () => {
  await session?.close();
});

async function signIn(page: Page, input: Parameters<typeof buildUser>[1], path: string) {
  const { username, password } = await buildUser(session.netra.db, input);
  await page.goto(path);
  await page.waitForURL(/\/staf\/masuk$/);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/masuk'));
}

/** Case actions confirm with 'Konfirmasi'; referral actions repeat their label on the submit button. */
async function act(page: Page, button: string, fill?: () => Promise<void>, confirm = button) {
  await page
    .locator('.action-buttons')
    .getByRole('button', { name: button, exact: confirm === button })
    .click();
  const form = page.locator('form.action-form');
  await form.waitFor();
  await fill?.();
  await form.getByRole('button', { name: confirm, exact: true }).click();
  await page.getByText(new RegExp(`^Tersimpan: ${button}`)).waitFor();
}

interface Stats {
  byAuthority: { authority: string; decided: number; total?: number }[];
}

test('forward → BKN verifies and forwards to the PPK → PPK sanction → public timeline and stats', async (t) => {
  const today = localDateOf(new Date(), 'WIB');
  const desk = session.page;
  let number = '';
  let publicPath = '';

  await t.test('a report is filed and the supervisor forwards it', async () => {
    const input = buildLaporanInput({
      peristiwa: {
        kodeWilayah: '16.02.05',
        tanggalKejadian: addDaysToLocalDate(today, -3),
        tanggalDiketahui: addDaysToLocalDate(today, -2),
      },
    });
    const filed = await desk.request.post('/api/v1/laporan', { data: input });
    assert.equal(filed.status(), 201, await filed.text());
    const { id } = (await filed.json()) as { id: string };

    await signIn(desk, { role: 'pengawas_kabkota', regionCode: '16.02' }, `/staf/kasus/${id}`);
    await desk.getByTestId('case-state').filter({ hasText: 'Diterima (kajian awal)' }).waitFor();
    await act(desk, 'Registrasi laporan', undefined, 'Konfirmasi');
    await act(
      desk,
      'Tulis kajian',
      async () => {
        await desk
          .getByLabel('Kajian', { exact: true })
          .fill('Terlapor (PNS) hadir dan berorasi dalam kampanye terbuka; video dan dua saksi saling menguatkan.');
      },
      'Konfirmasi',
    );
    // An ASN reported for neutrality acts: the dialog proposes netralitas ASN (listed first) and
    // names BKN and the recommendation letter before anything is confirmed.
    await act(
      desk,
      'Teruskan ke instansi berwenang',
      async () => {
        const classification = desk.getByLabel('Klasifikasi pelanggaran');
        assert.equal(await classification.inputValue(), 'peraturan_lainnya');
        const options = await classification.locator('option').allInnerTexts();
        assert.match(options[1], /netralitas ASN.*\(usulan\)/, `neutrality first: ${options.join(' | ')}`);
        const preview = desk.getByTestId('forward-preview');
        assert.match(await preview.innerText(), /Surat rekomendasi …\/PP\.01\.00\/K\.16\.02\/… kepada Badan Kepegawaian Negara/);
        // Choosing the administrative classification would send it to KPU: the preview says so.
        await classification.selectOption('administrasi');
        await preview.getByText(/KPU Provinsi\/Kabupaten\/Kota/).waitFor();
        await classification.selectOption('peraturan_lainnya');
        await preview.getByText(/kepada Badan Kepegawaian Negara/).waitFor();
        await desk.getByLabel('Ringkasan kajian').fill('Terbukti hadir dan berorasi mendukung pasangan calon dalam kampanye terbuka.');
        await session.screenshot(desk, 'teruskan-bkn-desktop');
      },
      'Konfirmasi',
    );
    await desk.getByTestId('case-state').filter({ hasText: 'Diteruskan' }).waitFor();
    const link = desk.getByRole('link', { name: /\/PP\.01\.00\/K\.16\.02\// });
    number = (await link.innerText()).trim();
    // Bawaslu sees the referral it made, read-only.
    await link.click();
    await desk.getByTestId('referral-state').filter({ hasText: 'Direkomendasikan' }).waitFor();
    await desk.getByText('Tidak ada tindakan untuk peran Anda pada status ini.').waitFor();
    // The public timeline is linked by its unguessable key, not by the sequential letter number.
    publicPath = (await desk.getByRole('link', { name: 'Lihat perkembangan publik' }).getAttribute('href')) ?? '';
    assert.match(publicPath, /^\/rekomendasi\/[a-z2-7]{26}$/);
    await desk.getByRole('button', { name: 'Keluar' }).click();
    await desk.waitForURL(/\/staf\/masuk$/);
  });

  let statsBefore: Stats;
  await t.test('BKN verifies and forwards to the PPK', async () => {
    statsBefore = (await (await desk.request.get('/api/v1/public/referral-stats')).json()) as Stats;
    const bkn = await session.newPage();
    await signIn(bkn, { role: 'bkn', displayName: 'Petugas BKN' }, '/staf/rekomendasi');
    await bkn.getByRole('heading', { level: 1, name: 'Rekomendasi' }).waitFor();
    await bkn.getByRole('link', { name: number }).click();
    await bkn.getByTestId('referral-state').filter({ hasText: 'Direkomendasikan' }).waitFor();
    // The letter data: addressee and the proposed track.
    await bkn.getByRole('heading', { name: 'Data surat rekomendasi' }).waitFor();
    await bkn
      .getByText(/Badan Kepegawaian Negara/)
      .first()
      .waitFor();
    await bkn
      .getByText(/Verifikasi BKN/)
      .first()
      .waitFor();
    await act(bkn, 'Verifikasi');
    await bkn.getByTestId('referral-state').filter({ hasText: 'Diverifikasi BKN' }).waitFor();
    await act(bkn, 'Teruskan ke PPK');
    await bkn.getByTestId('referral-state').filter({ hasText: 'Diteruskan ke PPK' }).waitFor();
    await bkn.getByText('Tindak lanjut PPK').first().waitFor();
    await session.screenshot(bkn, 'rekomendasi-bkn-desktop');
    await bkn.context().close();
  });

  await t.test('the PPK of the terlapor’s agency records a PP 94/2021 sanction with its decree', async () => {
    const ppk = await session.newPage({ width: 390, height: 844 });
    // PPK scope: the catalogue entry (Bapenda of Kabupaten OKI), suggested from the free text at forwarding.
    await signIn(ppk, { role: 'ppk', agency: 'bapenda', regionCode: '16.02', displayName: 'Inspektorat OKI' }, '/staf/rekomendasi');
    await ppk.getByRole('link', { name: number }).click();
    await ppk.getByTestId('referral-state').filter({ hasText: 'Diteruskan ke PPK' }).waitFor();
    await ppk.locator('.action-buttons').getByRole('button', { name: 'Catat keputusan sanksi', exact: true }).click();
    // Missing decree: the error is at the field and focused.
    const form = ppk.locator('form.action-form');
    await form.getByLabel('Sanksi').selectOption('pp94.penurunan_jabatan_12_bulan');
    await form.getByRole('button', { name: 'Catat keputusan sanksi', exact: true }).click();
    assert.equal(await ppk.evaluate(() => document.activeElement?.id), 'f-decreeNumber');
    await form.getByLabel('Nomor keputusan').fill('800/123/BKPSDM/2026');
    await form.getByLabel('Tanggal keputusan').fill(today);
    await form.getByRole('button', { name: 'Catat keputusan sanksi', exact: true }).click();
    await ppk.getByText('Tersimpan: Catat keputusan sanksi.').waitFor();
    await ppk.getByTestId('referral-state').filter({ hasText: 'Sanksi diputuskan' }).waitFor();
    await ppk.getByText('Penurunan jabatan setingkat lebih rendah selama 12 bulan').first().waitFor();
    await session.screenshot(ppk, 'rekomendasi-ppk-phone');
    const overflow = await ppk.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `referral page scrolls sideways by ${overflow}px`);
    await ppk.context().close();
  });

  await t.test('the public timeline and the compliance statistics change', async () => {
    const pub = await session.newPage({ width: 390, height: 844 });
    await pub.goto(publicPath);
    await pub.getByTestId('public-referral-state').filter({ hasText: 'Sanksi diputuskan' }).waitFor();
    await pub.locator('[data-step="verified"].timeline__item--done').waitFor();
    await pub.locator('[data-step="forwarded_to_ppk"].timeline__item--done').waitFor();
    await pub
      .locator('[data-step="decided"].timeline__item--done')
      .getByText(/Penurunan jabatan/)
      .waitFor();
    const text = await pub.locator('main').innerText();
    assert.match(text, /Kepala Bidang Pendapatan, Badan Pendapatan Daerah/);
    assert.ok(!text.includes('Budi Santoso') && !text.includes('198503122010011002'), 'no name or NIP on the public page');
    await session.screenshot(pub, 'rekomendasi-publik-phone');
    await pub.context().close();

    const statsAfter = (await (await desk.request.get('/api/v1/public/referral-stats')).json()) as Stats;
    const decided = (s: Stats) => s.byAuthority.find((a) => a.authority === 'BKN')?.decided ?? 0;
    assert.equal(decided(statsAfter), decided(statsBefore) + 1);
  });
});
