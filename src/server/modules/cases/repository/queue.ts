// Queries that list cases: the staff queue, public announcements, a person's case history. Each
// builds its WHERE clause from parameters only (`add` numbers them); jurisdiction is part of it.
import type { Queryable } from '../../../db/client.ts';
import { withinRegionSql } from '../../../db/sql.ts';
import type { CaseState } from '../../../../domain/cases/stateMachine.ts';
import type { CaseListQuery } from '../schemas.ts';

type AddParam = (value: unknown) => string;

function paramList(initial: unknown[] = []): { params: unknown[]; add: AddParam } {
  const params = [...initial];
  return {
    params,
    add: (value) => {
      params.push(value);
      return `$${params.length}`;
    },
  };
}

/**
 * Cases whose handling office lies within a region. Offices are provinces ('16') or
 * kabupaten/kota ('16.02') only, so a province matches on the first two characters (indexed:
 * cases_office_province_idx) and anything deeper matches exactly — the same rows as
 * `office = code OR office LIKE code || '.%'`, without a sequential scan.
 */
export function officeWithinSql(column: string, regionCode: string, add: AddParam): string {
  const p = add(regionCode);
  return /^\d{2}$/.test(regionCode) ? `left(${column}, 2) = ${p}` : `${column} = ${p}`;
}

export interface QueueRow {
  id: string;
  kind: 'laporan' | 'temuan';
  source: string;
  state: CaseState;
  tracking_code: string | null;
  registration_number: string | null;
  title: string;
  office_code: string;
  event_region_code: string;
  received_at: Date;
  is_late: boolean;
  assigned_to: string | null;
  next_due: Date | null;
  next_due_local: string | null;
  next_rule: string | null;
  acts: string[];
  stage_code: string | null;
  terlapor: { position: string; agency: string; subjectType: string }[] | null;
  total: number;
}

function queueFilters(scope: string | null, query: CaseListQuery, now: Date, add: AddParam): string[] {
  const where: string[] = [];
  if (scope) where.push(officeWithinSql('c.office_code', scope, add));
  if (query.state) where.push(`c.state = ${add(query.state)}`);
  if (query.kind) where.push(`c.kind = ${add(query.kind)}`);
  if (query.region) where.push(withinRegionSql('c.event_region_code', add(query.region)));
  if (query.q) where.push(`c.search @@ plainto_tsquery('indonesian', ${add(query.q)})`);
  if (query.subjectType)
    where.push(`EXISTS (SELECT 1 FROM case_terlapor t WHERE t.case_id = c.id AND t.subject_type = ${add(query.subjectType)})`);
  if (query.act) where.push(`${add(query.act)} = ANY(c.acts)`);
  if (query.stage) where.push(`c.stage_code = ${add(query.stage)}`);
  if (query.overdue === 'true') where.push(`d.next_due < ${add(now)}`);
  if (query.overdue === 'false') where.push(`(d.next_due IS NULL OR d.next_due >= ${add(now)})`);
  if (query.dueBefore) where.push(`d.next_due < ${add(query.dueBefore)}`);
  return where;
}

/** The staff queue within `scope` (an office region, or null for national): nearest deadline first. */
export async function listQueueRows(db: Queryable, scope: string | null, query: CaseListQuery, now: Date): Promise<QueueRow[]> {
  const { params, add } = paramList();
  const where = queueFilters(scope, query, now, add);
  const rank = query.q ? `ts_rank(c.search, plainto_tsquery('indonesian', ${add(query.q)})) DESC,` : '';
  const result = await db.query<QueueRow>(
    `SELECT c.id, c.kind, c.source, c.state, c.tracking_code, c.registration_number, c.title, c.office_code, c.event_region_code,
            c.received_at, c.is_late, c.assigned_to, c.acts, c.stage_code, d.next_due, d.next_due_local, d.next_rule,
            (SELECT json_agg(json_build_object('position', t.position, 'agency', t.agency, 'subjectType', t.subject_type) ORDER BY t.id)
               FROM case_terlapor t WHERE t.case_id = c.id) AS terlapor,
            count(*) OVER () AS total
     FROM cases c
     LEFT JOIN LATERAL (
       SELECT k.due_at AS next_due, k.due_local AS next_due_local, k.rule_id AS next_rule FROM case_clocks k
       WHERE k.case_id = c.id AND k.stopped_at IS NULL ORDER BY k.due_at LIMIT 1
     ) d ON true
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${rank} d.next_due ASC NULLS LAST, c.received_at ASC
     LIMIT ${add(query.limit)} OFFSET ${add(query.offset)}`,
    params,
  );
  return result.rows;
}

export interface AnnouncementRow {
  occurred_at: Date;
  action: string;
  to_state: CaseState;
  kind: string;
  registration_number: string | null;
  office_code: string;
  office_name: string;
  office_level: string;
  classification: string | null;
  terlapor: { position: string; agency: string }[] | null;
  total: number;
}

/** Announced events (`actions`), newest first, optionally within one office's region. */
export async function listAnnouncementRows(
  db: Queryable,
  actions: string[],
  query: { office?: string; limit: number; offset: number },
): Promise<AnnouncementRow[]> {
  const { params, add } = paramList([actions]);
  const where = ['e.action = ANY($1::text[])'];
  if (query.office) where.push(officeWithinSql('c.office_code', query.office, add));
  const rows = await db.query<AnnouncementRow>(
    `SELECT e.occurred_at, e.action, e.to_state, c.kind, c.registration_number, c.office_code, r.name AS office_name, r.level AS office_level, c.classification,
            (SELECT json_agg(json_build_object('position', t.position, 'agency', t.agency) ORDER BY t.id) FROM case_terlapor t WHERE t.case_id = c.id) AS terlapor,
            count(*) OVER () AS total
     FROM case_events e JOIN cases c ON c.id = e.case_id JOIN regions r ON r.code = c.office_code
     WHERE ${where.join(' AND ')} AND (c.kind = 'laporan' OR e.action <> 'terima')
     ORDER BY e.occurred_at DESC, e.id DESC LIMIT ${add(query.limit)} OFFSET ${add(query.offset)}`,
    params,
  );
  return rows.rows;
}

export interface TerlaporHistoryRow {
  case_id: string;
  name: string;
  position: string;
  agency: string;
  subject_type: string;
  state: string;
  registration_number: string | null;
  event_date: string | null;
  office_code: string;
}

/** Cases about one person: by NIP, else by a similar name (search key) and, if given, a similar agency. */
export async function listTerlaporHistoryRows(
  db: Queryable,
  scope: string | null,
  person: { nip: string } | { nameKey: string; agency?: string },
): Promise<TerlaporHistoryRow[]> {
  const { params, add } = paramList();
  const where: string[] = [];
  if ('nip' in person) where.push(`t.nip = ${add(person.nip)}`);
  else {
    where.push(`similarity(t.search_name, ${add(person.nameKey)}) >= 0.5`);
    if (person.agency) where.push(`similarity(lower(t.agency), lower(${add(person.agency)})) >= 0.4`);
  }
  if (scope) where.push(officeWithinSql('c.office_code', scope, add));
  const result = await db.query<TerlaporHistoryRow>(
    `SELECT t.case_id, t.name, t.position, t.agency, t.subject_type, c.state, c.registration_number, c.event_date, c.office_code
     FROM case_terlapor t JOIN cases c ON c.id = t.case_id WHERE ${where.join(' AND ')} ORDER BY c.event_date DESC NULLS LAST LIMIT 200`,
    params,
  );
  return result.rows;
}
