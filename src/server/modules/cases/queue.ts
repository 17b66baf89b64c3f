// The staff queue: cases in the viewer's jurisdiction, nearest legal deadline first, with
// filters and Indonesian full-text search. Jurisdiction is part of the WHERE clause.
import type { Queryable } from '../../db/client.ts';
import type { Principal } from '../../../domain/access/policy.ts';
import { STATE_LABELS } from '../../../domain/cases/stateMachine.ts';
import type { CaseListQuery } from './schemas.ts';
import { assertCaseListScope } from './policy.ts';
import { listQueueRows, type QueueRow } from './repository/queue.ts';

export async function listCases(db: Queryable, principal: Principal, query: CaseListQuery, now: Date) {
  const scope = assertCaseListScope(principal);
  const rows = await listQueueRows(db, scope, query, now);
  return { items: rows.map((r) => queueItem(r, now)), total: rows[0]?.total ?? 0 };
}

function queueItem(r: QueueRow, now: Date) {
  return {
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
      ? { dueAt: new Date(r.next_due).toISOString(), dueLocal: r.next_due_local, ruleId: r.next_rule, overdue: new Date(r.next_due) < now }
      : null,
  };
}
