// `npm run soak`: the long reliability runs. Loopback only, bounded, stops by itself.
//  1. 2,000 concurrent submissions, server SIGKILLed mid-way and restarted (PostgreSQL, PGlite)
//  2. the same with the PostgreSQL server itself restarted mid-load
//  3. hostile requests against a real server process (when bench/hostile.soak.ts exists)
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { runCrashScenario } from './crash.soak.ts';

const n = Number(process.env.NETRA_SOAK_SUBMISSIONS ?? 2000);
console.log(`# Netra soak — ${new Date().toISOString()}\n`);
for (const backend of ['postgresql', 'pglite'] as const) {
  console.log(`crash/restart (${backend}):`, JSON.stringify(await runCrashScenario({ backend, submissions: n, concurrency: 32 })));
}

// Restarting the local cluster affects everything using it: only where we manage it ourselves.
const clusters = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
if (clusters.length === 1 && !process.env.NETRA_SOAK_NO_PG_RESTART) {
  const restartDatabase = async () => {
    execSync(`pg_ctlcluster --skip-systemctl-redirect ${clusters[0]} main restart`, { stdio: 'ignore' });
  };
  console.log(
    'PostgreSQL server restarted mid-load:',
    JSON.stringify(await runCrashScenario({ backend: 'postgresql', submissions: n, concurrency: 32, restartDatabase })),
  );
} else {
  console.log('PostgreSQL restart scenario skipped (no single local cluster, or NETRA_SOAK_NO_PG_RESTART set).');
}

if (existsSync(new URL('./hostile.soak.ts', import.meta.url))) {
  const { runHostileSoak } = await import('./hostile.soak.ts');
  console.log(
    'hostile input against a real process:',
    JSON.stringify(await runHostileSoak({ requests: Number(process.env.NETRA_SOAK_HOSTILE ?? 100_000) })),
  );
}
process.exit(0);
