import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { requirePrincipal } from '../../http/auth.ts';
import { isoDate, plainText } from '../../shared/schemas.ts';
import { CALENDAR_LIMITS } from '../../../contracts/limits.ts';
import { HOLIDAY_KINDS, calendarDaySchema, calendarListSchema } from '../../../contracts/calendar.ts';
import { okSchema } from '../../../contracts/common.ts';
import { deleteCalendarDay, listCalendarDays, upsertCalendarDay } from './service.ts';

export function registerCalendarRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/calendar',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Libur nasional dan cuti bersama / national holidays',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: calendarListSchema },
      },
    },
    async (request) => {
      const items = await listCalendarDays(db, request.query.year);
      return { items, total: items.length };
    },
  );

  r.put(
    '/api/v1/calendar/:date',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Tetapkan hari libur (admin) / set a holiday (admin)',
        params: z.object({ date: isoDate }),
        body: z.object({
          name: plainText(CALENDAR_LIMITS.name.min, CALENDAR_LIMITS.name.max),
          kind: z.enum(HOLIDAY_KINDS),
          source: plainText(CALENDAR_LIMITS.source.min, CALENDAR_LIMITS.source.max),
        }),
        response: { 200: calendarDaySchema },
      },
    },
    async (request) => {
      await upsertCalendarDay(db, { date: request.params.date, ...request.body }, requirePrincipal(request));
      return { date: request.params.date, ...request.body };
    },
  );

  r.delete(
    '/api/v1/calendar/:date',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Hapus hari libur (admin) / remove a holiday (admin)',
        params: z.object({ date: isoDate }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await deleteCalendarDay(db, request.params.date, requirePrincipal(request));
      return { ok: true as const };
    },
  );
}
