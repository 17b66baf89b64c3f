// GET /api/v1/health is cheap under a probe storm (issue 16): concurrent probes share one database
// round trip; a failed round trip is never reused (the next probe asks the database again).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp } from '../support/http.ts';
import type { Db } from '../../src/server/db/client.ts';
import { replayCacheOf } from '../../src/server/http/replay.ts';

function spyOn(db: Db, seen: string[], fail: () => boolean): Db {
  return new Proxy(db, {
    get(target, key, receiver) {
      if (key === 'query') {
        return (text: string, params?: unknown[]) => {
          seen.push(text);
          if (text === 'SELECT 1' && fail())
            return Promise.reject(Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' }));
          return target.query(text, params as never);
        };
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

describeEachBackend('health probe', (ctx) => {
  test('20 concurrent probes cost fewer than 20 database round trips', async () => {
    const seen: string[] = [];
    const app = await buildTestApp(spyOn(ctx().db, seen, () => false));
    try {
      await app.ready();
      seen.length = 0;
      const answers = await Promise.all(Array.from({ length: 20 }, () => app.inject('/api/v1/health')));
      for (const a of answers) assert.equal(a.statusCode, 200);
      const pings = seen.filter((q) => q === 'SELECT 1').length;
      assert.ok(pings >= 1 && pings < 20, `${pings} pings for 20 probes`);
    } finally {
      await app.close();
    }
  });

  test('a database that stops answering is reported on the next probe, not hidden by the cache', async () => {
    const seen: string[] = [];
    let down = true;
    const app = await buildTestApp(spyOn(ctx().db, seen, () => down));
    try {
      const first = await app.inject('/api/v1/health');
      assert.equal(first.statusCode, 503);
      const second = await app.inject('/api/v1/health');
      assert.equal(second.statusCode, 503, 'a failure is not reused');
      assert.equal(seen.filter((q) => q === 'SELECT 1').length, 2);
      down = false;
      assert.equal((await app.inject('/api/v1/health')).statusCode, 200);
    } finally {
      await app.close();
    }
  });
  test('probes within one database sample are replayed byte for byte; a new sample is a full pass again', async () => {
    const seen: string[] = [];
    const app = await buildTestApp(spyOn(ctx().db, seen, () => false));
    try {
      const first = await app.inject('/api/v1/health');
      assert.equal(first.statusCode, 200);
      const counts = replayCacheOf(app)!.counts;
      const replayedBefore = counts.replayed;
      const second = await app.inject('/api/v1/health');
      assert.equal(counts.replayed, replayedBefore + 1, 'the second probe of the sample is replayed');
      assert.equal(second.statusCode, 200);
      assert.equal(second.body, first.body);
      assert.equal(second.headers['content-security-policy'], first.headers['content-security-policy'], 'security headers kept');
      // A signed-in or unusual request takes the full path.
      await app.inject({ url: '/api/v1/health', headers: { cookie: 'netra_session=x' } });
      assert.equal(counts.replayed, replayedBefore + 1);
      // After the sample's second a new SELECT 1 runs and a new answer is recorded.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const pingsBefore = seen.filter((q) => q === 'SELECT 1').length;
      assert.equal((await app.inject('/api/v1/health')).statusCode, 200);
      assert.equal(seen.filter((q) => q === 'SELECT 1').length, pingsBefore + 1, 'a stale sample is not replayed');
    } finally {
      await app.close();
    }
  });
});
