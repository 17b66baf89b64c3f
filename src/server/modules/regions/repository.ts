import type { Queryable } from '../../db/client.ts';
import { regionSearchKey } from '../../../domain/regions/search.ts';

export interface RegionItem {
  code: string;
  name: string;
  level: string;
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
export async function listRegions(db: Queryable, query: RegionQuery): Promise<{ items: RegionItem[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (value: unknown) => { params.push(value); return `$${params.length}`; };
  if (query.level) where.push(`r.level = ${add(query.level)}`);
  if (query.parent) where.push(`r.parent_code = ${add(query.parent)}`);
  let score = '';
  if (query.q) {
    const key = add(regionSearchKey(query.q));
    where.push(`(r.search_name LIKE '%' || ${key} || '%' OR ${key} <% r.search_name
      OR r.code IN (SELECT code FROM region_aliases WHERE search_alias = ${key}) OR r.code = ${key})`);
    score = `CASE WHEN r.code IN (SELECT code FROM region_aliases WHERE search_alias = ${key}) OR r.code = ${key} THEN 2
      WHEN r.search_name = ${key} OR regexp_replace(r.search_name, '^(provinsi|kabupaten|kota|kota administrasi|kabupaten administrasi) ', '') = ${key} THEN 1.5
      ELSE word_similarity(${key}, r.search_name) END`;
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const result = await db.query<{ code: string; name: string; level: string; parent_code: string | null; time_zone: string; total: number }>(
    `SELECT r.code, r.name, r.level, r.parent_code, r.time_zone, count(*) OVER () AS total
     FROM regions r ${whereSql}
     ORDER BY ${score ? `${score} DESC, ` : ''}${LEVEL_ORDER}, r.code
     LIMIT ${add(query.limit)} OFFSET ${add(query.offset)}`,
    params,
  );
  let total = result.rows[0]?.total ?? 0;
  if (result.rows.length === 0 && query.offset > 0) {
    const counted = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM regions r ${whereSql}`, params.slice(0, -2));
    total = counted.rows[0].n;
  }
  return {
    items: result.rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, timeZone: r.time_zone })),
    total,
  };
}

export async function findRegion(db: Queryable, code: string) {
  const result = await db.query<{ code: string; name: string; level: string; parent_code: string | null; time_zone: string; province_code: string }>(
    'SELECT code, name, level, parent_code, time_zone, province_code FROM regions WHERE code = $1', [code]);
  return result.rows[0] ?? null;
}

export async function regionAncestors(db: Queryable, code: string): Promise<RegionItem[]> {
  const parts = code.split('.');
  const codes = parts.map((_, i) => parts.slice(0, i + 1).join('.')).slice(0, -1);
  if (codes.length === 0) return [];
  const result = await db.query<{ code: string; name: string; level: string; parent_code: string | null; time_zone: string }>(
    'SELECT code, name, level, parent_code, time_zone FROM regions WHERE code = ANY($1::text[]) ORDER BY length(code)', [codes]);
  return result.rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, timeZone: r.time_zone }));
}

export async function countRegionsByLevel(db: Queryable): Promise<Record<string, number>> {
  const result = await db.query<{ level: string; n: number }>('SELECT level, count(*)::int AS n FROM regions GROUP BY level');
  return Object.fromEntries(result.rows.map((r) => [r.level, r.n]));
}
