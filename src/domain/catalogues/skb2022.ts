// SKB Netralitas ASN 2022, Lampiran II: the acts and their sanctions.
// SKB MenPANRB 2/2022, Mendagri 800-5474/2022, Kepala BKN 246/2022, Ketua KASN 30/2022, Ketua
// Bawaslu 1447.1/PM.01/K.1/09/2022 (signed 22 Sep 2022), "Pedoman Pembinaan dan Pengawasan
// Netralitas Pegawai ASN dalam Penyelenggaraan Pemilihan Umum dan Pemilihan".
//   A. Kode etik catalogue (items 1–7): sanksi moral, open or closed statement (PP 42/2004 Pasal 15).
//   B. Disiplin catalogue (items 1–12): hukuman disiplin sedang/berat (PP 94/2021 Pasal 5 huruf n,
//      Pasal 8) or PTDH for party membership (UU 5/2014 Pasal 87(4)(c)).
// Which catalogue applies follows the stage: acts against a *bakal calon* (before penetapan
// pasangan calon) fall under A, acts against a *calon* (on/after penetapan) under B. This stage
// rule is [partly inferred] from Bawaslu's 2024 summary and KASN statements; confirm against the
// Lampiran II text. The items are in skb2022Items.ts (re-exported here); this file maps the
// stage-independent acts onto them and picks the track by stage.
import { localDateOf, zoneForRegion } from '../time/zones.ts';
import type { LocalDate } from '../time/localDate.ts';
import { MORAL_SANCTIONS, PP94_PENALTIES, PTDH_SANCTION, type SanctionEntry } from './sanctions.ts';
import { SKB_CATALOGUE, skbItem, type MediaAct, type SkbCatalogueItem, type SkbTrack } from './skb2022Items.ts';

export * from './skb2022Items.ts';

/**
 * Neutrality acts independent of stage, each mapped to the catalogue item that applies before and
 * on/after penetapan pasangan calon. Where the SKB names no kode etik item (B3 approaching a party
 * as a bakal calon, B9 winning team before determination, B11 support for an independent
 * candidate, B12 decisions), the disiplin item applies on both sides. Party membership (B5) is
 * PTDH always.
 */
export interface NeutralityAct {
  id: string;
  label: string;
  labelEn: string;
  before: string;
  onOrAfter: string;
  note?: string;
}

export const NEUTRALITY_ACTS: readonly NeutralityAct[] = [
  {
    id: 'alat_peraga',
    label: 'Memasang alat peraga',
    labelEn: 'Campaign props',
    before: 'skb2022.kode_etik.1',
    onOrAfter: 'skb2022.disiplin.1',
  },
  {
    id: 'kampanye_media_sosial',
    label: 'Kampanye di media sosial',
    labelEn: 'Social-media campaigning',
    before: 'skb2022.kode_etik.2',
    onOrAfter: 'skb2022.disiplin.2',
  },
  {
    id: 'hadir_deklarasi_kampanye',
    label: 'Hadir dan mendukung aktif deklarasi/kampanye',
    labelEn: 'Attending and actively supporting a declaration/campaign',
    before: 'skb2022.kode_etik.3',
    onOrAfter: 'skb2022.disiplin.4',
  },
  {
    id: 'interaksi_akun_pemenangan',
    label: 'Posting/like/share/follow akun pemenangan',
    labelEn: 'Engaging with winning-team accounts',
    before: 'skb2022.kode_etik.4',
    onOrAfter: 'skb2022.disiplin.6',
  },
  {
    id: 'foto_bersama',
    label: 'Foto bersama calon/tim/simbol partai',
    labelEn: 'Photo with candidate/team/party symbols',
    before: 'skb2022.kode_etik.5',
    onOrAfter: 'skb2022.disiplin.7',
  },
  {
    id: 'ikut_kegiatan_kampanye',
    label: 'Ikut kegiatan kampanye/sosialisasi',
    labelEn: 'Taking part in campaign events',
    before: 'skb2022.kode_etik.6',
    onOrAfter: 'skb2022.disiplin.8',
    note: 'Padanan setelah penetapan disimpulkan (B8 kegiatan keberpihakan).',
  },
  {
    id: 'hadir_kampanye_pasangan',
    label: 'Hadir deklarasi/kampanye suami/istri calon',
    labelEn: 'Attending a spouse-candidate’s campaign',
    before: 'skb2022.kode_etik.7',
    onOrAfter: 'skb2022.disiplin.4',
    note: 'Padanan setelah penetapan disimpulkan (B4).',
  },
  {
    id: 'pendekatan_partai',
    label: 'Pendekatan ke partai/masyarakat sebagai bakal calon',
    labelEn: 'Approaching a party as a prospective candidate',
    before: 'skb2022.disiplin.3',
    onOrAfter: 'skb2022.disiplin.3',
  },
  {
    id: 'anggota_partai',
    label: 'Anggota/pengurus partai politik',
    labelEn: 'Party member/official',
    before: 'skb2022.disiplin.5',
    onOrAfter: 'skb2022.disiplin.5',
  },
  {
    id: 'kegiatan_keberpihakan',
    label: 'Kegiatan yang mengarah pada keberpihakan',
    labelEn: 'Activities showing partiality',
    before: 'skb2022.kode_etik.6',
    onOrAfter: 'skb2022.disiplin.8',
    note: 'Padanan sebelum penetapan disimpulkan (A6).',
  },
  {
    id: 'tim_pemenangan',
    label: 'Tim ahli/pemenangan/konsultan',
    labelEn: 'Expert/winning team/consultant',
    before: 'skb2022.disiplin.9',
    onOrAfter: 'skb2022.disiplin.10',
  },
  {
    id: 'dukungan_calon_perseorangan',
    label: 'Dukungan KTP untuk calon perseorangan',
    labelEn: 'ID-copy support for an independent candidate',
    before: 'skb2022.disiplin.11',
    onOrAfter: 'skb2022.disiplin.11',
  },
  {
    id: 'keputusan_menguntungkan',
    label: 'Keputusan/tindakan menguntungkan atau merugikan calon',
    labelEn: 'Decision benefiting or harming a candidate',
    before: 'skb2022.disiplin.12',
    onOrAfter: 'skb2022.disiplin.12',
  },
];

/** Catalogue items (both tracks) that a media-monitoring act may correspond to. */
export function catalogueItemsForMediaAct(act: MediaAct): SkbCatalogueItem[] {
  return SKB_CATALOGUE.filter((item) => item.mediaActs.includes(act));
}

/** The election's stages, structurally compatible with ElectionCycle (reference/elections/*.json). */
export interface ElectionStagesLike {
  stages: readonly { code: string; startsOn: string }[];
  /** Region whose zone reads a Date eventDate; WIB when absent. */
  regionCode?: string;
}

export const CANDIDATE_DETERMINATION_STAGE = 'penetapan_paslon';

export interface SanctionTrack {
  actId: string;
  track: SkbTrack;
  stage: 'bakal_calon' | 'calon';
  item: SkbCatalogueItem;
  level: SkbCatalogueItem['level'];
  sanctions: SanctionEntry[];
  candidateDeterminationDate: LocalDate;
  source: string;
  note?: string;
}

export class SanctionTrackError extends Error {
  constructor(
    readonly code: 'UNKNOWN_ACT' | 'NO_DETERMINATION_STAGE',
    message: string,
  ) {
    super(message);
    this.name = 'SanctionTrackError';
  }
}

/**
 * The SKB 2022 track for an act on a date: before penetapan pasangan calon → kode etik (bakal
 * calon), on/after → disiplin (calon); party membership → PTDH always. `actId` is a
 * NeutralityAct id or a catalogue item id. The determination date comes from the election's
 * stages (22 Sep 2024 for Pilkada 2024, PKPU 2/2024).
 */
export function sanctionTrackFor(actId: string, eventDate: Date | LocalDate, election: ElectionStagesLike): SanctionTrack {
  const act = NEUTRALITY_ACTS.find((a) => a.id === actId) ?? NEUTRALITY_ACTS.find((a) => a.before === actId || a.onOrAfter === actId);
  if (!act) throw new SanctionTrackError('UNKNOWN_ACT', `Perbuatan tidak dikenal / unknown act: ${actId}`);
  const determination = election.stages.find((s) => s.code === CANDIDATE_DETERMINATION_STAGE);
  if (!determination)
    throw new SanctionTrackError('NO_DETERMINATION_STAGE', 'Tahapan penetapan pasangan calon tidak ada / no candidate-determination stage');
  const local =
    typeof eventDate === 'string' ? eventDate : localDateOf(eventDate, election.regionCode ? zoneForRegion(election.regionCode) : 'WIB');
  const onOrAfter = local >= determination.startsOn;
  const item = skbItem(onOrAfter ? act.onOrAfter : act.before)!;
  return {
    actId: act.id,
    track: item.track,
    stage: onOrAfter ? 'calon' : 'bakal_calon',
    item,
    level: item.level,
    sanctions: item.sanctionKeys.map((key) => [...MORAL_SANCTIONS, ...PP94_PENALTIES, PTDH_SANCTION].find((s) => s.key === key)!),
    candidateDeterminationDate: determination.startsOn,
    source: item.source,
    ...(act.note ? { note: act.note } : {}),
  };
}

/** Pilkada 2024 candidate determination (PKPU 2/2024), for callers without the election record. */
export const PILKADA_2024_STAGES: ElectionStagesLike = {
  stages: [{ code: CANDIDATE_DETERMINATION_STAGE, startsOn: '2024-09-22' }],
};
