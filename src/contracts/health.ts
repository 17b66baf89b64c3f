// Service health (for monitors and integrators' readiness checks).
import { z } from 'zod';

export const healthSchema = z.object({
  status: z.literal('ok'), database: z.string(), databaseLatencyMs: z.number(), startedAt: z.string(), uptimeSeconds: z.number(),
  regions: z.number().int(), contests: z.number().int(), migrations: z.number().int(),
}).meta({ id: 'Health' });
export const degradedHealthSchema = z.object({ status: z.literal('degraded'), database: z.string() });
