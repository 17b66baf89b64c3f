// Request-side access for referrals: staff principals and agency tokens become a ReferralActor
// (src/domain/referrals/access.ts holds the rules). 404 and 403 stay distinct in code.
import { AppError, forbidden } from '../../platform/errors.ts';
import { canManageUsers, type Principal } from '../../../domain/access/policy.ts';
import {
  actorOfPrincipal,
  actorOfToken,
  canReportStep,
  canSeeReferral,
  type ReferralActor,
  type ReferralFacts,
} from '../../../domain/referrals/access.ts';
import type { ReferralStep } from '../../../domain/referrals/states.ts';
import type { AuditActor } from '../audit/index.ts';
import type { AgencyTokenRow, ReferralRow } from './repository.ts';

export interface ReferralCaller {
  actor: ReferralActor;
  audit: AuditActor;
  /** Staff may see the terlapor's identity; analysts and tokens see it only for their own referrals. */
  showIdentity: boolean;
}

export function callerOfPrincipal(principal: Principal): ReferralCaller {
  return {
    actor: actorOfPrincipal(principal),
    audit: { id: principal.id, role: principal.role },
    showIdentity: principal.role !== 'analyst',
  };
}

export function callerOfToken(token: AgencyTokenRow): ReferralCaller {
  return {
    actor: actorOfToken({ authority: token.authority, agency: token.agency, regionCode: token.region_code }),
    audit: { id: `agency_token:${token.id}`, role: 'agency_token' },
    showIdentity: true,
  };
}

export function factsOf(row: ReferralRow): ReferralFacts {
  return {
    authority: row.authority,
    agencyRegionCode: row.agency_region_code,
    agencyKey: row.agency_key,
    regionCode: row.region_code,
    officeCode: row.office_code,
    forwardedToPpk: row.forwarded_at !== null,
  };
}

export const referralNotFound = () => new AppError('not_found', { id: 'Rekomendasi tidak ditemukan.', en: 'Referral not found.' });

export function assertCanSee(caller: ReferralCaller, row: ReferralRow | null): asserts row is ReferralRow {
  if (!row) throw referralNotFound();
  // Out of scope answers exactly like a missing referral: same status, same body.
  if (!canSeeReferral(caller.actor, factsOf(row))) throw referralNotFound();
}

/** Seeing the referral comes first: out of scope is a 404, in scope but not this caller's step a 403. */
export function assertCanReport(caller: ReferralCaller, row: ReferralRow | null, step: ReferralStep): asserts row is ReferralRow {
  assertCanSee(caller, row);
  if (!canReportStep(caller.actor, factsOf(row), step)) throw forbidden();
}

/** The letter names the terlapor: analysts (no identity) may see the referral but not its letter. */
export function assertCanReadLetter(caller: ReferralCaller, row: ReferralRow | null): asserts row is ReferralRow {
  assertCanSee(caller, row);
  if (!caller.showIdentity) throw forbidden();
}

/** Only BKN blocks SIASN data (Peraturan BKN 1/2023). */
export function assertCanBlockSiasn(caller: ReferralCaller, row: ReferralRow | null): asserts row is ReferralRow {
  assertCanSee(caller, row);
  if (caller.actor.kind !== 'bkn') throw forbidden();
}

/** Agency tokens, policy changes and the KASN handover: administrators. */
export function assertCanAdministerReferrals(principal: Principal) {
  if (!canManageUsers(principal)) throw forbidden();
}

export function assertCanReadSettings(principal: Principal) {
  if (principal.role !== 'admin' && principal.role !== 'pengawas_ri') throw forbidden();
}
