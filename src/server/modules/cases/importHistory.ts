// Past cases from an office's recap sheet (CSV or XLSX), all or nothing: every row is checked
// (template, dates, region, the importer's jurisdiction, registration numbers) before the first
// row is written, then all rows go in one transaction with one audit record. The registration
// number is the key: a re-import of the same file changes nothing, an edited row updates its
// imported case. Imported cases are read-only history: no clocks, no notices, no tracking code.
import type { CaseImportResult } from '../../../contracts/cases.ts';
import { createHash, randomUUID } from 'node:crypto';
import type { Db, Queryable, Tx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { canHandleCaseIn, type Principal } from '../../../domain/access/policy.ts';
import { ImportRowProblem, mapHeader, parseImportRow, type ImportedCaseRow, type ImportField } from '../../../domain/cases/importCases.ts';
import { officeForEventRegion } from '../../../domain/cases/office.ts';
import { regionSearchKey } from '../../../domain/regions/search.ts';
import { startOfLocalDay, zoneForRegion, localDateOf } from '../../../domain/time/zones.ts';
import type { LocalDate } from '../../../domain/time/localDate.ts';
import { regulationRegimesInForce } from '../../../domain/legal-clock/compute.ts';
import { invalidateStats } from '../stats/index.ts';
import { fail, readImportFile, rowError, type ImportFile } from './importFile.ts';
import { assertCanImport } from './policy.ts';
import {
  findCasesByRegistrationNumber,
  insertImportedCases,
  insertImportedTerlapor,
  insertImportEvents,
  listImportRegions,
  updateImportedCase,
  type ImportedCaseColumns,
} from './repository/importHistory.ts';

export { assertCanImport, readImportFile, type ImportFile };

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const CHUNK = 500;

export interface ImportOptions {
  dryRun: boolean;
  now: Date;
  /** Called after each chunk is checked or written: (rows done, rows in all). */
  onProgress?: (done: number, total: number, phase: 'periksa' | 'tulis') => void;
  /** From `netra import cases` on the server itself: no user row; audited as the command line. */
  viaCli?: boolean;
}

/** The principal the command line imports as: national scope, no user row. */
export const CLI_PRINCIPAL: Principal = { id: 'cli', role: 'admin', regionCode: null, agency: null };

type Action = 'baru' | 'diperbarui' | 'tetap';
type Format = 'csv' | 'xlsx';

interface PlannedRow extends ImportedCaseRow {
  regionCode: string;
  regionName: string;
  officeCode: string;
  rowHash: string;
  action: Action;
  existingId: string | null;
}

interface RegionIndex {
  byCode: Map<string, string>;
  byName: Map<string, string[]>;
}

async function regionIndex(db: Queryable): Promise<RegionIndex> {
  const { regions, aliases } = await listImportRegions(db);
  const byCode = new Map(regions.map((r) => [r.code, r.name]));
  const byName = new Map<string, string[]>();
  const add = (key: string, code: string) => {
    const list = byName.get(key) ?? [];
    if (!list.includes(code)) list.push(code);
    byName.set(key, list);
  };
  for (const r of regions) add(r.search_name, r.code);
  for (const a of aliases) add(a.search_alias, a.code);
  return { byCode, byName };
}

function resolveRegion(index: RegionIndex, written: string): { code?: string; ambiguous?: string[] } {
  const code = written.trim();
  if (/^\d{2}(\.\d{2})?$/.test(code)) return index.byCode.has(code) ? { code } : {};
  const key = regionSearchKey(written)
    .replace(/^kab /, 'kabupaten ')
    .replace(/^prov /, 'provinsi ')
    .replace(/^provinsi /, '');
  const found = index.byName.get(key) ?? index.byName.get(regionSearchKey(written)) ?? [];
  if (found.length === 1) return { code: found[0] };
  if (found.length > 1) return { ambiguous: found };
  return {};
}

const hashRow = (row: ImportedCaseRow, regionCode: string) =>
  createHash('sha256')
    .update(JSON.stringify({ ...row, line: undefined, regionCode }))
    .digest('hex');

/** One sheet row parsed into a case row (template rules in domain/cases/importCases.ts). */
function parseRow(
  format: Format,
  header: string[],
  fields: (ImportField | undefined)[],
  raw: { line: number; cells: string[] },
): ImportedCaseRow {
  if (raw.cells.length > header.length || raw.cells.includes('\u0000extra')) {
    const n = header.length;
    throw fail(format, raw.line, header[n - 1], `lebih banyak isian daripada kolom judul (${n})`, `more fields than header columns (${n})`);
  }
  const values: Partial<Record<ImportField, string>> = {};
  fields.forEach((f, j) => {
    if (f) values[f] = raw.cells[j] ?? '';
  });
  try {
    return parseImportRow(raw.line, values);
  } catch (e) {
    if (e instanceof ImportRowProblem) throw rowError(e.problem, format);
    throw e;
  }
}

/** A parsed row placed: its region and office (within the importer's jurisdiction), its date not in the future. */
function placeRow(format: Format, index: RegionIndex, principal: Principal, row: ImportedCaseRow, today: LocalDate): PlannedRow {
  const region = resolveRegion(index, row.region);
  if (region.ambiguous) {
    const list = region.ambiguous.join(', ');
    throw fail(
      format,
      row.line,
      'Wilayah',
      `nama wilayah '${row.region}' tidak tunggal (${list}); tulis kode Kemendagri`,
      `region name '${row.region}' is ambiguous (${list}); use the Kemendagri code`,
    );
  }
  if (!region.code)
    throw fail(
      format,
      row.line,
      'Wilayah',
      `wilayah tidak dikenal: '${row.region}' (kode provinsi 35 atau kabupaten/kota 35.07, atau nama resmi)`,
      `unknown region: '${row.region}'`,
    );
  const officeCode = officeForEventRegion(region.code);
  if (!canHandleCaseIn(principal, officeCode)) {
    throw fail(
      format,
      row.line,
      'Wilayah',
      `wilayah ${region.code} di luar wilayah kerja Anda`,
      `region ${region.code} is outside your jurisdiction`,
    );
  }
  if (row.receivedOn > today) throw fail(format, row.line, 'Tanggal Diterima/Ditemukan', 'tanggal di masa depan', 'date in the future');
  const regionName = index.byCode.get(region.code)!;
  return { ...row, regionCode: region.code, regionName, officeCode, rowHash: hashRow(row, region.code), action: 'baru', existingId: null };
}

/** Checks the whole file; throws at the first problem, naming line and column. */
async function planImport(db: Queryable, file: ImportFile, principal: Principal, options: ImportOptions) {
  const { format, header, rows } = await readImportFile(file);
  const { fields, error } = mapHeader(header);
  if (error) throw rowError(error, format);
  if (rows.length === 0) throw fail(format, 2, header[0] ?? '-', 'berkas tidak berisi data', 'no data rows');
  const index = await regionIndex(db);
  const seen = new Map<string, number>();
  const planned: PlannedRow[] = [];
  const today = localDateOf(options.now, 'WIB');
  for (const [i, raw] of rows.entries()) {
    const row = placeRow(format, index, principal, parseRow(format, header, fields, raw), today);
    const earlier = seen.get(row.registrationNumber);
    if (earlier !== undefined) {
      const n = row.registrationNumber;
      throw fail(
        format,
        row.line,
        'Nomor Registrasi',
        `nomor ${n} sudah ada di baris ${earlier}`,
        `number ${n} already on line ${earlier}`,
      );
    }
    seen.set(row.registrationNumber, row.line);
    planned.push(row);
    if ((i + 1) % CHUNK === 0) options.onProgress?.(i + 1, rows.length, 'periksa');
  }
  for (let i = 0; i < planned.length; i += CHUNK) await matchExisting(db, format, planned.slice(i, i + CHUNK));
  options.onProgress?.(rows.length, rows.length, 'periksa');
  return { format, planned };
}

/** The key: a number held by a live case, or by an import in another office, is refused; an imported one is kept or updated. */
async function matchExisting(db: Queryable, format: Format, part: PlannedRow[]) {
  const existing = await findCasesByRegistrationNumber(
    db,
    part.map((p) => p.registrationNumber),
  );
  const byNumber = new Map(existing.map((r) => [r.registration_number, r]));
  for (const p of part) {
    const found = byNumber.get(p.registrationNumber);
    if (!found) continue;
    const n = p.registrationNumber;
    if (!found.imported)
      throw fail(
        format,
        p.line,
        'Nomor Registrasi',
        `nomor ${n} dipakai perkara yang ditangani di Netra`,
        `number ${n} belongs to a case handled in Netra`,
      );
    if (found.office_code !== p.officeCode) {
      const office = found.office_code;
      throw fail(
        format,
        p.line,
        'Nomor Registrasi',
        `nomor ${n} sudah diimpor untuk kantor ${office}`,
        `number ${n} was imported for office ${office}`,
      );
    }
    p.existingId = found.id;
    p.action = found.row_hash === p.rowHash ? 'tetap' : 'diperbarui';
  }
}

/** The answer of an import (and of a dry run): its contract is src/contracts/cases.ts. */
export type { CaseImportResult };

function summarise(
  planned: PlannedRow[],
  meta: { dryRun: boolean; format: Format; fileName: string; fileSha256: string },
): CaseImportResult {
  const count = (a: Action) => planned.filter((p) => p.action === a).length;
  const cycles: Record<string, number> = {};
  for (const p of planned) cycles[p.cycle] = (cycles[p.cycle] ?? 0) + 1;
  return {
    ...meta,
    rows: planned.length,
    created: count('baru'),
    updated: count('diperbarui'),
    unchanged: count('tetap'),
    cycles,
    preview: planned.slice(0, 100).map((p) => ({
      line: p.line,
      registrationNumber: p.registrationNumber,
      kind: p.kind,
      regionCode: p.regionCode,
      regionName: p.regionName,
      receivedOn: p.receivedOn,
      state: p.state,
      decidedOn: p.decidedOn,
      referredTo: p.referredTo?.authority ?? null,
      cycle: p.cycle,
      action: p.action,
    })),
  };
}

export async function importCaseHistory(db: Db, file: ImportFile, principal: Principal, options: ImportOptions): Promise<CaseImportResult> {
  assertCanImport(principal);
  if (file.bytes.length > MAX_IMPORT_BYTES) {
    throw new AppError(
      'payload_too_large',
      { id: 'Berkas lebih dari 20 MB; bagi menjadi beberapa berkas.', en: 'The file is over 20 MB; split it.' },
      { field: 'file' },
    );
  }
  const fileSha256 = createHash('sha256').update(file.bytes).digest('hex');
  const { format, planned } = await planImport(db, file, principal, options);
  const result = summarise(planned, { dryRun: options.dryRun, format, fileName: file.name, fileSha256 });
  if (options.dryRun) return result;
  const actor = options.viaCli ? { id: null, role: 'cli' } : { id: principal.id, role: principal.role };
  const write: ImportWrite = {
    file,
    fileSha256,
    format,
    now: options.now,
    userId: options.viaCli ? null : principal.id,
    actorRole: actor.role,
  };
  await db.transaction(async (tx) => {
    const writes = planned.filter((p) => p.action !== 'tetap');
    for (let i = 0; i < writes.length; i += CHUNK) {
      await writeChunk(tx, write, writes.slice(i, i + CHUNK));
      options.onProgress?.(Math.min(i + CHUNK, writes.length), writes.length, 'tulis');
    }
    const { rows, created, updated, unchanged, cycles } = result;
    await appendAudit(tx, {
      actor,
      action: 'case.history_imported',
      entityType: 'case_import',
      entityId: fileSha256,
      regionCode: principal.regionCode ?? undefined,
      at: options.now,
      data: { fileName: file.name, format, rows, created, updated, unchanged, cycles },
    });
  });
  invalidateStats(db);
  return result;
}

interface ImportWrite {
  file: ImportFile;
  fileSha256: string;
  format: Format;
  now: Date;
  userId: string | null;
  actorRole: string;
}

/** The case columns of a planned row, with where it came from (cases.imported_from). */
function caseColumns(w: ImportWrite, p: PlannedRow, id: string): ImportedCaseColumns {
  const receivedAt = startOfLocalDay(p.receivedOn, zoneForRegion(p.officeCode));
  const importedFrom = {
    source: w.format,
    fileName: w.file.name,
    fileSha256: w.fileSha256,
    importedBy: w.userId,
    importedByRole: w.actorRole,
    importedAt: w.now.toISOString(),
    line: p.line,
    cycle: p.cycle,
    decidedOn: p.decidedOn,
    referredTo: p.referredTo,
    followUp: p.followUp || null,
    rowHash: p.rowHash,
  };
  return {
    id,
    kind: p.kind,
    state: p.state,
    officeCode: p.officeCode,
    regionCode: p.regionCode,
    knownDate: p.receivedOn,
    receivedAt,
    regimeId: regulationRegimesInForce(p.receivedOn, p.officeCode).find((r) => r.id.startsWith('perbawaslu'))?.id ?? 'perbawaslu-8-2020',
    title: `Riwayat ${p.cycle}: ${p.registrationNumber}`,
    narrative: p.narrative,
    acts: p.acts,
    registrationNumber: p.registrationNumber,
    registeredAt: p.state === 'tidak_diregistrasi' ? null : receivedAt,
    classification: p.classification,
    summary: p.followUp || null,
    importedFrom: JSON.stringify(importedFrom),
    searchText: [p.registrationNumber, p.narrative, p.terlapor.name, p.terlapor.position, p.terlapor.agency, p.followUp].join(' \n '),
  };
}

/** Updated cases rewritten, new ones inserted, then every row's terlapor and its import event. */
async function writeChunk(tx: Tx, w: ImportWrite, part: PlannedRow[]) {
  for (const p of part.filter((x) => x.action === 'diperbarui')) await updateImportedCase(tx, caseColumns(w, p, p.existingId!), w.now);
  const fresh = part.filter((x) => x.action === 'baru');
  for (const p of fresh) p.existingId = randomUUID();
  if (fresh.length)
    await insertImportedCases(
      tx,
      fresh.map((p) => caseColumns(w, p, p.existingId!)),
      w.userId,
      w.now,
    );
  await insertImportedTerlapor(
    tx,
    part.map((p) => ({
      caseId: p.existingId!,
      name: p.terlapor.name || 'Tidak dicatat',
      position: p.terlapor.position,
      agency: p.terlapor.agency,
      subjectType: p.terlapor.subjectType,
      regionCode: p.regionCode,
      searchName: regionSearchKey(p.terlapor.name),
    })),
  );
  const events = part.map((p) => ({
    caseId: p.existingId!,
    state: p.state,
    data: JSON.stringify({ fileSha256: w.fileSha256, line: p.line, action: p.action, decidedOn: p.decidedOn, referredTo: p.referredTo }),
  }));
  await insertImportEvents(tx, events, w.now, w.userId);
}
