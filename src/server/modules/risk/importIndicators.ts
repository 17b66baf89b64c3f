// Risk-index indicators imported from CSV, all-or-nothing: every line is checked before the
// first row is written, and the rows go in one transaction with their audit record. An error
// names the line and the column of the first problem.
//
// IKP (POST /api/v1/risk/import/ikp), one row per province or kabupaten/kota:
//   region_code  (required) Kemendagri code, '16' or '16.02'
//   score        (required) IKP score 0–100 (decimal point, not comma)
//   category     (optional) 'tinggi' | 'sedang' | 'rendah' as published by Bawaslu
//   source       (required) where the figure comes from (URL or document)
// History (POST /api/v1/risk/import/history), one row per region:
//   region_code  (required)
//   cases        (required) count of ASN neutrality cases in that election, integer ≥ 0
//   source       (required)
//   election     (optional) label, default 'Pilkada 2020'
//   asn_headcount (optional) number of ASN in the region, for rates
//   voters_without_ektp_pct (optional) share of voters without e-KTP, 0–100
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError, type LocalizedMessage } from '../../platform/errors.ts';
import { localizeIssue } from '../../platform/validationMessages.ts';
import { CsvSyntaxError, readCsvRecords } from '../../../domain/io/csv.ts';
import { appendAudit, type AuditActor } from '../audit/index.ts';
import type { Principal } from '../../../domain/access/policy.ts';
import { assertCanManageRisk } from './policy.ts';
import { insertImportBatch, insertIndicators, knownRegionCodes } from './repository.ts';

const regionCode = z.string().regex(/^\d{2}(\.\d{2})?$/, 'kode provinsi (16) atau kabupaten/kota (16.02) / province or regency code');
const decimal = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, 'angka dengan titik desimal / a number with a decimal point')
    .transform(Number)
    .pipe(z.number().min(min, `minimal ${min} / at least ${min}`).max(max, `maksimal ${max} / at most ${max}`));
const integer = (min: number, max: number) =>
  z.string().regex(/^\d+$/, 'bilangan bulat / an integer').transform(Number).pipe(z.number().int().min(min).max(max));
const optional = <T extends z.ZodTypeAny>(schema: T) => z.union([z.literal('').transform(() => undefined), schema]).optional();
const source = z.string().min(3, 'sumber wajib diisi / source is required').max(1000);

const IMPORTS = {
  ikp: {
    required: ['region_code', 'score', 'source'],
    columns: ['region_code', 'score', 'category', 'source'],
    row: z.object({
      region_code: regionCode,
      score: decimal(0, 100),
      category: optional(
        z.enum(['tinggi', 'sedang', 'rendah'], { message: "'tinggi', 'sedang' atau 'rendah' / 'tinggi', 'sedang' or 'rendah'" }),
      ),
      source,
    }),
  },
  history: {
    required: ['region_code', 'cases', 'source'],
    columns: ['region_code', 'cases', 'source', 'election', 'asn_headcount', 'voters_without_ektp_pct'],
    row: z.object({
      region_code: regionCode,
      cases: integer(0, 1_000_000),
      source,
      election: optional(z.string().max(100)),
      asn_headcount: optional(integer(1, 10_000_000)),
      voters_without_ektp_pct: optional(decimal(0, 100)),
    }),
  },
} as const;

export type RiskImportKind = keyof typeof IMPORTS;

export const csvError = (line: number, column: string, message: string | LocalizedMessage, columnNumber?: number) => {
  const text = typeof message === 'string' ? localizeIssue({ message }) : message;
  return new AppError(
    'validation_failed',
    {
      id: `CSV baris ${line}, kolom ${column}: ${text.id}`,
      en: `CSV line ${line}, column ${column}: ${text.en}`,
    },
    { field: column, details: { line, column, ...(columnNumber ? { columnNumber } : {}) } },
  );
};

/** readCsvRecords with syntax errors (unbalanced quotes) as a 400 naming the line. */
export function readCsvChecked(csv: string) {
  try {
    return readCsvRecords(csv);
  } catch (error) {
    // The file does not parse, so no field is known: name the first column, as before.
    const firstColumn =
      csv
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0]
        .split(/[,;]/)[0]
        .replace(/"/g, '')
        .trim() || '-';
    if (error instanceof CsvSyntaxError) throw csvError(error.line, firstColumn, error.message);
    throw error;
  }
}

interface IndicatorRow {
  line: number;
  regionCode: string;
  key: string;
  value: number;
  textValue: string | null;
  source: string;
}

/** Parses and checks the whole file; throws at the first problem, before anything is written. */
export function parseRiskCsv(kind: RiskImportKind, csv: string): IndicatorRow[] {
  const spec = IMPORTS[kind];
  const { header, records } = readCsvChecked(csv);
  for (const [index, column] of header.entries()) {
    if (!(spec.columns as readonly string[]).includes(column)) {
      throw csvError(
        1,
        column || `#${index + 1}`,
        `kolom tidak dikenal; kolom yang dikenal: ${spec.columns.join(', ')} / unknown column`,
        index + 1,
      );
    }
  }
  for (const column of spec.required)
    if (!header.includes(column)) throw csvError(1, column, 'kolom wajib tidak ada / required column missing');
  if (records.length === 0) throw csvError(2, spec.required[0], 'berkas tidak berisi data / no data rows');
  const seen = new Map<string, number>();
  const rows: IndicatorRow[] = [];
  for (const record of records) {
    const fieldCount = record.fieldCount;
    if (fieldCount !== header.length) {
      const column = header[Math.min(fieldCount, header.length) - 1] ?? header[0];
      throw csvError(
        record.line,
        column,
        `jumlah kolom ${fieldCount}, seharusnya ${header.length} / expected ${header.length} fields, found ${fieldCount}`,
        Math.min(fieldCount, header.length),
      );
    }
    const parsed = spec.row.safeParse(record.values);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const column = String(issue.path[0]);
      throw csvError(record.line, column, localizeIssue(issue), header.indexOf(column) + 1);
    }
    const data = parsed.data as Record<string, unknown>;
    const code = data.region_code as string;
    if (seen.has(code))
      throw csvError(
        record.line,
        'region_code',
        `wilayah ${code} sudah ada di baris ${seen.get(code)} / duplicate region`,
        header.indexOf('region_code') + 1,
      );
    seen.set(code, record.line);
    const base = { line: record.line, regionCode: code, source: data.source as string };
    if (kind === 'ikp') {
      rows.push({ ...base, key: 'ikp_score', value: data.score as number, textValue: (data.category as string | undefined) ?? null });
    } else {
      rows.push({
        ...base,
        key: 'past_cases',
        value: data.cases as number,
        textValue: (data.election as string | undefined) ?? 'Pilkada 2020',
      });
      if (data.asn_headcount !== undefined)
        rows.push({ ...base, key: 'asn_headcount', value: data.asn_headcount as number, textValue: null });
      if (data.voters_without_ektp_pct !== undefined)
        rows.push({ ...base, key: 'voters_without_ektp_pct', value: data.voters_without_ektp_pct as number, textValue: null });
    }
  }
  return rows;
}

/** The admin's use case behind POST /api/v1/risk/import/:kind. */
export async function importRiskIndicatorsAs(db: Db, principal: Principal, kind: RiskImportKind, csv: unknown, now: Date) {
  assertCanManageRisk(principal);
  if (typeof csv !== 'string') {
    throw new AppError('unsupported_media_type', {
      id: 'Kirim berkas CSV (Content-Type: text/csv).',
      en: 'Send a CSV file (Content-Type: text/csv).',
    });
  }
  return importRiskIndicators(db, kind, csv, { id: principal.id, role: principal.role }, now);
}

export async function importRiskIndicators(db: Db, kind: RiskImportKind, csv: string, actor: AuditActor, now: Date) {
  const rows = parseRiskCsv(kind, csv);
  const codes = [...new Set(rows.map((r) => r.regionCode))];
  const known = await knownRegionCodes(db, codes);
  const unknown = rows.find((r) => !known.has(r.regionCode));
  if (unknown) throw csvError(unknown.line, 'region_code', `kode wilayah ${unknown.regionCode} tidak dikenal / unknown region code`);
  const batchId = randomUUID();
  const regionsCount = codes.length;
  await db.transaction(async (tx) => {
    await insertImportBatch(tx, { id: batchId, kind, rowCount: regionsCount, importedAt: now, importedBy: actor.id });
    await insertIndicators(tx, batchId, now, rows);
    await appendAudit(tx, {
      actor,
      action: `risk.${kind}_imported`,
      entityType: 'risk_import_batch',
      entityId: batchId,
      at: now,
      data: { regions: regionsCount, indicators: rows.length, columns: IMPORTS[kind].columns },
    });
  });
  return { batchId, kind, regions: regionsCount, indicators: rows.length };
}
