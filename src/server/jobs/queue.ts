// A PostgreSQL-backed job queue: claimed with FOR UPDATE SKIP LOCKED (works on PGlite and on
// a real server with several workers), at-least-once delivery, retries with exponential
// backoff, a dead-letter state, progress, and metrics. Handlers must be idempotent.
import { hostname } from 'node:os';
import type { Db, Queryable, Tx } from '../db/client.ts';

export interface JobRow {
  id: number;
  name: string;
  payload: Record<string, unknown>;
  state: 'queued' | 'running' | 'done' | 'failed' | 'dead';
  attempts: number;
  max_attempts: number;
  run_after: Date;
  last_error: string | null;
  progress: Record<string, unknown> | null;
  result: Record<string, unknown> | null;
}

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
  const result = await tx.query<{ id: number }>(
    `INSERT INTO jobs (name, payload, run_after, max_attempts, dedupe_key) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [name, JSON.stringify(payload), options.runAfter ?? new Date(), options.maxAttempts ?? 5, options.dedupeKey ?? null],
  );
  return result.rows[0]?.id ?? null;
}

export const workerId = () => `${hostname()}:${process.pid}`;

/** Claims one due job. A job whose worker died is reclaimed after `staleAfterMs`. */
export async function claimJob(db: Db, names: string[], now: Date, staleAfterMs = 5 * 60_000): Promise<JobRow | null> {
  return db.transaction(async (tx) => {
    const found = await tx.query<JobRow>(
      `SELECT * FROM jobs
       WHERE name = ANY($1::text[]) AND ((state IN ('queued', 'failed') AND run_after <= $2) OR (state = 'running' AND locked_at < $3))
       ORDER BY run_after, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [names, now, new Date(now.getTime() - staleAfterMs)],
    );
    const job = found.rows[0];
    if (!job) return null;
    await tx.query(`UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = $2, locked_at = $3 WHERE id = $1`, [
      job.id,
      workerId(),
      now,
    ]);
    return { ...job, attempts: job.attempts + 1, state: 'running' };
  });
}

export async function completeJob(db: Queryable, id: number, result: Record<string, unknown> | undefined, now: Date) {
  await db.query(`UPDATE jobs SET state = 'done', result = $2, finished_at = $3, locked_by = NULL WHERE id = $1`, [
    id,
    JSON.stringify(result ?? {}),
    now,
  ]);
}

export function backoffMs(attempt: number): number {
  return Math.min(60 * 60_000, 1000 * 2 ** Math.min(attempt, 20));
}

/** Thrown by a handler when retrying cannot help (e.g. an SMTP 5xx): the job goes dead at once. */
export class PermanentJobError extends Error {}

export async function failJob(db: Queryable, job: JobRow, error: unknown, now: Date, backoff: (attempt: number) => number = backoffMs) {
  const message = error instanceof Error ? error.message : String(error);
  const dead = job.attempts >= job.max_attempts || error instanceof PermanentJobError;
  await db.query(`UPDATE jobs SET state = $2, last_error = $3, run_after = $4, locked_by = NULL, finished_at = $5 WHERE id = $1`, [
    job.id,
    dead ? 'dead' : 'failed',
    message.slice(0, 2000),
    new Date(now.getTime() + backoff(job.attempts)),
    dead ? now : null,
  ]);
}

export async function reportProgress(db: Queryable, id: number, progress: Record<string, unknown>) {
  await db.query('UPDATE jobs SET progress = $2 WHERE id = $1', [id, JSON.stringify(progress)]);
}

export async function queueMetrics(db: Queryable, now: Date) {
  const rows = await db.query<{ name: string; state: string; n: number; oldest: Date | null }>(
    `SELECT name, state, count(*)::int AS n, min(created_at) AS oldest FROM jobs WHERE state <> 'done' GROUP BY name, state ORDER BY name, state`,
  );
  return rows.rows.map((r) => ({
    name: r.name,
    state: r.state,
    count: r.n,
    oldestAgeSeconds: r.oldest ? Math.round((now.getTime() - new Date(r.oldest).getTime()) / 1000) : null,
  }));
}
