// Public compliance statistics: every referral (optionally of one election) and its steps.
import type { Queryable } from '../../../db/client.ts';

export async function statsRows(db: Queryable, electionId: string | undefined) {
  const params: unknown[] = [];
  const where = electionId ? (params.push(electionId), 'WHERE r.election_id = $1') : '';
  const referrals = (
    await db.query<{
      id: string;
      authority: string;
      authority_name: string;
      region_code: string | null;
      region_name: string | null;
      state: string;
      recommended_at: Date;
      decided_at: Date | null;
    }>(
      `SELECT r.id, r.authority, r.authority_name, r.region_code, g.name AS region_name, r.state, r.recommended_at, r.decided_at
     FROM referrals r LEFT JOIN regions g ON g.code = r.region_code ${where}`,
      params,
    )
  ).rows;
  const steps = (
    await db.query<{ referral_id: string; due_at: Date | null; done_at: Date | null }>(
      `SELECT s.referral_id, s.due_at, s.done_at FROM referral_steps s JOIN referrals r ON r.id = s.referral_id ${where}`,
      params,
    )
  ).rows;
  return { referrals, steps };
}
