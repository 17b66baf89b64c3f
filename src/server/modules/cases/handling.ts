// Case handling by Bawaslu staff: kajian awal, completion requests, registration with a gapless
// number, clarification, assessment, decisions, transfers (pelimpahan), and temuan from
// supervisors' own findings. Every change writes a timeline event, a notice and an audit row
// in the same transaction.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { canHandleCaseIn, isReadOnly, isSupervisor, type Principal } from '../../../domain/access/policy.ts';
import {
  applyAction,
  CASE_ACTIONS,
  STATE_LABELS,
  type CaseAction,
  type CaseState,
  INITIAL_CLOCKS,
} from '../../../domain/cases/stateMachine.ts';
import { formatRegistrationNumber } from '../../../domain/cases/registrationNumber.ts';
import { isOfficeCode, officeForEventRegion, registrationLevelOfOffice } from '../../../domain/cases/office.ts';
import { noticeForAction } from '../../../domain/cases/notices.ts';
import { computeDeadline, regulationRegimesInForce } from '../../../domain/legal-clock/compute.ts';
import { decideGuard, type GuardBlock } from '../../../domain/legal-clock/guards.ts';
import { checkEffectiveAt, DEFAULT_EFFECTIVE_TIME_POLICY, type EffectiveTimeProblem } from '../../../domain/cases/effectiveTime.ts';
import { readSetting } from '../referrals/index.ts';
import { CLASSIFICATIONS, type ViolationClassification } from '../../../domain/catalogues/classifications.ts';
import { formatLocalDateTime, localPartsOf, startOfLocalDay, zoneForRegion } from '../../../domain/time/zones.ts';
import { routeReferral } from '../../../domain/catalogues/routing.ts';
import type { SubjectType } from '../../../domain/catalogues/subjects.ts';
import type { TemuanInput } from './schemas.ts';
import { filingDueOf, loadCaseForStaff } from './staffCase.ts';

export { filingDueOf, loadCaseForStaff };
import { nowOf, type CaseDeps } from './deps.ts';
import { createReferralsForDecision, type AgencyAddress } from '../referrals/index.ts';
import { assertAgencyAddress } from '../referrals/index.ts';
import { enqueueJob } from '../../jobs/queue.ts';
import { loadCalendar } from '../calendar/index.ts';
// Policy setting: how many days back an action may be dated (default 7; set via /policy-settings).
import { EFFECTIVE_AT_MAX_DAYS_KEY } from '../referrals/index.ts';
import { insertNotice } from '../notices/index.ts';
import {
  findCase,
  insertCaseEvent,
  insertClock,
  insertTerlapor,
  listClocks,
  listTerlapor,
  missingRegionCodes,
  nextRegistrationSequence,
  officeName,
  type CaseRow,
} from './repository.ts';

const EFFECTIVE_AT_MESSAGES: Record<EffectiveTimeProblem, (limit: string) => { id: string; en: string }> = {
  in_future: () => ({ id: 'Waktu kejadian tidak boleh di masa depan.', en: 'The time the action took effect cannot be in the future.' }),
  before_previous_step: (l) => ({
    id: `Waktu kejadian tidak boleh sebelum langkah sebelumnya (${l}).`,
    en: `The time cannot be before the previous step (${l}).`,
  }),
  too_far_back: (l) => ({
    id: `Waktu kejadian paling jauh ${l} (batas kebijakan).`,
    en: `The time can go back at most to ${l} (policy limit).`,
  }),
  reason_required: () => ({
    id: 'Tindakan yang dicatat mundur lebih dari beberapa jam memerlukan alasan yang bermakna (mis. "Registrasi manual di buku registrasi malam hari, diketik pagi ini").',
    en: 'An action dated more than a few hours back needs a meaningful reason.',
  }),
};

/** The problem+json for an action a legal deadline forbids now. */
function guardError(block: GuardBlock, problem: string) {
  const messages =
    problem === 'override_reason_no_content'
      ? {
          id: 'Alasan pengecualian harus bermakna (minimal 10 karakter, bukan huruf berulang).',
          en: 'The override reason must say something (at least 10 characters, not repeated letters).',
        }
      : problem === 'not_overridable'
        ? { id: `${block.reason.id} Batas ini tidak dapat dikecualikan.`, en: `${block.reason.en} This limit cannot be overridden.` }
        : block.reason;
  return new AppError('deadline_guard', messages, {
    field: problem === 'override_reason_no_content' ? 'override.reason' : 'action',
    details: {
      guard: block.guard,
      mode: block.mode,
      overridable: block.overridable,
      until: block.until?.toISOString() ?? null,
      since: block.since?.toISOString() ?? null,
      source: block.source,
      ...(block.unconfirmed ? { unconfirmed: block.unconfirmed } : {}),
    },
  });
}

const TRANSITION_MESSAGES: Record<string, { id: string; en: string }> = {
  CANNOT_WITHDRAW_REGISTERED: {
    id: 'Laporan yang sudah diregistrasi tidak dapat dicabut.',
    en: 'A registered report cannot be withdrawn.',
  },
  TERMINAL_STATE: { id: 'Perkara sudah selesai; status tidak dapat diubah.', en: 'The case is closed; its state cannot change.' },
  INVALID_TRANSITION: {
    id: 'Tindakan ini tidak berlaku pada status perkara saat ini.',
    en: 'This action does not apply to the case’s current state.',
  },
  REASON_REQUIRED: { id: 'Tindakan ini memerlukan alasan tertulis.', en: 'This action needs a written reason.' },
  CLASSIFICATION_REQUIRED: {
    id: 'Pilih klasifikasi pelanggaran untuk meneruskan perkara.',
    en: 'Choose the violation classification to forward the case.',
  },
  CLASSIFICATION_NOT_A_VIOLATION: {
    id: 'Gunakan tindakan "nyatakan bukan pelanggaran" untuk hasil bukan pelanggaran.',
    en: 'Use "declare not a violation" for that outcome.',
  },
};

const FIELD_OF_ERROR: Record<string, string> = {
  REASON_REQUIRED: 'reason',
  CLASSIFICATION_REQUIRED: 'classification',
  CLASSIFICATION_NOT_A_VIOLATION: 'classification',
};

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

async function startClock(tx: Tx, caseRow: CaseRow, ruleId: string, startAt: Date, extended = false) {
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

export async function applyCaseAction(deps: CaseDeps, principal: Principal, caseId: string, input: CaseActionInput) {
  if (!isSupervisor(principal)) throw forbidden();
  await loadCaseForStaff(deps, principal, caseId, true);
  const now = nowOf(deps);
  if (input.action === 'limpahkan') {
    if (!input.targetOfficeCode || !isOfficeCode(input.targetOfficeCode)) {
      throw new AppError(
        'validation_failed',
        {
          id: 'Pelimpahan memerlukan kode wilayah kantor Bawaslu tujuan (provinsi atau kabupaten/kota).',
          en: 'A transfer needs the target Bawaslu office code (province or regency/city).',
        },
        { field: 'targetOfficeCode' },
      );
    }
    if ((await missingRegionCodes(deps.db, [input.targetOfficeCode])).length > 0) {
      throw new AppError(
        'region_not_found',
        { id: `Kode wilayah tidak dikenal: ${input.targetOfficeCode}`, en: `Unknown region code: ${input.targetOfficeCode}` },
        { field: 'targetOfficeCode' },
      );
    }
  }
  return deps.db.transaction(async (tx) => {
    const current = (await findCase(tx, caseId, true))!;
    const from = current.state as CaseState;
    const result = applyAction(from, input.action, { reason: input.reason, classification: input.classification });
    if (!result.ok) {
      throw new AppError('invalid_state_transition', TRANSITION_MESSAGES[result.error] ?? TRANSITION_MESSAGES.INVALID_TRANSITION, {
        field: FIELD_OF_ERROR[result.error] ?? 'action',
        details: { from, action: input.action, error: result.error },
      });
    }
    // When the action took effect: routing, clocks, the number's month and documents use it.
    // The previous *step*: receipt/creation or a handling action, not an assignment or a note
    // (typed this morning, they must not stop last night's registration from being recorded).
    const previous = (
      await tx.query<{ at: Date | null }>(
        'SELECT max(occurred_at) AS at FROM case_events WHERE case_id = $1 AND (from_state IS NULL OR action = ANY($2::text[]))',
        [caseId, [...CASE_ACTIONS]],
      )
    ).rows[0]?.at;
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
    const at = effective.at;
    // The guards the law implies, judged at the time the action took effect.
    const clocks = await listClocks(tx, caseId);
    const guard = decideGuard(
      {
        action: input.action,
        kind: current.kind as 'laporan' | 'temuan',
        state: from,
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
    const updates: Record<string, unknown> = { state: result.to, updated_at: now };
    const eventData: Record<string, unknown> = {};
    if (at.getTime() !== now.getTime())
      eventData.effectiveAt = { at: at.toISOString(), recordedAt: now.toISOString(), reason: effective.reason };
    if (guard.override) eventData.override = guard.override;
    let officeCode = current.office_code;
    if (input.reason) updates.state_reason = input.reason;
    if (input.action === 'registrasi' || input.action === 'tetapkan_temuan') {
      const parts = localPartsOf(at, zoneForRegion(officeCode));
      const kind = current.kind === 'laporan' ? 'LP' : 'TM';
      const seq = await nextRegistrationSequence(tx, officeCode, kind, parts.year, parts.month);
      const number = formatRegistrationNumber({
        sequence: seq,
        kind,
        level: registrationLevelOfOffice(officeCode),
        regionCode: officeCode,
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
      const terlapor = await listTerlapor(tx, caseId);
      const addresses = new Map<number, AgencyAddress>();
      for (const [i, a] of (input.alamatInstansi ?? []).entries()) {
        if (!terlapor.some((t) => Number(t.id) === a.terlaporId)) {
          throw new AppError(
            'validation_failed',
            { id: 'Terlapor tidak ada pada perkara ini.', en: 'No such terlapor in this case.' },
            { field: `alamatInstansi.${i}.terlaporId` },
          );
        }
        await assertAgencyAddress(tx, a.kodeWilayah, a.instansi, `alamatInstansi.${i}`);
        addresses.set(a.terlaporId, { regionCode: a.kodeWilayah, key: a.instansi });
      }
      eventData.referrals = terlapor.map((t) => {
        const route = routeReferral({
          classification: input.classification!,
          subjectType: t.subject_type as SubjectType,
          decidedAt: at,
          regionCode: officeCode,
        });
        return {
          terlaporId: t.id,
          authority: route.authority,
          authorityName: route.authorityName,
          source: route.source,
          deadlineRuleId: route.deadlineRuleId ?? null,
        };
      });
      await createReferralsForDecision(tx, {
        caseRow: { ...current, ...updates } as CaseRow,
        terlapor,
        classification: input.classification,
        decidedAt: at,
        recordedAt: now,
        actor: { id: principal.id, role: principal.role },
        addresses,
      });
    }
    if (input.action === 'nyatakan_bukan_pelanggaran') {
      updates.classification = 'bukan_pelanggaran';
      if (input.summary) updates.decision_summary = input.summary;
    }
    if (input.action === 'kaji' && input.kajian) eventData.kajian = input.kajian;
    if (input.action === 'limpahkan') {
      eventData.fromOffice = officeCode;
      eventData.toOffice = input.targetOfficeCode;
      officeCode = input.targetOfficeCode!;
      updates.office_code = officeCode;
      updates.assigned_to = null;
    }
    const columns = Object.keys(updates);
    await tx.query(`UPDATE cases SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1`, [
      caseId,
      ...columns.map((c) => updates[c]),
    ]);

    // Clocks: stop, extend (Pasal 134(6): +2 days), start.
    if (result.stops.length) {
      await tx.query('UPDATE case_clocks SET stopped_at = $3 WHERE case_id = $1 AND rule_id = ANY($2::text[]) AND stopped_at IS NULL', [
        caseId,
        result.stops,
        at,
      ]);
    }
    let deadlineLocal: string | null = null;
    for (const ruleId of result.extends) {
      const open = await tx.query<{ id: number; started_at: Date }>(
        'SELECT id, started_at FROM case_clocks WHERE case_id = $1 AND rule_id = $2 AND stopped_at IS NULL AND NOT extended',
        [caseId, ruleId],
      );
      for (const clock of open.rows) {
        const extended = computeDeadline(ruleId, {
          startAt: new Date(clock.started_at),
          regionCode: officeCode,
          caseDate: new Date(current.received_at),
          extended: true,
          calendar: await loadCalendar(tx),
        });
        await tx.query('UPDATE case_clocks SET due_at = $2, due_local = $3, basis = $4, extended = true WHERE id = $1', [
          clock.id,
          extended.dueAt,
          extended.dueLocal,
          extended.basis,
        ]);
        deadlineLocal = extended.dueLocal;
      }
    }
    const updated = { ...current, ...updates, office_code: officeCode } as CaseRow;
    for (const ruleId of result.starts) {
      deadlineLocal = (await startClock(tx, updated, ruleId, at)).dueLocal;
    }

    const office = await officeName(tx, officeCode);
    const classification = input.classification ? CLASSIFICATIONS.find((c) => c.id === input.classification) : undefined;
    const classificationLabel = classification?.label ?? null;
    const notice = noticeForAction(input.action, {
      kind: current.kind,
      trackingCode: current.tracking_code,
      registrationNumber: (updates.registration_number as string) ?? current.registration_number,
      state: result.to,
      reason: input.reason,
      officeName: office,
      classificationLabel,
      classificationLabelEn: classification?.labelEn ?? null,
      deadlineLocal,
    });
    await insertCaseEvent(tx, {
      caseId,
      at,
      recordedAt: now,
      action: input.action,
      fromState: from,
      toState: result.to,
      actorId: principal.id,
      publicNote: notice?.title ?? null,
      internalNote: input.summary ?? null,
      data: eventData,
    });
    if (notice && current.kind === 'laporan') await insertNotice(tx, { caseId, at: now, ...notice, email: true });
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: `case.${input.action}`,
      entityType: 'case',
      entityId: caseId,
      regionCode: officeCode,
      at: now,
      data: {
        from,
        to: result.to,
        ...auditDataOf(eventData),
        reason: input.reason ?? null,
        effectiveAt: at.toISOString(),
        recordedAt: now.toISOString(),
      },
    });
    return {
      id: caseId,
      state: result.to,
      stateLabel: STATE_LABELS[result.to],
      registrationNumber: (updates.registration_number as string) ?? current.registration_number,
      officeCode,
      ...eventData,
      effectiveAt: at.toISOString(),
      recordedAt: now.toISOString(),
    };
  });
}

export async function assignCase(deps: CaseDeps, principal: Principal, caseId: string, assigneeId: string | null) {
  if (!isSupervisor(principal)) throw forbidden();
  const current = await loadCaseForStaff(deps, principal, caseId, true);
  if (assigneeId) {
    const assignee = await deps.db.query<{ id: string; role: string; region_code: string | null }>(
      'SELECT id, role, region_code FROM users WHERE id = $1 AND NOT disabled',
      [assigneeId],
    );
    const user = assignee.rows[0];
    if (
      !user ||
      !canHandleCaseIn(
        { id: user.id, role: user.role as Principal['role'], regionCode: user.region_code, agency: null },
        current.office_code,
      )
    ) {
      throw new AppError(
        'validation_failed',
        { id: 'Petugas tidak ditemukan atau di luar wilayah perkara.', en: 'Officer not found or outside the case’s jurisdiction.' },
        { field: 'assigneeId' },
      );
    }
  }
  const now = nowOf(deps);
  await deps.db.transaction(async (tx) => {
    await tx.query('UPDATE cases SET assigned_to = $2, updated_at = $3 WHERE id = $1', [caseId, assigneeId, now]);
    await insertCaseEvent(tx, {
      caseId,
      at: now,
      action: 'tugaskan',
      fromState: current.state,
      toState: current.state,
      actorId: principal.id,
      data: { assigneeId },
    });
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: 'case.assigned',
      entityType: 'case',
      entityId: caseId,
      regionCode: current.office_code,
      at: now,
      data: { assigneeId },
    });
  });
  return { id: caseId, assignedTo: assigneeId };
}

export async function addCaseNote(deps: CaseDeps, principal: Principal, caseId: string, note: string) {
  if (!isSupervisor(principal)) throw forbidden();
  const current = await loadCaseForStaff(deps, principal, caseId, true);
  const now = nowOf(deps);
  await deps.db.transaction(async (tx) => {
    await insertCaseEvent(tx, {
      caseId,
      at: now,
      action: 'catatan',
      fromState: current.state,
      toState: current.state,
      actorId: principal.id,
      internalNote: note,
    });
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: 'case.note_added',
      entityType: 'case',
      entityId: caseId,
      regionCode: current.office_code,
      at: now,
    });
  });
  return { ok: true as const };
}

/** A supervisor records informasi awal (field, cyber patrol, media lead); it may become a temuan. */
export async function createInformasiAwal(deps: CaseDeps, principal: Principal, input: TemuanInput) {
  if (!isSupervisor(principal) || isReadOnly(principal)) throw forbidden();
  const officeCode = officeForEventRegion(input.kodeWilayah);
  if (!canHandleCaseIn(principal, officeCode)) throw forbidden();
  const missing = await missingRegionCodes(deps.db, [
    input.kodeWilayah,
    ...input.terlapor.flatMap((t) => (t.kodeWilayah ? [t.kodeWilayah] : [])),
  ]);
  if (missing.length)
    throw new AppError(
      'region_not_found',
      { id: `Kode wilayah tidak dikenal: ${missing[0]}`, en: `Unknown region code: ${missing[0]}` },
      { field: 'kodeWilayah' },
    );
  if (input.tanggalKejadian > input.tanggalDiketahui) {
    throw new AppError(
      'validation_failed',
      { id: 'Tanggal kejadian tidak boleh sesudah tanggal diketahui.', en: 'The event cannot be after the date it became known.' },
      { field: 'tanggalKejadian' },
    );
  }
  const now = nowOf(deps);
  const id = randomUUID();
  const zone = zoneForRegion(officeCode);
  const knownAt = startOfLocalDay(input.tanggalDiketahui, zone);
  if (knownAt > now)
    throw new AppError(
      'validation_failed',
      { id: 'Tanggal diketahui tidak boleh di masa depan.', en: 'The date known cannot be in the future.' },
      { field: 'tanggalDiketahui' },
    );
  const regime = regulationRegimesInForce(now, officeCode).find((r) => r.id.startsWith('perbawaslu'))?.id ?? 'perbawaslu-9-2024';
  await deps.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO cases (id, kind, state, source, office_code, event_region_code, event_place, event_date, known_date, received_at,
         regime_id, title, narrative, acts, evidence_urls, created_by, search)
       VALUES ($1, 'temuan', 'informasi_awal', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, to_tsvector('indonesian', $15))`,
      [
        id,
        input.sumber,
        officeCode,
        input.kodeWilayah,
        input.tempat,
        input.tanggalKejadian,
        input.tanggalDiketahui,
        now,
        regime,
        input.judul,
        input.uraian,
        input.perbuatan,
        input.buktiTautan,
        principal.id,
        [input.judul, input.uraian, input.tempat, ...input.terlapor.flatMap((t) => [t.nama, t.jabatan, t.instansi])].join(' \n '),
      ],
    );
    await insertTerlapor(tx, id, input.terlapor);
    const row = (await findCase(tx, id))!;
    // Perbawaslu 14/2017 Pasal 5: the temuan is set within 7 days of the violation being known.
    for (const ruleId of INITIAL_CLOCKS.temuan) await startClock(tx, row, ruleId, knownAt);
    await insertCaseEvent(tx, {
      caseId: id,
      at: now,
      action: 'catat_informasi_awal',
      fromState: null,
      toState: 'informasi_awal',
      actorId: principal.id,
      data: { source: input.sumber, leadId: input.leadId ?? null },
    });
    await enqueueJob(tx, 'cases.suggest_links', { caseId: id });
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: 'temuan.informasi_awal_created',
      entityType: 'case',
      entityId: id,
      regionCode: officeCode,
      at: now,
      data: { source: input.sumber, leadId: input.leadId ?? null },
    });
  });
  return { id, state: 'informasi_awal' as const, officeCode };
}
