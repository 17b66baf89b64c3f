// Browser journey for media monitoring: an admin adds a local RSS feed (served by this test on
// 127.0.0.1 with one item about an OKI camat campaigning) and polls it; the worker runs the jobs;
// the OKI kabupaten supervisor finds the lead, sees the highlighted facts, promotes it to
// informasi awal and opens the new case.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { buildUser } from '../support/http.ts';
import { startBrowserSession, type BrowserSession } from '../support/browser.ts';
import { startWorker } from '../../src/server/jobs/worker.ts';
import { leadJobs } from '../../src/server/modules/leads/jobs.ts';
import { createDiskEvidenceStore } from '../../src/server/platform/storage.ts';

const TITLE = 'Camat di OKI Diduga Ikut Kampanye Paslon';
const TEXT = `KAYUAGUNG, BERITAOKI.COM – Seorang camat di Kabupaten Ogan Komering Ilir (OKI) diduga ikut berkampanye untuk salah satu pasangan calon bupati pada Minggu, 10 November 2024. Camat tersebut terekam video sedang berorasi dan mengajak warga memilih paslon nomor urut 2 dalam kampanye di Desa Sukamaju.
Ketua Bawaslu OKI, Romi Maradona, mengatakan pihaknya telah menerima laporan dan akan memanggil camat tersebut untuk klarifikasi. "Kami sudah mengumpulkan bukti video dan keterangan saksi. ASN wajib netral dalam Pilkada," ujar Romi.
Menurut Bawaslu, keterlibatan camat dalam kampanye merupakan pelanggaran netralitas ASN sebagaimana diatur dalam Undang-Undang ASN dan SKB lima lembaga.
Warga yang hadir di lokasi menyebutkan camat itu datang bersama beberapa kepala desa dan mengenakan atribut pasangan calon.`;

let session: BrowserSession;
let feedServer: Server;
let feedBase = '';

before(async () => {
  feedServer = createServer((request, response) => {
    if (request.url === '/rss.xml') {
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"e1"' });
      response.end(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Berita OKI</title>
<item><title>${TITLE}</title><link>${feedBase}/berita/camat-oki</link><guid>camat-oki</guid>
<pubDate>Sun, 10 Nov 2024 09:00:00 +0700</pubDate><description>Seorang camat diduga ikut kampanye…</description></item></channel></rss>`);
      return;
    }
    if (request.url === '/berita/camat-oki') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<html><head><title>${TITLE}</title></head><body><nav><a href="/">Beranda</a></nav><article><h1>${TITLE}</h1>${TEXT.split('\n')
          .map((p) => `<p>${p}</p>`)
          .join('')}</article></body></html>`,
      );
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
  const address = feedServer.address();
  feedBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  session = await startBrowserSession();
});

after(async () => {
  await session?.close();
  await new Promise((resolve) => feedServer?.close(resolve));
});

test('admin adds a feed; the OKI supervisor promotes the lead to informasi awal', async () => {
  const { netra } = session;
  const admin = await buildUser(netra.db, { role: 'admin', displayName: 'Admin Media' });
  const supervisor = await buildUser(netra.db, { role: 'pengawas_kabkota', regionCode: '16.02', displayName: 'Siti Rahmawati' });
  const signInAs = async (page: typeof session.page, user: { username: string; password: string }) => {
    await page.goto('/staf/masuk');
    await page.getByLabel('Nama pengguna').fill(user.username);
    await page.getByLabel('Kata sandi').fill(user.password);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL(/\/staf$/);
  };

  // Admin: add the RSS source and poll it now.
  const { page } = session;
  await signInAs(page, admin);
  await page.goto('/staf/leads');
  await page.getByRole('heading', { level: 1, name: 'Petunjuk dari pemantauan media' }).waitFor();
  await page.getByLabel('Nama sumber').fill('Berita OKI (uji)');
  await page.getByLabel('Alamat umpan RSS/Atom').fill(`${feedBase}/rss.xml`);
  await page.getByRole('button', { name: 'Tambah umpan' }).click();
  await page.getByText('Umpan Berita OKI (uji) ditambahkan.').waitFor();
  await page.getByRole('button', { name: 'Ambil sekarang: Berita OKI (uji)' }).click();
  await page.getByText(/Pengambilan dijadwalkan \(pekerjaan #\d+\)\./).waitFor();
  await session.screenshot(page, 'leads-admin-sources');

  // The test server runs without the in-process worker: drain the lead jobs here.
  // Only this test's own feed server is exempt from the SSRF address check (production passes no guard).
  const worker = startWorker(
    netra.db,
    leadJobs({
      db: netra.db,
      evidence: createDiskEvidenceStore(join(netra.config.dataDir, 'evidence')),
      fetchGuard: { allowOrigins: [feedBase] },
    }),
    { autoStart: false },
  );
  while (await worker.runOnce());
  await worker.stop();
  const processed = await netra.db.query<{ relevant: boolean; region_codes: string[] }>(
    'SELECT l.relevant, l.region_codes FROM leads l JOIN articles a ON a.id = l.article_id WHERE a.external_id = $1',
    ['camat-oki'],
  );
  assert.deepEqual(processed.rows, [{ relevant: true, region_codes: ['16.02'] }]);

  // The OKI supervisor, in a separate browser context.
  const staff = await session.newPage();
  await signInAs(staff, supervisor);
  await staff.getByRole('navigation', { name: 'Navigasi konsol staf' }).getByRole('link', { name: 'Petunjuk media' }).click();
  await staff.getByRole('heading', { level: 1, name: 'Petunjuk dari pemantauan media' }).waitFor();
  const row = staff.getByRole('row', { name: new RegExp(TITLE) });
  await row.waitFor();
  assert.match(await row.innerText(), /Kabupaten Ogan Komering Ilir/);
  assert.match(await row.innerText(), /camat/);
  await session.screenshot(staff, 'leads-inbox');
  await row.getByRole('link', { name: TITLE }).click();

  await staff.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  const marks = staff.locator('.lead-text mark');
  assert.ok((await marks.count()) >= 3, 'facts are highlighted in the text');
  assert.ok((await staff.locator('.lead-text mark[data-kind="region"]').allInnerTexts()).some((m) => /OKI|Ogan Komering Ilir/.test(m)));
  assert.ok((await staff.locator('.lead-text mark[data-kind="person"]').allInnerTexts()).includes('Romi Maradona'));
  await staff.getByRole('list', { name: 'Keterangan sorotan' }).waitFor();
  assert.equal(await staff.getByLabel('Kode wilayah kejadian').inputValue(), '16.02');
  assert.equal(await staff.getByLabel('Tanggal kejadian').inputValue(), '2024-11-10');
  assert.equal(await staff.getByRole('checkbox', { name: 'Hadir dan mendukung aktif deklarasi/kampanye' }).isChecked(), true);

  await staff.getByLabel('Nama terlapor').fill('Camat Sukamaju');
  await staff.getByLabel('Jabatan terlapor').fill('Camat');
  await staff.getByLabel('Instansi terlapor').fill('Pemerintah Kabupaten Ogan Komering Ilir');
  await staff.getByLabel('Jenis subjek').selectOption('camat');
  await session.screenshot(staff, 'leads-detail');
  await staff.getByRole('button', { name: 'Jadikan informasi awal' }).click();
  await staff.getByText('Informasi awal dibuat.').first().waitFor();

  await staff.getByRole('link', { name: 'Buka perkara' }).click();
  await staff.waitForURL(/\/staf\/kasus\/[0-9a-f-]{36}$/);
  const caseId = staff.url().split('/').pop()!;
  const created = await netra.db.query<{ kind: string; state: string; source: string; office_code: string }>(
    'SELECT kind, state, source, office_code FROM cases WHERE id = $1',
    [caseId],
  );
  assert.deepEqual(created.rows[0], { kind: 'temuan', state: 'informasi_awal', source: 'media', office_code: '16.02' });
  await staff.getByText(TITLE).first().waitFor();
  await session.screenshot(staff, 'leads-promoted-case');
  await staff.context().close();
});
