// Public report intake (laporan): validate, store durably with the reporter's identity sealed,
// answer with a receipt (tracking code + PIN). An Idempotency-Key makes a retried submission
// return the same receipt instead of a second case.
import { randomInt, randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { canonicalJson } from '../../shared/canonicalJson.ts';
import { sha256Hex } from '../../platform/storage.ts';
import { checkLaporanFacts } from '../../../domain/cases/laporanChecks.ts';
import { officeForEventRegion } from '../../../domain/cases/office.ts';
import { noticeForReceipt } from '../../../domain/cases/notices.ts';
import {
  assessFilingTimeliness,
  computeDeadline,
  regulationRegimesInForce,
  type FilingTimeliness,
} from '../../../domain/legal-clock/compute.ts';
import { localDateOf, startOfLocalDay, zoneForRegion, formatLocalDateTime, type TimeZoneInfo } from '../../../domain/time/zones.ts';
import type { LaporanInput } from './schemas.ts';
import { nowOf, type CaseDeps } from './deps.ts';
import { regionSearchKey } from '../../../domain/regions/search.ts';
import { officeNameOf } from './repository.ts';
import { findIdempotencyKey } from './repository/intake.ts';
import { insertLaporanRows, lockReporter, readIntakeContext, type IntakeContext, type LaporanRows } from './repository/laporan.ts';
import { NOTICE_EMAIL_ATTEMPTS } from '../notices/index.ts';
import { INITIAL_CLOCKS } from '../../../domain/cases/stateMachine.ts';
import { sealWitness } from './witnesses.ts';
import {
  assertEvidenceUploads,
  assertNoIssues,
  assertRegionsFound,
  attachEvidence,
  electionOn,
  generateCode,
  regionCodesOf,
  searchTextOf,
} from './submission.ts';

export const generateTrackingCode = () => generateCode('NTR');
export const MAX_REPORTS_PER_PERSON_PER_HOUR = 20;
export const generatePin = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

export interface Receipt {
  id: string;
  trackingCode: string;
  pin: string;
  state: string;
  receivedAt: string;
  receivedLocal: string;
  officeCode: string;
  officeName: string;
  late: boolean;
  proposedReason: string | null;
  filingDeadlineLocal: string;
  /** Who was reported, by position and agency (no names), so the receipt says what it is about. */
  terlapor: { jabatan: string; instansi: string }[];
  message: { id: string; en: string };
}

class IdempotentReplay extends Error {}

/** What a laporan becomes, worked out before the transaction (only the tracking code may change on a retry). */
interface LaporanPlan {
  input: LaporanInput;
  now: Date;
  zone: TimeZoneInfo;
  id: string;
  pin: string;
  officeCode: string;
  office: string;
  regime: string;
  electionId: string | null;
  stageCode: string | null;
  timeliness: FilingTimeliness;
  nikMac: string;
  language: 'id' | 'en';
  requestHash: string;
  idempotencyKey: string | null;
}

const reporterLimitReached = () =>
  new AppError(
    'rate_limited',
    {
      id: `Batas ${MAX_REPORTS_PER_PERSON_PER_HOUR} laporan per jam untuk satu pelapor tercapai. Coba lagi nanti.`,
      en: `The limit of ${MAX_REPORTS_PER_PERSON_PER_HOUR} reports per hour per reporter was reached. Try again later.`,
    },
    { field: 'pelapor.nik' },
  );

export async function submitLaporan(
  deps: CaseDeps,
  input: LaporanInput,
  idempotencyKey: string | null,
  options: { language?: 'id' | 'en' } = {},
): Promise<{ receipt: Receipt; replayed: boolean }> {
  const now = nowOf(deps);
  const requestHash = sha256Hex(canonicalJson(input));
  if (idempotencyKey) {
    const replay = await readIdempotent(deps, idempotencyKey, requestHash);
    if (replay) return { receipt: replay, replayed: true };
  }
  // Validate. The per-reporter limit is checked in the registering transaction (registerLaporan).
  const { zone, context } = await checkLaporan(deps, input, now);
  const plan = planLaporan(deps, input, context, { now, zone, requestHash, idempotencyKey, language: options.language ?? 'id' });
  for (let attempt = 0; ; attempt++) {
    const receipt = receiptOf(plan, generateTrackingCode());
    try {
      await deps.db.transaction((tx) => registerLaporan(tx, deps, plan, receipt));
      return { receipt, replayed: false };
    } catch (error) {
      if (error instanceof IdempotentReplay) {
        const replay = await readIdempotent(deps, idempotencyKey!, requestHash);
        if (replay) return { receipt: replay, replayed: true };
        continue;
      }
      const code = (error as { code?: string }).code;
      if (code === '23505' && String((error as Error).message).includes('tracking_code') && attempt < 5) continue;
      throw error;
    }
  }
}

/**
 * Regions, facts and evidence; resolves to the event region's time zone and what intake read.
 * One read (regions, the office's name, the election on the event date) serves every later step.
 */
async function checkLaporan(deps: CaseDeps, input: LaporanInput, now: Date): Promise<{ zone: TimeZoneInfo; context: IntakeContext }> {
  const officeCode = officeForEventRegion(input.peristiwa.kodeWilayah);
  const context = await readIntakeContext(deps.db, {
    regionCodes: regionCodesOf(input),
    officeCode,
    eventDate: input.peristiwa.tanggalKejadian,
  });
  // Regions first: the time zone (and so every date check) depends on a real region code.
  assertRegionsFound(input, new Set(context.knownRegionCodes));
  const zone = zoneForRegion(input.peristiwa.kodeWilayah);
  assertNoIssues(checkLaporanFacts(input, localDateOf(now, zone)));
  await assertEvidenceUploads(deps, input.bukti);
  return { zone, context };
}

function planLaporan(
  deps: CaseDeps,
  input: LaporanInput,
  context: IntakeContext,
  at: Pick<LaporanPlan, 'now' | 'zone' | 'requestHash' | 'idempotencyKey' | 'language'>,
): LaporanPlan {
  const { now, zone } = at;
  const knownAt = startOfLocalDay(input.peristiwa.tanggalDiketahui, zone);
  const officeCode = officeForEventRegion(input.peristiwa.kodeWilayah);
  return {
    ...at,
    input,
    id: randomUUID(),
    pin: generatePin(),
    officeCode,
    office: officeNameOf(officeCode, context.officeRegionName),
    ...electionOn(context, input.peristiwa.tanggalKejadian),
    regime: regulationRegimesInForce(now, officeCode).find((r) => r.id.startsWith('perbawaslu'))?.id ?? 'perbawaslu-9-2024',
    timeliness: assessFilingTimeliness({ knownAt, receivedAt: now, regionCode: input.peristiwa.kodeWilayah }),
    // Per-person limit instead of per-address: many phones share one carrier-grade NAT address.
    nikMac: deps.vault.mac(`nik:${input.pelapor.nik.replace(/\D/g, '')}`),
  };
}

function receiptOf(plan: LaporanPlan, trackingCode: string): Receipt {
  const { now, timeliness, pin } = plan;
  return {
    id: plan.id,
    trackingCode,
    pin,
    state: 'diterima',
    receivedAt: now.toISOString(),
    receivedLocal: formatLocalDateTime(now, plan.zone),
    officeCode: plan.officeCode,
    officeName: plan.office,
    late: timeliness.late,
    proposedReason: timeliness.proposedReason ?? null,
    filingDeadlineLocal: timeliness.deadline.dueLocal,
    terlapor: plan.input.terlapor.map((t) => ({ jabatan: t.jabatan, instansi: t.instansi })),
    message: {
      id: `Laporan Anda diterima. Simpan kode ${trackingCode} dan PIN ${pin} untuk melacak status laporan.`,
      en: `Your report was received. Keep code ${trackingCode} and PIN ${pin} to track its status.`,
    },
  };
}

/**
 * The registering transaction: the reporter's lock (with the Idempotency-Key claim), every row in
 * one statement (case, sealed identity within the reporter's hourly limit, parties, witnesses, first
 * event, clocks, receipt notice and its e-mail job, duplicate job), evidence, then the audit row.
 */
async function registerLaporan(tx: Tx, deps: CaseDeps, plan: LaporanPlan, receipt: Receipt) {
  const { input, id, now, officeCode, trackingCode } = { ...plan, trackingCode: receipt.trackingCode };
  const claim = plan.idempotencyKey
    ? { key: plan.idempotencyKey, requestHash: plan.requestHash, sealedResponse: deps.vault.encrypt(JSON.stringify(receipt)) }
    : null;
  // Two simultaneous reports of one reporter queue here, so the count in the next statement sees the other one.
  if (!(await lockReporter(tx, plan.nikMac, claim))) throw new IdempotentReplay();
  if (!(await insertLaporanRows(tx, laporanRows(deps, plan, trackingCode)))) throw reporterLimitReached();
  await attachEvidence(tx, id, input.bukti, now);
  // No reporter identity in the audit trail: the case id and office are enough to trace.
  await appendAudit(tx, {
    actor: { id: null, role: 'public' },
    action: 'laporan.submitted',
    entityType: 'case',
    entityId: id,
    regionCode: officeCode,
    at: now,
    data: { trackingCode, late: plan.timeliness.late, terlapor: input.terlapor.length, evidence: input.bukti.length },
  });
}

/** The rows of one laporan, as repository/laporan.ts writes them. */
function laporanRows(deps: CaseDeps, plan: LaporanPlan, trackingCode: string): LaporanRows {
  const { vault } = deps;
  const { input, id, now, timeliness, officeCode } = plan;
  const title = input.peristiwa.judul ?? `Dugaan pelanggaran netralitas: ${input.terlapor[0].jabatan}, ${input.terlapor[0].instansi}`;
  const late = timeliness.late;
  return {
    case: {
      id,
      trackingCode,
      pinHash: vault.mac(`${trackingCode}:${plan.pin}`),
      officeCode,
      regionCode: input.peristiwa.kodeWilayah,
      place: input.peristiwa.tempat,
      eventDate: input.peristiwa.tanggalKejadian,
      knownDate: input.peristiwa.tanggalDiketahui,
      receivedAt: now,
      electionId: plan.electionId,
      stageCode: plan.stageCode,
      regimeId: plan.regime,
      title,
      narrative: input.peristiwa.uraian,
      acts: input.perbuatan,
      evidenceUrls: input.buktiTautan,
      late,
      proposedReason: timeliness.proposedReason ?? null,
      // The receipt speaks the reporter's language (the form sends the language it was filled in).
      language: plan.language,
      searchText: searchTextOf(title, input.peristiwa, input.terlapor),
    },
    identity: {
      ciphertext: vault.encrypt(JSON.stringify(input.pelapor)),
      keyId: vault.keyId,
      category: input.pelapor.kategori,
      nikMac: plan.nikMac,
      hasEmail: Boolean(input.pelapor.email),
    },
    limit: { since: new Date(now.getTime() - 3_600_000), max: MAX_REPORTS_PER_PERSON_PER_HOUR },
    terlapor: input.terlapor.map((t) => ({
      name: t.nama,
      nip: t.nip?.replace(/\D/g, '') || null,
      position: t.jabatan,
      agency: t.instansi,
      subjectType: t.jenisSubjek,
      regionCode: t.kodeWilayah ?? null,
      searchName: regionSearchKey(t.nama),
    })),
    sealedWitnesses: input.saksi.map((s) => sealWitness(vault, { name: s.nama, address: s.alamat, phone: s.telepon ?? null })),
    event: { publicNote: 'Laporan diterima; kajian awal.', data: { late } },
    // The kajian awal clock runs from the moment the report is handed in.
    clocks: INITIAL_CLOCKS.laporan.map((ruleId) => computeDeadline(ruleId, { startAt: now, regionCode: officeCode, caseDate: now })),
    notice: {
      ...noticeForReceipt({ kind: 'laporan', trackingCode, registrationNumber: null, state: 'diterima', officeName: plan.office, late }),
      email: Boolean(input.pelapor.email),
      emailAttempts: NOTICE_EMAIL_ATTEMPTS,
    },
    jobAt: new Date(),
  };
}

async function readIdempotent(deps: CaseDeps, key: string, requestHash: string): Promise<Receipt | null> {
  const row = await findIdempotencyKey(deps.db, key);
  if (!row) return null;
  if (row.request_hash !== requestHash) {
    throw new AppError(
      'idempotency_conflict',
      {
        id: 'Idempotency-Key ini sudah dipakai untuk laporan dengan isi berbeda.',
        en: 'This Idempotency-Key was already used for a report with different content.',
      },
      { field: 'Idempotency-Key' },
    );
  }
  return JSON.parse(deps.vault.decrypt(row.response)) as Receipt;
}
