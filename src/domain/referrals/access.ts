// Who sees and who acts on a referral. Staff sessions and agency API tokens both become a
// ReferralActor; repositories turn `referralScopeOf` into WHERE clauses.
import type { Principal } from '../access/policy.ts';
import { isWithinRegion } from '../regions/search.ts';
import { isAsnAuthority, isRegionalPpkAuthority, type ReferralStep } from './states.ts';

export type ReferralActor =
  | { kind: 'oversight' } // admin, Bawaslu RI, analyst (analyst read-only)
  | { kind: 'bawaslu'; regionCode: string } // Bawaslu offices: cases of their jurisdiction
  | { kind: 'bkn' }
  | { kind: 'ppk'; agency: string; regionCode: string | null }
  | { kind: 'authority'; authority: string; agency: string | null; regionCode: string | null }
  | { kind: 'none' };

/** Token authorities: the routing authorities plus 'PPK' (an ASN's employing agency). */
export const TOKEN_AUTHORITIES = ['BKN', 'PPK', 'BUPATI_WALIKOTA', 'PPK_DAERAH', 'GAKKUMDU', 'KPU', 'DKPP', 'TNI', 'POLRI', 'INSTANSI_BERWENANG'] as const;
export type TokenAuthority = (typeof TOKEN_AUTHORITIES)[number];

export function actorOfPrincipal(p: Principal): ReferralActor {
  switch (p.role) {
    case 'admin': case 'pengawas_ri': case 'analyst': return { kind: 'oversight' };
    case 'pengawas_provinsi': case 'pengawas_kabkota': case 'pengawas_kecamatan':
      return p.regionCode ? { kind: 'bawaslu', regionCode: p.regionCode } : { kind: 'none' };
    case 'bkn': return { kind: 'bkn' };
    // Bupati/wali kota offices (desa cases) are modelled as PPK users with agency "Pemerintah Kabupaten X".
    case 'ppk': return p.agency ? { kind: 'ppk', agency: p.agency, regionCode: p.regionCode } : { kind: 'none' };
  }
}

export function actorOfToken(token: { authority: string; agency: string | null; regionCode: string | null }): ReferralActor {
  if (token.authority === 'BKN') return { kind: 'bkn' };
  if (token.authority === 'PPK') return token.agency ? { kind: 'ppk', agency: token.agency, regionCode: token.regionCode } : { kind: 'none' };
  return { kind: 'authority', authority: token.authority, agency: token.agency, regionCode: token.regionCode };
}

export interface ReferralFacts {
  authority: string;
  agency: string;
  regionCode: string | null;
  officeCode: string;
  /** True once BKN sent the case to the PPK (ASN referrals). */
  forwardedToPpk: boolean;
}

const sameAgency = (a: string, b: string) => a.trim().toLocaleLowerCase('id') === b.trim().toLocaleLowerCase('id');
const inRegion = (code: string | null, scope: string | null) => scope === null || (code !== null && isWithinRegion(code, scope));

/** Same rule as the SQL scope in the repository, for single rows and tests. */
export function canSeeReferral(actor: ReferralActor, r: ReferralFacts): boolean {
  switch (actor.kind) {
    case 'oversight': return true;
    case 'bawaslu': return isWithinRegion(r.officeCode, actor.regionCode);
    case 'bkn': return r.authority === 'BKN';
    // A PPK sees an ASN referral once BKN has forwarded it; desa/honorer referrals at once.
    case 'ppk': return sameAgency(r.agency, actor.agency) && inRegion(r.regionCode, actor.regionCode)
      && (isAsnAuthority(r.authority) ? r.forwardedToPpk : true);
    case 'authority': return r.authority === actor.authority && (actor.agency === null || sameAgency(r.agency, actor.agency))
      && inRegion(r.regionCode, actor.regionCode);
    case 'none': return false;
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
