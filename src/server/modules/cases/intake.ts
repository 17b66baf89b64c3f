// Public report intake (laporan): validate, store durably with the reporter's identity sealed,
// answer with a receipt (tracking code + PIN). An Idempotency-Key makes a retried submission
// return the same receipt instead of a second case.
import { randomInt, randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../audit/service.ts';
import { canonicalJson } from '../audit/service.ts';
import { sha256Hex } from '../../platform/storage.ts';
import { checkLaporanFacts } from '../../../domain/cases/laporanChecks.ts';
import { officeForEventRegion } from '../../../domain/cases/office.ts';
import { noticeForReceipt } from '../../../domain/cases/notices.ts';
import { assessFilingTimeliness, computeDeadline, regulationRegimesInForce } from '../../../domain/legal-clock/compute.ts';
import { localDateOf, startOfLocalDay, zoneForRegion, formatLocalDateTime } from '../../../domain/time/zones.ts';
import { stageOn } from '../../../domain/elections/cycle.ts';
import type { LaporanInput } from './schemas.ts';
import { nowOf, type CaseDeps } from './deps.ts';
import { missingRegionCodes, officeNameOf } from './repository.ts';
import { regionSearchKey } from '../../../domain/regions/search.ts';
import { INITIAL_CLOCKS } from '../../../domain/cases/stateMachine.ts';
import { sealWitness } from './witnesses.ts';

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

/** Every region code of a report exists (the time zone, and so every date check, depends on it). */
export async function assertKnownRegions(db: Queryable, input: { peristiwa: { kodeWilayah: string }; terlapor: { kodeWilayah?: string }[] }) {
  const regionCodes = [input.peristiwa.kodeWilayah, ...input.terlapor.flatMap((t) => (t.kodeWilayah ? [t.kodeWilayah] : []))];
  throwUnknownRegions(input, await missingRegionCodes(db, [...new Set(regionCodes)]));
}

/** The reads of one intake, in one statement. */
async function intakeFacts(db: Queryable, input: LaporanInput, officeCode: string, nikMac: string, since: Date) {
  const regionCodes = [...new Set([input.peristiwa.kodeWilayah, ...input.terlapor.flatMap((t) => (t.kodeWilayah ? [t.kodeWilayah] : []))])];
  // Active election and stage on the event date, for stage-dependent rules (SKB 2022).
  const row = (await db.query<{ known: string[]; office_name: string | null; recent: number; election_id: string | null; stages: { code: string; starts_on: string; ends_on: string }[] | null }>(
    `WITH election AS (
       SELECT e.id FROM elections e JOIN election_stages s ON s.election_id = e.id
       GROUP BY e.id HAVING min(s.starts_on) <= $5::date AND max(s.ends_on) + 90 >= $5::date ORDER BY e.id LIMIT 1)
     SELECT (SELECT coalesce(array_agg(code), '{}') FROM regions WHERE code = ANY($1::text[])) AS known,
            (SELECT name FROM regions WHERE code = $2) AS office_name,
            (SELECT count(*)::int FROM reporter_identities WHERE nik_mac = $3 AND created_at > $4) AS recent,
            (SELECT id FROM election) AS election_id,
            (SELECT json_agg(json_build_object('code', code, 'starts_on', starts_on, 'ends_on', ends_on) ORDER BY sort_order)
               FROM election_stages WHERE election_id = (SELECT id FROM election)) AS stages`,
    // This runs before the date checks: a year PostgreSQL has no date for (0000) must reach them, not fail here.
    [regionCodes, officeCode, nikMac, since, input.peristiwa.tanggalKejadian.startsWith('0000') ? null : input.peristiwa.tanggalKejadian])).rows[0];
  const known = new Set(row.known);
  const stage = row.election_id && row.stages
    ? stageOn(row.stages.map((s) => ({ code: s.code, startsOn: s.starts_on, endsOn: s.ends_on })), input.peristiwa.tanggalKejadian)
    : null;
  return {
    missing: regionCodes.filter((c) => !known.has(c)), officeRegionName: row.office_name, recent: row.recent,
    electionId: row.election_id, stageCode: row.election_id ? stage?.code ?? null : null,
  };
}

function throwUnknownRegions(input: { peristiwa: { kodeWilayah: string }; terlapor: { kodeWilayah?: string }[] }, missing: string[]) {
  if (missing.length > 0) {
    const field = missing.includes(input.peristiwa.kodeWilayah) ? 'peristiwa.kodeWilayah' : `terlapor.${input.terlapor.findIndex((t) => t.kodeWilayah === missing[0])}.kodeWilayah`;
    throw new AppError('region_not_found', { id: `Kode wilayah tidak dikenal: ${missing[0]}`, en: `Unknown region code: ${missing[0]}` }, { field });
  }
}

export async function submitLaporan(deps: CaseDeps, input: LaporanInput, idempotencyKey: string | null, options: { language?: 'id' | 'en' } = {}): Promise<{ receipt: Receipt; replayed: boolean }> {
  const { db, vault } = deps;
  const now = nowOf(deps);
  const requestHash = sha256Hex(canonicalJson(input));

  if (idempotencyKey) {
    const replay = await readIdempotent(deps, idempotencyKey, requestHash);
    if (replay) return { receipt: replay, replayed: true };
  }

  // Everything intake reads, in one round trip (issue 16: fewer round trips); the checks below
  // use it in the same order and with the same meaning as before.
  const nikMac = vault.mac(`nik:${input.pelapor.nik.replace(/\D/g, '')}`);
  const officeCode = officeForEventRegion(input.peristiwa.kodeWilayah);
  const facts = await intakeFacts(db, input, officeCode, nikMac, new Date(now.getTime() - 3_600_000));

  // Regions first: the time zone (and so every date check) depends on a real region code.
  throwUnknownRegions(input, facts.missing);
  const zone = zoneForRegion(input.peristiwa.kodeWilayah);
  const today = localDateOf(now, zone);
  const issues = checkLaporanFacts(input, today);
  if (issues.length > 0) {
    throw new AppError('validation_failed', { id: issues[0].id, en: issues[0].en }, { field: issues[0].field, details: { errors: issues } });
  }
  if (input.bukti.length > 0) {
    const uploads = await db.query<{ id: string; case_id: string | null }>('SELECT id, case_id FROM uploads WHERE id = ANY($1::text[])', [input.bukti]);
    const unknown = input.bukti.find((id) => !uploads.rows.some((u) => u.id === id));
    if (unknown) throw validation('bukti', { id: `Berkas bukti ${unknown} tidak ditemukan; unggah ulang.`, en: `Evidence upload ${unknown} not found; upload it again.` });
  }

  // Per-person limit instead of per-address: many phones share one carrier-grade NAT address.
  if (facts.recent >= MAX_REPORTS_PER_PERSON_PER_HOUR) {
    throw new AppError('rate_limited', {
      id: `Batas ${MAX_REPORTS_PER_PERSON_PER_HOUR} laporan per jam untuk satu pelapor tercapai. Coba lagi nanti.`,
      en: `The limit of ${MAX_REPORTS_PER_PERSON_PER_HOUR} reports per hour per reporter was reached. Try again later.`,
    }, { field: 'pelapor.nik' });
  }

  const knownAt = startOfLocalDay(input.peristiwa.tanggalDiketahui, zone);
  const timeliness = assessFilingTimeliness({ knownAt, receivedAt: now, regionCode: input.peristiwa.kodeWilayah });
  const office = officeNameOf(officeCode, facts.officeRegionName);
  const regime = regulationRegimesInForce(now, officeCode).find((r) => r.id.startsWith('perbawaslu'))?.id ?? 'perbawaslu-9-2024';
  const id = randomUUID();
  const pin = generatePin();
  const identity = vault.encrypt(JSON.stringify(input.pelapor));
  const title = input.peristiwa.judul ?? `Dugaan pelanggaran netralitas: ${input.terlapor[0].jabatan}, ${input.terlapor[0].instansi}`;
  const searchText = [title, input.peristiwa.uraian, input.peristiwa.tempat,
    ...input.terlapor.flatMap((t) => [t.nama, t.jabatan, t.instansi])].join(' \n ');

  for (let attempt = 0; ; attempt++) {
    const trackingCode = generateTrackingCode();
    const receipt: Receipt = {
      id, trackingCode, pin, state: 'diterima',
      receivedAt: now.toISOString(),
      receivedLocal: formatLocalDateTime(now, zone),
      officeCode, officeName: office,
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
        // Every row of the report in one statement (one INSERT per table as data-modifying CTEs):
        // with an Idempotency-Key, nothing is written unless the key was claimed by this statement.
        const params: unknown[] = [];
        const p = (v: unknown) => { params.push(v); return `$${params.length}`; };
        const claim = idempotencyKey
          ? `claim AS (INSERT INTO idempotency_keys (key, request_hash, response) VALUES (${p(idempotencyKey)}, ${p(requestHash)}, ${p(vault.encrypt(JSON.stringify(receipt)))})
               ON CONFLICT (key) DO NOTHING RETURNING key),`
          : '';
        const clocks = INITIAL_CLOCKS.laporan.map((ruleId) => computeDeadline(ruleId, { startAt: now, regionCode: officeCode, caseDate: now }));
        const notice = noticeForReceipt({ kind: 'laporan', trackingCode, registrationNumber: null, state: 'diterima', officeName: office, late: timeliness.late });
        const witnesses = input.saksi.map((w) => sealWitness(vault, { name: w.nama, address: w.alamat, phone: w.telepon ?? null }));
        const written = await tx.query<{ created: number }>(
          `WITH ${claim}
           c AS (
             INSERT INTO cases (id, kind, tracking_code, pin_hash, state, source, office_code, event_region_code, event_place,
               event_date, known_date, received_at, election_id, stage_code, regime_id, title, narrative, acts, evidence_urls,
               is_late, proposed_reason, search, reporter_language)
             SELECT ${p(id)}, 'laporan', ${p(trackingCode)}, ${p(vault.mac(`${trackingCode}:${pin}`))}, 'diterima', 'publik', ${p(officeCode)},
               ${p(input.peristiwa.kodeWilayah)}, ${p(input.peristiwa.tempat)}, ${p(input.peristiwa.tanggalKejadian)}::date, ${p(input.peristiwa.tanggalDiketahui)}::date,
               ${p(now)}::timestamptz, ${p(facts.electionId)}, ${p(facts.stageCode)}, ${p(regime)}, ${p(title)}, ${p(input.peristiwa.uraian)},
               ${p(input.perbuatan)}::text[], ${p(input.buktiTautan)}::text[], ${p(timeliness.late)}::boolean, ${p(timeliness.proposedReason ?? null)},
               to_tsvector('indonesian', ${p(searchText)}),
               -- The receipt speaks the reporter's language (the form sends the language it was filled in).
               ${p(options.language === 'en' ? 'en' : 'id')}
             ${idempotencyKey ? 'WHERE EXISTS (SELECT 1 FROM claim)' : ''}
             RETURNING id),
           identity AS (
             INSERT INTO reporter_identities (case_id, ciphertext, key_id, category, nik_mac, created_at)
             SELECT c.id, ${p(identity)}, ${p(vault.keyId)}, ${p(input.pelapor.kategori)}, ${p(nikMac)}, ${p(now)}::timestamptz FROM c RETURNING 1),
           terlapor AS (
             INSERT INTO case_terlapor (case_id, name, nip, position, agency, subject_type, region_code, search_name)
             SELECT c.id, t.name, t.nip, t.position, t.agency, t.subject_type, t.region_code, t.search_name
             FROM c, unnest(${p(input.terlapor.map((t) => t.nama))}::text[], ${p(input.terlapor.map((t) => t.nip?.replace(/\D/g, '') || null))}::text[],
               ${p(input.terlapor.map((t) => t.jabatan))}::text[], ${p(input.terlapor.map((t) => t.instansi))}::text[],
               ${p(input.terlapor.map((t) => t.jenisSubjek))}::text[], ${p(input.terlapor.map((t) => t.kodeWilayah ?? null))}::text[],
               ${p(input.terlapor.map((t) => regionSearchKey(t.nama)))}::text[])
               WITH ORDINALITY AS t(name, nip, position, agency, subject_type, region_code, search_name, n)
             ORDER BY t.n RETURNING 1),
           witness AS (
             INSERT INTO case_witnesses (case_id, sealed, key_id)
             SELECT c.id, w.sealed, ${p(vault.keyId)} FROM c, unnest(${p(witnesses)}::text[]) WITH ORDINALITY AS w(sealed, n) ORDER BY w.n RETURNING 1),
           event AS (
             INSERT INTO case_events (case_id, occurred_at, action, from_state, to_state, actor_id, public_note, internal_note, data, recorded_at)
             SELECT c.id, ${p(now)}::timestamptz, 'terima', NULL, 'diterima', NULL, 'Laporan diterima; kajian awal.', NULL,
               ${p(JSON.stringify({ late: timeliness.late }))}::jsonb, ${p(now)}::timestamptz FROM c RETURNING 1),
           notice AS (
             INSERT INTO notices (case_id, created_at, kind, title, body, email_state)
             SELECT c.id, ${p(now)}::timestamptz, ${p(notice.kind)}, ${p(notice.title)}, ${p(notice.body)}, ${p(input.pelapor.email ? 'queued' : 'none')} FROM c RETURNING 1),
           clock AS (
             -- The kajian awal clock runs from the moment the report is handed in.
             INSERT INTO case_clocks (case_id, rule_id, started_at, due_at, due_local, zone, source, basis, extended)
             SELECT c.id, k.rule_id, k.started_at, k.due_at, k.due_local, k.zone, k.source, k.basis, k.extended
             FROM c, unnest(${p(clocks.map((d) => d.ruleId))}::text[], ${p(clocks.map((d) => d.startAt.toISOString()))}::timestamptz[],
               ${p(clocks.map((d) => d.dueAt.toISOString()))}::timestamptz[], ${p(clocks.map((d) => d.dueLocal))}::text[], ${p(clocks.map((d) => d.zone))}::text[],
               ${p(clocks.map((d) => d.source))}::text[], ${p(clocks.map((d) => d.basis))}::text[], ${p(clocks.map((d) => d.extended))}::boolean[])
               WITH ORDINALITY AS k(rule_id, started_at, due_at, due_local, zone, source, basis, extended, n)
             ORDER BY k.n RETURNING 1),
           job AS (
             INSERT INTO jobs (name, payload, run_after, max_attempts, dedupe_key)
             SELECT 'cases.suggest_links', ${p(JSON.stringify({ caseId: id }))}::jsonb, ${p(new Date())}::timestamptz, 5, NULL FROM c
             ON CONFLICT (dedupe_key) DO NOTHING RETURNING 1)
           SELECT count(*)::int AS created FROM c`, params);
        if (written.rows[0].created === 0) throw new IdempotentReplay();
        for (const uploadId of input.bukti) {
          const upload = await tx.query<{ sha256: string; original_name: string }>(
            'UPDATE uploads SET case_id = $2 WHERE id = $1 AND (case_id IS NULL OR case_id = $2) RETURNING sha256, original_name', [uploadId, id]);
          if (upload.rows.length === 0) throw validation('bukti', { id: `Berkas bukti ${uploadId} sudah dipakai laporan lain.`, en: `Evidence upload ${uploadId} belongs to another report.` });
          await tx.query('INSERT INTO case_evidence (case_id, sha256, original_name, added_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
            [id, upload.rows[0].sha256, upload.rows[0].original_name, now]);
        }
        // No reporter identity in the audit trail: the case id and office are enough to trace.
        await appendAudit(tx, { actor: { id: null, role: 'public' }, action: 'laporan.submitted', entityType: 'case', entityId: id,
          regionCode: officeCode, at: now, data: { trackingCode, late: timeliness.late, terlapor: input.terlapor.length, evidence: input.bukti.length } });
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
  const found = await deps.db.query<{ request_hash: string; response: string }>('SELECT request_hash, response FROM idempotency_keys WHERE key = $1', [key]);
  const row = found.rows[0];
  if (!row) return null;
  if (row.request_hash !== requestHash) {
    throw new AppError('idempotency_conflict', {
      id: 'Idempotency-Key ini sudah dipakai untuk laporan dengan isi berbeda.',
      en: 'This Idempotency-Key was already used for a report with different content.',
    }, { field: 'Idempotency-Key' });
  }
  return JSON.parse(deps.vault.decrypt(row.response)) as Receipt;
}
