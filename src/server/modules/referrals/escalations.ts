// Marks overdue referral steps and writes one escalation per step, to BKN (ASN referrals) and
// the Bawaslu office that forwarded the case. Idempotent: the escalation's UNIQUE(step_id) and
// ON CONFLICT DO NOTHING make a re-run (or two workers at once) a no-op. Schedule it as a
// periodic job; `now` is an argument so tests control the clock.
import type { Db } from '../../db/client.ts';
import { appendAudit, SYSTEM_ACTOR } from '../audit/index.ts';
import { escalationRecipients, needsEscalation } from '../../../domain/referrals/escalation.ts';
import { TIMELINE_LABELS, type TimelineStep } from '../../../domain/referrals/states.ts';
import { formatLocalDateTime, zoneForRegion } from '../../../domain/time/zones.ts';
import { noticeReporterOfReferral } from './notices.ts';
import { insertEscalation, overdueUnescalatedSteps } from './repository/escalations.ts';

export async function runEscalations(db: Db, now: Date): Promise<{ escalated: number }> {
  const candidates = await overdueUnescalatedSteps(db, now);
  let escalated = 0;
  for (const c of candidates) {
    if (!needsEscalation({ dueAt: new Date(c.due_at), doneAt: null, escalated: false }, now)) continue;
    const recipients = escalationRecipients({ authority: c.authority, officeCode: c.office_code });
    const label = TIMELINE_LABELS[c.step as TimelineStep]?.id ?? c.step;
    const message = `Tenggat ${label} untuk rekomendasi ${c.recommendation_number} terlewati sejak ${formatLocalDateTime(new Date(c.due_at), zoneForRegion(c.office_code))}.`;
    await db.transaction(async (tx) => {
      const notifyBkn = recipients.includes('BKN');
      const fresh = await insertEscalation(tx, {
        referralId: c.referral_id,
        stepId: c.id,
        officeCode: c.office_code,
        notifyBkn,
        recipients,
        message,
        at: now,
      });
      if (!fresh) return;
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
