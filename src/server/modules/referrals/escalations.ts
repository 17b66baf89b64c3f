// Marks overdue referral steps and writes one escalation per step, to BKN (ASN referrals) and
// the Bawaslu office that forwarded the case. Idempotent: the escalation's UNIQUE(step_id) and
// ON CONFLICT DO NOTHING make a re-run (or two workers at once) a no-op. Schedule it as a
// periodic job; `now` is an argument so tests control the clock.
import type { Db } from '../../db/client.ts';
import { appendAudit, SYSTEM_ACTOR } from '../audit/index.ts';
import { escalationRecipients, needsEscalation } from '../../../domain/referrals/escalation.ts';
import { TIMELINE_LABELS, type TimelineStep } from '../../../domain/referrals/states.ts';
import { formatLocalDateTime, zoneForRegion } from '../../../domain/time/zones.ts';
import { noticeReporterOfReferral } from './service.ts';

export async function runEscalations(db: Db, now: Date): Promise<{ escalated: number }> {
  const candidates = await db.query<{
    id: number;
    referral_id: string;
    step: string;
    due_at: Date;
    authority: string;
    authority_name: string;
    office_code: string;
    recommendation_number: string;
    case_id: string;
  }>(
    `SELECT s.id, s.referral_id, s.step, s.due_at, r.authority, r.authority_name, r.office_code, r.recommendation_number, r.case_id
     FROM referral_steps s JOIN referrals r ON r.id = s.referral_id
     WHERE s.done_at IS NULL AND s.due_at IS NOT NULL AND s.due_at < $1
       AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.step_id = s.id)
     ORDER BY s.due_at, s.id`,
    [now],
  );
  let escalated = 0;
  for (const c of candidates.rows) {
    if (!needsEscalation({ dueAt: new Date(c.due_at), doneAt: null, escalated: false }, now)) continue;
    const recipients = escalationRecipients({ authority: c.authority, officeCode: c.office_code });
    const label = TIMELINE_LABELS[c.step as TimelineStep]?.id ?? c.step;
    const message = `Tenggat ${label} untuk rekomendasi ${c.recommendation_number} terlewati sejak ${formatLocalDateTime(new Date(c.due_at), zoneForRegion(c.office_code))}.`;
    await db.transaction(async (tx) => {
      const inserted = await tx.query<{ id: number }>(
        `INSERT INTO escalations (referral_id, step_id, office_code, notify_bkn, recipients, message, created_at)
         SELECT $1, $2, $3, $4, $5, $6, $7 WHERE EXISTS (SELECT 1 FROM referral_steps WHERE id = $2 AND done_at IS NULL)
         ON CONFLICT (step_id) DO NOTHING RETURNING id`,
        [c.referral_id, c.id, c.office_code, recipients.includes('BKN'), recipients, message, now],
      );
      if (inserted.rows.length === 0) return;
      await tx.query('UPDATE referral_steps SET overdue = true WHERE id = $1', [c.id]);
      // The reporter hears of the missed deadline too, without the terlapor's name.
      await noticeReporterOfReferral(tx, c, 'escalated', now, { stepLabel: label });
      await appendAudit(tx, {
        actor: SYSTEM_ACTOR,
        action: 'referral.step_escalated',
        entityType: 'referral',
        entityId: c.referral_id,
        regionCode: c.office_code,
        at: now,
        data: { stepId: c.id, step: c.step, dueAt: new Date(c.due_at).toISOString(), recipients },
      });
      escalated++;
    });
  }
  return { escalated };
}
