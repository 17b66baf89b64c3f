// The server killed with SIGKILL in the middle of concurrent intake, then restarted: every
// acknowledged report is present once, and registration numbers stay gapless.
// (`npm run soak` runs the same scenario with 2,000 submissions and a PostgreSQL restart.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enabledBackends } from '../support/backends.ts';
import { runCrashScenario } from '../../bench/crash.soak.ts';

for (const backend of enabledBackends()) {
  test(`SIGKILL mid-intake and restart [${backend}]: nothing acknowledged is lost or duplicated`, { timeout: 240_000 }, async () => {
    const result = await runCrashScenario({ backend, submissions: 150, concurrency: 16, killAfter: 50 });
    assert.equal(result.restarts, 1);
    assert.equal(result.acknowledged, 150);
    assert.equal(result.lost, 0);
    assert.equal(result.duplicates, 0);
    assert.equal(result.casesInDb, 150);
    assert.equal(result.serverErrors, 0);
    assert.equal(result.registered, 150);
    assert.equal(result.gapless, true);
  });
}
