// A case as staff see it (no reporter identity), and the audited identity reveal.
import { AppError, forbidden } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { canHandleCaseIn, canReadWitnessDetails, isReadOnly, type Principal } from '../../../domain/access/policy.ts';
import { STATE_LABELS, actionsFrom, type CaseState } from '../../../domain/cases/stateMachine.ts';
import { nowOf, type CaseDeps } from './deps.ts';
import { listClocks, listTerlapor, officeName, regionPathName } from './repository.ts';
import { filingDueOf, loadCaseForStaff } from './handling.ts';
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
    db.query<{
      occurred_at: Date;
      recorded_at: Date | null;
      action: string;
      from_state: string | null;
      to_state: string;
      actor_id: string | null;
      public_note: string | null;
      internal_note: string | null;
      data: unknown;
    }>(
      'SELECT occurred_at, recorded_at, action, from_state, to_state, actor_id, public_note, internal_note, data FROM case_events WHERE case_id = $1 ORDER BY id',
      [caseId],
    ),
    listNoticesOfCase(db, caseId),
    db.query<{ sha256: string; original_name: string; mime_type: string; size_bytes: number }>(
      'SELECT e.sha256, e.original_name, f.mime_type, f.size_bytes FROM case_evidence e JOIN evidence_files f ON f.sha256 = e.sha256 WHERE e.case_id = $1 ORDER BY e.id',
      [caseId],
    ),
    listWitnesses(db, deps.vault, caseId),
  ]);
  const availableActions = canHandleCaseIn(principal, c.office_code) && !isReadOnly(principal) ? actionsFrom(c.state as CaseState) : [];
  // Why an action the state allows is not yet (or no longer) available under the law, and until when.
  const guardClocks = clocks.map((k) => ({
    ruleId: k.rule_id,
    dueAt: new Date(k.due_at),
    stoppedAt: k.stopped_at ? new Date(k.stopped_at) : null,
  }));
  const filingDueAt = filingDueOf(c);
  const blockedActions = availableActions.flatMap((action) => {
    const block = blockingGuard({
      action,
      kind: c.kind,
      state: c.state as CaseState,
      at: now,
      clocks: guardClocks,
      filedLate: c.is_late,
      filingDueAt,
      regionCode: c.office_code,
    });
    return block
      ? [
          {
            action,
            guard: block.guard,
            mode: block.mode,
            overridable: block.overridable,
            reason: block.reason,
            until: block.until?.toISOString() ?? null,
            since: block.since?.toISOString() ?? null,
            source: block.source,
            ...(block.unconfirmed ? { unconfirmed: block.unconfirmed } : {}),
          },
        ]
      : [];
  });
  return {
    id: c.id,
    kind: c.kind,
    state: c.state as CaseState,
    stateLabel: STATE_LABELS[c.state as CaseState],
    source: c.source,
    trackingCode: c.tracking_code,
    registrationNumber: c.registration_number,
    registeredAt: c.registered_at ? new Date(c.registered_at).toISOString() : null,
    officeCode: c.office_code,
    officeName: await officeName(db, c.office_code),
    eventRegionCode: c.event_region_code,
    eventRegionName: await regionPathName(db, c.event_region_code),
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
    availableActions,
    blockedActions,
    terlapor: terlapor.map((t) => ({
      id: t.id,
      name: t.name,
      nip: t.nip,
      position: t.position,
      agency: t.agency,
      subjectType: t.subject_type,
      regionCode: t.region_code,
    })),
    // Witness identity only for those who may read it (analysts: within their own region).
    witnesses: canReadWitnessDetails(principal, c.office_code) ? witnesses : [],
    witnessCount: witnesses.length,
    evidence: evidence.rows.map((e) => ({ sha256: e.sha256, name: e.original_name, mimeType: e.mime_type, size: e.size_bytes })),
    deadlines: clocks.map((k) => ({
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
    })),
    // `at` is when the step took effect; `recordedAt` when it was entered (they differ for back-dated steps).
    timeline: events.rows.map((e) => ({
      at: new Date(e.occurred_at).toISOString(),
      recordedAt: new Date(e.recorded_at ?? e.occurred_at).toISOString(),
      action: e.action,
      fromState: e.from_state,
      toState: e.to_state,
      actorId: e.actor_id,
      publicNote: e.public_note,
      internalNote: e.internal_note,
      data: e.data,
    })),
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

/** Decrypts the reporter's identity for handling staff who state a reason; every read is audited. */
export async function revealReporterIdentity(deps: CaseDeps, principal: Principal, caseId: string, reason: string) {
  const c = await loadCaseForStaff(deps, principal, caseId, true);
  if (!canHandleCaseIn(principal, c.office_code) || isReadOnly(principal)) throw forbidden();
  const row = await deps.db.query<{ ciphertext: string }>('SELECT ciphertext FROM reporter_identities WHERE case_id = $1', [caseId]);
  if (!row.rows[0])
    throw new AppError('not_found', { id: 'Perkara ini tidak memiliki identitas pelapor.', en: 'This case has no reporter identity.' });
  const identity = JSON.parse(deps.vault.decrypt(row.rows[0].ciphertext));
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
