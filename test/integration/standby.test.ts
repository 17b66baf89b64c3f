// A real PostgreSQL primary and hot standby (pg_basebackup -R, synchronous replication), started
// and removed by this test: read-only work reads the replica (DATABASE_REPLICA_URL), a reporter
// finds the report just filed even while the replica lags (read-your-writes on tracking), and
// after the primary dies and the standby is promoted no acknowledged report is lost.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openPostgres, openReplica, replicaStatus, type Db, type ReplicaDb } from '../../src/server/db/client.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { loadReferenceData } from '../../src/server/reference/loadReference.ts';
import { createVault } from '../../src/server/platform/vault.ts';
import { invalidateStats } from '../../src/server/modules/stats/service.ts';
import { createStandbyPair, pgBinariesUnusable, waitFor, type StandbyPair } from '../support/pgCluster.ts';
import { buildRecentLaporanInput } from '../support/factories.ts';
import { buildUser, signIn } from '../support/http.ts';
import { describeEachBackend } from '../support/backends.ts';
import { freePort } from '../support/process.ts';

const unusable = pgBinariesUnusable();
if (unusable) console.log(`# standby test skipped: PostgreSQL server binaries cannot run here: ${unusable}`);

const TIMEOUT = 15 * 60_000;
const vault = createVault(randomBytes(32));

interface Receipt {
  trackingCode: string;
  pin: string;
}

async function fileReport(app: FastifyInstance): Promise<Receipt> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildRecentLaporanInput() });
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

const totalCases = async (app: FastifyInstance) => {
  const response = await app.inject({ method: 'GET', url: '/api/v1/public/stats' });
  assert.equal(response.statusCode, 200, response.body);
  return response.json().totals.cases as number;
};

const csvRows = async (app: FastifyInstance) => {
  const response = await app.inject({ method: 'GET', url: '/api/v1/public/open-data/cases.csv' });
  assert.equal(response.statusCode, 200, response.body);
  return Number(response.headers['x-row-count']);
};

describe(
  'PostgreSQL hot standby: replica reads, read-your-writes, fail-over',
  { skip: unusable ? `PostgreSQL server binaries cannot run: ${unusable}` : false, timeout: TIMEOUT },
  () => {
    let pair: StandbyPair | undefined;
    let db: Db | undefined;
    let replica: ReplicaDb | undefined;
    let app: FastifyInstance | undefined;
    let dataDir: string | undefined;
    const config = () => loadConfig({ NETRA_LOG_LEVEL: 'silent', NETRA_REQUIRE_TOTP: 'off' } as NodeJS.ProcessEnv, { dataDir });

    before(
      async () => {
        dataDir = mkdtempSync(join(tmpdir(), 'netra-standby-app-'));
        pair = await createStandbyPair({
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
        await pair.makeSynchronous();
        db = await openPostgres(pair.primary.url('netra'));
        replica = openReplica(pair.standby.url('netra'), db);
        app = await buildApp({ db, readDb: replica, config: config(), vault });
      },
      { timeout: TIMEOUT },
    );

    after(
      async () => {
        await app?.close().catch(() => {});
        await replica?.close().catch(() => {});
        await db?.close().catch(() => {});
        await pair?.destroy();
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      },
      { timeout: TIMEOUT },
    );

    it('is a synchronous hot standby, and health reports its lag', async () => {
      const [replication] = await pair!.primary.sql<{ sync_state: string; state: string }>(
        'SELECT sync_state, state FROM pg_stat_replication WHERE application_name = $1',
        [pair!.standbyName],
      );
      assert.deepEqual(replication, { sync_state: 'sync', state: 'streaming' });
      const [{ recovery }] = await pair!.standby.sql<{ recovery: boolean }>('SELECT pg_is_in_recovery() AS recovery');
      assert.equal(recovery, true);
      await pair!.waitForReplay();
      const health = await app!.inject({ method: 'GET', url: '/api/v1/health' });
      assert.equal(health.statusCode, 200, health.body);
      const status = health.json().replica;
      assert.equal(status.state, 'streaming');
      assert.equal(status.replayPaused, false);
      assert.equal(typeof status.lagBytes, 'number');
    });

    it('routes read-only work to the replica, while a reporter always finds the report just filed', async () => {
      const analyst = await buildUser(db!, { role: 'analyst' });
      const supervisor = await buildUser(db!, { role: 'pengawas_ri' });
      await pair!.waitForReplay();
      const casesBefore = await totalCases(app!);
      // Open-data files are cached for 30 s once built, so the first build happens while replay is paused.
      const [{ n: rowsBefore }] = await pair!.primary.sql<{ n: number }>('SELECT count(*)::int AS n FROM cases', [], 'netra');

      // The replica's pool is the one connected to the standby (application_name netra-replica).
      const [{ n: onStandby }] = await pair!.standby.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'netra-replica' AND datname = 'netra'`,
      );
      assert.ok(onStandby >= 1, 'dashboard reads opened connections on the standby');
      const [{ n: onPrimary }] = await pair!.primary.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'netra-replica'`,
      );
      assert.equal(onPrimary, 0);

      // Replay stops: the standby still receives and flushes WAL (so synchronous commits are still
      // acknowledged) but shows nothing new — the lag a busy replica has, made as long as we like.
      await pair!.standby.sql('SELECT pg_wal_replay_pause()');
      await waitFor(
        async () => (await pair!.standby.sql<{ s: string }>('SELECT pg_get_wal_replay_pause_state() AS s'))[0].s === 'paused',
        60_000,
        'replay to pause',
      );

      const receipt = await fileReport(app!);
      const onReplica = await pair!.standby.sql('SELECT 1 FROM cases WHERE tracking_code = $1', [receipt.trackingCode], 'netra');
      assert.equal(onReplica.length, 0, 'the replica has not replayed the new report (the lag is real)');

      // Read-your-writes: tracking reads the primary.
      const tracked = await app!.inject({
        method: 'POST',
        url: '/api/v1/lacak',
        payload: { kode: receipt.trackingCode, pin: receipt.pin },
      });
      assert.equal(tracked.statusCode, 200, tracked.body);
      assert.equal(tracked.json().trackingCode, receipt.trackingCode);

      // Read-only work answers from the replica: the report is not there yet.
      invalidateStats(db!); // linked to the replica's snapshot: recomputed now, on the replica
      assert.equal(await totalCases(app!), casesBefore);
      const profile = await app!.inject({ method: 'GET', url: '/api/v1/public/regions/16.02/profile' });
      assert.equal(profile.statusCode, 200, profile.body);
      const risk = await app!.inject({ method: 'GET', url: '/api/v1/risk?level=kabupaten_kota' });
      assert.equal(risk.statusCode, 200, risk.body);
      // Open data builds straight from the replica's rows (and records the release on the primary).
      assert.equal(await csvRows(app!), rowsBefore);
      const [{ releases }] = await pair!.primary.sql<{ releases: number }>(
        `SELECT count(*)::int AS releases FROM open_data_releases WHERE dataset = 'cases.csv'`,
        [],
        'netra',
      );
      assert.ok(releases >= 1);

      // Analysts (read-only role) read the replica; staff who act read the primary.
      const analystSession = await signIn(app!, analyst.username, analyst.password);
      const analystQueue = (await analystSession.request({ method: 'GET', url: '/api/v1/cases?limit=100' })).json();
      assert.equal(
        analystQueue.items.some((i: { trackingCode: string }) => i.trackingCode === receipt.trackingCode),
        false,
      );
      const supervisorSession = await signIn(app!, supervisor.username, supervisor.password);
      const supervisorQueue = (await supervisorSession.request({ method: 'GET', url: '/api/v1/cases?limit=100' })).json();
      assert.equal(
        supervisorQueue.items.some((i: { trackingCode: string }) => i.trackingCode === receipt.trackingCode),
        true,
      );

      const lagging = (await app!.inject({ method: 'GET', url: '/api/v1/health' })).json().replica;
      assert.equal(lagging.replayPaused, true);
      assert.ok(lagging.lagBytes > 0, `lag while paused: ${JSON.stringify(lagging)}`);
      assert.ok(lagging.served > 0);
      assert.equal(lagging.fallbacks, 0);

      await pair!.standby.sql('SELECT pg_wal_replay_resume()');
      await pair!.waitForReplay();
      invalidateStats(db!);
      assert.equal(await totalCases(app!), casesBefore + 1);
      const caughtUp = (await app!.inject({ method: 'GET', url: '/api/v1/health' })).json().replica;
      assert.equal(caughtUp.replayPaused, false);
    });

    it('answers read-only work from the primary when the replica cannot be reached', async () => {
      const dead = openReplica(`postgres://postgres@127.0.0.1:${await freePort()}/netra`, db!);
      try {
        const result = await dead.query<{ one: number }>('SELECT 1 AS one');
        assert.equal(result.rows[0].one, 1);
        assert.equal(dead.fallbacks, 1);
        assert.equal((await replicaStatus(db!, dead)).state, 'unreachable');
      } finally {
        await dead.close();
      }
    });

    it('loses no acknowledged report when the primary dies and the standby is promoted', async () => {
      const acknowledged: Receipt[] = [];
      let primaryDown = false;
      let stopping: Promise<void> | null = null;
      // Reports keep coming while the primary is killed (immediate stop: no shutdown checkpoint).
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (!primaryDown) {
            const response = await app!
              .inject({ method: 'POST', url: '/api/v1/laporan', payload: buildRecentLaporanInput() })
              .catch(() => null);
            if (response?.statusCode === 201) acknowledged.push(response.json());
            else if (!stopping) throw new Error(`intake failed before the primary stopped: ${response?.statusCode} ${response?.body}`);
            if (acknowledged.length >= 20 && !stopping) {
              stopping = pair!.primary.stop('immediate').then(() => {
                primaryDown = true;
              });
            }
          }
        }),
      );
      assert.ok(acknowledged.length >= 20);
      await app!.close();
      await replica!.close();
      await db!.close().catch(() => {});
      app = undefined;
      replica = undefined;
      db = undefined;

      await pair!.standby.promote();
      await waitFor(async () => !(await pair!.standby.sql<{ r: boolean }>('SELECT pg_is_in_recovery() AS r'))[0].r, 120_000, 'promotion');

      // The app, pointed at the new primary (DATABASE_URL = the promoted standby, no replica).
      db = await openPostgres(pair!.standby.url('netra'));
      app = await buildApp({ db, config: config(), vault });
      const lost: string[] = [];
      for (const receipt of acknowledged) {
        const tracked = await app.inject({
          method: 'POST',
          url: '/api/v1/lacak',
          payload: { kode: receipt.trackingCode, pin: receipt.pin },
        });
        if (tracked.statusCode !== 200) lost.push(`${receipt.trackingCode}: ${tracked.statusCode}`);
      }
      assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged reports missing after fail-over`);
      // The new primary takes reports, and the audit chain continues.
      const next = await fileReport(app);
      assert.match(next.trackingCode, /^NTR-/);
    });
  },
);

describeEachBackend(
  'without DATABASE_REPLICA_URL',
  (ctx) => {
    it('read-only work uses the primary and health names no replica', async () => {
      const app = await buildApp({
        db: ctx().db,
        config: loadConfig({ NETRA_LOG_LEVEL: 'silent', NETRA_REQUIRE_TOTP: 'off' } as NodeJS.ProcessEnv, {
          dataDir: mkdtempSync(join(tmpdir(), 'netra-test-')),
        }),
        vault,
      });
      try {
        const health = await app.inject({ method: 'GET', url: '/api/v1/health' });
        assert.equal(health.statusCode, 200, health.body);
        assert.equal('replica' in health.json(), false);
        const stats = await app.inject({ method: 'GET', url: '/api/v1/public/stats' });
        assert.equal(stats.statusCode, 200);
      } finally {
        await app.close();
      }
    });

    it('DATABASE_REPLICA_URL must be a URL', () => {
      assert.throws(() => loadConfig({ DATABASE_REPLICA_URL: 'replika' } as NodeJS.ProcessEnv), /DATABASE_REPLICA_URL/);
      assert.equal(
        loadConfig({ DATABASE_REPLICA_URL: 'postgres://replica:5432/netra' } as NodeJS.ProcessEnv).replicaUrl,
        'postgres://replica:5432/netra',
      );
    });
  },
  { reference: false },
);
