// Queries of case handling by staff: the case row's changes, clocks, assignment, a supervisor's
// informasi awal.
import type { Queryable, Tx } from '../../../db/client.ts';
import { execute, qb } from '../../../db/kysely.ts';
import type { Deadline } from '../../../../domain/legal-clock/compute.ts';
import type { CaseRow } from '../repository.ts';

/** When the last handling step took effect (receipt/creation or one of `actions`), if any. */
export async function lastStepAt(tx: Tx, caseId: string, actions: readonly string[]): Promise<Date | null> {
  const previous = await tx.query<{ at: Date | null }>(
    'SELECT max(occurred_at) AS at FROM case_events WHERE case_id = $1 AND (from_state IS NULL OR action = ANY($2::text[]))',
    [caseId, [...actions]],
  );
  return previous.rows[0]?.at ?? null;
}

/** The columns a handling action changes on the case row. */
export type CasePatch = Partial<
  Pick<
    CaseRow,
    | 'state'
    | 'updated_at'
    | 'state_reason'
    | 'registration_number'
    | 'registered_at'
    | 'classification'
    | 'decision_summary'
    | 'office_code'
    | 'assigned_to'
  >
>;

export async function updateCase(tx: Tx, caseId: string, patch: CasePatch) {
  await execute(tx, qb.updateTable('cases').set(patch).where('id', '=', caseId));
}

export async function stopClocks(tx: Tx, caseId: string, ruleIds: string[], at: Date) {
  await tx.query('UPDATE case_clocks SET stopped_at = $3 WHERE case_id = $1 AND rule_id = ANY($2::text[]) AND stopped_at IS NULL', [
    caseId,
    ruleIds,
    at,
  ]);
}

/** Running clocks of a rule not extended yet. */
export async function listExtendableClocks(tx: Tx, caseId: string, ruleId: string): Promise<{ id: number; started_at: Date }[]> {
  const open = await tx.query<{ id: number; started_at: Date }>(
    'SELECT id, started_at FROM case_clocks WHERE case_id = $1 AND rule_id = $2 AND stopped_at IS NULL AND NOT extended',
    [caseId, ruleId],
  );
  return open.rows;
}

export async function extendClock(tx: Tx, clockId: number, deadline: Deadline) {
  await tx.query('UPDATE case_clocks SET due_at = $2, due_local = $3, basis = $4, extended = true WHERE id = $1', [
    clockId,
    deadline.dueAt,
    deadline.dueLocal,
    deadline.basis,
  ]);
}

/** An enabled account, for assignment. */
export async function findActiveUser(db: Queryable, id: string): Promise<{ id: string; role: string; region_code: string | null } | null> {
  const found = await db.query<{ id: string; role: string; region_code: string | null }>(
    'SELECT id, role, region_code FROM users WHERE id = $1 AND NOT disabled',
    [id],
  );
  return found.rows[0] ?? null;
}

export async function setAssignee(tx: Tx, caseId: string, assigneeId: string | null, at: Date) {
  await tx.query('UPDATE cases SET assigned_to = $2, updated_at = $3 WHERE id = $1', [caseId, assigneeId, at]);
}
