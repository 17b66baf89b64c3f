// Who may do what with media-monitoring leads. Reading is allowed to supervisors and analysts,
// within their jurisdiction; deciding (dismiss, promote, clusters, intake) to supervisors who are
// not read-only; sources are the admin's.
import { forbidden } from '../../platform/errors.ts';
import { canManageUsers, isReadOnly, isSupervisor, jurisdictionOf, type Principal } from '../../../domain/access/policy.ts';

export const canReadLeads = (p: Principal) => isSupervisor(p) || p.role === 'analyst';
export const canDecideLeads = (p: Principal) => isSupervisor(p) && !isReadOnly(p);

/**
 * The leads a principal may see: all (national roles), or those with a region within `regionCode`.
 * Province supervisors also triage leads whose region the pipeline could not tell (`withUnplaced`).
 */
export type LeadScope = { kind: 'all' } | { kind: 'region'; regionCode: string; withUnplaced: boolean };

/** 403 unless the principal may read leads; returns the part of the inbox they see. */
export function assertCanReadLeads(principal: Principal): LeadScope {
  if (!canReadLeads(principal)) throw forbidden();
  return leadScopeOf(principal);
}

/** The part of the inbox a reader sees; 403 for roles without a national or regional area. */
export function leadScopeOf(principal: Principal): LeadScope {
  const j = jurisdictionOf(principal);
  if (j.kind === 'national') return { kind: 'all' };
  if (j.kind !== 'region') throw forbidden();
  return { kind: 'region', regionCode: j.regionCode, withUnplaced: principal.role === 'pengawas_provinsi' };
}

/** 403 unless the principal may decide on leads (and ingest articles). */
export function assertCanDecideLeads(principal: Principal): void {
  if (!canDecideLeads(principal)) throw forbidden();
}

/** Lead sources (feeds, push tokens) are configured by administrators. */
export function assertCanManageSources(principal: Principal): void {
  if (!canManageUsers(principal)) throw forbidden();
}
