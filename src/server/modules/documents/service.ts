// Documents generated from case data: the reporter's own receipt (tracking code + PIN) and the
// staff documents per case. Rendering is synchronous for now (a page or two, tens of ms).
import { AppError, forbidden } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { canHandleCaseIn, isReadOnly, type Principal } from '../../../domain/access/policy.ts';
import type { CaseDeps } from '../cases/index.ts';
import { nowOf } from '../cases/index.ts';
import { authenticateTracking } from '../cases/index.ts';
import { loadCaseForStaff } from '../cases/index.ts';
import { listClocks, listTerlapor, officeName, type CaseRow } from '../cases/index.ts';
import { DOCUMENT_BUILDERS, buildReceipt, documentApplies, type CaseDocumentData, type DocumentKind } from './builders.ts';
import { renderDocument, type RenderedDocument } from './render.ts';

export interface GeneratedDocument extends RenderedDocument {
  fileName: string;
}

async function loadDocumentData(deps: CaseDeps, c: CaseRow, pelaporName: string | null): Promise<CaseDocumentData> {
  const { db } = deps;
  const [office, region, terlapor, clocks, events, evidence, completionAudit, stages] = await Promise.all([
    officeName(db, c.office_code),
    db.query<{ name: string }>('SELECT name FROM regions WHERE code = $1', [c.event_region_code]),
    listTerlapor(db, c.id),
    listClocks(db, c.id),
    db.query<{ occurred_at: Date; action: string; to_state: string; public_note: string | null; data: Record<string, unknown> | null }>(
      'SELECT occurred_at, action, to_state, public_note, data FROM case_events WHERE case_id = $1 ORDER BY id',
      [c.id],
    ),
    db.query<{ sha256: string; original_name: string; mime_type: string; size_bytes: number }>(
      'SELECT e.sha256, e.original_name, f.mime_type, f.size_bytes FROM case_evidence e JOIN evidence_files f ON f.sha256 = e.sha256 WHERE e.case_id = $1 ORDER BY e.id',
      [c.id],
    ),
    // The completion request's reason is kept in the audit record of the action (case_events holds the notice title only).
    db.query<{ occurred_at: Date; data: { reason?: string } | null }>(
      `SELECT occurred_at, data FROM audit_events WHERE entity_type = 'case' AND entity_id = $1 AND action = 'case.minta_kelengkapan' ORDER BY id DESC LIMIT 1`,
      [c.id],
    ),
    c.election_id
      ? db.query<{ code: string; starts_on: string }>(
          'SELECT code, starts_on FROM election_stages WHERE election_id = $1 ORDER BY sort_order',
          [c.election_id],
        )
      : Promise.resolve({ rows: [] as { code: string; starts_on: string }[] }),
  ]);
  const lastRequest = [...events.rows].reverse().find((e) => e.action === 'minta_kelengkapan');
  return {
    id: c.id,
    kind: c.kind,
    state: c.state,
    source: c.source,
    trackingCode: c.tracking_code,
    registrationNumber: c.registration_number,
    registeredAt: c.registered_at ? new Date(c.registered_at) : null,
    officeCode: c.office_code,
    officeName: office,
    eventRegionCode: c.event_region_code,
    eventRegionName: region.rows[0]?.name ?? null,
    eventPlace: c.event_place,
    eventDate: c.event_date,
    knownDate: c.known_date,
    receivedAt: new Date(c.received_at),
    title: c.title,
    narrative: c.narrative,
    acts: c.acts ?? [],
    evidenceUrls: c.evidence_urls ?? [],
    late: c.is_late,
    proposedReason: c.proposed_reason,
    stateReason: c.state_reason,
    classification: c.classification,
    decisionSummary: c.decision_summary,
    terlapor: terlapor.map((t) => ({ name: t.name, nip: t.nip, position: t.position, agency: t.agency, subjectType: t.subject_type })),
    evidence: evidence.rows.map((e) => ({ sha256: e.sha256, name: e.original_name, mimeType: e.mime_type, size: Number(e.size_bytes) })),
    clocks: clocks.map((k) => ({
      ruleId: k.rule_id,
      startedAt: new Date(k.started_at),
      dueLocal: k.due_local,
      source: k.source,
      basis: k.basis,
      extended: k.extended,
      stoppedAt: k.stopped_at ? new Date(k.stopped_at) : null,
    })),
    events: events.rows.map((e) => ({
      at: new Date(e.occurred_at),
      action: e.action,
      toState: e.to_state,
      publicNote: e.public_note,
      data: e.data ?? {},
    })),
    completionRequest: lastRequest
      ? { at: new Date(lastRequest.occurred_at), reason: completionAudit.rows[0]?.data?.reason ?? null }
      : null,
    electionStages: stages.rows.length ? stages.rows.map((s) => ({ code: s.code, startsOn: s.starts_on })) : null,
    pelaporName,
    reporterLanguage: c.reporter_language === 'en' ? 'en' : 'id',
    now: nowOf(deps),
  };
}

function decryptPelaporName(deps: CaseDeps, ciphertext: string): string | null {
  const identity = JSON.parse(deps.vault.decrypt(ciphertext)) as { nama?: string };
  return identity.nama ?? null;
}

const fileNameOf = (kind: DocumentKind, c: CaseRow) =>
  `${kind}-${(c.registration_number ?? c.tracking_code ?? c.id).replace(/[^A-Za-z0-9-]+/g, '_')}.pdf`;

/** The reporter's own receipt: the only public path on which the reporter's name is printed. */
export async function reporterReceipt(deps: CaseDeps, code: string, pin: string, address: string): Promise<GeneratedDocument> {
  const c = await authenticateTracking(deps, code, pin, address);
  const identity = await deps.db.query<{ ciphertext: string }>('SELECT ciphertext FROM reporter_identities WHERE case_id = $1', [c.id]);
  const name = identity.rows[0] ? decryptPelaporName(deps, identity.rows[0].ciphertext) : null;
  const data = await loadDocumentData(deps, c, name);
  const rendered = await renderDocument(buildReceipt(data));
  return { ...rendered, fileName: fileNameOf('tanda-bukti', c) };
}

/**
 * A staff document for a case in the officer's jurisdiction. Staff documents never carry the
 * reporter's NIK or contact details; the receipt shows the reporter's name only when the officer
 * states a reason (POST only, see routes.ts), and that read is audited like any other identity reveal.
 */
export async function staffDocument(
  deps: CaseDeps,
  principal: Principal,
  caseId: string,
  kind: DocumentKind,
  reason?: string,
): Promise<GeneratedDocument> {
  const reveal = kind === 'tanda-bukti' && reason !== undefined;
  // A reveal is handled like POST /reporter-identity: cases outside the officer's handling are hidden.
  const c = await loadCaseForStaff(deps, principal, caseId, reveal);
  if (!canHandleCaseIn(principal, c.office_code)) throw forbidden();
  let name: string | null = null;
  if (reveal) {
    if (isReadOnly(principal)) throw forbidden();
    const identity = await deps.db.query<{ ciphertext: string }>('SELECT ciphertext FROM reporter_identities WHERE case_id = $1', [caseId]);
    if (identity.rows[0]) {
      name = decryptPelaporName(deps, identity.rows[0].ciphertext);
      await deps.db.transaction(async (tx) => {
        await appendAudit(tx, {
          actor: { id: principal.id, role: principal.role },
          action: 'case.reporter_identity_read',
          entityType: 'case',
          entityId: caseId,
          regionCode: c.office_code,
          at: nowOf(deps),
          data: { reason, via: 'document:tanda-bukti', fields: ['nama'] },
        });
      });
    }
  }
  const data = await loadDocumentData(deps, c, name);
  if (!documentApplies(kind, data)) {
    throw new AppError(
      'not_found',
      {
        id: `Dokumen "${kind}" tidak berlaku untuk perkara ini (jenis ${c.kind}, status ${c.state}).`,
        en: `Document "${kind}" does not apply to this case (${c.kind}, state ${c.state}).`,
      },
      { field: 'kind' },
    );
  }
  const rendered = await renderDocument(DOCUMENT_BUILDERS[kind](data));
  return { ...rendered, fileName: fileNameOf(kind, c) };
}
