// Queries for referrals, their steps, sanctions, escalations, tokens and settings. Scope is part
// of the WHERE clause (referralScopeClause), so nobody reads rows outside their scope.
import type { Queryable, Tx } from '../../db/client.ts';
import type { ReferralActor } from '../../../domain/referrals/access.ts';
import { withinRegionSql } from '../../db/sql.ts';
import type { Authority } from '../../../contracts/referrals.ts';
import { execute, firstRow, qb, type NewRow, type Row, type RowPatch } from '../../db/kysely.ts';

/**
 * A referral as read: the generated row, with `authority` narrowed to the contract's enum. `letter`
 * (jsonb, as built at recommendation time) is read through letterSchema (letterData.ts);
 * `public_key` is the unguessable key of the public timeline; `handed_over_from/at` mark a KASN file
 * BKN took over (25 Aug 2024).
 */
export type ReferralRow = Omit<Row<'referrals'>, 'authority'> & { authority: Authority };

export interface StepRow {
  id: number;
  referral_id: string;
  step: string;
  rule_id: string | null;
  started_at: Date;
  due_at: Date | null;
  due_local: string | null;
  basis: string | null;
  done_at: Date | null;
  done_by: string | null;
  overdue: boolean;
}

export interface SanctionRow {
  id: number;
  referral_id: string;
  sanction_key: string;
  regime: string;
  level: string;
  decree_number: string | null;
  decree_date: string | null;
  document_sha256: string | null;
  lighter_than_proposed: boolean;
  note: string | null;
  recorded_at: Date;
  recorded_by: string;
  applied_at: Date | null;
}

export interface AgencyTokenRow {
  id: string;
  token_hash: string;
  label: string;
  authority: Authority;
  agency: string | null;
  region_code: string | null;
  created_by: string | null;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

type Add = (value: unknown) => string;

const within = withinRegionSql;

/** The SQL form of access.ts canSeeReferral; `r` is referrals. Null = no restriction. */
export function referralScopeClause(actor: ReferralActor, add: Add): string | null {
  switch (actor.kind) {
    case 'oversight':
      return null;
    case 'bawaslu':
      return within('r.office_code', add(actor.regionCode));
    case 'bkn':
      return `r.authority = 'BKN'`;
    // Exact catalogue entry; never a comparison of free-text names.
    case 'ppk':
      return [
        `r.agency_key = ${add(actor.agencyKey)}`,
        `r.agency_region_code = ${add(actor.regionCode)}`,
        `(r.authority NOT IN ('BKN', 'KASN') OR r.forwarded_at IS NOT NULL)`,
      ].join(' AND ');
    case 'authority': {
      const parts = [`r.authority = ${add(actor.authority)}`];
      if (actor.agencyKey) parts.push(`r.agency_key = ${add(actor.agencyKey)}`);
      if (actor.regionCode) parts.push(within('r.region_code', add(actor.regionCode)));
      return parts.join(' AND ');
    }
    case 'none':
      return 'false';
  }
}

export interface ReferralFilter {
  state?: string;
  authority?: string;
  region?: string;
  overdue?: boolean;
  caseId?: string;
  limit: number;
  offset: number;
}

export async function listReferralRows(db: Queryable, actor: ReferralActor, filter: ReferralFilter, now: Date) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add: Add = (value) => {
    params.push(value);
    return `$${params.length}`;
  };
  const scope = referralScopeClause(actor, add);
  if (scope) where.push(scope);
  if (filter.state) where.push(`r.state = ${add(filter.state)}`);
  // PPK: the ASN referrals BKN (or KASN) has forwarded to the employing agency's PPK.
  if (filter.authority === 'PPK') where.push(`r.authority IN ('BKN', 'KASN') AND r.forwarded_at IS NOT NULL`);
  else if (filter.authority) where.push(`r.authority = ${add(filter.authority)}`);
  if (filter.region) where.push(within('r.region_code', add(filter.region)));
  if (filter.caseId) where.push(`r.case_id = ${add(filter.caseId)}`);
  if (filter.overdue !== undefined) {
    const p = add(now);
    where.push(
      `${filter.overdue ? '' : 'NOT '}EXISTS (SELECT 1 FROM referral_steps s WHERE s.referral_id = r.id AND s.done_at IS NULL AND s.due_at < ${p})`,
    );
  }
  const result = await db.query<
    ReferralRow & { next_step: string | null; next_due: Date | null; next_due_local: string | null; total: number }
  >(
    `SELECT r.*, n.step AS next_step, n.due_at AS next_due, n.due_local AS next_due_local, count(*) OVER () AS total
     FROM referrals r
     LEFT JOIN LATERAL (
       SELECT s.step, s.due_at, s.due_local FROM referral_steps s WHERE s.referral_id = r.id AND s.done_at IS NULL
       ORDER BY s.due_at ASC NULLS LAST, s.id LIMIT 1
     ) n ON true
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY n.due_at ASC NULLS LAST, r.recommended_at ASC, r.id
     LIMIT ${add(filter.limit)} OFFSET ${add(filter.offset)}`,
    params,
  );
  return { rows: result.rows, total: result.rows[0]?.total ?? 0 };
}

export async function findReferral(db: Queryable, id: string, forUpdate = false): Promise<ReferralRow | null> {
  const result = await db.query<ReferralRow>(`SELECT * FROM referrals WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return result.rows[0] ?? null;
}

export async function findReferralByPublicKey(db: Queryable, key: string): Promise<ReferralRow | null> {
  return (await db.query<ReferralRow>('SELECT * FROM referrals WHERE public_key = $1', [key])).rows[0] ?? null;
}

export async function referralsOfCase(db: Queryable, caseId: string): Promise<ReferralRow[]> {
  return (await db.query<ReferralRow>('SELECT * FROM referrals WHERE case_id = $1 ORDER BY terlapor_id', [caseId])).rows;
}

export async function listSteps(db: Queryable, referralId: string): Promise<StepRow[]> {
  return (await db.query<StepRow>('SELECT * FROM referral_steps WHERE referral_id = $1 ORDER BY id', [referralId])).rows;
}

export async function findSanction(db: Queryable, referralId: string): Promise<SanctionRow | null> {
  return (await db.query<SanctionRow>('SELECT * FROM sanctions WHERE referral_id = $1', [referralId])).rows[0] ?? null;
}

/** Next gapless recommendation number for an office and year; the row lock serialises writers. */
export async function nextRecommendationSequence(tx: Tx, officeCode: string, year: number): Promise<number> {
  const result = await tx.query<{ last_seq: number }>(
    `INSERT INTO recommendation_counters (office_code, year, last_seq) VALUES ($1, $2, 1)
     ON CONFLICT (office_code, year) DO UPDATE SET last_seq = recommendation_counters.last_seq + 1
     RETURNING last_seq`,
    [officeCode, year],
  );
  return result.rows[0].last_seq;
}

export async function insertStep(
  tx: Tx,
  step: {
    referralId: string;
    step: string;
    ruleId: string | null;
    startedAt: Date;
    dueAt: Date | null;
    dueLocal: string | null;
    basis: string | null;
    doneAt?: Date | null;
    doneBy?: string | null;
  },
) {
  await tx.query(
    `INSERT INTO referral_steps (referral_id, step, rule_id, started_at, due_at, due_local, basis, done_at, done_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (referral_id, step) DO NOTHING`,
    [
      step.referralId,
      step.step,
      step.ruleId,
      step.startedAt,
      step.dueAt,
      step.dueLocal,
      step.basis,
      step.doneAt ?? null,
      step.doneBy ?? null,
    ],
  );
}

export async function completeSteps(tx: Tx, referralId: string, steps: readonly string[], at: Date, by: string) {
  if (steps.includes('*')) {
    await tx.query('UPDATE referral_steps SET done_at = $2, done_by = $3 WHERE referral_id = $1 AND done_at IS NULL', [referralId, at, by]);
  } else if (steps.length) {
    await tx.query(
      'UPDATE referral_steps SET done_at = $3, done_by = $4 WHERE referral_id = $1 AND step = ANY($2::text[]) AND done_at IS NULL',
      [referralId, steps, at, by],
    );
  }
}

export async function regionNameOf(db: Queryable, code: string): Promise<string | null> {
  return (await db.query<{ name: string }>('SELECT name FROM regions WHERE code = $1', [code])).rows[0]?.name ?? null;
}

export async function electionStages(db: Queryable, electionId: string) {
  return (
    await db.query<{ code: string; starts_on: string }>(
      'SELECT code, starts_on FROM election_stages WHERE election_id = $1 ORDER BY sort_order',
      [electionId],
    )
  ).rows.map((s) => ({ code: s.code, startsOn: s.starts_on }));
}

export async function candidatePairsIn(db: Queryable, electionId: string, regionCodes: readonly string[]) {
  if (regionCodes.length === 0) return [];
  return (
    await db.query<{ region_code: string; is_incumbent: boolean }>(
      'SELECT region_code, is_incumbent FROM candidate_pairs WHERE election_id = $1 AND region_code = ANY($2::text[])',
      [electionId, regionCodes],
    )
  ).rows.map((p) => ({ regionCode: p.region_code, isIncumbent: p.is_incumbent }));
}

export async function regionExists(db: Queryable, code: string): Promise<boolean> {
  return (await firstRow(db, qb.selectFrom('regions').select('code').where('code', '=', code))) !== undefined;
}

/** The terlapor's name and NIP: shown to staff and tokens in scope, and publicly only when the policy says so. */
export async function terlaporIdentity(db: Queryable, terlaporId: number) {
  // Same statement as before the repository move: the public timeline (lacak) is benchmarked.
  const result = await db.query<{ name: string; nip: string | null }>('SELECT name, nip FROM case_terlapor WHERE id = $1', [terlaporId]);
  return result.rows[0] ?? null;
}

/** What a notice to the reporter needs of the case (laporan only; temuan have no reporter). */
export async function caseNoticeFacts(db: Queryable, caseId: string) {
  return firstRow(db, qb.selectFrom('cases').select(['kind', 'registration_number', 'tracking_code']).where('id', '=', caseId));
}

export async function insertReferral(tx: Tx, row: NewRow<'referrals'>) {
  await execute(tx, qb.insertInto('referrals').values(row));
}

export async function updateReferral(tx: Tx, id: string, patch: RowPatch<'referrals'>) {
  await execute(tx, qb.updateTable('referrals').set(patch).where('id', '=', id));
}

/** When the referral's last step was done: a back-dated step may not go before it. */
export async function lastStepDoneAt(db: Queryable, referralId: string): Promise<Date | null> {
  const result = await db.query<{ at: Date | null }>('SELECT max(done_at) AS at FROM referral_steps WHERE referral_id = $1', [referralId]);
  return result.rows[0]?.at ?? null;
}

export async function insertSanction(tx: Tx, row: NewRow<'sanctions'>) {
  await execute(tx, qb.insertInto('sanctions').values(row));
}

export async function markSanctionApplied(tx: Tx, referralId: string, at: Date) {
  await execute(tx, qb.updateTable('sanctions').set({ applied_at: at }).where('referral_id', '=', referralId));
}
