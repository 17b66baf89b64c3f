// `netra import cases`: one real process against a fresh embedded database (spawned once).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('netra import cases imports the sample with progress on stderr and a summary on stdout', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'netra-import-'));
  try {
    const env = { PATH: process.env.PATH ?? '', NETRA_DATA_DIR: dataDir, NETRA_LOG_LEVEL: 'silent', NETRA_LOAD_VILLAGES: 'false' };
    const run = spawnSync(
      process.execPath,
      [join(root, 'bin/netra.mjs'), 'import', 'cases', join(root, 'reference/samples/rekap-perkara-SINTETIS.csv')],
      { cwd: root, env, encoding: 'utf8', timeout: 300_000 },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /periksa: 8\/8 baris \(100%\)/);
    assert.match(run.stderr, /tulis: 8\/8 baris/);
    assert.match(run.stdout, /baru\s+baris\s+2\s+SINTETIS-001\/LP\/PB\/Kab\/35\.07\/X\/2020\s+2020-10-12/);
    assert.match(run.stdout, /→ KASN/);
    assert.match(run.stdout, /Diimpor \/ imported: 8 baris — baru 8, diperbarui 0, tetap 0; sha256 [0-9a-f]{64}/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('netra import cases --help prints the usage without opening a database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'netra-import-'));
  try {
    const run = spawnSync(process.execPath, [join(root, 'bin/netra.mjs'), 'import', 'cases', '--help'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', NETRA_DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /usage: netra import cases FILE\.csv\|FILE\.xlsx \[--dry-run\]/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
