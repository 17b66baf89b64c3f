// Hostile-input soak: the generator of test/integration/hostile-input.test.ts (test/support/hostile.ts)
// against a REAL Netra process over loopback — 100,000 requests by default, bounded to 10 minutes.
// No 5xx allowed; the server's JavaScript heap is read from Node diagnostic reports (SIGUSR2) at
// the start (after a warm-up) and at the end, and the server must still answer /api/v1/health.
// Standalone: node --import tsx bench/hostile.soak.ts [requests]   (npm run soak runs it too)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { startNetraProcess } from '../test/support/process.ts';
import { checkResponse, generateHostileRequests, listOperations, type HostileRequest } from '../test/support/hostile.ts';

export interface HostileSoakResult {
  requests: number;
  fiveXX: number;
  heapStartMiB: number;
  heapEndMiB: number;
  /** Beyond the required fields: */
  badProblems: number;
  clientRejected: number;
  seconds: number;
  statuses: Record<string, number>;
  rssStartMiB: number;
  rssEndMiB: number;
  healthy: boolean;
  seed: number;
  failures: string[];
}

const root = fileURLToPath(new URL('..', import.meta.url));

function readHeap(pid: number, reportDir: string, before: Set<string>): Promise<{ heapMiB: number; rssMiB: number }> {
  // Used heap at the moment of the report (no forced GC: the process is not ours to instrument).
  process.kill(pid, 'SIGUSR2');
  return (async () => {
    for (let i = 0; i < 100; i++) {
      await sleep(100);
      const fresh = readdirSync(reportDir).filter((f) => f.endsWith('.json') && !before.has(f));
      if (fresh.length) {
        await sleep(200); // let the writer finish
        const report = JSON.parse(readFileSync(join(reportDir, fresh[0]), 'utf8'));
        before.add(fresh[0]);
        return { heapMiB: report.javascriptHeap.usedMemory / 1048576, rssMiB: Number(report.resourceUsage?.rss ?? NaN) / 1048576 };
      }
    }
    throw new Error('no diagnostic report from the server');
  })();
}

function send(
  port: number,
  agent: http.Agent,
  req: HostileRequest,
  cookie: string | null,
  csrf: string | null,
): Promise<{ status: number; contentType?: string; body: string } | null> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { ...req.headers };
    if (cookie) {
      headers.cookie ??= cookie;
      if (csrf) headers['x-csrf-token'] ??= csrf;
    }
    if (req.as === 'bogus') headers.cookie ??= 'netra_session=forged-session-token; netra_csrf=forged';
    let r: http.ClientRequest;
    try {
      r = http.request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', () => resolve(null));
      });
    } catch {
      return resolve(null); // the client itself refuses (e.g. characters Node will not put in a request line)
    }
    r.on('error', () => resolve(null));
    r.setTimeout(30_000, () => r.destroy());
    if (req.payload !== undefined) r.end(req.payload);
    else r.end();
  });
}

export async function runHostileSoak(
  options: { requests: number; seed?: number; timeLimitMs?: number; concurrency?: number } = { requests: 100_000 },
): Promise<HostileSoakResult> {
  const count = options.requests ?? 100_000;
  const seed = options.seed ?? Number(process.env.NETRA_HOSTILE_SEED ?? 20261126);
  const deadline = Date.now() + (options.timeLimitMs ?? 10 * 60_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'netra-hostile-'));
  const reportDir = mkdtempSync(join(tmpdir(), 'netra-hostile-report-'));
  const env: Record<string, string> = {
    NETRA_DATA_DIR: dataDir,
    NETRA_IDENTITY_KEY: 'b'.repeat(64),
    WORKER: 'off',
    NETRA_LOAD_VILLAGES: 'false',
    NETRA_LOG_LEVEL: 'error',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --report-on-signal --report-signal=SIGUSR2 --report-directory=${reportDir}`.trim(),
  };
  // Accounts first (the embedded database belongs to one process at a time).
  const cli = (args: string[]) =>
    execFileSync(process.execPath, [join(root, 'bin/netra.mjs'), ...args], {
      cwd: root,
      env: { ...process.env, ...env, NODE_OPTIONS: '' },
      stdio: 'ignore',
    });
  cli(['migrate']);
  cli(['user', 'create', '--role', 'admin', '--username', 'soak.admin', '--password', 'kata-sandi-rahasia-123']);
  cli([
    'user',
    'create',
    '--role',
    'pengawas_kecamatan',
    '--region',
    '16.02.05',
    '--username',
    'soak.camat',
    '--password',
    'kata-sandi-rahasia-123',
  ]);

  const port = 30000 + Math.floor(Math.random() * 20000);
  const server = await startNetraProcess(env, { port });
  const base = `http://127.0.0.1:${port}`;
  const failures: string[] = [];
  try {
    const login = async (username: string) => {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'kata-sandi-rahasia-123' }),
      });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
    };
    const admin = await login('soak.admin');
    const scoped = await login('soak.camat');
    const openapiRes = await fetch(`${base}/api/openapi.json`);
    const openapi = (await openapiRes.json()) as Parameters<typeof listOperations>[0];
    if (!openapi?.paths) throw new Error(`GET /api/openapi.json: ${openapiRes.status} ${JSON.stringify(openapi).slice(0, 300)}`);
    const ops = listOperations(openapi);

    const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency ?? 16 });
    const statuses: Record<string, number> = {};
    let sent = 0;
    let fiveXX = 0;
    let badProblems = 0;
    let clientRejected = 0;
    const warmUp = Math.min(2000, Math.floor(count / 10));
    const reports = new Set<string>();
    let start = { heapMiB: NaN, rssMiB: NaN };
    const started = Date.now();
    const generator = generateHostileRequests(ops, { seed, count, publicOnly: (op) => op.path === '/api/v1/auth/logout' });
    let warmedUp = false;
    const worker = async () => {
      for (;;) {
        if (Date.now() > deadline) return;
        if (!warmedUp && sent >= warmUp) return; // stop the pool at the warm-up point
        const next = generator.next();
        if (next.done) return;
        const req = next.value;
        sent++;
        const session = req.as === 'admin' ? admin : req.as === 'scoped' ? scoped : null;
        const res = await send(port, agent, req, session?.cookie ?? null, session?.csrf ?? null);
        if (!res) {
          clientRejected++;
          continue;
        }
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (res.status >= 500) fiveXX++;
        const problem = checkResponse(res.status, res.contentType, res.body);
        if (problem) {
          if (res.status < 500) badProblems++;
          if (failures.length < 50) failures.push(`#${req.seq} ${req.op} [${req.label}] ${req.url.slice(0, 160)}: ${problem}`);
        }
      }
    };
    const concurrency = options.concurrency ?? 16;
    await Promise.all(Array.from({ length: concurrency }, worker));
    await sleep(1000);
    start = await readHeap(server.child.pid!, reportDir, reports);
    warmedUp = true;
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (Date.now() - started) / 1000;
    await sleep(2000);
    const end = await readHeap(server.child.pid!, reportDir, reports);
    const health = await fetch(`${base}/api/v1/health`)
      .then((r) => r.status === 200)
      .catch(() => false);
    agent.destroy();
    return {
      requests: sent,
      fiveXX,
      heapStartMiB: round(start.heapMiB),
      heapEndMiB: round(end.heapMiB),
      badProblems,
      clientRejected,
      seconds: round(seconds),
      statuses,
      rssStartMiB: round(start.rssMiB),
      rssEndMiB: round(end.rssMiB),
      healthy: health,
      seed,
      failures,
    };
  } finally {
    await server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(reportDir, { recursive: true, force: true });
  }
}

const round = (n: number) => Math.round(n * 10) / 10;

if (import.meta.url === `file://${process.argv[1]}`) {
  const requests = Number(process.argv[2] ?? process.env.NETRA_SOAK_HOSTILE ?? 100_000);
  const result = await runHostileSoak({ requests });
  console.log(JSON.stringify({ ...result, failures: result.failures.slice(0, 10) }, null, 2));
  process.exit(result.fiveXX === 0 && result.badProblems === 0 && result.healthy ? 0 : 1);
}
