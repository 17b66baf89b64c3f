// Minimal RFC 4180 CSV reading with line numbers, so import errors can name line and column.

/** Parses one CSV line with double-quote quoting. */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { fields.push(field); field = ''; }
    else field += ch;
  }
  fields.push(field);
  return fields;
}

export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

/** Header row → records keyed by column name; blank lines skipped; line numbers are 1-based. */
export function readCsvRecords(text: string): { header: string[]; records: CsvRecord[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = parseCsvLine(lines[0] ?? '').map((h) => h.trim());
  const records: CsvRecord[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const fields = parseCsvLine(lines[i]);
    records.push({ line: i + 1, values: Object.fromEntries(header.map((h, j) => [h, (fields[j] ?? '').trim()])) });
  }
  return { header, records };
}
