// Documents generated from case data: the reporter's own receipt (tracking code + PIN) and the
// staff documents per case. Rendering is synchronous for now (a page or two, tens of ms).
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import type { Principal } from '../../../domain/access/policy.ts';
import type { CaseDeps } from '../cases/index.ts';
import { nowOf } from '../cases/index.ts';
import { authenticateTracking } from '../cases/index.ts';
import { loadCaseForStaff } from '../cases/index.ts';
import { listClocks, listTerlapor, officeName, type CaseRow } from '../cases/index.ts';
import { DOCUMENT_BUILDERS, buildReceipt, documentApplies, type CaseDocumentData, type DocumentKind } from './builders.ts';
import { renderDocument, type RenderedDocument } from './render.ts';
import { assertCanPrintDocument } from './policy.ts';
import {
  caseEvidenceFilesOf,
  caseEventsOf,
  electionStagesOf,
  lastCompletionRequestReason,
  regionNameOf,
  reporterCiphertextOf,
} from './repository.ts';

export interface GeneratedDocument extends RenderedDocument {
  fileName: string;
}

async function loadDocumentData(deps: CaseDeps, c: CaseRow, pelaporName: string | null): Promise<CaseDocumentData> {
  const { db } = deps;
  const [office, regionName, terlapor, clocks, events, evidence, completionReason, stages] = await Promise.all([
    officeName(db, c.office_code),
    regionNameOf(db, c.event_region_code),
    listTerlapor(db, c.id),
    listClocks(db, c.id),
    caseEventsOf(db, c.id),
    caseEvidenceFilesOf(db, c.id),
    lastCompletionRequestReason(db, c.id),
    c.election_id ? electionStagesOf(db, c.election_id) : Promise.resolve([]),
  ]);
  const lastRequest = [...events].reverse().find((e) => e.action === 'minta_kelengkapan');
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
    eventRegionName: regionName,
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
    evidence: evidence.map((e) => ({ sha256: e.sha256, name: e.original_name, mimeType: e.mime_type, size: Number(e.size_bytes) })),
    clocks: clocks.map((k) => ({
      ruleId: k.rule_id,
      startedAt: new Date(k.started_at),
      dueLocal: k.due_local,
      source: k.source,
      basis: k.basis,
      extended: k.extended,
      stoppedAt: k.stopped_at ? new Date(k.stopped_at) : null,
    })),
    events: events.map((e) => ({
      at: new Date(e.occurred_at),
      action: e.action,
      toState: e.to_state,
      publicNote: e.public_note,
      data: e.data ?? {},
    })),
    completionRequest: lastRequest ? { at: new Date(lastRequest.occurred_at), reason: completionReason } : null,
    electionStages: stages.length ? stages.map((s) => ({ code: s.code, startsOn: s.starts_on })) : null,
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
  const ciphertext = await reporterCiphertextOf(deps.db, c.id);
  const name = ciphertext ? decryptPelaporName(deps, ciphertext) : null;
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
  assertCanPrintDocument(principal, c.office_code, reveal);
  let name: string | null = null;
  const ciphertext = reveal ? await reporterCiphertextOf(deps.db, caseId) : null;
  if (ciphertext) {
    name = decryptPelaporName(deps, ciphertext);
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
