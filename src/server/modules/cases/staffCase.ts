// A case as staff reach it: loaded and checked against the case policy in one step, and the
// filing deadline a late laporan missed (the case page and the guards both need it).
import type { Principal } from '../../../domain/access/policy.ts';
import { computeDeadline } from '../../../domain/legal-clock/compute.ts';
import { startOfLocalDay, zoneForRegion } from '../../../domain/time/zones.ts';
import type { CaseDeps } from './deps.ts';
import { assertCanHandleCase } from './policy.ts';
import { findCase, type CaseRow } from './repository.ts';

export async function loadCaseForStaff(deps: CaseDeps, principal: Principal, caseId: string, forWrite: boolean): Promise<CaseRow> {
  const found = await findCase(deps.db, caseId);
  // 404 and 403 stay distinct in code; the response hides which one happened for foreign cases.
  assertCanHandleCase(principal, found, forWrite);
  return found;
}

/** The Pasal 134(4) filing deadline a late laporan missed (7 days from the stated known date). */
export function filingDueOf(c: CaseRow): Date | null {
  if (c.kind !== 'laporan' || !c.known_date) return null;
  const knownAt = startOfLocalDay(String(c.known_date).slice(0, 10), zoneForRegion(c.office_code));
  return computeDeadline('laporan.penyampaian', { startAt: knownAt, regionCode: c.office_code, caseDate: new Date(c.received_at) }).dueAt;
}
