// Intake latency on PGlite with the in-process worker on, across a restart (issue 11 item 9):
// a real server process, N reports at concurrency C, SIGKILL, restart, N more reports while
// the worker drains the backlog. Reports p50/p99/max request latency and the longest gap the
// event loop left a request that needs no database unanswered.
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startNetraProcess } from '../test/support/process.ts';
import { buildLaporanInput } from '../test/support/factories.ts';

const n = Number(process.env.STALL_N ?? 300);
const concurrency = Number(process.env.STALL_C ?? 16);

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Every 100 ms a request that needs no database (the SPA's index.html): its longest wait is the longest event-loop stall. */
function probe(base: string) {
  let stop = false;
  let longest = 0;
  const done = (async () => {
    while (!stop) {
      const t0 = performance.now();
      try { await (await fetch(`${base}/`, { signal: AbortSignal.timeout(120_000) })).arrayBuffer(); } catch { /* counted as waited */ }
      longest = Math.max(longest, performance.now() - t0);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return async () => { stop = true; await done; return longest; };
}

async function load(base: string, label: string, offset: number) {
  const stopProbe = probe(base);
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) {
      const i = offset + next++;
      const t0 = performance.now();
      try {
        const res = await fetch(`${base}/api/v1/laporan`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `stall-${i}-key` },
          body: JSON.stringify(buildLaporanInput()), signal: AbortSignal.timeout(60_000) });
        await res.arrayBuffer();
        if (res.status !== 201) failures++;
      } catch { failures++; }
      latencies.push(performance.now() - t0);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const longestHealth = await stopProbe();
  latencies.sort((a, b) => a - b);
  const row = `| ${label} | ${n} | ${(n / seconds).toFixed(1)} | ${percentile(latencies, 50).toFixed(0)} | ${percentile(latencies, 99).toFixed(0)} | ${latencies[latencies.length - 1].toFixed(0)} | ${longestHealth.toFixed(0)} | ${failures} |`;
  console.error(row);
  return row;
}

// STALL_BASELINE_ROOT: a checkout of the code before a change (e.g. `git archive <commit> | tar -x`
// with node_modules linked), run first in the same invocation so both rows share the machine's load.
const baselineRoot = process.env.STALL_BASELINE_ROOT;
const rows = ['| code | phase | reports | reports/s | p50 ms | p99 ms | max ms | longest stall ms (non-DB request) | failed |', '|---|---|---:|---:|---:|---:|---:|---:|---:|'];
for (const [code, root] of [...(baselineRoot ? [['baseline', baselineRoot] as const] : []), ['this tree', undefined] as const]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'netra-stall-'));
  const port = await freePort();
  const env = { NETRA_DATA_DIR: dataDir, NETRA_IDENTITY_KEY: 'a'.repeat(64), WORKER: 'on', NETRA_INTAKE_PER_MINUTE: '1000000' };
  let server = await startNetraProcess(env, { port, root });
  const base = `http://127.0.0.1:${port}`;
  rows.push(`| ${code} ${await load(base, 'fresh start, worker on', 0)}`);
  await server.kill('SIGKILL');
  server = await startNetraProcess(env, { port, root });
  rows.push(`| ${code} ${await load(base, 'after restart, worker draining backlog', n)}`);
  await server.kill('SIGTERM');
}
console.log(`PGlite, n=${n} per phase, concurrency ${concurrency}, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end\n\n${rows.join('\n')}`);
