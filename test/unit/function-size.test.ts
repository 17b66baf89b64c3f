// Issue 15, "done when": no function over 80 lines in src/server and src/domain. A long function is
// split into named steps (a route registration into one function per route). The files still
// holding one are listed with their longest function's length when listed; the list only shrinks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { sourceFiles } from '../support/queryFinder.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MAX_LINES = 80;

/** Files allowed a longer function → its length. Empty since 2026-12-08; do not add: split the function. */
const ALLOWED: Record<string, number> = {};

/** Every function-like node's span in lines (first to last line, as ESLint's max-lines-per-function counts). */
export function functionSpans(fileName: string, text: string): { name: string; line: number; lines: number }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const spans: { name: string; line: number; lines: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = node.name?.getText(source) ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText(source) : '(anonymous)');
      spans.push({ name, line: first + 1, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return spans;
}

test('function spans are measured first line to last', () => {
  const body = Array.from({ length: 79 }, (_, i) => `  const v${i} = ${i};`).join('\n');
  const spans = functionSpans('x.ts', `function long() {\n${body}\n}\nconst short = () => 1;`);
  assert.deepEqual(
    spans.map((s) => [s.name, s.lines]),
    [
      ['long', 81],
      ['short', 1],
    ],
  );
});

test(`no function in src/server or src/domain passes ${MAX_LINES} lines, except the shrinking allow-list`, () => {
  const longest = new Map<string, { name: string; line: number; lines: number }>();
  for (const dir of ['src/server', 'src/domain']) {
    for (const file of sourceFiles(join(root, dir))) {
      const rel = relative(root, file).split('\\').join('/');
      for (const span of functionSpans(rel, readFileSync(file, 'utf8'))) {
        if (span.lines > MAX_LINES && span.lines > (longest.get(rel)?.lines ?? 0)) longest.set(rel, span);
      }
    }
  }
  const unlisted = [...longest]
    .filter(([file]) => !(file in ALLOWED))
    .map(([file, span]) => `${file}:${span.line} ${span.name} (${span.lines} lines)`);
  assert.deepEqual(unlisted, [], `split these functions into named steps (limit ${MAX_LINES} lines)`);
  for (const [file, listed] of Object.entries(ALLOWED)) {
    const now = longest.get(file);
    assert.ok(now, `${file} has no function over ${MAX_LINES} lines any more: delete its allow-list entry`);
    assert.ok(now.lines <= listed, `${file}: ${now.name} grew from ${listed} to ${now.lines} lines: split it instead`);
  }
});
