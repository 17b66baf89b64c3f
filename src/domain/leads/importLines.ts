// Bulk article import: JSON lines or CSV, each record {id?, url?, title?, text, published_at?}.
// A bad record is reported with its (first) line number and skipped; the rest is imported.
// CSV follows RFC 4180, including quoted fields that span lines (article bodies have newlines).

export type ImportFormat = 'jsonl' | 'csv';

export interface ImportRecord {
  line: number;
  id: string | null;
  url: string | null;
  title: string | null;
  text: string;
  publishedAt: string | null;
}

export interface ImportLineError {
  line: number;
  message: string;
}

export interface ParsedImport {
  records: ImportRecord[];
  errors: ImportLineError[];
}

export const MAX_IMPORT_TEXT = 2 * 1024 * 1024;
const COLUMNS = ['id', 'url', 'title', 'text', 'published_at'] as const;

const describe = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Validates one record's fields; returns the record or the reason it is refused. */
export function validateImportFields(line: number, raw: Record<string, unknown>): ImportRecord | ImportLineError {
  const fail = (message: string): ImportLineError => ({ line, message });
  const optionalString = (key: string, max: number): string | null | ImportLineError => {
    const value = raw[key];
    if (value === undefined || value === null || value === '') return null;
    if (key === 'id' && typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value !== 'string') return fail(`"${key}" must be a string, got ${describe(value)}`);
    if (value.length > max) return fail(`"${key}" is longer than ${max} characters`);
    return value.trim() || null;
  };
  const id = optionalString('id', 200);
  if (typeof id === 'object' && id) return id;
  const url = optionalString('url', 2000);
  if (typeof url === 'object' && url) return url;
  if (url && !/^https?:\/\/[^\s]+$/i.test(url)) return fail('"url" must be an http(s) address');
  const title = optionalString('title', 1000);
  if (typeof title === 'object' && title) return title;
  const text = raw.text;
  if (text === undefined || text === null) return fail('missing "text"');
  if (typeof text !== 'string') return fail(`"text" must be a string, got ${describe(text)}`);
  if (text.trim() === '') return fail('"text" is empty');
  if (text.length > MAX_IMPORT_TEXT) return fail(`"text" is longer than ${MAX_IMPORT_TEXT} characters`);
  if (text.includes('\u0000')) return fail('"text" contains NUL characters');
  const published = optionalString('published_at', 64);
  if (typeof published === 'object' && published) return published;
  let publishedAt: string | null = null;
  if (published) {
    const time = Date.parse(published);
    if (Number.isNaN(time)) return fail(`"published_at" is not a date: ${published.slice(0, 40)}`);
    publishedAt = new Date(time).toISOString();
  }
  return { line, id: id as string | null, url: url as string | null, title: title as string | null, text, publishedAt };
}

const isError = (value: ImportRecord | ImportLineError): value is ImportLineError => 'message' in value;

export function parseJsonLines(input: string): ParsedImport {
  const records: ImportRecord[] = [];
  const errors: ImportLineError[] = [];
  const lines = input.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((source, index) => {
    const line = index + 1;
    if (source.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(source);
    } catch (error) {
      errors.push({ line, message: `invalid JSON: ${(error as Error).message}` });
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      errors.push({ line, message: `expected a JSON object, got ${describe(parsed)}` });
      return;
    }
    const result = validateImportFields(line, parsed as Record<string, unknown>);
    if (isError(result)) errors.push(result);
    else records.push(result);
  });
  return { records, errors };
}

/** RFC 4180 records with the line each starts on; an unterminated quote is reported, not guessed. */
export function splitCsvRecords(input: string): { line: number; fields: string[]; error?: string }[] {
  const text = input.replace(/^\uFEFF/, '');
  const out: { line: number; fields: string[]; error?: string }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0].trim() === '')) out.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\r' && text[i + 1] === '\n') continue;
    else if (ch === '\n') {
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) {
    out.push({ line: recordLine, fields: [], error: 'unterminated quoted field' });
  } else if (field !== '' || fields.length > 0) endRecord();
  return out;
}

export function parseCsv(input: string): ParsedImport {
  const rows = splitCsvRecords(input);
  const records: ImportRecord[] = [];
  const errors: ImportLineError[] = [];
  const header = rows.shift();
  if (!header || header.error) return { records, errors: [{ line: 1, message: 'missing header row' }] };
  const names = header.fields.map((h) => h.trim().toLowerCase());
  if (!names.includes('text'))
    return { records, errors: [{ line: header.line, message: `header must name a "text" column (known: ${COLUMNS.join(', ')})` }] };
  for (const row of rows) {
    if (row.error) {
      errors.push({ line: row.line, message: row.error });
      continue;
    }
    if (row.fields.length > names.length) {
      errors.push({ line: row.line, message: `${row.fields.length} fields, header has ${names.length}` });
      continue;
    }
    const raw: Record<string, unknown> = {};
    names.forEach((name, i) => {
      if ((COLUMNS as readonly string[]).includes(name)) raw[name] = row.fields[i] ?? '';
    });
    const result = validateImportFields(row.line, raw);
    if (isError(result)) errors.push(result);
    else records.push(result);
  }
  return { records, errors };
}

export function parseImport(input: string, format: ImportFormat): ParsedImport {
  return format === 'csv' ? parseCsv(input) : parseJsonLines(input);
}
