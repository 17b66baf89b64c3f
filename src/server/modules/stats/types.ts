// The shapes of the public dashboard: the body (StatsData) and the cached snapshot around it.
import type { REFERENCE_FIGURES } from './reference.ts';

export interface CountItem {
  code: string;
  label: string;
  labelEn?: string;
  count: number;
}

export interface RegionCount {
  code: string;
  name: string;
  count: number;
}

export interface StatsData {
  generatedAt: string;
  totals: { cases: number; laporan: number; temuan: number; terlapor: number };
  byProvince: RegionCount[];
  byRegency: (RegionCount & { provinceCode: string })[];
  byStage: CountItem[];
  bySubjectType: CountItem[];
  byAct: CountItem[];
  byClassification: CountItem[];
  byState: CountItem[];
  byOutcome: CountItem[];
  weekly: { week: string; startsOn: string; count: number }[];
  reference: typeof REFERENCE_FIGURES;
  /** Past cycles from imported recap sheets beside the figures published for them, and this cycle's live counts. */
  cycles: CycleComparison[];
  notes: { id: string; en: string }[];
}

export interface CycleCounts {
  cases: number;
  laporan: number;
  temuan: number;
  byOutcome: CountItem[];
}

export interface CycleComparison {
  election: string;
  /** 'impor': counted from imported history; 'langsung': this cycle's live cases in Netra. */
  basis: 'impor' | 'langsung';
  imported: CycleCounts;
  regions: number;
  published: (typeof REFERENCE_FIGURES)[number][];
}

/** Imported history per region (province and kab/kota) and cycle. */
export type RegionHistory = Map<string, Map<string, { cases: number; laporan: number; temuan: number }>>;

export interface StatsSnapshot {
  data: StatsData;
  regionHistory: RegionHistory;
  /** Case counts by state per province and kab/kota code (for region profiles; not in the body). */
  regionStates: Map<string, Record<string, number>>;
  body: string;
  /** The body gzip-compressed once, for clients that accept it. */
  gzip: Buffer;
  etag: string;
  computedAt: number;
  /** Milliseconds the last recomputation took. */
  computeMs: number;
}
