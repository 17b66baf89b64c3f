import type { Queryable, Tx } from '../../db/client.ts';
import type { ContestKind } from '../../../contracts/elections.ts';
import { withinRegionSql } from '../../db/sql.ts';
import { firstRow, qb, sql } from '../../db/kysely.ts';

export interface ContestFilter {
  year?: number;
  electionId?: string;
  region?: string;
  kind?: string;
  limit: number;
  offset: number;
}

export async function listElections(db: Queryable, year?: number) {
  const elections = await db.query<{
    id: string;
    name: string;
    year: number;
    voting_date: string;
    legal_basis: string;
    source: string | null;
  }>(`SELECT * FROM elections ${year ? 'WHERE year = $1' : ''} ORDER BY voting_date`, year ? [year] : []);
  const stages = await db.query<{ election_id: string; code: string; name: string; name_en: string; starts_on: string; ends_on: string }>(
    'SELECT * FROM election_stages WHERE election_id = ANY($1::text[]) ORDER BY sort_order',
    [elections.rows.map((e) => e.id)],
  );
  return elections.rows.map((e) => ({
    id: e.id,
    name: e.name,
    year: e.year,
    votingDate: e.voting_date,
    legalBasis: e.legal_basis,
    source: e.source,
    stages: stages.rows
      .filter((s) => s.election_id === e.id)
      .map((s) => ({
        code: s.code,
        name: s.name,
        nameEn: s.name_en,
        startsOn: s.starts_on,
        endsOn: s.ends_on,
      })),
  }));
}

export async function listContests(db: Queryable, filter: ContestFilter) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.year) where.push(`e.year = ${add(filter.year)}`);
  if (filter.electionId) where.push(`e.id = ${add(filter.electionId)}`);
  if (filter.region) {
    const p = add(filter.region);
    where.push(withinRegionSql('c.region_code', p));
  }
  if (filter.kind) where.push(`c.kind = ${add(filter.kind)}`);
  const result = await db.query<{
    election_id: string;
    region_code: string;
    region_name: string;
    kind: ContestKind;
    voting_date: string;
    pairs: number;
    total: number;
  }>(
    `SELECT c.election_id, c.region_code, r.name AS region_name, c.kind, e.voting_date,
            (SELECT count(*)::int FROM candidate_pairs p WHERE p.election_id = c.election_id AND p.region_code = c.region_code) AS pairs,
            count(*) OVER () AS total
     FROM contests c JOIN elections e ON e.id = c.election_id JOIN regions r ON r.code = c.region_code
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY c.election_id, c.region_code LIMIT ${add(filter.limit)} OFFSET ${add(filter.offset)}`,
    params,
  );
  return {
    items: result.rows.map((r) => ({
      electionId: r.election_id,
      regionCode: r.region_code,
      regionName: r.region_name,
      kind: r.kind,
      votingDate: r.voting_date,
      candidatePairCount: r.pairs,
    })),
    total: result.rows[0]?.total ?? 0,
  };
}

export async function listCandidatePairs(db: Queryable, electionId: string, regionCode: string) {
  const result = await db.query<{
    ballot_number: number | null;
    head_name: string;
    deputy_name: string;
    is_incumbent: boolean;
    parties: string | null;
  }>(
    `SELECT ballot_number, head_name, deputy_name, is_incumbent, parties FROM candidate_pairs
     WHERE election_id = $1 AND region_code = $2 ORDER BY ballot_number NULLS LAST, head_name`,
    [electionId, regionCode],
  );
  return result.rows.map((p) => ({
    ballotNumber: p.ballot_number,
    headName: p.head_name,
    deputyName: p.deputy_name,
    isIncumbent: p.is_incumbent,
    parties: p.parties,
  }));
}

export async function contestExists(db: Queryable, electionId: string, regionCode: string): Promise<boolean> {
  const found = await firstRow(
    db,
    qb
      .selectFrom('contests')
      .select(sql<number>`1`.as('one'))
      .where('election_id', '=', electionId)
      .where('region_code', '=', regionCode),
  );
  return found !== undefined;
}

export interface CandidatePairInput {
  electionId: string;
  regionCode: string;
  ballotNumber: number | null;
  headName: string;
  deputyName: string;
  isIncumbent: boolean;
  parties: string | null;
}

/** A re-import of the same pair updates its number, incumbency and parties. */
export async function upsertCandidatePair(tx: Tx, pair: CandidatePairInput): Promise<void> {
  await tx.query(
    `INSERT INTO candidate_pairs (election_id, region_code, ballot_number, head_name, deputy_name, is_incumbent, parties)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (election_id, region_code, head_name, deputy_name) DO UPDATE SET ballot_number = EXCLUDED.ballot_number,
       is_incumbent = EXCLUDED.is_incumbent, parties = EXCLUDED.parties`,
    [pair.electionId, pair.regionCode, pair.ballotNumber, pair.headName, pair.deputyName, pair.isIncumbent, pair.parties],
  );
}
