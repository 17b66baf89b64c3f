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
};

export function ruleLabel(ruleId: string | null, t: (key: MessageKey) => string): string {
  if (!ruleId) return '';
  const key = RULE_KEYS[ruleId];
  return key ? t(key) : ruleId;
}
