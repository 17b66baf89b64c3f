// Which sanctions an authority may record for a referral, and the decree checks.
//
//  - PNS (and camat, lurah, penjabat kepala daerah, who are PNS): PP 94/2021 Pasal 8 on the
//    disiplin track, plus PTDH for party membership (UU 5/2014 Pasal 87(4)(c)); sanksi moral
//    (PP 42/2004 Pasal 15) on the kode-etik track (SKB 2022 Lampiran II huruf A).
//  - PPPK: PP 49/2018 disiplin, modelled with the PP 94/2021 list [UNCONFIRMED equivalence].
//  - Kepala desa / perangkat desa: UU 6/2014 Pasal 30 and 52 (teguran, pemberhentian sementara,
//    pemberhentian).
//  - Honorer (non-ASN): contract measures under SE MenPANRB 1/2023 [UNCONFIRMED list].
//  - Gakkumdu, KPU, DKPP, TNI, Polri, other agencies: an outcome "ditindaklanjuti" with the
//    authority's own reference number; their sanctions are outside this catalogue.
//  - "Tidak terbukti" is always a valid outcome.
import {
  DESA_SANCTIONS,
  MORAL_SANCTIONS,
  NOT_PROVEN,
  PP94_PENALTIES,
  PTDH_SANCTION,
  sanctionByKey,
  type SanctionEntry,
} from '../catalogues/sanctions.ts';
import type { SubjectType } from '../catalogues/subjects.ts';
import type { SkbTrack } from '../catalogues/skb2022.ts';
import type { LocalDate } from '../time/localDate.ts';

export const HONORER_SANCTIONS: readonly SanctionEntry[] = [
  {
    key: 'honorer.teguran_tertulis',
    regime: 'none',
    id: 'teguran_tertulis',
    level: 'ringan',
    label: 'Teguran tertulis (non-ASN)',
    labelEn: 'Written warning (non-ASN)',
    source: 'SE MenPANRB 1/2023',
    unconfirmed: 'Jenis sanksi non-ASN belum diverifikasi.',
  },
  {
    key: 'honorer.pemutusan_hubungan_kerja',
    regime: 'none',
    id: 'pemutusan_hubungan_kerja',
    level: 'berat',
    label: 'Pemutusan hubungan kerja (non-ASN)',
    labelEn: 'Termination of contract (non-ASN)',
    source: 'SE MenPANRB 1/2023',
    unconfirmed: 'Jenis sanksi non-ASN belum diverifikasi.',
  },
];

export const AUTHORITY_OUTCOME: SanctionEntry = {
  key: 'instansi.ditindaklanjuti',
  regime: 'none',
  id: 'ditindaklanjuti',
  level: 'none',
  label: 'Ditindaklanjuti oleh instansi berwenang',
  labelEn: 'Followed up by the competent authority',
  source: 'UU 1/2015 jo. UU 10/2016 Pasal 135 ayat (1)',
};

export const REFERRAL_SANCTIONS: readonly SanctionEntry[] = [...HONORER_SANCTIONS, AUTHORITY_OUTCOME];

export function referralSanctionByKey(key: string): SanctionEntry | undefined {
  return sanctionByKey(key) ?? REFERRAL_SANCTIONS.find((s) => s.key === key);
}

const PNS_LIKE: readonly string[] = ['PNS', 'PPPK', 'camat', 'lurah', 'penjabat_kepala_daerah'];
const PROCESS_AUTHORITIES: readonly string[] = ['GAKKUMDU', 'KPU', 'DKPP', 'TNI', 'POLRI', 'INSTANSI_BERWENANG'];

export interface SanctionContext {
  subjectType: SubjectType | string;
  authority: string;
  /** The SKB 2022 track proposed in the recommendation; null when no act was catalogued. */
  track: SkbTrack | null;
}

/** The sanction keys the law gives for this subject and track (not-proven always included). */
export function validSanctionKeys(ctx: SanctionContext): string[] {
  const keys: string[] = [];
  if (PROCESS_AUTHORITIES.includes(ctx.authority)) {
    keys.push(AUTHORITY_OUTCOME.key);
  } else if (PNS_LIKE.includes(ctx.subjectType)) {
    // The PPK decides the track; the recommendation proposes one. Without a catalogued act both apply.
    if (ctx.track !== 'disiplin') keys.push(...MORAL_SANCTIONS.map((s) => s.key));
    if (ctx.track !== 'kode_etik') keys.push(...PP94_PENALTIES.map((s) => s.key), PTDH_SANCTION.key);
  } else if (ctx.subjectType === 'kepala_desa' || ctx.subjectType === 'perangkat_desa') {
    keys.push(...DESA_SANCTIONS.map((s) => s.key));
  } else if (ctx.subjectType === 'honorer') {
    keys.push(...HONORER_SANCTIONS.map((s) => s.key));
  }
  keys.push(NOT_PROVEN.key);
  return keys;
}

export function isValidSanction(ctx: SanctionContext, key: string): boolean {
  return validSanctionKeys(ctx).includes(key);
}

export type DecreeDateProblem = 'BEFORE_RECOMMENDATION' | 'IN_FUTURE' | 'INVALID';

/**
 * A decree cannot predate the recommendation it answers, nor be dated after today. Both dates
 * are local dates in the region's zone.
 */
export function checkDecreeDate(decreeDate: LocalDate, recommendationDate: LocalDate, today: LocalDate): DecreeDateProblem | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(decreeDate)) return 'INVALID';
  if (decreeDate < recommendationDate) return 'BEFORE_RECOMMENDATION';
  if (decreeDate > today) return 'IN_FUTURE';
  return null;
}

const LEVEL_RANK: Record<string, number> = { none: 0, moral: 1, ringan: 2, desa: 2, sedang: 3, berat: 4, ptdh: 5 };

/** True when the decided sanction is lighter than the level proposed (shown to BKN and Bawaslu). */
export function isLighterThanProposed(decidedLevel: string, proposedLevel: string | null): boolean {
  if (!proposedLevel) return false;
  return (LEVEL_RANK[decidedLevel] ?? 0) < (LEVEL_RANK[proposedLevel] ?? 0);
}
