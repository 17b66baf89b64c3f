// Real PostgreSQL clusters for the standby test and benchmark: a primary on a free port and a
// hot standby made with `pg_basebackup -R`, in a temp dir, removed afterwards. Never touches the
// machine's own server. initdb refuses to run as root, so as root every binary runs as the
// `postgres` OS user (runuser); as any other user it runs directly.
import { execFile, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './process.ts';

export const PG_BIN = process.env.NETRA_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;

function command(bin: string, args: string[]): [string, string[]] {
  const path = join(PG_BIN, bin);
  return asRoot ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
}

function run(bin: string, args: string[], timeoutMs = 300_000): Promise<string> {
  const [file, argv] = command(bin, args);
  return new Promise((resolve, reject) => {
    execFile(file, argv, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${bin} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** Why the PostgreSQL server binaries cannot run here, or null when they can. */
export function pgBinariesUnusable(): string | null {
  for (const bin of ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres']) {
    if (!existsSync(join(PG_BIN, bin))) return `${join(PG_BIN, bin)} is missing (install postgresql-15, or set NETRA_PG_BIN)`;
  }
  if (asRoot && spawnSync('id', ['-u', 'postgres']).status !== 0)
    return 'running as root and there is no `postgres` OS user to run initdb as';
  const [file, argv] = command('initdb', ['--version']);
  const probe = spawnSync(file, argv, { encoding: 'utf8', timeout: 60_000 });
  if (probe.status !== 0) return `${file} ${argv.join(' ')} does not run: ${probe.error?.message ?? probe.stderr}`;
  return null;
}

export interface PgCluster {
  readonly name: string;
  readonly dir: string;
  readonly port: number;
  url(database?: string): string;
  /** A one-off query as the superuser (own connection). */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[], database?: string): Promise<T[]>;
  start(): Promise<void>;
  /** `immediate` is a crash as far as the data is concerned (no shutdown checkpoint). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  promote(): Promise<void>;
  log(): string;
}

function cluster(root: string, name: string, port: number): PgCluster {
  const dir = join(root, name);
  const logFile = join(root, `${name}.log`);
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    name,
    dir,
    port,
    url,
    async sql(text, params, database) {
      const client = new pg.Client({ connectionString: url(database), connectionTimeoutMillis: 30_000 });
      await client.connect();
      try {
        return (await client.query(text, params as unknown[])).rows;
      } finally {
        await client.end().catch(() => {});
      }
    },
    async start() {
      await run('pg_ctl', ['-D', dir, '-l', logFile, '-w', '-t', '300', 'start']);
    },
    async stop(mode = 'fast') {
      await run('pg_ctl', ['-D', dir, '-m', mode, '-w', '-t', '300', 'stop']);
    },
    async promote() {
      await run('pg_ctl', ['-D', dir, '-w', '-t', '300', 'promote']);
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
  };
}

export interface StandbyPair {
  root: string;
  primary: PgCluster;
  standby: PgCluster;
  /** The standby's name in synchronous_standby_names (its cluster_name, which its walreceiver reports). */
  standbyName: string;
  /** Turns synchronous replication on (FIRST 1 of the standby) and waits until the primary reports it. */
  makeSynchronous(): Promise<void>;
  /** Waits until the standby has replayed everything the primary has written so far. */
  waitForReplay(timeoutMs?: number): Promise<void>;
  /** Stops whatever still runs and removes the temp dir; safe to call twice and after failures. */
  destroy(): Promise<void>;
}

const COMMON_CONF = (root: string, port: number) => `
# Netra standby test
port = ${port}
listen_addresses = '127.0.0.1'
unix_socket_directories = '${root}'
max_connections = 60
shared_buffers = 32MB
wal_level = replica
max_wal_senders = 5
hot_standby = on
synchronous_commit = on
`;

/**
 * A primary with `prepare` run on it (schema, reference data) and then a streaming hot standby
 * cloned from it. Asynchronous until makeSynchronous(). Cleans up after itself if setup fails.
 */
export async function createStandbyPair(options: { prepare?: (primary: PgCluster) => Promise<void> } = {}): Promise<StandbyPair> {
  const root = mkdtempSync(join(tmpdir(), 'netra-standby-'));
  if (asRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(root, uid, gid);
  }
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  const primary = cluster(root, 'primary', primaryPort);
  const standby = cluster(root, 'standby', standbyPort === primaryPort ? standbyPort + 1 : standbyPort);
  const standbyName = 'netra_standby';
  const stopAll = () => {
    for (const c of [standby, primary]) {
      if (!existsSync(join(c.dir, 'postmaster.pid'))) continue;
      const [file, argv] = command('pg_ctl', ['-D', c.dir, '-m', 'immediate', '-w', '-t', '60', 'stop']);
      spawnSync(file, argv, { timeout: 90_000 });
    }
  };
  // If the test process exits abruptly, the servers must not outlive it.
  const onExit = () => {
    stopAll();
    rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  const destroy = async () => {
    process.off('exit', onExit);
    stopAll();
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await run('initdb', ['-D', primary.dir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-instructions']);
    appendFileSync(join(primary.dir, 'postgresql.conf'), COMMON_CONF(root, primary.port));
    await primary.start();
    await options.prepare?.(primary);
    // -R writes primary_conninfo and standby.signal; -X stream copies the WAL written meanwhile.
    await run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      standby.dir,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
    ]);
    appendFileSync(
      join(standby.dir, 'postgresql.conf'),
      `${COMMON_CONF(root, standby.port)}
cluster_name = '${standbyName}'
# Long exports on the standby are not cancelled by vacuum on the primary.
hot_standby_feedback = on
`,
    );
    await standby.start();
    const pair: StandbyPair = {
      root,
      primary,
      standby,
      standbyName,
      destroy,
      async makeSynchronous() {
        await primary.sql(`ALTER SYSTEM SET synchronous_standby_names = 'FIRST 1 (${standbyName})'`);
        await primary.sql('SELECT pg_reload_conf()');
        await waitFor(
          async () =>
            (
              await primary.sql<{ sync_state: string }>('SELECT sync_state FROM pg_stat_replication WHERE application_name = $1', [
                standbyName,
              ])
            )[0]?.sync_state === 'sync',
          120_000,
          'the standby to become synchronous',
        );
      },
      async waitForReplay(timeoutMs = 120_000) {
        const [{ lsn }] = await primary.sql<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
        await waitFor(
          async () =>
            (await standby.sql<{ done: boolean }>('SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), $1::pg_lsn) >= 0 AS done', [lsn]))[0]
              .done,
          timeoutMs,
          'the standby to replay',
        );
      },
    };
    await waitFor(
      async () =>
        (await primary.sql('SELECT 1 FROM pg_stat_replication WHERE application_name = $1 AND state = $2', [standbyName, 'streaming']))
          .length === 1,
      120_000,
      'the standby to stream',
    );
    return pair;
  } catch (error) {
    const logs = `${primary.log().slice(-2000)}\n${standby.log().slice(-2000)}`;
    await destroy();
    throw new Error(`${(error as Error).message}\n--- server logs ---\n${logs}`, { cause: error });
  }
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
}
