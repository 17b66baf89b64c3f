// Informasi awal from the public, without identity: it lands in the responsible office's queue
// as a temuan in state informasi_awal (source 'informasi_publik'), like a supervisor's own
// informasi awal. The answer is a receipt code only: there is no PIN, no tracking, no notices,
// because the sender has no standing as pelapor. A repeat of the same text in the same region
// within INFORMASI_FOLD_HOURS folds onto the first and gets the first's receipt code.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import type { Principal } from '../../../domain/access/policy.ts';
import { checkIncidentFacts } from '../../../domain/cases/laporanChecks.ts';
import { officeForEventRegion } from '../../../domain/cases/office.ts';
import { INITIAL_CLOCKS } from '../../../domain/cases/stateMachine.ts';
import {
  INFORMASI_DISMISS_REASON,
  INFORMASI_FOLD_HOURS,
  INFORMASI_FOLD_SIMILARITY,
  PUBLIC_INFORMASI_SOURCE,
  foldKey,
} from '../../../domain/cases/informasi.ts';
import { computeDeadline, regulationRegimesInForce } from '../../../domain/legal-clock/compute.ts';
import { formatLocalDateTime, localDateOf, zoneForRegion } from '../../../domain/time/zones.ts';
import { enqueueJob } from '../../jobs/queue.ts';
import type { InformasiInput } from './schemas.ts';
import type { InformasiReceipt } from '../../../contracts/cases.ts';
import { nowOf, type CaseDeps } from './deps.ts';
import { findCase, insertCaseEvent, insertClock, insertTerlapor, officeName } from './repository.ts';
import { findFoldTarget, insertInformasiCase, lockInformasiRegion } from './repository/intake.ts';
import { assertEvidenceUploads, assertKnownRegions, assertNoIssues, attachEvidence, generateCode, searchTextOf } from './submission.ts';
import { applyCaseAction } from './handling.ts';
import { assertCanDismissInformasi } from './policy.ts';

/** 'INF-…': visibly not a tracking code (no PIN, nothing to track). */
export const generateInformasiCode = () => generateCode('INF');

export type { InformasiReceipt };

const messageFor = (code: string, office: string, folded: boolean) =>
  folded
    ? {
        id: `Informasi yang sama sudah kami terima sebelumnya (kode ${code}) dan diteruskan ke ${office}. Tidak perlu dikirim ulang.`,
        en: `We already received the same information (code ${code}); it went to ${office}. There is no need to send it again.`,
      }
    : {
        id: `Informasi Anda diterima dengan kode ${code} dan diteruskan ke ${office} sebagai informasi awal pengawasan. Karena tanpa identitas, Anda tidak menerima kabar perkembangan.`,
        en: `Your information was received with code ${code} and passed to ${office} as initial information for supervision. As it has no identity, you will not receive progress updates.`,
      };

interface InformasiPlan {
  input: InformasiInput;
  now: Date;
  officeCode: string;
  office: string;
  key: string;
  receivedLocal: string;
}

export async function submitInformasi(deps: CaseDeps, input: InformasiInput): Promise<{ receipt: InformasiReceipt; created: boolean }> {
  const { db } = deps;
  const now = nowOf(deps);
  await assertKnownRegions(db, input);
  const zone = zoneForRegion(input.peristiwa.kodeWilayah);
  assertNoIssues(checkIncidentFacts(input, localDateOf(now, zone)));
  await assertEvidenceUploads(deps, input.bukti);
  const officeCode = officeForEventRegion(input.peristiwa.kodeWilayah);
  const plan: InformasiPlan = {
    input,
    now,
    officeCode,
    office: await officeName(db, officeCode),
    key: foldKey(input.peristiwa.uraian),
    receivedLocal: formatLocalDateTime(now, zone),
  };
  return db.transaction(async (tx) => {
    // Serialise submissions for one region so two copies sent at once cannot both be "first".
    await lockInformasiRegion(tx, input.peristiwa.kodeWilayah);
    const first = await findFoldTarget(tx, {
      source: PUBLIC_INFORMASI_SOURCE,
      regionCode: input.peristiwa.kodeWilayah,
      since: new Date(now.getTime() - INFORMASI_FOLD_HOURS * 3_600_000),
      foldKey: plan.key,
      similarity: INFORMASI_FOLD_SIMILARITY,
    });
    return first ? foldInformasi(tx, plan, first) : createInformasi(tx, plan);
  });
}

/** A repeat: one event on the first case, the first's receipt code. */
async function foldInformasi(tx: Tx, plan: InformasiPlan, first: { id: string; tracking_code: string; state: string }) {
  const { now, office } = plan;
  await insertCaseEvent(tx, {
    caseId: first.id,
    at: now,
    action: 'informasi_berulang',
    fromState: first.state,
    toState: first.state,
    actorId: null,
    data: { folded: true, evidence: plan.input.bukti.length },
  });
  await appendAudit(tx, {
    actor: { id: null, role: 'public' },
    action: 'informasi.folded',
    entityType: 'case',
    entityId: first.id,
    regionCode: plan.officeCode,
    at: now,
    data: { receiptCode: first.tracking_code },
  });
  const receiptCode = first.tracking_code;
  return {
    receipt: {
      receiptCode,
      receivedLocal: plan.receivedLocal,
      officeName: office,
      folded: true,
      message: messageFor(receiptCode, office, true),
    },
    created: false,
  };
}

async function createInformasi(tx: Tx, plan: InformasiPlan) {
  const { input, now, officeCode, office } = plan;
  const id = randomUUID();
  const code = generateInformasiCode();
  const title = input.peristiwa.judul ?? `Informasi awal dari publik: ${input.terlapor[0].jabatan}, ${input.terlapor[0].instansi}`;
  await insertInformasiCase(tx, {
    id,
    code,
    source: PUBLIC_INFORMASI_SOURCE,
    officeCode,
    regionCode: input.peristiwa.kodeWilayah,
    place: input.peristiwa.tempat,
    eventDate: input.peristiwa.tanggalKejadian,
    knownDate: input.peristiwa.tanggalDiketahui,
    receivedAt: now,
    regimeId: regulationRegimesInForce(now, officeCode).find((r) => r.id.startsWith('perbawaslu'))?.id ?? 'perbawaslu-9-2024',
    title,
    narrative: input.peristiwa.uraian,
    acts: input.perbuatan,
    evidenceUrls: input.buktiTautan,
    foldKey: plan.key,
    searchText: searchTextOf(title, input.peristiwa, input.terlapor),
  });
  await insertTerlapor(tx, id, input.terlapor);
  await attachEvidence(tx, id, input.bukti, now);
  // Bawaslu knows of it from the moment it arrives: the temuan clock runs from receipt.
  for (const ruleId of INITIAL_CLOCKS.temuan) {
    await insertClock(tx, id, computeDeadline(ruleId, { startAt: now, regionCode: officeCode, caseDate: now }));
  }
  const data = { source: PUBLIC_INFORMASI_SOURCE };
  await insertCaseEvent(tx, {
    caseId: id,
    at: now,
    action: 'catat_informasi_awal',
    fromState: null,
    toState: 'informasi_awal',
    actorId: null,
    data,
  });
  // Person-based duplicate suggestions, as for every case.
  await enqueueJob(tx, 'cases.suggest_links', { caseId: id });
  await appendAudit(tx, {
    actor: { id: null, role: 'public' },
    action: 'informasi.submitted',
    entityType: 'case',
    entityId: id,
    regionCode: officeCode,
    at: now,
    data: { receiptCode: code, source: PUBLIC_INFORMASI_SOURCE, terlapor: input.terlapor.length, evidence: input.bukti.length },
  });
  return {
    receipt: {
      receiptCode: code,
      receivedLocal: plan.receivedLocal,
      officeName: office,
      folded: false,
      message: messageFor(code, office, false),
    },
    created: true,
  };
}

/** A supervisor's one-click dismissal of public informasi (spam, unusable): stops it with a fixed reason, audited. */
export async function dismissPublicInformasi(deps: CaseDeps, principal: Principal, caseId: string) {
  const found = await findCase(deps.db, caseId);
  assertCanDismissInformasi(principal, found);
  if (found.source !== PUBLIC_INFORMASI_SOURCE) {
    throw new AppError(
      'invalid_state_transition',
      {
        id: 'Hanya informasi dari publik yang dapat diabaikan dengan satu klik.',
        en: 'Only information from the public can be dismissed in one click.',
      },
      { field: 'action' },
    );
  }
  return applyCaseAction(deps, principal, caseId, { action: 'hentikan_penelusuran', reason: INFORMASI_DISMISS_REASON });
}
