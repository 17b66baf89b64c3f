// Accessibility: axe-core (WCAG 2.x A/AA rules) on every public page in both languages at a
// phone and a desktop viewport, and on the staff pages signed in. One server, one browser; a
// fresh context per language × viewport. Serious and critical violations fail the test, listed
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

const VIEWPORTS = [{ width: 390, height: 844 }, { width: 1366, height: 900 }];
const LANGUAGES = ['id', 'en'] as const;
const PUBLIC_PAGES = ['/', '/lapor', '/lacak', '/pengumuman', '/peta', '/dasbor', '/deklarasi', '/data', '/panduan', '/wilayah/16.02/profil'];

/** A page is ready when the app has rendered its main heading and nothing is still loading. */
async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .loading'), undefined, { timeout: 10_000 }).catch(() => {});
}

async function seriousViolations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) — ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
}

test('public pages: no serious or critical axe violations, both languages, phone and desktop', async () => {
  const found: string[] = [];
  for (const language of LANGUAGES) {
    for (const viewport of VIEWPORTS) {
      const page = await session.newPage(viewport);
      await page.context().addInitScript((lang) => localStorage.setItem('netra.lang', lang), language);
      for (const path of PUBLIC_PAGES) {
        await page.goto(path);
        await settle(page);
        assert.equal(await page.locator('html').getAttribute('lang'), language);
        found.push(...await seriousViolations(page, `${path} [${language} ${viewport.width}]`));
      }
      await page.context().close();
    }
  }
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
  const { id } = await filed.json() as { id: string };
  const { username, password } = await buildUser(session.netra.db, { role: 'pengawas_kabkota', regionCode: '16.02' });
  await page.goto('/staf/masuk');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/masuk'));

  const found: string[] = [];
  for (const path of ['/staf/antrian', `/staf/kasus/${id}`, '/staf/rekomendasi', '/staf/leads']) {
    await page.goto(path);
    await settle(page);
    found.push(...await seriousViolations(page, path));
  }
  // The sign-in page itself, signed out.
  const signedOut = await session.newPage({ width: 390, height: 844 });
  await signedOut.goto('/staf/masuk');
  await settle(signedOut);
  found.push(...await seriousViolations(signedOut, '/staf/masuk'));
  await signedOut.context().close();
  await page.context().close();
  assert.deepEqual(found, [], found.join('\n'));
});
