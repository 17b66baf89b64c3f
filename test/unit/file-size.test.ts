// Issue 15, "done when": no file in src/ over 400 lines. A file that grows past it is split by
// feature (see src/web/i18n/messages-*.ts). The files still over it are listed below with the size
// they had when listed; the list only shrinks: an entry fails when its file grows, and when it has
// come under the limit (then delete the entry).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MAX_LINES = 400;

/** Files allowed over the limit → their size. Empty since 2026-12-08; do not add: split the file. */
const ALLOWED: Record<string, number> = {};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

test(`no file in src/ passes ${MAX_LINES} lines, except the shrinking allow-list`, () => {
  const sizes = new Map(
    files(join(root, 'src')).map((file) => [relative(root, file).split('\\').join('/'), lineCount(readFileSync(file, 'utf8'))]),
  );
  // Generated files (src/server/db/schema.ts, `npm run db:types`) are not written by hand.
  for (const [file] of sizes) if (readFileSync(join(root, file), 'utf8').startsWith('// GENERATED')) sizes.delete(file);
  const tooLong = [...sizes]
    .filter(([file, lines]) => lines > MAX_LINES && !(file in ALLOWED))
    .map(([file, lines]) => `${file} (${lines})`);
  assert.deepEqual(tooLong, [], `split these by feature (limit ${MAX_LINES} lines)`);
  for (const [file, listed] of Object.entries(ALLOWED)) {
    const lines = sizes.get(file);
    assert.ok(lines !== undefined, `${file} is gone: delete its allow-list entry`);
    assert.ok(lines <= listed, `${file} grew from ${listed} to ${lines} lines: split it instead`);
    assert.ok(lines > MAX_LINES, `${file} is down to ${lines} lines: delete its allow-list entry`);
  }
});
