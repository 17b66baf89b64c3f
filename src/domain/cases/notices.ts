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
  deadlineLocal?: string | null;
}

export interface NoticeText {
  kind: string;
  title: string;
  body: string;
}

const ref = (c: NoticeContext) => c.registrationNumber ?? c.trackingCode ?? '';

export function noticeForReceipt(c: NoticeContext & { late: boolean }): NoticeText {
  return {
    kind: 'diterima',
    title: `Laporan ${ref(c)} diterima`,
    body: `Laporan Anda telah diterima oleh ${c.officeName} dan sedang dalam kajian awal (pemeriksaan syarat formil dan materiil).`
      + (c.late ? ' Catatan: laporan disampaikan lebih dari 7 hari sejak dugaan pelanggaran diketahui (Pasal 134 ayat (4) UU Pemilihan); laporan tetap dicatat.' : ''),
  };
}

export function noticeForAction(action: CaseAction, c: NoticeContext): NoticeText | null {
  const label = STATE_LABELS[c.state].id;
  switch (action) {
    case 'minta_kelengkapan':
      return { kind: action, title: `Permintaan kelengkapan laporan ${ref(c)}`, body: `Laporan Anda belum lengkap. Lengkapi paling lama 2×24 jam${c.deadlineLocal ? ` (sampai ${c.deadlineLocal})` : ''}: ${c.reason ?? ''}`.trim() };
    case 'lengkapi':
      return { kind: action, title: `Kelengkapan laporan ${ref(c)} diterima`, body: 'Kelengkapan laporan telah diterima; kajian awal dilanjutkan.' };
    case 'kelengkapan_tidak_dipenuhi':
      return { kind: action, title: `Laporan ${ref(c)} tidak ditindaklanjuti`, body: `Kelengkapan tidak dipenuhi dalam 2×24 jam. ${c.reason ?? ''}`.trim() };
    case 'tolak_registrasi':
      return { kind: action, title: `Laporan ${ref(c)} tidak diregistrasi`, body: `Alasan: ${c.reason ?? '-'}` };
    case 'registrasi':
      return { kind: action, title: `Laporan diregistrasi dengan nomor ${c.registrationNumber}`, body: `Laporan diregistrasi oleh ${c.officeName}. Sejak registrasi laporan tidak dapat dicabut. Batas waktu penanganan: ${c.deadlineLocal ?? '3 hari (dapat diperpanjang 2 hari)'}.` };
    case 'cabut':
      return { kind: action, title: `Laporan ${ref(c)} dicabut`, body: `Laporan dicabut sebelum registrasi. ${c.reason ?? ''}`.trim() };
    case 'telusuri':
      return { kind: action, title: 'Penelusuran informasi awal', body: 'Informasi awal sedang ditelusuri.' };
    case 'tetapkan_temuan':
      return { kind: action, title: `Temuan ditetapkan: ${c.registrationNumber}`, body: `Rapat pleno ${c.officeName} menetapkan temuan dugaan pelanggaran.` };
    case 'hentikan_penelusuran':
      return { kind: action, title: 'Penelusuran dihentikan', body: `Alasan: ${c.reason ?? '-'}` };
    case 'klarifikasi':
      return { kind: action, title: `Klarifikasi ${ref(c)}`, body: 'Pengawas melakukan klarifikasi terhadap pelapor, terlapor dan/atau saksi.' };
    case 'kaji':
      return { kind: action, title: `Kajian ${ref(c)}`, body: 'Dugaan pelanggaran sedang dikaji.' };
    case 'minta_keterangan_tambahan':
      return { kind: action, title: `Keterangan tambahan ${ref(c)}`, body: `Pengawas memerlukan keterangan tambahan; batas waktu penanganan diperpanjang 2 hari (Pasal 134 ayat (6))${c.deadlineLocal ? ` sampai ${c.deadlineLocal}` : ''}.` };
    case 'teruskan':
      return { kind: action, title: `Status ${ref(c)}: ${label}`, body: `Hasil kajian: terbukti ${c.classificationLabel ?? 'pelanggaran'}; diteruskan kepada instansi yang berwenang.` };
    case 'nyatakan_bukan_pelanggaran':
      return { kind: action, title: `Status ${ref(c)}: ${label}`, body: `Hasil kajian: bukan pelanggaran. ${c.reason ?? ''}`.trim() };
    case 'limpahkan':
      return { kind: action, title: `Laporan ${ref(c)} dilimpahkan`, body: `Penanganan dilimpahkan kepada ${c.officeName}; batas waktu tetap berjalan.` };
    default:
      return null;
  }
}
