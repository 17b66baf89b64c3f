// Starts Netra: database (PGlite or PostgreSQL), migrations, reference data, HTTP and (unless
// WORKER=off) the in-process job worker.
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from './config.ts';
import { openDatabase, openReplica, type Db, type ReplicaDb } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { loadReferenceData } from './reference/loadReference.ts';
import { buildApp } from './app.ts';
import { countAdmins } from './modules/accounts/service.ts';
import { createSetupLink } from './modules/accounts/setup.ts';
import { startWorker, type Worker } from './jobs/worker.ts';
import type { Clock } from './platform/clock.ts';
import { createContext, createJobRegistry } from './context.ts';
import { writeAuditCheckpoint } from './modules/audit/checkpoints.ts';

export interface RunningNetra {
  url: string;
  app: FastifyInstance;
  db: Db;
  config: Config;
  close(): Promise<void>;
}

/** `command` names this process in the PGlite data dir lock (what a refused second process reports). */
export async function prepareDatabase(config: Config, command = 'start'): Promise<Db> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command });
  try {
    await migrate(db);
    await loadReferenceData(db, { loadVillages: config.loadVillages });
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return db;
}

export async function startNetra(
  overrides: Partial<Config> = {},
  options: { db?: Db; quiet?: boolean; now?: Clock } = {},
): Promise<RunningNetra> {
  const config = loadConfig(process.env, overrides);
  const db = options.db ?? (await prepareDatabase(config));
  const setup = createSetupLink();
  // Read-only work goes to the replica; PGlite has no replicas, so there the setting is ignored.
  let replica: ReplicaDb | undefined;
  if (config.replicaUrl && db.kind === 'postgresql') replica = openReplica(config.replicaUrl, db);
  else if (config.replicaUrl && !options.quiet) {
    console.warn(
      'PERINGATAN / WARNING: DATABASE_REPLICA_URL diabaikan tanpa DATABASE_URL / is ignored without DATABASE_URL (PGlite has no replicas).',
    );
  }
  // One context for the API and the job worker: one clock (escalations, completion windows,
  // handovers), one vault, one evidence store (one S3 client), one mailer.
  const ctx = createContext({ db, config, readDb: replica, clock: options.now });
  const { vault } = ctx;
  const now = ctx.clock;
  const app = await buildApp({ db, config, setup }, ctx).catch(async (error) => {
    await replica?.close().catch(() => {});
    throw error;
  });
  await app.listen({ port: config.port, host: config.host });
  const worker: Worker | null = config.runWorker ? startWorker(db, createJobRegistry(ctx), { now }) : null;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://127.0.0.1:${port}`;
  db.dataDirLock?.update({ port, host: config.host });
  // Without an admin, a one-time link makes the first one (the CLI cannot open a PGlite dir the server holds).
  const setupToken = (await countAdmins(db)) === 0 ? setup.issue(new Date()) : null;
  if (!options.quiet) printStartBanner({ config, db, port, replica: Boolean(replica), setupToken });
  return {
    url,
    app,
    db,
    config,
    async close() {
      await worker?.stop();
      await app.close();
      // Sign what this process added, so a stop does not leave the tail unpinned until the next start.
      await writeAuditCheckpoint(db, vault, { now: now(), onlyIfNew: true }).catch((error) =>
        console.error(`audit checkpoint at shutdown failed: ${(error as Error).message}`),
      );
      await replica?.close();
      ctx.mailer.close();
      if (!options.db) await db.close();
    },
  };
}

/** What the operator reads at start: where Netra runs, warnings, the first-admin link, CLI advice. */
function printStartBanner({
  config,
  db,
  port,
  replica,
  setupToken,
}: {
  config: Config;
  db: Db;
  port: number;
  replica: boolean;
  setupToken: string | null;
}) {
  const wildcard = config.host === '0.0.0.0' || config.host === '::';
  const publicUrl = `http://${wildcard || config.host === '127.0.0.1' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  // The operator opens the setup link on this machine unless a public address is configured.
  const linkBase = config.publicUrl ? config.publicUrl.replace(/\/$/, '') : publicUrl;
  {
    console.log(
      `Netra berjalan di / is running at ${publicUrl} (database: ${db.kind}${db.kind === 'pglite' ? `, data: ${config.dataDir}` : ''}${replica ? ', read replica: DATABASE_REPLICA_URL' : ''}; ` +
        `${wildcard ? 'semua antarmuka / all interfaces' : `hanya / only ${config.host}`}, HOST)`,
    );
    if (!config.publicUrl) {
      console.warn(
        `PERINGATAN / WARNING: NETRA_PUBLIC_URL belum diatur / is not set; URLs printed in certificates and documents use ` +
          `${publicUrl}. Set NETRA_PUBLIC_URL to the public address (required when NODE_ENV=production).`,
      );
    }
    if (setupToken) {
      console.log(
        'Belum ada admin. Buka tautan ini sekali untuk membuat admin pertama (berlaku 1 jam) /\n' +
          'No admin yet. Open this link once to create the first admin (valid for 1 hour):\n' +
          `  ${linkBase}/staf/setup?token=${setupToken}\n` +
          'Setelah masuk, daftarkan TOTP (aplikasi autentikator) / after signing in, enrol TOTP (an authenticator app).',
      );
    }
    if (db.kind === 'postgresql') {
      console.log(
        'PostgreSQL: perintah CLI (mis. `npx netra user create …`) boleh dijalankan selagi server berjalan, dengan DATABASE_URL yang sama /\n' +
          'PostgreSQL: CLI commands (e.g. `npx netra user create …`) work while the server runs, with the same DATABASE_URL.',
      );
    } else {
      console.log(
        'PGlite: direktori data dikunci proses ini; hentikan server sebelum memakai CLI (user create, migrate, backup …) /\n' +
          'PGlite: this process locks the data dir; stop the server before using the CLI (user create, migrate, backup …).',
      );
    }
  }
}
