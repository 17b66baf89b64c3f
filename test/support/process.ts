// Starts real `netra` processes (HTTP server or worker) for crash, restart and multi-process
// tests. Loopback only; every process is killed by the caller.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface NetraProcess {
  child: ChildProcess;
  url: string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function waitForHealth(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`netra at ${url} did not become healthy`);
}

export async function startNetraProcess(env: Record<string, string>, options: { command?: 'start' | 'worker'; port?: number } = {}): Promise<NetraProcess> {
  const port = options.port ?? 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [join(root, 'bin/netra.mjs'), options.command ?? 'start'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NETRA_LOG_LEVEL: 'error', NETRA_LOAD_VILLAGES: 'false', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if ((options.command ?? 'start') === 'start') await waitForHealth(url);
  return {
    child, url,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
