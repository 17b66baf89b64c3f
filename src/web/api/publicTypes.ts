// Shapes of the public transparency APIs the map, profile, dashboard, pledge, open-data and guide
// pages read: the server's contracts (src/contracts), not copies (type-only: erased from the bundle).
export type {
  RegionProfile,
  RiskCategory,
  RiskComponent,
  RiskExplanation,
  RiskLevel,
  RiskList,
  RiskListItem,
  ProfileCandidatePair as CandidatePair,
} from '../../contracts/risk.ts';
export type {
  CountItem,
  Guide,
  OpenDataCatalogue,
  DatasetField,
  PublicStats,
  ReferenceFigure,
  RegionCount,
} from '../../contracts/public.ts';
export type { PledgeCoverage, PledgeVerification, PublicPledge, RegisteredPledge } from '../../contracts/pledges.ts';
export type Bilingual = { id: string; en: string };
