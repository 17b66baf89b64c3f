// Shapes of the /api/v1 responses the shell uses. Areas with a contract (src/contracts) re-export
// it; the rest are still hand-written until their contracts exist.

export type { RegionLevel, RegionItem as RegionSummary, RegionDetail } from '../../contracts/regions.ts';

export interface Page<T> {
  items: T[];
  total: number;
}

export type { ContestKind, ContestSummary, ElectionList, ElectionStage, ElectionSummary } from '../../contracts/elections.ts';

export type { LoginResponse, StaffUser } from '../../contracts/accounts.ts';
