// The track proposed in the recommendation letter. For ASN the SKB 2022 catalogue decides by
// stage (before penetapan pasangan calon → kode etik, on/after → disiplin; see skb2022.ts); with
// several acts the heaviest one is proposed. Desa and honorer cases cite their own laws.
import { sanctionTrackFor, type ElectionStagesLike, type SkbTrack } from '../catalogues/skb2022.ts';
import { isAsnSubject, isSubjectType } from '../catalogues/subjects.ts';
import type { LocalDate } from '../time/localDate.ts';

export interface ProposedTrack {
  regime: 'skb2022' | 'desa' | 'honorer' | 'none';
  track: SkbTrack | null;
  level: string | null;
  itemId: string | null;
  citation: string;
  stage: 'bakal_calon' | 'calon' | null;
  sanctionKeys: string[];
  actIds: string[];
}

const SEVERITY: Record<string, number> = { moral: 1, sedang: 2, berat: 3, ptdh: 4 };

export function proposeTrack(input: {
  subjectType: string;
  acts: readonly string[];
  eventDate: LocalDate | null;
  stages: ElectionStagesLike;
}): ProposedTrack {
  const base = { actIds: [...input.acts] };
  if (input.subjectType === 'kepala_desa' || input.subjectType === 'perangkat_desa') {
    const article = input.subjectType === 'kepala_desa' ? 'Pasal 29 huruf j jo. Pasal 30' : 'Pasal 51 huruf j jo. Pasal 52';
    return {
      ...base,
      regime: 'desa',
      track: null,
      level: null,
      itemId: null,
      stage: null,
      citation: `UU 6/2014 tentang Desa ${article}`,
      sanctionKeys: ['desa.teguran_lisan', 'desa.teguran_tertulis', 'desa.pemberhentian_sementara', 'desa.pemberhentian'],
    };
  }
  if (input.subjectType === 'honorer') {
    return {
      ...base,
      regime: 'honorer',
      track: null,
      level: null,
      itemId: null,
      stage: null,
      citation: 'SE MenPANRB 1/2023 (netralitas pegawai non-ASN)',
      sanctionKeys: [],
    };
  }
  if (!isSubjectType(input.subjectType) || !isAsnSubject(input.subjectType) || !input.eventDate) {
    return { ...base, regime: 'none', track: null, level: null, itemId: null, stage: null, citation: '-', sanctionKeys: [] };
  }
  let best: ReturnType<typeof sanctionTrackFor> | null = null;
  for (const act of input.acts) {
    let track: ReturnType<typeof sanctionTrackFor>;
    try {
      track = sanctionTrackFor(act, input.eventDate, input.stages);
    } catch {
      continue;
    }
    if (!best || (SEVERITY[track.level] ?? 0) > (SEVERITY[best.level] ?? 0)) best = track;
  }
  if (!best)
    return {
      ...base,
      regime: 'none',
      track: null,
      level: null,
      itemId: null,
      stage: null,
      citation: 'PP 94/2021 Pasal 5 huruf n',
      sanctionKeys: [],
    };
  return {
    ...base,
    regime: 'skb2022',
    track: best.track,
    level: best.level,
    itemId: best.item.id,
    stage: best.stage,
    citation: best.source,
    sanctionKeys: best.sanctions.map((s) => s.key),
  };
}
