// Shapes of the /api/v1 responses the shell uses. Areas with a contract (src/contracts) re-export
// it; the rest are still hand-written until their contracts exist.
import type { StaffRole } from '../../domain/access/policy.ts';

export type { RegionLevel, RegionItem as RegionSummary, RegionDetail } from '../../contracts/regions.ts';

export interface Page<T> {
  items: T[];
  total: number;
}

export interface ElectionStage {
  code: string;
  name: string;
  nameEn: string;
  startsOn: string;
  endsOn: string;
}

export type ContestKind = 'gubernur' | 'bupati' | 'walikota';

export interface ContestSummary {
  electionId: string;
  regionCode: string;
  regionName: string;
  kind: ContestKind;
  votingDate: string;
  candidatePairCount: number;
  stages: ElectionStage[];
}

export interface ElectionSummary {
  id: string;
  name: string;
  year: number;
  votingDate: string;
  stages: ElectionStage[];
}

export interface ElectionList extends Page<ContestSummary> {
  elections: ElectionSummary[];
}

export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  regionCode: string | null;
  agency: string | null;
  totpEnabled: boolean;
  /** NETRA_REQUIRE_TOTP: enrolment is required before anything else (the server answers 403 totp_required). */
  totpRequired: boolean;
  /** TOTP cannot be switched off for this role (only re-enrolled). */
  totpMandatory: boolean;
}

export interface LoginResponse {
  user: StaffUser;
  csrfToken: string;
  expiresAt: string;
}
