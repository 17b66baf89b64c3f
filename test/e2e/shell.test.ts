// Browser journey through the web shell: public portal in both languages, the region browser
// down to a kabupaten's Pilkada 2024 contest, and staff sign-in / sign-out.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildUser } from '../support/http.ts';
import { startBrowserSession, type BrowserSession } from '../support/browser.ts';

let session: BrowserSession;

before(async () => {
  session = await startBrowserSession();
});

after(async () => {
  await session?.close();
});

test('public portal, region browser and staff sign-in in the browser', async (t) => {
  const { page } = session;

  await t.test('home page is in Indonesian and switches to English (remembered)', async () => {
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Awasi netralitas ASN dalam Pilkada' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'id');
    assert.equal(await page.getByRole('link', { name: 'Laporkan pelanggaran' }).getAttribute('href'), '/lapor');
    await session.screenshot(page, 'shell-home-desktop');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Keep civil servants neutral in regional elections' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.getByRole('link', { name: 'Report a violation' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Keep civil servants neutral in regional elections' }).waitFor();
    await page.getByRole('button', { name: 'Ganti ke Bahasa Indonesia' }).click();
    await page.getByRole('heading', { level: 1, name: 'Awasi netralitas ASN dalam Pilkada' }).waitFor();
  });

  await t.test('region browser: search an alias, drill down, see the contest and its stages', async () => {
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Wilayah' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wilayah' }).waitFor();
    await page.getByRole('link', { name: /Aceh/ }).waitFor();

    await page.getByRole('searchbox', { name: 'Cari wilayah' }).fill('Sumsel');
    await page.getByRole('heading', { name: /Hasil pencarian untuk .Sumsel./ }).waitFor();
    await page.getByRole('link', { name: /Sumatera Selatan/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Sumatera Selatan' }).waitFor();
    assert.match(page.url(), /\/wilayah\/16$/);
    await page.getByRole('heading', { name: 'Pemilihan Gubernur dan Wakil Gubernur' }).waitFor();

    await page.getByRole('link', { name: /Kabupaten Ogan Komering Ilir/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Kabupaten Ogan Komering Ilir' }).waitFor();
    const breadcrumbs = page.getByRole('navigation', { name: 'Lokasi halaman' });
    await breadcrumbs.getByRole('link', { name: 'Sumatera Selatan' }).waitFor();

    const contest = page.getByRole('article').filter({ has: page.getByRole('heading', { name: /Bupati/ }) });
    await contest.waitFor();
    assert.match(await contest.innerText(), /Hari pemungutan suara:\s*27 November 2024/);
    const votingRow = page.getByRole('row', { name: /^Pemungutan suara\b/ });
    assert.match(await votingRow.innerText(), /27 November 2024/);
    await page.getByRole('heading', { name: 'Kecamatan' }).waitFor();
    await session.screenshot(page, 'shell-region-desktop');

    // English switches the contest and stage names too.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Regent election (bupati)' }).waitFor();
    assert.match(await page.getByRole('row', { name: /^Voting\b/ }).innerText(), /27 November 2024/);
    await page.getByRole('button', { name: 'Ganti ke Bahasa Indonesia' }).click();
  });

  await t.test('staff: guard, wrong password, sign in, dashboard, sign out', async () => {
    const { username, password } = await buildUser(session.netra.db, {
      role: 'pengawas_kabkota',
      regionCode: '16.02',
      displayName: 'Siti Rahmawati',
    });

    await page.goto('/staf');
    await page.waitForURL(/\/staf\/masuk$/);
    await page.getByRole('heading', { level: 1, name: 'Masuk konsol staf' }).waitFor();

    await page.getByLabel('Nama pengguna').fill(username);
    await page.getByLabel('Kata sandi').fill('salah-sekali-123');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Nama pengguna atau kata sandi salah\./);

    await page.getByLabel('Kata sandi').fill(password);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Selamat datang, Siti Rahmawati' }).waitFor();
    assert.match(page.url(), /\/staf$/);
    const profile = await page.locator('dl.facts--profile').innerText();
    assert.match(profile, /Pengawas Bawaslu Kabupaten\/Kota/);
    await page.getByRole('link', { name: /Kabupaten Ogan Komering Ilir, Sumatera Selatan/ }).waitFor();
    await page
      .getByRole('link', { name: /Antrian kasus/ })
      .first()
      .waitFor();
    assert.equal(await page.getByRole('link', { name: 'Pengguna' }).count(), 0, 'only admins see user management');
    await session.screenshot(page, 'shell-staff-dashboard-desktop');

    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL(/\/staf\/masuk$/);
    await page.getByText('Anda telah keluar.').waitFor();
    await page.goto('/staf/antrian');
    await page.waitForURL(/\/staf\/masuk$/);
  });

  await t.test('phone width (390 px) layout screenshots', async () => {
    const phone = await session.newPage({ width: 390, height: 844 });
    await phone.goto('/');
    await phone.getByRole('heading', { level: 1 }).waitFor();
    await session.screenshot(phone, 'shell-home-phone');
    await phone.goto('/wilayah/16.02');
    await phone.getByRole('heading', { name: 'Pemilihan Bupati dan Wakil Bupati' }).waitFor();
    await session.screenshot(phone, 'shell-region-phone');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px at 390px`);
    await phone.context().close();
  });
});
