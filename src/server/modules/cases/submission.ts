// Steps public intake (laporan, informasi) shares: region and fact checks, evidence uploads, the
// election on the event date, receipt codes.
import { randomInt } from 'node:crypto';
import type { Queryable, Tx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { stageOn } from '../../../domain/elections/cycle.ts';
import { assertUploadsStored } from '../evidence/index.ts';
import type { CaseDeps } from './deps.ts';
import { missingRegionCodes } from './repository.ts';
import { claimUpload, existingUploadIds, insertCaseEvidence } from './repository/intake.ts';

// Crockford-style alphabet without 0/O/1/I/L/U, so codes read aloud over the phone survive.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export function generateCode(prefix: 'NTR' | 'INF'): string {
  const pick = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${prefix}-${pick()}-${pick()}`;
}

const validation = (field: string, message: { id: string; en: string }) => new AppError('validation_failed', message, { field });

type RegionInput = { peristiwa: { kodeWilayah: string }; terlapor: { kodeWilayah?: string }[] };

/** The distinct region codes a report names (event region first). */
export const regionCodesOf = (input: RegionInput) => [
  ...new Set([input.peristiwa.kodeWilayah, ...input.terlapor.flatMap((t) => (t.kodeWilayah ? [t.kodeWilayah] : []))]),
];

/** Every region code of a report exists (the time zone, and so every date check, depends on it). */
export async function assertKnownRegions(db: Queryable, input: RegionInput) {
  const regionCodes = regionCodesOf(input);
  const missing = await missingRegionCodes(db, regionCodes);
  assertRegionsFound(input, new Set(regionCodes.filter((c) => !missing.includes(c))));
}

/** The same check on codes already read: a 400 naming the first unknown code and its field. */
export function assertRegionsFound(input: RegionInput, known: Set<string>) {
  const missing = regionCodesOf(input).filter((c) => !known.has(c));
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

/** The first issue of a pure fact check becomes the 400, all of them its details. */
export function assertNoIssues(issues: { field: string; id: string; en: string }[]) {
  if (issues.length > 0) {
    throw new AppError(
      'validation_failed',
      { id: issues[0].id, en: issues[0].en },
      { field: issues[0].field, details: { errors: issues } },
    );
  }
}

/** Every evidence upload exists and its bytes are stored. */
export async function assertEvidenceUploads(deps: CaseDeps, uploadIds: string[]) {
  if (uploadIds.length === 0) return;
  const known = await existingUploadIds(deps.db, uploadIds);
  const unknown = uploadIds.find((id) => !known.has(id));
  if (unknown)
    throw validation('bukti', {
      id: `Berkas bukti ${unknown} tidak ditemukan; unggah ulang.`,
      en: `Evidence upload ${unknown} not found; upload it again.`,
    });
  await assertUploadsStored(deps, uploadIds);
}

/** Binds the uploads to the case and lists them as its evidence; an upload of another case is a 400. */
export async function attachEvidence(tx: Tx, caseId: string, uploadIds: string[], at: Date) {
  for (const uploadId of uploadIds) {
    const upload = await claimUpload(tx, uploadId, caseId);
    if (!upload)
      throw validation('bukti', {
        id: `Berkas bukti ${uploadId} sudah dipakai laporan lain.`,
        en: `Evidence upload ${uploadId} belongs to another report.`,
      });
    await insertCaseEvidence(tx, caseId, upload, at);
  }
}

/** Active election and stage on the event date, for stage-dependent rules (SKB 2022). */
export function electionOn(
  context: { electionId: string | null; stages: { code: string; starts_on: string; ends_on: string }[] },
  date: string,
): { electionId: string | null; stageCode: string | null } {
  if (!context.electionId) return { electionId: null, stageCode: null };
  const stage = stageOn(
    context.stages.map((s) => ({ code: s.code, startsOn: s.starts_on, endsOn: s.ends_on })),
    date,
  );
  return { electionId: context.electionId, stageCode: stage?.code ?? null };
}

/** The words a case is found by in the full-text search. */
export const searchTextOf = (
  title: string,
  peristiwa: { uraian: string; tempat: string },
  terlapor: { nama: string; jabatan: string; instansi: string }[],
) => [title, peristiwa.uraian, peristiwa.tempat, ...terlapor.flatMap((t) => [t.nama, t.jabatan, t.instansi])].join(' \n ');
