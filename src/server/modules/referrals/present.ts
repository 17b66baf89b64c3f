// Shapes referral rows for staff and agency APIs.
import { REFERRAL_STATE_LABELS, TIMELINE_LABELS, type ReferralState, type TimelineStep } from '../../../domain/referrals/states.ts';
import { referralSanctionByKey } from '../../../domain/referrals/sanctions.ts';
import { isOverdue } from '../../../domain/referrals/escalation.ts';
import { instansiByKey } from '../../../domain/catalogues/instansi.ts';
import type { ReferralRow, SanctionRow, StepRow } from './repository.ts';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export function presentStep(s: StepRow, now: Date) {
  const dueAt = s.due_at ? new Date(s.due_at) : null;
  const doneAt = s.done_at ? new Date(s.done_at) : null;
  return {
    step: s.step,
    label: TIMELINE_LABELS[s.step as TimelineStep] ?? { id: s.step, en: s.step },
    ruleId: s.rule_id,
    startedAt: iso(s.started_at),
    dueAt: iso(dueAt),
    dueLocal: s.due_local,
    basis: s.basis,
    doneAt: iso(doneAt),
    overdue: isOverdue({ dueAt, doneAt }, now),
    late: dueAt !== null && doneAt !== null && doneAt > dueAt,
    escalated: s.overdue,
  };
}

export function presentSanction(s: SanctionRow | null) {
  if (!s) return null;
  const entry = referralSanctionByKey(s.sanction_key);
  return {
    key: s.sanction_key,
    label: entry?.label ?? s.sanction_key,
    labelEn: entry?.labelEn ?? s.sanction_key,
    level: s.level,
    source: entry?.source ?? null,
    decreeNumber: s.decree_number,
    decreeDate: s.decree_date,
    documentSha256: s.document_sha256,
    lighterThanProposed: s.lighter_than_proposed,
    recordedAt: iso(s.recorded_at),
    appliedAt: iso(s.applied_at),
  };
}

export function presentReferralSummary(
  r: ReferralRow & { next_step?: string | null; next_due?: Date | null; next_due_local?: string | null },
  now: Date,
) {
  const nextDue = r.next_due ? new Date(r.next_due) : null;
  return {
    id: r.id,
    caseId: r.case_id,
    recommendationNumber: r.recommendation_number,
    recommendedAt: new Date(r.recommended_at).toISOString(),
    authority: r.authority,
    authorityName: r.authority_name,
    authorityRegionCode: r.authority_region_code,
    officeCode: r.office_code,
    regionCode: r.region_code,
    agency: r.agency,
    // The addressed instansi catalogue entry (null: BKN only / not a regional PPK).
    agencyAddress:
      r.agency_key && r.agency_region_code
        ? { regionCode: r.agency_region_code, key: r.agency_key, label: instansiByKey(r.agency_key)?.label ?? r.agency_key }
        : null,
    publicKey: r.public_key,
    terlapor: { position: r.terlapor_position, agency: r.terlapor_agency, subjectType: r.subject_type },
    classification: r.classification,
    proposedTrack: {
      regime: r.proposed_regime,
      track: r.proposed_track,
      level: r.proposed_level,
      itemId: r.proposed_item_id,
      citation: r.proposed_citation,
      stage: r.proposed_stage,
    },
    state: r.state,
    stateLabel: REFERRAL_STATE_LABELS[r.state as ReferralState],
    siasnBlocked: r.siasn_blocked,
    conflictOfInterest: r.conflict_of_interest,
    nextStep: r.next_step
      ? { step: r.next_step, dueAt: iso(nextDue), dueLocal: r.next_due_local ?? null, overdue: nextDue !== null && nextDue < now }
      : null,
    overdue: nextDue !== null && nextDue < now,
    verificationDueAt: iso(r.verification_due_at),
    ppkDueAt: iso(r.ppk_due_at),
    verifiedAt: iso(r.verified_at),
    forwardedAt: iso(r.forwarded_at),
    decidedAt: iso(r.decided_at),
    sanctionAppliedAt: iso(r.sanction_applied_at),
  };
}
