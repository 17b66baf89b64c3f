// Duplicate suggestions around the person (terlapor), links confirmed/rejected by staff,
// reversible merges, and each person's case history.
import type { Db, Queryable } from '../../db/client.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { canHandleCaseIn, isSupervisor, type Principal } from '../../../domain/access/policy.ts';
import { scoreDuplicate, NEAR_EVENT_DAYS } from '../../../domain/cases/duplicates.ts';
import { regionSearchKey } from '../../../domain/regions/search.ts';
import { jurisdictionClause } from './queue.ts';
import type { CASE_LINK_STATES } from '../../../contracts/cases.ts';

type CaseLinkState = (typeof CASE_LINK_STATES)[number];

const LINK_BATCH = 50;
/** Candidates scored per statement: each statement holds PGlite's single connection (and its thread). */
const CANDIDATE_CHUNK = 100;

/** Finds earlier cases about the same person near the same event and records suggestions. */
export async function suggestLinksForCase(db: Db, caseId: string): Promise<number> {
  // Two steps so that no single statement grows with how often a person was reported (on PGlite a
  // long statement blocks the event loop): first the ids of cases about the same person, from the
  // NIP and trigram indexes alone; then the scores, CANDIDATE_CHUNK cases per statement.
  const ids = (
    await db.query<{ case_id: string }>(
      `SELECT DISTINCT o.case_id FROM case_terlapor t
     JOIN case_terlapor o ON o.case_id <> t.case_id AND (o.nip = t.nip OR o.search_name % t.search_name)
     WHERE t.case_id = $1 ORDER BY o.case_id`,
      [caseId],
    )
  ).rows.map((r) => r.case_id);
  const candidates: { other_id: string; same_nip: boolean; name_sim: number; agency_sim: number; days_apart: number | null }[] = [];
  for (let i = 0; i < ids.length; i += CANDIDATE_CHUNK) {
    const chunk = await db.query<{ other_id: string; same_nip: boolean; name_sim: number; agency_sim: number; days_apart: number | null }>(
      `SELECT o.case_id AS other_id,
              bool_or(t.nip IS NOT NULL AND t.nip = o.nip) AS same_nip,
              max(similarity(t.search_name, o.search_name)) AS name_sim,
              max(similarity(lower(t.agency), lower(o.agency))) AS agency_sim,
              min(abs(c.event_date - oc.event_date)) AS days_apart
       FROM case_terlapor t
       JOIN cases c ON c.id = t.case_id
       JOIN case_terlapor o ON o.case_id = ANY($3::text[]) AND o.case_id <> t.case_id AND (o.nip = t.nip OR o.search_name % t.search_name)
       JOIN cases oc ON oc.id = o.case_id
       WHERE t.case_id = $1 AND (oc.event_date IS NULL OR c.event_date IS NULL OR abs(c.event_date - oc.event_date) <= $2 OR o.nip = t.nip)
       GROUP BY o.case_id`,
      [caseId, NEAR_EVENT_DAYS * 3, ids.slice(i, i + CANDIDATE_CHUNK)],
    );
    candidates.push(...chunk.rows);
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
    const batch = links.slice(i, i + LINK_BATCH);
    const inserted = await db.query(
      `INSERT INTO case_links (case_id, other_id, reason, score)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[]) ON CONFLICT DO NOTHING RETURNING id`,
      [batch.map((l) => l.a), batch.map((l) => l.b), batch.map((l) => l.reason), batch.map((l) => l.score)],
    );
    created += inserted.rows.length;
  }
  return created;
}

export async function listCaseLinks(db: Queryable, principal: Principal, caseId: string) {
  const links = await db.query<{
    id: number;
    case_id: string;
    other_id: string;
    reason: string;
    score: number;
    state: CaseLinkState;
    other_office: string;
    other_title: string;
    other_number: string | null;
    other_state: string;
  }>(
    `SELECT l.id, l.case_id, l.other_id, l.reason, l.score, l.state, oc.office_code AS other_office, oc.title AS other_title,
            oc.registration_number AS other_number, oc.state AS other_state
     FROM case_links l JOIN cases oc ON oc.id = CASE WHEN l.case_id = $1 THEN l.other_id ELSE l.case_id END
     WHERE l.case_id = $1 OR l.other_id = $1 ORDER BY l.score DESC`,
    [caseId],
  );
  return links.rows.map((l) => {
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
  if (!isSupervisor(principal)) throw forbidden();
  return db.transaction(async (tx) => {
    const found = await tx.query<{ id: number; case_id: string; other_id: string; state: string; a_office: string; b_office: string }>(
      `SELECT l.*, a.office_code AS a_office, b.office_code AS b_office FROM case_links l
       JOIN cases a ON a.id = l.case_id JOIN cases b ON b.id = l.other_id WHERE l.id = $1 FOR UPDATE OF l`,
      [linkId],
    );
    const link = found.rows[0];
    if (!link || !(canHandleCaseIn(principal, link.a_office) || canHandleCaseIn(principal, link.b_office))) {
      throw new AppError('not_found', { id: 'Tautan perkara tidak ditemukan.', en: 'Case link not found.' });
    }
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
    await tx.query('UPDATE case_links SET state = $2, decided_by = $3, decided_at = $4 WHERE id = $1', [
      linkId,
      rule.to,
      principal.id,
      now,
    ]);
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
  const params: unknown[] = [];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (query.nip) where.push(`t.nip = ${add(query.nip.replace(/\D/g, ''))}`);
  else if (query.name) {
    where.push(`similarity(t.search_name, ${add(regionSearchKey(query.name))}) >= 0.5`);
    if (query.agency) where.push(`similarity(lower(t.agency), lower(${add(query.agency)})) >= 0.4`);
  } else {
    throw new AppError('validation_failed', { id: 'Isi NIP atau nama terlapor.', en: 'Give a NIP or a name.' }, { field: 'nip' });
  }
  const scope = jurisdictionClause(principal, 'c.office_code', add);
  if (scope) where.push(scope);
  const result = await db.query<{
    case_id: string;
    name: string;
    position: string;
    agency: string;
    subject_type: string;
    state: string;
    registration_number: string | null;
    event_date: string | null;
    office_code: string;
  }>(
    `SELECT t.case_id, t.name, t.position, t.agency, t.subject_type, c.state, c.registration_number, c.event_date, c.office_code
     FROM case_terlapor t JOIN cases c ON c.id = t.case_id WHERE ${where.join(' AND ')} ORDER BY c.event_date DESC NULLS LAST LIMIT 200`,
    params,
  );
  const items = result.rows.map((r) => ({
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
