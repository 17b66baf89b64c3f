// The steps each authority reports on a referral (BKN verification and forwarding, the PPK's
// sanction and its execution, not proven, receipt by Gakkumdu). Bad input throws before anything
// is written; the step rows, the referral's dates, the sanction, the audit record and the
// reporter's notice commit together.
import type { Db, Tx } from '../../db/client.ts';
import type { RowPatch } from '../../db/kysely.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { NOT_PROVEN, type SanctionEntry } from '../../../domain/catalogues/sanctions.ts';
import type { SkbTrack } from '../../../domain/catalogues/skb2022.ts';
import { localDateOf, zoneForRegion } from '../../../domain/time/zones.ts';
import { planTransition, type ReferralState, type ReferralStep, type TransitionPlan } from '../../../domain/referrals/states.ts';
import {
  checkDecreeDate,
  isLighterThanProposed,
  isValidSanction,
  referralSanctionByKey,
  validSanctionKeys,
} from '../../../domain/referrals/sanctions.ts';
import { checkEffectiveAt, DEFAULT_EFFECTIVE_TIME_POLICY } from '../../../domain/cases/effectiveTime.ts';
import type { ReferralNoticeEvent } from '../../../domain/referrals/notices.ts';
import { assertCanReport, type ReferralCaller } from './policy.ts';
import {
  completeSteps,
  findReferral,
  insertSanction,
  insertStep,
  lastStepDoneAt,
  markSanctionApplied,
  updateReferral,
  type ReferralRow,
} from './repository.ts';
import { readSetting } from './repository/settings.ts';
import { stepDeadline } from './deadlines.ts';
import { EFFECTIVE_AT_MAX_DAYS_KEY } from './settings.ts';
import { noticeReporterOfReferral } from './notices.ts';
import { presentDetail } from './service.ts';

export interface StepReport {
  step: ReferralStep;
  sanction?: string;
  decreeNumber?: string;
  decreeDate?: string;
  documentSha256?: string;
  note?: string;
  /** When the step took effect, if not now (ISO instant); a reason when more than a few hours back. */
  effectiveAt?: string;
  effectiveAtReason?: string;
}

const TRANSITION_MESSAGES = {
  STEP_NOT_FOR_AUTHORITY: {
    id: 'Langkah ini tidak berlaku untuk instansi tujuan rekomendasi ini.',
    en: 'This step does not apply to this referral’s authority.',
  },
  INVALID_STATE: {
    id: 'Langkah ini tidak berlaku pada status rekomendasi saat ini.',
    en: 'This step does not apply in the referral’s current state.',
  },
};

const invalid = (field: string, id: string, en: string, details?: Record<string, unknown>) =>
  new AppError('validation_failed', { id, en }, { field, ...(details ? { details } : {}) });

function checkReportDecreeDate(row: ReferralRow, decreeDate: string | undefined, now: Date) {
  if (!decreeDate) return;
  const zone = zoneForRegion(row.region_code ?? row.office_code);
  const recommendationDate = localDateOf(new Date(row.recommended_at), zone);
  const problem = checkDecreeDate(decreeDate, recommendationDate, localDateOf(now, zone));
  if (problem === 'BEFORE_RECOMMENDATION') {
    throw invalid(
      'decreeDate',
      `Tanggal keputusan tidak boleh sebelum tanggal rekomendasi (${recommendationDate}).`,
      `The decree date cannot be before the recommendation date (${recommendationDate}).`,
    );
  }
  if (problem === 'IN_FUTURE')
    throw invalid('decreeDate', 'Tanggal keputusan tidak boleh di masa depan.', 'The decree date cannot be in the future.');
  if (problem) throw invalid('decreeDate', 'Tanggal keputusan tidak valid (YYYY-MM-DD).', 'Invalid decree date (YYYY-MM-DD).');
}

function checkSanctionReport(row: ReferralRow, report: StepReport, now: Date): SanctionEntry {
  const ctx = { subjectType: row.subject_type, authority: row.authority, track: row.proposed_track as SkbTrack | null };
  const key = report.sanction ?? '';
  const entry = referralSanctionByKey(key);
  if (!entry || !isValidSanction(ctx, key)) {
    throw invalid(
      'sanction',
      `Sanksi "${key}" tidak dikenal atau tidak berlaku untuk ${row.subject_type} pada jalur ini.`,
      `Sanction "${key}" is unknown or not provided by law for ${row.subject_type} on this track.`,
      { validSanctions: validSanctionKeys(ctx) },
    );
  }
  if (!report.decreeNumber?.trim()) throw invalid('decreeNumber', 'Nomor keputusan wajib diisi.', 'The decree number is required.');
  if (!report.decreeDate) throw invalid('decreeDate', 'Tanggal keputusan wajib diisi.', 'The decree date is required.');
  checkReportDecreeDate(row, report.decreeDate, now);
  return entry;
}

/** Validates the report against the referral without writing anything; returns the sanction to record. */
function validateReport(row: ReferralRow, report: StepReport, now: Date): SanctionEntry | null {
  if (report.step === 'sanction') return checkSanctionReport(row, report, now);
  if (report.step === 'not_proven') {
    checkReportDecreeDate(row, report.decreeDate, now);
    return NOT_PROVEN;
  }
  return null;
}

function planOrThrow(row: ReferralRow, step: ReferralStep, outcome: 'sanction' | 'not_proven'): TransitionPlan {
  const from = row.state as ReferralState;
  const result = planTransition(row.authority, from, step, outcome);
  if (!result.ok) {
    throw new AppError('invalid_state_transition', TRANSITION_MESSAGES[result.error], { field: 'step', details: { from, step } });
  }
  return result.plan;
}

/** When the step took effect: its clocks, the dates on the referral and the timeline use it. */
async function effectiveTimeOf(tx: Tx, row: ReferralRow, report: StepReport, now: Date) {
  const previous = await lastStepDoneAt(tx, row.id);
  const maxDaysBack = Number(await readSetting<number>(tx, EFFECTIVE_AT_MAX_DAYS_KEY, DEFAULT_EFFECTIVE_TIME_POLICY.maxDaysBack));
  const effective = checkEffectiveAt({
    effectiveAt: report.effectiveAt ? new Date(report.effectiveAt) : null,
    now,
    previousStepAt: previous ? new Date(previous) : new Date(row.recommended_at),
    policy: { ...DEFAULT_EFFECTIVE_TIME_POLICY, maxDaysBack },
    reason: report.effectiveAtReason,
  });
  if (effective.ok) return effective;
  throw new AppError(
    'validation_failed',
    {
      id: `Waktu kejadian tidak dapat diterima (${effective.problem}); batas: ${effective.limit.toISOString()}.`,
      en: `The time the step took effect is not acceptable (${effective.problem}); limit: ${effective.limit.toISOString()}.`,
    },
    {
      field: effective.problem === 'reason_required' ? 'effectiveAtReason' : 'effectiveAt',
      details: { problem: effective.problem, limit: effective.limit.toISOString() },
    },
  );
}

/** Opens the plan's next steps with their legal clocks; returns the referral's new PPK due date and the first due date. */
async function startSteps(tx: Tx, row: ReferralRow, plan: TransitionPlan, at: Date) {
  const patch: RowPatch<'referrals'> = {};
  let nextDueLocal: string | null = null;
  for (const start of plan.starts) {
    const regionForClock = start.step === 'tindak_lanjut_ppk' ? (row.region_code ?? row.office_code) : row.office_code;
    const deadline = await stepDeadline(tx, start.ruleId, at, regionForClock);
    await insertStep(tx, {
      referralId: row.id,
      step: start.step,
      ruleId: deadline ? start.ruleId : null,
      startedAt: at,
      dueAt: deadline?.dueAt ?? null,
      dueLocal: deadline?.dueLocal ?? null,
      basis: deadline?.basis ?? null,
    });
    if (start.step === 'tindak_lanjut_ppk') patch.ppk_due_at = deadline?.dueAt ?? null;
    nextDueLocal ??= deadline?.dueLocal ?? null;
  }
  return { patch, nextDueLocal };
}

/** The decision (sanction or not proven) and its execution, with the referral's dates. */
async function recordOutcome(
  tx: Tx,
  row: ReferralRow,
  report: StepReport,
  sanction: SanctionEntry | null,
  at: Date,
  now: Date,
  by: string,
) {
  const patch: RowPatch<'referrals'> = {};
  if (report.step === 'verified') patch.verified_at = at;
  if (report.step === 'forwarded_to_ppk') patch.forwarded_at = at;
  if ((report.step === 'sanction' || report.step === 'not_proven') && sanction) {
    await insertSanction(tx, {
      referral_id: row.id,
      sanction_key: sanction.key,
      regime: sanction.regime,
      level: sanction.level,
      decree_number: report.decreeNumber?.trim() || null,
      decree_date: report.decreeDate ?? null,
      document_sha256: report.documentSha256 ?? null,
      lighter_than_proposed: isLighterThanProposed(sanction.level, row.proposed_level),
      note: report.note ?? null,
      recorded_at: now,
      recorded_by: by,
    });
  }
  if (report.step === 'sanction' || report.step === 'not_proven') patch.decided_at = at;
  if (report.step === 'sanction_applied') {
    patch.sanction_applied_at = at;
    await markSanctionApplied(tx, row.id, at);
  }
  return patch;
}

export async function reportReferralStep(db: Db, caller: ReferralCaller, id: string, report: StepReport, now: Date) {
  const initial = await findReferral(db, id);
  assertCanReport(caller, initial, report.step);
  const sanction = validateReport(initial, report, now);
  const outcome = sanction?.key === NOT_PROVEN.key ? 'not_proven' : 'sanction';

  await db.transaction(async (tx) => {
    const row = (await findReferral(tx, id, true))!;
    const plan = planOrThrow(row, report.step, outcome);
    const by = caller.audit.id ?? 'system';
    const effective = await effectiveTimeOf(tx, row, report, now);
    const at = effective.at;
    await completeSteps(tx, id, plan.completes, at, by);
    const started = await startSteps(tx, row, plan, at);
    const decided = await recordOutcome(tx, row, report, sanction, at, now, by);
    await updateReferral(tx, id, { state: plan.to, updated_at: now, ...started.patch, ...decided });
    await appendAudit(tx, {
      actor: caller.audit,
      action: `referral.${report.step}`,
      entityType: 'referral',
      entityId: id,
      regionCode: row.office_code,
      at: now,
      data: {
        caseId: row.case_id,
        from: row.state,
        to: plan.to,
        sanction: sanction?.key ?? null,
        decreeNumber: report.decreeNumber ?? null,
        decreeDate: report.decreeDate ?? null,
        documentSha256: report.documentSha256 ?? null,
        note: report.note ?? null,
        effectiveAt: at.toISOString(),
        recordedAt: now.toISOString(),
        effectiveAtReason: effective.reason,
      },
    });
    const event: ReferralNoticeEvent = report.step === 'sanction' && outcome === 'not_proven' ? 'not_proven' : report.step;
    await noticeReporterOfReferral(tx, row, event, now, { dueLocal: started.nextDueLocal });
  });
  return presentDetail(db, caller, (await findReferral(db, id))!, now);
}
