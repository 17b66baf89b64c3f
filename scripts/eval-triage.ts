// Evaluates the triage pipeline and the keyword baseline on the hand-labelled sets.
// Usage: npm run eval:triage [-- --errors] [-- --pool=blind12,blind13,blind14]
//   --errors lists per-article differences; --pool adds one table over the named splits together
//   (several small untouched sets read as one, so one article moves the figure less).
// Rebuild the sets from eval/triage/source first when the sources change:
//   node --import tsx eval/triage/build.ts

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readProvinces, readRegencies } from '../src/server/reference/idnArea.ts';
import { buildGazetteer, triageArticle, type Gazetteer } from '../src/domain/triage/index.ts';
import { baselineTriage } from '../src/domain/triage/baseline.ts';
import { evaluate, formatReportTable, type EvaluationReport, type GoldLabel } from '../src/domain/triage/evaluation.ts';

export interface EvalRecord {
  id: string;
  text: string;
  title?: string;
  split?: string;
  label: GoldLabel;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function loadEvalSets(): EvalRecord[] {
  const read = (file: string) =>
    readFileSync(join(root, 'eval/triage', file), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as EvalRecord);
  return [...read('netra-set.jsonl'), ...read('seeds.jsonl').map((record) => ({ ...record, split: 'seeds' }))];
}

export function evaluateSystems(
  records: readonly EvalRecord[],
  gazetteer: Gazetteer,
): Map<string, { netra: EvaluationReport; baseline: EvaluationReport }> {
  const splits = new Map<string, EvalRecord[]>();
  for (const record of records) {
    const split = record.split ?? 'dev';
    splits.set(split, [...(splits.get(split) ?? []), record]);
  }
  splits.set('all', [...records]);
  const out = new Map<string, { netra: EvaluationReport; baseline: EvaluationReport }>();
  for (const [split, items] of splits) {
    out.set(split, {
      netra: evaluate(items.map((item) => ({ gold: item.label, predicted: triageArticle(item, gazetteer) }))),
      baseline: evaluate(items.map((item) => ({ gold: item.label, predicted: baselineTriage(item, gazetteer) }))),
    });
  }
  return out;
}

function listErrors(records: readonly EvalRecord[], gazetteer: Gazetteer) {
  for (const record of records) {
    const p = triageArticle(record, gazetteer);
    const g = record.label;
    const diffs: string[] = [];
    const setDiff = (name: string, gold: string[], predicted: string[]) => {
      const missing = gold.filter((x) => !predicted.includes(x));
      const extra = predicted.filter((x) => !gold.includes(x));
      if (missing.length || extra.length) diffs.push(`${name}: -[${missing.join(',')}] +[${extra.join(',')}]`);
    };
    if (g.relevant !== p.relevant) diffs.push(`relevant: gold ${g.relevant} got ${p.relevant} (${p.score})`);
    if (g.relevant && g.kind !== p.kind) diffs.push(`kind: gold ${g.kind} got ${p.kind}`);
    setDiff(
      'regions',
      g.regions,
      p.regions.map((r) => r.code),
    );
    setDiff('actors', g.actors, p.actors);
    setDiff('acts', g.acts, p.acts);
    setDiff(
      'numbers',
      g.numbers.map((n) => `${n.value}:${n.unit}`),
      p.numbers.map((n) => `${n.value}:${n.unit}`),
    );
    if ((g.date ?? null) !== p.date) diffs.push(`date: gold ${g.date} got ${p.date}`);
    if (diffs.length) console.log(`${record.id} [${record.split}]\n  ${diffs.join('\n  ')}`);
  }
}

async function main() {
  const gazetteer = buildGazetteer([...readProvinces(), ...readRegencies()]);
  const records = loadEvalSets();
  if (process.argv.includes('--errors')) {
    const only = process.argv.find((arg) => arg.startsWith('--split='))?.slice(8);
    listErrors(only ? records.filter((r) => r.split === only) : records, gazetteer);
    return;
  }
  const pool = process.argv
    .find((arg) => arg.startsWith('--pool='))
    ?.slice(7)
    .split(',');
  const results = evaluateSystems(records, gazetteer);
  if (pool) {
    const name = `pooled ${pool.join('+')}`;
    const pooled = records.filter((r) => pool.includes(r.split ?? 'dev')).map((r) => ({ ...r, split: name }));
    results.set(name, evaluateSystems(pooled, gazetteer).get(name)!);
  }
  for (const [split, { netra, baseline }] of results) {
    console.log(`\n### ${split}\n`);
    console.log(
      formatReportTable([
        { system: 'Netra', report: netra },
        { system: 'keyword baseline', report: baseline },
      ]),
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
