// The `netra` command behaves like a command: --help prints usage and does nothing else, errors go to
// stderr naming the file, and a run with failed input lines exits non-zero.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function netra(args: string[], options: { env?: Record<string, string>; input?: string } = {}) {
  const child = spawn(process.execPath, [join(root, 'bin/netra.mjs'), ...args], {
    cwd: root,
    env: { ...process.env, NETRA_LOG_LEVEL: 'error', NETRA_LOAD_VILLAGES: 'false', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    stdout += c;
  });
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    stderr += c;
  });
  child.stdin.end(options.input ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

describe('netra command line', () => {
  test('--help on every subcommand prints its usage and touches no data dir', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'netra-cli-')), 'data');
    const commands = [
      ['start'],
      ['worker'],
      ['migrate'],
      ['verify-audit'],
      ['audit-checkpoint'],
      ['backup'],
      ['restore'],
      ['user', 'create'],
      ['import', 'candidates'],
      ['import', 'election'],
      ['triage'],
    ];
    const runs = [];
    // One at a time: each answers from the usage texts alone, so the whole loop stays short.
    for (const args of commands) runs.push(await netra([...args, '--help'], { env: { NETRA_DATA_DIR: dataDir } }));
    runs.forEach((run, i) => {
      const name = commands[i].join(' ');
      assert.equal(run.code, 0, `${name}: ${run.stderr}`);
      assert.match(run.stdout, /usage/i, name);
      assert.match(run.stdout, new RegExp(`netra ${commands[i][0]}`), name);
    });
    assert.equal(existsSync(dataDir), false, 'no command ran: the data dir was never created');
  });

  test('an unknown command is an error on stderr with exit 2', async () => {
    const run = await netra(['frobnicate']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /unknown command: frobnicate/);
  });

  test('import election: a missing file, bad JSON, a schema error and wrong expectedContests name the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netra-cli-'));
    const missing = await netra(['import', 'election', join(dir, 'tidak-ada.json')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /tidak-ada\.json: berkas tidak ditemukan \/ file not found/);

    const badJson = join(dir, 'rusak.json');
    writeFileSync(badJson, '{"id": "pilkada-2029",');
    const syntax = await netra(['import', 'election', badJson]);
    assert.equal(syntax.code, 1);
    assert.match(syntax.stderr, /rusak\.json: JSON tidak sah/);

    const cycle = JSON.parse(readFileSync(join(root, 'reference/elections/pilkada-2024.json'), 'utf8'));
    const noName = join(dir, 'tanpa-nama.json');
    writeFileSync(noName, JSON.stringify({ ...cycle, name: undefined, year: 'dua ribu' }));
    const schema = await netra(['import', 'election', noName]);
    assert.equal(schema.code, 1);
    assert.match(schema.stderr, /tanpa-nama\.json: name: wajib diisi \/ required/);
    assert.match(schema.stderr, /tanpa-nama\.json: year: /);
    assert.doesNotMatch(schema.stderr, /"code":/, 'no raw zod JSON');

    const wrongCount = join(dir, 'hitungan-salah.json');
    writeFileSync(wrongCount, JSON.stringify({ ...cycle, expectedContests: { ...cycle.expectedContests, bupati: 400 } }));
    const count = await netra(['import', 'election', wrongCount]);
    assert.equal(count.code, 1);
    assert.match(count.stderr, /hitungan-salah\.json: expectedContests\.bupati: berkas menyebut 400, hasil penjabaran 415/);
  });

  test('triage exits 1 when any input line failed, and still writes a result for every line', async () => {
    const good = JSON.stringify({
      id: 'a',
      text: 'Bawaslu Kabupaten Ogan Komering Ilir menemukan kepala desa ikut kampanye pasangan calon bupati pada Selasa (17/9/2024).',
    });
    const run = await netra(['triage'], { input: `${good}\n{not json}\n` });
    assert.equal(run.code, 1, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[1], /"error"/);
    assert.match(run.stderr, /1 errors/);
  });
});
