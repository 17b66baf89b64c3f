// Queries of the reference-data loaders: regions and aliases (unnest bulk loads), election cycles,
// published figures, and the reference_loads ledger that makes every load idempotent.
import type { Queryable, Tx } from '../db/client.ts';
import { execute, qb, rows, type Row } from '../db/kysely.ts';

/** Loads recorded under these names. */
export async function referenceLoads(db: Queryable, names: string[]): Promise<{ name: string; version: string }[]> {
  return rows(db, qb.selectFrom('reference_loads').select(['name', 'version']).where('name', 'in', names));
}

/** Loads whose name is LIKE the pattern (e.g. 'figures:%'). */
export async function referenceLoadsLike(db: Queryable, pattern: string): Promise<{ name: string; version: string }[]> {
  return rows(db, qb.selectFrom('reference_loads').select(['name', 'version']).where('name', 'like', pattern));
}

/** Records a load; a later version of the same name replaces it. */
export async function recordReferenceLoad(tx: Tx, name: string, version: string, rowCount: number): Promise<void> {
  await tx.query(
    `INSERT INTO reference_loads (name, version, row_count) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, row_count = EXCLUDED.row_count, loaded_at = now()`,
    [name, version, rowCount],
  );
}

/** Records a load once; an existing row of that name is kept. */
export async function recordReferenceLoadOnce(tx: Tx, name: string, version: string, rowCount: number): Promise<void> {
  await execute(
    tx,
    qb
      .insertInto('reference_loads')
      .values({ name, version, row_count: rowCount })
      .onConflict((oc) => oc.column('name').doNothing()),
  );
}

export interface RegionLoadRow {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  provinceCode: string;
  timeZone: string;
  searchName: string;
}

/** One statement per call (the caller chunks): 83k villages in a few round trips. */
export async function upsertRegions(tx: Tx, part: RegionLoadRow[]): Promise<void> {
  await tx.query(
    `INSERT INTO regions (code, name, level, parent_code, province_code, time_zone, search_name)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code,
         search_name = EXCLUDED.search_name`,
    [
      part.map((r) => r.code),
      part.map((r) => r.name),
      part.map((r) => r.level),
      part.map((r) => r.parentCode),
      part.map((r) => r.provinceCode),
      part.map((r) => r.timeZone),
      part.map((r) => r.searchName),
    ],
  );
}

export async function insertRegionAliases(tx: Tx, aliases: { alias: string; searchAlias: string; code: string }[]): Promise<void> {
  await tx.query(
    `INSERT INTO region_aliases (alias, search_alias, code) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT DO NOTHING`,
    [aliases.map((a) => a.alias), aliases.map((a) => a.searchAlias), aliases.map((a) => a.code)],
  );
}

export async function electionIds(db: Queryable): Promise<string[]> {
  return (await rows(db, qb.selectFrom('elections').select('id'))).map((r) => r.id);
}

export async function upsertElection(
  tx: Tx,
  e: { id: string; name: string; year: number; votingDate: string; legalBasis: string; source: string | null },
): Promise<void> {
  await execute(
    tx,
    qb
      .insertInto('elections')
      .values({ id: e.id, name: e.name, year: e.year, voting_date: e.votingDate, legal_basis: e.legalBasis, source: e.source })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          voting_date: eb.ref('excluded.voting_date'),
          legal_basis: eb.ref('excluded.legal_basis'),
          source: eb.ref('excluded.source'),
        })),
      ),
  );
}

export async function upsertElectionStage(
  tx: Tx,
  s: { electionId: string; code: string; name: string; nameEn: string; startsOn: string; endsOn: string; sortOrder: number },
): Promise<void> {
  await execute(
    tx,
    qb
      .insertInto('election_stages')
      .values({
        election_id: s.electionId,
        code: s.code,
        name: s.name,
        name_en: s.nameEn,
        starts_on: s.startsOn,
        ends_on: s.endsOn,
        sort_order: s.sortOrder,
      })
      .onConflict((oc) =>
        oc.columns(['election_id', 'code']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          name_en: eb.ref('excluded.name_en'),
          starts_on: eb.ref('excluded.starts_on'),
          ends_on: eb.ref('excluded.ends_on'),
          sort_order: eb.ref('excluded.sort_order'),
        })),
      ),
  );
}

export async function insertContests(tx: Tx, electionId: string, contests: { regionCode: string; kind: string }[]): Promise<void> {
  await tx.query(
    `INSERT INTO contests (election_id, region_code, kind)
       SELECT $1, * FROM unnest($2::text[], $3::text[]) ON CONFLICT (election_id, region_code) DO NOTHING`,
    [electionId, contests.map((c) => c.regionCode), contests.map((c) => c.kind)],
  );
}

export interface FigureLoadRow {
  region: string;
  value: number | null;
  category: string | null;
  note: string | null;
}

/** Replaces a series' rows with those of its file (one unnest insert). */
export async function replaceFigureSeries(
  tx: Tx,
  series: { series: string; publishedOn: string; publisher: string; title: string; source: string; partial: boolean },
  figures: FigureLoadRow[],
): Promise<void> {
  await execute(tx, qb.deleteFrom('published_figures').where('series', '=', series.series));
  await tx.query(
    `INSERT INTO published_figures (series, region_code, value, category, published_on, publisher, title, source, partial, note)
         SELECT $1, r, v, c, $5::date, $6, $7, $8, $9, n FROM unnest($2::text[], $3::float8[], $4::text[], $10::text[]) AS x(r, v, c, n)`,
    [
      series.series,
      figures.map((r) => r.region),
      figures.map((r) => r.value),
      figures.map((r) => r.category),
      series.publishedOn,
      series.publisher,
      series.title,
      series.source,
      series.partial,
      figures.map((r) => r.note),
    ],
  );
}

export type PublishedFigureRow = Row<'published_figures'>;

/** Published figures of these regions (all without codes), newest first per region. */
export async function publishedFigureRows(db: Queryable, codes?: string[]): Promise<PublishedFigureRow[]> {
  const result = await db.query<PublishedFigureRow>(
    `SELECT series, region_code, value, category, published_on::text AS published_on, publisher, title, source, partial, note
     FROM published_figures ${codes ? 'WHERE region_code = ANY($1::text[])' : ''} ORDER BY region_code, published_on DESC, series`,
    codes ? [codes] : [],
  );
  return result.rows;
}
