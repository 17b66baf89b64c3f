// Who sees and who acts on a referral. Staff sessions and agency API tokens both become a
// ReferralActor; repositories turn `referralScopeOf` into WHERE clauses.
import type { Principal } from '../access/policy.ts';
import { isWithinRegion } from '../regions/search.ts';
import { isAsnAuthority, isRegionalPpkAuthority, type ReferralStep } from './states.ts';

export type ReferralActor =
  | { kind: 'oversight' } // admin, Bawaslu RI, analyst (analyst read-only)
  | { kind: 'bawaslu'; regionCode: string } // Bawaslu offices: cases of their jurisdiction
  | { kind: 'bkn' }
  // A PPK = one instansi catalogue entry: (pemerintah daerah region, instansi key).
  | { kind: 'ppk'; agencyKey: string; regionCode: string }
  | { kind: 'authority'; authority: string; agencyKey: string | null; regionCode: string | null }
  | { kind: 'none' };

// Token and referral authorities share one vocabulary: AUTHORITIES in src/contracts/referrals.ts.

export function actorOfPrincipal(p: Principal): ReferralActor {
  switch (p.role) {
    case 'admin':
    case 'pengawas_ri':
    case 'analyst':
      return { kind: 'oversight' };
    case 'pengawas_provinsi':
    case 'pengawas_kabkota':
    case 'pengawas_kecamatan':
      return p.regionCode ? { kind: 'bawaslu', regionCode: p.regionCode } : { kind: 'none' };
    case 'bkn':
      return { kind: 'bkn' };
    // Bupati/wali kota offices (desa cases) are PPK users with the key 'pemerintah_daerah'.
    // Without a region or agency key a PPK sees nothing (such users can no longer be created).
    case 'ppk':
      return p.agency && p.regionCode ? { kind: 'ppk', agencyKey: p.agency, regionCode: p.regionCode } : { kind: 'none' };
  }
}

export function actorOfToken(token: { authority: string; agency: string | null; regionCode: string | null }): ReferralActor {
  if (token.authority === 'BKN') return { kind: 'bkn' };
  if (token.authority === 'PPK')
    return token.agency && token.regionCode ? { kind: 'ppk', agencyKey: token.agency, regionCode: token.regionCode } : { kind: 'none' };
  return { kind: 'authority', authority: token.authority, agencyKey: token.agency, regionCode: token.regionCode };
}

export interface ReferralFacts {
  authority: string;
  /** The addressed catalogue entry (null = not addressed to a regional PPK; BKN only). */
  agencyRegionCode: string | null;
  agencyKey: string | null;
  regionCode: string | null;
  officeCode: string;
  /** True once BKN sent the case to the PPK (ASN referrals). */
  forwardedToPpk: boolean;
}

// Exact key comparison only: free-text agency names never decide access.
const sameEntry = (r: ReferralFacts, regionCode: string, key: string) => r.agencyKey === key && r.agencyRegionCode === regionCode;
const inRegion = (code: string | null, scope: string | null) => scope === null || (code !== null && isWithinRegion(code, scope));

/** Same rule as the SQL scope in the repository, for single rows and tests. */
export function canSeeReferral(actor: ReferralActor, r: ReferralFacts): boolean {
  switch (actor.kind) {
    case 'oversight':
      return true;
    case 'bawaslu':
      return isWithinRegion(r.officeCode, actor.regionCode);
    case 'bkn':
      return r.authority === 'BKN';
    // A PPK sees an ASN referral once BKN has forwarded it; desa/honorer referrals at once.
    case 'ppk':
      return sameEntry(r, actor.regionCode, actor.agencyKey) && (isAsnAuthority(r.authority) ? r.forwardedToPpk : true);
    case 'authority':
      return (
        r.authority === actor.authority &&
        (actor.agencyKey === null || r.agencyKey === actor.agencyKey) &&
        inRegion(r.regionCode, actor.regionCode)
      );
    case 'none':
      return false;
  }
}

/** Who reports which step (the state machine then decides whether it applies now). */
export function canReportStep(actor: ReferralActor, r: ReferralFacts, step: ReferralStep): boolean {
  if (!canSeeReferral(actor, r)) return false;
  switch (step) {
    case 'verified':
    case 'forwarded_to_ppk':
      return actor.kind === 'bkn';
    case 'received':
      return actor.kind === 'authority';
    case 'sanction':
    case 'sanction_applied':
      if (isAsnAuthority(r.authority) || isRegionalPpkAuthority(r.authority)) return actor.kind === 'ppk';
      return actor.kind === 'authority';
    case 'not_proven':
      if (isAsnAuthority(r.authority)) return actor.kind === 'bkn' || actor.kind === 'ppk';
      if (isRegionalPpkAuthority(r.authority)) return actor.kind === 'ppk';
      return actor.kind === 'authority';
  }
}
