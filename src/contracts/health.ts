// Service health (for monitors and integrators' readiness checks).
import { z } from 'zod';

/** Present when DATABASE_REPLICA_URL is set. The service stays 'ok' while the replica is down: reads fall back to the primary. */
export const replicaHealthSchema = z
  .object({
    state: z.enum(['streaming', 'promoted', 'unreachable']),
    /** WAL bytes the primary has written that the replica has not replayed yet. */
    lagBytes: z.number().nullable(),
    /** 0 when caught up; otherwise seconds since the last transaction the replica replayed. */
    lagSeconds: z.number().nullable(),
    replayPaused: z.boolean().nullable(),
    /** Read-only queries since start answered by the replica, and by the primary because the replica failed. */
    served: z.number().int(),
    fallbacks: z.number().int(),
  })
  .meta({ id: 'ReplicaHealth' });

export const healthSchema = z
  .object({
    status: z.literal('ok'),
    database: z.string(),
    databaseLatencyMs: z.number(),
    startedAt: z.string(),
    uptimeSeconds: z.number(),
    regions: z.number().int(),
    contests: z.number().int(),
    migrations: z.number().int(),
    replica: replicaHealthSchema.optional(),
  })
  .meta({ id: 'Health' });
export const degradedHealthSchema = z.object({ status: z.literal('degraded'), database: z.string() });
