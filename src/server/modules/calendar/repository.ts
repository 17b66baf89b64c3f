// Every query of the calendar module.
import type { Queryable, Tx } from '../../db/client.ts';
import { execute, firstRow, qb, rows, sql } from '../../db/kysely.ts';
import type { HolidayKind } from '../../../domain/calendar/index.ts';

export interface CalendarDayRow {
  date: string;
  name: string;
  kind: HolidayKind;
  source: string;
}

/** Bulk load: one statement for the whole national list; existing dates are kept. Resolves to the number inserted. */
export async function insertMissingDays(db: Queryable, days: readonly CalendarDayRow[]): Promise<number> {
  const result = await db.query(
    `INSERT INTO calendar_days (date, name, kind, source)
     SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::text[]) ON CONFLICT (date) DO NOTHING RETURNING date`,
    [days.map((h) => h.date), days.map((h) => h.name), days.map((h) => h.kind), days.map((h) => h.source)],
  );
  return result.rows.length;
}

export async function selectDays(db: Queryable, year?: number): Promise<CalendarDayRow[]> {
  let query = qb
    .selectFrom('calendar_days')
    .select([sql<string>`date::text`.as('date'), 'name', sql<HolidayKind>`kind`.as('kind'), 'source'])
    .orderBy('date');
  if (year) query = query.where(sql<number>`extract(year FROM date)`, '=', year);
  return rows(db, query);
}

export async function upsertDay(tx: Tx, day: CalendarDayRow, updatedBy: string): Promise<void> {
  await execute(
    tx,
    qb
      .insertInto('calendar_days')
      .values({ ...day, updated_by: updatedBy, updated_at: sql<Date>`now()` })
      .onConflict((oc) =>
        oc.column('date').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          kind: eb.ref('excluded.kind'),
          source: eb.ref('excluded.source'),
          updated_by: eb.ref('excluded.updated_by'),
          updated_at: sql<Date>`now()`,
        })),
      ),
  );
}

/** True when the date was in the calendar. */
export async function deleteDay(tx: Tx, date: string): Promise<boolean> {
  return (await firstRow(tx, qb.deleteFrom('calendar_days').where('date', '=', date).returning('date'))) !== undefined;
}
