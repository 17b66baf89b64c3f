import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import { degradedHealthSchema, healthSchema } from '../../../contracts/health.ts';

const startedAt = new Date();

export function registerHealthRoutes(app: FastifyInstance, db: Db) {
  app.get('/api/v1/health', {
    schema: {
      tags: ['health'], summary: 'Status layanan / service health',
      response: { 200: healthSchema, 503: { description: 'Basis data tidak terjangkau / database unreachable', content: { 'application/json': { schema: degradedHealthSchema } } } },
    },
  }, async (_request, reply) => {
    try {
      const started = performance.now();
      const counts = await db.query<{ regions: number; contests: number; migrations: number }>(
        `SELECT (SELECT count(*)::int FROM regions) AS regions, (SELECT count(*)::int FROM contests) AS contests,
                (SELECT count(*)::int FROM schema_migrations) AS migrations`);
      return {
        status: 'ok',
        database: db.kind,
        databaseLatencyMs: Math.round((performance.now() - started) * 100) / 100,
        startedAt: startedAt.toISOString(),
        uptimeSeconds: Math.round(process.uptime()),
        regions: counts.rows[0].regions,
        contests: counts.rows[0].contests,
        migrations: counts.rows[0].migrations,
      };
    } catch {
      reply.status(503);
      return { status: 'degraded', database: db.kind };
    }
  });
}
