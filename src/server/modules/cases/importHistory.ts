// Past cases from an office's recap sheet (CSV or XLSX), all or nothing: every row is checked
// (template, dates, region, the importer's jurisdiction, registration numbers) before the first
// row is written, then all rows go in one transaction with one audit record. The registration
// number is the key: a re-import of the same file changes nothing, an edited row updates its
// imported case. Imported cases are read-only history: no clocks, no notices, no tracking code.
import type { CaseImportResult } from '../../../contracts/cases.ts';
import { createHash, randomUUID } from 'node:crypto';
import { readSheet } from 'read-excel-file/node';
import type { Db, Queryable } from '../../db/client.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { canHandleCaseIn, isSupervisor, type Principal } from '../../../domain/access/policy.ts';
import { CsvSyntaxError, readCsvRecords } from '../../../domain/io/csv.ts';
import {
  ImportRowProblem,
  mapHeader,
  parseImportRow,
  type ImportedCaseRow,
  type ImportField,
  type ImportRowError,
} from '../../../domain/cases/importCases.ts';
import { officeForEventRegion } from '../../../domain/cases/office.ts';
import { regionSearchKey } from '../../../domain/regions/search.ts';
import { startOfLocalDay, zoneForRegion, localDateOf } from '../../../domain/time/zones.ts';
import { regulationRegimesInForce } from '../../../domain/legal-clock/compute.ts';
import { invalidateStats } from '../stats/index.ts';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const CHUNK = 500;

export interface ImportFile {
  name: string;
  bytes: Buffer;
}

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

interface PlannedRow extends ImportedCaseRow {
  regionCode: string;
  regionName: string;
  officeCode: string;
  rowHash: string;
  action: Action;
  existingId: string | null;
}

const rowError = (e: ImportRowError, format: 'csv' | 'xlsx') => {
  const file = format === 'csv' ? 'CSV' : 'XLSX';
  return new AppError(
    'validation_failed',
    {
      id: `${file} baris ${e.line}, kolom ${e.column}: ${e.message.id}`,
      en: `${file} line ${e.line}, column ${e.column}: ${e.message.en}`,
    },
    { field: e.column, details: { line: e.line, column: e.column } },
  );
};

const fail = (format: 'csv' | 'xlsx', line: number, column: string, id: string, en: string) =>
  rowError({ line, column, message: { id, en } }, format);

const isXlsx = (file: ImportFile) => file.bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

const cellText = (cell: unknown): string => {
  if (cell === null || cell === undefined) return '';
  // XLSX date cells: read-excel-file gives a Date at UTC midnight of the written day.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell);
};

/** Header and rows of a CSV or XLSX file, each row with its line (spreadsheet row) number. */
export async function readImportFile(
  file: ImportFile,
): Promise<{ format: 'csv' | 'xlsx'; header: string[]; rows: { line: number; cells: string[] }[] }> {
  if (isXlsx(file)) {
    let sheet: unknown[][];
    try {
      sheet = (await readSheet(file.bytes)) as unknown[][];
    } catch (error) {
      throw new AppError(
        'validation_failed',
        {
          id: `Berkas XLSX tidak dapat dibaca: ${(error as Error).message}`,
          en: `The XLSX file cannot be read: ${(error as Error).message}`,
        },
        { field: 'file' },
      );
    }
    const rows = sheet.map((row, i) => ({ line: i + 1, cells: row.map(cellText) }));
    const [head, ...rest] = rows;
    return {
      format: 'xlsx',
      header: (head?.cells ?? []).map((h) => h.trim()),
      rows: rest.filter((r) => r.cells.some((c) => c.trim() !== '')),
    };
  }
  if (/\.xlsx?$/i.test(file.name)) {
    throw new AppError(
      'validation_failed',
      {
        id: 'Berkas .xlsx rusak atau berformat .xls lama; simpan ulang sebagai .xlsx atau CSV UTF-8.',
        en: 'The .xlsx file is damaged or an old .xls; save it again as .xlsx or UTF-8 CSV.',
      },
      { field: 'file' },
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    throw new AppError(
      'validation_failed',
      { id: 'Berkas CSV bukan UTF-8; simpan sebagai "CSV UTF-8".', en: 'The CSV file is not UTF-8; save it as "CSV UTF-8".' },
      { field: 'file' },
    );
  }
  try {
    const { header, records } = readCsvRecords(text);
    return {
      format: 'csv',
      header,
      rows: records.map((r) => ({
        line: r.line,
        cells: header.map((h) => r.values[h] ?? '').concat(r.fieldCount > header.length ? ['\u0000extra'] : []),
      })),
    };
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw fail('csv', error.line, '-', error.message.split(' / ')[0], error.message.split(' / ')[1] ?? error.message);
    throw error;
  }
}

interface RegionIndex {
  byCode: Map<string, string>;
  byName: Map<string, string[]>;
}

async function regionIndex(db: Queryable): Promise<RegionIndex> {
  const regions = await db.query<{ code: string; name: string; search_name: string }>(
    `SELECT code, name, search_name FROM regions WHERE level IN ('provinsi', 'kabupaten', 'kota')`,
  );
  const aliases = await db.query<{ search_alias: string; code: string }>(
    `SELECT a.search_alias, a.code FROM region_aliases a JOIN regions r ON r.code = a.code WHERE r.level IN ('provinsi', 'kabupaten', 'kota')`,
  );
  const byCode = new Map(regions.rows.map((r) => [r.code, r.name]));
  const byName = new Map<string, string[]>();
  const add = (key: string, code: string) => {
    const list = byName.get(key) ?? [];
    if (!list.includes(code)) list.push(code);
    byName.set(key, list);
  };
  for (const r of regions.rows) add(r.search_name, r.code);
  for (const a of aliases.rows) add(a.search_alias, a.code);
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
    if (raw.cells.length > header.length || raw.cells.includes('\u0000extra')) {
      throw fail(
        format,
        raw.line,
        header[header.length - 1],
        `lebih banyak isian daripada kolom judul (${header.length})`,
        `more fields than header columns (${header.length})`,
      );
    }
    const values: Partial<Record<ImportField, string>> = {};
    fields.forEach((f, j) => {
      if (f) values[f] = raw.cells[j] ?? '';
    });
    let row: ImportedCaseRow;
    try {
      row = parseImportRow(raw.line, values);
    } catch (e) {
      if (e instanceof ImportRowProblem) throw rowError(e.problem, format);
      throw e;
    }
    const region = resolveRegion(index, row.region);
    if (region.ambiguous) {
      throw fail(
        format,
        row.line,
        'Wilayah',
        `nama wilayah '${row.region}' tidak tunggal (${region.ambiguous.join(', ')}); tulis kode Kemendagri`,
        `region name '${row.region}' is ambiguous (${region.ambiguous.join(', ')}); use the Kemendagri code`,
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
    if (seen.has(row.registrationNumber)) {
      throw fail(
        format,
        row.line,
        'Nomor Registrasi',
        `nomor ${row.registrationNumber} sudah ada di baris ${seen.get(row.registrationNumber)}`,
        `number ${row.registrationNumber} already on line ${seen.get(row.registrationNumber)}`,
      );
    }
    seen.set(row.registrationNumber, row.line);
    planned.push({
      ...row,
      regionCode: region.code,
      regionName: index.byCode.get(region.code)!,
      officeCode,
      rowHash: hashRow(row, region.code),
      action: 'baru',
      existingId: null,
    });
    if ((i + 1) % CHUNK === 0) options.onProgress?.(i + 1, rows.length, 'periksa');
  }
  // The key: a number held by a live case, or by an import in another office, is refused.
  for (let i = 0; i < planned.length; i += CHUNK) {
    const part = planned.slice(i, i + CHUNK);
    const existing = await db.query<{
      id: string;
      registration_number: string;
      office_code: string;
      imported: boolean;
      row_hash: string | null;
    }>(
      `SELECT id, registration_number, office_code, imported_from IS NOT NULL AS imported, imported_from->>'rowHash' AS row_hash
       FROM cases WHERE registration_number = ANY($1::text[])`,
      [part.map((p) => p.registrationNumber)],
    );
    const byNumber = new Map(existing.rows.map((r) => [r.registration_number, r]));
    for (const p of part) {
      const found = byNumber.get(p.registrationNumber);
      if (!found) continue;
      if (!found.imported)
        throw fail(
          format,
          p.line,
          'Nomor Registrasi',
          `nomor ${p.registrationNumber} dipakai perkara yang ditangani di Netra`,
          `number ${p.registrationNumber} belongs to a case handled in Netra`,
        );
      if (found.office_code !== p.officeCode)
        throw fail(
          format,
          p.line,
          'Nomor Registrasi',
          `nomor ${p.registrationNumber} sudah diimpor untuk kantor ${found.office_code}`,
          `number ${p.registrationNumber} was imported for office ${found.office_code}`,
        );
      p.existingId = found.id;
      p.action = found.row_hash === p.rowHash ? 'tetap' : 'diperbarui';
    }
  }
  options.onProgress?.(rows.length, rows.length, 'periksa');
  return { format, planned };
}

/** The answer of an import (and of a dry run): its contract is src/contracts/cases.ts. */
export type { CaseImportResult };

export function assertCanImport(principal: Principal) {
  // Admins anywhere; supervisors (Bawaslu RI, provinsi, kab/kota) for their own office and below.
  if (!isSupervisor(principal) || principal.role === 'pengawas_kecamatan') throw forbidden();
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
  const count = (a: Action) => planned.filter((p) => p.action === a).length;
  const cycles: Record<string, number> = {};
  for (const p of planned) cycles[p.cycle] = (cycles[p.cycle] ?? 0) + 1;
  const result: CaseImportResult = {
    dryRun: options.dryRun,
    format,
    fileName: file.name,
    fileSha256,
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
  if (options.dryRun) return result;
  const now = options.now;
  const userId = options.viaCli ? null : principal.id;
  const actor = options.viaCli ? { id: null, role: 'cli' } : { id: principal.id, role: principal.role };
  const importedFrom = (p: PlannedRow) => ({
    source: format,
    fileName: file.name,
    fileSha256,
    importedBy: userId,
    importedByRole: actor.role,
    importedAt: now.toISOString(),
    line: p.line,
    cycle: p.cycle,
    decidedOn: p.decidedOn,
    referredTo: p.referredTo,
    followUp: p.followUp || null,
    rowHash: p.rowHash,
  });
  const caseColumns = (p: PlannedRow) => {
    const receivedAt = startOfLocalDay(p.receivedOn, zoneForRegion(p.officeCode));
    const regime =
      regulationRegimesInForce(p.receivedOn, p.officeCode).find((r) => r.id.startsWith('perbawaslu'))?.id ?? 'perbawaslu-8-2020';
    return {
      receivedAt,
      regime,
      registeredAt: p.state === 'tidak_diregistrasi' ? null : receivedAt,
      title: `Riwayat ${p.cycle}: ${p.registrationNumber}`,
      search: [p.registrationNumber, p.narrative, p.terlapor.name, p.terlapor.position, p.terlapor.agency, p.followUp].join(' \n '),
    };
  };
  const writes = planned.filter((p) => p.action !== 'tetap');
  await db.transaction(async (tx) => {
    for (let i = 0; i < writes.length; i += CHUNK) {
      const part = writes.slice(i, i + CHUNK);
      for (const p of part.filter((x) => x.action === 'diperbarui')) {
        const c = caseColumns(p);
        await tx.query(
          `UPDATE cases SET kind = $2, state = $3, event_region_code = $4, known_date = $5, received_at = $6, regime_id = $7, title = $8,
             narrative = $9, acts = $10, registered_at = $11, classification = $12, decision_summary = $13, imported_from = $14,
             search = to_tsvector('indonesian', $15), updated_at = $16 WHERE id = $1`,
          [
            p.existingId,
            p.kind,
            p.state,
            p.regionCode,
            p.receivedOn,
            c.receivedAt,
            c.regime,
            c.title,
            p.narrative,
            p.acts,
            c.registeredAt,
            p.classification,
            p.followUp || null,
            JSON.stringify(importedFrom(p)),
            c.search,
            now,
          ],
        );
        await tx.query('DELETE FROM case_terlapor WHERE case_id = $1', [p.existingId]);
      }
      const fresh = part.filter((x) => x.action === 'baru');
      for (const p of fresh) p.existingId = randomUUID();
      if (fresh.length) {
        const cols = fresh.map(caseColumns);
        await tx.query(
          `INSERT INTO cases (id, kind, state, source, office_code, event_region_code, known_date, received_at, regime_id, title, narrative,
             acts, registration_number, registered_at, classification, decision_summary, created_by, imported_from, search, created_at, updated_at)
           SELECT x.id, x.kind, x.state, 'impor', x.office, x.region, x.known::date, x.received, x.regime, x.title, x.narrative,
             ARRAY(SELECT jsonb_array_elements_text(x.acts)), x.number, x.registered, x.classification, x.summary, $17, x.imported,
             to_tsvector('indonesian', x.search), $18, $18
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::text[],
             $10::text[], $11::jsonb[], $12::text[], $13::timestamptz[], $14::text[], $15::text[], $16::jsonb[], $19::text[])
             AS x(id, kind, state, office, region, known, received, regime, title, narrative, acts, number, registered, classification, summary, imported, search)`,
          [
            fresh.map((p) => p.existingId),
            fresh.map((p) => p.kind),
            fresh.map((p) => p.state),
            fresh.map((p) => p.officeCode),
            fresh.map((p) => p.regionCode),
            fresh.map((p) => p.receivedOn),
            cols.map((c) => c.receivedAt),
            cols.map((c) => c.regime),
            cols.map((c) => c.title),
            fresh.map((p) => p.narrative),
            fresh.map((p) => JSON.stringify(p.acts)),
            fresh.map((p) => p.registrationNumber),
            cols.map((c) => c.registeredAt),
            fresh.map((p) => p.classification),
            fresh.map((p) => p.followUp || null),
            fresh.map((p) => JSON.stringify(importedFrom(p))),
            userId,
            now,
            cols.map((c) => c.search),
          ],
        );
      }
      await tx.query(
        `INSERT INTO case_terlapor (case_id, name, nip, position, agency, subject_type, region_code, search_name)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
        [
          part.map((p) => p.existingId),
          part.map((p) => p.terlapor.name || 'Tidak dicatat'),
          part.map(() => null),
          part.map((p) => p.terlapor.position),
          part.map((p) => p.terlapor.agency),
          part.map((p) => p.terlapor.subjectType),
          part.map((p) => p.regionCode),
          part.map((p) => regionSearchKey(p.terlapor.name)),
        ],
      );
      await tx.query(
        `INSERT INTO case_events (case_id, occurred_at, action, from_state, to_state, actor_id, public_note, data)
         SELECT x.id, $4, 'impor_riwayat', NULL, x.state, $5, 'Diimpor dari rekap kantor (riwayat)', x.data
         FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS x(id, state, data)`,
        [
          part.map((p) => p.existingId),
          part.map((p) => p.state),
          part.map((p) => JSON.stringify({ fileSha256, line: p.line, action: p.action, decidedOn: p.decidedOn, referredTo: p.referredTo })),
          now,
          userId,
        ],
      );
      options.onProgress?.(Math.min(i + CHUNK, writes.length), writes.length, 'tulis');
    }
    await appendAudit(tx, {
      actor,
      action: 'case.history_imported',
      entityType: 'case_import',
      entityId: fileSha256,
      regionCode: principal.regionCode ?? undefined,
      at: now,
      data: {
        fileName: file.name,
        format,
        rows: result.rows,
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        cycles,
      },
    });
  });
  invalidateStats(db);
  return result;
}
