// Queries of the job queue. The claim keeps its raw FOR UPDATE SKIP LOCKED statement and the
// insert its ON CONFLICT (dedupe_key) form: every intake writes one, so their SQL stays as measured.
import type { Queryable, Tx } from '../db/client.ts';
import { execute, qb, sql } from '../db/kysely.ts';

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'dead';

export interface JobRow {
  id: number;
  name: string;
  payload: Record<string, unknown>;
  state: JobState;
  attempts: number;
  max_attempts: number;
  run_after: Date;
  last_error: string | null;
  progress: Record<string, unknown> | null;
  result: Record<string, unknown> | null;
}

export async function insertJob(
  tx: Tx,
  job: { name: string; payload: Record<string, unknown>; runAfter: Date; maxAttempts: number; dedupeKey: string | null },
): Promise<number | null> {
  const result = await tx.query<{ id: number }>(
    `INSERT INTO jobs (name, payload, run_after, max_attempts, dedupe_key) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [job.name, JSON.stringify(job.payload), job.runAfter, job.maxAttempts, job.dedupeKey],
  );
  return result.rows[0]?.id ?? null;
}

/** The next due job of these names (or a running one whose lock is older than `staleBefore`), locked. */
export async function lockNextDueJob(tx: Tx, names: string[], now: Date, staleBefore: Date): Promise<JobRow | undefined> {
  const found = await tx.query<JobRow>(
    `SELECT * FROM jobs
       WHERE name = ANY($1::text[]) AND ((state IN ('queued', 'failed') AND run_after <= $2) OR (state = 'running' AND locked_at < $3))
       ORDER BY run_after, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
    [names, now, staleBefore],
  );
  return found.rows[0];
}

export async function markJobRunning(tx: Tx, id: number, lockedBy: string, now: Date): Promise<void> {
  await execute(
    tx,
    qb
      .updateTable('jobs')
      .set({ state: 'running', attempts: sql`attempts + 1`, locked_by: lockedBy, locked_at: now })
      .where('id', '=', id),
  );
}

export async function markJobDone(db: Queryable, id: number, result: Record<string, unknown>, now: Date): Promise<void> {
  await execute(
    db,
    qb
      .updateTable('jobs')
      .set({ state: 'done', result: JSON.stringify(result), finished_at: now, locked_by: null })
      .where('id', '=', id),
  );
}

export async function markJobFailed(
  db: Queryable,
  id: number,
  update: { state: 'failed' | 'dead'; error: string; runAfter: Date; finishedAt: Date | null },
): Promise<void> {
  await execute(
    db,
    qb
      .updateTable('jobs')
      .set({ state: update.state, last_error: update.error, run_after: update.runAfter, locked_by: null, finished_at: update.finishedAt })
      .where('id', '=', id),
  );
}

export async function setJobProgress(db: Queryable, id: number, progress: Record<string, unknown>): Promise<void> {
  await execute(
    db,
    qb
      .updateTable('jobs')
      .set({ progress: JSON.stringify(progress) })
      .where('id', '=', id),
  );
}

/** Jobs not done, counted per name and state, with the oldest one's creation time. */
export async function countOpenJobs(db: Queryable) {
  const result = await db.query<{ name: string; state: string; n: number; oldest: Date | null }>(
    `SELECT name, state, count(*)::int AS n, min(created_at) AS oldest FROM jobs WHERE state <> 'done' GROUP BY name, state ORDER BY name, state`,
  );
  return result.rows;
}
