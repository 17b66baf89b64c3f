// Public report intake (laporan): validate, store durably with the reporter's identity sealed,
// answer with a receipt (tracking code + PIN). An Idempotency-Key makes a retried submission
// return the same receipt instead of a second case.
import { randomInt, randomUUID } from 'node:crypto';
import type { Queryable, Tx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { canonicalJson } from '../../shared/canonicalJson.ts';
import { sha256Hex } from '../../platform/storage.ts';
import { checkLaporanFacts } from '../../../domain/cases/laporanChecks.ts';
import { officeForEventRegion } from '../../../domain/cases/office.ts';
import { noticeForReceipt } from '../../../domain/cases/notices.ts';
import { assessFilingTimeliness, computeDeadline, regulationRegimesInForce } from '../../../domain/legal-clock/compute.ts';
import { localDateOf, startOfLocalDay, zoneForRegion, formatLocalDateTime } from '../../../domain/time/zones.ts';
import { stageOn } from '../../../domain/elections/cycle.ts';
import type { LaporanInput } from './schemas.ts';
import { nowOf, type CaseDeps } from './deps.ts';
import { enqueueJob } from '../../jobs/queue.ts';
import { insertCaseEvent, insertClock, insertTerlapor, missingRegionCodes, officeName } from './repository.ts';
import { insertNotice } from '../notices/index.ts';
import { INITIAL_CLOCKS } from '../../../domain/cases/stateMachine.ts';
import { insertWitnesses } from './witnesses.ts';
import { assertUploadsStored } from '../evidence/index.ts';

// Crockford-style alphabet without 0/O/1/I/L/U, so codes read aloud over the phone survive.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export function generateTrackingCode(): string {
  const pick = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `NTR-${pick()}-${pick()}`;
}
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

const validation = (field: string, message: { id: string; en: string }) => new AppError('validation_failed', message, { field });

/** Active election and stage on the event date, for stage-dependent rules (SKB 2022). */
async function electionOn(tx: Tx, date: string): Promise<{ electionId: string | null; stageCode: string | null }> {
  const elections = await tx.query<{ id: string }>(
    `SELECT e.id FROM elections e JOIN election_stages s ON s.election_id = e.id
     GROUP BY e.id HAVING min(s.starts_on) <= $1 AND max(s.ends_on) + 90 >= $1 ORDER BY e.id LIMIT 1`,
    [date],
  );
  const electionId = elections.rows[0]?.id ?? null;
  if (!electionId) return { electionId: null, stageCode: null };
  const stages = await tx.query<{ code: string; starts_on: string; ends_on: string }>(
    'SELECT code, starts_on, ends_on FROM election_stages WHERE election_id = $1 ORDER BY sort_order',
    [electionId],
  );
  const stage = stageOn(
    stages.rows.map((s) => ({ code: s.code, startsOn: s.starts_on, endsOn: s.ends_on })),
    date,
  );
  return { electionId, stageCode: stage?.code ?? null };
}

/** Every region code of a report exists (the time zone, and so every date check, depends on it). */
export async function assertKnownRegions(
  db: Queryable,
  input: { peristiwa: { kodeWilayah: string }; terlapor: { kodeWilayah?: string }[] },
) {
  const regionCodes = [input.peristiwa.kodeWilayah, ...input.terlapor.flatMap((t) => (t.kodeWilayah ? [t.kodeWilayah] : []))];
  const missing = await missingRegionCodes(db, [...new Set(regionCodes)]);
  if (missing.length > 0) {
    const field = missing.includes(input.peristiwa.kodeWilayah)
      ? 'peristiwa.kodeWilayah'
      : `terlapor.${input.terlapor.findIndex((t) => t.kodeWilayah === missing[0])}.kodeWilayah`;
    throw new AppError(
      'region_not_found',
      { id: `Kode wilayah tidak dikenal: ${missing[0]}`, en: `Unknown region code: ${missing[0]}` },
      { field },
    );
  }
}

export async function submitLaporan(
  deps: CaseDeps,
  input: LaporanInput,
  idempotencyKey: string | null,
  options: { language?: 'id' | 'en' } = {},
): Promise<{ receipt: Receipt; replayed: boolean }> {
  const { db, vault } = deps;
  const now = nowOf(deps);
  const requestHash = sha256Hex(canonicalJson(input));

  if (idempotencyKey) {
    const replay = await readIdempotent(deps, idempotencyKey, requestHash);
    if (replay) return { receipt: replay, replayed: true };
  }

  // Regions first: the time zone (and so every date check) depends on a real region code.
  await assertKnownRegions(db, input);
  const zone = zoneForRegion(input.peristiwa.kodeWilayah);
  const today = localDateOf(now, zone);
  const issues = checkLaporanFacts(input, today);
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
      throw validation('bukti', {
        id: `Berkas bukti ${unknown} tidak ditemukan; unggah ulang.`,
        en: `Evidence upload ${unknown} not found; upload it again.`,
      });
    await assertUploadsStored(deps, input.bukti);
  }

  // Per-person limit instead of per-address: many phones share one carrier-grade NAT address.
  const nikMac = vault.mac(`nik:${input.pelapor.nik.replace(/\D/g, '')}`);
  const recent = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM reporter_identities WHERE nik_mac = $1 AND created_at > $2',
    [nikMac, new Date(now.getTime() - 3_600_000)],
  );
  if (recent.rows[0].n >= MAX_REPORTS_PER_PERSON_PER_HOUR) {
    throw new AppError(
      'rate_limited',
      {
        id: `Batas ${MAX_REPORTS_PER_PERSON_PER_HOUR} laporan per jam untuk satu pelapor tercapai. Coba lagi nanti.`,
        en: `The limit of ${MAX_REPORTS_PER_PERSON_PER_HOUR} reports per hour per reporter was reached. Try again later.`,
      },
      { field: 'pelapor.nik' },
    );
  }

  const knownAt = startOfLocalDay(input.peristiwa.tanggalDiketahui, zone);
  const timeliness = assessFilingTimeliness({ knownAt, receivedAt: now, regionCode: input.peristiwa.kodeWilayah });
  const officeCode = officeForEventRegion(input.peristiwa.kodeWilayah);
  const office = await officeName(db, officeCode);
  const regime = regulationRegimesInForce(now, officeCode).find((r) => r.id.startsWith('perbawaslu'))?.id ?? 'perbawaslu-9-2024';
  const id = randomUUID();
  const pin = generatePin();
  const identity = vault.encrypt(JSON.stringify(input.pelapor));
  const title = input.peristiwa.judul ?? `Dugaan pelanggaran netralitas: ${input.terlapor[0].jabatan}, ${input.terlapor[0].instansi}`;
  const searchText = [
    title,
    input.peristiwa.uraian,
    input.peristiwa.tempat,
    ...input.terlapor.flatMap((t) => [t.nama, t.jabatan, t.instansi]),
  ].join(' \n ');

  for (let attempt = 0; ; attempt++) {
    const trackingCode = generateTrackingCode();
    const receipt: Receipt = {
      id,
      trackingCode,
      pin,
      state: 'diterima',
      receivedAt: now.toISOString(),
      receivedLocal: formatLocalDateTime(now, zone),
      officeCode,
      officeName: office,
      late: timeliness.late,
      proposedReason: timeliness.proposedReason ?? null,
      filingDeadlineLocal: timeliness.deadline.dueLocal,
      terlapor: input.terlapor.map((t) => ({ jabatan: t.jabatan, instansi: t.instansi })),
      message: {
        id: `Laporan Anda diterima. Simpan kode ${trackingCode} dan PIN ${pin} untuk melacak status laporan.`,
        en: `Your report was received. Keep code ${trackingCode} and PIN ${pin} to track its status.`,
      },
    };
    try {
      await db.transaction(async (tx) => {
        if (idempotencyKey) {
          const claimed = await tx.query(
            `INSERT INTO idempotency_keys (key, request_hash, response) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING RETURNING key`,
            [idempotencyKey, requestHash, vault.encrypt(JSON.stringify(receipt))],
          );
          if (claimed.rows.length === 0) throw new IdempotentReplay();
        }
        const { electionId, stageCode } = await electionOn(tx, input.peristiwa.tanggalKejadian);
        await tx.query(
          `INSERT INTO cases (id, kind, tracking_code, pin_hash, state, source, office_code, event_region_code, event_place,
             event_date, known_date, received_at, election_id, stage_code, regime_id, title, narrative, acts, evidence_urls,
             is_late, proposed_reason, search)
           VALUES ($1, 'laporan', $2, $3, 'diterima', 'publik', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
             to_tsvector('indonesian', $19))`,
          [
            id,
            trackingCode,
            vault.mac(`${trackingCode}:${pin}`),
            officeCode,
            input.peristiwa.kodeWilayah,
            input.peristiwa.tempat,
            input.peristiwa.tanggalKejadian,
            input.peristiwa.tanggalDiketahui,
            now,
            electionId,
            stageCode,
            regime,
            title,
            input.peristiwa.uraian,
            input.perbuatan,
            input.buktiTautan,
            timeliness.late,
            timeliness.proposedReason ?? null,
            searchText,
          ],
        );
        // The receipt speaks the reporter's language (the form sends the language it was filled in).
        if (options.language === 'en') await tx.query(`UPDATE cases SET reporter_language = 'en' WHERE id = $1`, [id]);
        await tx.query(
          'INSERT INTO reporter_identities (case_id, ciphertext, key_id, category, nik_mac, created_at, has_email) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [id, identity, vault.keyId, input.pelapor.kategori, nikMac, now, Boolean(input.pelapor.email)],
        );
        await insertTerlapor(tx, id, input.terlapor);
        await insertWitnesses(
          tx,
          vault,
          id,
          input.saksi.map((s) => ({ name: s.nama, address: s.alamat, phone: s.telepon ?? null })),
        );
        for (const uploadId of input.bukti) {
          const upload = await tx.query<{ sha256: string; original_name: string }>(
            'UPDATE uploads SET case_id = $2 WHERE id = $1 AND (case_id IS NULL OR case_id = $2) RETURNING sha256, original_name',
            [uploadId, id],
          );
          if (upload.rows.length === 0)
            throw validation('bukti', {
              id: `Berkas bukti ${uploadId} sudah dipakai laporan lain.`,
              en: `Evidence upload ${uploadId} belongs to another report.`,
            });
          await tx.query(
            'INSERT INTO case_evidence (case_id, sha256, original_name, added_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
            [id, upload.rows[0].sha256, upload.rows[0].original_name, now],
          );
        }
        await insertCaseEvent(tx, {
          caseId: id,
          at: now,
          action: 'terima',
          fromState: null,
          toState: 'diterima',
          actorId: null,
          publicNote: 'Laporan diterima; kajian awal.',
          data: { late: timeliness.late },
        });
        const notice = noticeForReceipt({
          kind: 'laporan',
          trackingCode,
          registrationNumber: null,
          state: 'diterima',
          officeName: office,
          late: timeliness.late,
        });
        await insertNotice(tx, { caseId: id, at: now, ...notice, email: Boolean(input.pelapor.email) });
        // The kajian awal clock runs from the moment the report is handed in.
        for (const ruleId of INITIAL_CLOCKS.laporan) {
          await insertClock(tx, id, computeDeadline(ruleId, { startAt: now, regionCode: officeCode, caseDate: now }));
        }
        await enqueueJob(tx, 'cases.suggest_links', { caseId: id });
        // No reporter identity in the audit trail: the case id and office are enough to trace.
        await appendAudit(tx, {
          actor: { id: null, role: 'public' },
          action: 'laporan.submitted',
          entityType: 'case',
          entityId: id,
          regionCode: officeCode,
          at: now,
          data: { trackingCode, late: timeliness.late, terlapor: input.terlapor.length, evidence: input.bukti.length },
        });
      });
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

async function readIdempotent(deps: CaseDeps, key: string, requestHash: string): Promise<Receipt | null> {
  const found = await deps.db.query<{ request_hash: string; response: string }>(
    'SELECT request_hash, response FROM idempotency_keys WHERE key = $1',
    [key],
  );
  const row = found.rows[0];
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
