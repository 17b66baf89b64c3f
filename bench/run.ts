// `npm run bench`: every benchmark with its baseline in the same run; prints markdown to paste
// into docs/BENCHMARKS.md. Touches only loopback and throwaway databases; stops by itself.
import { cpus, totalmem } from 'node:os';
import { existsSync } from 'node:fs';

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);
const header = `Date: ${new Date().toISOString()} · Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version}`;
console.log(`# Netra benchmarks\n\n${header}\n`);

process.env.NETRA_TEST_BACKENDS ??= 'pglite,postgresql';

if (want('startup')) {
  const { benchStartup } = await import('./startup.bench.ts');
  console.log(`## Start-up on PGlite\n\n${await benchStartup()}\n`);
}
if (want('intake')) {
  const { benchIntake } = await import('./intake.bench.ts');
  console.log(
    `## Report intake\n\n${await benchIntake({ backends: ['pglite', 'postgresql'], baselineRoot: process.env.NETRA_BENCH_BASELINE_ROOT })}\n`,
  );
}
if (want('standby')) {
  const { benchStandby } = await import('./standby.bench.ts');
  console.log(`## Standby lag under intake\n\n${await benchStandby()}\n`);
}
if (want('queue')) {
  const { benchQueue } = await import('./queue.bench.ts');
  const cases = Number(process.env.NETRA_BENCH_QUEUE_CASES ?? 200_000);
  console.log(
    `## Staff queue, search and status look-ups\n\n${await benchQueue({ backend: 'postgresql', cases })}\n\n${await benchQueue({ backend: 'pglite', cases: Math.min(cases, 50_000) })}\n`,
  );
}
if (want('triage') && existsSync(new URL('./triage.bench.ts', import.meta.url))) {
  const { benchTriage } = await import('./triage.bench.ts');
  console.log(`## Triage pipeline\n\n${await benchTriage()}\n`);
}
if (want('dashboard') && existsSync(new URL('./dashboard.bench.ts', import.meta.url))) {
  const { benchDashboard } = await import('./dashboard.bench.ts');
  const cases = Number(process.env.NETRA_BENCH_CASES ?? 1_000_000);
  console.log(
    `## Public dashboard (${cases.toLocaleString('en')} cases, PostgreSQL)\n\n${await benchDashboard({ databaseUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', cases })}\n`,
  );
}
if (want('evidence-store')) {
  const { benchEvidenceStore } = await import('./evidence-store.bench.ts');
  console.log(`## Evidence store: local disk beside S3\n\n${await benchEvidenceStore()}\n`);
}
if (want('http')) {
  // autocannon in its own process against the app and a bare node:http server (issue 16).
  const { benchHttp } = await import('./http.bench.ts');
  const cases = Number(process.env.NETRA_BENCH_CASES ?? 1_000_000);
  console.log(
    `## HTTP under an outside load generator\n\n${await benchHttp({ databaseUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', cases, baselineRoot: process.env.NETRA_BENCH_BASELINE_ROOT })}\n`,
  );
}
process.exit(0);
