// Builds eval/triage/netra-set.jsonl and eval/triage/seeds.jsonl from the hand-written
// sources in eval/triage/source/ (plain text is easier to write and review than JSON).
//
// Source format, one article per block:
//   ### id: d001
//   title: Headline (optional)
//   label: relevant=1 kind=incident regions=16.02,16 actors=kepala_desa acts=hadir_kampanye numbers=3:laporan,12:other date=2024-10-14
//   ---
//   body text …
// "-" means an empty list or a null date. The split comes from the file name (dev.txt → dev,
// holdout.txt → holdout) or, for files in a sub-directory, from the directory name
// (source/blind2/*.txt → blind2). Seeds: source/seeds-labels.txt holds the labels; the text is read
// from /work/shared/seeds (or SEEDS_DIR) and copied into seeds.jsonl.
//
// Run: node --import tsx eval/triage/build.ts

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface EvalLabel {
  relevant: boolean;
  kind: 'incident' | 'statistics' | 'appeal' | 'other';
  regions: string[];
  actors: string[];
  acts: string[];
  numbers: Array<{ value: number; unit: string }>;
  date: string | null;
}

export interface EvalItem {
  id: string;
  text: string;
  title?: string;
  split: string;
  label: EvalLabel;
}

const here = dirname(fileURLToPath(import.meta.url));

function list(value: string | undefined): string[] {
  return !value || value === '-' ? [] : value.split(',').map((item) => item.trim()).filter(Boolean);
}

export function parseLabel(line: string): EvalLabel {
  const fields = new Map<string, string>();
  for (const part of line.trim().split(/\s+/)) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const kind = fields.get('kind') ?? 'other';
  if (!['incident', 'statistics', 'appeal', 'other'].includes(kind)) throw new Error(`bad kind ${kind}`);
  const date = fields.get('date');
  return {
    relevant: fields.get('relevant') === '1',
    kind: kind as EvalLabel['kind'],
    regions: list(fields.get('regions')),
    actors: list(fields.get('actors')),
    acts: list(fields.get('acts')),
    numbers: list(fields.get('numbers')).map((item) => {
      const [value, unit] = item.split(':');
      return { value: Number(value), unit };
    }),
    date: !date || date === '-' ? null : date,
  };
}

export function parseSource(source: string, split: string): EvalItem[] {
  const items: EvalItem[] = [];
  for (const block of source.split(/^### /m).slice(1)) {
    const separator = block.indexOf('\n---\n');
    if (separator < 0) throw new Error(`block without ---: ${block.slice(0, 40)}`);
    const header = block.slice(0, separator).split('\n');
    const text = block.slice(separator + 5).trim();
    const id = /^id:\s*(\S+)/.exec(header[0])?.[1];
    if (!id) throw new Error(`block without id: ${header[0]}`);
    const title = header.find((line) => line.startsWith('title:'))?.slice(6).trim();
    const labelLine = header.find((line) => line.startsWith('label:'));
    if (!labelLine) throw new Error(`${id}: no label`);
    items.push({ id, ...(title ? { title } : {}), text, split, label: parseLabel(labelLine.slice(6)) });
  }
  return items;
}

function main() {
  const sourceDir = join(here, 'source');
  const items: EvalItem[] = [];
  for (const entry of readdirSync(sourceDir, { withFileTypes: true }).sort((a, b) => Number(a.isDirectory()) - Number(b.isDirectory()) || a.name.localeCompare(b.name))) {
    if (entry.isDirectory()) {
      const dir = join(sourceDir, entry.name);
      for (const file of readdirSync(dir).filter((name) => name.endsWith('.txt')).sort()) {
        items.push(...parseSource(readFileSync(join(dir, file), 'utf8'), entry.name));
      }
    } else if (entry.name.endsWith('.txt') && entry.name !== 'seeds-labels.txt') {
      items.push(...parseSource(readFileSync(join(sourceDir, entry.name), 'utf8'), entry.name.replace(/\.txt$/, '')));
    }
  }
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw new Error(`duplicate id ${item.id}`);
    ids.add(item.id);
  }
  writeFileSync(join(here, 'netra-set.jsonl'), items.map((item) => JSON.stringify(item)).join('\n') + '\n');
  const seedsDir = process.env.SEEDS_DIR ?? '/work/shared/seeds';
  const seedLabels = readFileSync(join(sourceDir, 'seeds-labels.txt'), 'utf8');
  const seeds: EvalItem[] = [];
  for (const line of seedLabels.split('\n').filter((l) => l.trim() && !l.startsWith('#'))) {
    const [file, ...rest] = line.split(/\s+/);
    seeds.push({ id: file.replace(/\.txt$/, ''), text: readFileSync(join(seedsDir, file), 'utf8'), split: 'seeds', label: parseLabel(rest.join(' ')) });
  }
  writeFileSync(join(here, 'seeds.jsonl'), seeds.map((item) => JSON.stringify(item)).join('\n') + '\n');
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.split, (counts.get(item.split) ?? 0) + 1);
  console.log(`netra-set.jsonl: ${items.length} items (${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}); seeds.jsonl: ${seeds.length}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
