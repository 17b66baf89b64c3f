// HTTP speed with an outside load generator (issue 16): autocannon runs as its own process
// (its CLI through child_process, JSON out), against the real app on a loopback port and, in the
// same run, against a bare `node:http` server that sends the same bytes with the same headers.
//   1. GET /api/v1/health (liveness; reference counts cached)
//   2. cached GET /api/v1/public/stats, gzip, and the 304 path (If-None-Match)
// NETRA_BENCH_BASELINE_ROOT: another checkout (the code before a change) whose app is measured
// on the same database in the same run. Standalone:
//   node --import tsx bench/http.bench.ts [--cases 100000] [--seconds 10] [--connections 32]
import { spawn } from 'node:child_process';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { migrate } from '../src/server/db/migrate.ts';
import { loadReferenceData } from '../src/server/reference/loadReference.ts';
import { loadConfig } from '../src/server/config.ts';
import { createVault } from '../src/server/platform/vault.ts';
import type { Db } from '../src/server/db/client.ts';
import { createDatabase, generateCases } from './dashboard.bench.ts';

const autocannonCli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

export interface LoadResult {
  perCpuSecond?: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/** One autocannon run in a separate process. */
export function autocannon(
  url: string,
  options: { connections: number; seconds: number; headers?: Record<string, string>; method?: string; body?: string },
): Promise<LoadResult> {
  const args = [autocannonCli, '-j', '-c', String(options.connections), '-d', String(options.seconds)];
  for (const [k, v] of Object.entries(options.headers ?? {})) args.push('-H', `${k}=${v}`);
  if (options.method) args.push('-m', options.method);
  if (options.body) args.push('-b', options.body);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      err += c;
    });
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err}`));
      const r = JSON.parse(out);
      resolve({
        perSecond: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        max: r.latency.max,
        requests: r.requests.total,
        non2xx: r.non2xx,
        errors: r.errors,
      });
    });
  });
}

/** The same run, with this process's CPU time (where the servers run) per request: a figure that a busy machine does not skew. */
async function measured(url: string, options: Parameters<typeof autocannon>[1]): Promise<LoadResult> {
  const before = process.cpuUsage();
  const r = await autocannon(url, options);
  const used = process.cpuUsage(before);
  return { ...r, perCpuSecond: r.requests / ((used.user + used.system) / 1e6) };
}

function fetchRaw(port: number, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const headersToSend = (h: IncomingHttpHeaders): OutgoingHttpHeaders => {
  const { date: _d, connection: _c, 'keep-alive': _k, ...rest } = h;
  return rest;
};

/** A bare node:http server answering `path` with recorded bytes and headers (304 when If-None-Match is sent). */
async function bareServer(answers: {
  ok: { status: number; headers: IncomingHttpHeaders; body: Buffer };
  notModified?: { status: number; headers: IncomingHttpHeaders };
}) {
  const ok = headersToSend(answers.ok.headers);
  const nm = answers.notModified ? headersToSend(answers.notModified.headers) : null;
  const server = createServer((req, res) => {
    if (nm && req.headers['if-none-match']) {
      res.writeHead(304, nm);
      res.end();
      return;
    }
    res.writeHead(answers.ok.status, ok);
    res.end(answers.ok.body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as { port: number }).port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function startApp(db: Db, root?: string): Promise<{ app: FastifyInstance; port: number }> {
  const base = root ? pathToFileURL(join(root, 'src/server/')).href : new URL('../src/server/', import.meta.url).href;
  const { buildApp } = await import(`${base}app.ts`);
  const config = loadConfig({ NETRA_LOG_LEVEL: 'silent', NETRA_REQUIRE_TOTP: 'off' } as NodeJS.ProcessEnv, {
    dataDir: mkdtempSync(join(tmpdir(), 'netra-http-bench-')),
  });
  const app: FastifyInstance = await buildApp({ db, config, vault: createVault(randomBytes(32)) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, port: (app.server.address() as { port: number }).port };
}

const ms = (x: number) => x.toFixed(1);
const row = (what: string, r: LoadResult, baseline: LoadResult | null, goal: string) =>
  `| ${what} | ${Math.round(r.perSecond).toLocaleString('en')} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.errors} | ${baseline ? `${Math.round((100 * r.perSecond) / baseline.perSecond)} %` : ''} | ${Math.round(r.perCpuSecond ?? 0).toLocaleString('en')} | ${baseline ? `${Math.round((100 * (r.perCpuSecond ?? 0)) / (baseline.perCpuSecond ?? 1))} %` : ''} | ${goal} |`;

export async function benchHttp(options: {
  databaseUrl?: string;
  cases: number;
  seconds?: number;
  connections?: number;
  baselineRoot?: string;
}): Promise<string> {
  const seconds = options.seconds ?? 10;
  const connections = options.connections ?? 32;
  const { db, label, drop } = await createDatabase(options.databaseUrl);
  const rows = [
    '| what | req/s | p50 ms | p99 ms | max ms | errors | req/s vs bare node:http | requests per server CPU-second | per CPU-second vs bare | goal |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  try {
    await migrate(db);
    await loadReferenceData(db, { loadVillages: false });
    await generateCases(db, options.cases);
    if (db.kind === 'postgresql') {
      for (const table of ['cases', 'case_terlapor', 'stats_counts']) await db.query(`VACUUM (ANALYZE) ${table}`);
      await db.query('CHECKPOINT');
    }
    const targets: { code: string; root?: string }[] = [
      ...(options.baselineRoot ? [{ code: 'baseline code', root: options.baselineRoot }] : []),
      { code: 'this code' },
    ];
    for (const target of targets) {
      const { app, port } = await startApp(db, target.root);
      try {
        const health = await fetchRaw(port, '/api/v1/health', {});
        const bareHealth = await bareServer({ ok: health });
        const bh = await measured(`http://127.0.0.1:${bareHealth.port}/api/v1/health`, { connections: 10, seconds });
        await bareHealth.close();
        const h = await measured(`http://127.0.0.1:${port}/api/v1/health`, { connections: 10, seconds });
        rows.push(row(`bare node:http, health bytes (${target.code} run), 10 connections`, bh, null, ''));
        rows.push(row(`GET /api/v1/health, ${target.code}, 10 connections`, h, bh, 'p99 < 5 ms'));

        const gz = { 'accept-encoding': 'gzip, deflate, br' };
        const ok = await fetchRaw(port, '/api/v1/public/stats', gz);
        const inm = { ...gz, 'if-none-match': String(ok.headers.etag) };
        const notModified = await fetchRaw(port, '/api/v1/public/stats', inm);
        await fetchRaw(port, '/api/v1/public/stats', gz);
        const bare = await bareServer({ ok, notModified });
        const url = (p: number) => `http://127.0.0.1:${p}/api/v1/public/stats`;
        const b200 = await measured(url(bare.port), { connections, seconds, headers: gz });
        const b304 = await measured(url(bare.port), { connections, seconds, headers: inm });
        await bare.close();
        const n200 = await measured(url(port), { connections, seconds, headers: gz });
        const n304 = await measured(url(port), { connections, seconds, headers: inm });
        rows.push(row(`bare node:http, same stats bytes + headers (gzip ${ok.body.length} B), ${connections} connections`, b200, null, ''));
        rows.push(row(`cached GET /api/v1/public/stats gzip, ${target.code}`, n200, b200, '≥ 50 %, p99 < 5 ms'));
        rows.push(row('bare node:http, 304', b304, null, ''));
        rows.push(row(`GET /api/v1/public/stats If-None-Match → 304, ${target.code}`, n304, b304, `≥ the 200 path`));
      } finally {
        await app.close();
      }
    }
  } finally {
    await drop();
  }
  return `${label}, ${options.cases.toLocaleString('en')} cases, autocannon ${seconds} s per row (separate process), load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} at the end\n\n${rows.join('\n')}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  console.log(
    `Date: ${new Date().toISOString()} · Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version} · load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}\n`,
  );
  console.log(
    await benchHttp({
      databaseUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      cases: Number(arg('--cases') ?? process.env.NETRA_BENCH_CASES ?? 100_000),
      seconds: Number(arg('--seconds') ?? 10),
      connections: Number(arg('--connections') ?? 32),
      baselineRoot: process.env.NETRA_BENCH_BASELINE_ROOT,
    }),
  );
  process.exit(0);
}
