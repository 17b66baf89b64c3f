// Browser journey through account administration and the second factor, under the production
// default NETRA_REQUIRE_TOTP=staff: an admin (already enrolled) creates a kabupaten supervisor in
// the UI; that supervisor is held on the security page (the API answers 403 totp_required) until
// they enrol TOTP (QR + otpauth URI), sees the recovery codes once, then signs in with a wrong
// code, a recovery code, and the authenticator.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Secret, TOTP, URI } from 'otpauth';
import { buildUser } from '../support/http.ts';
import { startBrowserSession, type BrowserSession } from '../support/browser.ts';
import { loadVault } from '../../src/server/platform/vault.ts';
import { beginTotpEnrolment, confirmTotpEnrolment } from '../../src/server/modules/accounts/service.ts';

let session: BrowserSession;

before(async () => {
  session = await startBrowserSession({ requireTotp: 'staff' });
});

after(async () => {
  await session?.close();
});

test('admin creates a user; the user enrols TOTP and signs in with a code', async (t) => {
  const { page } = session;
  const newUser = { username: 'rina.oki', displayName: 'Rina Oktaviani', password: 'sandi-awal-OKI-2024' };

  await t.test('admin creates a pengawas kabupaten/kota in the Pengguna page', async () => {
    const admin = await buildUser(session.netra.db, { role: 'admin', displayName: 'Admin Netra' });
    // The admin enrolled earlier (through the service, with the server's own vault).
    const { db, config } = session.netra;
    const deps = { db, vault: loadVault({ key: config.identityKey, dataDir: config.dataDir }), requireTotp: config.requireTotp };
    const { secret } = await beginTotpEnrolment(deps, admin.user, {});
    const adminTotp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
    await confirmTotpEnrolment(deps, admin.user.id, adminTotp.generate());
    await page.goto('/staf/masuk');
    await page.getByLabel('Nama pengguna').fill(admin.username);
    await page.getByLabel('Kata sandi').fill(admin.password);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    // The confirming code is burnt: the next time step's code signs in.
    await page.getByLabel('Kode autentikator (6 digit)').fill(adminTotp.generate({ timestamp: Date.now() + 30_000 }));
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
  let recoveryCodes: string[] = [];
  await t.test('the new user is held on the Keamanan page until TOTP is enrolled', async () => {
    await page.getByLabel('Nama pengguna').fill(newUser.username);
    await page.getByLabel('Kata sandi').fill(newUser.password);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Keamanan akun' }).waitFor();
    await page.getByText('Verifikasi dua langkah wajib untuk akun Anda.').waitFor();
    // The API refuses case work with this session until enrolment.
    const cases = await page.request.get('/api/v1/cases');
    assert.equal(cases.status(), 403);
    assert.equal((await cases.json()).code, 'totp_required');
    await page.goto('/staf/antrian');
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
    recoveryCodes = (await page.getByTestId('recovery-codes').getByRole('listitem').allInnerTexts()).map((c) => c.trim());
    assert.equal(recoveryCodes.length, 10);
    assert.ok(recoveryCodes.every((c) => /^[a-z0-9]{5}-[a-z0-9]{5}$/.test(c)));
    assert.equal((await page.request.get('/api/v1/cases')).status(), 200);
    await page.getByRole('link', { name: 'Lanjut ke dasbor' }).click();
    await page.getByRole('heading', { level: 1, name: `Selamat datang, ${newUser.displayName}` }).waitFor();
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByText('Anda telah keluar.').waitFor();
  });

  await t.test(
    'signing in now asks for the code; a wrong code is refused, a recovery code works once, then the authenticator',
    async () => {
      await page.getByLabel('Nama pengguna').fill(newUser.username);
      await page.getByLabel('Kata sandi').fill(newUser.password);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      const codeField = page.getByLabel('Kode autentikator (6 digit)');
      await codeField.waitFor();

      // The code that confirmed enrolment is burnt, so the right one is from the next time step.
      const right = URI.parse(uri).generate({ timestamp: Date.now() + 30_000 });
      const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
      await codeField.fill(wrong);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.innerText(), /Kode TOTP salah\./);

      await page.getByRole('button', { name: 'Gunakan kode pemulihan' }).click();
      await page.getByLabel('Kode pemulihan').fill(recoveryCodes[0]);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: `Selamat datang, ${newUser.displayName}` }).waitFor();
      await page.getByRole('button', { name: 'Keluar' }).click();
      await page.getByText('Anda telah keluar.').waitFor();

      await page.getByLabel('Nama pengguna').fill(newUser.username);
      await page.getByLabel('Kata sandi').fill(newUser.password);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await codeField.waitFor();
      await page.getByRole('button', { name: 'Gunakan kode pemulihan' }).click();
      await page.getByLabel('Kode pemulihan').fill(recoveryCodes[0]);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'Kode pemulihan salah atau sudah dipakai.' }).waitFor();
      await page.getByRole('button', { name: 'Gunakan kode autentikator' }).click();

      // Fresh: the journey above may have outlived the first code's window.
      await codeField.fill(URI.parse(uri).generate({ timestamp: Date.now() + 30_000 }));
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: `Selamat datang, ${newUser.displayName}` }).waitFor();
      assert.match(await page.locator('dl.facts--profile').innerText(), /Verifikasi dua langkah\s*Aktif/);
    },
  );
});
