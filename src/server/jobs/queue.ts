// A PostgreSQL-backed job queue: claimed with FOR UPDATE SKIP LOCKED (works on PGlite and on
// a real server with several workers), at-least-once delivery, retries with exponential
// backoff, a dead-letter state, progress, and metrics. Handlers must be idempotent.
import { hostname } from 'node:os';
import type { Db, Queryable, Tx } from '../db/client.ts';
import {
  countOpenJobs,
  insertJob,
  lockNextDueJob,
  markJobDone,
  markJobFailed,
  markJobRunning,
  setJobProgress,
  type JobRow,
} from './repository.ts';

export type { JobRow } from './repository.ts';

export interface EnqueueOptions {
  runAfter?: Date;
  maxAttempts?: number;
  /** A job with the same key is enqueued once (e.g. one escalation per step). */
  dedupeKey?: string;
}

export async function enqueueJob(
  tx: Tx,
  name: string,
  payload: Record<string, unknown> = {},
  options: EnqueueOptions = {},
): Promise<number | null> {
  return insertJob(tx, {
    name,
    payload,
    runAfter: options.runAfter ?? new Date(),
    maxAttempts: options.maxAttempts ?? 5,
    dedupeKey: options.dedupeKey ?? null,
  });
}

export const workerId = () => `${hostname()}:${process.pid}`;

/** Claims one due job. A job whose worker died is reclaimed after `staleAfterMs`. */
export async function claimJob(db: Db, names: string[], now: Date, staleAfterMs = 5 * 60_000): Promise<JobRow | null> {
  return db.transaction(async (tx) => {
    const job = await lockNextDueJob(tx, names, now, new Date(now.getTime() - staleAfterMs));
    if (!job) return null;
    await markJobRunning(tx, job.id, workerId(), now);
    return { ...job, attempts: job.attempts + 1, state: 'running' };
  });
}

export async function completeJob(db: Queryable, id: number, result: Record<string, unknown> | undefined, now: Date) {
  await markJobDone(db, id, result ?? {}, now);
}

export function backoffMs(attempt: number): number {
  return Math.min(60 * 60_000, 1000 * 2 ** Math.min(attempt, 20));
}

/** Thrown by a handler when retrying cannot help (e.g. an SMTP 5xx): the job goes dead at once. */
export class PermanentJobError extends Error {}

export async function failJob(db: Queryable, job: JobRow, error: unknown, now: Date, backoff: (attempt: number) => number = backoffMs) {
  const message = error instanceof Error ? error.message : String(error);
  const dead = job.attempts >= job.max_attempts || error instanceof PermanentJobError;
  await markJobFailed(db, job.id, {
    state: dead ? 'dead' : 'failed',
    error: message.slice(0, 2000),
    runAfter: new Date(now.getTime() + backoff(job.attempts)),
    finishedAt: dead ? now : null,
  });
}

export async function reportProgress(db: Queryable, id: number, progress: Record<string, unknown>) {
  await setJobProgress(db, id, progress);
}

export async function queueMetrics(db: Queryable, now: Date) {
  return (await countOpenJobs(db)).map((r) => ({
    name: r.name,
    state: r.state,
    count: r.n,
    oldestAgeSeconds: r.oldest ? Math.round((now.getTime() - new Date(r.oldest).getTime()) / 1000) : null,
  }));
}
