// Shapes of the public transparency APIs the map, profile, dashboard, pledge, open-data and guide
// pages read (risk, pledges, stats, opendata, guide modules). Kept beside the pages that use them.
export type { Guide } from '../../../domain/guide/index.ts';

export type Bilingual = { id: string; en: string };
export type RiskCategory = 'tinggi' | 'sedang' | 'rendah';
export type RiskLevel = 'provinsi' | 'kabupaten_kota';

export interface RiskListItem {
  regionCode: string;
  name: string;
  score: number | null;
  category: RiskCategory | null;
  ikpCategory: string | null;
  topComponents: { key: string; label: string; contribution: number; value: number; unit: string }[];
  missing: string[];
  /** Media-monitoring leads in the region, when the server offers them (not yet). */
  leads?: number;
}

export interface RiskList {
  level: RiskLevel;
  electionId: string | null;
  weights: Record<string, number>;
  categories: Record<RiskCategory, Bilingual>;
  items: RiskListItem[];
}

// Shared with the domain (type-only import: erased from the bundle).
export type { RiskComponent } from '../../../domain/risk/index.ts';
import type { RiskComponent } from '../../../domain/risk/index.ts';

export interface RiskExplanation {
  regionCode: string;
  level: RiskLevel;
  name: string;
  score: number | null;
  category: RiskCategory | null;
  ikpCategory: string | null;
  thresholds: { tinggi: number; sedang: number; source: string };
  components: RiskComponent[];
  missing: string[];
  missingNotes: Record<string, string>;
  renormalized: boolean;
  note: Bilingual;
}

import type { PublicPledge } from '../../../contracts/pledges.ts';

export type { PledgeCoverage, PledgeVerification, PublicPledge, RegisteredPledge } from '../../../contracts/pledges.ts';

export interface CandidatePair {
  ballotNumber: number | null;
  headName: string;
  deputyName: string;
  isIncumbent: boolean;
  parties: string | null;
}

export interface Stage {
  code: string;
  name: string;
  nameEn: string;
  startsOn: string;
  endsOn: string;
}

export interface RegionProfile {
  region: { code: string; name: string; level: string; timeZone: string; province: { code: string; name: string } | null };
  elections: { id: string; name: string; votingDate: string; stages: Stage[] }[];
  contests: { electionId: string; regionCode: string; regionName: string; kind: 'gubernur' | 'bupati' | 'walikota'; candidatePairs: CandidatePair[] }[];
  cases: { total: number; byState: { state: string; label: string; labelEn: string; count: number }[]; asOf: string };
  pledges: { total: number; recent: PublicPledge[] };
  risk: RiskExplanation | null;
}

// The dashboard's shapes are the server's own (type-only imports: erased from the bundle).
export type { CountItem, RegionCount, StatsData as PublicStats } from '../../../server/modules/stats/service.ts';
export type { ReferenceFigure } from '../../../server/modules/stats/reference.ts';

export interface DatasetField {
  name: string;
  type: string;
  description: string;
  descriptionEn: string;
}

export interface OpenDataCatalogue {
  title: Bilingual;
  description: Bilingual;
  datasets: {
    id: string;
    title: string;
    titleEn: string;
    mediaType: string;
    path: string;
    fields: DatasetField[];
    licence: string;
    attribution?: string;
    releases: number;
    latestRelease: { sha256: string; rows: number; bytes: number; createdAt: string } | null;
  }[];
}
