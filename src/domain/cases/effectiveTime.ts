// When a staff action took effect, as opposed to when it was typed. Offices register on paper at
// night and type the next morning; a pleno decision of 24 Aug 2024 typed on 26 Aug must route to
// KASN, not BKN. Pure: `now` and the previous step's time are arguments.
import { checkRevealReason } from '../access/revealReason.ts';

export interface EffectiveTimePolicy {
  /** How far back an action may be dated (policy setting cases.effective_at_max_days, default 7). */
  maxDaysBack: number;
  /** Back-dating by more than this needs a written reason. */
  reasonAfterHours: number;
}

export const DEFAULT_EFFECTIVE_TIME_POLICY: EffectiveTimePolicy = { maxDaysBack: 7, reasonAfterHours: 4 };

export type EffectiveTimeProblem = 'in_future' | 'before_previous_step' | 'too_far_back' | 'reason_required';

export type EffectiveTimeCheck =
  { ok: true; at: Date; backdated: boolean; reason: string | null } | { ok: false; problem: EffectiveTimeProblem; limit: Date };

// A clock skew allowance: a browser a minute ahead of the server is not "the future".
const FUTURE_SLACK_MS = 2 * 60_000;

export function checkEffectiveAt(input: {
  effectiveAt?: Date | null;
  now: Date;
  /** When the case's previous step took effect (its last event). */
  previousStepAt: Date | null;
  policy?: EffectiveTimePolicy;
  reason?: string | null;
}): EffectiveTimeCheck {
  const policy = input.policy ?? DEFAULT_EFFECTIVE_TIME_POLICY;
  if (!input.effectiveAt) return { ok: true, at: input.now, backdated: false, reason: null };
  const at = input.effectiveAt;
  if (at.getTime() > input.now.getTime() + FUTURE_SLACK_MS) return { ok: false, problem: 'in_future', limit: input.now };
  // Never later than now: a slightly-ahead browser clock is read as "now".
  const effective = at.getTime() > input.now.getTime() ? input.now : at;
  const earliest = new Date(input.now.getTime() - policy.maxDaysBack * 86_400_000);
  if (effective.getTime() < earliest.getTime()) return { ok: false, problem: 'too_far_back', limit: earliest };
  if (input.previousStepAt && effective.getTime() < input.previousStepAt.getTime()) {
    return { ok: false, problem: 'before_previous_step', limit: input.previousStepAt };
  }
  const backMs = input.now.getTime() - effective.getTime();
  if (backMs > policy.reasonAfterHours * 3_600_000) {
    const checked = input.reason ? checkRevealReason(input.reason) : null;
    if (!checked?.ok)
      return { ok: false, problem: 'reason_required', limit: new Date(input.now.getTime() - policy.reasonAfterHours * 3_600_000) };
    return { ok: true, at: effective, backdated: true, reason: checked.reason };
  }
  return { ok: true, at: effective, backdated: backMs > 0, reason: input.reason?.trim() || null };
}
