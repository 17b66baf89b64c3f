// Attacks on the audit trail by someone with write access to the database (a superuser who
// disables the append-only triggers): each rewrite must be named by verify-audit.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createTestDb, enabledBackends, TEST_DATABASE_URL, type TestDb } from '../support/backends.ts';
import { buildTestApp, testVault } from '../support/http.ts';
import type { Db, Tx } from '../../src/server/db/client.ts';
import { openPglite } from '../../src/server/db/client.ts';
import { migrate, splitStatements } from '../../src/server/db/migrate.ts';
import { createVault, type Vault } from '../../src/server/platform/vault.ts';
import {
  appendAudit,
  GENESIS_HASH,
  hashAuditRow,
  verifyAuditChain,
  verifyAuditTrail,
  type AuditRow,
} from '../../src/server/modules/audit/service.ts';
import {
  auditCheckpointJobs,
  checkpointMessage,
  keyIdOf,
  parseOutsideCheckpoints,
  publicCheckpointDocument,
  trustedAuditKeys,
  writeAuditCheckpoint,
} from '../../src/server/modules/audit/checkpoints.ts';
import { startWorker } from '../../src/server/jobs/worker.ts';
import { startNetra } from '../../src/server/main.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const T0 = new Date('2024-10-10T03:00:00Z');

async function appendEvents(db: Db, n: number, action = 'case.updated') {
  for (let i = 0; i < n; i++) {
    await db.transaction((tx) =>
      appendAudit(tx, { actor: { id: 'u1', role: 'staf' }, action, entityType: 'case', entityId: `c${i}`, data: { i } }),
    );
  }
}

/** As a superuser would: row triggers off for this transaction (session_replication_role) or the table. */
async function asSuperuser(db: Db, fn: (tx: Tx) => Promise<void>, how: 'replica' | 'disable' = 'replica') {
  await db.transaction(async (tx) => {
    if (how === 'replica') await tx.query('SET LOCAL session_replication_role = replica');
    else for (const t of ['audit_events', 'audit_checkpoints']) await tx.query(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
    await fn(tx);
    if (how === 'disable') for (const t of ['audit_events', 'audit_checkpoints']) await tx.query(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
  });
}

/** Recomputes every link and hash (optionally renumbering ids 1..n) so the chain verifies on its own. */
async function rehash(tx: Tx, renumber: boolean) {
  const rows = (await tx.query<AuditRow>('SELECT * FROM audit_events ORDER BY id')).rows;
  let prev = GENESIS_HASH;
  let n = 0;
  for (const row of rows) {
    n++;
    const hash = hashAuditRow({ ...row, prev_hash: prev });
    await tx.query('UPDATE audit_events SET id = $1, prev_hash = $2, hash = $3 WHERE id = $4', [renumber ? n : row.id, prev, hash, row.id]);
    prev = hash;
  }
}

async function verifyWith(db: Db, vault: Vault, outside?: ReturnType<typeof parseOutsideCheckpoints>) {
  const trustedKeys = new Map((await trustedAuditKeys(db, vault)).map((k) => [k.keyId, k.publicKeyPem]));
  return verifyAuditTrail(db, { trustedKeys, outside });
}

function assertBroken(result: { ok: boolean; brokenId?: number; reason?: string }, brokenId: number, reason: RegExp) {
  assert.equal(result.ok, false, 'the rewrite must be detected');
  assert.equal(result.brokenId, brokenId, result.reason);
  assert.match(result.reason!, reason);
}

for (const kind of enabledBackends()) {
  describe(`audit trail attacks [${kind}]`, () => {
    const withDb = async (fn: (db: Db, vault: Vault) => Promise<void>) => {
      const t: TestDb = await createTestDb(kind, { reference: false });
      try {
        await fn(t.db, createVault(randomBytes(32)));
      } finally {
        await t.destroy();
      }
    };

    test('ids stay gapless when a transaction that wrote an audit row rolls back', () =>
      withDb(async (db, vault) => {
        await appendEvents(db, 2);
        await assert.rejects(
          db.transaction(async (tx) => {
            await appendAudit(tx, { actor: { id: null, role: 'system' }, action: 'x', entityType: 'case' });
            throw new Error('rolled back');
          }),
          /rolled back/,
        );
        await appendEvents(db, 1);
        const ids = (await db.query<{ id: number }>('SELECT id FROM audit_events ORDER BY id')).rows.map((r) => r.id);
        assert.deepEqual(ids, [1, 2, 3]);
        assert.deepEqual(await verifyWith(db, vault), {
          ok: true,
          count: 3,
          checkpoints: 0,
          outsideCheckpoints: 0,
          signaturesChecked: true,
        });
      }));

    test('editing one row is named', () =>
      withDb(async (db, vault) => {
        await appendEvents(db, 5);
        await writeAuditCheckpoint(db, vault, { now: T0 });
        await asSuperuser(db, (tx) => tx.query(`UPDATE audit_events SET data = '{"forged":true}' WHERE id = 3`).then(() => {}), 'disable');
        assertBroken(await verifyWith(db, vault), 3, /hash does not match/);
      }));

    test('deleting the last rows is caught by the checkpoint that covered them', () =>
      withDb(async (db, vault) => {
        await appendEvents(db, 6);
        await writeAuditCheckpoint(db, vault, { now: T0 });
        await asSuperuser(db, (tx) => tx.query('DELETE FROM audit_events WHERE id > 4').then(() => {}));
        assert.equal((await verifyAuditChain(db)).ok, false);
        assertBroken(
          await verifyWith(db, vault),
          5,
          /covers events up to id 7 \(7 events\), the chain ends at id 4: rows 5–7 were deleted/,
        );
      }));

    test('deleting a middle row and re-hashing the rest leaves a gap that is named', () =>
      withDb(async (db, vault) => {
        await appendEvents(db, 6);
        await asSuperuser(db, async (tx) => {
          await tx.query('DELETE FROM audit_events WHERE id = 3');
          await rehash(tx, false);
        });
        assertBroken(await verifyWith(db, vault), 3, /id 3 is missing/);
      }));

    test('an inserted id that skips ahead is a gap', () =>
      withDb(async (db, vault) => {
        await appendEvents(db, 3);
        const last = (await db.query<AuditRow>('SELECT * FROM audit_events WHERE id = 3')).rows[0];
        const forged = { ...last, prev_hash: last.hash, action: 'x' };
        await db.query(
          `INSERT INTO audit_events (id, occurred_at, actor_id, actor_role, action, entity_type, entity_id, region_code, data, prev_hash, hash)
        VALUES (5, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            forged.occurred_at,
            forged.actor_id,
            forged.actor_role,
            forged.action,
            forged.entity_type,
            forged.entity_id,
            forged.region_code,
            JSON.stringify(forged.data),
            forged.prev_hash,
            hashAuditRow(forged),
          ],
        );
        assertBroken(await verifyWith(db, vault), 4, /id 4 is missing \(gap before id 5\)/);
      }));

    test('re-hashing everything (to erase every identity read) fails against the signed checkpoint, and against an outside copy when the checkpoints go too', () =>
      withDb(async (db, vault) => {
        await appendEvents(db, 2);
        await appendEvents(db, 1, 'case.reporter_identity_read');
        await appendEvents(db, 3);
        await writeAuditCheckpoint(db, vault, { now: T0 });
        const outsideCopy = parseOutsideCheckpoints(JSON.parse(JSON.stringify(await publicCheckpointDocument(db, vault))));
        await asSuperuser(db, async (tx) => {
          await tx.query(`DELETE FROM audit_events WHERE action = 'case.reporter_identity_read'`);
          await rehash(tx, true);
        });
        assert.equal((await db.query(`SELECT 1 FROM audit_events WHERE action = 'case.reporter_identity_read'`)).rows.length, 0);
        // 7 events were signed (6 + the key's creation); 6 remain, renumbered 1–6.
        assertBroken(await verifyWith(db, vault), 7, /checkpoint #1 .*covers events up to id 7 \(7 events\).*rows 1–6 are not vouched for/);
        // The attacker removes the checkpoints as well; the copy an outsider downloaded still holds.
        await asSuperuser(db, (tx) => tx.query('DELETE FROM audit_checkpoints').then(() => {}));
        assert.equal((await verifyWith(db, vault)).ok, true, 'the database alone no longer shows it (the documented limit)');
        assertBroken(await verifyWith(db, vault, outsideCopy), 7, /outside checkpoint #1 .*covers events up to id 7/);
        // Padding the chain back to 7 rows does not help: the signed head hash differs.
        await appendEvents(db, 1);
        assertBroken(
          await verifyWith(db, vault, outsideCopy),
          1,
          /outside checkpoint #1 .*signed head hash differs.*rows 1–7 were rewritten/,
        );
      }));

    test('re-hashing without deleting (edited content) fails on the head hash', () =>
      withDb(async (db, vault) => {
        await appendEvents(db, 4);
        await writeAuditCheckpoint(db, vault, { now: T0 });
        await appendEvents(db, 2);
        await writeAuditCheckpoint(db, vault, { now: new Date(T0.getTime() + 60_000) });
        await asSuperuser(db, async (tx) => {
          await tx.query(`UPDATE audit_events SET data = '{"i":"forged"}' WHERE id = 6`);
          await rehash(tx, false);
        });
        // The first checkpoint (ids 1–5, incl. the key-creation event) still holds; the rewrite is after it.
        assertBroken(await verifyWith(db, vault), 6, /checkpoint #2 .*signed head hash differs.*rows 6–7 were rewritten/);
      }));

    test("a re-signed chain with the attacker's own key is not trusted", () =>
      withDb(async (db, vault) => {
        await appendEvents(db, 3);
        await writeAuditCheckpoint(db, vault, { now: T0 });
        const { privateKey, publicKey } = generateKeyPairSync('ed25519');
        const keyId = keyIdOf(publicKey);
        await asSuperuser(db, async (tx) => {
          await tx.query('DELETE FROM audit_events WHERE id = 2');
          await rehash(tx, true);
          await tx.query('DELETE FROM audit_checkpoints');
          const head = (await tx.query<{ id: number; hash: string }>('SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1')).rows[0];
          await tx.query(
            `INSERT INTO audit_signing_keys (key_id, public_key_pem, sealed_private_key, created_at) VALUES ($1, $2, 'v1.AAAA.AAAA.AAAA', now())`,
            [keyId, publicKey.export({ type: 'spki', format: 'pem' }).toString()],
          );
          const cp = { id: 1, lastEventId: head.id, eventCount: head.id, headHash: head.hash, signedAt: T0.toISOString(), keyId };
          await tx.query('INSERT INTO audit_checkpoints VALUES ($1, $2, $3, $4, $5, $6, $7)', [
            1,
            cp.lastEventId,
            cp.eventCount,
            cp.headHash,
            T0,
            keyId,
            sign(null, Buffer.from(checkpointMessage(cp)), privateKey).toString('base64'),
          ]);
        });
        assertBroken(await verifyWith(db, vault), 1, /signed by unknown key/);
      }));

    test('the audit tables refuse UPDATE, DELETE and TRUNCATE while their triggers are on', () =>
      withDb(async (db, vault) => {
        await appendEvents(db, 2);
        await writeAuditCheckpoint(db, vault, { now: T0 });
        await assert.rejects(db.query('DELETE FROM audit_checkpoints'), /append-only/);
        await assert.rejects(db.query(`UPDATE audit_signing_keys SET public_key_pem = 'x'`), /append-only/);
        await assert.rejects(db.query('TRUNCATE audit_events CASCADE'), /append-only/);
        await assert.rejects(db.query('UPDATE audit_chain_meta SET gapless_after = 100'), /append-only/);
      }));

    test('the public endpoints publish checkpoints verifiable with the published key (node:crypto)', () =>
      withDb(async (db) => {
        const app = await buildTestApp(db);
        try {
          const empty = (await app.inject({ url: '/api/v1/public/audit/key' })).json();
          assert.deepEqual(empty.keys, []);
          await appendEvents(db, 3);
          await writeAuditCheckpoint(db, testVault(app), { now: T0 });
          await appendEvents(db, 1);
          await writeAuditCheckpoint(db, testVault(app), { now: new Date(T0.getTime() + 60_000) });
          const keyDoc = (await app.inject({ url: '/api/v1/public/audit/key' })).json();
          assert.equal(keyDoc.keys.length, 1);
          const publicKey = createPublicKey(keyDoc.keys[0].publicKeyPem);
          const response = await app.inject({ url: '/api/v1/public/audit/checkpoints' });
          assert.equal(response.statusCode, 200);
          const doc = response.json();
          assert.equal(doc.checkpoints.length, 2);
          for (const cp of doc.checkpoints) {
            const message = ['netra-audit-checkpoint/v1', cp.id, cp.lastEventId, cp.eventCount, cp.headHash, cp.signedAt, cp.keyId].join(
              '\n',
            );
            assert.equal(cp.keyId, keyDoc.current);
            assert.ok(verify(null, Buffer.from(message, 'utf8'), publicKey, Buffer.from(cp.signature, 'base64')), `checkpoint ${cp.id}`);
            assert.ok(
              !verify(
                null,
                Buffer.from(message.replace(cp.headHash, '0'.repeat(64)), 'utf8'),
                publicKey,
                Buffer.from(cp.signature, 'base64'),
              ),
            );
          }
          const head = (await db.query<{ id: number; hash: string }>('SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1')).rows[0];
          assert.deepEqual(
            [doc.checkpoints[1].lastEventId, doc.checkpoints[1].headHash, doc.checkpoints[1].eventCount],
            [head.id, head.hash, head.id],
          );
          assert.equal((await app.inject({ url: '/api/v1/public/audit/checkpoints?limit=1' })).json().checkpoints[0].id, 2);
          const bad = await app.inject({ url: '/api/v1/public/audit/checkpoints?limit=0' });
          assert.equal(bad.statusCode, 400);
          assert.match(bad.headers['content-type'] as string, /problem\+json/);
          // The open-data release carries the same document.
          const release = await app.inject({ url: '/api/v1/public/open-data/audit-checkpoints.json' });
          assert.equal(release.statusCode, 200);
          assert.deepEqual(release.json().checkpoints, doc.checkpoints);
          assert.ok(
            (await app.inject({ url: '/api/v1/public/open-data' }))
              .json()
              .datasets.some((d: { id: string }) => d.id === 'audit-checkpoints.json'),
          );
        } finally {
          await app.close();
        }
      }));

    test('the checkpoint job writes at most one per minute with activity, none without', () =>
      withDb(async (db, vault) => {
        let now = T0;
        const worker = startWorker(db, auditCheckpointJobs({ vault }), { autoStart: false, now: () => now });
        const count = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_checkpoints')).rows[0].n;
        const at = async (seconds: number) => {
          now = new Date(T0.getTime() + seconds * 1000);
          await worker.runOnce();
          return count();
        };
        assert.equal(await at(0), 0, 'no events, no checkpoint');
        await appendEvents(db, 2);
        assert.equal(await at(60), 1, 'a minute with activity');
        await appendEvents(db, 2);
        assert.equal(await at(90), 1, 'same minute: no second checkpoint');
        assert.equal(await at(119), 1, 'same minute: no second checkpoint');
        assert.equal(await at(120), 2, 'next minute with activity');
        assert.equal(await at(180), 2, 'no activity, no checkpoint');
        assert.equal(await at(240), 2, 'no activity, no checkpoint');
        await worker.stop();
        assert.deepEqual(await verifyWith(db, vault), {
          ok: true,
          count: 5,
          checkpoints: 2,
          outsideCheckpoints: 0,
          signaturesChecked: true,
        });
      }));

    test('a checkpoint is written at shutdown', () =>
      withDb(async (db) => {
        const dataDir = mkdtempSync(join(tmpdir(), 'netra-audit-'));
        const identityKey = randomBytes(32).toString('hex');
        const running = await startNetra(
          { port: 0, host: '127.0.0.1', runWorker: false, dataDir, identityKey, logLevel: 'silent' },
          { db, quiet: true },
        );
        await appendEvents(db, 3);
        await running.close();
        const cps = (await db.query<{ last_event_id: number }>('SELECT last_event_id FROM audit_checkpoints')).rows;
        assert.equal(cps.length, 1);
        const head = (await db.query<{ id: number }>('SELECT max(id)::int AS id FROM audit_events')).rows[0].id;
        assert.equal(cps[0].last_event_id, head);
        assert.equal((await verifyWith(db, createVault(Buffer.from(identityKey, 'hex')))).checkpoints, 1);
      }));
  });
}

/** Runs `netra` with the environment of a database that holds a tampered chain. */
function runCli(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [join(root, 'bin/netra.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, NETRA_LOG_LEVEL: 'silent', NETRA_LOAD_VILLAGES: 'false', ...env },
  });
}

for (const kind of enabledBackends()) {
  test(`CLI: audit-checkpoint, then verify-audit names the first bad id and exits non-zero [${kind}]`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'netra-audit-cli-'));
    const identityKey = randomBytes(32).toString('hex');
    let env: Record<string, string> = { NETRA_DATA_DIR: dataDir, NETRA_IDENTITY_KEY: identityKey };
    let db: Db;
    let cleanup = async () => {};
    if (kind === 'postgresql') {
      const name = `netra_test_${process.pid}_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(TEST_DATABASE_URL);
      url.pathname = `/${name}`;
      env = { ...env, DATABASE_URL: url.toString() };
      const { openPostgres } = await import('../../src/server/db/client.ts');
      db = await openPostgres(url.toString(), 2);
      cleanup = async () => {
        const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      };
    } else {
      db = await openPglite(dataDir);
    }
    try {
      await migrate(db);
      await appendEvents(db, 5);
      if (kind === 'pglite') await db.close(); // one process at a time on a PGlite data dir
      const checkpoint = runCli(['audit-checkpoint'], env);
      assert.equal(checkpoint.status, 0, checkpoint.stderr + checkpoint.stdout);
      // 5 events, the reference data's load on first start, and the signing key's creation.
      const n = Number(/checkpoint #1: (\d+) events up to id \1,/.exec(checkpoint.stdout)?.[1]);
      assert.ok(n >= 6, checkpoint.stdout);
      const ok = runCli(['verify-audit'], env);
      assert.equal(ok.status, 0, ok.stderr + ok.stdout);
      assert.equal(ok.stdout.trim(), `OK (${n} events, 1 signed checkpoints)`);
      const outsideFile = join(dataDir, 'outside.json');
      if (kind === 'pglite') db = await openPglite(dataDir);
      writeFileSync(outsideFile, JSON.stringify(await publicCheckpointDocument(db, createVault(Buffer.from(identityKey, 'hex')))));
      await asSuperuser(db, async (tx) => {
        await tx.query('DELETE FROM audit_events WHERE id = 4');
        await rehash(tx, true);
        await tx.query('DELETE FROM audit_checkpoints');
      });
      if (kind === 'pglite') await db.close();
      const broken = runCli(['verify-audit', '--checkpoints', outsideFile], env);
      assert.equal(broken.status, 1, broken.stderr + broken.stdout);
      assert.ok(broken.stdout.startsWith(`BROKEN at audit_events.id=${n}: outside checkpoint #1 `), broken.stdout);
      assert.match(broken.stdout, new RegExp(`covers events up to id ${n} \\(${n} events\\), the chain ends at id ${n - 1}`));
    } finally {
      if (kind === 'postgresql') await db.close();
      await cleanup();
    }
  });
}

if (enabledBackends().includes('postgresql')) {
  test('PostgreSQL two roles: the app role (scripts/postgres-app-role.sql) starts, appends and checkpoints, but cannot UPDATE/DELETE/TRUNCATE audit rows or switch triggers off [postgresql]', async () => {
    const t = await createTestDb('postgresql', { reference: false });
    const role = `netra_app_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    let appDb: Db | undefined;
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN`);
      const script = readFileSync(join(root, 'scripts/postgres-app-role.sql'), 'utf8').replaceAll(':"app_role"', `"${role}"`);
      for (const statement of splitStatements(script)) await t.db.query(statement);
      const dbName = (await t.db.query<{ d: string }>('SELECT current_database() AS d')).rows[0].d;
      const url = new URL(TEST_DATABASE_URL);
      url.pathname = `/${dbName}`;
      url.username = role;
      const { openPostgres } = await import('../../src/server/db/client.ts');
      appDb = await openPostgres(url.toString(), 2);
      assert.equal((await appDb.query<{ u: string }>('SELECT current_user AS u')).rows[0].u, role);
      // What the app does: start (migrations already applied), append, checkpoint, verify.
      assert.deepEqual(await migrate(appDb), []);
      await appendEvents(appDb, 3);
      const vault = createVault(randomBytes(32));
      assert.ok(await writeAuditCheckpoint(appDb, vault, { now: T0 }));
      assert.equal((await verifyWith(appDb, vault)).ok, true);
      await appDb.query(`INSERT INTO jobs (name) VALUES ('x')`);
      await appDb.query(`UPDATE jobs SET attempts = 1 WHERE name = 'x'`);
      // Refused by privileges (42501), before any trigger is consulted.
      for (const sql of [
        `UPDATE audit_events SET data = '{}' WHERE id = 1`,
        'DELETE FROM audit_events WHERE id = 4',
        'TRUNCATE audit_events',
        'DELETE FROM audit_checkpoints',
        `UPDATE audit_checkpoints SET head_hash = 'x'`,
        'DELETE FROM audit_signing_keys',
        'UPDATE audit_chain_meta SET gapless_after = 9',
        'ALTER TABLE audit_events DISABLE TRIGGER USER',
        `INSERT INTO schema_migrations (name) VALUES ('9999_x.sql')`,
      ]) {
        await assert.rejects(appDb.query(sql), (error: { code?: string }) => error.code === '42501', sql);
      }
      await assert.rejects(
        appDb.transaction(async (tx) => {
          await tx.query('SET LOCAL session_replication_role = replica');
          await tx.query('DELETE FROM audit_events WHERE id = 4');
        }),
        (error: { code?: string }) => error.code === '42501',
      );
      assert.equal((await verifyWith(appDb, vault)).ok, true);
    } finally {
      await appDb?.close();
      await t.destroy();
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    }
  });
}
