// Public follow-up statistics, computed from referral rows (no personal data).
//  - compliance rate = decided ÷ due, where a referral is "due" once it is decided or one of its
//    steps is open past its due date (a referral still inside its deadlines is not counted yet).
//  - median days from recommendation to a sanction decision (not-proven outcomes excluded).
//  - on-time rate = steps done by their due date ÷ (steps done with a due date + steps open past
//    it). Open overdue steps count as late: a body that never answers cannot look punctual.
import { isDecidedState } from './states.ts';

export interface StatStep {
  dueAt: Date | null;
  doneAt: Date | null;
}

export interface StatReferral {
  authority: string;
  regionCode: string | null;
  state: string;
  recommendedAt: Date;
  decidedAt: Date | null;
  steps: readonly StatStep[];
}

export interface ComplianceFigures {
  referrals: number;
  due: number;
  decided: number;
  sanctioned: number;
  sanctionApplied: number;
  notProven: number;
  overdueOpen: number;
  complianceRate: number | null;
  medianDaysToSanction: number | null;
  onTimeRate: number | null;
  stepsOnTime: number;
  stepsJudged: number;
}

const DAY = 86_400_000;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;

export function isReferralDue(r: StatReferral, now: Date): boolean {
  if (isDecidedState(r.state)) return true;
  return r.steps.some((s) => s.dueAt !== null && s.doneAt === null && s.dueAt.getTime() < now.getTime());
}

export function complianceFigures(rows: readonly StatReferral[], now: Date): ComplianceFigures {
  let due = 0,
    decided = 0,
    sanctioned = 0,
    applied = 0,
    notProven = 0,
    overdueOpen = 0,
    onTime = 0,
    judged = 0;
  const days: number[] = [];
  for (const r of rows) {
    if (isReferralDue(r, now)) due++;
    if (isDecidedState(r.state)) decided++;
    if (r.state === 'tidak_terbukti') notProven++;
    if (r.state === 'diputus' || r.state === 'sanksi_dilaksanakan') {
      sanctioned++;
      if (r.decidedAt) days.push((r.decidedAt.getTime() - r.recommendedAt.getTime()) / DAY);
    }
    if (r.state === 'sanksi_dilaksanakan') applied++;
    for (const s of r.steps) {
      if (s.dueAt === null) continue;
      if (s.doneAt !== null) {
        judged++;
        if (s.doneAt.getTime() <= s.dueAt.getTime()) onTime++;
      } else if (s.dueAt.getTime() < now.getTime()) {
        judged++;
        overdueOpen++;
      }
    }
  }
  const med = median(days);
  return {
    referrals: rows.length,
    due,
    decided,
    sanctioned,
    sanctionApplied: applied,
    notProven,
    overdueOpen,
    complianceRate: due ? round(decided / due) : null,
    medianDaysToSanction: med === null ? null : round(med, 1),
    onTimeRate: judged ? round(onTime / judged) : null,
    stepsOnTime: onTime,
    stepsJudged: judged,
  };
}

export function groupFigures<K extends string>(
  rows: readonly StatReferral[],
  keyOf: (r: StatReferral) => K | null,
  now: Date,
): { key: K; figures: ComplianceFigures }[] {
  const groups = new Map<K, StatReferral[]>();
  for (const r of rows) {
    const key = keyOf(r);
    if (key === null) continue;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, list]) => ({ key, figures: complianceFigures(list, now) }));
}
