import type { FastifyInstance } from 'fastify';
import { isReplica, replicaStatus, type Db, type ReadDb } from '../../db/client.ts';
import type { ReplayCache } from '../../http/replay.ts';
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

interface PingSample {
  at: number;
  latencyMs: number;
}

/** One `SELECT 1` in flight at a time, its success reused for PING_TTL_MS; a failure is never reused. */
function databasePing(db: Db) {
  let last: PingSample | null = null;
  let inFlight: Promise<PingSample> | null = null;
  const fresh = () => (last && Date.now() - last.at < PING_TTL_MS ? last : null);
  return {
    /** The sample probes may still use (also the replay generation: a new sample, a new recording). */
    fresh,
    async probe(): Promise<PingSample> {
      const current = fresh();
      if (current) return current;
      inFlight ??= (async () => {
        const started = performance.now();
        await pingDatabase(db);
        last = { at: Date.now(), latencyMs: Math.round((performance.now() - started) * 100) / 100 };
        return last;
      })().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
  };
}

/**
 * `replay`: probes within the same database sample (≤ PING_TTL_MS) are answered from the bytes of
 * the first, before the per-request hooks (http/replay.ts), so a probe storm costs about what a bare
 * server's answer costs. Not with a replica: its lag is read on every probe.
 */
export function registerHealthRoutes(app: FastifyInstance, db: Db, readDb: ReadDb = db, replayCache?: ReplayCache) {
  const counts = referenceCounts(db);
  const ping = databasePing(db);
  const replay = isReplica(readDb) ? undefined : replayCache?.route('/api/v1/health', { generation: ping.fresh, variant: () => '200' });
  app.get(
    '/api/v1/health',
    {
      ...(replay ? { onSend: replay.onSend } : {}),
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
    async (request, reply) => {
      try {
        // Liveness of the database: one trivial round trip, no scan, shared by the probes of a second.
        const sample = await ping.probe();
        const databaseLatencyMs = sample.latencyMs;
        const reference = await counts();
        replay?.served(request, sample);
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
