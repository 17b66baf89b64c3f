// Which classification a supervisor most likely means when forwarding a case, from who the
// terlapor are and what they are reported to have done. A proposal shown pre-selected in the
// 'Teruskan' dialog, never a decision: the supervisor confirms or changes it after the kajian.
// ASN, kepala/perangkat desa, honorer, TNI and Polri in campaign activities are a breach of their
// own neutrality rules ("peraturan perundang-undangan lainnya"), not an administrative election
// violation (which is KPU's business with candidates and organisers).
import { isViolationClassification, type ViolationClassification } from './classifications.ts';
import { NEUTRALITY_ACTS } from './skb2022.ts';
import { routeReferral, type ReferralRoute } from './routing.ts';
import { isSubjectType, type SubjectType } from './subjects.ts';
import type { LocalDate } from '../time/localDate.ts';

/** Subject types whose neutrality is governed by their own laws (UU ASN, UU Desa, UU TNI/Polri). */
const NEUTRALITY_SUBJECTS: readonly SubjectType[] = [
  'PNS',
  'PPPK',
  'camat',
  'lurah',
  'penjabat_kepala_daerah',
  'kepala_desa',
  'perangkat_desa',
  'honorer',
  'TNI',
  'Polri',
];

export interface ClassificationSuggestion {
  classification: ViolationClassification;
  /** Why, in the domain's words: which subject and which acts led to it. */
  basis: 'neutrality_subject_and_acts' | 'neutrality_subject';
}

/**
 * The proposed classification for a case, or null when nothing points anywhere (e.g. only
 * 'lainnya' terlapor with only unlisted acts): then the supervisor chooses unaided.
 */
export function suggestClassification(subjectTypes: readonly string[], acts: readonly string[]): ClassificationSuggestion | null {
  const neutralitySubject = subjectTypes.some((s) => isSubjectType(s) && NEUTRALITY_SUBJECTS.includes(s));
  const neutralityAct = acts.some((a) => NEUTRALITY_ACTS.some((n) => n.id === a));
  if (neutralitySubject && neutralityAct) return { classification: 'peraturan_lainnya', basis: 'neutrality_subject_and_acts' };
  if (neutralitySubject) return { classification: 'peraturan_lainnya', basis: 'neutrality_subject' };
  return null;
}

/** Neutrality first: the order the 'Teruskan' dialog offers classifications in. */
export const FORWARDING_ORDER: readonly ViolationClassification[] = [
  'peraturan_lainnya',
  'pidana',
  'administrasi',
  'kode_etik_penyelenggara',
];

export interface ForwardingPreview extends ReferralRoute {
  subjectType: SubjectType;
}

/**
 * Where each terlapor's referral would go under a classification, as the server will route it
 * (one recommendation letter per terlapor). Terlapor without a route are left out.
 */
export function previewForwarding(
  classification: string,
  subjectTypes: readonly string[],
  decidedOn: LocalDate,
  regionCode: string,
): ForwardingPreview[] {
  if (!isViolationClassification(classification)) return [];
  const out: ForwardingPreview[] = [];
  for (const s of subjectTypes) {
    if (!isSubjectType(s)) continue;
    try {
      out.push({ subjectType: s, ...routeReferral({ classification, subjectType: s, decidedAt: decidedOn, regionCode }) });
    } catch {
      // no route for this subject under this classification: the server will refuse it too
    }
  }
  return out;
}
