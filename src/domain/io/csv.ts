// CSV reading with line numbers, so import errors can name line and column. One parser for every
// importer (csv-parse, RFC 4180): quoted fields may hold commas, quotes ("") and line breaks; a
// record's line is the physical line it starts on. Files saved by Excel in an Indonesian locale
// use ';' as the delimiter: the header line decides which one a file uses.
import { parse } from 'csv-parse/sync';

export interface CsvRecord {
  /** 1-based physical line the record starts on. */
  line: number;
  values: Record<string, string>;
  /** How many fields the record really had (the header decides how many it should have). */
  fieldCount: number;
}

/** A file that is not valid CSV: an unbalanced quote, a stray quote inside a field. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: 'unclosed_quote' | 'invalid_quote' | 'syntax',
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** ',' unless the header line has more ';' than ',' outside quotes (Excel id-ID "CSV"). */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** The line where a quote opens that is never closed (for a clear error). */
function unclosedQuoteLine(text: string, delimiter: string): number {
  let line = 1;
  let openedAt = 1;
  let quoted = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') i++;
      else if (ch === '"') quoted = false;
      else if (ch === '\n') line++;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      openedAt = line;
      continue;
    }
    if (ch === '\n') {
      line++;
      atFieldStart = true;
      continue;
    }
    atFieldStart = ch === delimiter || ch === '\r';
  }
  return openedAt;
}

interface ParsedRow {
  record: string[];
  raw: string;
}

/** csv-parse's typings describe `string[]` rows whatever the options; with `raw: true` each row is `{ record, raw }`. */
function isParsedRow(value: unknown): value is ParsedRow {
  return (
    typeof value === 'object' &&
    value !== null &&
    'raw' in value &&
    typeof value.raw === 'string' &&
    'record' in value &&
    Array.isArray(value.record) &&
    value.record.every((field) => typeof field === 'string')
  );
}

/** The rows with their raw text (which locates each record's first line). */
function parseWithRaw(text: string, delimiter: ',' | ';'): ParsedRow[] {
  const rows: unknown[] = parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, raw: true });
  return rows.map((row) => {
    if (!isParsedRow(row)) throw new Error('csv-parse returned a row without its raw text');
    return row;
  });
}

/** Parses the whole text; each row with the line it starts on. Throws CsvSyntaxError. */
export function parseCsvRows(text: string, delimiter: ',' | ';' = detectDelimiter(text)): { line: number; fields: string[] }[] {
  let rows: ParsedRow[];
  try {
    rows = parseWithRaw(text, delimiter);
  } catch (error) {
    const e = error as { code?: string; lines?: number; message: string };
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
      const line = unclosedQuoteLine(text.replace(/^\uFEFF/, ''), delimiter);
      throw new CsvSyntaxError(
        line,
        'unclosed_quote',
        `tanda kutip dibuka di baris ${line} tidak ditutup / quote opened on line ${line} is never closed`,
      );
    }
    if (e.code === 'INVALID_OPENING_QUOTE' || e.code === 'CSV_INVALID_CLOSING_QUOTE') {
      const line = e.lines ?? 1;
      throw new CsvSyntaxError(
        line,
        'invalid_quote',
        `tanda kutip di tengah isian; apit seluruh isian dengan tanda kutip dan gandakan kutip di dalamnya ("") / stray quote inside a field`,
      );
    }
    throw new CsvSyntaxError(e.lines ?? 1, 'syntax', e.message);
  }
  // Raw texts of consecutive records cover the whole input (blank lines included), so counting
  // their line breaks gives each record's first line, whatever the line endings.
  const newlines = (t: string) => (t.match(/\n/g) ?? []).length;
  let consumed = 0;
  const out: { line: number; fields: string[] }[] = [];
  for (const row of rows) {
    const line = 1 + consumed + newlines(/^[\r\n]*/.exec(row.raw)![0]);
    consumed += newlines(row.raw);
    if (row.record.length === 1 && row.record[0].trim() === '') continue;
    out.push({ line, fields: row.record });
  }
  return out;
}

/** Parses one CSV line with double-quote quoting (kept for callers that read single lines). */
export function parseCsvLine(line: string): string[] {
  if (line === '') return [''];
  return parseCsvRows(line, ',')[0]?.fields ?? [''];
}

/** Header row → records keyed by column name; blank lines skipped; line numbers are 1-based. */
export function readCsvRecords(text: string): { header: string[]; records: CsvRecord[]; delimiter: ',' | ';' } {
  const delimiter = detectDelimiter(text.replace(/^\uFEFF/, ''));
  const rows = parseCsvRows(text, delimiter);
  if (rows.length === 0) return { header: [], records: [], delimiter };
  const header = rows[0].fields.map((h) => h.trim());
  const records = rows.slice(1).map((row) => ({
    line: row.line,
    fieldCount: row.fields.length,
    values: Object.fromEntries(header.map((h, j) => [h, (row.fields[j] ?? '').trim()])),
  }));
  return { header, records, delimiter };
}
