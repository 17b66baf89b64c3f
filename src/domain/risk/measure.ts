// The measurement of each component from the inputs: raw value, unit, 0–1 normalisation and source,
// or the reason it has no data.
import type { RiskLevel } from './categories.ts';
import type { RiskComponentKey } from './components.ts';

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

export const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
export const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export interface Measured {
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

export function measure(key: RiskComponentKey, input: RiskInput): Measured | string {
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
