// Case handling by Bawaslu staff: kajian awal, completion requests, registration with a gapless
// number, clarification, assessment, decisions and transfers (pelimpahan). Every change writes a
// timeline event, a notice and an audit row in the same transaction.
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import type { Principal } from '../../../domain/access/policy.ts';
import { applyAction, CASE_ACTIONS, STATE_LABELS, type CaseAction, type CaseState } from '../../../domain/cases/stateMachine.ts';
import { formatRegistrationNumber } from '../../../domain/cases/registrationNumber.ts';
import { isOfficeCode, registrationLevelOfOffice } from '../../../domain/cases/office.ts';
import { noticeForAction } from '../../../domain/cases/notices.ts';
import { computeDeadline } from '../../../domain/legal-clock/compute.ts';
import { decideGuard } from '../../../domain/legal-clock/guards.ts';
import { checkEffectiveAt, DEFAULT_EFFECTIVE_TIME_POLICY } from '../../../domain/cases/effectiveTime.ts';
import { CLASSIFICATIONS, type ViolationClassification } from '../../../domain/catalogues/classifications.ts';
import { formatLocalDateTime, localPartsOf, zoneForRegion } from '../../../domain/time/zones.ts';
import { nowOf, type CaseDeps } from './deps.ts';
// Policy setting: how many days back an action may be dated (default 7; set via /policy-settings).
import { EFFECTIVE_AT_MAX_DAYS_KEY, readSetting } from '../referrals/index.ts';
import { loadCalendar } from '../calendar/index.ts';
import { insertNotice } from '../notices/index.ts';
import {
  findCase,
  insertCaseEvent,
  insertClock,
  listClocks,
  missingRegionCodes,
  nextRegistrationSequence,
  officeName,
  type CaseRow,
} from './repository.ts';
import { extendClock, lastStepAt, listExtendableClocks, stopClocks, updateCase, type CasePatch } from './repository/handling.ts';
import { EFFECTIVE_AT_MESSAGES, FIELD_OF_ERROR, guardError, TRANSITION_MESSAGES } from './actionErrors.ts';
import { decideForwarding } from './forwarding.ts';
import { filingDueOf, loadCaseForStaff } from './staffCase.ts';
import { assertSupervisor } from './policy.ts';

export { filingDueOf, loadCaseForStaff };

export interface CaseActionInput {
  action: CaseAction;
  reason?: string;
  classification?: ViolationClassification;
  summary?: string;
  targetOfficeCode?: string;
  alamatInstansi?: { terlaporId: number; kodeWilayah: string; instansi: string }[];
  /** 'kaji': the assessment itself, kept in the event and printed in the kajian PDF. */
  kajian?: string;
  /** When the action took effect (ISO instant), if not now: e.g. a pleno held on paper. */
  effectiveAt?: string;
  /** Why the action is dated back (required beyond a few hours). */
  effectiveAtReason?: string;
  /** Proceed past an overridable legal-deadline guard; the reason is audited and printed on the kajian. */
  override?: { reason: string };
}

export async function startClock(tx: Tx, caseRow: CaseRow, ruleId: string, startAt: Date, extended = false) {
  const deadline = computeDeadline(ruleId, {
    startAt,
    regionCode: caseRow.office_code,
    caseDate: new Date(caseRow.received_at),
    extended,
    calendar: await loadCalendar(tx),
  });
  await insertClock(tx, caseRow.id, deadline);
  return deadline;
}

/** The audit row records that an assessment was written and how long, not its text (kept in the case event). */
function auditDataOf(eventData: Record<string, unknown>): Record<string, unknown> {
  const { kajian, ...rest } = eventData;
  return typeof kajian === 'string' ? { ...rest, kajianChars: kajian.length } : rest;
}

/** What one action changes, built up step by step inside the transaction. */
interface ActionChange {
  current: CaseRow;
  from: CaseState;
  to: CaseState;
  at: Date;
  now: Date;
  updates: CasePatch;
  eventData: Record<string, unknown>;
  officeCode: string;
}

export async function applyCaseAction(deps: CaseDeps, principal: Principal, caseId: string, input: CaseActionInput) {
  assertSupervisor(principal);
  await loadCaseForStaff(deps, principal, caseId, true);
  const now = nowOf(deps);
  if (input.action === 'limpahkan') await assertTransferTarget(deps, input.targetOfficeCode);
  return deps.db.transaction(async (tx) => {
    const current = (await findCase(tx, caseId, true))!;
    const from = current.state;
    const result = applyAction(from, input.action, { reason: input.reason, classification: input.classification });
    if (!result.ok) {
      throw new AppError('invalid_state_transition', TRANSITION_MESSAGES[result.error] ?? TRANSITION_MESSAGES.INVALID_TRANSITION, {
        field: FIELD_OF_ERROR[result.error] ?? 'action',
        details: { from, action: input.action, error: result.error },
      });
    }
    const effective = await effectiveTimeOf(tx, current, input, now);
    const at = effective.at;
    const override = await assertGuardsPass(tx, current, input, at);
    const change: ActionChange = {
      current,
      from,
      to: result.to,
      at,
      now,
      updates: { state: result.to, updated_at: now },
      eventData: {},
      officeCode: current.office_code,
    };
    if (at.getTime() !== now.getTime())
      change.eventData.effectiveAt = { at: at.toISOString(), recordedAt: now.toISOString(), reason: effective.reason };
    if (override) change.eventData.override = override;
    if (input.reason) change.updates.state_reason = input.reason;
    await applyActionEffects(tx, principal, input, change);
    await updateCase(tx, caseId, change.updates);
    const deadlineLocal = await moveClocks(tx, change, result);
    await recordAction(tx, principal, input, change, deadlineLocal);
    return {
      id: caseId,
      state: result.to,
      stateLabel: STATE_LABELS[result.to],
      registrationNumber: change.updates.registration_number ?? current.registration_number,
      officeCode: change.officeCode,
      ...change.eventData,
      effectiveAt: at.toISOString(),
      recordedAt: now.toISOString(),
    };
  });
}

async function assertTransferTarget(deps: CaseDeps, target: string | undefined) {
  if (!target || !isOfficeCode(target)) {
    throw new AppError(
      'validation_failed',
      {
        id: 'Pelimpahan memerlukan kode wilayah kantor Bawaslu tujuan (provinsi atau kabupaten/kota).',
        en: 'A transfer needs the target Bawaslu office code (province or regency/city).',
      },
      { field: 'targetOfficeCode' },
    );
  }
  if ((await missingRegionCodes(deps.db, [target])).length > 0) {
    throw new AppError(
      'region_not_found',
      { id: `Kode wilayah tidak dikenal: ${target}`, en: `Unknown region code: ${target}` },
      { field: 'targetOfficeCode' },
    );
  }
}

/**
 * When the action took effect: routing, clocks, the number's month and documents use it. The
 * previous *step*: receipt/creation or a handling action, not an assignment or a note (typed this
 * morning, they must not stop last night's registration from being recorded).
 */
async function effectiveTimeOf(tx: Tx, current: CaseRow, input: CaseActionInput, now: Date) {
  const previous = await lastStepAt(tx, current.id, CASE_ACTIONS);
  const maxDaysBack = Number(await readSetting<number>(tx, EFFECTIVE_AT_MAX_DAYS_KEY, DEFAULT_EFFECTIVE_TIME_POLICY.maxDaysBack));
  const effective = checkEffectiveAt({
    effectiveAt: input.effectiveAt ? new Date(input.effectiveAt) : null,
    now,
    previousStepAt: previous ? new Date(previous) : new Date(current.received_at),
    policy: { ...DEFAULT_EFFECTIVE_TIME_POLICY, maxDaysBack },
    reason: input.effectiveAtReason,
  });
  if (!effective.ok) {
    const limit = formatLocalDateTime(effective.limit, zoneForRegion(current.office_code));
    throw new AppError('validation_failed', EFFECTIVE_AT_MESSAGES[effective.problem](limit), {
      field: effective.problem === 'reason_required' ? 'effectiveAtReason' : 'effectiveAt',
      details: { problem: effective.problem, limit: effective.limit.toISOString() },
    });
  }
  return effective;
}

/** The guards the law implies, judged at the time the action took effect; resolves to the override used, if any. */
async function assertGuardsPass(tx: Tx, current: CaseRow, input: CaseActionInput, at: Date) {
  const clocks = await listClocks(tx, current.id);
  const guard = decideGuard(
    {
      action: input.action,
      kind: current.kind,
      state: current.state,
      at,
      clocks: clocks.map((k) => ({
        ruleId: k.rule_id,
        dueAt: new Date(k.due_at),
        stoppedAt: k.stopped_at ? new Date(k.stopped_at) : null,
      })),
      filedLate: current.is_late,
      filingDueAt: filingDueOf(current),
      regionCode: current.office_code,
    },
    input.override ?? null,
  );
  if (!guard.ok) throw guardError(guard.block, guard.problem);
  return guard.override;
}

/** Registration numbers, decisions (with their referrals), the kajian text, transfers. */
async function applyActionEffects(tx: Tx, principal: Principal, input: CaseActionInput, change: ActionChange) {
  const { updates, eventData, current, at } = change;
  if (input.action === 'registrasi' || input.action === 'tetapkan_temuan') {
    const parts = localPartsOf(at, zoneForRegion(change.officeCode));
    const kind = current.kind === 'laporan' ? 'LP' : 'TM';
    const seq = await nextRegistrationSequence(tx, change.officeCode, kind, parts.year, parts.month);
    const level = registrationLevelOfOffice(change.officeCode);
    const number = formatRegistrationNumber({
      sequence: seq,
      kind,
      level,
      regionCode: change.officeCode,
      month: parts.month,
      year: parts.year,
    });
    updates.registration_number = number;
    updates.registered_at = at;
    eventData.registrationNumber = number;
  }
  if (input.action === 'teruskan' && input.classification) {
    updates.classification = input.classification;
    if (input.summary) updates.decision_summary = input.summary;
    eventData.referrals = await decideForwarding(tx, principal, { ...current, ...updates }, input, { at, now: change.now });
  }
  if (input.action === 'nyatakan_bukan_pelanggaran') {
    updates.classification = 'bukan_pelanggaran';
    if (input.summary) updates.decision_summary = input.summary;
  }
  if (input.action === 'kaji' && input.kajian) eventData.kajian = input.kajian;
  if (input.action === 'limpahkan') {
    eventData.fromOffice = change.officeCode;
    eventData.toOffice = input.targetOfficeCode;
    change.officeCode = input.targetOfficeCode!;
    updates.office_code = change.officeCode;
    updates.assigned_to = null;
  }
}

/** Clocks: stop, extend (Pasal 134(6): +2 days), start. Resolves to the new deadline shown in the notice. */
async function moveClocks(tx: Tx, change: ActionChange, result: { stops: string[]; extends: string[]; starts: string[] }) {
  const { current, at, officeCode } = change;
  if (result.stops.length) await stopClocks(tx, current.id, result.stops, at);
  let deadlineLocal: string | null = null;
  for (const ruleId of result.extends) {
    for (const clock of await listExtendableClocks(tx, current.id, ruleId)) {
      const extended = computeDeadline(ruleId, {
        startAt: new Date(clock.started_at),
        regionCode: officeCode,
        caseDate: new Date(current.received_at),
        extended: true,
        calendar: await loadCalendar(tx),
      });
      await extendClock(tx, clock.id, extended);
      deadlineLocal = extended.dueLocal;
    }
  }
  const updated: CaseRow = { ...current, ...change.updates, office_code: officeCode };
  for (const ruleId of result.starts) deadlineLocal = (await startClock(tx, updated, ruleId, at)).dueLocal;
  return deadlineLocal;
}

/** The timeline event, the reporter's notice (laporan only) and the audit row. */
async function recordAction(tx: Tx, principal: Principal, input: CaseActionInput, change: ActionChange, deadlineLocal: string | null) {
  const { current, from, to, at, now, eventData, officeCode } = change;
  const classification = input.classification ? CLASSIFICATIONS.find((c) => c.id === input.classification) : undefined;
  const notice = noticeForAction(input.action, {
    kind: current.kind,
    trackingCode: current.tracking_code,
    registrationNumber: change.updates.registration_number ?? current.registration_number,
    state: to,
    reason: input.reason,
    officeName: await officeName(tx, officeCode),
    classificationLabel: classification?.label ?? null,
    classificationLabelEn: classification?.labelEn ?? null,
    deadlineLocal,
  });
  await insertCaseEvent(tx, {
    caseId: current.id,
    at,
    recordedAt: now,
    action: input.action,
    fromState: from,
    toState: to,
    actorId: principal.id,
    publicNote: notice?.title ?? null,
    internalNote: input.summary ?? null,
    data: eventData,
  });
  if (notice && current.kind === 'laporan') await insertNotice(tx, { caseId: current.id, at: now, ...notice, email: true });
  await appendAudit(tx, {
    actor: { id: principal.id, role: principal.role },
    action: `case.${input.action}`,
    entityType: 'case',
    entityId: current.id,
    regionCode: officeCode,
    at: now,
    data: {
      from,
      to,
      ...auditDataOf(eventData),
      reason: input.reason ?? null,
      effectiveAt: at.toISOString(),
      recordedAt: now.toISOString(),
    },
  });
}
