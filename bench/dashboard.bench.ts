// Public dashboard at scale: N synthetic cases spread over the 514 kabupaten/kota, stages,
// subject types and acts (one INSERT … SELECT generate_series statement that also writes the
// terlapor rows), then
//   1. the raw SQL aggregate (baseline: one GROUP BY region, state),
//   2. a fresh aggregate through refreshStats (all dashboard dimensions; target < 300 ms at 1M
//      on PostgreSQL),
//   3. the cached endpoint under load: the real app on an ephemeral loopback port, a keep-alive
//      HTTP load loop in a worker thread (N concurrent, bounded in time); targets ≥ 3,000 req/s
//      and p99 < 20 ms.
// Creates and drops its own database. Standalone:
//   node --import tsx bench/dashboard.bench.ts [--cases 1000000] [--pg] [--seconds 10] [--concurrency 32]
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../src/server/db/client.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { loadReferenceData } from '../src/server/reference/loadReference.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { createVault } from '../src/server/platform/vault.ts';
import { refreshStats } from '../src/server/modules/stats/service.ts';

export interface DashboardBenchOptions {
  databaseUrl?: string;
  cases: number;
  seconds?: number;
  concurrency?: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (x: number) => `${x.toFixed(1)} ms`;

export async function createDatabase(databaseUrl?: string): Promise<{ db: Db; label: string; drop(): Promise<void> }> {
  if (!databaseUrl) {
    const db = await openPglite();
    return { db, label: 'PGlite (in memory)', drop: () => db.close() };
  }
  const name = `netra_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  await admin.end();
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), 10);
  return {
    db,
    label: `PostgreSQL ${version}`,
    async drop() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: databaseUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** A weighted pick as SQL: ARRAY[...] indexed by a uniform random column against cumulative weights. */
function weightedCase(column: string, entries: [string | null, number][]): string {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const whens = entries.map(([value, w]) => {
    acc += w / total;
    return `WHEN ${column} < ${acc.toFixed(6)} THEN ${value === null ? 'NULL' : `'${value}'`}`;
  });
  return `CASE ${whens.join(' ')} ELSE ${entries[entries.length - 1][0] === null ? 'NULL' : `'${entries[entries.length - 1][0]}'`} END`;
}

/** N cases (and their terlapor) in one statement. Distributions loosely follow Pilkada 2020/2024 reports. */
export async function generateCases(db: Db, n: number): Promise<void> {
  const regencies = (
    await db.query<{ code: string }>(`SELECT code FROM regions WHERE level IN ('kabupaten', 'kota') ORDER BY md5(code)`)
  ).rows.map((r) => r.code);
  const stages: [string | null, number][] = [
    [null, 4],
    ['pendaftaran_pemantau', 3],
    ['syarat_dukungan_perseorangan', 3],
    ['pemutakhiran_data_pemilih', 8],
    ['pendaftaran_paslon', 6],
    ['verifikasi_syarat_calon', 8],
    ['penetapan_paslon', 2],
    ['kampanye', 55],
    ['masa_tenang', 6],
    ['pemungutan_suara', 3],
    ['penghitungan_rekapitulasi', 2],
  ];
  const states: [string, number][] = [
    ['diterima', 8],
    ['menunggu_kelengkapan', 2],
    ['informasi_awal', 3],
    ['penelusuran', 3],
    ['diregistrasi', 8],
    ['klarifikasi', 6],
    ['kajian', 6],
    ['diteruskan', 45],
    ['bukan_pelanggaran', 12],
    ['dihentikan', 4],
    ['tidak_diregistrasi', 3],
  ];
  // KASN 2022: social media 30.4%, partiality 22.4%, photos 12.6%, declarations 10.9%, approaching parties 5.6%.
  const acts: [string, number][] = [
    ['kampanye_media_sosial', 30],
    ['kegiatan_keberpihakan', 22],
    ['foto_bersama', 13],
    ['hadir_deklarasi_kampanye', 11],
    ['pendekatan_partai', 6],
    ['interaksi_akun_pemenangan', 5],
    ['ikut_kegiatan_kampanye', 4],
    ['alat_peraga', 3],
    ['keputusan_menguntungkan', 2],
    ['tim_pemenangan', 1.5],
    ['dukungan_calon_perseorangan', 1],
    ['hadir_kampanye_pasangan', 0.7],
    ['anggota_partai', 0.3],
  ];
  const subjects: [string, number][] = [
    ['PNS', 62],
    ['PPPK', 6],
    ['kepala_desa', 12],
    ['perangkat_desa', 7],
    ['camat', 4],
    ['lurah', 3],
    ['honorer', 4],
    ['penjabat_kepala_daerah', 0.5],
    ['lainnya', 1.5],
  ];
  await db.query(
    `WITH s AS (
       SELECT g, random() AS r_region, random() AS r_stage, random() AS r_state, random() AS r_act, random() AS r_act2, random() AS r_kind,
              random() AS r_subject, random() AS r_time, random() AS r_sub
       FROM generate_series(1, $1::int) AS g),
     picked AS (
       SELECT g, ($2::text[])[1 + floor(power(r_region, 1.7) * array_length($2::text[], 1))::int] AS regency,
              ${weightedCase('r_stage', stages)} AS stage,
              ${weightedCase('r_state', states)} AS state,
              ${weightedCase('r_act', acts)} AS act1,
              CASE WHEN r_act2 < 0.25 THEN ${weightedCase('r_act2 * 4', acts)} END AS act2,
              CASE WHEN r_kind < 0.8 THEN 'laporan' ELSE 'temuan' END AS kind,
              ${weightedCase('r_subject', subjects)} AS subject,
              timestamptz '2024-03-01 00:00+07' + r_time * interval '290 days' AS received_at,
              r_sub
       FROM s),
     inserted AS (
       INSERT INTO cases (id, kind, state, office_code, event_region_code, received_at, stage_code, regime_id, narrative, acts, classification,
                          registration_number, is_late)
       SELECT 'bench-' || g, kind, state, CASE WHEN r_sub < 0.1 THEN left(regency, 2) ELSE regency END,
              CASE WHEN r_sub < 0.1 THEN left(regency, 2) ELSE regency END, received_at, stage, 'perbawaslu-9-2024', '',
              CASE WHEN act2 IS NULL OR act2 = act1 THEN ARRAY[act1] ELSE ARRAY[act1, act2] END,
              CASE WHEN state = 'diteruskan' THEN CASE WHEN r_sub < 0.9 THEN 'peraturan_lainnya' ELSE 'pidana' END
                   WHEN state = 'bukan_pelanggaran' THEN 'bukan_pelanggaran' END,
              CASE WHEN state IN ('diregistrasi', 'klarifikasi', 'kajian', 'diteruskan', 'bukan_pelanggaran') THEN 'B-' || g END,
              r_sub > 0.95
       FROM picked
       RETURNING id, event_region_code)
     INSERT INTO case_terlapor (case_id, name, subject_type, search_name)
     SELECT i.id, 'Terlapor sintetis', p.subject, '' FROM inserted i JOIN picked p ON 'bench-' || p.g = i.id`,
    [n, regencies],
  );
  await db.query('ANALYZE cases');
  await db.query('ANALYZE case_terlapor');
}

async function median(runs: number, fn: () => Promise<number>): Promise<{ median: number; min: number }> {
  const values: number[] = [];
  for (let i = 0; i < runs; i++) values.push(await fn());
  values.sort((a, b) => a - b);
  return { median: values[Math.floor(values.length / 2)], min: values[0] };
}

const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { port, seconds, concurrency, path, encoding } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const latencies = [];
let errors = 0, bytes = 0;
const deadline = Date.now() + seconds * 1000;
function one() {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.request({ host: '127.0.0.1', port, path, agent, headers: { 'accept-encoding': encoding } }, (res) => {
      res.on('data', (c) => { bytes += c.length; });
      res.on('end', () => { if (res.statusCode === 200) latencies.push(performance.now() - t0); else errors++; resolve(); });
    });
    req.on('error', () => { errors++; resolve(); });
    req.end();
  });
}
(async () => {
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => { while (Date.now() < deadline) await one(); }));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  parentPort.postMessage({ latencies, errors, bytes, elapsed });
})();
`;

async function loadTest(port: number, seconds: number, concurrency: number, encoding: 'gzip' | 'identity') {
  const worker = new Worker(LOAD_WORKER, {
    eval: true,
    workerData: { port, seconds, concurrency, path: '/api/v1/public/stats', encoding },
  });
  const result = await new Promise<{ latencies: number[]; errors: number; bytes: number; elapsed: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  const sorted = result.latencies.sort((a, b) => a - b);
  return {
    requests: sorted.length,
    errors: result.errors,
    perSecond: sorted.length / result.elapsed,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? 0,
    megabytesPerSecond: result.bytes / result.elapsed / 2 ** 20,
  };
}

export async function benchDashboard(options: DashboardBenchOptions): Promise<string> {
  const seconds = options.seconds ?? 10;
  const concurrency = options.concurrency ?? 32;
  const { db, label, drop } = await createDatabase(options.databaseUrl);
  try {
    await migrate(db);
    await loadReferenceData(db, { loadVillages: false });
    const t0 = performance.now();
    await generateCases(db, options.cases);
    const generateMs = performance.now() - t0;
    // Settle before measuring: otherwise autovacuum on the freshly written million rows competes
    // for the two cores with every measurement below.
    if (db.kind === 'postgresql') {
      for (const table of ['cases', 'case_terlapor', 'stats_counts']) await db.query(`VACUUM (ANALYZE) ${table}`);
      await db.query('CHECKPOINT');
    }

    const raw = await median(5, async () => {
      const t = performance.now();
      await db.query('SELECT substr(event_region_code, 1, 5) AS r, state, count(*)::int AS n FROM cases GROUP BY 1, 2');
      return performance.now() - t;
    });
    const fresh = await median(9, async () => (await refreshStats(db)).computeMs);

    const dataDir = mkdtempSync(join(tmpdir(), 'netra-bench-'));
    const config = loadConfig({ NETRA_LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv, { dataDir });
    const app = await buildApp({ db, config, vault: createVault(randomBytes(32)) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const warm = await fetch(`http://127.0.0.1:${port}/api/v1/public/stats`, { headers: { 'accept-encoding': 'identity' } });
    const body = await warm.text();
    const gzipped = await loadTest(port, seconds, concurrency, 'gzip');
    const identity = await loadTest(port, seconds, concurrency, 'identity');
    await app.close();
    const loadRows = (name: string, load: typeof gzipped) => [
      [
        `Cached GET /api/v1/public/stats (${name}), ${concurrency} keep-alive connections, ${seconds} s`,
        `${Math.round(load.perSecond).toLocaleString('en')} req/s`,
        '≥ 3,000 req/s',
      ],
      ['  latency p50 / p99 / max', `${ms(load.p50)} / ${ms(load.p99)} / ${ms(load.max)}`, 'p99 < 20 ms'],
      [
        '  requests / errors / throughput',
        `${load.requests.toLocaleString('en')} / ${load.errors} / ${load.megabytesPerSecond.toFixed(1)} MiB/s`,
        '',
      ],
    ];

    const rows = [
      ['Database', label, ''],
      ['Cases generated (one INSERT … SELECT)', `${options.cases.toLocaleString('en')} in ${(generateMs / 1000).toFixed(1)} s`, ''],
      ['Raw SQL aggregate, region × state (baseline), median of 5', ms(raw.median), ''],
      [
        'refreshStats: all dashboard dimensions (trigger-kept counters), median of 9',
        `${ms(fresh.median)} (min ${ms(fresh.min)})`,
        '< 300 ms at 1M on PostgreSQL',
      ],
      ['Response body (identity)', `${(body.length / 1024).toFixed(1)} KiB`, ''],
      ...loadRows('gzip, as browsers ask', gzipped),
      ...loadRows('identity', identity),
    ];
    return ['| Measure | Result | Target |', '| --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  } finally {
    await drop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const usePg = process.argv.includes('--pg');
  const cases = Number(arg('--cases') ?? (usePg ? 1_000_000 : 100_000));
  const databaseUrl = usePg ? (process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres') : undefined;
  console.log(
    `Date: ${new Date().toISOString()} · Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version}\n`,
  );
  console.log(
    await benchDashboard({ databaseUrl, cases, seconds: Number(arg('--seconds') ?? 10), concurrency: Number(arg('--concurrency') ?? 32) }),
  );
  process.exit(0);
}
