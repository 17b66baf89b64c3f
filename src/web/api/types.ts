// Shapes of the /api/v1 responses the shell uses, re-exported from the contracts (src/contracts).

export type { RegionLevel, RegionItem as RegionSummary, RegionDetail } from '../../contracts/regions.ts';

export interface Page<T> {
  items: T[];
  total: number;
}

export type { ContestKind, ContestSummary, ElectionList, ElectionStage, ElectionSummary } from '../../contracts/elections.ts';

export type { LoginResponse, StaffUser } from '../../contracts/accounts.ts';
