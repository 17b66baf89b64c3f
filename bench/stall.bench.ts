// Intake latency on PGlite with the in-process worker on, across a restart (issue 11 item 9):
// a real server process, N reports at concurrency C, SIGKILL, restart, N more reports while
// the worker drains the backlog. Reports p50/p99/max request latency and the longest gap the
// event loop left a request that needs no database unanswered.
import { mkdtempSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
      try {
        await (await fetch(`${base}/`, { signal: AbortSignal.timeout(120_000) })).arrayBuffer();
      } catch {
        /* counted as waited */
      }
      longest = Math.max(longest, performance.now() - t0);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return async () => {
    stop = true;
    await done;
    return longest;
  };
}

/** The server's own view (bench/loop-monitor.mjs): worst event-loop gap in wall time, and the CPU time used in the gap. */
function loopMonitor(file: string) {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { wallMs: number; cpuMsOfWorstWall: number; cpuMs: number; wallMsOfWorstCpu: number };
  } catch {
    return null;
  }
}

async function load(
  base: string,
  label: string,
  offset: number,
  monitorFile?: string,
  server?: { child: { kill(signal: NodeJS.Signals): boolean } },
) {
  server?.child.kill('SIGUSR2');
  await new Promise((r) => setTimeout(r, 1100));
  const stopProbe = probe(base);
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = offset + next++;
        const t0 = performance.now();
        try {
          const res = await fetch(`${base}/api/v1/laporan`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': `stall-${i}-key` },
            body: JSON.stringify(buildLaporanInput()),
            signal: AbortSignal.timeout(60_000),
          });
          await res.arrayBuffer();
          if (res.status !== 201) failures++;
        } catch {
          failures++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const longestHealth = await stopProbe();
  latencies.sort((a, b) => a - b);
  await new Promise((r) => setTimeout(r, 1100));
  const m = monitorFile ? loopMonitor(monitorFile) : null;
  const loop = m ? `${m.wallMs.toFixed(0)} (CPU ${m.cpuMsOfWorstWall.toFixed(0)}) | ${m.cpuMs.toFixed(0)}` : '– | –';
  const row = `| ${label} | ${n} | ${(n / seconds).toFixed(1)} | ${percentile(latencies, 50).toFixed(0)} | ${percentile(latencies, 99).toFixed(0)} | ${latencies[latencies.length - 1].toFixed(0)} | ${longestHealth.toFixed(0)} | ${loop} | ${failures} |`;
  console.error(row);
  return row;
}

// STALL_BASELINE_ROOT: a checkout of the code before a change (e.g. `git archive <commit> | tar -x`
// with node_modules linked), run first in the same invocation so both rows share the machine's load.
const baselineRoot = process.env.STALL_BASELINE_ROOT;
const rows = [
  '| code | phase | reports | reports/s | p50 ms | p99 ms | max ms | longest wait of a non-DB request, ms | longest event-loop gap in the server, wall ms (CPU ms in it) | most CPU in one gap, ms | failed |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
];
const monitor = fileURLToPath(new URL('./loop-monitor.mjs', import.meta.url));
for (const [code, root] of [...(baselineRoot ? [['baseline', baselineRoot] as const] : []), ['this tree', undefined] as const]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'netra-stall-'));
  const port = await freePort();
  const monitorFile = (phase: string) => `${dataDir}-${phase}-loop.json`;
  const env = {
    NETRA_DATA_DIR: dataDir,
    NETRA_IDENTITY_KEY: 'a'.repeat(64),
    WORKER: 'on',
    NETRA_INTAKE_PER_MINUTE: '1000000',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(monitor).href}`.trim(),
  };
  let server = await startNetraProcess({ ...env, NETRA_LOOP_MONITOR_FILE: monitorFile('fresh') }, { port, root, healthTimeoutMs: 900_000 });
  const base = `http://127.0.0.1:${port}`;
  rows.push(`| ${code} ${await load(base, 'fresh start, worker on', 0, monitorFile('fresh'), server)}`);
  await server.kill('SIGKILL');
  server = await startNetraProcess({ ...env, NETRA_LOOP_MONITOR_FILE: monitorFile('restart') }, { port, root, healthTimeoutMs: 900_000 });
  rows.push(`| ${code} ${await load(base, 'after restart, worker draining backlog', n, monitorFile('restart'), server)}`);
  await server.kill('SIGTERM');
}
console.log(
  `PGlite, n=${n} per phase, concurrency ${concurrency}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} at the end\n\n${rows.join('\n')}`,
);
