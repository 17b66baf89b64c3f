// KASN → BKN handover: the open KASN referrals (locked) and their move to BKN.
import type { Tx } from '../../../db/client.ts';
import type { Deadline } from '../../../../domain/legal-clock/compute.ts';

/** Open KASN referrals, locked for the handover, oldest first. */
export async function lockOpenKasnReferrals(tx: Tx, openStates: readonly string[]) {
  return (
    await tx.query<{ id: string; case_id: string; office_code: string; recommendation_number: string; state: string }>(
      `SELECT id, case_id, office_code, recommendation_number, state FROM referrals
       WHERE authority = 'KASN' AND state = ANY($1::text[]) ORDER BY recommended_at, id FOR UPDATE`,
      [openStates],
    )
  ).rows;
}

/** The referral becomes BKN's; an open verification step without a clock gets BKN's. */
export async function moveReferralToBkn(
  tx: Tx,
  id: string,
  move: { authorityName: string; effectiveAt: Date; now: Date; deadline: Deadline | null },
) {
  const { deadline } = move;
  await tx.query(
    `UPDATE referrals SET authority = 'BKN', authority_name = $2, handed_over_from = 'KASN', handed_over_at = $3, updated_at = $4,
           verification_due_at = CASE WHEN state = 'direkomendasikan' THEN $5 ELSE verification_due_at END
         WHERE id = $1`,
    [id, move.authorityName, move.effectiveAt, move.now, deadline?.dueAt ?? null],
  );
  await tx.query(
    `UPDATE referral_steps SET rule_id = 'bkn.verifikasi', due_at = $2, due_local = $3, basis = $4
         WHERE referral_id = $1 AND step = 'verifikasi_bkn' AND done_at IS NULL AND rule_id IS NULL`,
    [id, deadline?.dueAt ?? null, deadline?.dueLocal ?? null, deadline?.basis ?? null],
  );
}
