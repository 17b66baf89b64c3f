// Pilkada deadline rules AS DATA. Each entry names its legal source next to the rule; the
// computation lives in compute.ts. docs/LEGAL-CLOCK.md lists the same rules for readers.
//
// "Hari" in the Pilkada law is a calendar day: UU 8/2015 changed the definition from hari kerja
// to hari kalender, and MK 18/PUU-XVIII/2020 (22 Jul 2020) refused to read Pasal 134(4)-(6) as
// working days. Only where a provision says "hari kerja" explicitly is a rule of kind 'working'.
//
// Versions are selected by the case's relevant date (`caseDate`), compared as a local date in the
// region's zone, with `inForceFrom` and `inForceUntil` both INCLUSIVE. Three regimes matter:
//   - Perbawaslu 8/2020 (Penanganan Pelanggaran Pemilihan, BN 2020 No. 1112): until 30 Sep 2024.
//   - Perbawaslu 9/2024 (amends 8/2020; set 30 Sep 2024, BN 2024 No. 636): in force from
//     2024-10-01. [UNCONFIRMED] the promulgation date was not captured; 1 Oct 2024 is assumed.
//   - MK 104/PUU-XXIII/2025 (pronounced 30 Jul 2025): KPU only "menindaklanjuti" Bawaslu's
//     administrative decision, so the 7-day KPU examination rule ends on 29 Jul 2025.

export type StartEvent =
  | 'diketahui' // the violation was known or found (Pasal 134(4))
  | 'diterima' // the laporan was received in the register / a file was received by the next body
  | 'disampaikan' // the laporan was handed in (before registration)
  | 'pemberitahuan_kelengkapan' // the pelapor was notified that items are missing
  | 'keputusan' // Bawaslu's (pleno) decision on the case
  | 'penerusan' // the case was forwarded to another body (BKN, PPK)
  | 'penetapan_temuan' // the pleno set the temuan
  | 'berkas_diterima' // the prosecutor received the police investigation file
  | 'berkas_dikembalikan' // the prosecutor returned an incomplete file to the police
  | 'berkas_lengkap'; // the prosecutor received the complete file

export type DeadlineKind = 'calendar' | 'working' | 'hours';

export interface DeadlineLength {
  value: number;
  unit: 'days' | 'hours';
}

export interface DeadlineExtension {
  value: number;
  unit: 'days' | 'hours';
  reason: 'keterangan_tambahan';
  source: string;
}

export interface DeadlineRule {
  /** Stable id, shared by all versions of the same rule. */
  id: string;
  /** Version id, unique across the catalogue. */
  versionId: string;
  title: string;
  titleEn: string;
  /** Article and regulation, e.g. "UU 1/2015 jo. UU 10/2016 Pasal 134 ayat (4)". */
  source: string;
  startEvent: StartEvent;
  length: DeadlineLength;
  /** 'calendar' (Pilkada default) or 'working' (only where the law says hari kerja). Ignored for hours. */
  kind: 'calendar' | 'working';
  extension?: DeadlineExtension;
  /** Reasons the clock may be suspended. None of the current rules has a legal basis for one. */
  pauseReasons: readonly string[];
  /** Local date (YYYY-MM-DD, inclusive) from which this version applies; undefined = always. */
  inForceFrom?: string;
  /** Local date (YYYY-MM-DD, inclusive) of the last day this version applies; undefined = open. */
  inForceUntil?: string;
  /** The regulation regime this version belongs to, for storing per case. */
  regime?: RegulationRegimeId;
  /** True when an operator may override length/kind (e.g. from the database). */
  configurable?: boolean;
  /** Anything in this rule that could not be verified against the Berita Negara text. */
  unconfirmed?: string;
  unconfirmedEn?: string;
}

export type RegulationRegimeId = 'perbawaslu-8-2020' | 'perbawaslu-9-2024' | 'mk-104-puu-xxiii-2025';

export interface RegulationRegime {
  id: RegulationRegimeId;
  title: string;
  inForceFrom?: string;
  inForceUntil?: string;
  source: string;
  unconfirmed?: string;
  unconfirmedEn?: string;
}

/** Regulation versions a case can be handled under, by the case's relevant date. */
export const REGULATION_REGIMES: readonly RegulationRegime[] = [
  {
    id: 'perbawaslu-8-2020',
    title: 'Perbawaslu 8/2020 tentang Penanganan Pelanggaran Pemilihan',
    inForceUntil: '2024-09-30',
    source: 'Perbawaslu 8/2020 (BN 2020 No. 1112)',
  },
  {
    id: 'perbawaslu-9-2024',
    title: 'Perbawaslu 9/2024 tentang Perubahan atas Perbawaslu 8/2020',
    inForceFrom: '2024-10-01',
    source: 'Perbawaslu 9/2024 (ditetapkan 30 Sep 2024, BN 2024 No. 636)',
    unconfirmed: 'Tanggal diundangkan/berlaku tidak tercatat; 1 Oktober 2024 diasumsikan.',
    unconfirmedEn: 'The promulgation/effective date is not recorded; 1 October 2024 is assumed.',
  },
  {
    id: 'mk-104-puu-xxiii-2025',
    title: 'Putusan MK 104/PUU-XXIII/2025: rekomendasi Bawaslu dimaknai putusan; KPU menindaklanjuti',
    inForceFrom: '2025-07-30',
    source: 'Putusan MK 104/PUU-XXIII/2025 (diucapkan 30 Jul 2025) atas UU 1/2015 jo. UU 10/2016 Pasal 139 dan 140 ayat (1)',
  },
];

const UU_PILKADA = 'UU 1/2015 jo. UU 8/2015 jo. UU 10/2016';
const NO_PAUSE: readonly string[] = [];

export const DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    // Pasal 134(4): "paling lama 7 (tujuh) hari sejak diketahui dan/atau ditemukannya pelanggaran".
    id: 'laporan.penyampaian',
    versionId: 'laporan.penyampaian@uu',
    title: 'Batas waktu penyampaian laporan',
    titleEn: 'Time limit to file a report',
    source: `${UU_PILKADA} Pasal 134 ayat (4)`,
    startEvent: 'diketahui',
    length: { value: 7, unit: 'days' },
    kind: 'calendar',
    pauseReasons: NO_PAUSE,
  },
  {
    // Completion of missing formal/material requirements: 2×24 hours from the notification.
    // Under Perbawaslu 8/2020 (practice, e.g. Bawaslu Kota Pasuruan 2020).
    id: 'laporan.kelengkapan',
    versionId: 'laporan.kelengkapan@perbawaslu-8-2020',
    title: 'Melengkapi syarat formil/materiil laporan',
    titleEn: 'Complete missing formal/material requirements',
    source: 'Perbawaslu 8/2020 (pemberitahuan kelengkapan laporan)',
    startEvent: 'pemberitahuan_kelengkapan',
    length: { value: 48, unit: 'hours' },
    kind: 'calendar',
    pauseReasons: NO_PAUSE,
    inForceUntil: '2024-09-30',
    regime: 'perbawaslu-8-2020',
    unconfirmed: 'Nomor pasal 2×24 jam dalam Perbawaslu 8/2020 belum diverifikasi.',
    unconfirmedEn: 'The article number of the 2×24-hour rule in Perbawaslu 8/2020 is not yet verified.',
  },
  {
    // Same 2×24 hours under the amendment (cited by Panwaslu Pujud and Bawaslu Halsel, Oct 2024).
    id: 'laporan.kelengkapan',
    versionId: 'laporan.kelengkapan@perbawaslu-9-2024',
    title: 'Melengkapi syarat formil/materiil laporan',
    titleEn: 'Complete missing formal/material requirements',
    source: 'Perbawaslu 8/2020 sebagaimana diubah Perbawaslu 9/2024 (pemberitahuan kelengkapan laporan)',
    startEvent: 'pemberitahuan_kelengkapan',
    length: { value: 48, unit: 'hours' },
    kind: 'calendar',
    pauseReasons: NO_PAUSE,
    inForceFrom: '2024-10-01',
    regime: 'perbawaslu-9-2024',
    unconfirmed: 'Nomor pasal 2×24 jam dan tanggal berlaku Perbawaslu 9/2024 (1 Okt 2024 diasumsikan) belum diverifikasi.',
    unconfirmedEn:
      'The article number of the 2×24-hour rule and the effective date of Perbawaslu 9/2024 (1 Oct 2024 assumed) are not yet verified.',
  },
  {
    // Kajian awal of a handed-in laporan before it is registered or refused. The Pilkada law sets
    // no separate limit; 2 days follows the Bawaslu practice for Pemilu (Perbawaslu 7/2022, kajian
    // awal paling lama 2 hari) so that new reports are not left without a clock in the queue.
    id: 'laporan.kajian_awal',
    versionId: 'laporan.kajian_awal@praktik',
    title: 'Kajian awal laporan (syarat formil dan materiil)',
    titleEn: 'Initial review of a report (formal and material requirements)',
    source: 'Praktik Bawaslu (Perbawaslu 7/2022 untuk Pemilu); Perbawaslu 8/2020 jo. 9/2024 (kajian awal)',
    startEvent: 'disampaikan',
    length: { value: 2, unit: 'days' },
    kind: 'calendar',
    pauseReasons: NO_PAUSE,
    unconfirmed:
      'Batas 2 hari kajian awal untuk Pemilihan belum ditemukan dalam teks Perbawaslu 8/2020 atau 9/2024; diambil dari praktik Pemilu.',
    unconfirmedEn:
      'The 2-day initial review limit for regional elections was not found in the text of Perbawaslu 8/2020 or 9/2024; taken from general-election practice.',
  },
  {
    // Pasal 134(5): follow up "paling lama 3 (tiga) hari setelah laporan diterima";
    // Pasal 134(6): "dapat meminta keterangan tambahan ... paling lama 2 (dua) hari" → 3+2 = 5.
    // A laporan counts as received once it is in the register (Perbawaslu 8/2020).
    id: 'laporan.putusan',
    versionId: 'laporan.putusan@uu',
    title: 'Bawaslu memutus tindak lanjut laporan',
    titleEn: 'Bawaslu decides on the report',
    source: `${UU_PILKADA} Pasal 134 ayat (5)`,
    startEvent: 'diterima',
    length: { value: 3, unit: 'days' },
    kind: 'calendar',
    extension: { value: 2, unit: 'days', reason: 'keterangan_tambahan', source: `${UU_PILKADA} Pasal 134 ayat (6)` },
    pauseReasons: NO_PAUSE,
  },
  {
    // Temuan set by pleno within 7 days of the violation being known or found: Perbawaslu
    // 14/2017 Pasal 5, assumed retained in Perbawaslu 8/2020 and 9/2024.
    id: 'temuan.penetapan',
    versionId: 'temuan.penetapan@perbawaslu',
    title: 'Penetapan temuan dalam rapat pleno',
    titleEn: 'Plenary sets the finding',
    source: 'Perbawaslu 14/2017 Pasal 5 (dipertahankan dalam Perbawaslu 8/2020 jo. 9/2024)',
    startEvent: 'diketahui',
    length: { value: 7, unit: 'days' },
    kind: 'calendar',
    pauseReasons: NO_PAUSE,
    unconfirmed: 'Pasal padanan dalam Perbawaslu 8/2020 dan 9/2024 belum diverifikasi.',
    unconfirmedEn: 'The corresponding articles in Perbawaslu 8/2020 and 9/2024 are not yet verified.',
  },
  {
    // The temuan is handled in the same 3+2 days as a laporan (Ketua Bawaslu Bagja, Pilkada 2024:
    // informasi awal → pleno → temuan → 5-day kajian), mirroring Pasal 134(5)-(6).
    id: 'temuan.putusan',
    versionId: 'temuan.putusan@perbawaslu',
    title: 'Bawaslu memutus tindak lanjut temuan',
    titleEn: 'Bawaslu decides on the finding',
    source: `${UU_PILKADA} Pasal 134 ayat (5)-(6) (diberlakukan untuk temuan oleh Perbawaslu 8/2020)`,
    startEvent: 'penetapan_temuan',
    length: { value: 3, unit: 'days' },
    kind: 'calendar',
    extension: { value: 2, unit: 'days', reason: 'keterangan_tambahan', source: `${UU_PILKADA} Pasal 134 ayat (6)` },
    pauseReasons: NO_PAUSE,
    unconfirmed: 'Pasal Perbawaslu yang memberlakukan 3+2 hari untuk temuan belum diverifikasi.',
    unconfirmedEn: 'The Perbawaslu article applying 3+2 days to findings is not yet verified.',
  },
  {
    // Pasal 135(2): election crimes go to Polri "paling lama 1 x 24 (satu kali dua puluh empat)
    // jam" after the Bawaslu Prov/Kab/Kota or Panwas Kecamatan decision.
    id: 'pidana.penerusan_gakkumdu',
    versionId: 'pidana.penerusan_gakkumdu@uu',
    title: 'Penerusan tindak pidana pemilihan ke Sentra Gakkumdu/Polri',
    titleEn: 'Forward an election crime to Gakkumdu/Police',
    source: `${UU_PILKADA} Pasal 135 ayat (2)`,
    startEvent: 'keputusan',
    length: { value: 24, unit: 'hours' },
    kind: 'calendar',
    pauseReasons: NO_PAUSE,
  },
  {
    // Pasal 139(2)-(3) and 140(1): KPU Prov/Kab/Kota examine and decide an administrative
    // recommendation within 7 days of receipt. MK 104/PUU-XXIII/2025 reads "memeriksa dan
    // memutus" as "menindaklanjuti": no KPU examination period for cases from 30 Jul 2025.
    id: 'kpu.pemeriksaan_rekomendasi',
    versionId: 'kpu.pemeriksaan_rekomendasi@sebelum-mk-104',
    title: 'KPU memeriksa dan memutus rekomendasi pelanggaran administrasi',
    titleEn: 'KPU examines and decides an administrative recommendation',
    source: `${UU_PILKADA} Pasal 139 ayat (2)-(3) dan Pasal 140 ayat (1)`,
    startEvent: 'diterima',
    length: { value: 7, unit: 'days' },
    kind: 'calendar',
    pauseReasons: NO_PAUSE,
    inForceUntil: '2025-07-29',
    unconfirmed: 'Ayat yang memuat batas 7 hari (139 vs 140) belum diverifikasi terhadap teks BN.',
    unconfirmedEn: 'Which article holds the 7-day limit (139 or 140) is not yet verified against the official gazette text.',
  },
  {
    // Police investigation: file to the prosecutor "paling lama 14 (empat belas) hari kerja
    // terhitung sejak laporan diterima" (UU Pilkada; Peraturan Bersama Sentra Gakkumdu Pasal 22(4)).
    id: 'gakkumdu.penyidikan',
    versionId: 'gakkumdu.penyidikan@uu',
    title: 'Penyidikan dan penyerahan berkas ke penuntut umum',
    titleEn: 'Police investigation and file to prosecutor',
    source: `${UU_PILKADA} Pasal 146 ayat (1); Peraturan Bersama Sentra Gakkumdu Pasal 22 ayat (4)`,
    startEvent: 'diterima',
    length: { value: 14, unit: 'days' },
    kind: 'working',
    pauseReasons: NO_PAUSE,
    unconfirmed: 'Nomor pasal UU (146) dari pengetahuan umum; panduan Bawaslu Agustus 2024 mengonfirmasi angka 14 hari kerja.',
    unconfirmedEn: 'The article number (146) is from general knowledge; Bawaslu’s August 2024 guide confirms the 14 working days.',
  },
  {
    // Prosecutor returns an incomplete file within 3 hari kerja, with directions.
    id: 'gakkumdu.pengembalian_berkas',
    versionId: 'gakkumdu.pengembalian_berkas@uu',
    title: 'Penuntut umum mengembalikan berkas yang belum lengkap',
    titleEn: 'Prosecutor returns an incomplete file',
    source: `${UU_PILKADA} Pasal 146 ayat (2)`,
    startEvent: 'berkas_diterima',
    length: { value: 3, unit: 'days' },
    kind: 'working',
    pauseReasons: NO_PAUSE,
    unconfirmed: 'Nomor pasal dari pengetahuan umum; angka 3 hari kerja dari panduan Bawaslu Agustus 2024.',
    unconfirmedEn: 'The article number is from general knowledge; the 3 working days are from Bawaslu’s August 2024 guide.',
  },
  {
    // Police resubmit the completed file within 3 hari kerja of its return.
    id: 'gakkumdu.penyampaian_kembali',
    versionId: 'gakkumdu.penyampaian_kembali@uu',
    title: 'Penyidik menyampaikan kembali berkas',
    titleEn: 'Police resubmit the file',
    source: `${UU_PILKADA} Pasal 146 ayat (3)`,
    startEvent: 'berkas_dikembalikan',
    length: { value: 3, unit: 'days' },
    kind: 'working',
    pauseReasons: NO_PAUSE,
    unconfirmed: 'Nomor pasal dari pengetahuan umum; angka 3 hari kerja dari panduan Bawaslu Agustus 2024.',
    unconfirmedEn: 'The article number is from general knowledge; the 3 working days are from Bawaslu’s August 2024 guide.',
  },
  {
    // Prosecutor files the case in the district court within 5 hari kerja of receiving the file.
    id: 'gakkumdu.pelimpahan_pengadilan',
    versionId: 'gakkumdu.pelimpahan_pengadilan@uu',
    title: 'Penuntut umum melimpahkan perkara ke pengadilan negeri',
    titleEn: 'Prosecutor files the case in court',
    source: `${UU_PILKADA} Pasal 146 ayat (4)`,
    startEvent: 'berkas_lengkap',
    length: { value: 5, unit: 'days' },
    kind: 'working',
    pauseReasons: NO_PAUSE,
    unconfirmed: 'Nomor pasal dari pengetahuan umum; angka 5 hari kerja dari panduan Bawaslu Agustus 2024.',
    unconfirmedEn: 'The article number is from general knowledge; the 5 working days are from Bawaslu’s August 2024 guide.',
  },
  {
    // BKN track 2024 (SBT): Satgas Netralitas verification within 7 days of the forwarded case.
    id: 'bkn.verifikasi',
    versionId: 'bkn.verifikasi@2024',
    title: 'Verifikasi Satgas Netralitas BKN',
    titleEn: 'BKN neutrality task-force verification',
    source: 'Alur penanganan netralitas ASN BKN 2024 (SBT; SE MenPANRB 4/2024)',
    startEvent: 'penerusan',
    length: { value: 7, unit: 'days' },
    kind: 'calendar',
    pauseReasons: NO_PAUSE,
    inForceFrom: '2024-08-25',
    unconfirmed: 'Dasar hukum tertulis alur SBT belum diverifikasi (sumber: pemberitaan Oktober 2024).',
    unconfirmedEn: 'The written legal basis of the SBT procedure is not yet verified (source: news reports, October 2024).',
  },
  {
    // BKN track 2024: Bawaslu review, verification and validation within 3 hari kerja.
    id: 'bkn.kajian_bawaslu',
    versionId: 'bkn.kajian_bawaslu@2024',
    title: 'Kajian, verifikasi dan validasi Bawaslu atas hasil verifikasi BKN',
    titleEn: "Bawaslu review of BKN's verification",
    source: 'Alur penanganan netralitas ASN BKN 2024 (SBT; SE MenPANRB 4/2024)',
    startEvent: 'diterima',
    length: { value: 3, unit: 'days' },
    kind: 'working',
    pauseReasons: NO_PAUSE,
    inForceFrom: '2024-08-25',
    unconfirmed: 'Dasar hukum tertulis alur SBT belum diverifikasi (sumber: pemberitaan Oktober 2024).',
    unconfirmedEn: 'The written legal basis of the SBT procedure is not yet verified (source: news reports, October 2024).',
  },
  {
    // PPK follow-up on a neutrality recommendation. SKB 2022 figure believed to be 14 working
    // days; 2020 statements said 10 days (Kemendagri). Configurable default.
    id: 'ppk.tindak_lanjut',
    versionId: 'ppk.tindak_lanjut@skb-2022',
    title: 'PPK menindaklanjuti rekomendasi netralitas ASN',
    titleEn: 'PPK acts on a neutrality recommendation',
    source:
      'SKB Netralitas ASN 2022 (MenPANRB 2/2022, Mendagri 800-5474/2022, BKN 246/2022, KASN 30/2022, Bawaslu 1447.1/PM.01/K.1/09/2022)',
    startEvent: 'penerusan',
    length: { value: 14, unit: 'days' },
    kind: 'working',
    pauseReasons: NO_PAUSE,
    configurable: true,
    unconfirmed: 'Angka 14 hari kerja tidak terverifikasi (2020: "10 hari"); nilai bawaan dapat diubah.',
    unconfirmedEn: 'The 14 working days are not verified (2020: "10 days"); the default can be changed.',
  },
];

export const RULE_IDS: readonly string[] = [...new Set(DEADLINE_RULES.map((r) => r.id))];

/** Replaces length/kind of a configurable rule, e.g. the PPK follow-up period from settings. */
export function withRuleOverride(
  rules: readonly DeadlineRule[],
  ruleId: string,
  override: { length?: DeadlineLength; kind?: 'calendar' | 'working' },
): DeadlineRule[] {
  return rules.map((rule) => {
    if (rule.id !== ruleId) return rule;
    if (!rule.configurable)
      throw new LegalClockError('RULE_NOT_CONFIGURABLE', `Aturan ${ruleId} tidak dapat diubah (ditetapkan undang-undang).`);
    return { ...rule, ...override, versionId: `${rule.versionId}+override` };
  });
}

export type LegalClockErrorCode = 'UNKNOWN_RULE' | 'RULE_NOT_IN_FORCE' | 'RULE_NOT_CONFIGURABLE' | 'NO_EXTENSION';

export class LegalClockError extends Error {
  constructor(
    readonly code: LegalClockErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LegalClockError';
  }
}
