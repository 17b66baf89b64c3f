// Issue 11: a kill in the first seconds of a brand-new PGlite data dir (while PGlite ran initdb)
// left a dir that never started again (`Aborted()`, `language "plpgsql" does not exist`).
// Now the dir is initialised aside and moved into place when complete; a kill at any moment of
// a first start is followed by a clean start.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, startNetraProcess } from '../support/process.ts';
import { ensureWebBuild } from '../../src/cli/webBuild.ts';
import { openPglite } from '../../src/server/db/client.ts';
import { migrate } from '../../src/server/db/migrate.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Moments of a first start, watched on disk so they hit the same phase on a fast or a busy machine. */
const MOMENTS: { name: string; when: (dataDir: string) => boolean; delayMs: number }[] = [
  { name: '200 ms after spawn', when: () => true, delayMs: 200 },
  { name: 'in the middle of initdb', when: (d) => existsSync(join(d, '.pglite-init')), delayMs: 500 },
  { name: 'as the new database moves into place', when: (d) => existsSync(join(d, '.pglite-init', 'COMPLETE')), delayMs: 0 },
  { name: 'during migrations', when: (d) => existsSync(join(d, 'PG_VERSION')), delayMs: 300 },
];

before(async () => {
  await ensureWebBuild();
}); // once, so no start below spends its first seconds in vite

test('SIGKILL at several moments of a first start: the next start is clean', { timeout: 300_000 }, async () => {
  for (const moment of MOMENTS) {
    const dataDir = mkdtempSync(join(tmpdir(), 'netra-firstkill-'));
    const env = { NETRA_DATA_DIR: dataDir, NETRA_IDENTITY_KEY: 'd'.repeat(64), WORKER: 'off' };
    const port = await freePort();
    const first = spawn(process.execPath, [join(root, 'bin/netra.mjs'), 'start'], {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NETRA_LOG_LEVEL: 'error', NETRA_LOAD_VILLAGES: 'false', ...env },
    });
    let exitedEarly = false;
    const exited = new Promise((resolve) =>
      first.once('exit', () => {
        exitedEarly = true;
        resolve(undefined);
      }),
    );
    const giveUpAt = Date.now() + 90_000;
    while (!moment.when(dataDir) && !exitedEarly && Date.now() < giveUpAt) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, moment.delayMs));
    assert.equal(exitedEarly, false, `the first start exited by itself before "${moment.name}"`);
    first.kill('SIGKILL');
    await exited;

    const t0 = Date.now();
    const next = await startNetraProcess(env);
    process.stderr.write(`first-start kill ${moment.name}: next start healthy in ${Date.now() - t0} ms\n`);
    try {
      const res = await fetch(`${next.url}/api/v1/regions/16`);
      assert.equal(res.status, 200, `after a kill ${moment.name}`);
      assert.equal(existsSync(join(dataDir, '.pglite-init')), false);
    } finally {
      await next.kill('SIGTERM');
    }
  }
});

test(
  'a kill while the finished init is moved into place is completed on the next open; a half-made init is redone',
  { timeout: 120_000 },
  async () => {
    // A complete, staged init (what a kill during the move leaves): half its entries already moved.
    const made = mkdtempSync(join(tmpdir(), 'netra-staged-src-'));
    const source = join(made, 'db');
    const db0 = await openPglite(source);
    await db0.close();
    const dataDir = mkdtempSync(join(tmpdir(), 'netra-staged-'));
    const staging = join(dataDir, '.pglite-init');
    cpSync(source, staging, { recursive: true });
    writeFileSync(join(staging, 'COMPLETE'), '');
    const entries = readdirSync(staging).filter((n) => n !== 'COMPLETE' && n !== 'PG_VERSION' && n !== 'netra.lock');
    for (const name of entries.slice(0, Math.floor(entries.length / 2))) renameSync(join(staging, name), join(dataDir, name));
    const db1 = await openPglite(dataDir);
    try {
      await migrate(db1);
      assert.equal((await db1.query("SELECT 1 FROM pg_language WHERE lanname = 'plpgsql'")).rows.length, 1);
    } finally {
      await db1.close();
    }
    assert.equal(existsSync(staging), false);

    // A staging dir without the marker (killed during initdb) is thrown away and redone.
    const other = mkdtempSync(join(tmpdir(), 'netra-halfmade-'));
    mkdirSync(join(other, '.pglite-init', 'base'), { recursive: true });
    writeFileSync(join(other, '.pglite-init', 'PG_VERSION'), '17\n');
    const db2 = await openPglite(other);
    try {
      await migrate(db2);
      assert.equal((await db2.query("SELECT 1 FROM pg_language WHERE lanname = 'plpgsql'")).rows.length, 1);
    } finally {
      await db2.close();
    }
  },
);
