// Public dashboard aggregates, kept as an in-memory snapshot per database: recomputed at most
// every `ttlSeconds` (served stale while a refresh runs in the background) or at once after
// `invalidateStats`. The body is serialised once and served with an ETag, so a burst of public
// traffic never reaches the database. No personal data: only counts and catalogue labels.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Queryable } from '../../db/client.ts';
import { computeStats } from './compute.ts';
import { readCounters, scanCounters, type CounterRow } from './repository.ts';
import type { StatsSnapshot } from './types.ts';

export { computeStats, isoWeekLabel } from './compute.ts';
export { readCounters, scanCounters, STATS_SCAN } from './repository.ts';
export type * from './types.ts';

/** Compares the counters with a full scan; returns the differing keys (empty when consistent). */
export async function verifyStatsCounters(db: Queryable): Promise<{ dimension: string; key: string; counter: number; actual: number }[]> {
  const [counters, actual] = await Promise.all([readCounters(db), scanCounters(db)]);
  const map = (rows: CounterRow[]) => new Map(rows.map((r) => [`${r.dimension}\u0000${r.key}`, Number(r.n)]));
  const a = map(counters);
  const b = map(actual);
  const diffs = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if ((a.get(key) ?? 0) !== (b.get(key) ?? 0)) {
      const [dimension, k] = key.split('\u0000');
      diffs.push({ dimension, key: k, counter: a.get(key) ?? 0, actual: b.get(key) ?? 0 });
    }
  }
  return diffs;
}

export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

export interface StatsCacheOptions {
  ttlSeconds?: number;
  now?: () => Date;
}

export class StatsCache {
  private snapshot: StatsSnapshot | null = null;
  private inflight: Promise<StatsSnapshot> | null = null;
  private invalidated = false;
  ttlMs: number;
  now: () => Date;

  constructor(
    private readonly db: Queryable,
    options: StatsCacheOptions = {},
  ) {
    this.ttlMs = (options.ttlSeconds ?? 30) * 1000;
    this.now = options.now ?? (() => new Date());
  }

  /** Recomputes now (single-flight: concurrent callers share one computation). */
  refresh(): Promise<StatsSnapshot> {
    if (this.inflight) return this.inflight;
    const started = performance.now();
    this.invalidated = false;
    this.inflight = computeStats(this.db, this.now())
      .then(({ regionStates, regionHistory, ...data }) => {
        const body = JSON.stringify(data);
        this.snapshot = {
          data,
          regionStates,
          regionHistory,
          body,
          gzip: gzipSync(body),
          etag: etagOf(body),
          computedAt: Date.now(),
          computeMs: Math.round(performance.now() - started),
        };
        return this.snapshot;
      })
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }

  /** The current snapshot: fresh after invalidation or at first use; stale-while-revalidate after the TTL. */
  async get(): Promise<StatsSnapshot> {
    if (!this.snapshot || this.invalidated) return this.refresh();
    if (Date.now() - this.snapshot.computedAt >= this.ttlMs) this.refresh().catch(() => {});
    return this.snapshot;
  }

  invalidate(): void {
    this.invalidated = true;
  }

  /** The snapshot while it may be served as is (not invalidated, within its TTL); no refresh. */
  current(): StatsSnapshot | null {
    if (!this.snapshot || this.invalidated || Date.now() - this.snapshot.computedAt >= this.ttlMs) return null;
    return this.snapshot;
  }
}

const caches = new WeakMap<object, StatsCache>();

/** The snapshot cache of a database (one per Db object). */
export function statsCacheFor(db: Queryable, options: StatsCacheOptions = {}): StatsCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new StatsCache(db, options);
    caches.set(db, cache);
  } else {
    if (options.ttlSeconds !== undefined) cache.ttlMs = options.ttlSeconds * 1000;
    if (options.now) cache.now = options.now;
  }
  return cache;
}

/** For a periodic job: recompute the dashboard snapshot of this database now. */
export async function refreshStats(db: Queryable): Promise<{ computeMs: number; cases: number }> {
  const snapshot = await statsCacheFor(db).refresh();
  return { computeMs: snapshot.computeMs, cases: snapshot.data.totals.cases };
}

const readers = new WeakMap<object, Queryable>();

/**
 * The dashboard of `primary` is computed on `reader` (a replica, or the primary itself), so
 * writers that call invalidateStats(primary) also mark the reader's snapshot stale.
 */
export function readStatsFrom(primary: Queryable, reader: Queryable): void {
  if (primary !== reader) readers.set(primary, reader);
}

/** Marks the snapshot stale so the next read recomputes it (after imports, bulk changes). */
export function invalidateStats(db: Queryable): void {
  caches.get(db)?.invalidate();
  const reader = readers.get(db);
  if (reader) caches.get(reader)?.invalidate();
}
