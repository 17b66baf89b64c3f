// The perangkat daerah every pemerintah daerah has (UU 23/2014 Pasal 209; PP 18/2016 on
// perangkat daerah), with stable keys. A PPK's scope and a referral's address are a catalogue
// entry: (region code of the pemerintah daerah — province or kabupaten/kota, instansi key).
// Reporters write the instansi as free text; `suggestInstansi` only proposes an entry for the
// supervisor to confirm, it never decides access.
import { levelOfCode } from '../regions/search.ts';

export interface InstansiEntry {
  key: string;
  label: string;
  labelEn: string;
  /** Lower-case fragments of free text that suggest this entry (checked in catalogue order). */
  aliases: readonly string[];
  /** Only in a kabupaten/kota government (kecamatan, kelurahan, desa). */
  kabKotaOnly?: boolean;
}

export const INSTANSI: readonly InstansiEntry[] = [
  {
    key: 'sekretariat_daerah',
    label: 'Sekretariat Daerah',
    labelEn: 'Regional secretariat',
    aliases: ['sekretariat daerah', 'setda', 'sekda'],
  },
  {
    key: 'sekretariat_dprd',
    label: 'Sekretariat DPRD',
    labelEn: 'Regional parliament secretariat',
    aliases: ['sekretariat dprd', 'setwan', 'sekwan'],
  },
  { key: 'inspektorat', label: 'Inspektorat Daerah', labelEn: 'Regional inspectorate', aliases: ['inspektorat'] },
  {
    key: 'bappeda',
    label: 'Badan Perencanaan Pembangunan Daerah',
    labelEn: 'Regional development planning agency',
    aliases: ['perencanaan pembangunan', 'bappeda', 'bapperida'],
  },
  {
    key: 'bkpsdm',
    label: 'Badan Kepegawaian (BKD/BKPSDM)',
    labelEn: 'Regional civil service agency',
    aliases: ['kepegawaian', 'bkpsdm', 'bkd', 'bkpp'],
  },
  {
    key: 'bpkad',
    label: 'Badan Pengelolaan Keuangan dan Aset Daerah',
    labelEn: 'Regional finance and assets agency',
    aliases: ['keuangan dan aset', 'bpkad', 'bpkd'],
  },
  {
    key: 'bapenda',
    label: 'Badan Pendapatan Daerah',
    labelEn: 'Regional revenue agency',
    aliases: ['pendapatan daerah', 'bapenda', 'bppd'],
  },
  {
    key: 'dinas_pendidikan',
    label: 'Dinas Pendidikan',
    labelEn: 'Education office',
    aliases: ['dinas pendidikan', 'disdik', 'diknas', 'sekolah', 'sd negeri', 'smp negeri', 'sma negeri', 'smk negeri'],
  },
  { key: 'dinas_kesehatan', label: 'Dinas Kesehatan', labelEn: 'Health office', aliases: ['dinas kesehatan', 'dinkes', 'puskesmas'] },
  { key: 'rsud', label: 'Rumah Sakit Umum Daerah', labelEn: 'Regional public hospital', aliases: ['rumah sakit umum daerah', 'rsud'] },
  {
    key: 'dinas_pupr',
    label: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    labelEn: 'Public works office',
    aliases: ['pekerjaan umum', 'pupr', 'dpupr'],
  },
  { key: 'dinas_sosial', label: 'Dinas Sosial', labelEn: 'Social affairs office', aliases: ['dinas sosial', 'dinsos'] },
  {
    key: 'dukcapil',
    label: 'Dinas Kependudukan dan Pencatatan Sipil',
    labelEn: 'Population and civil registry office',
    aliases: ['kependudukan', 'dukcapil', 'disdukcapil'],
  },
  {
    key: 'dinas_pmd',
    label: 'Dinas Pemberdayaan Masyarakat dan Desa',
    labelEn: 'Community and village empowerment office',
    aliases: ['pemberdayaan masyarakat', 'dpmd', 'dinas pmd', 'dispmd'],
  },
  {
    key: 'satpol_pp',
    label: 'Satuan Polisi Pamong Praja',
    labelEn: 'Civil service police unit',
    aliases: ['polisi pamong praja', 'satpol pp', 'satpol'],
  },
  {
    key: 'kesbangpol',
    label: 'Badan Kesatuan Bangsa dan Politik',
    labelEn: 'National unity and politics agency',
    aliases: ['kesatuan bangsa', 'kesbangpol'],
  },
  { key: 'dinas_perhubungan', label: 'Dinas Perhubungan', labelEn: 'Transport office', aliases: ['perhubungan', 'dishub'] },
  { key: 'dinas_pertanian', label: 'Dinas Pertanian', labelEn: 'Agriculture office', aliases: ['pertanian', 'distan'] },
  {
    key: 'dinas_kominfo',
    label: 'Dinas Komunikasi dan Informatika',
    labelEn: 'Communication and informatics office',
    aliases: ['komunikasi dan informatika', 'kominfo', 'diskominfo'],
  },
  { key: 'kecamatan', label: 'Kecamatan', labelEn: 'Sub-district office', aliases: ['kecamatan', 'camat'], kabKotaOnly: true },
  { key: 'kelurahan', label: 'Kelurahan', labelEn: 'Urban village office', aliases: ['kelurahan', 'lurah'], kabKotaOnly: true },
  {
    key: 'pemerintah_desa',
    label: 'Pemerintah Desa',
    labelEn: 'Village government',
    aliases: ['pemerintah desa', 'kepala desa', 'perangkat desa', 'desa '],
    kabKotaOnly: true,
  },
  // The kepala daerah as PPK (desa and honorer referrals: bupati/wali kota/gubernur); last, so a
  // named dinas inside "Pemerintah Kabupaten X" wins.
  {
    key: 'pemerintah_daerah',
    label: 'Pemerintah Daerah (kepala daerah)',
    labelEn: 'Regional government (regional head)',
    aliases: [
      'pemerintah kabupaten',
      'pemerintah kota',
      'pemerintah provinsi',
      'pemkab',
      'pemkot',
      'pemprov',
      'bupati',
      'wali kota',
      'walikota',
      'gubernur',
    ],
  },
];

export const INSTANSI_KEYS = INSTANSI.map((e) => e.key) as [string, ...string[]];

export const instansiByKey = (key: string): InstansiEntry | undefined => INSTANSI.find((e) => e.key === key);

/** A pemerintah daerah is a province (NN) or a kabupaten/kota (NN.NN). */
export const isPemdaRegionCode = (code: string): boolean => {
  const level = levelOfCode(code);
  return level === 'provinsi' || level === 'kabupaten_kota';
};

export type AddressProblem = 'REGION_NOT_PEMDA' | 'UNKNOWN_INSTANSI' | 'NOT_IN_PROVINCE';

/** Whether (region, key) names a real catalogue entry: kecamatan/kelurahan/desa only under a kab/kota. */
export function checkAgencyAddress(regionCode: string, key: string): AddressProblem | null {
  if (!isPemdaRegionCode(regionCode)) return 'REGION_NOT_PEMDA';
  const entry = instansiByKey(key);
  if (!entry) return 'UNKNOWN_INSTANSI';
  if (entry.kabKotaOnly && levelOfCode(regionCode) === 'provinsi') return 'NOT_IN_PROVINCE';
  return null;
}

/** The pemerintah daerah a region code belongs to: its kab/kota, or the province itself. */
export function pemdaOfRegion(regionCode: string): string {
  return levelOfCode(regionCode) === 'provinsi' ? regionCode : regionCode.split('.').slice(0, 2).join('.');
}

/**
 * A suggested address for the reporter's free-text instansi: the first catalogue entry whose
 * alias appears, in the terlapor's kab/kota — or the province when the text says "provinsi".
 * Null when nothing matches (e.g. a central ministry: the referral is then addressed to BKN only).
 */
export function suggestInstansi(freeText: string, terlaporRegionCode: string): { regionCode: string; key: string } | null {
  const text = ` ${freeText.toLocaleLowerCase('id').replace(/\s+/g, ' ')} `;
  if (/\b(kementerian|badan .*nasional|lembaga|mahkamah|kejaksaan|kepolisian)\b/.test(text) && !/daerah/.test(text)) return null;
  const province = /\bprovinsi\b/.test(text) && !/\bpemerintah (kabupaten|kota)\b/.test(text);
  const region = province ? terlaporRegionCode.slice(0, 2) : pemdaOfRegion(terlaporRegionCode);
  for (const entry of INSTANSI) {
    if (province && entry.kabKotaOnly) continue;
    if (entry.aliases.some((alias) => text.includes(alias))) return { regionCode: region, key: entry.key };
  }
  return null;
}

/** "Dinas Pendidikan — Kabupaten Ogan Komering Ilir". */
export function agencyAddressLabel(key: string, regionName: string): string {
  return `${instansiByKey(key)?.label ?? key} — ${regionName}`;
}

/** Subjects whose referral goes to the kepala daerah as PPK (UU 6/2014 Pasal 30/52; honorer). */
const KEPALA_DAERAH_SUBJECTS: readonly string[] = ['kepala_desa', 'perangkat_desa', 'honorer'];
/** ASN subjects whose PPK may be a regional instansi (after BKN). */
const ASN_SUBJECTS: readonly string[] = ['PNS', 'PPPK', 'camat', 'lurah', 'penjabat_kepala_daerah'];

/** Whether a terlapor of this subject type is addressed to a catalogue entry when forwarded. */
export const isAddressedSubject = (subjectType: string) =>
  KEPALA_DAERAH_SUBJECTS.includes(subjectType) || ASN_SUBJECTS.includes(subjectType);

/** The entry the forwarding form proposes for the supervisor to confirm or change. */
export function suggestAddressForSubject(
  subjectType: string,
  freeText: string,
  regionCode: string,
): { regionCode: string; key: string } | null {
  if (KEPALA_DAERAH_SUBJECTS.includes(subjectType)) return { regionCode: pemdaOfRegion(regionCode), key: 'pemerintah_daerah' };
  if (ASN_SUBJECTS.includes(subjectType)) return suggestInstansi(freeText, regionCode);
  return null;
}
