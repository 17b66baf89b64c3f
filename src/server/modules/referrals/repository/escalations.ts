// Overdue-step escalations: the candidates, the idempotent insert, and the lists staff read.
import type { Queryable, Tx } from '../../../db/client.ts';
import type { ReferralActor } from '../../../../domain/referrals/access.ts';
import { referralScopeClause } from '../repository.ts';

export async function listEscalationsOf(db: Queryable, referralId: string) {
  return (
    await db.query<{ id: number; step_id: number; step: string; recipients: string[]; message: string; created_at: Date }>(
      `SELECT e.id, e.step_id, s.step, e.recipients, e.message, e.created_at FROM escalations e JOIN referral_steps s ON s.id = e.step_id
     WHERE e.referral_id = $1 ORDER BY e.id`,
      [referralId],
    )
  ).rows;
}

export interface EscalationListRow {
  id: number;
  referral_id: string;
  step: string;
  due_at: Date | null;
  recipients: string[];
  message: string;
  created_at: Date;
  recommendation_number: string;
  authority: string;
  office_code: string;
  done_at: Date | null;
}

/** One page of the escalations in the actor's scope, newest first, with the total. */
export async function listEscalationRows(db: Queryable, actor: ReferralActor, limit: number, offset: number) {
  const params: unknown[] = [];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const scope = referralScopeClause(actor, add);
  const rows = (
    await db.query<EscalationListRow>(
      `SELECT e.id, e.referral_id, s.step, s.due_at, s.done_at, e.recipients, e.message, e.created_at, r.recommendation_number, r.authority, r.office_code
     FROM escalations e JOIN referrals r ON r.id = e.referral_id JOIN referral_steps s ON s.id = e.step_id
     ${scope ? `WHERE ${scope}` : ''} ORDER BY e.id DESC LIMIT ${add(limit)} OFFSET ${add(offset)}`,
      params,
    )
  ).rows;
  // The scope's parameters are the first ones.
  const total = (
    await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM escalations e JOIN referrals r ON r.id = e.referral_id ${scope ? `WHERE ${scope}` : ''}`,
      params.slice(0, params.length - 2),
    )
  ).rows[0].n;
  return { rows, total };
}

export interface OverdueStep {
  id: number;
  referral_id: string;
  step: string;
  due_at: Date;
  authority: string;
  authority_name: string;
  office_code: string;
  recommendation_number: string;
  case_id: string;
}

/** Open steps past their due date that have no escalation yet, oldest first. */
export async function overdueUnescalatedSteps(db: Queryable, now: Date): Promise<OverdueStep[]> {
  return (
    await db.query<OverdueStep>(
      `SELECT s.id, s.referral_id, s.step, s.due_at, r.authority, r.authority_name, r.office_code, r.recommendation_number, r.case_id
     FROM referral_steps s JOIN referrals r ON r.id = s.referral_id
     WHERE s.done_at IS NULL AND s.due_at IS NOT NULL AND s.due_at < $1
       AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.step_id = s.id)
     ORDER BY s.due_at, s.id`,
      [now],
    )
  ).rows;
}

/**
 * Escalates a step still open and marks it overdue; false when it was done meanwhile or another
 * worker escalated it first (UNIQUE(step_id) + ON CONFLICT DO NOTHING).
 */
export async function insertEscalation(
  tx: Tx,
  e: { referralId: string; stepId: number; officeCode: string; notifyBkn: boolean; recipients: string[]; message: string; at: Date },
): Promise<boolean> {
  const inserted = await tx.query<{ id: number }>(
    `INSERT INTO escalations (referral_id, step_id, office_code, notify_bkn, recipients, message, created_at)
     SELECT $1, $2, $3, $4, $5, $6, $7 WHERE EXISTS (SELECT 1 FROM referral_steps WHERE id = $2 AND done_at IS NULL)
     ON CONFLICT (step_id) DO NOTHING RETURNING id`,
    [e.referralId, e.stepId, e.officeCode, e.notifyBkn, e.recipients, e.message, e.at],
  );
  if (inserted.rows.length === 0) return false;
  await tx.query('UPDATE referral_steps SET overdue = true WHERE id = $1', [e.stepId]);
  return true;
}
