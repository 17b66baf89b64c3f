import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { requireRole } from '../../http/auth.ts';
import { isoDate, plainText } from '../../shared/schemas.ts';
import { deleteCalendarDay, listCalendarDays, upsertCalendarDay } from './service.ts';

export function registerCalendarRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/calendar', {
    schema: { tags: ['calendar'], summary: 'Libur nasional dan cuti bersama / national holidays', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) },
  }, async (request) => {
    const items = await listCalendarDays(db, request.query.year);
    return { items, total: items.length };
  });

  r.put('/api/v1/calendar/:date', {
    schema: { tags: ['calendar'], params: z.object({ date: isoDate }),
      body: z.object({ name: plainText(2, 200), kind: z.enum(['libur', 'cuti_bersama']), source: plainText(3, 500) }) },
  }, async (request) => {
    const principal = requireRole(request, ['admin']);
    await upsertCalendarDay(db, { date: request.params.date, ...request.body }, { id: principal.id, role: principal.role });
    return { date: request.params.date, ...request.body };
  });

  r.delete('/api/v1/calendar/:date', { schema: { tags: ['calendar'], params: z.object({ date: isoDate }) } }, async (request) => {
    const principal = requireRole(request, ['admin']);
    await deleteCalendarDay(db, request.params.date, { id: principal.id, role: principal.role });
    return { ok: true };
  });
}
