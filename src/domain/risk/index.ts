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

export type RiskLevel = 'provinsi' | 'kabupaten_kota';
export type RiskCategory = 'tinggi' | 'sedang' | 'rendah';

export const RISK_COMPONENT_KEYS = [
  'ikp',
  'past_cases',
  'live_cases',
  'media_leads',
  'pledge_gap',
  'incumbent',
  'voters_without_ektp',
  'candidate_pairs',
] as const;
export type RiskComponentKey = (typeof RISK_COMPONENT_KEYS)[number];

export interface RiskThresholds {
  tinggi: number;
  sedang: number;
  source: string;
}

export const IKP_THRESHOLDS: Readonly<Record<RiskLevel, RiskThresholds>> = {
  provinsi: {
    tinggi: 68.5,
    sedang: 21.7,
    source: 'Bawaslu, IKP Pemilu dan Pemilihan Serentak 2024 (16 Des 2022): provinsi tinggi 68,5–100, sedang 21,7–68,5, rendah < 21,7',
  },
  kabupaten_kota: {
    tinggi: 49.33,
    sedang: 13.47,
    source: 'Bawaslu, IKP Pemilu dan Pemilihan Serentak 2024 (16 Des 2022): kab/kota tinggi 49,33–100, sedang 13,47–49,32, rendah < 13,46',
  },
};

export function riskCategory(level: RiskLevel, score: number): RiskCategory {
  const t = IKP_THRESHOLDS[level];
  if (score >= t.tinggi) return 'tinggi';
  if (score >= t.sedang) return 'sedang';
  return 'rendah';
}

export const CATEGORY_LABELS: Readonly<Record<RiskCategory, { id: string; en: string }>> = {
  tinggi: { id: 'Rawan tinggi', en: 'High' },
  sedang: { id: 'Rawan sedang', en: 'Medium' },
  rendah: { id: 'Rawan rendah', en: 'Low' },
};

export interface RiskComponentDefinition {
  key: RiskComponentKey;
  label: string;
  labelEn: string;
  /** Default weight; the published weights sum to 1. */
  weight: number;
  /** Why it is in the index and why it weighs what it does. */
  rationale: string;
  /** How the raw value becomes 0–1. */
  normalization: string;
}

/**
 * Default weights. Official and observed signals (IKP, case history, live cases) carry most of
 * the weight; structural factors (incumbent, contest shape, e-KTP gaps) and prevention (pledges)
 * adjust it. Operators may change them (PUT /api/v1/risk/weights, audited); every response says
 * which weights it used.
 */
export const RISK_COMPONENTS: readonly RiskComponentDefinition[] = [
  {
    key: 'ikp',
    label: 'Skor IKP Bawaslu',
    labelEn: 'Bawaslu IKP score',
    weight: 0.3,
    rationale: 'Indeks resmi Bawaslu (61 indikator, 4 dimensi); sumber paling lengkap, tetapi tidak khusus netralitas ASN.',
    normalization: 'skor 0–100 dibagi 100',
  },
  {
    key: 'past_cases',
    label: 'Riwayat kasus netralitas (Pilkada sebelumnya)',
    labelEn: 'Past neutrality cases (earlier Pilkada)',
    weight: 0.15,
    rationale: 'Pelanggaran berulang di daerah yang sama (mis. 1.536 dugaan pada Pilkada 2020, Bawaslu Sep 2022).',
    normalization:
      'kasus per 1.000 ASN dibagi 2 (jenuh di 2 per 1.000); tanpa jumlah ASN: jumlah kasus dibagi 20 (kab/kota) atau 150 (provinsi)',
  },
  {
    key: 'live_cases',
    label: 'Kasus berjalan di Netra',
    labelEn: 'Live cases in Netra',
    weight: 0.2,
    rationale: 'Sinyal terkini: laporan dan temuan netralitas pada siklus ini.',
    normalization: 'sama seperti riwayat kasus',
  },
  {
    key: 'media_leads',
    label: 'Petunjuk dari pemantauan media',
    labelEn: 'Media-monitoring leads',
    weight: 0.1,
    rationale: 'Informasi awal dari media/media sosial; belum terverifikasi sehingga bobotnya lebih kecil daripada kasus.',
    normalization: 'jumlah petunjuk dibagi 20 (kab/kota) atau 150 (provinsi)',
  },
  {
    key: 'pledge_gap',
    label: 'Kekurangan cakupan deklarasi netralitas',
    labelEn: 'Neutrality-pledge coverage gap',
    weight: 0.05,
    rationale:
      'Deklarasi netralitas adalah langkah pencegahan; cakupan rendah menambah kerawanan. Bobot kecil karena efeknya belum terukur.',
    normalization: '1 − (penanda tangan ÷ jumlah ASN), dibatasi 0–1; perlu jumlah ASN',
  },
  {
    key: 'incumbent',
    label: 'Petahana mencalonkan diri',
    labelEn: 'Incumbent running',
    weight: 0.1,
    rationale:
      'UU 1/2015 jo. UU 10/2016 Pasal 71 ayat (2)-(3); pemetaan kerawanan Pilkada 2024 (26 Agu 2024): risiko tertinggi tahap pencalonan adalah penyalahgunaan wewenang petahana dan ASN.',
    normalization: '1 bila ada pasangan calon petahana, 0 bila tidak',
  },
  {
    key: 'voters_without_ektp',
    label: 'Pemilih belum ber-KTP-el (%)',
    labelEn: 'Voters without e-KTP (%)',
    weight: 0.05,
    rationale: 'Proksi lemahnya administrasi kependudukan yang membuka ruang mobilisasi oleh aparatur.',
    normalization: 'persentase dibagi 10 (jenuh di 10%)',
  },
  {
    key: 'candidate_pairs',
    label: 'Bentuk kontestasi (jumlah pasangan calon)',
    labelEn: 'Contest shape (number of candidate pairs)',
    weight: 0.05,
    rationale:
      '[asumsi, perlu kalibrasi] Dua pasangan (head-to-head) paling terpolarisasi; calon tunggal (kotak kosong) rawan mobilisasi aparatur.',
    normalization: '2 pasangan → 1; 1 pasangan → 0,75; 3 atau lebih → 0,5',
  },
];

export type RiskWeights = Record<RiskComponentKey, number>;

export const DEFAULT_RISK_WEIGHTS: Readonly<RiskWeights> = Object.fromEntries(RISK_COMPONENTS.map((c) => [c.key, c.weight])) as RiskWeights;

/** Count saturation (normalised = 1) when no ASN headcount is known, by level. */
export const COUNT_SATURATION: Readonly<Record<RiskLevel, number>> = { provinsi: 150, kabupaten_kota: 20 };
/** Cases per 1,000 ASN at which the case components saturate. */
export const RATE_SATURATION_PER_1000 = 2;
export const EKTP_SATURATION_PERCENT = 10;

/** A data point with the place it came from. */
export interface Sourced<T> {
  value: T;
  source: string;
}

export interface RiskInput {
  regionCode: string;
  level: RiskLevel;
  ikpScore?: Sourced<number>;
  pastCases?: Sourced<number>;
  liveCases?: Sourced<number>;
  /** Undefined when the leads table does not exist yet (see `notes`). */
  mediaLeads?: Sourced<number>;
  pledgeSignatories?: Sourced<number>;
  incumbentRunning?: Sourced<boolean>;
  votersWithoutEktpPercent?: Sourced<number>;
  candidatePairs?: Sourced<number>;
  asnHeadcount?: Sourced<number>;
  /** Extra notes from the data layer (e.g. "leads table missing"), keyed by component. */
  notes?: Partial<Record<RiskComponentKey, string>>;
}

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

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

interface Measured {
  value: number;
  unit: string;
  normalized: number;
  source: string;
  note?: string;
}

function caseMeasure(input: RiskInput, count: Sourced<number>): Measured {
  const headcount = input.asnHeadcount?.value;
  if (headcount && headcount > 0) {
    const rate = (count.value / headcount) * 1000;
    return {
      value: round(rate, 4),
      unit: 'kasus per 1.000 ASN',
      normalized: clamp01(rate / RATE_SATURATION_PER_1000),
      source: `${count.source}; jumlah ASN: ${input.asnHeadcount!.source}`,
      note: `${count.value} kasus ÷ ${headcount} ASN`,
    };
  }
  return {
    value: count.value,
    unit: 'kasus',
    normalized: clamp01(count.value / COUNT_SATURATION[input.level]),
    source: count.source,
    note: 'Jumlah ASN tidak tersedia: dipakai jumlah kasus, bukan rasio.',
  };
}

function measure(key: RiskComponentKey, input: RiskInput): Measured | string {
  switch (key) {
    case 'ikp':
      if (!input.ikpScore) return 'Skor IKP belum diimpor.';
      return {
        value: input.ikpScore.value,
        unit: 'skor 0–100',
        normalized: clamp01(input.ikpScore.value / 100),
        source: input.ikpScore.source,
      };
    case 'past_cases':
      if (!input.pastCases) return 'Riwayat kasus belum diimpor.';
      return caseMeasure(input, input.pastCases);
    case 'live_cases':
      if (!input.liveCases) return 'Jumlah kasus berjalan tidak tersedia.';
      return caseMeasure(input, input.liveCases);
    case 'media_leads': {
      if (!input.mediaLeads) return input.notes?.media_leads ?? 'Data petunjuk media tidak tersedia.';
      const n = input.mediaLeads.value;
      return { value: n, unit: 'petunjuk', normalized: clamp01(n / COUNT_SATURATION[input.level]), source: input.mediaLeads.source };
    }
    case 'pledge_gap': {
      const headcount = input.asnHeadcount?.value;
      if (!headcount || headcount <= 0) return 'Jumlah ASN belum diimpor; cakupan deklarasi tidak bisa dihitung.';
      const signed = input.pledgeSignatories?.value ?? 0;
      const coverage = clamp01(signed / headcount);
      return {
        value: round(coverage * 100, 2),
        unit: '% ASN yang menandatangani',
        normalized: 1 - coverage,
        source: `${input.pledgeSignatories?.source ?? 'Netra: deklarasi netralitas (belum ada)'}; jumlah ASN: ${input.asnHeadcount!.source}`,
        note: `${signed} penanda tangan ÷ ${headcount} ASN`,
      };
    }
    case 'incumbent':
      if (!input.incumbentRunning) return 'Data pasangan calon belum diimpor.';
      return {
        value: input.incumbentRunning.value ? 1 : 0,
        unit: 'ya/tidak',
        normalized: input.incumbentRunning.value ? 1 : 0,
        source: input.incumbentRunning.source,
      };
    case 'voters_without_ektp':
      if (!input.votersWithoutEktpPercent) return 'Persentase pemilih tanpa KTP-el belum diimpor.';
      return {
        value: input.votersWithoutEktpPercent.value,
        unit: '%',
        normalized: clamp01(input.votersWithoutEktpPercent.value / EKTP_SATURATION_PERCENT),
        source: input.votersWithoutEktpPercent.source,
      };
    case 'candidate_pairs': {
      if (!input.candidatePairs || input.candidatePairs.value < 1) return 'Data pasangan calon belum diimpor.';
      const n = input.candidatePairs.value;
      return { value: n, unit: 'pasangan', normalized: n === 2 ? 1 : n === 1 ? 0.75 : 0.5, source: input.candidatePairs.source };
    }
  }
}

/** Validates weights: finite, non-negative, at least one positive. Returns the problem or null. */
export function checkRiskWeights(weights: Partial<Record<string, number>>): string | null {
  for (const [key, value] of Object.entries(weights)) {
    if (!(RISK_COMPONENT_KEYS as readonly string[]).includes(key)) return `unknown component ${key}`;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) return `${key}: weight must be between 0 and 1`;
  }
  return null;
}

/** Share of the total weight that must have data before a category is given. */
export const MIN_WEIGHT_WITH_DATA = 0.4;

/**
 * Computes the index. Components without data are left out and the remaining weights are
 * scaled to sum to 1 (said so in `note` and `renormalized`); with no data at all the score is null.
 */
export function computeRiskIndex(input: RiskInput, weights: Readonly<RiskWeights> = DEFAULT_RISK_WEIGHTS): RiskExplanation {
  const present: { def: RiskComponentDefinition; m: Measured }[] = [];
  const missing: RiskComponentKey[] = [];
  const missingNotes: Partial<Record<RiskComponentKey, string>> = {};
  for (const def of RISK_COMPONENTS) {
    if ((weights[def.key] ?? 0) <= 0) continue; // weight 0: switched off, neither present nor missing
    const m = measure(def.key, input);
    if (typeof m === 'string') {
      missing.push(def.key);
      missingNotes[def.key] = m;
    } else present.push({ def, m });
  }
  const totalWeight = present.reduce((sum, p) => sum + weights[p.def.key], 0);
  const activeWeight = RISK_COMPONENTS.reduce((sum, c) => sum + Math.max(0, weights[c.key] ?? 0), 0);
  const components: RiskComponent[] = present.map(({ def, m }) => {
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
  // A category from a sliver of the inputs (e.g. live cases alone) would read as an official
  // rating: below MIN_WEIGHT_WITH_DATA, and without the official IKP score, the score stays
  // provisional and uncategorised.
  if (totalWeight / activeWeight < MIN_WEIGHT_WITH_DATA && !present.some((p) => p.def.key === 'ikp')) {
    return {
      regionCode: input.regionCode,
      level: input.level,
      score,
      category: null,
      thresholds,
      components: components.sort((a, b) => b.contribution - a.contribution || a.key.localeCompare(b.key)),
      missing,
      missingNotes,
      renormalized,
      note: {
        id: `Data belum cukup untuk kategori kerawanan: komponen berdata mencakup ${share}% bobot (minimal ${MIN_WEIGHT_WITH_DATA * 100}%). Skor bersifat sementara.`,
        en: `Not enough data for a vulnerability category: components with data cover ${share}% of the weight (at least ${MIN_WEIGHT_WITH_DATA * 100}% needed). The score is provisional.`,
      },
    };
  }
  return {
    regionCode: input.regionCode,
    level: input.level,
    score,
    category: riskCategory(input.level, score),
    thresholds,
    components: components.sort((a, b) => b.contribution - a.contribution || a.key.localeCompare(b.key)),
    missing,
    missingNotes,
    renormalized,
    note:
      missing.length > 0
        ? {
            id: `Komponen tanpa data (${missing.join(', ')}) tidak dihitung; bobot komponen lain dinormalkan ulang (mencakup ${share}% bobot).`,
            en: `Components without data (${missing.join(', ')}) are left out; the other weights were renormalised (covering ${share}% of the weight).`,
          }
        : renormalized
          ? { id: 'Bobot dinormalkan ulang agar berjumlah 1.', en: 'Weights were renormalised to sum to 1.' }
          : { id: 'Semua komponen tersedia.', en: 'All components available.' },
  };
}

export function levelOfRegionCode(code: string): RiskLevel | null {
  if (/^\d{2}$/.test(code)) return 'provinsi';
  if (/^\d{2}\.\d{2}$/.test(code)) return 'kabupaten_kota';
  return null;
}
