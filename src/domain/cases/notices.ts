// Texts of the notices a reporter receives on every status change (pemberitahuan status
// laporan, Perbawaslu 8/2020 jo. 9/2024) and of the public announcement. Neither ever contains
// the reporter's identity; the announcement names the terlapor only by position and agency.
import type { CaseAction, CaseState } from './stateMachine.ts';
import { STATE_LABELS } from './stateMachine.ts';

export interface NoticeContext {
  kind: 'laporan' | 'temuan';
  trackingCode: string | null;
  registrationNumber: string | null;
  state: CaseState;
  reason?: string | null;
  officeName: string;
  classificationLabel?: string | null;
  classificationLabelEn?: string | null;
  deadlineLocal?: string | null;
}

export interface NoticeText {
  kind: string;
  title: string;
  body: string;
  /** The same notice in English, for a reporter who filed in English (e-mailed in their language). */
  en?: { title: string; body: string };
}

const ref = (c: NoticeContext) => c.registrationNumber ?? c.trackingCode ?? '';

export function noticeForReceipt(c: NoticeContext & { late: boolean }): NoticeText {
  return {
    kind: 'diterima',
    title: `Laporan ${ref(c)} diterima`,
    body:
      `Laporan Anda telah diterima oleh ${c.officeName} dan sedang dalam kajian awal (pemeriksaan syarat formil dan materiil).` +
      (c.late
        ? ' Catatan: laporan disampaikan lebih dari 7 hari sejak dugaan pelanggaran diketahui (Pasal 134 ayat (4) UU Pemilihan); laporan tetap dicatat.'
        : ''),
    en: {
      title: `Report ${ref(c)} received`,
      body:
        `Your report has been received by ${c.officeName} and is under initial review (formal and material requirements).` +
        (c.late
          ? ' Note: the report was filed more than 7 days after the suspected violation became known (Article 134(4) of the Regional Election Law); it is still recorded.'
          : ''),
    },
  };
}

export function noticeForAction(action: CaseAction, c: NoticeContext): NoticeText | null {
  const text = noticeIdForAction(action, c);
  if (!text) return null;
  const en = noticeEnForAction(action, c);
  return en ? { ...text, en } : text;
}

// Free text (reasons written by staff, office names) stays as written; only the fixed wording is English.
function noticeEnForAction(action: CaseAction, c: NoticeContext): { title: string; body: string } | null {
  const label = STATE_LABELS[c.state].en;
  const reason = c.reason ?? '';
  switch (action) {
    case 'minta_kelengkapan':
      return {
        title: `Report ${ref(c)}: completion requested`,
        body: `Your report is incomplete. Complete it within 2×24 hours${c.deadlineLocal ? ` (until ${c.deadlineLocal})` : ''}: ${reason}`.trim(),
      };
    case 'lengkapi':
      return {
        title: `Completion of report ${ref(c)} received`,
        body: 'The missing items have been received; the initial review continues.',
      };
    case 'kelengkapan_tidak_dipenuhi':
      return { title: `Report ${ref(c)} not followed up`, body: `The report was not completed within 2×24 hours. ${reason}`.trim() };
    case 'tolak_registrasi':
      return { title: `Report ${ref(c)} not registered`, body: `Reason: ${c.reason ?? '-'}` };
    case 'registrasi':
      return {
        title: `Report registered with number ${c.registrationNumber}`,
        body: `The report was registered by ${c.officeName}. Once registered it can no longer be withdrawn. Handling deadline: ${c.deadlineLocal ?? '3 days (extendable by 2 days)'}.`,
      };
    case 'cabut':
      return { title: `Report ${ref(c)} withdrawn`, body: `The report was withdrawn before registration. ${reason}`.trim() };
    case 'klarifikasi':
      return { title: `Clarification ${ref(c)}`, body: 'The supervisors are hearing the reporter, the reported person and/or witnesses.' };
    case 'kaji':
      return { title: `Review ${ref(c)}`, body: 'The suspected violation is being reviewed.' };
    case 'minta_keterangan_tambahan':
      return {
        title: `Further information ${ref(c)}`,
        body: `The supervisors need further information; the handling deadline is extended by 2 days (Article 134(6))${c.deadlineLocal ? ` until ${c.deadlineLocal}` : ''}.`,
      };
    case 'teruskan':
      return {
        title: `Status ${ref(c)}: ${label}`,
        body: `Outcome of the review: ${c.classificationLabelEn ?? 'a violation'} proven; forwarded to the competent authority.`,
      };
    case 'nyatakan_bukan_pelanggaran':
      return { title: `Status ${ref(c)}: ${label}`, body: `Outcome of the review: not a violation. ${reason}`.trim() };
    case 'limpahkan':
      return { title: `Report ${ref(c)} transferred`, body: `Handling was transferred to ${c.officeName}; the deadline keeps running.` };
    default:
      // Steps of a temuan (no reporter to write to) have no English text.
      return null;
  }
}

function noticeIdForAction(action: CaseAction, c: NoticeContext): NoticeText | null {
  const label = STATE_LABELS[c.state].id;
  switch (action) {
    case 'minta_kelengkapan':
      return {
        kind: action,
        title: `Permintaan kelengkapan laporan ${ref(c)}`,
        body: `Laporan Anda belum lengkap. Lengkapi paling lama 2×24 jam${c.deadlineLocal ? ` (sampai ${c.deadlineLocal})` : ''}: ${c.reason ?? ''}`.trim(),
      };
    case 'lengkapi':
      return {
        kind: action,
        title: `Kelengkapan laporan ${ref(c)} diterima`,
        body: 'Kelengkapan laporan telah diterima; kajian awal dilanjutkan.',
      };
    case 'kelengkapan_tidak_dipenuhi':
      return {
        kind: action,
        title: `Laporan ${ref(c)} tidak ditindaklanjuti`,
        body: `Kelengkapan tidak dipenuhi dalam 2×24 jam. ${c.reason ?? ''}`.trim(),
      };
    case 'tolak_registrasi':
      return { kind: action, title: `Laporan ${ref(c)} tidak diregistrasi`, body: `Alasan: ${c.reason ?? '-'}` };
    case 'registrasi':
      return {
        kind: action,
        title: `Laporan diregistrasi dengan nomor ${c.registrationNumber}`,
        body: `Laporan diregistrasi oleh ${c.officeName}. Sejak registrasi laporan tidak dapat dicabut. Batas waktu penanganan: ${c.deadlineLocal ?? '3 hari (dapat diperpanjang 2 hari)'}.`,
      };
    case 'cabut':
      return { kind: action, title: `Laporan ${ref(c)} dicabut`, body: `Laporan dicabut sebelum registrasi. ${c.reason ?? ''}`.trim() };
    case 'telusuri':
      return { kind: action, title: 'Penelusuran informasi awal', body: 'Informasi awal sedang ditelusuri.' };
    case 'tetapkan_temuan':
      return {
        kind: action,
        title: `Temuan ditetapkan: ${c.registrationNumber}`,
        body: `Rapat pleno ${c.officeName} menetapkan temuan dugaan pelanggaran.`,
      };
    case 'hentikan_penelusuran':
      return { kind: action, title: 'Penelusuran dihentikan', body: `Alasan: ${c.reason ?? '-'}` };
    case 'klarifikasi':
      return {
        kind: action,
        title: `Klarifikasi ${ref(c)}`,
        body: 'Pengawas melakukan klarifikasi terhadap pelapor, terlapor dan/atau saksi.',
      };
    case 'kaji':
      return { kind: action, title: `Kajian ${ref(c)}`, body: 'Dugaan pelanggaran sedang dikaji.' };
    case 'minta_keterangan_tambahan':
      return {
        kind: action,
        title: `Keterangan tambahan ${ref(c)}`,
        body: `Pengawas memerlukan keterangan tambahan; batas waktu penanganan diperpanjang 2 hari (Pasal 134 ayat (6))${c.deadlineLocal ? ` sampai ${c.deadlineLocal}` : ''}.`,
      };
    case 'teruskan':
      return {
        kind: action,
        title: `Status ${ref(c)}: ${label}`,
        body: `Hasil kajian: terbukti ${c.classificationLabel ?? 'pelanggaran'}; diteruskan kepada instansi yang berwenang.`,
      };
    case 'nyatakan_bukan_pelanggaran':
      return { kind: action, title: `Status ${ref(c)}: ${label}`, body: `Hasil kajian: bukan pelanggaran. ${c.reason ?? ''}`.trim() };
    case 'limpahkan':
      return {
        kind: action,
        title: `Laporan ${ref(c)} dilimpahkan`,
        body: `Penanganan dilimpahkan kepada ${c.officeName}; batas waktu tetap berjalan.`,
      };
    default:
      return null;
  }
}
