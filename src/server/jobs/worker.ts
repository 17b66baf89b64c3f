// The job worker: polls the queue, runs registered handlers, and schedules periodic jobs.
// Runs in-process by default (WORKER=on) or alone (`netra worker`), same code.
import type { z } from 'zod';
import type { Db } from '../db/client.ts';
import { claimJob, completeJob, enqueueJob, failJob, reportProgress, type JobRow } from './queue.ts';

export interface JobContext {
  db: Db;
  job: JobRow;
  now: Date;
  progress(progress: Record<string, unknown>): Promise<void>;
}

export interface JobDefinition<P = unknown> {
  payload: z.ZodType<P>;
  /** A method (not a property): a handler of a narrower payload fits the registry's `JobDefinition<unknown>`. */
  handler(payload: P, ctx: JobContext): Promise<Record<string, unknown> | void>;
  /** Periodic jobs are enqueued every `everyMs` with a time-bucket dedupe key (once per bucket across processes). */
  everyMs?: number;
  /** Delay before retry number `attempt` (default: the queue's exponential backoff from 2 s). */
  backoffMs?: (attempt: number) => number;
}

export type JobRegistry = Record<string, JobDefinition>;

/** Keeps the handler's payload typed by its schema while fitting into the registry. */
export function defineJob<P>(definition: JobDefinition<P>): JobDefinition {
  return definition;
}

export interface Worker {
  runOnce(): Promise<boolean>;
  stop(): Promise<void>;
}

export function startWorker(
  db: Db,
  registry: JobRegistry,
  options: { pollMs?: number; now?: () => Date; autoStart?: boolean } = {},
): Worker {
  const now = options.now ?? (() => new Date());
  const names = Object.keys(registry);
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  // The bucket each periodic job was last enqueued for by this worker: a drain calls runOnce once
  // per job, and re-inserting (ON CONFLICT DO NOTHING) on every call was a wasted write each time.
  const scheduledBucket = new Map<string, number>();
  async function schedulePeriodic() {
    for (const [name, def] of Object.entries(registry)) {
      if (!def.everyMs) continue;
      const bucket = Math.floor(now().getTime() / def.everyMs);
      if (scheduledBucket.get(name) === bucket) continue;
      await db.transaction((tx) => enqueueJob(tx, name, {}, { dedupeKey: `periodic:${name}:${bucket}`, maxAttempts: 1, runAfter: now() }));
      scheduledBucket.set(name, bucket);
    }
  }

  async function runOnce(): Promise<boolean> {
    await schedulePeriodic();
    const job = await claimJob(db, names, now());
    if (!job) return false;
    const def = registry[job.name];
    try {
      const payload = def.payload.parse(job.payload);
      const result = await def.handler(payload, { db, job, now: now(), progress: (p) => reportProgress(db, job.id, p) });
      await completeJob(db, job.id, result ?? undefined, now());
    } catch (error) {
      await failJob(db, job, error, now(), def.backoffMs);
    }
    return true;
  }

  async function loop() {
    if (stopped) return;
    try {
      // Drain what is due, then sleep.
      while (!stopped && (await runOnce()));
    } catch {
      // A lost database connection is retried on the next tick.
    }
    if (!stopped)
      timer = setTimeout(() => {
        running = loop();
      }, options.pollMs ?? 1000);
  }

  if (options.autoStart ?? true) running = loop();
  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running.catch(() => {});
    },
  };
}
