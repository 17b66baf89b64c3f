// Notices to the reporter about a referral's progress (laporan only; temuan have no reporter).
import type { Tx } from '../../db/client.ts';
import { insertNotice } from '../notices/index.ts';
import { referralNotice, type ReferralNoticeEvent } from '../../../domain/referrals/notices.ts';
import { caseNoticeFacts } from './repository.ts';

/** A notice to the reporter of a laporan about a referral step (none for temuan); never names the terlapor. */
export async function noticeReporterOfReferral(
  tx: Tx,
  row: { case_id: string; recommendation_number: string; authority_name: string },
  event: ReferralNoticeEvent,
  at: Date,
  extra: { stepLabel?: string; dueLocal?: string | null } = {},
) {
  const c = await caseNoticeFacts(tx, row.case_id);
  if (!c || c.kind !== 'laporan') return;
  const notice = referralNotice(event, {
    caseRef: c.registration_number ?? c.tracking_code ?? '',
    recommendationNumber: row.recommendation_number,
    authorityName: row.authority_name,
    ...extra,
  });
  await insertNotice(tx, { caseId: row.case_id, at, ...notice, email: true });
}
