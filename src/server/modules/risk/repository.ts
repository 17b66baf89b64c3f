// Queries that gather the risk-index inputs per region. Live case counts come from the
// dashboard snapshot (at most N seconds old), so the public map never scans the cases table.
import type { Queryable, Tx } from '../../db/client.ts';
import type { RiskLevel, RiskWeights } from '../../../domain/risk/index.ts';
import { DEFAULT_RISK_WEIGHTS, RISK_COMPONENT_KEYS } from '../../../domain/risk/index.ts';
import { leadCountsByRegion } from '../leads/index.ts';
import { execute, firstRow, qb } from '../../db/kysely.ts';

export interface IndicatorValue {
  value: number;
  textValue: string | null;
  source: string;
  importedAt: string;
  batchId: string;
}

export const INDICATOR_KEYS = ['ikp_score', 'past_cases', 'asn_headcount', 'voters_without_ektp_pct'] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/** The newest imported value per region and key. */
export async function latestIndicators(db: Queryable, regionCodes?: string[]): Promise<Map<string, Map<string, IndicatorValue>>> {
  const result = await db.query<{
    region_code: string;
    key: string;
    value: number;
    text_value: string | null;
    source: string;
    imported_at: Date;
    batch_id: string;
  }>(
    `SELECT DISTINCT ON (region_code, key) region_code, key, value, text_value, source, imported_at, batch_id
     FROM risk_indicators ${regionCodes ? 'WHERE region_code = ANY($1::text[])' : ''}
     ORDER BY region_code, key, imported_at DESC, id DESC`,
    regionCodes ? [regionCodes] : [],
  );
  const map = new Map<string, Map<string, IndicatorValue>>();
  for (const row of result.rows) {
    const perRegion = map.get(row.region_code) ?? new Map<string, IndicatorValue>();
    perRegion.set(row.key, {
      value: Number(row.value),
      textValue: row.text_value,
      source: row.source,
      importedAt: new Date(row.imported_at).toISOString(),
      batchId: row.batch_id,
    });
    map.set(row.region_code, perRegion);
  }
  return map;
}

export async function regionsAtLevel(db: Queryable, level: RiskLevel, code?: string) {
  const levels = level === 'provinsi' ? ['provinsi'] : ['kabupaten', 'kota'];
  const result = await db.query<{ code: string; name: string; level: string; province_code: string }>(
    `SELECT code, name, level, province_code FROM regions WHERE level = ANY($1::text[]) ${code ? 'AND code = $2' : ''} ORDER BY code`,
    code ? [levels, code] : [levels],
  );
  return result.rows;
}

/** Pledge signatories and events per region at a level (kab/kota: 5-character prefix; province: 2). */
export async function pledgeTotals(
  db: Queryable,
  level: RiskLevel,
): Promise<Map<string, { signatories: number; pledges: number; agencies: number }>> {
  const length = level === 'provinsi' ? 2 : 5;
  const result = await db.query<{ code: string; signatories: number; pledges: number; agencies: number }>(
    `SELECT substr(region_code, 1, $1) AS code, sum(signatory_count)::int AS signatories, count(*)::int AS pledges,
            count(DISTINCT search_agency)::int AS agencies
     FROM pledges WHERE length(region_code) >= $1 GROUP BY 1`,
    [length],
  );
  return new Map(result.rows.map((r) => [r.code, { signatories: r.signatories, pledges: r.pledges, agencies: r.agencies }]));
}

export async function latestElection(db: Queryable): Promise<{ id: string; name: string; year: number } | null> {
  const result = await db.query<{ id: string; name: string; year: number }>(
    'SELECT id, name, year FROM elections ORDER BY voting_date DESC, id LIMIT 1',
  );
  return result.rows[0] ?? null;
}

/** Candidate pairs and incumbency per contest region of an election. */
export async function contestShapes(db: Queryable, electionId: string): Promise<Map<string, { pairs: number; incumbent: boolean }>> {
  const result = await db.query<{ region_code: string; pairs: number; incumbent: boolean }>(
    `SELECT c.region_code, count(p.id)::int AS pairs, coalesce(bool_or(p.is_incumbent), false) AS incumbent
     FROM contests c LEFT JOIN candidate_pairs p ON p.election_id = c.election_id AND p.region_code = c.region_code
     WHERE c.election_id = $1 GROUP BY c.region_code`,
    [electionId],
  );
  return new Map(result.rows.map((r) => [r.region_code, { pairs: r.pairs, incumbent: r.incumbent }]));
}

/**
 * Media leads per region. The leads module may not exist yet: then `available` is false and
 * the index treats the component as missing, saying why.
 */
/** Relevant, not-dismissed media leads per region: the same count as the public map's leads layer. */
export async function mediaLeadCounts(db: Queryable, level: RiskLevel): Promise<Map<string, number>> {
  const { items } = await leadCountsByRegion(db, level, new Date(0));
  return new Map(items.map((i) => [i.regionCode, i.count]));
}

export async function readWeights(db: Queryable): Promise<{ weights: RiskWeights; updatedAt: string | null; custom: string[] }> {
  const result = await db.query<{ key: string; weight: number; updated_at: Date }>('SELECT key, weight, updated_at FROM risk_weights');
  const weights = { ...DEFAULT_RISK_WEIGHTS };
  let updatedAt: string | null = null;
  const custom: string[] = [];
  for (const row of result.rows) {
    if (!(RISK_COMPONENT_KEYS as readonly string[]).includes(row.key)) continue;
    weights[row.key as keyof RiskWeights] = Number(row.weight);
    custom.push(row.key);
    const at = new Date(row.updated_at).toISOString();
    if (!updatedAt || at > updatedAt) updatedAt = at;
  }
  return { weights, updatedAt, custom };
}

export async function upsertWeight(tx: Tx, key: string, weight: number, now: Date, updatedBy: string): Promise<void> {
  await execute(
    tx,
    qb
      .insertInto('risk_weights')
      .values({ key, weight, updated_at: now, updated_by: updatedBy })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          weight: eb.ref('excluded.weight'),
          updated_at: eb.ref('excluded.updated_at'),
          updated_by: eb.ref('excluded.updated_by'),
        })),
      ),
  );
}

/** The subset of `codes` that are known regions. */
export async function knownRegionCodes(db: Queryable, codes: string[]): Promise<Set<string>> {
  const result = await db.query<{ code: string }>('SELECT code FROM regions WHERE code = ANY($1::text[])', [codes]);
  return new Set(result.rows.map((r) => r.code));
}

export interface ImportBatch {
  id: string;
  kind: string;
  rowCount: number;
  importedAt: Date;
  importedBy: string | null;
}

export async function insertImportBatch(tx: Tx, batch: ImportBatch): Promise<void> {
  await execute(
    tx,
    qb.insertInto('risk_import_batches').values({
      id: batch.id,
      kind: batch.kind,
      row_count: batch.rowCount,
      imported_at: batch.importedAt,
      imported_by: batch.importedBy,
    }),
  );
}

export interface IndicatorInput {
  regionCode: string;
  key: string;
  value: number;
  textValue: string | null;
  source: string;
}

/** Bulk load: one statement for the whole file. */
export async function insertIndicators(tx: Tx, batchId: string, importedAt: Date, indicators: readonly IndicatorInput[]): Promise<void> {
  await tx.query(
    `INSERT INTO risk_indicators (region_code, key, value, text_value, source, imported_at, batch_id)
     SELECT r, k, v, t, s, $6, $7 FROM unnest($1::text[], $2::text[], $3::float8[], $4::text[], $5::text[]) AS x(r, k, v, t, s)`,
    [
      indicators.map((r) => r.regionCode),
      indicators.map((r) => r.key),
      indicators.map((r) => r.value),
      indicators.map((r) => r.textValue),
      indicators.map((r) => r.source),
      importedAt,
      batchId,
    ],
  );
}

export interface ProfileRegion {
  code: string;
  name: string;
  level: string;
  province_code: string;
  time_zone: string;
}

export async function findProfileRegion(db: Queryable, code: string): Promise<ProfileRegion | null> {
  const row = await firstRow(
    db,
    qb.selectFrom('regions').select(['code', 'name', 'level', 'province_code', 'time_zone']).where('code', '=', code),
  );
  return row ?? null;
}

export async function findRegionName(db: Queryable, code: string): Promise<{ code: string; name: string } | null> {
  return (await firstRow(db, qb.selectFrom('regions').select(['code', 'name']).where('code', '=', code))) ?? null;
}

export interface ContestInRegion {
  election_id: string;
  region_code: string;
  kind: 'gubernur' | 'bupati' | 'walikota';
  name: string;
}

/** The contests of these elections held in these regions, province first. */
export async function contestsInRegions(db: Queryable, electionIds: string[], regionCodes: string[]): Promise<ContestInRegion[]> {
  const result = await db.query<ContestInRegion>(
    `SELECT c.election_id, c.region_code, c.kind, r.name FROM contests c JOIN regions r ON r.code = c.region_code
       WHERE c.election_id = ANY($1::text[]) AND c.region_code = ANY($2::text[]) ORDER BY length(c.region_code), c.region_code`,
    [electionIds, regionCodes],
  );
  return result.rows;
}
