// Who the terlapor is. Whether a subject is ASN decides the referral route (KASN → BKN) and the
// sanction regime (PP 94/2021 disiplin PNS, PP 42/2004 kode etik; PPPK under PP 49/2018).

export const SUBJECT_TYPES = [
  'PNS',
  'PPPK',
  'kepala_desa',
  'perangkat_desa',
  'camat',
  'lurah',
  'TNI',
  'Polri',
  'penjabat_kepala_daerah',
  'honorer',
  'lainnya',
] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export interface SubjectTypeEntry {
  id: SubjectType;
  label: string;
  labelEn: string;
  isAsn: boolean;
  source: string;
  note?: string;
}

export const SUBJECT_TYPE_CATALOGUE: readonly SubjectTypeEntry[] = [
  {
    id: 'PNS',
    label: 'Pegawai Negeri Sipil',
    labelEn: 'Civil servant (PNS)',
    isAsn: true,
    source: 'UU 20/2023 tentang ASN Pasal 1 angka 3; PP 94/2021',
  },
  {
    id: 'PPPK',
    label: 'Pegawai Pemerintah dengan Perjanjian Kerja',
    labelEn: 'Contract civil servant (PPPK)',
    isAsn: true,
    source: 'UU 20/2023 Pasal 1 angka 4; PP 49/2018 (disiplin PPPK)',
  },
  {
    id: 'kepala_desa',
    label: 'Kepala desa',
    labelEn: 'Village head',
    isAsn: false,
    source: 'UU 6/2014 tentang Desa Pasal 29 huruf g dan j, Pasal 30',
  },
  {
    id: 'perangkat_desa',
    label: 'Perangkat desa',
    labelEn: 'Village official',
    isAsn: false,
    source: 'UU 6/2014 tentang Desa Pasal 51 huruf g dan j, Pasal 52',
  },
  {
    id: 'camat',
    label: 'Camat',
    labelEn: 'District head (camat)',
    isAsn: true,
    source: 'PP 17/2018 tentang Kecamatan (camat diangkat dari PNS)',
    note: 'Camat adalah PNS; diproses sebagai ASN.',
  },
  {
    id: 'lurah',
    label: 'Lurah',
    labelEn: 'Urban village head (lurah)',
    isAsn: true,
    source: 'PP 73/2005 tentang Kelurahan (lurah diangkat dari PNS)',
    note: 'Lurah adalah PNS; diproses sebagai ASN.',
  },
  {
    id: 'TNI',
    label: 'Anggota TNI',
    labelEn: 'Armed forces member (TNI)',
    isAsn: false,
    source: 'UU 34/2004 tentang TNI Pasal 39; UU 1/2015 jo. UU 10/2016 Pasal 70 ayat (1)',
  },
  {
    id: 'Polri',
    label: 'Anggota Polri',
    labelEn: 'Police member (Polri)',
    isAsn: false,
    source: 'UU 2/2002 tentang Polri Pasal 28; UU 1/2015 jo. UU 10/2016 Pasal 70 ayat (1)',
  },
  {
    id: 'penjabat_kepala_daerah',
    label: 'Penjabat kepala daerah',
    labelEn: 'Acting regional head (Pj)',
    isAsn: true,
    source: 'UU 10/2016 Pasal 201 ayat (9)-(10); Permendagri 4/2023 (Pj dari pejabat pimpinan tinggi ASN)',
    note: 'Penjabat gubernur/bupati/wali kota berasal dari ASN pimpinan tinggi; pengawasan juga oleh Mendagri.',
  },
  {
    id: 'honorer',
    label: 'Tenaga honorer / non-ASN',
    labelEn: 'Non-ASN contract staff (honorer)',
    isAsn: false,
    source: 'SE MenPANRB 1/2023 (netralitas pegawai non-ASN)',
  },
  { id: 'lainnya', label: 'Lainnya', labelEn: 'Other', isAsn: false, source: '-' },
];

export function subjectTypeEntry(id: SubjectType): SubjectTypeEntry {
  return SUBJECT_TYPE_CATALOGUE.find((s) => s.id === id)!;
}

export function isAsnSubject(id: SubjectType): boolean {
  return subjectTypeEntry(id).isAsn;
}

export function isSubjectType(value: string): value is SubjectType {
  return (SUBJECT_TYPES as readonly string[]).includes(value);
}
