// The editable national calendar (libur nasional and cuti bersama). Working-day deadlines
// (hari kerja: Gakkumdu steps, BKN/Bawaslu review, PPK follow-up) are computed with it.
import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import type { Principal } from '../../../domain/access/policy.ts';
import { assertCanEditCalendar } from './policy.ts';
import type { CalendarDayRow } from './repository.ts';
import { deleteDay, insertMissingDays, selectDays, upsertDay } from './repository.ts';
import { buildCalendar, NATIONAL_HOLIDAYS, type Calendar } from '../../../domain/calendar/index.ts';

export type CalendarDay = CalendarDayRow;

// Cached per process for a short time; edits in this process invalidate at once.
const CACHE_MS = 60_000;
let cached: { at: number; calendar: Calendar } | null = null;

export async function seedNationalCalendar(db: Queryable): Promise<number> {
  return insertMissingDays(db, NATIONAL_HOLIDAYS);
}

export async function listCalendarDays(db: Queryable, year?: number): Promise<CalendarDay[]> {
  return selectDays(db, year);
}

export async function loadCalendar(db: Queryable, now = Date.now()): Promise<Calendar> {
  if (cached && now - cached.at < CACHE_MS) return cached.calendar;
  const calendar = buildCalendar(await listCalendarDays(db));
  cached = { at: now, calendar };
  return calendar;
}

export function invalidateCalendar() {
  cached = null;
}

export async function upsertCalendarDay(db: Db, day: CalendarDay, principal: Principal) {
  assertCanEditCalendar(principal);
  const actor = { id: principal.id, role: principal.role };
  await db.transaction(async (tx) => {
    await upsertDay(tx, day, actor.id);
    await appendAudit(tx, { actor, action: 'calendar.day_set', entityType: 'calendar_day', entityId: day.date, data: { ...day } });
  });
  invalidateCalendar();
}

export async function deleteCalendarDay(db: Db, date: string, principal: Principal) {
  assertCanEditCalendar(principal);
  const actor = { id: principal.id, role: principal.role };
  await db.transaction(async (tx) => {
    if (!(await deleteDay(tx, date)))
      throw new AppError(
        'not_found',
        { id: `Tanggal ${date} tidak ada di kalender.`, en: `${date} is not in the calendar.` },
        { field: 'date' },
      );
    await appendAudit(tx, { actor, action: 'calendar.day_removed', entityType: 'calendar_day', entityId: date });
  });
  invalidateCalendar();
}
