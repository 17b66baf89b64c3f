// Scoring of triage verdicts against hand labels (pure; used by scripts/eval-triage.ts and
// by the test that checks Netra beats the keyword baseline).
//
// relevance  precision/recall/F1 of the relevant class over articles
// regions, actors, acts, numbers  micro precision/recall/F1 over (article, item) pairs,
//            all articles (labels of irrelevant articles have empty actors/acts/numbers)
// kind       accuracy over articles labelled relevant
// date       exact-match accuracy over all articles (null = null counts as correct)

import type { TriageResult } from './index.ts';

export interface GoldLabel {
  relevant: boolean;
  kind: string;
  regions: string[];
  actors: string[];
  acts: string[];
  numbers: Array<{ value: number; unit: string }>;
  date: string | null;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface EvaluationReport {
  n: number;
  relevance: Prf;
  regions: Prf;
  actors: Prf;
  acts: Prf;
  numbers: Prf;
  kindAccuracy: number;
  dateAccuracy: number;
}

type Predicted = Pick<TriageResult, 'relevant' | 'kind' | 'regions' | 'actors' | 'acts' | 'numbers' | 'date'>;

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}

class SetCounter {
  tp = 0;
  fp = 0;
  fn = 0;
  add(gold: Iterable<string>, predicted: Iterable<string>) {
    const goldSet = new Set(gold);
    const predictedSet = new Set(predicted);
    for (const item of predictedSet) {
      if (goldSet.has(item)) this.tp++;
      else this.fp++;
    }
    for (const item of goldSet) if (!predictedSet.has(item)) this.fn++;
  }
  result(): Prf {
    return prf(this.tp, this.fp, this.fn);
  }
}

export function evaluate(pairs: ReadonlyArray<{ gold: GoldLabel; predicted: Predicted }>): EvaluationReport {
  const relevance = new SetCounter();
  const regions = new SetCounter();
  const actors = new SetCounter();
  const acts = new SetCounter();
  const numbers = new SetCounter();
  let kindTotal = 0;
  let kindCorrect = 0;
  let dateCorrect = 0;
  pairs.forEach(({ gold, predicted }, index) => {
    relevance.add(gold.relevant ? [String(index)] : [], predicted.relevant ? [String(index)] : []);
    regions.add(
      gold.regions,
      predicted.regions.map((region) => region.code),
    );
    actors.add(gold.actors, predicted.actors);
    acts.add(gold.acts, predicted.acts);
    numbers.add(
      gold.numbers.map((n) => `${n.value}|${n.unit}`),
      predicted.numbers.map((n) => `${n.value}|${n.unit}`),
    );
    if (gold.relevant) {
      kindTotal++;
      if (gold.kind === predicted.kind) kindCorrect++;
    }
    if ((gold.date ?? null) === (predicted.date ?? null)) dateCorrect++;
  });
  return {
    n: pairs.length,
    relevance: relevance.result(),
    regions: regions.result(),
    actors: actors.result(),
    acts: acts.result(),
    numbers: numbers.result(),
    kindAccuracy: kindTotal === 0 ? 1 : kindCorrect / kindTotal,
    dateAccuracy: pairs.length === 0 ? 1 : dateCorrect / pairs.length,
  };
}

const pct = (value: number) => value.toFixed(3);

/** Markdown table comparing systems on one split. */
export function formatReportTable(rows: ReadonlyArray<{ system: string; report: EvaluationReport }>): string {
  const lines = [
    '| system | n | relevance P / R / F1 | regions P / R / F1 | actors P / R / F1 | acts P / R / F1 | numbers P / R / F1 | kind acc | date acc |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const cell = (value: Prf) => `${pct(value.precision)} / ${pct(value.recall)} / **${pct(value.f1)}**`;
  for (const { system, report } of rows) {
    lines.push(
      `| ${system} | ${report.n} | ${cell(report.relevance)} | ${cell(report.regions)} | ${cell(report.actors)} | ${cell(report.acts)} | ${cell(report.numbers)} | ${pct(report.kindAccuracy)} | ${pct(report.dateAccuracy)} |`,
    );
  }
  return lines.join('\n');
}
