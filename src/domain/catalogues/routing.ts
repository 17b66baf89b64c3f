// Where Bawaslu forwards a decided case, as data versioned by the decision date.
//
// Dates are compared as the decision's local date in the region's zone (WIB when no region is
// given); inForceFrom/inForceUntil are both inclusive. The KASN → BKN switch: KASN operated until
// 24 Aug 2024 (Perpres 91/2024 and 92/2024 moved its functions; Ketua Bawaslu Bagja), and SE
// MenPANRB 4/2024 (signed 4 Sep 2024) sends files KASN had not processed to the Kepala BKN.
import { localDateOf, zoneForRegion } from '../time/zones.ts';
import { isValidLocalDate, type LocalDate } from '../time/localDate.ts';
import type { ViolationClassification } from './classifications.ts';
import type { SubjectType } from './subjects.ts';

export type ReferralAuthority =
  'KASN' | 'BKN' | 'BUPATI_WALIKOTA' | 'PPK_DAERAH' | 'GAKKUMDU' | 'KPU' | 'DKPP' | 'TNI' | 'POLRI' | 'INSTANSI_BERWENANG' | 'TIDAK_ADA';

export type ReferralLevel = 'pusat' | 'provinsi' | 'kabupaten' | 'kota';

export interface RoutingRule {
  id: string;
  classification: ViolationClassification;
  /** Undefined = any subject type. */
  subjectTypes?: readonly SubjectType[];
  authority: ReferralAuthority;
  authorityName: string;
  /** 'pusat' for national bodies; 'region' = the level of the case's region code. */
  level: 'pusat' | 'region';
  deadlineRuleId?: string;
  inForceFrom?: LocalDate;
  inForceUntil?: LocalDate;
  source: string;
  note?: string;
}

/** ASN for routing: PNS and PPPK; camat and lurah are PNS; a penjabat kepala daerah is ASN. */
export const ASN_ROUTED_SUBJECTS: readonly SubjectType[] = ['PNS', 'PPPK', 'camat', 'lurah', 'penjabat_kepala_daerah'];

const UU = 'UU 1/2015 jo. UU 10/2016';

export const ROUTING_RULES: readonly RoutingRule[] = [
  {
    id: 'pidana.gakkumdu',
    classification: 'pidana',
    authority: 'GAKKUMDU',
    authorityName: 'Sentra Gakkumdu (Polri) pada tingkat yang sama',
    level: 'region',
    deadlineRuleId: 'pidana.penerusan_gakkumdu',
    source: `${UU} Pasal 135 ayat (1) huruf d dan ayat (2) (paling lama 1×24 jam); Peraturan Bersama Sentra Gakkumdu`,
    note: 'Untuk anggota TNI, yurisdiksi peradilan militer dapat berlaku [UNCONFIRMED].',
  },
  {
    id: 'administrasi.kpu.sebelum-mk-104',
    classification: 'administrasi',
    authority: 'KPU',
    authorityName: 'KPU Provinsi/Kabupaten/Kota sesuai tingkat pemilihan',
    level: 'region',
    deadlineRuleId: 'kpu.pemeriksaan_rekomendasi',
    inForceUntil: '2025-07-29',
    source: `${UU} Pasal 135 ayat (1) huruf b, Pasal 139 ayat (2)-(3), Pasal 140 ayat (1)`,
  },
  {
    id: 'administrasi.kpu.sesudah-mk-104',
    classification: 'administrasi',
    authority: 'KPU',
    authorityName: 'KPU Provinsi/Kabupaten/Kota sesuai tingkat pemilihan (menindaklanjuti putusan Bawaslu)',
    level: 'region',
    inForceFrom: '2025-07-30',
    source: `${UU} Pasal 139-140 sebagaimana dimaknai Putusan MK 104/PUU-XXIII/2025`,
    note: 'KPU menindaklanjuti, tidak lagi memeriksa dan memutus; tidak ada tenggat 7 hari.',
  },
  {
    id: 'kode_etik.dkpp',
    classification: 'kode_etik_penyelenggara',
    authority: 'DKPP',
    authorityName: 'Dewan Kehormatan Penyelenggara Pemilu',
    level: 'pusat',
    source: `${UU} Pasal 135 ayat (1) huruf a, Pasal 136-137`,
  },
  {
    id: 'lainnya.asn.kasn',
    classification: 'peraturan_lainnya',
    subjectTypes: ASN_ROUTED_SUBJECTS,
    authority: 'KASN',
    authorityName: 'Komisi Aparatur Sipil Negara',
    level: 'pusat',
    inForceUntil: '2024-08-24',
    source: 'UU 5/2014 Pasal 30-32 (KASN mengawasi netralitas ASN); SKB Netralitas ASN 2022',
  },
  {
    id: 'lainnya.asn.bkn',
    classification: 'peraturan_lainnya',
    subjectTypes: ASN_ROUTED_SUBJECTS,
    authority: 'BKN',
    authorityName: 'Badan Kepegawaian Negara (Deputi Bidang Pengawasan dan Pengendalian)',
    level: 'pusat',
    deadlineRuleId: 'bkn.verifikasi',
    inForceFrom: '2024-08-25',
    source: 'SE MenPANRB 4/2024 tentang Pengalihan Pelaksanaan Pengawasan Sistem Merit; Perpres 91/2024 dan 92/2024; UU 20/2023',
    note: 'Penjabat kepala daerah juga diawasi Mendagri [UNCONFIRMED jalur tambahan].',
  },
  {
    id: 'lainnya.desa.bupati',
    classification: 'peraturan_lainnya',
    subjectTypes: ['kepala_desa', 'perangkat_desa'],
    authority: 'BUPATI_WALIKOTA',
    authorityName: 'Bupati/Wali Kota',
    level: 'region',
    source: 'UU 6/2014 Pasal 29 huruf g dan j, Pasal 30, Pasal 51 huruf g dan j, Pasal 52',
    note: 'Sanksi perangkat desa dijatuhkan kepala desa setelah berkonsultasi dengan camat (Pasal 52); rekomendasi Bawaslu ditujukan ke bupati/wali kota.',
  },
  {
    id: 'lainnya.honorer.ppk',
    classification: 'peraturan_lainnya',
    subjectTypes: ['honorer'],
    authority: 'PPK_DAERAH',
    authorityName: 'Pejabat Pembina Kepegawaian daerah (kepala daerah)',
    level: 'region',
    source: 'SE MenPANRB 1/2023 (netralitas pegawai non-ASN); praktik Bawaslu Pilkada 2024',
  },
  {
    id: 'lainnya.tni',
    classification: 'peraturan_lainnya',
    subjectTypes: ['TNI'],
    authority: 'TNI',
    authorityName: 'TNI (Puspom TNI / Ankum)',
    level: 'pusat',
    source: 'UU 34/2004 Pasal 39 (larangan politik praktis); UU 25/2014 (hukum disiplin militer)',
  },
  {
    id: 'lainnya.polri',
    classification: 'peraturan_lainnya',
    subjectTypes: ['Polri'],
    authority: 'POLRI',
    authorityName: 'Polri (Divisi Propam)',
    level: 'pusat',
    source: 'UU 2/2002 Pasal 28 (netralitas Polri); Perpol 7/2022 (kode etik profesi)',
  },
  {
    id: 'lainnya.instansi',
    classification: 'peraturan_lainnya',
    subjectTypes: ['lainnya'],
    authority: 'INSTANSI_BERWENANG',
    authorityName: 'Instansi atau pihak yang berwenang',
    level: 'region',
    source: 'Perbawaslu 8/2020 jo. 9/2024; padanan UU 7/2017 Pasal 455 ayat (1) huruf c',
  },
  {
    id: 'bukan_pelanggaran',
    classification: 'bukan_pelanggaran',
    authority: 'TIDAK_ADA',
    authorityName: 'Tidak diteruskan (penanganan dihentikan)',
    level: 'pusat',
    source: 'Perbawaslu 8/2020 jo. 9/2024 (status: bukan pelanggaran)',
  },
];

export interface ReferralInput {
  classification: ViolationClassification;
  subjectType: SubjectType;
  decidedAt: Date | LocalDate;
  /** The case's region (Kemendagri code): sets the level and the zone of decidedAt. */
  regionCode?: string;
}

export interface ReferralRoute {
  ruleId: string;
  authority: ReferralAuthority;
  authorityName: string;
  level?: ReferralLevel;
  deadlineRuleId?: string;
  source: string;
  note?: string;
}

export class RoutingError extends Error {
  constructor(
    readonly code: 'NO_ROUTE',
    message: string,
  ) {
    super(message);
    this.name = 'RoutingError';
  }
}

/** 'pusat' | 'provinsi' | 'kabupaten' | 'kota' from a Kemendagri code: regency part 71–99 = kota. */
export function levelOfRegionCode(regionCode: string): ReferralLevel {
  const digits = regionCode.replace(/\D/g, '');
  if (digits.length <= 2) return 'provinsi';
  return Number(digits.slice(2, 4)) >= 71 ? 'kota' : 'kabupaten';
}

export function routeReferral(input: ReferralInput, rules: readonly RoutingRule[] = ROUTING_RULES): ReferralRoute {
  let decidedLocal: LocalDate;
  if (typeof input.decidedAt === 'string') {
    if (!isValidLocalDate(input.decidedAt)) throw new RangeError(`Tanggal tidak sah / invalid date: ${input.decidedAt}`);
    decidedLocal = input.decidedAt;
  } else {
    decidedLocal = localDateOf(input.decidedAt, input.regionCode ? zoneForRegion(input.regionCode) : 'WIB');
  }
  const rule = rules.find(
    (r) =>
      r.classification === input.classification &&
      (r.subjectTypes === undefined || r.subjectTypes.includes(input.subjectType)) &&
      (r.inForceFrom === undefined || r.inForceFrom <= decidedLocal) &&
      (r.inForceUntil === undefined || decidedLocal <= r.inForceUntil),
  );
  if (!rule) {
    throw new RoutingError('NO_ROUTE', `Tidak ada jalur penerusan untuk ${input.classification}/${input.subjectType} pada ${decidedLocal}`);
  }
  const level: ReferralLevel | undefined =
    rule.level === 'pusat' ? 'pusat' : input.regionCode ? levelOfRegionCode(input.regionCode) : undefined;
  return {
    ruleId: rule.id,
    authority: rule.authority,
    authorityName: rule.authorityName,
    ...(level ? { level } : {}),
    ...(rule.deadlineRuleId ? { deadlineRuleId: rule.deadlineRuleId } : {}),
    source: rule.source,
    ...(rule.note ? { note: rule.note } : {}),
  };
}
