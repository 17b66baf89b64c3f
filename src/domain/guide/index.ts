// The public guide (panduan), generated from the same catalogues the case handling uses: every
// SKB 2022 act with its sanction track and source, the UU Pilkada prohibitions and penalties, the
// legal deadlines with their sources, how to report, what happens next, and what a pledge means.
// Plain Indonesian first, English labels beside it. Pure: no I/O.
import {
  SKB_CATALOGUE,
  NEUTRALITY_ACTS,
  UU_PILKADA_CATALOGUE,
  SUBJECT_TYPE_CATALOGUE,
  ALL_SANCTIONS,
  CLASSIFICATIONS,
} from '../catalogues/index.ts';
import { DEADLINE_RULES, REGULATION_REGIMES, type DeadlineRule } from '../legal-clock/rules.ts';
import { guideIntro, guideStageRule, guideTitle, howToReport, pledge, whatHappensNext } from './texts.ts';

const TRACK_LABELS = {
  kode_etik: { id: 'Pelanggaran kode etik (sanksi moral)', en: 'Code-of-ethics breach (moral sanction)' },
  disiplin: { id: 'Pelanggaran disiplin (hukuman disiplin PNS)', en: 'Disciplinary breach (civil-service discipline)' },
} as const;

const LEVEL_LABELS = {
  moral: { id: 'Sanksi moral (pernyataan terbuka atau tertutup)', en: 'Moral sanction (open or closed statement)' },
  sedang: { id: 'Hukuman disiplin sedang', en: 'Medium disciplinary penalty' },
  berat: { id: 'Hukuman disiplin berat', en: 'Severe disciplinary penalty' },
  ptdh: { id: 'Pemberhentian tidak dengan hormat', en: 'Dishonourable dismissal' },
} as const;

export function describeDeadlineLength(rule: DeadlineRule): { id: string; en: string } {
  if (rule.length.unit === 'hours') {
    const days = rule.length.value / 24;
    return Number.isInteger(days)
      ? { id: `${days}×24 jam`, en: `${days}×24 hours` }
      : { id: `${rule.length.value} jam`, en: `${rule.length.value} hours` };
  }
  const base =
    rule.kind === 'working'
      ? { id: `${rule.length.value} hari kerja`, en: `${rule.length.value} working days` }
      : { id: `${rule.length.value} hari kalender`, en: `${rule.length.value} calendar days` };
  if (!rule.extension) return base;
  return {
    id: `${base.id} (+${rule.extension.value} hari bila perlu keterangan tambahan)`,
    en: `${base.en} (+${rule.extension.value} days if more information is needed)`,
  };
}

export interface Guide {
  title: { id: string; en: string };
  intro: { id: string; en: string };
  stageRule: { id: string; en: string; source: string };
  acts: {
    id: string;
    track: string;
    trackLabel: { id: string; en: string };
    number: number;
    text: string;
    textEn: string;
    level: string;
    levelLabel: { id: string; en: string };
    sanctions: { key: string; label: string; labelEn: string; source: string }[];
    source: string;
  }[];
  neutralityActs: {
    id: string;
    label: string;
    labelEn: string;
    beforeDetermination: string;
    onOrAfterDetermination: string;
    note?: string;
  }[];
  uuPilkada: {
    id: string;
    article: string;
    kind: string;
    text: string;
    textEn: string;
    penalty?: unknown;
    relatedTo?: string;
    source: string;
    unconfirmed?: string;
    unconfirmedEn?: string;
  }[];
  subjects: { id: string; label: string; labelEn: string; isAsn: boolean; source: string; note?: string }[];
  deadlines: {
    id: string;
    versionId: string;
    title: string;
    titleEn: string;
    length: { id: string; en: string };
    source: string;
    inForceFrom?: string;
    inForceUntil?: string;
    unconfirmed?: string;
    unconfirmedEn?: string;
  }[];
  regulations: { id: string; title: string; inForceFrom?: string; inForceUntil?: string; source: string }[];
  howToReport: { title: { id: string; en: string }; steps: { id: string; en: string; source?: string }[] };
  whatHappensNext: {
    title: { id: string; en: string };
    steps: { state: string; label: { id: string; en: string }; explanation: { id: string; en: string }; deadlineRuleIds: string[] }[];
  };
  outcomes: { id: string; label: string; labelEn: string; source: string }[];
  pledge: { title: { id: string; en: string }; paragraphs: { id: string; en: string }[] };
}

export function buildGuide(): Guide {
  return {
    title: guideTitle(),
    intro: guideIntro(),
    stageRule: guideStageRule(),
    acts: guideActs(),
    neutralityActs: guideNeutralityActs(),
    uuPilkada: guideUuPilkada(),
    subjects: guideSubjects(),
    deadlines: guideDeadlines(),
    regulations: guideRegulations(),
    howToReport: howToReport(),
    whatHappensNext: whatHappensNext(),
    outcomes: guideOutcomes(),
    pledge: pledge(),
  };
}

function guideActs(): Guide['acts'] {
  return SKB_CATALOGUE.map((item) => ({
    id: item.id,
    track: item.track,
    trackLabel: TRACK_LABELS[item.track],
    number: item.number,
    text: item.text,
    textEn: item.textEn,
    level: item.level,
    levelLabel: LEVEL_LABELS[item.level],
    sanctions: item.sanctionKeys.map((key) => {
      const s = ALL_SANCTIONS.find((x) => x.key === key)!;
      return { key: s.key, label: s.label, labelEn: s.labelEn, source: s.source };
    }),
    source: item.source,
  }));
}

function guideNeutralityActs(): Guide['neutralityActs'] {
  return NEUTRALITY_ACTS.map((a) => ({
    id: a.id,
    label: a.label,
    labelEn: a.labelEn,
    beforeDetermination: a.before,
    onOrAfterDetermination: a.onOrAfter,
    ...(a.note ? { note: a.note } : {}),
  }));
}

function guideUuPilkada(): Guide['uuPilkada'] {
  return UU_PILKADA_CATALOGUE.map((e) => ({
    id: e.id,
    article: e.article,
    kind: e.kind,
    text: e.text,
    textEn: e.textEn,
    ...(e.penalty ? { penalty: e.penalty } : {}),
    ...(e.criminalSanctionId ? { relatedTo: e.criminalSanctionId } : {}),
    source: e.source,
    ...(e.unconfirmed ? { unconfirmed: e.unconfirmed, unconfirmedEn: e.unconfirmedEn ?? e.unconfirmed } : {}),
  }));
}

function guideSubjects(): Guide['subjects'] {
  return SUBJECT_TYPE_CATALOGUE.map((s) => ({
    id: s.id,
    label: s.label,
    labelEn: s.labelEn,
    isAsn: s.isAsn,
    source: s.source,
    ...(s.note ? { note: s.note } : {}),
  }));
}

function guideDeadlines(): Guide['deadlines'] {
  return DEADLINE_RULES.map((rule) => ({
    id: rule.id,
    versionId: rule.versionId,
    title: rule.title,
    titleEn: rule.titleEn,
    length: describeDeadlineLength(rule),
    source: rule.source,
    ...(rule.inForceFrom ? { inForceFrom: rule.inForceFrom } : {}),
    ...(rule.inForceUntil ? { inForceUntil: rule.inForceUntil } : {}),
    ...(rule.unconfirmed ? { unconfirmed: rule.unconfirmed, unconfirmedEn: rule.unconfirmedEn ?? rule.unconfirmed } : {}),
  }));
}

function guideRegulations(): Guide['regulations'] {
  return REGULATION_REGIMES.map((r) => ({
    id: r.id,
    title: r.title,
    inForceFrom: r.inForceFrom,
    inForceUntil: r.inForceUntil,
    source: r.source,
  }));
}

function guideOutcomes(): Guide['outcomes'] {
  return CLASSIFICATIONS.map((c) => ({ id: c.id, label: c.label, labelEn: c.labelEn, source: c.source }));
}
