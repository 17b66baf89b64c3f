// SKB Netralitas ASN 2022, Lampiran II, item by item: the kode etik catalogue (A 1–7, sanksi moral)
// and the disiplin catalogue (B 1–12, hukuman disiplin sedang/berat, PTDH for party membership),
// each with its sanctions and the media-monitoring acts it may correspond to. skb2022.ts maps
// stage-independent acts onto these items and re-exports them.
import { MORAL_SANCTIONS, PP94_PENALTIES, PTDH_SANCTION } from './sanctions.ts';

/** The media-monitoring act vocabulary used by triage and leads. */
export const MEDIA_ACTS = [
  'hadir_kampanye',
  'media_sosial',
  'atribut',
  'fasilitas_negara',
  'mobilisasi',
  'menerima_bantuan',
  'keputusan_menguntungkan',
  'foto_bersama',
  'deklarasi_dukungan',
  'lainnya',
] as const;
export type MediaAct = (typeof MEDIA_ACTS)[number];

export type SkbTrack = 'kode_etik' | 'disiplin';

export interface SkbCatalogueItem {
  /** Stable id: 'skb2022.kode_etik.1' … 'skb2022.disiplin.12'. */
  id: string;
  track: SkbTrack;
  number: number;
  text: string;
  textEn: string;
  /** Sanction level: 'moral' for the kode etik catalogue, 'sedang'/'berat'/'ptdh' for disiplin. */
  level: 'moral' | 'sedang' | 'berat' | 'ptdh';
  /** Keys into sanctions.ts of the sanctions the PPK may impose. */
  sanctionKeys: readonly string[];
  mediaActs: readonly MediaAct[];
  source: string;
}

const SKB = 'SKB Netralitas ASN 2022 Lampiran II';
const MORAL_KEYS = MORAL_SANCTIONS.map((s) => s.key);
const SEDANG_KEYS = PP94_PENALTIES.filter((s) => s.level === 'sedang').map((s) => s.key);
const BERAT_KEYS = PP94_PENALTIES.filter((s) => s.level === 'berat').map((s) => s.key);

function etik(number: number, text: string, textEn: string, mediaActs: MediaAct[]): SkbCatalogueItem {
  return {
    id: `skb2022.kode_etik.${number}`,
    track: 'kode_etik',
    number,
    text,
    textEn,
    level: 'moral',
    sanctionKeys: MORAL_KEYS,
    mediaActs,
    source: `${SKB} huruf A angka ${number}; PP 42/2004 Pasal 15`,
  };
}

function disiplin(
  number: number,
  level: 'sedang' | 'berat' | 'ptdh',
  text: string,
  textEn: string,
  mediaActs: MediaAct[],
): SkbCatalogueItem {
  const sanctionKeys = level === 'sedang' ? SEDANG_KEYS : level === 'berat' ? BERAT_KEYS : [PTDH_SANCTION.key];
  const basis =
    level === 'ptdh'
      ? 'UU 5/2014 Pasal 87 ayat (4) huruf c'
      : `PP 94/2021 Pasal 5 huruf n jo. Pasal 8 ayat (${level === 'sedang' ? 3 : 4})`;
  return {
    id: `skb2022.disiplin.${number}`,
    track: 'disiplin',
    number,
    text,
    textEn,
    level,
    sanctionKeys,
    mediaActs,
    source: `${SKB} huruf B angka ${number}; ${basis}`,
  };
}

export const SKB_KODE_ETIK: readonly SkbCatalogueItem[] = [
  etik(
    1,
    'Memasang spanduk/baliho/alat peraga lainnya terkait bakal calon peserta pemilihan',
    'Putting up banners, billboards or other campaign props for a prospective candidate',
    ['atribut'],
  ),
  etik(2, 'Sosialisasi/kampanye media sosial/online bakal calon', 'Social-media or online campaigning for a prospective candidate', [
    'media_sosial',
  ]),
  etik(
    3,
    'Menghadiri deklarasi/kampanye pasangan bakal calon dan memberikan tindakan atau dukungan secara aktif',
    'Attending a prospective candidate pair’s declaration or campaign and actively supporting it',
    ['hadir_kampanye', 'deklarasi_dukungan'],
  ),
  etik(
    4,
    'Membuat posting, comment, share, like, bergabung/follow dalam grup/akun pemenangan bakal calon',
    'Posting, commenting, sharing, liking, joining or following a prospective candidate’s winning-team group or account',
    ['media_sosial'],
  ),
  etik(
    5,
    'Memposting pada media sosial/media lain yang dapat diakses publik foto bersama bakal calon, tim sukses, atau alat peraga partai politik',
    'Publicly posting a photo with a prospective candidate, the campaign team or party props',
    ['foto_bersama', 'media_sosial'],
  ),
  etik(
    6,
    'Ikut dalam kegiatan kampanye/sosialisasi/pengenalan bakal calon',
    'Taking part in campaign, socialisation or introduction events for a prospective candidate',
    ['hadir_kampanye'],
  ),
  etik(
    7,
    'Menghadiri deklarasi/kampanye bagi suami/istri calon yang berstatus ASN',
    'Attending a declaration or campaign for one’s spouse who is a candidate',
    ['hadir_kampanye', 'deklarasi_dukungan'],
  ),
];

export const SKB_DISIPLIN: readonly SkbCatalogueItem[] = [
  disiplin(
    1,
    'berat',
    'Memasang spanduk/baliho/alat peraga lainnya terkait calon peserta pemilihan',
    'Putting up banners, billboards or other campaign props for a candidate',
    ['atribut'],
  ),
  disiplin(
    2,
    'berat',
    'Sosialisasi/kampanye media sosial/online calon peserta pemilihan',
    'Social-media or online campaigning for a candidate',
    ['media_sosial'],
  ),
  disiplin(
    3,
    'sedang',
    'Melakukan pendekatan ke partai politik atau masyarakat sebagai bakal calon',
    'Approaching a party or the public as a prospective candidate',
    ['lainnya'],
  ),
  disiplin(
    4,
    'berat',
    'Menghadiri deklarasi/kampanye calon dan memberikan tindakan atau dukungan secara aktif',
    'Attending a candidate’s declaration or campaign and actively supporting it',
    ['hadir_kampanye', 'deklarasi_dukungan'],
  ),
  disiplin(5, 'ptdh', 'Menjadi anggota dan/atau pengurus partai politik', 'Being a member or official of a political party', ['lainnya']),
  disiplin(
    6,
    'berat',
    'Membuat posting, comment, share, like, bergabung/follow dalam grup/akun pemenangan calon',
    'Posting, commenting, sharing, liking, joining or following a candidate’s winning-team group or account',
    ['media_sosial'],
  ),
  disiplin(
    7,
    'berat',
    'Memposting foto bersama calon, tim pemenangan, atau simbol partai politik yang dapat diakses publik',
    'Publicly posting a photo with a candidate, the winning team or party symbols',
    ['foto_bersama', 'media_sosial'],
  ),
  disiplin(
    8,
    'berat',
    'Melakukan kegiatan yang mengarah pada keberpihakan (pertemuan, ajakan, imbauan, seruan, pemberian barang)',
    'Activities showing partiality (meetings, appeals, calls, gifts)',
    ['mobilisasi', 'menerima_bantuan'],
  ),
  disiplin(
    9,
    'sedang',
    'Menjadi tim ahli/tim pemenangan/konsultan bakal calon sebelum penetapan',
    'Acting as expert, winning-team member or consultant before candidate determination',
    ['deklarasi_dukungan'],
  ),
  disiplin(
    10,
    'berat',
    'Menjadi tim ahli/tim pemenangan/konsultan calon setelah penetapan',
    'Acting as expert, winning-team member or consultant after candidate determination',
    ['deklarasi_dukungan'],
  ),
  disiplin(
    11,
    'berat',
    'Memberikan surat dukungan disertai fotokopi KTP atau mengumpulkan fotokopi KTP untuk calon perseorangan',
    'Giving a support letter with ID copy, or collecting ID copies, for an independent candidate',
    ['deklarasi_dukungan'],
  ),
  disiplin(
    12,
    'berat',
    'Membuat keputusan dan/atau tindakan yang menguntungkan atau merugikan pasangan calon',
    'Decisions or actions that benefit or harm a candidate',
    ['keputusan_menguntungkan', 'fasilitas_negara'],
  ),
];

export const SKB_CATALOGUE: readonly SkbCatalogueItem[] = [...SKB_KODE_ETIK, ...SKB_DISIPLIN];

export function skbItem(id: string): SkbCatalogueItem | undefined {
  return SKB_CATALOGUE.find((item) => item.id === id);
}
