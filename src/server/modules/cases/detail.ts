// A case as staff see it (no reporter identity), and the audited identity reveal.
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { canHandleCaseIn, canReadWitnessDetails, isReadOnly, type Principal } from '../../../domain/access/policy.ts';
import { STATE_LABELS, actionsFrom, type CaseAction } from '../../../domain/cases/stateMachine.ts';
import { nowOf, type CaseDeps } from './deps.ts';
import { listClocks, listTerlapor, officeName, regionPathName, type CaseRow, type ClockRow, type TerlaporRow } from './repository.ts';
import { findReporterCiphertext, listCaseEvents, listCaseEvidence, type CaseEventRow } from './repository/detail.ts';
import { filingDueOf, loadCaseForStaff } from './staffCase.ts';
import { blockingGuard } from '../../../domain/legal-clock/guards.ts';
import { listWitnesses } from './witnesses.ts';
import { listNoticesOfCase } from '../notices/index.ts';

export async function caseDetail(deps: CaseDeps, principal: Principal, caseId: string) {
  const { db } = deps;
  const c = await loadCaseForStaff(deps, principal, caseId, false);
  const now = nowOf(deps);
  const [terlapor, clocks, events, notices, evidence, witnesses] = await Promise.all([
    listTerlapor(db, caseId),
    listClocks(db, caseId),
    listCaseEvents(db, caseId),
    listNoticesOfCase(db, caseId),
    listCaseEvidence(db, caseId),
    listWitnesses(db, deps.vault, caseId),
  ]);
  const availableActions = canHandleCaseIn(principal, c.office_code) && !isReadOnly(principal) ? actionsFrom(c.state) : [];
  return {
    ...caseFields(c),
    officeName: await officeName(db, c.office_code),
    eventRegionName: await regionPathName(db, c.event_region_code),
    availableActions,
    blockedActions: blockedActionsOf(c, clocks, availableActions, now),
    terlapor: terlapor.map(terlaporItem),
    // Witness identity only for those who may read it (analysts: within their own region).
    witnesses: canReadWitnessDetails(principal, c.office_code) ? witnesses : [],
    witnessCount: witnesses.length,
    evidence: evidence.map((e) => ({ sha256: e.sha256, name: e.original_name, mimeType: e.mime_type, size: e.size_bytes })),
    deadlines: clocks.map((k) => deadlineItem(k, now)),
    timeline: events.map(timelineItem),
    // Delivery of each notice's e-mail (none/queued/retrying/sent/failed) so staff see a reporter who was not reached.
    notices: notices.map((n) => ({
      at: new Date(n.created_at).toISOString(),
      kind: n.kind,
      title: n.title,
      body: n.body,
      emailState: n.email_state,
      emailAttempts: n.email_attempts,
      emailLastError: n.email_last_error,
      emailUpdatedAt: n.email_updated_at ? new Date(n.email_updated_at).toISOString() : null,
    })),
  };
}

function caseFields(c: CaseRow) {
  return {
    id: c.id,
    kind: c.kind,
    state: c.state,
    stateLabel: STATE_LABELS[c.state],
    source: c.source,
    trackingCode: c.tracking_code,
    registrationNumber: c.registration_number,
    registeredAt: c.registered_at ? new Date(c.registered_at).toISOString() : null,
    officeCode: c.office_code,
    eventRegionCode: c.event_region_code,
    eventPlace: c.event_place,
    eventDate: c.event_date,
    knownDate: c.known_date,
    receivedAt: new Date(c.received_at).toISOString(),
    electionId: c.election_id,
    stageCode: c.stage_code,
    regimeId: c.regime_id,
    title: c.title,
    narrative: c.narrative,
    acts: c.acts,
    evidenceUrls: c.evidence_urls,
    late: c.is_late,
    proposedReason: c.proposed_reason,
    stateReason: c.state_reason,
    classification: c.classification,
    decisionSummary: c.decision_summary,
    assignedTo: c.assigned_to,
  };
}

/** Why an action the state allows is not yet (or no longer) available under the law, and until when. */
function blockedActionsOf(c: CaseRow, clocks: ClockRow[], availableActions: CaseAction[], now: Date) {
  const guardClocks = clocks.map((k) => ({
    ruleId: k.rule_id,
    dueAt: new Date(k.due_at),
    stoppedAt: k.stopped_at ? new Date(k.stopped_at) : null,
  }));
  const filingDueAt = filingDueOf(c);
  return availableActions.flatMap((action) => {
    const block = blockingGuard({
      action,
      kind: c.kind,
      state: c.state,
      at: now,
      clocks: guardClocks,
      filedLate: c.is_late,
      filingDueAt,
      regionCode: c.office_code,
    });
    if (!block) return [];
    const { guard, mode, overridable, reason, source } = block;
    const until = block.until?.toISOString() ?? null;
    const since = block.since?.toISOString() ?? null;
    return [
      { action, guard, mode, overridable, reason, until, since, source, ...(block.unconfirmed ? { unconfirmed: block.unconfirmed } : {}) },
    ];
  });
}

const terlaporItem = (t: TerlaporRow) => ({
  id: t.id,
  name: t.name,
  nip: t.nip,
  position: t.position,
  agency: t.agency,
  subjectType: t.subject_type,
  regionCode: t.region_code,
});

const deadlineItem = (k: ClockRow, now: Date) => ({
  ruleId: k.rule_id,
  startedAt: new Date(k.started_at).toISOString(),
  dueAt: new Date(k.due_at).toISOString(),
  dueLocal: k.due_local,
  zone: k.zone,
  source: k.source,
  basis: k.basis,
  extended: k.extended,
  stoppedAt: k.stopped_at ? new Date(k.stopped_at).toISOString() : null,
  overdue: !k.stopped_at && new Date(k.due_at) < now,
});

// `at` is when the step took effect; `recordedAt` when it was entered (they differ for back-dated steps).
const timelineItem = (e: CaseEventRow) => ({
  at: new Date(e.occurred_at).toISOString(),
  recordedAt: new Date(e.recorded_at ?? e.occurred_at).toISOString(),
  action: e.action,
  fromState: e.from_state,
  toState: e.to_state,
  actorId: e.actor_id,
  publicNote: e.public_note,
  internalNote: e.internal_note,
  data: e.data,
});

/** Decrypts the reporter's identity for handling staff who state a reason; every read is audited. */
export async function revealReporterIdentity(deps: CaseDeps, principal: Principal, caseId: string, reason: string) {
  // Handling staff only (not read-only), like a write: the read is itself recorded.
  const c = await loadCaseForStaff(deps, principal, caseId, true);
  const ciphertext = await findReporterCiphertext(deps.db, caseId);
  if (!ciphertext)
    throw new AppError('not_found', { id: 'Perkara ini tidak memiliki identitas pelapor.', en: 'This case has no reporter identity.' });
  const identity: Record<string, string> = JSON.parse(deps.vault.decrypt(ciphertext));
  await deps.db.transaction(async (tx) => {
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: 'case.reporter_identity_read',
      entityType: 'case',
      entityId: caseId,
      regionCode: c.office_code,
      at: nowOf(deps),
      data: { reason },
    });
  });
  return { identity };
}
