// Vulnerability index for ASN neutrality per province and kabupaten/kota: a weighted sum of
// normalised indicators, each carrying its value, weight, contribution and source, so that a
// reader can check every point of the score. Pure: the server gathers the inputs, this file
// only computes. docs/RISK-INDEX.md explains the method and the default weights.
//
// Categories reuse the thresholds of Bawaslu's Indeks Kerawanan Pemilu (IKP) 2024, launched
// 16 Dec 2022: provinces tinggi ≥ 68.5, sedang ≥ 21.7; kabupaten/kota tinggi ≥ 49.33,
// sedang ≥ 13.47 (https://databoks.katadata.co.id/politik/statistik/298ad4467c569d2/ ;
// https://www.alinea.id/amp/daerah/upaya-polri-...). The published bands leave gaps
// (68.5 belongs to both, 13.46–13.47 to neither); we read them as "at least the lower bound".

import { IKP_THRESHOLDS, riskCategory, type RiskCategory, type RiskLevel, type RiskThresholds } from './categories.ts';
import {
  DEFAULT_RISK_WEIGHTS,
  RISK_COMPONENTS,
  type RiskComponentDefinition,
  type RiskComponentKey,
  type RiskWeights,
} from './components.ts';
import { clamp01, measure, round, type Measured, type RiskInput } from './measure.ts';

export * from './categories.ts';
export * from './components.ts';
export { COUNT_SATURATION, EKTP_SATURATION_PERCENT, RATE_SATURATION_PER_1000, type RiskInput, type Sourced } from './measure.ts';

export interface RiskComponent {
  key: RiskComponentKey;
  label: string;
  labelEn: string;
  value: number;
  unit: string;
  normalized: number;
  /** The weight actually used, after renormalisation over the present components. */
  weight: number;
  baseWeight: number;
  /** Points of the 0–100 score this component adds: normalized × weight × 100. */
  contribution: number;
  source: string;
  note?: string;
}

export interface RiskExplanation {
  regionCode: string;
  level: RiskLevel;
  score: number | null;
  category: RiskCategory | null;
  thresholds: RiskThresholds;
  components: RiskComponent[];
  missing: RiskComponentKey[];
  missingNotes: Partial<Record<RiskComponentKey, string>>;
  renormalized: boolean;
  note: { id: string; en: string };
}

/** Share of the total weight that must have data before a category is given. */
export const MIN_WEIGHT_WITH_DATA = 0.4;

/**
 * Computes the index. Components without data are left out and the remaining weights are
 * scaled to sum to 1 (said so in `note` and `renormalized`); with no data at all the score is null.
 */
export function computeRiskIndex(input: RiskInput, weights: Readonly<RiskWeights> = DEFAULT_RISK_WEIGHTS): RiskExplanation {
  const { present, missing, missingNotes } = measureAll(input, weights);
  const totalWeight = present.reduce((sum, p) => sum + weights[p.def.key], 0);
  const activeWeight = RISK_COMPONENTS.reduce((sum, c) => sum + Math.max(0, weights[c.key] ?? 0), 0);
  const components = weigh(present, weights, totalWeight);
  const thresholds = IKP_THRESHOLDS[input.level];
  if (present.length === 0) {
    return {
      regionCode: input.regionCode,
      level: input.level,
      score: null,
      category: null,
      thresholds,
      components,
      missing,
      missingNotes,
      renormalized: false,
      note: { id: 'Belum ada data untuk menghitung indeks wilayah ini.', en: 'No data yet to compute this region’s index.' },
    };
  }
  const score = round(present.reduce((sum, p) => sum + clamp01(p.m.normalized) * (weights[p.def.key] / totalWeight), 0) * 100, 2);
  const renormalized = missing.length > 0 || Math.abs(activeWeight - 1) > 1e-9;
  const share = round((totalWeight / activeWeight) * 100, 1);
  const sorted = components.sort((a, b) => b.contribution - a.contribution || a.key.localeCompare(b.key));
  // A category from a sliver of the inputs (e.g. live cases alone) would read as an official
  // rating: below MIN_WEIGHT_WITH_DATA, and without the official IKP score, the score stays
  // provisional and uncategorised.
  const provisional = totalWeight / activeWeight < MIN_WEIGHT_WITH_DATA && !present.some((p) => p.def.key === 'ikp');
  return {
    regionCode: input.regionCode,
    level: input.level,
    score,
    category: provisional ? null : riskCategory(input.level, score),
    thresholds,
    components: sorted,
    missing,
    missingNotes,
    renormalized,
    note: provisional ? provisionalNote(share) : coverageNote(missing, renormalized, share),
  };
}

type Present = { def: RiskComponentDefinition; m: Measured };

/** Step 1: measure every component that has a positive weight; the others are switched off, neither present nor missing. */
function measureAll(input: RiskInput, weights: Readonly<RiskWeights>) {
  const present: Present[] = [];
  const missing: RiskComponentKey[] = [];
  const missingNotes: Partial<Record<RiskComponentKey, string>> = {};
  for (const def of RISK_COMPONENTS) {
    if ((weights[def.key] ?? 0) <= 0) continue;
    const m = measure(def.key, input);
    if (typeof m === 'string') {
      missing.push(def.key);
      missingNotes[def.key] = m;
    } else present.push({ def, m });
  }
  return { present, missing, missingNotes };
}

/** Step 2: each present component's weight renormalised over the present ones, and its points of the score. */
function weigh(present: Present[], weights: Readonly<RiskWeights>, totalWeight: number): RiskComponent[] {
  return present.map(({ def, m }) => {
    const weight = totalWeight > 0 ? weights[def.key] / totalWeight : 0;
    return {
      key: def.key,
      label: def.label,
      labelEn: def.labelEn,
      value: m.value,
      unit: m.unit,
      normalized: round(m.normalized, 4),
      weight: round(weight, 4),
      baseWeight: weights[def.key],
      contribution: round(m.normalized * weight * 100, 2),
      source: m.source,
      ...(m.note ? { note: m.note } : {}),
    };
  });
}

function provisionalNote(share: number): RiskExplanation['note'] {
  return {
    id: `Data belum cukup untuk kategori kerawanan: komponen berdata mencakup ${share}% bobot (minimal ${MIN_WEIGHT_WITH_DATA * 100}%). Skor bersifat sementara.`,
    en: `Not enough data for a vulnerability category: components with data cover ${share}% of the weight (at least ${MIN_WEIGHT_WITH_DATA * 100}% needed). The score is provisional.`,
  };
}

function coverageNote(missing: RiskComponentKey[], renormalized: boolean, share: number): RiskExplanation['note'] {
  if (missing.length > 0)
    return {
      id: `Komponen tanpa data (${missing.join(', ')}) tidak dihitung; bobot komponen lain dinormalkan ulang (mencakup ${share}% bobot).`,
      en: `Components without data (${missing.join(', ')}) are left out; the other weights were renormalised (covering ${share}% of the weight).`,
    };
  return renormalized
    ? { id: 'Bobot dinormalkan ulang agar berjumlah 1.', en: 'Weights were renormalised to sum to 1.' }
    : { id: 'Semua komponen tersedia.', en: 'All components available.' };
}
