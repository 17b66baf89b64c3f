// Issue 15, "done when": no SQL outside repositories, migrations and the composition root. A query
// is an SQL string literal, a Kysely build (`qb.…`, `sql\`…\``) or a `.query(…)` call; services read
// as the use case and call their module's repository for every row they touch. The files still
// holding queries are listed with their count when listed; the list only shrinks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

import { findQueries, QUERY_HOMES, sourceFiles } from '../support/queryFinder.ts';

/**
 * Files allowed to hold queries outside a repository → their count. Empty since 2026-12-08 (every
 * query moved into its module's repository); do not add: put the query in the repository.
 */
const ALLOWED: Record<string, number> = {};

test('the query finder sees string SQL, .query calls and Kysely builds, and not prose', () => {
  const sample = [
    "const a = 'SELECT id FROM cases WHERE id = $1';",
    'const b = `UPDATE cases SET status = $2 WHERE id = ${x}`;',
    "db.query('select 1');",
    "const c = qb.selectFrom('cases');",
    'const d = sql`now()`;',
    "const prose = 'Select a region, then update the form';",
    'const e = request.query;',
  ].join('\n');
  assert.deepEqual(
    findQueries('x.ts', sample).map((q) => q.line),
    [1, 2, 3, 3, 4, 5],
  );
});

test('no query outside repositories, the database layer and the composition root (shrinking allow-list)', () => {
  const counts = new Map<string, { line: number; what: string }[]>();
  for (const dir of ['src/server', 'src/cli', 'src/domain', 'src/contracts']) {
    for (const file of sourceFiles(join(root, dir))) {
      const rel = relative(root, file).split('\\').join('/');
      if (QUERY_HOMES.some((home) => home.test(rel))) continue;
      const queries = findQueries(rel, readFileSync(file, 'utf8'));
      if (queries.length) counts.set(rel, queries);
    }
  }
  const unlisted = [...counts]
    .filter(([file]) => !(file in ALLOWED))
    .map(([file, queries]) => `${file}: ${queries.map((q) => `${q.line} ${q.what}`).join('; ')}`);
  assert.deepEqual(unlisted, [], "move these queries into the module's repository.ts");
  for (const [file, listed] of Object.entries(ALLOWED)) {
    const now = counts.get(file)?.length ?? 0;
    assert.ok(now <= listed, `${file} grew from ${listed} to ${now} queries: put the new ones in the repository`);
    assert.ok(now === listed || now > 0, `${file} has no queries left: delete its allow-list entry`);
    assert.equal(now, listed, `${file} is down from ${listed} to ${now} queries: lower its allow-list entry to ${now}`);
  }
});
