// Informasi awal from the public, without identity: it lands in the responsible office's queue
// as a temuan in state informasi_awal (source 'informasi_publik'), like a supervisor's own
// informasi awal. The answer is a receipt code only: there is no PIN, no tracking, no notices,
// because the sender has no standing as pelapor. A repeat of the same text in the same region
// within INFORMASI_FOLD_HOURS folds onto the first and gets the first's receipt code.
import { randomInt, randomUUID } from 'node:crypto';
import { AppError, forbidden } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { canHandleCaseIn, isReadOnly, isSupervisor, type Principal } from '../../../domain/access/policy.ts';
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
import { assertKnownRegions } from './intake.ts';
import { applyCaseAction } from './handling.ts';
import { assertUploadsStored } from '../evidence/index.ts';

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 'INF-…': visibly not a tracking code (no PIN, nothing to track). */
export function generateInformasiCode(): string {
  const pick = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `INF-${pick()}-${pick()}`;
}

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

export async function submitInformasi(deps: CaseDeps, input: InformasiInput): Promise<{ receipt: InformasiReceipt; created: boolean }> {
  const { db } = deps;
  const now = nowOf(deps);
  await assertKnownRegions(db, input);
  const zone = zoneForRegion(input.peristiwa.kodeWilayah);
  const issues = checkIncidentFacts(input, localDateOf(now, zone));
  if (issues.length > 0) {
    throw new AppError(
      'validation_failed',
      { id: issues[0].id, en: issues[0].en },
      { field: issues[0].field, details: { errors: issues } },
    );
  }
  if (input.bukti.length > 0) {
    const uploads = await db.query<{ id: string; case_id: string | null }>('SELECT id, case_id FROM uploads WHERE id = ANY($1::text[])', [
      input.bukti,
    ]);
    const unknown = input.bukti.find((id) => !uploads.rows.some((u) => u.id === id));
    if (unknown)
      throw new AppError(
        'validation_failed',
        { id: `Berkas bukti ${unknown} tidak ditemukan; unggah ulang.`, en: `Evidence upload ${unknown} not found; upload it again.` },
        { field: 'bukti' },
      );
    await assertUploadsStored(deps, input.bukti);
  }

  const officeCode = officeForEventRegion(input.peristiwa.kodeWilayah);
  const office = await officeName(db, officeCode);
  const key = foldKey(input.peristiwa.uraian);
  const receivedLocal = formatLocalDateTime(now, zone);

  return db.transaction(async (tx) => {
    // Serialise submissions for one region so two copies sent at once cannot both be "first".
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`informasi:${input.peristiwa.kodeWilayah}`]);
    const earlier = await tx.query<{ id: string; tracking_code: string; state: string }>(
      `SELECT id, tracking_code, state FROM cases
       WHERE source = $1 AND event_region_code = $2 AND received_at > $3 AND fold_key IS NOT NULL AND similarity(fold_key, $4) >= $5
       ORDER BY received_at LIMIT 1`,
      [
        PUBLIC_INFORMASI_SOURCE,
        input.peristiwa.kodeWilayah,
        new Date(now.getTime() - INFORMASI_FOLD_HOURS * 3_600_000),
        key,
        INFORMASI_FOLD_SIMILARITY,
      ],
    );
    const first = earlier.rows[0];
    if (first) {
      await insertCaseEvent(tx, {
        caseId: first.id,
        at: now,
        action: 'informasi_berulang',
        fromState: first.state,
        toState: first.state,
        actorId: null,
        data: { folded: true, evidence: input.bukti.length },
      });
      await appendAudit(tx, {
        actor: { id: null, role: 'public' },
        action: 'informasi.folded',
        entityType: 'case',
        entityId: first.id,
        regionCode: officeCode,
        at: now,
        data: { receiptCode: first.tracking_code },
      });
      return {
        receipt: {
          receiptCode: first.tracking_code,
          receivedLocal,
          officeName: office,
          folded: true,
          message: messageFor(first.tracking_code, office, true),
        },
        created: false,
      };
    }

    const id = randomUUID();
    const code = generateInformasiCode();
    const regime = regulationRegimesInForce(now, officeCode).find((r) => r.id.startsWith('perbawaslu'))?.id ?? 'perbawaslu-9-2024';
    const title = input.peristiwa.judul ?? `Informasi awal dari publik: ${input.terlapor[0].jabatan}, ${input.terlapor[0].instansi}`;
    await tx.query(
      `INSERT INTO cases (id, kind, tracking_code, state, source, office_code, event_region_code, event_place, event_date, known_date,
         received_at, regime_id, title, narrative, acts, evidence_urls, fold_key, search)
       VALUES ($1, 'temuan', $2, 'informasi_awal', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, to_tsvector('indonesian', $16))`,
      [
        id,
        code,
        PUBLIC_INFORMASI_SOURCE,
        officeCode,
        input.peristiwa.kodeWilayah,
        input.peristiwa.tempat,
        input.peristiwa.tanggalKejadian,
        input.peristiwa.tanggalDiketahui,
        now,
        regime,
        title,
        input.peristiwa.uraian,
        input.perbuatan,
        input.buktiTautan,
        key,
        [title, input.peristiwa.uraian, input.peristiwa.tempat, ...input.terlapor.flatMap((t) => [t.nama, t.jabatan, t.instansi])].join(
          ' \n ',
        ),
      ],
    );
    await insertTerlapor(tx, id, input.terlapor);
    for (const uploadId of input.bukti) {
      const upload = await tx.query<{ sha256: string; original_name: string }>(
        'UPDATE uploads SET case_id = $2 WHERE id = $1 AND (case_id IS NULL OR case_id = $2) RETURNING sha256, original_name',
        [uploadId, id],
      );
      if (upload.rows.length === 0)
        throw new AppError(
          'validation_failed',
          { id: `Berkas bukti ${uploadId} sudah dipakai laporan lain.`, en: `Evidence upload ${uploadId} belongs to another report.` },
          { field: 'bukti' },
        );
      await tx.query(
        'INSERT INTO case_evidence (case_id, sha256, original_name, added_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [id, upload.rows[0].sha256, upload.rows[0].original_name, now],
      );
    }
    // Bawaslu knows of it from the moment it arrives: the temuan clock runs from receipt.
    for (const ruleId of INITIAL_CLOCKS.temuan) {
      await insertClock(tx, id, computeDeadline(ruleId, { startAt: now, regionCode: officeCode, caseDate: now }));
    }
    await insertCaseEvent(tx, {
      caseId: id,
      at: now,
      action: 'catat_informasi_awal',
      fromState: null,
      toState: 'informasi_awal',
      actorId: null,
      data: { source: PUBLIC_INFORMASI_SOURCE },
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
      receipt: { receiptCode: code, receivedLocal, officeName: office, folded: false, message: messageFor(code, office, false) },
      created: true,
    };
  });
}

/** A supervisor's one-click dismissal of public informasi (spam, unusable): stops it with a fixed reason, audited. */
export async function dismissPublicInformasi(deps: CaseDeps, principal: Principal, caseId: string) {
  if (!isSupervisor(principal) || isReadOnly(principal)) throw forbidden();
  const found = await findCase(deps.db, caseId);
  if (!found || !canHandleCaseIn(principal, found.office_code))
    throw new AppError('not_found', { id: 'Perkara tidak ditemukan.', en: 'Case not found.' });
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
