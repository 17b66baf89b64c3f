// Legal-clock deadlines for referral steps; the PPK follow-up length comes from policy_settings.
import type { Queryable } from '../../db/client.ts';
import { computeDeadline, type Deadline } from '../../../domain/legal-clock/compute.ts';
import { DEADLINE_RULES, LegalClockError, withRuleOverride } from '../../../domain/legal-clock/rules.ts';
import { readSetting } from './repository/settings.ts';
import { loadCalendar } from '../calendar/index.ts';

export const PPK_FOLLOW_UP_DAYS_KEY = 'ppk.follow_up_days';
export const SHOW_NAMES_KEY = 'public.show_terlapor_names';

/** Null when the step has no legal deadline or the rule is not in force on that date (e.g. KASN era). */
export async function stepDeadline(db: Queryable, ruleId: string | null, startAt: Date, regionCode: string): Promise<Deadline | null> {
  if (!ruleId) return null;
  let rules = DEADLINE_RULES;
  if (ruleId === 'ppk.tindak_lanjut') {
    const days = Number(await readSetting<number>(db, PPK_FOLLOW_UP_DAYS_KEY, 14));
    rules = withRuleOverride(DEADLINE_RULES, 'ppk.tindak_lanjut', { length: { value: days, unit: 'days' } });
  }
  try {
    return computeDeadline(ruleId, { startAt, regionCode, calendar: await loadCalendar(db) }, rules);
  } catch (error) {
    if (error instanceof LegalClockError && error.code === 'RULE_NOT_IN_FORCE') return null;
    throw error;
  }
}
