// Prohibitions and criminal sanctions of the Pilkada law that concern ASN, kepala desa and
// officials: UU 1/2015 jo. UU 8/2015 jo. UU 10/2016 jo. UU 6/2020.
import type { MediaAct } from './skb2022.ts';
import type { SubjectType } from './subjects.ts';

export interface UuPilkadaEntry {
  id: string;
  kind: 'larangan' | 'pidana';
  article: string;
  text: string;
  textEn: string;
  /** Who the provision addresses. 'pasangan_calon' for Pasal 70(1)/189 (the candidate is liable). */
  addressees: readonly (SubjectType | 'pasangan_calon' | 'pejabat_negara' | 'pejabat_daerah' | 'petahana')[];
  mediaActs: readonly MediaAct[];
  /** The criminal provision that punishes a breach, if any. */
  criminalSanctionId?: string;
  penalty?: { prisonMonths: { min?: number; max: number }; fineRupiah: { min?: number; max: number } };
  source: string;
  unconfirmed?: string;
  unconfirmedEn?: string;
}

const UU = 'UU 1/2015 jo. UU 10/2016';
const ASN_SUBJECTS: SubjectType[] = ['PNS', 'PPPK', 'camat', 'lurah', 'penjabat_kepala_daerah'];

export const UU_PILKADA_CATALOGUE: readonly UuPilkadaEntry[] = [
  {
    id: 'uu_pilkada.70_1',
    kind: 'larangan',
    article: 'Pasal 70 ayat (1)',
    text: 'Dalam kampanye, pasangan calon dilarang melibatkan pejabat BUMN/BUMD, ASN, anggota Polri dan TNI, serta kepala desa/lurah dan perangkat desa/kelurahan.',
    textEn:
      'In campaigning, candidate pairs may not involve ASN, police or armed forces members, village heads/lurah or village officials (and SOE officials).',
    addressees: ['pasangan_calon'],
    mediaActs: ['hadir_kampanye', 'mobilisasi', 'deklarasi_dukungan'],
    criminalSanctionId: 'uu_pilkada.189',
    source: `${UU} Pasal 70 ayat (1)`,
    unconfirmed: 'Pencantuman pejabat BUMN/BUMD dalam rumusan belum diverifikasi.',
    unconfirmedEn: 'Whether BUMN/BUMD officials are named in the wording is not yet verified.',
  },
  {
    id: 'uu_pilkada.71_1',
    kind: 'larangan',
    article: 'Pasal 71 ayat (1)',
    text: 'Pejabat negara, pejabat daerah, pejabat ASN, anggota TNI/Polri, dan kepala desa atau sebutan lain/lurah dilarang membuat keputusan dan/atau tindakan yang menguntungkan atau merugikan salah satu pasangan calon.',
    textEn:
      'State and regional officials, ASN officials, TNI/Polri members and village heads/lurah may not make decisions or take actions that benefit or harm a candidate pair.',
    addressees: ['pejabat_negara', 'pejabat_daerah', ...ASN_SUBJECTS, 'TNI', 'Polri', 'kepala_desa'],
    mediaActs: ['keputusan_menguntungkan', 'fasilitas_negara', 'menerima_bantuan'],
    criminalSanctionId: 'uu_pilkada.188',
    source: `${UU} Pasal 71 ayat (1)`,
  },
  {
    id: 'uu_pilkada.71_2',
    kind: 'larangan',
    article: 'Pasal 71 ayat (2)',
    text: 'Gubernur/bupati/wali kota (petahana) dilarang melakukan penggantian pejabat 6 bulan sebelum tanggal penetapan pasangan calon sampai akhir masa jabatan, kecuali mendapat persetujuan tertulis Menteri.',
    textEn:
      'Incumbent regional heads may not replace officials from 6 months before candidate determination until the end of term without the Minister’s written approval.',
    addressees: ['petahana', 'penjabat_kepala_daerah'],
    mediaActs: ['keputusan_menguntungkan'],
    source: `${UU} Pasal 71 ayat (2)`,
    unconfirmed: 'Sanksi diskualifikasi petahana (Pasal 71 ayat (5)) belum diverifikasi.',
    unconfirmedEn: 'The incumbent-disqualification sanction (Article 71(5)) is not yet verified.',
  },
  {
    id: 'uu_pilkada.71_3',
    kind: 'larangan',
    article: 'Pasal 71 ayat (3)',
    text: 'Gubernur/bupati/wali kota dilarang menggunakan kewenangan, program, dan kegiatan yang menguntungkan atau merugikan salah satu pasangan calon dalam waktu 6 bulan sebelum penetapan pasangan calon sampai penetapan pasangan calon terpilih.',
    textEn:
      'Regional heads may not use authority, programmes or activities that benefit or harm a candidate pair from 6 months before candidate determination until the winners are determined.',
    addressees: ['petahana', 'penjabat_kepala_daerah'],
    mediaActs: ['keputusan_menguntungkan', 'fasilitas_negara', 'menerima_bantuan'],
    source: `${UU} Pasal 71 ayat (3)`,
    unconfirmed: 'Sanksi diskualifikasi petahana (Pasal 71 ayat (5)) belum diverifikasi.',
    unconfirmedEn: 'The incumbent-disqualification sanction (Article 71(5)) is not yet verified.',
  },
  {
    id: 'uu_pilkada.188',
    kind: 'pidana',
    article: 'Pasal 188',
    text: 'Setiap pejabat negara, pejabat ASN, dan kepala desa/lurah yang dengan sengaja melanggar Pasal 71 dipidana penjara paling singkat 1 bulan dan paling lama 6 bulan dan/atau denda paling sedikit Rp600.000 dan paling banyak Rp6.000.000.',
    textEn:
      'State officials, ASN officials and village heads/lurah who deliberately breach Pasal 71: 1–6 months’ prison and/or a fine of Rp600,000–Rp6,000,000.',
    addressees: ['pejabat_negara', ...ASN_SUBJECTS, 'kepala_desa'],
    mediaActs: ['keputusan_menguntungkan', 'fasilitas_negara'],
    penalty: { prisonMonths: { min: 1, max: 6 }, fineRupiah: { min: 600_000, max: 6_000_000 } },
    source: `${UU} Pasal 188`,
  },
  {
    id: 'uu_pilkada.189',
    kind: 'pidana',
    article: 'Pasal 189',
    text: 'Calon gubernur/bupati/wali kota yang dengan sengaja melibatkan pihak yang dilarang dalam Pasal 70 ayat (1) dalam kampanye dipidana penjara paling lama 6 bulan dan/atau denda paling banyak Rp6.000.000.',
    textEn:
      'A candidate who deliberately involves the persons listed in Pasal 70(1) in campaigning: up to 6 months’ prison and/or a fine up to Rp6,000,000.',
    addressees: ['pasangan_calon'],
    mediaActs: ['hadir_kampanye', 'mobilisasi'],
    penalty: { prisonMonths: { max: 6 }, fineRupiah: { max: 6_000_000 } },
    source: `${UU} Pasal 189`,
    unconfirmed: 'Batas minimum pidana Pasal 189 belum diverifikasi.',
    unconfirmedEn: 'The minimum penalty of Article 189 is not yet verified.',
  },
];

export function uuPilkadaEntry(id: string): UuPilkadaEntry | undefined {
  return UU_PILKADA_CATALOGUE.find((e) => e.id === id);
}
