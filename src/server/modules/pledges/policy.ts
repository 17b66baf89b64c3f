// Who may register a neutrality pledge: Bawaslu staff (pengawas) and admins, within their own region and below.
import { forbidden } from '../../platform/errors.ts';
import { isSupervisor, jurisdictionOf, type Principal } from '../../../domain/access/policy.ts';
import { isWithinRegion } from '../../../domain/regions/search.ts';

export function canRegisterPledgeIn(p: Principal, regionCode: string): boolean {
  if (!isSupervisor(p)) return false;
  const j = jurisdictionOf(p);
  if (j.kind === 'national') return true;
  return j.kind === 'region' && isWithinRegion(regionCode, j.regionCode);
}

export function assertCanRegisterPledge(principal: Principal, regionCode: string): void {
  if (!canRegisterPledgeIn(principal, regionCode)) throw forbidden();
}
