import type { FastifyInstance } from 'fastify';
import { isReplica, replicaStatus, type Db, type ReadDb } from '../../db/client.ts';
import { degradedHealthSchema, healthSchema } from '../../../contracts/health.ts';
import { countReference, pingDatabase, type ReferenceCounts } from './repository.ts';

const startedAt = new Date();
/** Reference counts change only on import; a liveness probe must not count 91,599 regions per call. */
const COUNTS_TTL_MS = 60_000;

/** Counts cached per app with one refresh in flight at a time (a probe storm costs one query). */
function referenceCounts(db: Db) {
  let cached: { at: number; value: ReferenceCounts } | null = null;
  let inFlight: Promise<ReferenceCounts> | null = null;
  const refresh = () => {
    inFlight ??= countReference(db)
      .then((value) => {
        cached = { at: Date.now(), value };
        return value;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
  return async (): Promise<ReferenceCounts> => {
    if (!cached) return refresh();
    // Stale counts are served while one refresh runs behind them.
    if (Date.now() - cached.at > COUNTS_TTL_MS) void refresh().catch(() => undefined);
    return cached.value;
  };
}

/** A database answer this recent stands for the next probes (a probe storm costs one round trip a second). */
const PING_TTL_MS = 1000;

/** One `SELECT 1` in flight at a time, its success reused for PING_TTL_MS; a failure is never reused. */
function databasePing(db: Db) {
  let last: { at: number; latencyMs: number } | null = null;
  let inFlight: Promise<number> | null = null;
  return async (): Promise<number> => {
    if (last && Date.now() - last.at < PING_TTL_MS) return last.latencyMs;
    inFlight ??= (async () => {
      const started = performance.now();
      await pingDatabase(db);
      const latencyMs = Math.round((performance.now() - started) * 100) / 100;
      last = { at: Date.now(), latencyMs };
      return latencyMs;
    })().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}

export function registerHealthRoutes(app: FastifyInstance, db: Db, readDb: ReadDb = db) {
  const counts = referenceCounts(db);
  const ping = databasePing(db);
  app.get(
    '/api/v1/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Status layanan / service health',
        response: {
          200: healthSchema,
          503: {
            description: 'Basis data tidak terjangkau / database unreachable',
            content: { 'application/json': { schema: degradedHealthSchema } },
          },
        },
      },
    },
    async (_request, reply) => {
      try {
        // Liveness of the database: one trivial round trip, no scan, shared by the probes of a second.
        const databaseLatencyMs = await ping();
        const reference = await counts();
        // Replica lag for monitors (alert on it; reads fall back to the primary only when the replica fails).
        const replica = isReplica(readDb) ? await replicaStatus(db, readDb) : undefined;
        return {
          status: 'ok',
          database: db.kind,
          databaseLatencyMs,
          startedAt: startedAt.toISOString(),
          uptimeSeconds: Math.round(process.uptime()),
          regions: reference.regions,
          contests: reference.contests,
          migrations: reference.migrations,
          ...(replica ? { replica } : {}),
        };
      } catch {
        reply.status(503);
        return { status: 'degraded', database: db.kind };
      }
    },
  );
}
