// Who may do what, as pure functions. Services call these before changing data, and
// repositories turn `jurisdictionOf` into WHERE clauses so nobody reads outside their area.
import { isWithinRegion } from '../regions/search.ts';
import { checkAgencyAddress } from '../catalogues/instansi.ts';

export const STAFF_ROLES = [
  'admin',
  'pengawas_ri',
  'pengawas_provinsi',
  'pengawas_kabkota',
  'pengawas_kecamatan',
  'bkn',
  'ppk',
  'analyst',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_LABELS: Record<StaffRole, { id: string; en: string }> = {
  admin: { id: 'Administrator', en: 'Administrator' },
  pengawas_ri: { id: 'Pengawas Bawaslu RI', en: 'Bawaslu RI supervisor' },
  pengawas_provinsi: { id: 'Pengawas Bawaslu Provinsi', en: 'Provincial Bawaslu supervisor' },
  pengawas_kabkota: { id: 'Pengawas Bawaslu Kabupaten/Kota', en: 'Regency/city Bawaslu supervisor' },
  pengawas_kecamatan: { id: 'Panwaslu Kecamatan', en: 'Sub-district supervisor' },
  bkn: { id: 'Petugas BKN', en: 'BKN officer' },
  ppk: { id: 'Petugas PPK/Inspektorat', en: 'PPK / inspectorate officer' },
  analyst: { id: 'Analis (baca saja)', en: 'Analyst (read-only)' },
};

export interface Principal {
  id: string;
  role: StaffRole;
  regionCode: string | null;
  /** PPK only: an instansi catalogue key (catalogues/instansi.ts), never free text. */
  agency: string | null;
}

export type Jurisdiction =
  | { kind: 'national' }
  | { kind: 'region'; regionCode: string }
  | { kind: 'authority'; authority: 'BKN' }
  | { kind: 'agency'; agency: string; regionCode: string }
  | { kind: 'none' };

/** Which region level each pengawas role must be attached to (Kemendagri code shape). */
export const ROLE_REGION_PATTERN: Partial<Record<StaffRole, RegExp>> = {
  pengawas_provinsi: /^\d{2}$/,
  pengawas_kabkota: /^\d{2}\.\d{2}$/,
  pengawas_kecamatan: /^\d{2}\.\d{2}\.\d{2}$/,
};

export function validateRoleScope(role: StaffRole, regionCode: string | null, agency: string | null): string | null {
  const pattern = ROLE_REGION_PATTERN[role];
  if (pattern && (!regionCode || !pattern.test(regionCode))) return 'region';
  // A PPK is one catalogue entry: the pemerintah daerah's region AND the instansi key. Without a
  // region the same agency name would match in every province.
  if (role === 'ppk') {
    if (!regionCode) return 'region';
    const problem = checkAgencyAddress(regionCode, agency ?? '');
    if (problem === 'REGION_NOT_PEMDA') return 'region';
    if (problem) return 'agency';
  }
  return null;
}

export function jurisdictionOf(p: Principal): Jurisdiction {
  switch (p.role) {
    case 'admin':
    case 'pengawas_ri':
    case 'analyst':
      return { kind: 'national' };
    case 'pengawas_provinsi':
    case 'pengawas_kabkota':
    case 'pengawas_kecamatan':
      return p.regionCode ? { kind: 'region', regionCode: p.regionCode } : { kind: 'none' };
    case 'bkn':
      return { kind: 'authority', authority: 'BKN' };
    case 'ppk':
      return p.agency && p.regionCode ? { kind: 'agency', agency: p.agency, regionCode: p.regionCode } : { kind: 'none' };
  }
}

export const isSupervisor = (p: Principal) => p.role === 'admin' || p.role.startsWith('pengawas_');
export const canManageUsers = (p: Principal) => p.role === 'admin';
export const isReadOnly = (p: Principal) => p.role === 'analyst';

/** Case handling (laporan/temuan) by Bawaslu staff in their own region and below. */
export function canHandleCaseIn(p: Principal, caseRegionCode: string): boolean {
  if (!isSupervisor(p)) return false;
  const j = jurisdictionOf(p);
  if (j.kind === 'national') return true;
  return j.kind === 'region' && isWithinRegion(caseRegionCode, j.regionCode);
}

export function canReadCaseIn(p: Principal, caseRegionCode: string): boolean {
  if (p.role === 'analyst') return true;
  return canHandleCaseIn(p, caseRegionCode);
}

/**
 * Witness names, addresses and phones: the handling office (and its supervisors) only. Analysts
 * read cases nationwide for analysis, which needs no witness identity; an analyst attached to a
 * region sees witness details there, a national analyst nowhere. Other roles never.
 */
export function canReadWitnessDetails(p: Principal, caseOfficeCode: string): boolean {
  if (p.role === 'analyst') return p.regionCode !== null && isWithinRegion(caseOfficeCode, p.regionCode);
  return canHandleCaseIn(p, caseOfficeCode);
}
