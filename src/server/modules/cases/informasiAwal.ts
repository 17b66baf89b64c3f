// A supervisor records informasi awal (field, cyber patrol, media lead); it may become a temuan.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import type { Principal } from '../../../domain/access/policy.ts';
import { INITIAL_CLOCKS } from '../../../domain/cases/stateMachine.ts';
import { officeForEventRegion } from '../../../domain/cases/office.ts';
import { regulationRegimesInForce } from '../../../domain/legal-clock/compute.ts';
import { startOfLocalDay, zoneForRegion } from '../../../domain/time/zones.ts';
import { enqueueJob } from '../../jobs/queue.ts';
import type { TemuanInput } from './schemas.ts';
import { nowOf, type CaseDeps } from './deps.ts';
import { findCase, insertCaseEvent, insertTerlapor, missingRegionCodes } from './repository.ts';
import { insertInformasiCase } from './repository/intake.ts';
import { startClock } from './handling.ts';
import { assertCanCreateIn } from './policy.ts';

const invalid = (field: string, id: string, en: string) => new AppError('validation_failed', { id, en }, { field });

/** Regions exist, dates are in order and not in the future; resolves to when Bawaslu knew. */
async function checkInformasiAwal(deps: CaseDeps, input: TemuanInput, officeCode: string, now: Date): Promise<Date> {
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
    throw invalid(
      'tanggalKejadian',
      'Tanggal kejadian tidak boleh sesudah tanggal diketahui.',
      'The event cannot be after the date it became known.',
    );
  }
  const knownAt = startOfLocalDay(input.tanggalDiketahui, zoneForRegion(officeCode));
  if (knownAt > now)
    throw invalid('tanggalDiketahui', 'Tanggal diketahui tidak boleh di masa depan.', 'The date known cannot be in the future.');
  return knownAt;
}

export async function createInformasiAwal(deps: CaseDeps, principal: Principal, input: TemuanInput) {
  const officeCode = officeForEventRegion(input.kodeWilayah);
  assertCanCreateIn(principal, officeCode);
  const now = nowOf(deps);
  const knownAt = await checkInformasiAwal(deps, input, officeCode, now);
  const id = randomUUID();
  const regime = regulationRegimesInForce(now, officeCode).find((r) => r.id.startsWith('perbawaslu'))?.id ?? 'perbawaslu-9-2024';
  const searchText = [input.judul, input.uraian, input.tempat, ...input.terlapor.flatMap((t) => [t.nama, t.jabatan, t.instansi])].join(
    ' \n ',
  );
  const data = { source: input.sumber, leadId: input.leadId ?? null };
  await deps.db.transaction(async (tx) => {
    await insertInformasiCase(tx, {
      id,
      source: input.sumber,
      officeCode,
      regionCode: input.kodeWilayah,
      place: input.tempat,
      eventDate: input.tanggalKejadian,
      knownDate: input.tanggalDiketahui,
      receivedAt: now,
      regimeId: regime,
      title: input.judul,
      narrative: input.uraian,
      acts: input.perbuatan,
      evidenceUrls: input.buktiTautan,
      createdBy: principal.id,
      searchText,
    });
    await insertTerlapor(tx, id, input.terlapor);
    const row = (await findCase(tx, id))!;
    // Perbawaslu 14/2017 Pasal 5: the temuan is set within 7 days of the violation being known.
    for (const ruleId of INITIAL_CLOCKS.temuan) await startClock(tx, row, ruleId, knownAt);
    const event = {
      caseId: id,
      at: now,
      action: 'catat_informasi_awal',
      fromState: null,
      toState: 'informasi_awal',
      actorId: principal.id,
      data,
    };
    await insertCaseEvent(tx, event);
    await enqueueJob(tx, 'cases.suggest_links', { caseId: id });
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: 'temuan.informasi_awal_created',
      entityType: 'case',
      entityId: id,
      regionCode: officeCode,
      at: now,
      data,
    });
  });
  return { id, state: 'informasi_awal' as const, officeCode };
}
