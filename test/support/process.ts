// Starts real `netra` processes (HTTP server or worker) for crash, restart and multi-process
// tests. Loopback only; every process is killed by the caller.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface NetraProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process printed on stdout so far (the start-up message, the setup link). */
  stdout(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function waitForHealth(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`netra at ${url} did not become healthy`);
}

/** A port the OS says is free right now (bound to 0, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `root`: another checkout to run (a benchmark's baseline code in the same run); default this one. */
export async function startNetraProcess(
  env: Record<string, string>,
  options: { command?: 'start' | 'worker'; port?: number; root?: string; healthTimeoutMs?: number } = {},
): Promise<NetraProcess> {
  const port = options.port ?? (await freePort());
  const cwd = options.root ?? root;
  const child = spawn(process.execPath, [join(cwd, 'bin/netra.mjs'), options.command ?? 'start'], {
    cwd,
    // TOTP enrolment is the concern of its own tests; these are about processes.
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NETRA_LOG_LEVEL: 'error',
      NETRA_LOAD_VILLAGES: 'false',
      NETRA_REQUIRE_TOTP: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let printed = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    printed += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if ((options.command ?? 'start') === 'start') {
    // Fail fast when the process dies instead of waiting for the health timeout.
    const early = exited.then(() => {
      throw new Error(`netra process exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    });
    early.catch(() => {}); // a later, deliberate kill must not surface as an unhandled rejection
    await Promise.race([waitForHealth(url, options.healthTimeoutMs), early]);
  }
  return {
    child,
    url,
    stdout: () => printed,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Runs one `netra` CLI command to completion: exit code and everything it printed. */
export async function runNetraCli(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(root, 'bin/netra.mjs'), ...args], {
    cwd: root,
    env: { ...process.env, NETRA_LOG_LEVEL: 'error', NETRA_LOAD_VILLAGES: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => {
    stdout += c;
  });
  child.stderr!.setEncoding('utf8').on('data', (c: string) => {
    stderr += c;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}
