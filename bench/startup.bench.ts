// First and later start of `netra start` on PGlite: time until /api/v1/health answers, and
// peak memory (VmHWM) of the process. Uses a fresh data directory and an ephemeral port.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

async function startOnce(dataDir: string, port: number): Promise<{ seconds: number; peakMiB: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'bin/netra.mjs'), 'start'], {
    cwd: root,
    env: { ...process.env, NETRA_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', NETRA_LOG_LEVEL: 'warn', WORKER: 'off' },
    stdio: 'ignore',
  });
  try {
    for (let i = 0; i < 1800; i++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
        if (res.ok) break;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const peakKiB = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { seconds, peakMiB: peakKiB / 1024 };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function benchStartup(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'netra-bench-start-'));
  const port = 18000 + Math.floor(Math.random() * 1000);
  try {
    const first = await startOnce(dataDir, port);
    const second = await startOnce(dataDir, port);
    return [
      '| start | until /api/v1/health | peak RSS |',
      '|---|---:|---:|',
      `| first (empty data dir: migrations + 91,599 regions + 545 contests) | ${first.seconds.toFixed(1)} s | ${first.peakMiB.toFixed(0)} MiB |`,
      `| later (data present) | ${second.seconds.toFixed(1)} s | ${second.peakMiB.toFixed(0)} MiB |`,
    ].join('\n');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchStartup());
