// Lint, format and layer rules run with the tools pinned in package-lock.json (never a download).
// Kept out of test/unit because ESLint and dependency-cruiser read the whole tree (tens of seconds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DIRS = ['src', 'test', 'bench', 'scripts'];

function run(bin: string, args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [join(root, bin), ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test('ESLint reports nothing on src, test, bench and scripts', () => {
  const { status, output } = run('node_modules/eslint/bin/eslint.js', [
    '--max-warnings=0',
    ...DIRS,
    'eslint.config.js',
    '.dependency-cruiser.cjs',
  ]);
  assert.equal(status, 0, output);
});

test('TypeScript: the whole tree typechecks (including the type-level checks in test/types)', () => {
  const { status, output } = run('node_modules/typescript/bin/tsc', ['--noEmit', '-p', '.']);
  assert.equal(status, 0, output.split('\n').slice(0, 40).join('\n'));
});

test('Prettier finds every file formatted', () => {
  const { status, output } = run('node_modules/prettier/bin/prettier.cjs', ['--check', ...DIRS]);
  assert.equal(status, 0, output.split('\n').slice(0, 40).join('\n'));
});

test('dependency-cruiser: layer and module-boundary rules hold (.dependency-cruiser.cjs)', () => {
  const { status, output } = run('node_modules/dependency-cruiser/bin/dependency-cruise.mjs', [
    'src',
    '--config',
    '.dependency-cruiser.cjs',
    '--output-type',
    'err',
  ]);
  assert.equal(status, 0, output);
});

test('dependency-cruiser catches a forbidden import (the rules are not vacuous)', () => {
  // The same rule set, pointed at a fixture tree that breaks each rule once.
  const { status, output } = run(
    'node_modules/dependency-cruiser/bin/dependency-cruise.mjs',
    ['src', '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'err'],
    join(root, 'test/fixtures/layers'),
  );
  assert.notEqual(status, 0, output);
  assert.match(output, /5 dependency violations/, output);
  for (const rule of [
    'domain-is-pure',
    'domain-has-no-io',
    'web-imports-web-contracts-domain',
    'contracts-import-zod-and-domain',
    'modules-through-index',
  ]) {
    assert.match(output, new RegExp(`error ${rule}:`), `${rule} fires on the fixture\n${output}`);
  }
  assert.doesNotMatch(output, /a\/service\.ts → src\/server\/modules\/a\/repository\.ts/, 'files of one module import each other freely');
  assert.doesNotMatch(output, /→ src\/server\/modules\/b\/index\.ts/, 'a module index is the allowed door');
});
