// Human names of the legal-clock rules a case or referral can show.
import type { MessageKey } from '../../i18n/messages.ts';

const RULE_KEYS: Record<string, MessageKey> = {
  'laporan.penyampaian': 'rule.laporan.penyampaian',
  'laporan.kelengkapan': 'rule.laporan.kelengkapan',
  'laporan.putusan': 'rule.laporan.putusan',
  'temuan.penetapan': 'rule.temuan.penetapan',
  'temuan.putusan': 'rule.temuan.putusan',
  'pidana.penerusan_gakkumdu': 'rule.pidana.penerusan_gakkumdu',
  'bkn.verifikasi': 'rule.bkn.verifikasi',
  'ppk.tindak_lanjut': 'rule.ppk.tindak_lanjut',
  'laporan.kajian_awal': 'rule.laporan.kajian_awal',
  'kpu.pemeriksaan_rekomendasi': 'rule.kpu.pemeriksaan_rekomendasi',
  'gakkumdu.penyidikan': 'rule.gakkumdu.penyidikan',
  'gakkumdu.pengembalian_berkas': 'rule.gakkumdu.pengembalian_berkas',
  'gakkumdu.penyampaian_kembali': 'rule.gakkumdu.penyampaian_kembali',
  'gakkumdu.pelimpahan_pengadilan': 'rule.gakkumdu.pelimpahan_pengadilan',
  'bkn.kajian_bawaslu': 'rule.bkn.kajian_bawaslu',
};

export function ruleLabel(ruleId: string | null, t: (key: MessageKey) => string): string {
  if (!ruleId) return '';
  const key = RULE_KEYS[ruleId];
  // Never a machine key on the page: an unknown rule reads as a generic deadline.
  return t(key ?? 'rule.other');
}
