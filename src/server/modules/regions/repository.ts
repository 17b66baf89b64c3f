import type { RegionLevel } from '../../../contracts/regions.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { stripLevelPrefix } from '../../../domain/regions/names.ts';
import { regionSearchKey } from '../../../domain/regions/search.ts';
import { firstRow, qb, sql } from '../../db/kysely.ts';

export interface RegionItem {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  timeZone: string;
}

export interface RegionQuery {
  level?: string;
  parent?: string;
  q?: string;
  limit: number;
  offset: number;
}

const LEVEL_ORDER = `CASE r.level WHEN 'provinsi' THEN 0 WHEN 'kabupaten' THEN 1 WHEN 'kota' THEN 1 WHEN 'kecamatan' THEN 2 ELSE 3 END`;

/**
 * Lists regions; `q` matches names and aliases with pg_trgm word similarity, so typos
 * ("Surakrta") and aliases ("Solo", "OKI", "Sumsel") find the official region.
 */
export async function listRegions(db: Db, query: RegionQuery): Promise<{ items: RegionItem[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.level) where.push(`r.level = ${add(query.level)}`);
  if (query.parent) where.push(`r.parent_code = ${add(query.parent)}`);
  let score = '';
  if (query.q) {
    // "Kab. Malang" → base "malang" with a kabupaten hint; aliases match the whole query too.
    const parsed = stripLevelPrefix(query.q);
    const whole = add(regionSearchKey(query.q));
    const base = add(regionSearchKey(parsed.base));
    const hint = add(parsed.level ?? '');
    const alias = `r.code IN (SELECT code FROM region_aliases WHERE search_alias IN (${whole}, ${base}))`;
    const bare = `regexp_replace(r.search_name, '^(kabupaten administrasi|kota administrasi|provinsi|kabupaten|kota) ', '')`;
    where.push(`(r.search_name LIKE '%' || ${base} || '%' OR ${base} <% r.search_name OR ${alias} OR r.code = ${whole})`);
    score = `(CASE WHEN ${alias} OR r.code = ${whole} THEN 3 WHEN ${bare} = ${base} THEN 2 ELSE word_similarity(${base}, r.search_name) END
      + CASE WHEN ${hint} <> '' AND r.level = ${hint} THEN 0.5 ELSE 0 END)`;
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const sql = `SELECT r.code, r.name, r.level, r.parent_code, r.time_zone, count(*) OVER () AS total
     FROM regions r ${whereSql}
     ORDER BY ${score ? `${score} DESC, ` : ''}${LEVEL_ORDER}, r.code
     LIMIT ${add(query.limit)} OFFSET ${add(query.offset)}`;
  type Row = { code: string; name: string; level: RegionLevel; parent_code: string | null; time_zone: string; total: number };
  const result = await db.transaction(async (tx) => {
    // Typos ("Surakrta", "sumatra selatn") score ~0.5 in word similarity; the default 0.6 misses them.
    if (query.q) await tx.query('SET LOCAL pg_trgm.word_similarity_threshold = 0.45');
    return tx.query<Row>(sql, params);
  });
  let total = result.rows[0]?.total ?? 0;
  if (result.rows.length === 0 && query.offset > 0) {
    const counted = await db.transaction(async (tx) => {
      if (query.q) await tx.query('SET LOCAL pg_trgm.word_similarity_threshold = 0.45');
      return tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM regions r ${whereSql}`, params.slice(0, -2));
    });
    total = counted.rows[0].n;
  }
  return {
    items: result.rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, timeZone: r.time_zone })),
    total,
  };
}

export async function findRegion(db: Queryable, code: string) {
  const result = await db.query<{
    code: string;
    name: string;
    level: RegionLevel;
    parent_code: string | null;
    time_zone: string;
    province_code: string;
  }>('SELECT code, name, level, parent_code, time_zone, province_code FROM regions WHERE code = $1', [code]);
  return result.rows[0] ?? null;
}

export async function regionAncestors(db: Queryable, code: string): Promise<RegionItem[]> {
  const parts = code.split('.');
  const codes = parts.map((_, i) => parts.slice(0, i + 1).join('.')).slice(0, -1);
  if (codes.length === 0) return [];
  const result = await db.query<{ code: string; name: string; level: RegionLevel; parent_code: string | null; time_zone: string }>(
    'SELECT code, name, level, parent_code, time_zone FROM regions WHERE code = ANY($1::text[]) ORDER BY length(code)',
    [codes],
  );
  return result.rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, timeZone: r.time_zone }));
}

export async function countRegionsByLevel(db: Queryable): Promise<Record<string, number>> {
  const result = await db.query<{ level: string; n: number }>('SELECT level, count(*)::int AS n FROM regions GROUP BY level');
  return Object.fromEntries(result.rows.map((r) => [r.level, r.n]));
}

export async function countChildren(db: Queryable, code: string): Promise<number> {
  const row = await firstRow(
    db,
    qb
      .selectFrom('regions')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('parent_code', '=', code),
  );
  return row?.n ?? 0;
}
