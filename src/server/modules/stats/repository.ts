// Every query of the dashboard: the trigger-maintained counters, the same counters by a full scan,
// and the region and stage names the counters are labelled with.
import type { Queryable } from '../../db/client.ts';

export interface CounterRow {
  dimension: string;
  key: string;
  n: number;
}

/** Reads the trigger-maintained counters (a few thousand rows, whatever the number of cases). */
export async function readCounters(db: Queryable): Promise<CounterRow[]> {
  return (await db.query<CounterRow>('SELECT dimension, key, n FROM stats_counts WHERE n <> 0')).rows;
}

/** The same counters computed by a full scan of cases and case_terlapor (verification, repair). */
export const STATS_SCAN = `SELECT k.dimension, k.key, count(*)::int AS n FROM cases c, LATERAL stats_case_keys(c.event_region_code, c.state, c.kind, c.stage_code, c.classification, c.received_at, c.acts, c.imported_from) k GROUP BY 1, 2
     UNION ALL SELECT 'subject', t.subject_type, count(*)::int FROM case_terlapor t JOIN cases c ON c.id = t.case_id WHERE c.imported_from IS NULL GROUP BY 2`;

export async function scanCounters(db: Queryable): Promise<CounterRow[]> {
  return (await db.query<CounterRow>(STATS_SCAN)).rows;
}

/** Provinces and kabupaten/kota: the levels the dashboard counts by. */
export async function selectDashboardRegions(db: Queryable): Promise<{ code: string; name: string }[]> {
  return (await db.query<{ code: string; name: string }>(`SELECT code, name FROM regions WHERE level IN ('provinsi', 'kabupaten', 'kota')`))
    .rows;
}

/** One name per stage code, from the newest election that has it. */
export async function selectStageNames(db: Queryable): Promise<{ code: string; name: string; name_en: string }[]> {
  return (
    await db.query<{ code: string; name: string; name_en: string }>(
      `SELECT DISTINCT ON (code) code, name, name_en FROM election_stages ORDER BY code, election_id DESC`,
    )
  ).rows;
}
