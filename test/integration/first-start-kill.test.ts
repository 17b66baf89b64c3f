// Issue 11: a kill in the first seconds of a brand-new PGlite data dir (while PGlite ran initdb)
// left a dir that never started again (`Aborted()`, `language "plpgsql" does not exist`).
// Now the dir is initialised aside and moved into place when complete; a kill at any moment of
// a first start is followed by a clean start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, startNetraProcess, waitForHealth } from '../support/process.ts';
import { openPglite } from '../../src/server/db/client.ts';
import { migrate } from '../../src/server/db/migrate.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('SIGKILL at several moments of a first start: the next start is clean', { timeout: 300_000 }, async () => {
  for (const killAfterMs of [300, 1000, 2000, 3500]) {
    const dataDir = mkdtempSync(join(tmpdir(), 'netra-firstkill-'));
    const env = { NETRA_DATA_DIR: dataDir, NETRA_IDENTITY_KEY: 'd'.repeat(64), WORKER: 'off' };
    const port = await freePort();
    const first = spawn(process.execPath, [join(root, 'bin/netra.mjs'), 'start'], {
      cwd: root, stdio: 'ignore',
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NETRA_LOG_LEVEL: 'error', NETRA_LOAD_VILLAGES: 'false', ...env },
    });
    const exited = new Promise((resolve) => first.once('exit', resolve));
    await new Promise((r) => setTimeout(r, killAfterMs));
    first.kill('SIGKILL');
    await exited;

    const next = await startNetraProcess(env);
    try {
      await waitForHealth(next.url);
      const res = await fetch(`${next.url}/api/v1/regions/16`);
      assert.equal(res.status, 200, `after a kill at ${killAfterMs} ms`);
      assert.equal(existsSync(join(dataDir, '.pglite-init')), false);
    } finally {
      await next.kill('SIGTERM');
    }
  }
});

test('a kill while the finished init is moved into place is completed on the next open; a half-made init is redone', { timeout: 120_000 }, async () => {
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
});
