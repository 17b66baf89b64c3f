// Candidate pairs per contest, imported from CSV all-or-nothing.
// Columns: election_id, region_code, ballot_number, head_name, deputy_name, is_incumbent, parties
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError, type LocalizedMessage } from '../../platform/errors.ts';
import { localizeIssue } from '../../platform/validationMessages.ts';
import { CsvSyntaxError, readCsvRecords } from '../../../domain/io/csv.ts';
import { appendAudit, type AuditActor } from '../audit/index.ts';
import { contestExists, upsertCandidatePair } from './repository.ts';
import type { Principal } from '../../../domain/access/policy.ts';
import { assertCanImportCandidates } from './policy.ts';

const REQUIRED = ['election_id', 'region_code', 'head_name', 'deputy_name'] as const;
const COLUMNS = ['election_id', 'region_code', 'ballot_number', 'head_name', 'deputy_name', 'is_incumbent', 'parties'];

const rowSchema = z.object({
  election_id: z.string().min(1),
  region_code: z.string().regex(/^\d{2}(\.\d{2})?$/, 'kode provinsi atau kabupaten/kota / province or regency code'),
  ballot_number: z.union([z.literal(''), z.coerce.number().int().min(1).max(99)]).optional(),
  head_name: z.string().min(2).max(200),
  deputy_name: z.string().min(2).max(200),
  is_incumbent: z.enum(['', 'true', 'false', 'ya', 'tidak', '1', '0']).optional(),
  parties: z.string().max(500).optional(),
});

const csvError = (line: number, column: string, message: string | LocalizedMessage) => {
  const text = typeof message === 'string' ? localizeIssue({ message }) : message;
  return new AppError(
    'validation_failed',
    {
      id: `CSV baris ${line}, kolom ${column}: ${text.id}`,
      en: `CSV line ${line}, column ${column}: ${text.en}`,
    },
    { field: column, details: { line, column } },
  );
};

/** The admin's use case behind POST /api/v1/elections/candidates/import (the CLI calls importCandidatePairs). */
export async function importCandidatePairsAs(db: Db, principal: Principal, csv: unknown): Promise<{ imported: number }> {
  assertCanImportCandidates(principal);
  if (typeof csv !== 'string') {
    throw new AppError('unsupported_media_type', {
      id: 'Kirim berkas CSV (Content-Type: text/csv).',
      en: 'Send a CSV file (Content-Type: text/csv).',
    });
  }
  return importCandidatePairs(db, csv, { id: principal.id, role: principal.role });
}

export async function importCandidatePairs(db: Db, csv: string, actor: AuditActor): Promise<{ imported: number }> {
  let parsedCsv: ReturnType<typeof readCsvRecords>;
  try {
    parsedCsv = readCsvRecords(csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw csvError(error.line, '-', error.message);
    throw error;
  }
  const { header, records } = parsedCsv;
  for (const column of REQUIRED) if (!header.includes(column)) throw csvError(1, column, 'kolom wajib tidak ada / required column missing');
  const rows = records.map((record) => {
    const parsed = rowSchema.safeParse(record.values);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw csvError(record.line, String(issue.path[0]), localizeIssue(issue));
    }
    return { line: record.line, ...parsed.data };
  });
  return db.transaction(async (tx) => {
    for (const row of rows) {
      if (!(await contestExists(tx, row.election_id, row.region_code)))
        throw csvError(row.line, 'region_code', `tidak ada pemilihan ${row.election_id} di wilayah ${row.region_code}`);
      await upsertCandidatePair(tx, {
        electionId: row.election_id,
        regionCode: row.region_code,
        ballotNumber: row.ballot_number === '' || row.ballot_number === undefined ? null : row.ballot_number,
        headName: row.head_name,
        deputyName: row.deputy_name,
        isIncumbent: ['true', 'ya', '1'].includes(row.is_incumbent ?? ''),
        parties: row.parties || null,
      });
    }
    await appendAudit(tx, {
      actor,
      action: 'reference.candidates_imported',
      entityType: 'candidate_pairs',
      data: { rows: rows.length, columns: COLUMNS },
    });
    return { imported: rows.length };
  });
}
