// Duplicate suggestions around the person (terlapor), links confirmed/rejected by staff,
// reversible merges, and each person's case history.
import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { canHandleCaseIn, type Principal } from '../../../domain/access/policy.ts';
import { scoreDuplicate, NEAR_EVENT_DAYS } from '../../../domain/cases/duplicates.ts';
import { regionSearchKey } from '../../../domain/regions/search.ts';
import { assertCanDecideLink, assertCanHandleCase, assertCaseListScope, assertSupervisor } from './policy.ts';
import { findCase } from './repository.ts';
import { listTerlaporHistoryRows } from './repository/queue.ts';
import {
  findLinkForUpdate,
  findSamePersonCaseIds,
  insertLinkSuggestions,
  listCaseLinkRows,
  scoreLinkCandidates,
  setLinkState,
  type CaseLinkState,
  type LinkCandidateRow,
} from './repository/links.ts';

const LINK_BATCH = 50;
/** Candidates scored per statement: each statement holds PGlite's single connection (and its thread). */
const CANDIDATE_CHUNK = 100;

/** Finds earlier cases about the same person near the same event and records suggestions. */
export async function suggestLinksForCase(db: Db, caseId: string): Promise<number> {
  // Two steps so that no single statement grows with how often a person was reported (on PGlite a
  // long statement blocks the event loop): first the ids of cases about the same person, from the
  // NIP and trigram indexes alone; then the scores, CANDIDATE_CHUNK cases per statement.
  const ids = await findSamePersonCaseIds(db, caseId);
  const candidates: LinkCandidateRow[] = [];
  for (let i = 0; i < ids.length; i += CANDIDATE_CHUNK) {
    candidates.push(...(await scoreLinkCandidates(db, caseId, ids.slice(i, i + CANDIDATE_CHUNK), NEAR_EVENT_DAYS * 3)));
  }
  const links: { a: string; b: string; reason: string; score: number }[] = [];
  for (const c of candidates) {
    const match = scoreDuplicate({
      sameNip: c.same_nip,
      nameSimilarity: c.name_sim,
      agencySimilarity: c.agency_sim,
      daysApart: c.days_apart,
    });
    if (!match) continue;
    const [a, b] = [caseId, c.other_id].sort();
    links.push({ a, b, reason: match.reason, score: match.score });
  }
  // A few multi-row statements instead of one per candidate: a much-reported person has
  // hundreds of earlier cases, and each statement holds PGlite's single connection.
  let created = 0;
  for (let i = 0; i < links.length; i += LINK_BATCH) {
    created += await insertLinkSuggestions(db, links.slice(i, i + LINK_BATCH));
  }
  return created;
}

export async function listCaseLinks(db: Queryable, principal: Principal, caseId: string) {
  assertCanHandleCase(principal, await findCase(db, caseId), false);
  const links = await listCaseLinkRows(db, caseId);
  return links.map((l) => {
    const otherId = l.case_id === caseId ? l.other_id : l.case_id;
    // A link to a case outside the viewer's jurisdiction shows that it exists, not what it is.
    const visible = canHandleCaseIn(principal, l.other_office) || principal.role === 'analyst';
    return {
      id: l.id,
      otherCaseId: otherId,
      reason: l.reason,
      score: l.score,
      state: l.state,
      other: visible
        ? { title: l.other_title, registrationNumber: l.other_number, state: l.other_state, officeCode: l.other_office }
        : { officeCode: l.other_office },
    };
  });
}

const TRANSITIONS: Record<string, { from: string[]; to: CaseLinkState }> = {
  merge: { from: ['suggested', 'unmerged'], to: 'merged' },
  reject: { from: ['suggested'], to: 'rejected' },
  unmerge: { from: ['merged'], to: 'unmerged' },
};

export async function decideCaseLink(db: Db, principal: Principal, linkId: number, decision: 'merge' | 'reject' | 'unmerge', now: Date) {
  assertSupervisor(principal);
  return db.transaction(async (tx) => {
    const link = await findLinkForUpdate(tx, linkId);
    assertCanDecideLink(principal, link);
    const rule = TRANSITIONS[decision];
    if (!rule.from.includes(link.state)) {
      throw new AppError(
        'invalid_state_transition',
        {
          id: `Tautan berstatus ${link.state}; tindakan ${decision} tidak berlaku.`,
          en: `Link is ${link.state}; ${decision} does not apply.`,
        },
        { field: 'decision' },
      );
    }
    await setLinkState(tx, linkId, rule.to, principal.id, now);
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: `case_link.${decision}`,
      entityType: 'case_link',
      entityId: String(linkId),
      at: now,
      data: { caseId: link.case_id, otherId: link.other_id, from: link.state, to: rule.to },
    });
    return { id: linkId, state: rule.to };
  });
}

/** Every case about a person (by NIP, or a similar name at a similar agency), within the viewer's jurisdiction. */
export async function terlaporHistory(db: Queryable, principal: Principal, query: { nip?: string; name?: string; agency?: string }) {
  const scope = assertCaseListScope(principal);
  let person: { nip: string } | { nameKey: string; agency?: string };
  if (query.nip) person = { nip: query.nip.replace(/\D/g, '') };
  else if (query.name) person = { nameKey: regionSearchKey(query.name), agency: query.agency };
  else throw new AppError('validation_failed', { id: 'Isi NIP atau nama terlapor.', en: 'Give a NIP or a name.' }, { field: 'nip' });
  const rows = await listTerlaporHistoryRows(db, scope, person);
  const items = rows.map((r) => ({
    caseId: r.case_id,
    name: r.name,
    position: r.position,
    agency: r.agency,
    subjectType: r.subject_type,
    state: r.state,
    registrationNumber: r.registration_number,
    eventDate: r.event_date,
    officeCode: r.office_code,
  }));
  return { items, total: items.length };
}
