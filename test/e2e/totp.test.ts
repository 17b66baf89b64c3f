// Browser journey through account administration and the second factor: an admin creates a
// kabupaten supervisor in the UI; that supervisor enrols TOTP (QR + otpauth URI), then signs in
// with a wrong and a right code.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { URI } from 'otpauth';
import { buildUser } from '../support/http.ts';
import { startBrowserSession, type BrowserSession } from '../support/browser.ts';

let session: BrowserSession;

before(async () => {
  session = await startBrowserSession();
});

after(async () => {
  await session?.close();
});

test('admin creates a user; the user enrols TOTP and signs in with a code', async (t) => {
  const { page } = session;
  const newUser = { username: 'rina.oki', displayName: 'Rina Oktaviani', password: 'sandi-awal-OKI-2024' };

  await t.test('admin creates a pengawas kabupaten/kota in the Pengguna page', async () => {
    const admin = await buildUser(session.netra.db, { role: 'admin', displayName: 'Admin Netra' });
    await page.goto('/staf/masuk');
    await page.getByLabel('Nama pengguna').fill(admin.username);
    await page.getByLabel('Kata sandi').fill(admin.password);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Selamat datang, Admin Netra' }).waitFor();

    await page.getByRole('navigation', { name: 'Navigasi konsol staf' }).getByRole('link', { name: 'Pengguna' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Buat pengguna' }) });
    await form.getByLabel('Nama pengguna').fill(newUser.username);
    await form.getByLabel('Nama lengkap').fill(newUser.displayName);
    await form.getByLabel('Kata sandi').fill(newUser.password);
    await form.getByLabel('Peran').selectOption('pengawas_kabkota');

    // Without a region the server refuses, and the message is shown in Indonesian.
    await form.getByRole('button', { name: 'Buat pengguna' }).click();
    await page.getByRole('alert').waitFor();

    await form.getByRole('searchbox', { name: 'Wilayah kerja' }).fill('Ogan Komering Ilir');
    await form.getByRole('button', { name: /^Kabupaten Ogan Komering Ilir/ }).click();
    await form.getByText('Dipilih: Kabupaten Ogan Komering Ilir (16.02)').waitFor();
    await form.getByRole('button', { name: 'Buat pengguna' }).click();
    await page.getByText(`Pengguna ${newUser.username} telah dibuat.`).waitFor();
    await page.getByRole('row', { name: new RegExp(newUser.username.replace('.', '\\.')) }).waitFor();
    await session.screenshot(page, 'shell-users-desktop');

    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByText('Anda telah keluar.').waitFor();
  });

  let uri = '';
  await t.test('the new user enrols TOTP on the Keamanan page', async () => {
    await page.getByLabel('Nama pengguna').fill(newUser.username);
    await page.getByLabel('Kata sandi').fill(newUser.password);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Selamat datang, ${newUser.displayName}` }).waitFor();

    await page.getByRole('link', { name: /Verifikasi dua langkah belum aktif/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Keamanan akun' }).waitFor();
    await page.getByRole('button', { name: 'Mulai pendaftaran TOTP' }).click();
    await page.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' }).waitFor();
    uri = (await page.getByTestId('totp-uri').innerText()).trim();
    assert.match(uri, /^otpauth:\/\/totp\//);
    await session.screenshot(page, 'shell-totp-desktop');

    const totp = URI.parse(uri);
    await page.getByLabel('Kode dari aplikasi').fill(totp.generate());
    await page.getByRole('button', { name: 'Konfirmasi' }).click();
    await page.getByText('Verifikasi dua langkah telah diaktifkan.').waitFor();
    await page.getByText('Verifikasi dua langkah aktif untuk akun ini.').waitFor();
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByText('Anda telah keluar.').waitFor();
  });

  await t.test('signing in now asks for the code; a wrong code is refused, the right one works', async () => {
    await page.getByLabel('Nama pengguna').fill(newUser.username);
    await page.getByLabel('Kata sandi').fill(newUser.password);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    const codeField = page.getByLabel('Kode autentikator (6 digit)');
    await codeField.waitFor();

    const right = URI.parse(uri).generate();
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
    await codeField.fill(wrong);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Kode TOTP salah\./);

    await codeField.fill(right);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Selamat datang, ${newUser.displayName}` }).waitFor();
    assert.match(await page.locator('dl.facts--profile').innerText(), /Verifikasi dua langkah\s*Aktif/);
  });
});
