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
import { noticeReporterOfReferral } from './notices.ts';
import { lockOpenKasnReferrals, moveReferralToBkn } from './repository/handover.ts';

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
    const rows = await lockOpenKasnReferrals(tx, OPEN_STATES);
    if (rows.length === 0) return { handedOver: 0, referralIds: [] };
    for (const r of rows) {
      // BKN's 7 days cannot run before BKN holds the file: they count from this handover.
      const deadline = await stepDeadline(tx, 'bkn.verifikasi', now, r.office_code);
      await moveReferralToBkn(tx, r.id, { authorityName: BKN_AUTHORITY_NAME, effectiveAt: KASN_HANDOVER_AT, now, deadline });
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
