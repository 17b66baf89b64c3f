// Pledge queries. Public reads never select the signatory names.
import type { Queryable, Tx } from '../../db/client.ts';
import { withinRegionSql } from '../../db/sql.ts';
import { firstRow, qb } from '../../db/kysely.ts';

export interface PledgeRow {
  id: string;
  agency: string;
  region_code: string;
  region_name: string;
  pledged_on: string;
  venue: string;
  signatory_count: number;
  document_sha256: string | null;
  canonical: string;
  signature: string;
  key_id: string;
  created_at: Date;
}

const PUBLIC_COLUMNS = `p.id, p.agency, p.region_code, r.name AS region_name, p.pledged_on::text AS pledged_on, p.venue, p.signatory_count,
  p.document_sha256, p.canonical, p.signature, p.key_id, p.created_at`;

export const agencySearchKey = (agency: string) =>
  agency
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

export async function insertPledge(
  tx: Tx,
  row: {
    id: string;
    agency: string;
    regionCode: string;
    date: string;
    venue: string;
    signatoryCount: number;
    signatories: { name: string; position: string }[];
    documentSha256: string | null;
    canonical: string;
    signature: string;
    keyId: string;
    createdBy: string;
    createdAt: Date;
  },
) {
  await tx.query(
    `INSERT INTO pledges (id, agency, search_agency, region_code, pledged_on, venue, signatory_count, signatories, document_sha256,
       canonical, signature, key_id, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      row.id,
      row.agency,
      agencySearchKey(row.agency),
      row.regionCode,
      row.date,
      row.venue,
      row.signatoryCount,
      JSON.stringify(row.signatories),
      row.documentSha256,
      row.canonical,
      row.signature,
      row.keyId,
      row.createdBy,
      row.createdAt,
    ],
  );
}

export async function findPledge(db: Queryable, id: string): Promise<PledgeRow | null> {
  const result = await db.query<PledgeRow>(
    `SELECT ${PUBLIC_COLUMNS} FROM pledges p JOIN regions r ON r.code = p.region_code WHERE p.id = $1`,
    [id],
  );
  return result.rows[0] ?? null;
}

export interface PledgeFilter {
  region?: string;
  agency?: string;
  limit: number;
  offset: number;
}

export async function listPledgeRows(db: Queryable, filter: PledgeFilter): Promise<{ rows: PledgeRow[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (filter.region) {
    const p = add(filter.region);
    where.push(withinRegionSql('p.region_code', p));
  }
  if (filter.agency) where.push(`p.search_agency LIKE '%' || ${add(agencySearchKey(filter.agency))} || '%'`);
  const result = await db.query<PledgeRow & { total: number }>(
    `SELECT ${PUBLIC_COLUMNS}, count(*) OVER () AS total FROM pledges p JOIN regions r ON r.code = p.region_code
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY p.pledged_on DESC, p.created_at DESC, p.id LIMIT ${add(filter.limit)} OFFSET ${add(filter.offset)}`,
    params,
  );
  return { rows: result.rows, total: result.rows[0]?.total ?? 0 };
}

export async function coverageByRegion(db: Queryable, level: 'provinsi' | 'kabupaten_kota') {
  const length = level === 'provinsi' ? 2 : 5;
  const levels = level === 'provinsi' ? ['provinsi'] : ['kabupaten', 'kota'];
  const result = await db.query<{
    code: string;
    name: string;
    pledges: number;
    agencies: number;
    signatories: number;
    asn: number | null;
    asn_source: string | null;
  }>(
    `WITH p AS (
       SELECT substr(region_code, 1, $1) AS code, count(*)::int AS pledges, count(DISTINCT search_agency)::int AS agencies,
              sum(signatory_count)::int AS signatories
       FROM pledges WHERE length(region_code) >= $1 GROUP BY 1),
     asn AS (
       SELECT DISTINCT ON (region_code) region_code, value, source FROM risk_indicators WHERE key = 'asn_headcount'
       ORDER BY region_code, imported_at DESC, id DESC)
     SELECT r.code, r.name, coalesce(p.pledges, 0) AS pledges, coalesce(p.agencies, 0) AS agencies,
            coalesce(p.signatories, 0) AS signatories, asn.value AS asn, asn.source AS asn_source
     FROM regions r LEFT JOIN p ON p.code = r.code LEFT JOIN asn ON asn.region_code = r.code
     WHERE r.level = ANY($2::text[]) ORDER BY r.code`,
    [length, levels],
  );
  return result.rows;
}

export async function coverageByAgency(db: Queryable) {
  const result = await db.query<{ agency: string; pledges: number; signatories: number; regions: number; last_on: string }>(
    `SELECT min(agency) AS agency, count(*)::int AS pledges, sum(signatory_count)::int AS signatories,
            count(DISTINCT region_code)::int AS regions, max(pledged_on)::text AS last_on
     FROM pledges GROUP BY search_agency ORDER BY sum(signatory_count) DESC, min(agency)`,
  );
  return result.rows;
}

export async function regionName(db: Queryable, code: string): Promise<string | null> {
  const row = await firstRow(db, qb.selectFrom('regions').select('name').where('code', '=', code));
  return row?.name ?? null;
}
