// Accessibility: axe-core (WCAG 2.x A/AA rules) on every public page in both languages and at a
// phone and a desktop viewport, and on the staff pages signed in. One server, one browser; a
// fresh context per language × viewport. Each page is checked in both languages and at both
// widths as two pairs (Indonesian on a phone, English on a desktop) rather than all four
// combinations: language changes text, width changes layout, and neither rule set depends on the
// other, while the full square doubled the suite's longest test. Serious and critical violations fail the test, listed
// all at once so a run shows everything to fix.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
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

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
const COMBINATIONS = [
  { language: 'id', viewport: PHONE },
  { language: 'en', viewport: DESKTOP },
] as const;
const PUBLIC_PAGES = [
  '/',
  '/lapor',
  '/lacak',
  '/pengumuman',
  '/peta',
  '/dasbor',
  '/deklarasi',
  '/data',
  '/panduan',
  '/wilayah/16.02/profil',
  '/rekomendasi',
];

/** A page is ready when the app has rendered its main heading and nothing is still loading. */
async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .loading'), undefined, { timeout: 10_000 }).catch(() => {});
}

// WCAG 2.1 A/AA, plus three best-practice rules the issue named (heading order, keyboard-reachable
// scroll boxes, label in name); the rest of best-practice roughly doubles axe's time per page.
const EXTRA_RULES = ['heading-order', 'scrollable-region-focusable', 'label-content-name-mismatch'];

async function seriousViolations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .options({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: Object.fromEntries(EXTRA_RULES.map((r) => [r, { enabled: true }])),
    })
    .analyze();
  return (
    result.violations
      // Heading order is 'moderate' for axe; the issue asks for it, so it fails here too.
      .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order')
      .map(
        (v) =>
          `${where}: ${v.id} (${v.impact}) — ${v.help}\n    ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join('\n    ')}`,
      )
  );
}

test('public pages: no serious or critical axe violations, both languages, phone and desktop', async () => {
  const found: string[] = [];
  // Two browser contexts at a time: axe is CPU-bound in the page, so more would not help.
  await Promise.all(
    COMBINATIONS.map(async ({ language, viewport }) => {
      const page = await session.newPage(viewport);
      await page.context().addInitScript((lang) => localStorage.setItem('netra.lang', lang), language);
      for (const path of PUBLIC_PAGES) {
        const started = Date.now();
        await page.goto(path);
        await settle(page);
        const settled = Date.now();
        assert.equal(await page.locator('html').getAttribute('lang'), language);
        found.push(...(await seriousViolations(page, `${path} [${language} ${viewport.width}]`)));
        if (process.env.A11Y_TIMING)
          console.log(`${path} ${language} ${viewport.width}: settle ${settled - started} ms, axe ${Date.now() - settled} ms`);
      }
      await page.context().close();
    }),
  );
  assert.deepEqual(found, [], found.join('\n'));
});

test('staff pages: no serious or critical axe violations', async () => {
  const today = localDateOf(new Date(), 'WIB');
  const input = buildLaporanInput({
    peristiwa: { kodeWilayah: '16.02.05', tanggalKejadian: addDaysToLocalDate(today, -3), tanggalDiketahui: addDaysToLocalDate(today, -2) },
  });
  const page = await session.newPage({ width: 1366, height: 900 });
  const filed = await page.request.post('/api/v1/laporan', { data: input });
  assert.equal(filed.status(), 201, await filed.text());
  const { id } = (await filed.json()) as { id: string };
  const { username, password } = await buildUser(session.netra.db, { role: 'pengawas_kabkota', regionCode: '16.02' });
  await page.goto('/staf/masuk');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/masuk'));

  const found: string[] = [];
  for (const path of ['/staf/antrian', `/staf/kasus/${id}`, '/staf/rekomendasi', '/staf/leads', '/staf']) {
    await page.goto(path);
    await settle(page);
    found.push(...(await seriousViolations(page, path)));
  }
  // The sign-in page itself, signed out.
  const signedOut = await session.newPage({ width: 390, height: 844 });
  await signedOut.goto('/staf/masuk');
  await settle(signedOut);
  found.push(...(await seriousViolations(signedOut, '/staf/masuk')));
  // Empty sign-in: one sentence in the page's language, focus on the empty field, no field keys.
  await signedOut.getByRole('button', { name: 'Masuk', exact: true }).click();
  await signedOut.getByText('Isi nama pengguna dan kata sandi.').waitFor();
  assert.equal(await signedOut.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name), 'username');
  // /rekomendasi opened without a link key explains itself instead of offering a useless retry.
  await signedOut.goto('/rekomendasi');
  await signedOut.locator('main').getByRole('link', { name: 'Lacak laporan' }).waitFor();
  assert.equal(await signedOut.getByRole('button', { name: 'Coba lagi' }).count(), 0);
  assert.ok(!(await signedOut.locator('main').innerText()).includes("'key'"));
  await signedOut.context().close();
  await page.context().close();
  assert.deepEqual(found, [], found.join('\n'));
});
