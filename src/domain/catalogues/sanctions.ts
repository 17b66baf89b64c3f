// Sanctions as data. Keys are "<regime>.<id>" because the same word (teguran lisan) exists in
// more than one regime.

export type SanctionRegime = 'pp94' | 'moral' | 'desa' | 'uu_asn' | 'none';
export type SanctionLevel = 'ringan' | 'sedang' | 'berat' | 'moral' | 'ptdh' | 'desa' | 'none';

export interface SanctionEntry {
  key: string;
  regime: SanctionRegime;
  id: string;
  level: SanctionLevel;
  label: string;
  labelEn: string;
  source: string;
  unconfirmed?: string;
  unconfirmedEn?: string;
}

function pp94(id: string, level: 'ringan' | 'sedang' | 'berat', label: string, labelEn: string, ayat: string): SanctionEntry {
  return { key: `pp94.${id}`, regime: 'pp94', id, level, label, labelEn, source: `PP 94/2021 Pasal 8 ayat (${ayat})` };
}

/** PP 94/2021 (disiplin PNS) Pasal 8; applied to PPPK through PP 49/2018. */
export const PP94_PENALTIES: readonly SanctionEntry[] = [
  pp94('teguran_lisan', 'ringan', 'Teguran lisan', 'Verbal warning', '2'),
  pp94('teguran_tertulis', 'ringan', 'Teguran tertulis', 'Written warning', '2'),
  pp94('pernyataan_tidak_puas', 'ringan', 'Pernyataan tidak puas secara tertulis', 'Written statement of dissatisfaction', '2'),
  pp94(
    'potongan_tukin_25_6_bulan',
    'sedang',
    'Pemotongan tunjangan kinerja 25% selama 6 bulan',
    '25% performance-allowance cut for 6 months',
    '3',
  ),
  pp94(
    'potongan_tukin_25_9_bulan',
    'sedang',
    'Pemotongan tunjangan kinerja 25% selama 9 bulan',
    '25% performance-allowance cut for 9 months',
    '3',
  ),
  pp94(
    'potongan_tukin_25_12_bulan',
    'sedang',
    'Pemotongan tunjangan kinerja 25% selama 12 bulan',
    '25% performance-allowance cut for 12 months',
    '3',
  ),
  pp94(
    'penurunan_jabatan_12_bulan',
    'berat',
    'Penurunan jabatan setingkat lebih rendah selama 12 bulan',
    'Demotion by one level for 12 months',
    '4',
  ),
  pp94(
    'pembebasan_jabatan_12_bulan',
    'berat',
    'Pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan',
    'Release from post to an executive post for 12 months',
    '4',
  ),
  pp94(
    'pemberhentian_dengan_hormat_tidak_atas_permintaan_sendiri',
    'berat',
    'Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS',
    'Honourable dismissal not at own request',
    '4',
  ),
];

/** Kode etik: sanksi moral, declared in writing by the PPK (PP 42/2004 Pasal 15-16). */
export const MORAL_SANCTIONS: readonly SanctionEntry[] = [
  {
    key: 'moral.pernyataan_terbuka',
    regime: 'moral',
    id: 'pernyataan_terbuka',
    level: 'moral',
    label: 'Sanksi moral: pernyataan secara terbuka',
    labelEn: 'Moral sanction: open statement',
    source: 'PP 42/2004 Pasal 15 ayat (1)-(2)',
  },
  {
    key: 'moral.pernyataan_tertutup',
    regime: 'moral',
    id: 'pernyataan_tertutup',
    level: 'moral',
    label: 'Sanksi moral: pernyataan secara tertutup',
    labelEn: 'Moral sanction: closed statement',
    source: 'PP 42/2004 Pasal 15 ayat (1)-(2)',
  },
];

/** Kepala desa (UU 6/2014 Pasal 30) and perangkat desa (Pasal 52). */
export const DESA_SANCTIONS: readonly SanctionEntry[] = [
  {
    key: 'desa.teguran_lisan',
    regime: 'desa',
    id: 'teguran_lisan',
    level: 'desa',
    label: 'Teguran lisan',
    labelEn: 'Verbal warning',
    source: 'UU 6/2014 Pasal 30 ayat (1), Pasal 52 ayat (1)',
  },
  {
    key: 'desa.teguran_tertulis',
    regime: 'desa',
    id: 'teguran_tertulis',
    level: 'desa',
    label: 'Teguran tertulis',
    labelEn: 'Written warning',
    source: 'UU 6/2014 Pasal 30 ayat (1), Pasal 52 ayat (1)',
  },
  {
    key: 'desa.pemberhentian_sementara',
    regime: 'desa',
    id: 'pemberhentian_sementara',
    level: 'desa',
    label: 'Pemberhentian sementara',
    labelEn: 'Temporary dismissal',
    source: 'UU 6/2014 Pasal 30 ayat (2), Pasal 52 ayat (2)',
  },
  {
    key: 'desa.pemberhentian',
    regime: 'desa',
    id: 'pemberhentian',
    level: 'desa',
    label: 'Pemberhentian',
    labelEn: 'Dismissal',
    source: 'UU 6/2014 Pasal 30 ayat (2), Pasal 52 ayat (2)',
    unconfirmed: 'Perubahan Pasal 30/52 oleh UU 3/2024 belum diverifikasi.',
    unconfirmedEn: 'Amendments to Articles 30/52 by UU 3/2024 are not yet verified.',
  },
];

/** Party membership: dismissal not with honour (PTDH). */
export const PTDH_SANCTION: SanctionEntry = {
  key: 'uu_asn.pemberhentian_tidak_dengan_hormat',
  regime: 'uu_asn',
  id: 'pemberhentian_tidak_dengan_hormat',
  level: 'ptdh',
  label: 'Pemberhentian tidak dengan hormat (PTDH)',
  labelEn: 'Dishonourable dismissal',
  source: 'UU 5/2014 Pasal 87 ayat (4) huruf c; SKB Netralitas ASN 2022 Lampiran II huruf B angka 5',
  unconfirmed: 'Pasal padanan dalam UU 20/2023 belum diverifikasi.',
  unconfirmedEn: 'The corresponding article in UU 20/2023 is not yet verified.',
};

export const NOT_PROVEN: SanctionEntry = {
  key: 'none.tidak_terbukti',
  regime: 'none',
  id: 'tidak_terbukti',
  level: 'none',
  label: 'Tidak terbukti',
  labelEn: 'Not proven',
  source: '-',
};

export const ALL_SANCTIONS: readonly SanctionEntry[] = [
  ...PP94_PENALTIES,
  ...MORAL_SANCTIONS,
  ...DESA_SANCTIONS,
  PTDH_SANCTION,
  NOT_PROVEN,
];

export function sanctionByKey(key: string): SanctionEntry | undefined {
  return ALL_SANCTIONS.find((s) => s.key === key);
}

export function sanctionsOfLevel(level: SanctionLevel): SanctionEntry[] {
  return ALL_SANCTIONS.filter((s) => s.level === level);
}
