// Standby lag under the intake benchmark: a real primary and hot standby (pg_basebackup -R, in a
// temp dir, removed afterwards), POST /api/v1/laporan at the intake benchmark's concurrency,
// first with asynchronous replication, then synchronous (synchronous_commit=on with the standby
// in synchronous_standby_names). Sampled every 50 ms on the primary from pg_stat_replication:
// WAL bytes not yet replayed and replay_lag; and, for every 10th report, the time from the
// receipt until the report is visible on the replica (how stale a dashboard read can be).
//   node --import tsx bench/standby.bench.ts [--n 600] [--concurrency 8]
import pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createStandbyPair, pgBinariesUnusable, type StandbyPair } from '../test/support/pgCluster.ts';
import { buildLaporanInput } from '../test/support/factories.ts';
import { openPostgres, openReplica } from '../src/server/db/client.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { loadReferenceData } from '../src/server/reference/loadReference.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { createVault } from '../src/server/platform/vault.ts';

const NOW = new Date('2024-10-10T03:00:00Z');

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
const sortNum = (values: number[]) => [...values].sort((a, b) => a - b);
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const kib = (n: number) => (Number.isFinite(n) ? (n / 1024).toFixed(0) : '–');

async function runMode(pair: StandbyPair, mode: 'async' | 'sync', n: number, concurrency: number) {
  if (mode === 'sync') await pair.makeSynchronous();
  else {
    await pair.primary.sql(`ALTER SYSTEM SET synchronous_standby_names = ''`);
    await pair.primary.sql('SELECT pg_reload_conf()');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'netra-bench-'));
  const db = await openPostgres(pair.primary.url('netra'), 20);
  const replica = openReplica(pair.standby.url('netra'), db);
  const app = await buildApp({
    db,
    readDb: replica,
    vault: createVault(randomBytes(32)),
    now: () => NOW,
    config: loadConfig({ NETRA_LOG_LEVEL: 'silent', NETRA_REQUIRE_TOTP: 'off', NETRA_INTAKE_PER_MINUTE: '1000000' } as NodeJS.ProcessEnv, {
      dataDir,
    }),
  });
  const sampler = new pg.Client({ connectionString: pair.primary.url('postgres') });
  const watcher = new pg.Client({ connectionString: pair.standby.url('netra') });
  await sampler.connect();
  await watcher.connect();
  const lagBytes: number[] = [];
  const replayLagMs: number[] = [];
  const visibleMs: number[] = [];
  let running = true;
  const sampling = (async () => {
    while (running) {
      const row = (
        await sampler.query<{ bytes: number | null; replay: number | null }>(
          `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::float8 AS bytes,
                (extract(epoch FROM replay_lag) * 1000)::float8 AS replay
         FROM pg_stat_replication WHERE application_name = $1`,
          [pair.standbyName],
        )
      ).rows[0];
      if (row?.bytes != null) lagBytes.push(Number(row.bytes));
      if (row?.replay != null) replayLagMs.push(Number(row.replay));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  let watching = Promise.resolve();
  const watch = (code: string, ackedAt: number) => {
    // One at a time on one connection: the poll itself must not load the standby.
    watching = watching.then(async () => {
      while ((await watcher.query('SELECT 1 FROM cases WHERE tracking_code = $1', [code])).rowCount === 0) {
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      visibleMs.push(performance.now() - ackedAt);
    });
  };
  // Warm-up (first-request compilation, connection set-up) outside the measurement.
  for (let i = 0; i < 10; i++) await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput() });
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t0 = performance.now();
        const res = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput() });
        if (res.statusCode !== 201) throw new Error(`intake failed: ${res.statusCode} ${res.body}`);
        const ackedAt = performance.now();
        latencies.push(ackedAt - t0);
        if (i % 10 === 0) watch(res.json().trackingCode, ackedAt);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await watching;
  running = false;
  await sampling;
  await Promise.all([sampler.end(), watcher.end()]);
  await app.close();
  await replica.close();
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
  const lat = sortNum(latencies);
  const bytes = sortNum(lagBytes);
  const replay = sortNum(replayLagMs);
  const visible = sortNum(visibleMs);
  const label = mode === 'sync' ? 'synchronous (`synchronous_commit=on`, standby in `synchronous_standby_names`)' : 'asynchronous';
  return `| ${label} | ${(n / seconds).toFixed(0)} | ${f1(pct(lat, 50))} / ${f1(pct(lat, 99))} | ${kib(pct(bytes, 50))} / ${kib(pct(bytes, 99))} / ${kib(bytes.at(-1) ?? NaN)} | ${f1(pct(replay, 50))} / ${f1(pct(replay, 99))} / ${f1(replay.at(-1) ?? NaN)} | ${f1(pct(visible, 50))} / ${f1(pct(visible, 99))} / ${f1(visible.at(-1) ?? NaN)} (${visible.length}) |`;
}

export async function benchStandby(options: { n?: number; concurrency?: number } = {}): Promise<string> {
  const unusable = pgBinariesUnusable();
  if (unusable) return `skipped: PostgreSQL server binaries cannot run here (${unusable})`;
  const n = options.n ?? 600;
  const concurrency = options.concurrency ?? 8;
  const pair = await createStandbyPair({
    prepare: async (primary) => {
      await primary.sql('CREATE DATABASE netra');
      const setup = await openPostgres(primary.url('netra'), 4);
      try {
        await migrate(setup);
        await loadReferenceData(setup, { loadVillages: false });
      } finally {
        await setup.close();
      }
    },
  });
  try {
    const rows = [
      '| replication | reports/s | intake p50 / p99 ms | WAL not replayed p50 / p99 / max KiB | replay_lag p50 / p99 / max ms | receipt → visible on replica p50 / p99 / max ms (samples) |',
      '|---|---:|---:|---:|---:|---:|',
      await runMode(pair, 'async', n, concurrency),
      await runMode(pair, 'sync', n, concurrency),
    ];
    return (
      `PostgreSQL 15 primary + hot standby on the same machine, POST /api/v1/laporan (JSON), n=${n} per mode, concurrency ${concurrency}; ` +
      `lag sampled every 50 ms from pg_stat_replication; load average at the end ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}\n\n${rows.join('\n')}`
    );
  } finally {
    await pair.destroy();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  console.log(await benchStandby({ n: arg('--n'), concurrency: arg('--concurrency') }));
  process.exit(0);
}
