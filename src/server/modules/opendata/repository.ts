// Every query of the open-data module: the anonymised case rows the files are built from, and the release log.
import type { Queryable } from '../../db/client.ts';
import { execute, firstRow, qb, rows, sql } from '../../db/kysely.ts';

export interface CaseExportRow {
  id: string;
  kind: string;
  state: string;
  office_code: string;
  office_name: string | null;
  province_code: string;
  province_name: string | null;
  event_region_code: string;
  stage_code: string | null;
  acts: string;
  subject_types: string | null;
  classification: string | null;
  received_at: Date;
  registered: boolean;
  is_late: boolean;
}

/** Every case with the columns the open files publish (no personal data), oldest first. */
export async function selectCaseRows(db: Queryable): Promise<CaseExportRow[]> {
  const result = await db.query<CaseExportRow>(
    `SELECT c.id, c.kind, c.state, c.office_code, o.name AS office_name, left(c.event_region_code, 2) AS province_code, p.name AS province_name,
            c.event_region_code, c.stage_code, array_to_string(c.acts, ';') AS acts, t.subject_types, c.classification,
            c.received_at, c.registration_number IS NOT NULL AS registered, c.is_late
     FROM cases c
     LEFT JOIN regions o ON o.code = c.office_code
     LEFT JOIN regions p ON p.code = left(c.event_region_code, 2)
     LEFT JOIN (SELECT case_id, string_agg(DISTINCT subject_type, ';' ORDER BY subject_type) AS subject_types
                FROM case_terlapor GROUP BY case_id) t ON t.case_id = c.id
     ORDER BY c.received_at, c.id`,
  );
  return result.rows;
}

export async function lastReleaseSha256(db: Queryable, dataset: string): Promise<string | undefined> {
  const last = await firstRow(
    db,
    qb.selectFrom('open_data_releases').select('sha256').where('dataset', '=', dataset).orderBy('id', 'desc').limit(1),
  );
  return last?.sha256;
}

export async function insertRelease(
  db: Queryable,
  file: { dataset: string; sha256: string; rows: number; bytes: number },
  createdAt: Date,
): Promise<void> {
  await execute(
    db,
    qb
      .insertInto('open_data_releases')
      .values({ dataset: file.dataset, sha256: file.sha256, row_count: file.rows, byte_count: file.bytes, created_at: createdAt }),
  );
}

export interface ReleaseRow {
  dataset: string;
  sha256: string;
  row_count: number;
  byte_count: number;
  created_at: Date;
}

/** The newest release of each dataset. */
export async function latestReleases(db: Queryable): Promise<ReleaseRow[]> {
  const result = await db.query<ReleaseRow>(
    `SELECT DISTINCT ON (dataset) dataset, sha256, row_count, byte_count, created_at FROM open_data_releases ORDER BY dataset, id DESC`,
  );
  return result.rows;
}

export async function releaseCounts(db: Queryable): Promise<{ dataset: string; n: number }[]> {
  return rows(
    db,
    qb
      .selectFrom('open_data_releases')
      .select(['dataset', sql<number>`count(*)::int`.as('n')])
      .groupBy('dataset'),
  );
}
