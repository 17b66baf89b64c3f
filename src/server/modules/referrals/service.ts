// Referral handling after Bawaslu's decision: inbox, detail, letter data, the steps each
// authority reports (BKN verification and forwarding, the PPK's sanction and its execution,
// not proven, receipt by Gakkumdu), and the SIASN block. Every change writes its step rows and
// an audit record in the same transaction; bad input throws before anything is written.
import type { Db, Queryable } from '../../db/client.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { NOT_PROVEN } from '../../../domain/catalogues/sanctions.ts';
import type { SkbTrack } from '../../../domain/catalogues/skb2022.ts';
import { localDateOf, zoneForRegion } from '../../../domain/time/zones.ts';
import { canBlockSiasn, planTransition, type ReferralState, type ReferralStep } from '../../../domain/referrals/states.ts';
import {
  checkDecreeDate,
  isLighterThanProposed,
  isValidSanction,
  referralSanctionByKey,
  validSanctionKeys,
} from '../../../domain/referrals/sanctions.ts';
import { presentReferralSummary, presentSanction, presentStep } from './present.ts';
import { assertCanReport, assertCanSee, type ReferralCaller } from './policy.ts';
import {
  completeSteps,
  findReferral,
  findSanction,
  insertStep,
  listEscalationsOf,
  listReferralRows,
  listSteps,
  referralScopeClause,
  type ReferralFilter,
  type ReferralRow,
} from './repository.ts';
import { stepDeadline } from './deadlines.ts';
import { readSetting } from './repository.ts';
import { EFFECTIVE_AT_MAX_DAYS_KEY } from './settings.ts';
import { checkEffectiveAt, DEFAULT_EFFECTIVE_TIME_POLICY } from '../../../domain/cases/effectiveTime.ts';
import { insertNotice } from '../notices/index.ts';
import { referralNotice, type ReferralNoticeEvent } from '../../../domain/referrals/notices.ts';
import type { Tx } from '../../db/client.ts';

/** A notice to the reporter of a laporan about a referral step (none for temuan); never names the terlapor. */
export async function noticeReporterOfReferral(
  tx: Tx,
  row: { case_id: string; recommendation_number: string; authority_name: string },
  event: ReferralNoticeEvent,
  at: Date,
  extra: { stepLabel?: string; dueLocal?: string | null } = {},
) {
  const c = (
    await tx.query<{ kind: string; registration_number: string | null; tracking_code: string | null }>(
      'SELECT kind, registration_number, tracking_code FROM cases WHERE id = $1',
      [row.case_id],
    )
  ).rows[0];
  if (!c || c.kind !== 'laporan') return;
  const notice = referralNotice(event, {
    caseRef: c.registration_number ?? c.tracking_code ?? '',
    recommendationNumber: row.recommendation_number,
    authorityName: row.authority_name,
    ...extra,
  });
  await insertNotice(tx, { caseId: row.case_id, at, ...notice, email: true });
}
import type { ReferralLetter } from '../../../contracts/referrals.ts';

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

export async function listReferrals(db: Queryable, caller: ReferralCaller, filter: ReferralFilter, now: Date) {
  const { rows, total } = await listReferralRows(db, caller.actor, filter, now);
  return { items: rows.map((r) => presentReferralSummary(r, now)), total };
}

async function identityOf(db: Queryable, row: ReferralRow) {
  return (
    (await db.query<{ name: string; nip: string | null }>('SELECT name, nip FROM case_terlapor WHERE id = $1', [row.terlapor_id]))
      .rows[0] ?? null
  );
}

export async function referralDetail(db: Queryable, caller: ReferralCaller, id: string, now: Date) {
  const row = await findReferral(db, id);
  assertCanSee(caller, row);
  return presentDetail(db, caller, row, now);
}

async function presentDetail(db: Queryable, caller: ReferralCaller, row: ReferralRow, now: Date) {
  const steps = (await listSteps(db, row.id)).map((s) => presentStep(s, now));
  const open = steps.filter((s) => !s.doneAt && s.dueAt).sort((a, b) => (a.dueAt! < b.dueAt! ? -1 : 1))[0];
  const summary = presentReferralSummary(
    { ...row, next_step: open?.step ?? null, next_due: open?.dueAt ? new Date(open.dueAt) : null, next_due_local: open?.dueLocal ?? null },
    now,
  );
  const identity = caller.showIdentity ? await identityOf(db, row) : null;
  return {
    ...summary,
    terlapor: { ...summary.terlapor, ...(identity ? { name: identity.name, nip: identity.nip } : {}) },
    steps,
    sanction: presentSanction(await findSanction(db, row.id)),
    escalations: (await listEscalationsOf(db, row.id)).map((e) => ({
      id: e.id,
      step: e.step,
      recipients: e.recipients,
      message: e.message,
      createdAt: new Date(e.created_at).toISOString(),
    })),
    validSanctions: validSanctionKeys({
      subjectType: row.subject_type,
      authority: row.authority,
      track: row.proposed_track as SkbTrack | null,
    }).map((key) => ({ key, label: referralSanctionByKey(key)?.label ?? key })),
    conflictRegionCode: row.conflict_region_code,
  };
}

export async function referralLetter(db: Queryable, caller: ReferralCaller, id: string) {
  const row = await findReferral(db, id);
  assertCanSee(caller, row);
  if (!caller.showIdentity) throw forbidden();
  // The letter is stored as built at recommendation time (jsonb); its shape is the contract's.
  return { referralId: row.id, caseId: row.case_id, state: row.state, ...row.letter } as ReferralLetter;
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

/** Validates the report against the referral without writing anything; returns the sanction to record. */
function validateReport(row: ReferralRow, report: StepReport, now: Date) {
  const zone = zoneForRegion(row.region_code ?? row.office_code);
  const recommendationDate = localDateOf(new Date(row.recommended_at), zone);
  const today = localDateOf(now, zone);
  const checkDate = () => {
    if (!report.decreeDate) return;
    const problem = checkDecreeDate(report.decreeDate, recommendationDate, today);
    if (problem === 'BEFORE_RECOMMENDATION') {
      throw new AppError(
        'validation_failed',
        {
          id: `Tanggal keputusan tidak boleh sebelum tanggal rekomendasi (${recommendationDate}).`,
          en: `The decree date cannot be before the recommendation date (${recommendationDate}).`,
        },
        { field: 'decreeDate' },
      );
    }
    if (problem === 'IN_FUTURE')
      throw new AppError(
        'validation_failed',
        { id: 'Tanggal keputusan tidak boleh di masa depan.', en: 'The decree date cannot be in the future.' },
        { field: 'decreeDate' },
      );
    if (problem)
      throw new AppError(
        'validation_failed',
        { id: 'Tanggal keputusan tidak valid (YYYY-MM-DD).', en: 'Invalid decree date (YYYY-MM-DD).' },
        { field: 'decreeDate' },
      );
  };
  if (report.step === 'sanction') {
    const ctx = { subjectType: row.subject_type, authority: row.authority, track: row.proposed_track as SkbTrack | null };
    const key = report.sanction ?? '';
    const entry = referralSanctionByKey(key);
    if (!entry || !isValidSanction(ctx, key)) {
      throw new AppError(
        'validation_failed',
        {
          id: `Sanksi "${key}" tidak dikenal atau tidak berlaku untuk ${row.subject_type} pada jalur ini.`,
          en: `Sanction "${key}" is unknown or not provided by law for ${row.subject_type} on this track.`,
        },
        { field: 'sanction', details: { validSanctions: validSanctionKeys(ctx) } },
      );
    }
    if (!report.decreeNumber?.trim())
      throw new AppError(
        'validation_failed',
        { id: 'Nomor keputusan wajib diisi.', en: 'The decree number is required.' },
        { field: 'decreeNumber' },
      );
    if (!report.decreeDate)
      throw new AppError(
        'validation_failed',
        { id: 'Tanggal keputusan wajib diisi.', en: 'The decree date is required.' },
        { field: 'decreeDate' },
      );
    checkDate();
    return entry;
  }
  if (report.step === 'not_proven') {
    checkDate();
    return NOT_PROVEN;
  }
  return null;
}

export async function reportReferralStep(db: Db, caller: ReferralCaller, id: string, report: StepReport, now: Date) {
  const initial = await findReferral(db, id);
  assertCanSee(caller, initial);
  assertCanReport(caller, initial, report.step);
  const sanction = validateReport(initial, report, now);
  const outcome = sanction?.key === NOT_PROVEN.key ? 'not_proven' : 'sanction';

  await db.transaction(async (tx) => {
    const row = (await findReferral(tx, id, true))!;
    const from = row.state as ReferralState;
    const result = planTransition(row.authority, from, report.step, outcome);
    if (!result.ok) {
      throw new AppError('invalid_state_transition', TRANSITION_MESSAGES[result.error], {
        field: 'step',
        details: { from, step: report.step },
      });
    }
    const { plan } = result;
    const by = caller.audit.id ?? 'system';
    // When the step took effect: its clocks, the dates on the referral and the timeline use it.
    const previous = (await tx.query<{ at: Date | null }>('SELECT max(done_at) AS at FROM referral_steps WHERE referral_id = $1', [id]))
      .rows[0]?.at;
    const maxDaysBack = Number(await readSetting<number>(tx, EFFECTIVE_AT_MAX_DAYS_KEY, DEFAULT_EFFECTIVE_TIME_POLICY.maxDaysBack));
    const effective = checkEffectiveAt({
      effectiveAt: report.effectiveAt ? new Date(report.effectiveAt) : null,
      now,
      previousStepAt: previous ? new Date(previous) : new Date(row.recommended_at),
      policy: { ...DEFAULT_EFFECTIVE_TIME_POLICY, maxDaysBack },
      reason: report.effectiveAtReason,
    });
    if (!effective.ok) {
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
    const at = effective.at;
    await completeSteps(tx, id, plan.completes, at, by);
    const updates: Record<string, unknown> = { state: plan.to, updated_at: now };
    let nextDueLocal: string | null = null;
    for (const start of plan.starts) {
      const regionForClock = start.step === 'tindak_lanjut_ppk' ? (row.region_code ?? row.office_code) : row.office_code;
      const deadline = await stepDeadline(tx, start.ruleId, at, regionForClock);
      await insertStep(tx, {
        referralId: id,
        step: start.step,
        ruleId: deadline ? start.ruleId : null,
        startedAt: at,
        dueAt: deadline?.dueAt ?? null,
        dueLocal: deadline?.dueLocal ?? null,
        basis: deadline?.basis ?? null,
      });
      if (start.step === 'tindak_lanjut_ppk') updates.ppk_due_at = deadline?.dueAt ?? null;
      nextDueLocal ??= deadline?.dueLocal ?? null;
    }
    if (report.step === 'verified') updates.verified_at = at;
    if (report.step === 'forwarded_to_ppk') updates.forwarded_at = at;
    if (report.step === 'sanction' || report.step === 'not_proven') {
      updates.decided_at = at;
      if (sanction) {
        await tx.query(
          `INSERT INTO sanctions (referral_id, sanction_key, regime, level, decree_number, decree_date, document_sha256, lighter_than_proposed, note, recorded_at, recorded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            id,
            sanction.key,
            sanction.regime,
            sanction.level,
            report.decreeNumber?.trim() || null,
            report.decreeDate ?? null,
            report.documentSha256 ?? null,
            isLighterThanProposed(sanction.level, row.proposed_level),
            report.note ?? null,
            now,
            by,
          ],
        );
      }
    }
    if (report.step === 'sanction_applied') {
      updates.sanction_applied_at = at;
      await tx.query('UPDATE sanctions SET applied_at = $2 WHERE referral_id = $1', [id, at]);
    }
    const columns = Object.keys(updates);
    await tx.query(`UPDATE referrals SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1`, [
      id,
      ...columns.map((c) => updates[c]),
    ]);
    await appendAudit(tx, {
      actor: caller.audit,
      action: `referral.${report.step}`,
      entityType: 'referral',
      entityId: id,
      regionCode: row.office_code,
      at: now,
      data: {
        caseId: row.case_id,
        from,
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
    await noticeReporterOfReferral(tx, row, event, now, { dueLocal: nextDueLocal });
  });
  return presentDetail(db, caller, (await findReferral(db, id))!, now);
}

/** BKN blocks the ASN's personnel data in SIASN while the PPK has not acted (Peraturan BKN 1/2023). */
export async function blockSiasn(db: Db, caller: ReferralCaller, id: string, reason: string, now: Date) {
  const initial = await findReferral(db, id);
  assertCanSee(caller, initial);
  if (caller.actor.kind !== 'bkn') throw forbidden();
  await db.transaction(async (tx) => {
    const row = (await findReferral(tx, id, true))!;
    if (!canBlockSiasn({ authority: row.authority, state: row.state, siasnBlocked: row.siasn_blocked })) {
      throw new AppError(
        'invalid_state_transition',
        {
          id: 'Blokir SIASN hanya dapat dilakukan selama PPK belum menindaklanjuti rekomendasi.',
          en: 'A SIASN block is only possible while the PPK has not acted on the referral.',
        },
        { field: 'state', details: { state: row.state, siasnBlocked: row.siasn_blocked } },
      );
    }
    await tx.query('UPDATE referrals SET siasn_blocked = true, siasn_blocked_at = $2, updated_at = $2 WHERE id = $1', [id, now]);
    await appendAudit(tx, {
      actor: caller.audit,
      action: 'referral.siasn_blocked',
      entityType: 'referral',
      entityId: id,
      regionCode: row.office_code,
      at: now,
      data: { caseId: row.case_id, reason },
    });
  });
  return presentDetail(db, caller, (await findReferral(db, id))!, now);
}

export async function listEscalations(db: Queryable, caller: ReferralCaller, limit: number, offset: number) {
  const params: unknown[] = [];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const scope = referralScopeClause(caller.actor, add);
  const rows = (
    await db.query<{
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
    }>(
      `SELECT e.id, e.referral_id, s.step, s.due_at, s.done_at, e.recipients, e.message, e.created_at, r.recommendation_number, r.authority, r.office_code
     FROM escalations e JOIN referrals r ON r.id = e.referral_id JOIN referral_steps s ON s.id = e.step_id
     ${scope ? `WHERE ${scope}` : ''} ORDER BY e.id DESC LIMIT ${add(limit)} OFFSET ${add(offset)}`,
      params,
    )
  ).rows;
  // Every list answers { items, total } (issue 12); the scope's parameters are the first ones.
  const total = (
    await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM escalations e JOIN referrals r ON r.id = e.referral_id ${scope ? `WHERE ${scope}` : ''}`,
      params.slice(0, params.length - 2),
    )
  ).rows[0].n;
  return {
    total,
    items: rows.map((e) => ({
      id: e.id,
      referralId: e.referral_id,
      recommendationNumber: e.recommendation_number,
      authority: e.authority,
      officeCode: e.office_code,
      step: e.step,
      dueAt: e.due_at ? new Date(e.due_at).toISOString() : null,
      resolvedAt: e.done_at ? new Date(e.done_at).toISOString() : null,
      recipients: e.recipients,
      message: e.message,
      createdAt: new Date(e.created_at).toISOString(),
    })),
  };
}
