// Browser journeys: a real Netra server (fresh PGlite data dir, ephemeral port) driven by
// Debian's Chromium through playwright-core. No browser download: `chromium` must be installed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureWebBuild } from '../../src/cli/webBuild.ts';
import { startNetra, type RunningNetra } from '../../src/server/main.ts';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const screenshotDir = join(repoRoot, 'tmp');

/** Finds Debian's Chromium on PATH (CHROMIUM_PATH overrides); fails with an actionable message. */
export function findChromium(): string {
  const override = process.env.CHROMIUM_PATH;
  if (override) return override;
  try {
    const found = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
    if (found) return found;
  } catch {
    // fall through to the error below
  }
  throw new Error(
    'Chromium not found on PATH. Browser tests use the system Chromium (Debian: `apt-get install chromium`, ' +
      'which provides /usr/bin/chromium), or set CHROMIUM_PATH to a Chromium/Chrome executable.',
  );
}

/**
 * Builds the web app if stale, once across parallel test processes: node's runner starts each
 * file in its own process, and two concurrent `vite build`s would empty dist/web under each other.
 */
export async function ensureWebBuildOnce(): Promise<void> {
  const lock = join(repoRoot, 'tmp', '.web-build.lock');
  mkdirSync(join(repoRoot, 'tmp'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a crashed run is taken over after a minute.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the web build lock ${lock}`);
      await sleep(200);
    }
  }
  try {
    await ensureWebBuild();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Generous: a Chromium start on a 2-core machine shared with other test processes can be slow. */
export const LAUNCH_TIMEOUT_MS = 120_000;

/** Launches Chromium, once more after a failed first attempt (a launch that hung is killed by playwright). */
export async function launchChromium(executablePath: string): Promise<Browser> {
  const launch = () =>
    chromium.launch({
      executablePath,
      headless: true,
      // Playwright gives every launch its own fresh temporary --user-data-dir (and refuses one in args).
      args: CHROMIUM_ARGS,
      timeout: LAUNCH_TIMEOUT_MS,
    });
  try {
    return await launch();
  } catch (first) {
    try {
      return await launch();
    } catch (second) {
      throw new AggregateError([first, second], `Chromium did not start twice (${executablePath})`, { cause: second });
    }
  }
}

export interface BrowserSession {
  baseUrl: string;
  page: Page;
  context: BrowserContext;
  browser: Browser;
  netra: RunningNetra;
  /** Opens a fresh page in a new context (separate cookies and storage) with the same browser. */
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
  /** Saves a full-page PNG to tmp/<name>.png and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export interface BrowserSessionOptions {
  viewport?: { width: number; height: number };
  locale?: string;
  /** NETRA_REQUIRE_TOTP for the server; 'off' unless the journey is about TOTP (production default: 'staff'). */
  requireTotp?: 'staff' | 'admin' | 'off';
}

export async function startBrowserSession(options: BrowserSessionOptions = {}): Promise<BrowserSession> {
  const executablePath = findChromium();
  // Build before starting the server: the app only mounts dist/web when it exists at start-up.
  await ensureWebBuildOnce();
  const dataDir = mkdtempSync(join(tmpdir(), 'netra-e2e-data-'));
  let netra: RunningNetra | undefined;
  let browser: Browser | undefined;
  const cleanUp = async () => {
    await browser?.close().catch(() => {});
    await netra?.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  };
  // One after the other, never overlapped: PGlite runs initdb and the migrations as WebAssembly on
  // this process's main thread, so while the server starts, the event loop is blocked for seconds
  // at a time and Chromium's launch handshake (read from a pipe by that same loop) waits behind it;
  // playwright's launch timer then measured PGlite's CPU time, and on a busy machine (another test
  // file starting its own server and browser) passed 30 s. The server starts first, then the
  // launch has the loop to itself, with room for a loaded machine and one retry.
  try {
    netra = await startNetra(
      {
        port: 0,
        host: '127.0.0.1',
        dataDir,
        logLevel: 'silent',
        loadVillages: false,
        runWorker: false,
        requireTotp: options.requireTotp ?? 'off',
      },
      { quiet: true },
    );
    browser = await launchChromium(executablePath);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const baseUrl = netra.url;
  const viewport = options.viewport ?? { width: 1280, height: 800 };
  const locale = options.locale ?? 'id-ID';
  const openContext = async (size = viewport) => {
    const context = await browser!.newContext({ baseURL: baseUrl, viewport: size, locale, timezoneId: 'Asia/Jakarta' });
    context.setDefaultTimeout(10_000);
    return context;
  };
  const context = await openContext();
  const page = await context.newPage();
  return {
    baseUrl,
    page,
    context,
    browser,
    netra,
    async newPage(size) {
      const extra = await openContext(size ? { width: size.width ?? viewport.width, height: size.height ?? viewport.height } : viewport);
      return extra.newPage();
    },
    async screenshot(target, name) {
      await mkdir(screenshotDir, { recursive: true });
      const path = join(screenshotDir, `${name}.png`);
      await target.screenshot({ path, fullPage: true });
      return path;
    },
    close: cleanUp,
  };
}
