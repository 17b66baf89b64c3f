import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { describeEachBackend } from '../support/backends.ts';
import { claimJob, enqueueJob, PermanentJobError, queueMetrics } from '../../src/server/jobs/queue.ts';
import { startWorker } from '../../src/server/jobs/worker.ts';
import type { Db } from '../../src/server/db/client.ts';

/** enqueueJob takes a transaction (jobs are written with the change that needs them); tests enqueue in one of their own. */
const enqueueIn = (db: Db, ...args: Parameters<typeof enqueueJob> extends [unknown, ...infer Rest] ? Rest : never) =>
  db.transaction((tx) => enqueueJob(tx, ...args));

describeEachBackend(
  'job queue',
  (ctx) => {
    test('a job runs once even with two workers racing; failures retry with backoff then go dead', async () => {
      const db = ctx().db;
      const runs: number[] = [];
      // Far enough ahead that jobs enqueued at the real "now" during the test are due on a slow machine.
      let clock = new Date(Date.now() + 60_000);
      const registry = {
        'test.count': {
          payload: z.object({ n: z.number() }),
          handler: async (p: { n: number }) => {
            runs.push(p.n);
          },
        },
        'test.fail': {
          payload: z.object({}),
          handler: async () => {
            throw new Error('boom');
          },
        },
      };
      for (let n = 0; n < 20; n++) await enqueueIn(db, 'test.count', { n });
      assert.equal((await enqueueIn(db, 'test.count', { n: 99 }, { dedupeKey: 'once' })) !== null, true);
      assert.equal(await enqueueIn(db, 'test.count', { n: 99 }, { dedupeKey: 'once' }), null);
      const a = startWorker(db, registry, { autoStart: false, now: () => clock });
      const b = startWorker(db, registry, { autoStart: false, now: () => clock });
      const drain = async (w: typeof a) => {
        while (await w.runOnce());
      };
      await Promise.all([drain(a), drain(b)]);
      assert.deepEqual(
        [...runs].sort((x, y) => x - y),
        [...Array.from({ length: 20 }, (_, i) => i), 99],
      );

      const id = await enqueueIn(db, 'test.fail', {}, { maxAttempts: 2 });
      await a.runOnce();
      let row = (
        await db.query<{ state: string; attempts: number; run_after: Date }>('SELECT state, attempts, run_after FROM jobs WHERE id = $1', [
          id,
        ])
      ).rows[0];
      assert.equal(row.state, 'failed');
      assert.ok(new Date(row.run_after) > clock, 'backoff pushes the retry into the future');
      assert.equal(await claimJob(db, ['test.fail'], clock), null, 'not due yet');
      clock = new Date(clock.getTime() + 3_600_000);
      await a.runOnce();
      row = (
        await db.query<{ state: string; attempts: number; run_after: Date }>('SELECT state, attempts, run_after FROM jobs WHERE id = $1', [
          id,
        ])
      ).rows[0];
      assert.equal(row.state, 'dead');
      assert.equal(row.attempts, 2);
      const metrics = await queueMetrics(db, clock);
      assert.ok(metrics.some((m) => m.name === 'test.fail' && m.state === 'dead' && m.count === 1));
      await a.stop();
      await b.stop();
    });

    test("a handler's own backoff schedules its retries; a PermanentJobError goes dead at once", async () => {
      const db = ctx().db;
      const clock = new Date(Date.now() + 120_000);
      const registry = {
        'test.slow_retry': {
          payload: z.object({}),
          backoffMs: (attempt: number) => attempt * 600_000,
          handler: async () => {
            throw new Error('451 try later');
          },
        },
        'test.refused': {
          payload: z.object({}),
          handler: async () => {
            throw new PermanentJobError('550 no such mailbox');
          },
        },
      };
      const retry = await enqueueIn(db, 'test.slow_retry', {}, { maxAttempts: 5 });
      const refused = await enqueueIn(db, 'test.refused', {}, { maxAttempts: 5 });
      const worker = startWorker(db, registry, { autoStart: false, now: () => clock });
      while (await worker.runOnce());
      await worker.stop();
      const read = async (id: number | null) =>
        (
          await db.query<{ state: string; attempts: number; run_after: Date; last_error: string }>(
            'SELECT state, attempts, run_after, last_error FROM jobs WHERE id = $1',
            [id],
          )
        ).rows[0];
      const retried = await read(retry);
      assert.equal(retried.state, 'failed');
      assert.equal(new Date(retried.run_after).getTime() - clock.getTime(), 600_000, "the definition's backoff, not the default 2 s");
      const dead = await read(refused);
      assert.deepEqual([dead.state, dead.attempts, dead.last_error], ['dead', 1, '550 no such mailbox']);
    });

    test('a periodic job is enqueued once per time bucket, not on every runOnce of a drain', async () => {
      const real = ctx().db;
      // The real database, with the job inserts counted on the way through.
      let periodicInserts = 0;
      const counting = <Q extends Pick<Db, 'query'>>(inner: Q): Q =>
        Object.create(inner, {
          query: {
            value: (sql: string, params?: unknown[]) => {
              if (/INSERT INTO jobs/.test(sql) && params?.[0] === 'test.tick') periodicInserts++;
              return inner.query(sql, params);
            },
          },
        });
      const db: Db = Object.create(counting(real), {
        transaction: { value: (fn: Parameters<Db['transaction']>[0]) => real.transaction((tx) => fn(counting(tx))) },
      });
      const ticks: number[] = [];
      let clock = new Date(Date.now() + 120_000);
      const registry = {
        'test.tick': {
          payload: z.object({}),
          everyMs: 3_600_000,
          handler: async () => {
            ticks.push(clock.getTime());
          },
        },
        'test.work': { payload: z.object({ n: z.number() }), handler: async () => {} },
      };
      for (let n = 0; n < 10; n++) await enqueueIn(real, 'test.work', { n });
      const worker = startWorker(db, registry, { autoStart: false, now: () => clock });
      let calls = 0;
      while (await worker.runOnce()) calls++;
      assert.ok(calls >= 11, `the drain ran the 10 jobs and the tick (${calls} calls)`);
      assert.equal(ticks.length, 1);
      assert.equal(periodicInserts, 1, 'one insert for the bucket, however many runOnce calls');
      clock = new Date(clock.getTime() + 3_600_000);
      while (await worker.runOnce());
      assert.equal(ticks.length, 2, 'the next bucket runs again');
      assert.equal(periodicInserts, 2);
      await worker.stop();
    });
  },
  { reference: false },
);
