// Reading a recap sheet (CSV or XLSX) into header and rows with their line numbers, and the
// problem+json of a row that cannot be imported (line and column named).
import { readSheet } from 'read-excel-file/node';
import { AppError } from '../../platform/errors.ts';
import { CsvSyntaxError, readCsvRecords } from '../../../domain/io/csv.ts';
import type { ImportRowError } from '../../../domain/cases/importCases.ts';

export interface ImportFile {
  name: string;
  bytes: Buffer;
}

export const rowError = (e: ImportRowError, format: 'csv' | 'xlsx') => {
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

export const fail = (format: 'csv' | 'xlsx', line: number, column: string, id: string, en: string) =>
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
