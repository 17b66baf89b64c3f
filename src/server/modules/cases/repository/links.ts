// Queries of duplicate links between cases about the same person (terlapor).
import type { Queryable, Tx } from '../../../db/client.ts';
import type { CASE_LINK_STATES } from '../../../../contracts/cases.ts';

export type CaseLinkState = (typeof CASE_LINK_STATES)[number];

/** Ids of other cases about a person of this case: same NIP or a similar name (indexes only). */
export async function findSamePersonCaseIds(db: Queryable, caseId: string): Promise<string[]> {
  const found = await db.query<{ case_id: string }>(
    `SELECT DISTINCT o.case_id FROM case_terlapor t
     JOIN case_terlapor o ON o.case_id <> t.case_id AND (o.nip = t.nip OR o.search_name % t.search_name)
     WHERE t.case_id = $1 ORDER BY o.case_id`,
    [caseId],
  );
  return found.rows.map((r) => r.case_id);
}

export interface LinkCandidateRow {
  other_id: string;
  same_nip: boolean;
  name_sim: number;
  agency_sim: number;
  days_apart: number | null;
}

/** Similarity of the case's terlapor to those of `otherIds`, near the same event (within `maxDaysApart`) or with the same NIP. */
export async function scoreLinkCandidates(
  db: Queryable,
  caseId: string,
  otherIds: string[],
  maxDaysApart: number,
): Promise<LinkCandidateRow[]> {
  const chunk = await db.query<LinkCandidateRow>(
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
    [caseId, maxDaysApart, otherIds],
  );
  return chunk.rows;
}

/** Records suggestions (pairs in a fixed order); resolves to how many were new. */
export async function insertLinkSuggestions(
  db: Queryable,
  links: { a: string; b: string; reason: string; score: number }[],
): Promise<number> {
  const inserted = await db.query(
    `INSERT INTO case_links (case_id, other_id, reason, score)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[]) ON CONFLICT DO NOTHING RETURNING id`,
    [links.map((l) => l.a), links.map((l) => l.b), links.map((l) => l.reason), links.map((l) => l.score)],
  );
  return inserted.rows.length;
}

export interface CaseLinkRow {
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
}

/** The case's links, each with the case at the other end, strongest first. */
export async function listCaseLinkRows(db: Queryable, caseId: string): Promise<CaseLinkRow[]> {
  const links = await db.query<CaseLinkRow>(
    `SELECT l.id, l.case_id, l.other_id, l.reason, l.score, l.state, oc.office_code AS other_office, oc.title AS other_title,
            oc.registration_number AS other_number, oc.state AS other_state
     FROM case_links l JOIN cases oc ON oc.id = CASE WHEN l.case_id = $1 THEN l.other_id ELSE l.case_id END
     WHERE l.case_id = $1 OR l.other_id = $1 ORDER BY l.score DESC`,
    [caseId],
  );
  return links.rows;
}

export interface LinkForDecisionRow {
  id: number;
  case_id: string;
  other_id: string;
  state: string;
  a_office: string;
  b_office: string;
}

/** The link, locked, with the offices of both its cases. */
export async function findLinkForUpdate(tx: Tx, linkId: number): Promise<LinkForDecisionRow | null> {
  const found = await tx.query<LinkForDecisionRow>(
    `SELECT l.*, a.office_code AS a_office, b.office_code AS b_office FROM case_links l
     JOIN cases a ON a.id = l.case_id JOIN cases b ON b.id = l.other_id WHERE l.id = $1 FOR UPDATE OF l`,
    [linkId],
  );
  return found.rows[0] ?? null;
}

export async function setLinkState(tx: Tx, linkId: number, state: CaseLinkState, decidedBy: string, at: Date) {
  await tx.query('UPDATE case_links SET state = $2, decided_by = $3, decided_at = $4 WHERE id = $1', [linkId, state, decidedBy, at]);
}
