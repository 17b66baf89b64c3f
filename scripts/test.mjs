#!/usr/bin/env node
// Runs the whole suite with node's own test runner (TypeScript through tsx).
// Usage: npm test [-- <path filter>...]   e.g. npm test -- test/unit
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);

function collect(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...collect(full));
    else if (name.endsWith('.test.ts') || name.endsWith('.test.tsx')) out.push(full);
  }
  return out;
}

const files = collect(join(root, 'test'))
  .map((file) => relative(root, file))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
// Database tests run on PGlite always and on PostgreSQL when a server answers; CI must have both.
const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const backends = ['pglite'];
try {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  await client.query('select 1');
  await client.end();
  backends.push('postgresql');
} catch (error) {
  if (process.env.CI) {
    console.error(`PostgreSQL not reachable at ${testDatabaseUrl} (${error.message}); CI must test both backends.`);
    process.exit(1);
  }
}
console.log(`backends: ${backends.join(', ')}`);

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${process.env.NETRA_TEST_CONCURRENCY ?? 2}`, '--test-reporter=spec', ...files],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NETRA_LOG_LEVEL: process.env.NETRA_LOG_LEVEL ?? 'silent', NETRA_TEST_BACKENDS: backends.join(',') },
  },
);
process.exit(result.status ?? 1);
