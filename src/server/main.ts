// Starts Netra: database (PGlite or PostgreSQL), migrations, reference data, HTTP and (unless
// WORKER=off) the in-process job worker.
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from './config.ts';
import { openDatabase, type Db } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { loadReferenceData } from './reference/loadReference.ts';
import { buildApp } from './app.ts';
import { countUsers } from './modules/accounts/service.ts';
import { startWorker, type Worker } from './jobs/worker.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { buildJobRegistry } from './jobs/registry.ts';
import { loadVault } from './platform/vault.ts';
import { writeAuditCheckpoint } from './modules/audit/checkpoints.ts';

export interface RunningNetra {
  url: string;
  app: FastifyInstance;
  db: Db;
  config: Config;
  close(): Promise<void>;
}

export async function prepareDatabase(config: Config): Promise<Db> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(db);
  await loadReferenceData(db, { loadVillages: config.loadVillages });
  return db;
}

export async function startNetra(overrides: Partial<Config> = {}, options: { db?: Db; quiet?: boolean; now?: Clock } = {}): Promise<RunningNetra> {
  const config = loadConfig(process.env, overrides);
  const db = options.db ?? (await prepareDatabase(config));
  const vault = loadVault({ key: config.identityKey, dataDir: config.dataDir });
  // One clock for the API and the job worker (escalations, completion windows, handovers).
  const now = options.now ?? systemClock;
  const app = await buildApp({ db, config, vault, now });
  await app.listen({ port: config.port, host: config.host });
  const worker: Worker | null = config.runWorker ? startWorker(db, buildJobRegistry({ db, config, vault }), { now }) : null;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://127.0.0.1:${port}`;
  if (!options.quiet) {
    console.log(`Netra berjalan di / is running at http://localhost:${port} (database: ${db.kind}${db.kind === 'pglite' ? `, data: ${config.dataDir}` : ''})`);
    if ((await countUsers(db)) === 0) {
      console.log('Belum ada akun. Buat admin pertama / No accounts yet. Create the first admin with:\n' +
        '  npx netra user create --role admin --username admin --password "<kata-sandi-min-10-karakter>"');
    }
  }
  return {
    url, app, db, config,
    async close() {
      await worker?.stop();
      await app.close();
      // Sign what this process added, so a stop does not leave the tail unpinned until the next start.
      await writeAuditCheckpoint(db, vault, { now: now(), onlyIfNew: true })
        .catch((error) => console.error(`audit checkpoint at shutdown failed: ${(error as Error).message}`));
      if (!options.db) await db.close();
    },
  };
}
