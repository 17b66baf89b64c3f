// The editable national calendar (libur nasional and cuti bersama). Working-day deadlines
// (hari kerja: Gakkumdu steps, BKN/Bawaslu review, PPK follow-up) are computed with it.
import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit, type AuditActor } from '../audit/index.ts';
import { buildCalendar, NATIONAL_HOLIDAYS, type Calendar, type HolidayKind } from '../../../domain/calendar/index.ts';

export interface CalendarDay {
  date: string;
  name: string;
  kind: HolidayKind;
  source: string;
}

// Cached per process for a short time; edits in this process invalidate at once.
const CACHE_MS = 60_000;
let cached: { at: number; calendar: Calendar } | null = null;

export async function seedNationalCalendar(db: Queryable): Promise<number> {
  const result = await db.query(
    `INSERT INTO calendar_days (date, name, kind, source)
     SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::text[]) ON CONFLICT (date) DO NOTHING RETURNING date`,
    [
      NATIONAL_HOLIDAYS.map((h) => h.date),
      NATIONAL_HOLIDAYS.map((h) => h.name),
      NATIONAL_HOLIDAYS.map((h) => h.kind),
      NATIONAL_HOLIDAYS.map((h) => h.source),
    ],
  );
  return result.rows.length;
}

export async function listCalendarDays(db: Queryable, year?: number): Promise<CalendarDay[]> {
  const rows = await db.query<{ date: string; name: string; kind: HolidayKind; source: string }>(
    `SELECT date::text AS date, name, kind, source FROM calendar_days ${year ? 'WHERE extract(year FROM date) = $1' : ''} ORDER BY date`,
    year ? [year] : [],
  );
  return rows.rows;
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

export async function upsertCalendarDay(db: Db, day: CalendarDay, actor: AuditActor) {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO calendar_days (date, name, kind, source, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (date) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, source = EXCLUDED.source, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [day.date, day.name, day.kind, day.source, actor.id],
    );
    await appendAudit(tx, { actor, action: 'calendar.day_set', entityType: 'calendar_day', entityId: day.date, data: { ...day } });
  });
  invalidateCalendar();
}

export async function deleteCalendarDay(db: Db, date: string, actor: AuditActor) {
  await db.transaction(async (tx) => {
    const deleted = await tx.query('DELETE FROM calendar_days WHERE date = $1 RETURNING date', [date]);
    if (deleted.rows.length === 0)
      throw new AppError(
        'not_found',
        { id: `Tanggal ${date} tidak ada di kalender.`, en: `${date} is not in the calendar.` },
        { field: 'date' },
      );
    await appendAudit(tx, { actor, action: 'calendar.day_removed', entityType: 'calendar_day', entityId: date });
  });
  invalidateCalendar();
}
