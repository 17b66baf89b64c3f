// Working-day (hari kerja) arithmetic. A working day is Monday–Friday and not a holiday in the
// given calendar. Pilkada deadlines are calendar days (UU 8/2015 changed "hari" to hari kalender;
// MK 18/PUU-XVIII/2020) except where the law says "hari kerja" explicitly, e.g. the Gakkumdu
// investigation steps (UU 1/2015 Pasal 146).
import { addDaysToLocalDate, weekdayOfLocalDate, type LocalDate } from '../time/localDate.ts';
import type { Calendar } from './holidays.ts';

export function isWeekend(localDate: LocalDate): boolean {
  const weekday = weekdayOfLocalDate(localDate);
  return weekday === 0 || weekday === 6;
}

export function isWorkingDay(localDate: LocalDate, calendar: Calendar): boolean {
  return !isWeekend(localDate) && !calendar.isHoliday(localDate);
}

/**
 * The Nth working day after `localDate` (the start day itself is never counted, like calendar-day
 * deadlines). n = 0 returns the start day.
 */
export function addWorkingDays(localDate: LocalDate, n: number, calendar: Calendar): LocalDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer: ${n}`);
  let date = localDate;
  let counted = 0;
  while (counted < n) {
    date = addDaysToLocalDate(date, 1);
    if (isWorkingDay(date, calendar)) counted++;
  }
  return date;
}

/** Working days strictly after `from` up to and including `to` (0 when `to` <= `from`). */
export function countWorkingDaysBetween(from: LocalDate, to: LocalDate, calendar: Calendar): number {
  let count = 0;
  for (let date = addDaysToLocalDate(from, 1); date <= to; date = addDaysToLocalDate(date, 1)) {
    if (isWorkingDay(date, calendar)) count++;
  }
  return count;
}
