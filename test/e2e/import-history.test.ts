// Browser journey: an admin imports the synthetic recap sample in the staff console. A bad file
// shows the line and column; the dry run previews every row and writes nothing; the import then
// writes all rows, and the case is read-only history.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildUser } from '../support/http.ts';
import { repoRoot, startBrowserSession, type BrowserSession } from '../support/browser.ts';

let session: BrowserSession;

before(async () => {
  session = await startBrowserSession();
});

after(async () => {
  await session?.close();
});

test('admin checks and imports a recap sheet in the Impor riwayat page', async () => {
  const { page } = session;
  const db = session.netra.db;
  const imported = async () =>
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE imported_from IS NOT NULL')).rows[0].n;
  const admin = await buildUser(db, { role: 'admin', displayName: 'Admin Riwayat' });
  await page.goto('/staf/masuk');
  await page.getByLabel('Nama pengguna').fill(admin.username);
  await page.getByLabel('Kata sandi').fill(admin.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Selamat datang, Admin Riwayat' }).waitFor();
  await page.getByRole('navigation', { name: 'Navigasi konsol staf' }).getByRole('link', { name: 'Impor riwayat' }).click();
  await page.getByRole('heading', { level: 1, name: 'Impor riwayat perkara' }).waitFor();

  const dir = mkdtempSync(join(tmpdir(), 'netra-e2e-import-'));
  const bad = join(dir, 'rekap-salah.csv');
  writeFileSync(
    bad,
    'Nomor Registrasi,Tanggal Diterima/Ditemukan,Laporan/Temuan,Wilayah,Jenis Subjek,Perbuatan,Status\nX-1,31/02/2024,Laporan,35.07,PNS,Foto,Diteruskan\n',
  );
  await page.getByLabel('Berkas rekap').setInputFiles(bad);
  await page.getByRole('button', { name: 'Periksa (uji coba)' }).click();
  await page
    .getByRole('alert')
    .getByText(/CSV baris 2, kolom Tanggal Diterima\/Ditemukan/)
    .waitFor();

  await page.getByLabel('Berkas rekap').setInputFiles(join(repoRoot, 'reference/samples/rekap-perkara-SINTETIS.csv'));
  await page.getByRole('button', { name: 'Periksa (uji coba)' }).click();
  await page
    .getByTestId('import-summary')
    .getByText(/8 baris: 8 baru, 0 diperbarui, 0 tidak berubah/)
    .waitFor();
  await page.getByRole('row', { name: /SINTETIS-002\/TM\/PB\/Kab\/35\.07\/XI\/2020.*Kabupaten Malang/ }).waitFor();
  assert.equal(await imported(), 0, 'the dry run wrote nothing');
  await session.screenshot(page, 'import-history-preview');

  await page.getByRole('button', { name: 'Impor 8 baris' }).click();
  await page.getByTestId('import-done').getByText('Diimpor: 8 baru, 0 diperbarui, 0 tidak berubah.').waitFor();
  assert.equal(await imported(), 8);
});
