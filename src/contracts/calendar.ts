// The national calendar (libur nasional, cuti bersama) that working-day deadlines count with.
import { z } from 'zod';
import { listOf } from './common.ts';

export const HOLIDAY_KINDS = ['libur', 'cuti_bersama'] as const;

export const calendarDaySchema = z
  .object({
    date: z.string().describe('YYYY-MM-DD'),
    name: z.string(),
    kind: z.enum(HOLIDAY_KINDS),
    source: z.string(),
  })
  .meta({ id: 'CalendarDay' });
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const calendarListSchema = listOf(calendarDaySchema);
export type CalendarList = z.infer<typeof calendarListSchema>;
