// The staff queue: cases in the viewer's jurisdiction, nearest legal deadline first, with
// filters and Indonesian full-text search. Jurisdiction is part of the WHERE clause.
import type { Queryable } from '../../db/client.ts';
import { forbidden } from '../../platform/errors.ts';
import { jurisdictionOf, type Principal } from '../../../domain/access/policy.ts';
import { STATE_LABELS, type CaseState } from '../../../domain/cases/stateMachine.ts';
import type { CaseListQuery } from './schemas.ts';
import { withinRegionSql } from '../../db/sql.ts';

/**
 * Cases whose handling office lies within a region. Offices are provinces ('16') or
 * kabupaten/kota ('16.02') only, so a province matches on the first two characters (indexed:
 * cases_office_province_idx) and anything deeper matches exactly — the same rows as
 * `office = code OR office LIKE code || '.%'`, without a sequential scan.
 */
export function officeWithinSql(column: string, regionCode: string, add: (v: unknown) => string): string {
  const p = add(regionCode);
  return /^\d{2}$/.test(regionCode) ? `left(${column}, 2) = ${p}` : `${column} = ${p}`;
}

export function jurisdictionClause(principal: Principal, column: string, add: (v: unknown) => string): string | null {
  const j = jurisdictionOf(principal);
  if (j.kind === 'national') return null;
  if (j.kind === 'region') return officeWithinSql(column, j.regionCode, add);
  throw forbidden();
}

export async function listCases(db: Queryable, principal: Principal, query: CaseListQuery, now: Date) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const scope = jurisdictionClause(principal, 'c.office_code', add);
  if (scope) where.push(scope);
  if (query.state) where.push(`c.state = ${add(query.state)}`);
  if (query.kind) where.push(`c.kind = ${add(query.kind)}`);
  if (query.region) {
    const p = add(query.region);
    where.push(withinRegionSql('c.event_region_code', p));
  }
  if (query.q) where.push(`c.search @@ plainto_tsquery('indonesian', ${add(query.q)})`);
  if (query.subjectType)
    where.push(`EXISTS (SELECT 1 FROM case_terlapor t WHERE t.case_id = c.id AND t.subject_type = ${add(query.subjectType)})`);
  if (query.act) where.push(`${add(query.act)} = ANY(c.acts)`);
  if (query.stage) where.push(`c.stage_code = ${add(query.stage)}`);
  if (query.overdue === 'true') where.push(`d.next_due < ${add(now)}`);
  if (query.overdue === 'false') where.push(`(d.next_due IS NULL OR d.next_due >= ${add(now)})`);
  if (query.dueBefore) where.push(`d.next_due < ${add(query.dueBefore)}`);
  const rank = query.q ? `ts_rank(c.search, plainto_tsquery('indonesian', ${add(query.q)})) DESC,` : '';
  const result = await db.query<{
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
  }>(
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
  return {
    items: result.rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      source: r.source,
      state: r.state,
      stateLabel: STATE_LABELS[r.state],
      trackingCode: r.tracking_code,
      registrationNumber: r.registration_number,
      title: r.title,
      officeCode: r.office_code,
      eventRegionCode: r.event_region_code,
      receivedAt: new Date(r.received_at).toISOString(),
      late: r.is_late,
      assignedTo: r.assigned_to,
      acts: r.acts,
      stageCode: r.stage_code,
      terlapor: r.terlapor ?? [],
      nextDeadline: r.next_due
        ? {
            dueAt: new Date(r.next_due).toISOString(),
            dueLocal: r.next_due_local,
            ruleId: r.next_rule,
            overdue: new Date(r.next_due) < now,
          }
        : null,
    })),
    total: result.rows[0]?.total ?? 0,
  };
}
