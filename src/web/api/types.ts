// Shapes of the /api/v1 responses the shell uses (kept beside the client until the API types
// are generated from the OpenAPI document).
import type { StaffRole } from '../../domain/access/policy.ts';

export type RegionLevel = 'provinsi' | 'kabupaten' | 'kota' | 'kecamatan' | 'desa';

export interface RegionSummary {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  timeZone: string;
}

export interface RegionDetail extends RegionSummary {
  provinceCode: string;
  ancestors: RegionSummary[];
  childCount: number;
}

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
