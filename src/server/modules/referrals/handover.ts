// KASN → BKN: the law moved the supervision of ASN neutrality from KASN to BKN on 25 Aug 2024
// (Perpres 91/2024 and 92/2024; SE MenPANRB 4/2024 sends the files KASN had not processed to
// the Kepala BKN). Referrals to KASN still open are taken over by BKN in ONE audited step, so
// nothing is lost in between: the authority becomes BKN, the referral keeps where it came from
// (handed_over_from/at), the open verification step gets BKN's 7-day clock, the reporter gets a
// notice and the public timeline shows the handover. Idempotent: a second run finds nothing;
// a KASN referral entered later (a decision of 24 Aug typed on 26 Aug) is taken over by the next run.
import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit, type AuditActor } from '../audit/index.ts';
import { stepDeadline } from './deadlines.ts';
import { noticeReporterOfReferral } from './service.ts';

/** 25 Aug 2024 00:00 WIB: the first day BKN holds the function (routing.ts 'lainnya.asn.bkn'). */
export const KASN_HANDOVER_AT = new Date('2024-08-24T17:00:00Z');
export const BKN_AUTHORITY_NAME = 'Badan Kepegawaian Negara (Deputi Bidang Pengawasan dan Pengendalian)';
const OPEN_STATES = ['direkomendasikan', 'diverifikasi', 'diteruskan_ppk', 'diputus'];

export async function handOverKasnReferrals(db: Db, actor: AuditActor, now: Date): Promise<{ handedOver: number; referralIds: string[] }> {
  if (now.getTime() < KASN_HANDOVER_AT.getTime()) {
    throw new AppError(
      'invalid_state_transition',
      { id: 'KASN masih berwenang sampai 24 Agustus 2024.', en: 'KASN holds the function until 24 Aug 2024.' },
      { field: 'now' },
    );
  }
  return db.transaction(async (tx) => {
    const rows = (
      await tx.query<{ id: string; case_id: string; office_code: string; recommendation_number: string; state: string }>(
        `SELECT id, case_id, office_code, recommendation_number, state FROM referrals
       WHERE authority = 'KASN' AND state = ANY($1::text[]) ORDER BY recommended_at, id FOR UPDATE`,
        [OPEN_STATES],
      )
    ).rows;
    if (rows.length === 0) return { handedOver: 0, referralIds: [] };
    for (const r of rows) {
      // BKN's 7 days cannot run before BKN holds the file: they count from this handover.
      const deadline = await stepDeadline(tx, 'bkn.verifikasi', now, r.office_code);
      await tx.query(
        `UPDATE referrals SET authority = 'BKN', authority_name = $2, handed_over_from = 'KASN', handed_over_at = $3, updated_at = $4,
           verification_due_at = CASE WHEN state = 'direkomendasikan' THEN $5 ELSE verification_due_at END
         WHERE id = $1`,
        [r.id, BKN_AUTHORITY_NAME, KASN_HANDOVER_AT, now, deadline?.dueAt ?? null],
      );
      await tx.query(
        `UPDATE referral_steps SET rule_id = 'bkn.verifikasi', due_at = $2, due_local = $3, basis = $4
         WHERE referral_id = $1 AND step = 'verifikasi_bkn' AND done_at IS NULL AND rule_id IS NULL`,
        [r.id, deadline?.dueAt ?? null, deadline?.dueLocal ?? null, deadline?.basis ?? null],
      );
      await noticeReporterOfReferral(
        tx,
        { case_id: r.case_id, recommendation_number: r.recommendation_number, authority_name: BKN_AUTHORITY_NAME },
        'handed_over',
        now,
      );
    }
    // One audit row for the one step: which files moved, effective when, recorded when.
    await appendAudit(tx, {
      actor,
      action: 'referral.kasn_handover',
      entityType: 'referral',
      entityId: null,
      at: now,
      data: {
        from: 'KASN',
        to: 'BKN',
        effectiveAt: KASN_HANDOVER_AT.toISOString(),
        recordedAt: now.toISOString(),
        referrals: rows.map((r) => ({ id: r.id, recommendationNumber: r.recommendation_number, state: r.state })),
        source: 'Perpres 91/2024 dan 92/2024; SE MenPANRB 4/2024 (berkas KASN yang belum diproses diserahkan kepada Kepala BKN)',
      },
    });
    return { handedOver: rows.length, referralIds: rows.map((r) => r.id) };
  });
}
