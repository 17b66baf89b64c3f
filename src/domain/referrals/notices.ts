// Notices to the reporter about the referral chain (pemberitahuan status, like the case steps):
// sent, verified by BKN, forwarded to the PPK, decided, applied, escalated, handed over from KASN.
// They never name the terlapor: the context carries no name, NIP, position or agency at all.
import type { NoticeText } from '../cases/notices.ts';

export type ReferralNoticeEvent =
  'sent' | 'verified' | 'forwarded_to_ppk' | 'received' | 'sanction' | 'not_proven' | 'sanction_applied' | 'escalated' | 'handed_over';

export interface ReferralNoticeContext {
  /** The case's registration number (or tracking code). */
  caseRef: string;
  recommendationNumber: string;
  authorityName: string;
  /** Label of the overdue step, for 'escalated'. */
  stepLabel?: string;
  dueLocal?: string | null;
}

export function referralNotice(event: ReferralNoticeEvent, c: ReferralNoticeContext): NoticeText {
  return { ...referralNoticeId(event, c), en: referralNoticeEn(event, c) };
}

function referralNoticeEn(event: ReferralNoticeEvent, c: ReferralNoticeContext): { title: string; body: string } {
  const head = `Follow-up ${c.caseRef}`;
  const rec = `recommendation ${c.recommendationNumber}`;
  switch (event) {
    case 'sent':
      return {
        title: `${head}: ${rec} sent`,
        body: `Bawaslu sent ${rec} to ${c.authorityName}.${c.dueLocal ? ` Deadline of the next step: ${c.dueLocal}.` : ''}`,
      };
    case 'verified':
      return { title: `${head}: verified by BKN`, body: `BKN has verified ${rec}.` };
    case 'forwarded_to_ppk':
      return {
        title: `${head}: forwarded to the PPK`,
        body: `BKN forwarded ${rec} to the civil-service appointing official (PPK) to impose a sanction.${c.dueLocal ? ` Deadline for the PPK: ${c.dueLocal}.` : ''}`,
      };
    case 'received':
      return { title: `${head}: received by ${c.authorityName}`, body: `${c.authorityName} has received ${rec}.` };
    case 'sanction':
      return { title: `${head}: sanction decided`, body: `The competent authority has decided a sanction on ${rec}.` };
    case 'not_proven':
      return { title: `${head}: not proven`, body: `The competent authority found ${rec} not proven.` };
    case 'sanction_applied':
      return { title: `${head}: sanction applied`, body: `The sanction on ${rec} has been applied.` };
    case 'escalated':
      return {
        title: `${head}: deadline missed`,
        body: `The deadline of ${c.stepLabel ?? 'the follow-up'} on ${rec} was missed; Bawaslu and BKN have been told.`,
      };
    case 'handed_over':
      return {
        title: `${head}: handed over from KASN to BKN`,
        body: `Since 25 August 2024 supervision of civil-servant neutrality has passed from KASN to BKN; ${rec} is now followed up by BKN.`,
      };
  }
}

function referralNoticeId(event: ReferralNoticeEvent, c: ReferralNoticeContext): NoticeText {
  const head = `Tindak lanjut ${c.caseRef}`;
  const rec = `rekomendasi ${c.recommendationNumber}`;
  switch (event) {
    case 'sent':
      return {
        kind: 'referral.sent',
        title: `${head}: ${rec} dikirim`,
        body: `Bawaslu mengirim ${rec} kepada ${c.authorityName}.${c.dueLocal ? ` Batas waktu langkah berikutnya: ${c.dueLocal}.` : ''}`,
      };
    case 'verified':
      return { kind: 'referral.verified', title: `${head}: diverifikasi BKN`, body: `BKN telah memverifikasi ${rec}.` };
    case 'forwarded_to_ppk':
      return {
        kind: 'referral.forwarded_to_ppk',
        title: `${head}: diteruskan ke PPK`,
        body: `BKN meneruskan ${rec} kepada Pejabat Pembina Kepegawaian (PPK) untuk dijatuhi sanksi.${c.dueLocal ? ` Batas waktu tindak lanjut PPK: ${c.dueLocal}.` : ''}`,
      };
    case 'received':
      return {
        kind: 'referral.received',
        title: `${head}: diterima ${c.authorityName}`,
        body: `${c.authorityName} telah menerima ${rec}.`,
      };
    case 'sanction':
      return {
        kind: 'referral.sanction',
        title: `${head}: sanksi diputuskan`,
        body: `Instansi yang berwenang telah memutuskan sanksi atas ${rec}.`,
      };
    case 'not_proven':
      return {
        kind: 'referral.not_proven',
        title: `${head}: tidak terbukti`,
        body: `Instansi yang berwenang menyatakan ${rec} tidak terbukti.`,
      };
    case 'sanction_applied':
      return { kind: 'referral.sanction_applied', title: `${head}: sanksi dilaksanakan`, body: `Sanksi atas ${rec} telah dilaksanakan.` };
    case 'escalated':
      return {
        kind: 'referral.escalated',
        title: `${head}: tenggat terlewati`,
        body: `Tenggat ${c.stepLabel ?? 'tindak lanjut'} atas ${rec} terlewati; Bawaslu dan BKN telah diberi tahu.`,
      };
    case 'handed_over':
      return {
        kind: 'referral.handed_over',
        title: `${head}: dialihkan dari KASN ke BKN`,
        body: `Sejak 25 Agustus 2024 fungsi pengawasan netralitas ASN beralih dari KASN ke BKN; ${rec} kini ditindaklanjuti BKN.`,
      };
  }
}
