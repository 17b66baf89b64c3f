// Browser journey through the transparency pages: the offline map (provinces → Sumatera Selatan →
// Kabupaten Ogan Komering Ilir), its public profile, the 514-region view (render time measured),
// a staff-registered pledge verified through its QR URL (and a tampered one rejected), and the
// open-data CSV matching the dashboard total.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { buildUser } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { startBrowserSession, type BrowserSession } from '../support/browser.ts';
import { importRiskIndicators } from '../../src/server/modules/risk/importIndicators.ts';
import { invalidateStats } from '../../src/server/modules/stats/service.ts';

let session: BrowserSession;
const SEEDED = 3;

/** A date in Asia/Jakarta, `days` before today (reports must not be dated in the future). */
function jakartaDate(daysAgo: number): string {
  return new Date(Date.now() + 7 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

before(async () => {
  session = await startBrowserSession();
  for (let i = 0; i < SEEDED; i++) {
    const input = buildLaporanInput({ peristiwa: { tanggalKejadian: jakartaDate(2), tanggalDiketahui: jakartaDate(1) } });
    const response = await fetch(`${session.baseUrl}/api/v1/laporan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    assert.equal(response.status, 201, await response.text());
  }
  // Official IKP scores for the drill-down path: a category is only shown with enough data
  // (live cases alone stay uncategorised; src/domain/risk MIN_WEIGHT_WITH_DATA).
  await importRiskIndicators(
    session.netra.db,
    'ikp',
    [
      'region_code,score,category,source',
      '16,40.5,sedang,"Bawaslu, IKP Pemilu dan Pemilihan Serentak 2024"',
      '16.02,55.1,tinggi,"Bawaslu, IKP Pemilu dan Pemilihan Serentak 2024"',
    ].join('\n'),
    { id: null, role: 'test' },
    new Date(),
  );
  invalidateStats(session.netra.db);
});

after(async () => {
  await session?.close();
});

test('map, region profile, pledges and open data in the browser', async (t) => {
  const { page } = session;
  const timings: Record<string, number> = {};

  await t.test('boundaries are served by Netra itself, cacheable, with an ETag', async () => {
    const response = await fetch(`${session.baseUrl}/api/v1/public/geo/regencies.topo.json`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('cache-control') ?? '', /max-age=\d{5,}/);
    const etag = response.headers.get('etag');
    assert.ok(etag);
    const topology = (await response.json()) as { objects: { regencies: { geometries: unknown[] } } };
    assert.equal(topology.objects.regencies.geometries.length, 514);
    const again = await fetch(`${session.baseUrl}/api/v1/public/geo/regencies.topo.json`, { headers: { 'if-none-match': etag! } });
    assert.equal(again.status, 304);
  });

  await t.test('map: provinces, keyboard drill-down to Sumatera Selatan, then Ogan Komering Ilir', async () => {
    await page.goto('/peta');
    await page.getByRole('heading', { level: 1, name: 'Peta kerawanan netralitas' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Indonesia: 38 provinsi' }).waitFor();
    await page.locator('figure.map-figure[aria-busy="false"] svg[data-regions="38"]').waitFor();
    assert.equal(await page.locator('svg.choropleth path[role="button"]').count(), 38);
    await page.getByText(/Batas wilayah: cahyadsn\/wilayah_boundaries \(MIT\)/).waitFor();
    await page.getByText('Rawan tinggi (skor ≥ 68,5)').waitFor();
    await session.screenshot(page, 'map-provinces-desktop');

    // Keyboard: focus the province's shape and press Enter.
    const sumsel = page.getByRole('button', { name: /^Sumatera Selatan: Rawan (rendah|sedang|tinggi) \(skor [\d,]+\)$/ });
    await sumsel.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/peta\?provinsi=16/);
    await page.getByRole('heading', { level: 2, name: /^Sumatera Selatan: 17 kabupaten\/kota$/ }).waitFor();
    await page.locator('figure.map-figure[aria-busy="false"] svg[data-regions="17"]').waitFor();
    // Focus follows the drill-down to the new view's heading (not <body>).
    await page.waitForFunction(
      () => document.activeElement?.tagName === 'H2' && /Sumatera Selatan/.test(document.activeElement.textContent ?? ''),
    );
    const breadcrumbs = page.getByRole('navigation', { name: 'Lokasi halaman' });
    await breadcrumbs.getByRole('link', { name: 'Peta kerawanan netralitas' }).waitFor();

    // Cases layer: the three seeded reports are in OKI.
    await page.locator('label.segmented__option', { hasText: 'Perkara' }).click();
    await page.waitForURL(/lapisan=perkara/);
    await page.getByRole('button', { name: 'Kabupaten Ogan Komering Ilir: 3 perkara' }).waitFor();
    await page.locator('label.segmented__option', { hasText: 'Kerawanan' }).click();
    const oki = page.getByRole('button', { name: /^Kabupaten Ogan Komering Ilir: Rawan/ });
    await oki.waitFor();
    await session.screenshot(page, 'map-sumsel-desktop');
    await oki.click();
    await page.waitForURL(/\/wilayah\/16\.02\/profil$/);
  });

  await t.test('profile: contest, stages, risk category with components and sources, cases', async () => {
    await page.getByRole('heading', { level: 1, name: 'Kabupaten Ogan Komering Ilir' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Pemilihan Bupati dan Wakil Bupati' }).waitFor();
    assert.match(await page.getByRole('row', { name: /^Pemungutan suara\b/ }).innerText(), /27 November 2024/);
    const risk = (await (await fetch(`${session.baseUrl}/api/v1/risk/16.02`)).json()) as { category: string; score: number };
    const label = { rendah: 'Rawan rendah', sedang: 'Rawan sedang', tinggi: 'Rawan tinggi' }[risk.category]!;
    const riskSection = page.getByRole('region', { name: 'Kerawanan netralitas' });
    await riskSection.getByText(label, { exact: true }).waitFor();
    assert.match(await riskSection.innerText(), /Bawaslu, IKP Pemilu dan Pemilihan Serentak 2024/);
    const components = page.getByRole('table', { name: 'Komponen indeks dan sumbernya' });
    assert.match(await components.innerText(), /Kasus berjalan di Netra[\s\S]*Netra: laporan dan temuan/);
    const cases = page.getByRole('region', { name: 'Perkara' });
    assert.match(await cases.innerText(), new RegExp(`^Perkara\\s+${SEEDED} perkara`));
    await session.screenshot(page, 'map-profile-desktop');
  });

  await t.test('all 514 kabupaten/kota drawn at once; render and recolour time measured', async () => {
    await page.goto('/peta');
    await page.locator('figure.map-figure[aria-busy="false"] svg[data-regions="38"]').waitFor();
    const started = await page.evaluate(() => performance.now());
    await page.locator('label.segmented__option', { hasText: 'Semua kabupaten/kota' }).click();
    await page.locator('figure.map-figure[aria-busy="false"] svg[data-regions="514"][data-render-ms]').waitFor({ timeout: 60_000 });
    const ended = await page.evaluate(() => performance.now());
    assert.equal(await page.locator('svg.choropleth path[role="button"]').count(), 514);
    timings.clickTo514Ms = Math.round(ended - started);
    timings.render514Ms = Number(await page.locator('svg.choropleth').getAttribute('data-render-ms'));
    timings.geometry514Ms = Number(await page.locator('svg.choropleth').getAttribute('data-geometry-ms'));
    // Layer switch: the same paths, new fills only.
    await page.locator('label.segmented__option', { hasText: 'Perkara' }).click();
    await page.locator('svg.choropleth[data-recolour-ms]').waitFor();
    timings.recolour514Ms = Number(await page.locator('svg.choropleth').getAttribute('data-recolour-ms'));
    await page.getByRole('button', { name: 'Kabupaten Ogan Komering Ilir: 3 perkara' }).waitFor();
    await session.screenshot(page, 'map-514-desktop');
    t.diagnostic(
      `514-region view: click→drawn ${timings.clickTo514Ms} ms (incl. 1 MB TopoJSON fetch + risk API); ` +
        `component render (geometry + commit + paint) ${timings.render514Ms} ms, of which projection + path strings ${timings.geometry514Ms} ms; layer recolour ${timings.recolour514Ms} ms`,
    );
    console.log(`[map timings] ${JSON.stringify(timings)}`);
    assert.ok(timings.render514Ms < 5000, `514-region render took ${timings.render514Ms} ms`);
  });

  await t.test('phone width (390 px): map fits without sideways scrolling', async () => {
    const phone = await session.newPage({ width: 390, height: 844 });
    await phone.goto('/peta');
    await phone.locator('figure.map-figure[aria-busy="false"] svg[data-regions="38"]').waitFor();
    await session.screenshot(phone, 'map-provinces-phone');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `map page scrolls sideways by ${overflow}px at 390px`);
    await phone.goto('/wilayah/16.02/profil');
    await phone.getByRole('heading', { level: 1, name: 'Kabupaten Ogan Komering Ilir' }).waitFor();
    await session.screenshot(phone, 'map-profile-phone');
    await phone.goto('/dasbor');
    await phone.getByTestId('total-cases').waitFor();
    await session.screenshot(phone, 'dashboard-phone');
    const overflowDash = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflowDash <= 0, `dashboard scrolls sideways by ${overflowDash}px at 390px`);
    await phone.context().close();
  });

  await t.test('staff registers a pledge; its QR URL verifies as valid, a tampered signature does not', async () => {
    const { username, password } = await buildUser(session.netra.db, { role: 'pengawas_kabkota', regionCode: '16.02' });
    await page.goto('/staf/deklarasi');
    await page.waitForURL(/\/staf\/masuk$/);
    await page.getByLabel('Nama pengguna').fill(username);
    await page.getByLabel('Kata sandi').fill(password);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Catat deklarasi netralitas' }).waitFor();
    await page.getByText('Dipilih: Kabupaten Ogan Komering Ilir (16.02)').waitFor();
    await page.getByLabel('Instansi').fill('Pemerintah Kabupaten Ogan Komering Ilir');
    await page.getByLabel('Tempat').fill('Pendopo Kabupaten, Kayuagung');
    await page.getByLabel('Jumlah penanda tangan').fill('250');
    await page.getByLabel('Daftar penanda tangan (tidak wajib)').fill('Andi Pratama; Sekretaris Daerah\nRina Marlina; Kepala BKPSDM');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/pledges') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Catat dan terbitkan sertifikat' }).click(),
    ]);
    assert.equal(response.status(), 201);
    const created = (await response.json()) as { id: string; verificationUrl: string; signature: string };
    await page.getByText('Deklarasi Pemerintah Kabupaten Ogan Komering Ilir telah dicatat.').waitFor();
    assert.equal(await page.getByTestId('verification-link').getAttribute('href'), created.verificationUrl);
    const pdf = await page.request.get(`/api/v1/public/pledges/${created.id}/certificate.pdf`);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');

    // The QR code opens this URL (renderPledgeCertificate: base URL + verificationUrl).
    await page.goto(created.verificationUrl);
    await page.getByRole('heading', { level: 1, name: 'Verifikasi sertifikat deklarasi' }).waitFor();
    await page.getByText('Sertifikat SAH').waitFor();
    assert.match(
      await page.locator('dl.facts--profile').innerText(),
      /Pemerintah Kabupaten Ogan Komering Ilir[\s\S]*Kabupaten Ogan Komering Ilir[\s\S]*250/,
    );
    await session.screenshot(page, 'pledge-verify-valid');

    const sig = created.signature;
    const tampered = `${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
    await page.goto(`/verifikasi/deklarasi/${created.id}?sig=${tampered}`);
    await page.getByText('Sertifikat TIDAK SAH').waitFor();
    await page.getByText('Tanda tangan tidak cocok dengan dokumen.').waitFor();

    await page.goto('/deklarasi');
    await page.getByRole('heading', { level: 3, name: 'Pemerintah Kabupaten Ogan Komering Ilir' }).waitFor();
  });

  await t.test('open data: the cases CSV has as many rows as the dashboard total', async () => {
    await page.goto('/dasbor');
    await page.getByRole('heading', { level: 1, name: 'Dasbor publik' }).waitFor();
    const total = Number((await page.getByTestId('total-cases').locator('dd').innerText()).replace(/\D/g, ''));
    assert.equal(total, SEEDED);
    await page.getByRole('table', { name: 'Menurut status' }).waitFor();
    await page.getByRole('link', { name: 'Kabupaten Ogan Komering Ilir' }).waitFor();
    await session.screenshot(page, 'dashboard-desktop');

    await page.goto('/data');
    await page.getByRole('heading', { level: 1, name: 'Data terbuka' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.split('\r\n').filter(Boolean);
    assert.match(lines[0], /^case_ref,kind,state,/);
    assert.equal(lines.length - 1, total, 'CSV rows = dashboard total');
    // The release (with its SHA-256) now appears in the catalogue.
    await page.reload();
    const csvCard = page.getByRole('article', { name: 'Perkara netralitas (CSV)' });
    assert.match(await csvCard.innerText(), /SHA-256\s*[0-9a-f]{64}/);
    await session.screenshot(page, 'open-data-desktop');
  });

  await t.test('guide: rendered from the catalogues for ASN, village officials and citizens', async () => {
    await page.goto('/panduan');
    await page.getByRole('heading', { level: 1, name: 'Panduan netralitas ASN dan perangkat desa dalam Pilkada' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Untuk ASN' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Untuk kepala desa dan perangkat desa' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Untuk masyarakat: cara melapor' }).waitFor();
    assert.match(await page.getByRole('table', { name: 'Pelanggaran disiplin (hukuman disiplin PNS)' }).innerText(), /PP 94\/2021/);
    await session.screenshot(page, 'guide-desktop');
  });
});
