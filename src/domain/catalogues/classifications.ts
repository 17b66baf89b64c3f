// Violation classifications after Bawaslu's kajian. Pasal 135(1) UU 1/2015 jo. UU 10/2016 lists
// kode etik (→ DKPP), administrasi (→ KPU), sengketa and pidana (→ Polri via Gakkumdu); the
// "pelanggaran peraturan perundang-undangan lainnya" category comes from the Perbawaslu (mirroring
// UU 7/2017 Pasal 455(1)(c)) and covers ASN, kepala desa, TNI/Polri and honorer cases.

export const VIOLATION_CLASSIFICATIONS = [
  'administrasi',
  'kode_etik_penyelenggara',
  'pidana',
  'peraturan_lainnya',
  'bukan_pelanggaran',
] as const;
export type ViolationClassification = (typeof VIOLATION_CLASSIFICATIONS)[number];

export interface ClassificationEntry {
  id: ViolationClassification;
  label: string;
  labelEn: string;
  source: string;
}

export const CLASSIFICATIONS: readonly ClassificationEntry[] = [
  {
    id: 'administrasi',
    label: 'Pelanggaran administrasi pemilihan',
    labelEn: 'Administrative election violation',
    source: 'UU 1/2015 jo. UU 10/2016 Pasal 135 ayat (1) huruf b, Pasal 138-140',
  },
  {
    id: 'kode_etik_penyelenggara',
    label: 'Pelanggaran kode etik penyelenggara pemilihan',
    labelEn: 'Breach of the election officials’ code of ethics',
    source: 'UU 1/2015 jo. UU 10/2016 Pasal 135 ayat (1) huruf a, Pasal 136-137',
  },
  {
    id: 'pidana',
    label: 'Tindak pidana pemilihan',
    labelEn: 'Election crime',
    source: 'UU 1/2015 jo. UU 10/2016 Pasal 135 ayat (1) huruf d dan ayat (2), Pasal 145-152',
  },
  {
    id: 'peraturan_lainnya',
    label: 'Pelanggaran peraturan perundang-undangan lainnya (termasuk netralitas ASN)',
    labelEn: 'Breach of other laws (including civil-servant neutrality)',
    source: 'Perbawaslu 8/2020 jo. 9/2024; padanan UU 7/2017 Pasal 455 ayat (1) huruf c',
  },
  {
    id: 'bukan_pelanggaran',
    label: 'Bukan pelanggaran',
    labelEn: 'Not a violation',
    source: 'Perbawaslu 8/2020 jo. 9/2024 (status penanganan)',
  },
];

export function isViolationClassification(value: string): value is ViolationClassification {
  return (VIOLATION_CLASSIFICATIONS as readonly string[]).includes(value);
}
