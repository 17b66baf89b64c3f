// Issue 11: `npx netra user create` while the server ran on the same PGlite dir printed
// "Akun dibuat" and the account was lost (two embedded PostgreSQLs over one set of files).
// Now the second process refuses, naming the holder, and writes nothing; the first admin comes
// from the one-time setup link the running server printed. (PGlite only: a PostgreSQL server
// is shared by design, see multi-process.test.ts.)
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNetraCli, startNetraProcess, type NetraProcess } from '../support/process.ts';
import { openPglite } from '../../src/server/db/client.ts';
import { ensureWebBuild } from '../../src/cli/webBuild.ts';

before(async () => {
  await ensureWebBuild();
}); // once, not in every `netra start` below

test(
  'a second process on a PGlite data dir refuses, names the holder and writes nothing; the setup link makes the first admin',
  { timeout: 240_000 },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'netra-lock-'));
    const env = { NETRA_DATA_DIR: dataDir, NETRA_IDENTITY_KEY: 'c'.repeat(64), WORKER: 'off' };
    let server: NetraProcess | undefined;
    try {
      server = await startNetraProcess(env);
      const port = new URL(server.url).port;
      const pid = String(server.child.pid);

      const cli = await runNetraCli(
        ['user', 'create', '--role', 'admin', '--username', 'admin_cli', '--password', 'kata-sandi-rahasia'],
        env,
      );
      assert.notEqual(cli.code, 0);
      assert.doesNotMatch(cli.stdout, /Akun dibuat|user created/);
      assert.match(cli.stderr, new RegExp(`pid ${pid}`));
      assert.match(cli.stderr, new RegExp(`port ${port}`));
      assert.match(cli.stderr, /sedang dipakai/); // Indonesian …
      assert.match(cli.stderr, /is in use/); // … and English

      // A second server on the same dir refuses the same way (instead of starting a second PostgreSQL).
      const second = await runNetraCli(['start'], { ...env, PORT: '0', HOST: '127.0.0.1' });
      assert.notEqual(second.code, 0);
      assert.match(second.stderr, new RegExp(`pid ${pid}`));

      // The running server printed a one-time link; it makes the first admin without a restart.
      const link = server.stdout().match(/http:\/\/\S+\/staf\/setup\?token=(\S+)/);
      assert.ok(link, `no setup link in: ${server.stdout()}`);
      const created = await fetch(`${server.url}/api/v1/auth/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: link[1], username: 'admin_pertama', password: 'kata-sandi-rahasia' }),
      });
      assert.equal(created.status, 201);
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin_pertama', password: 'kata-sandi-rahasia' }),
      });
      assert.equal(login.status, 200);

      await server.kill('SIGTERM');
      server = undefined;
      // After shutdown (lock released, or this open would be refused): the setup admin is there,
      // the refused CLI left no user and no audit row.
      const db = await openPglite(dataDir);
      try {
        const users = await db.query<{ username: string }>('SELECT username FROM users ORDER BY username');
        assert.deepEqual(
          users.rows.map((u) => u.username),
          ['admin_pertama'],
        );
        const audit = await db.query<{ actor_role: string; n: number }>(
          "SELECT actor_role, count(*)::int AS n FROM audit_events WHERE action = 'user.created' GROUP BY actor_role",
        );
        assert.deepEqual(audit.rows, [{ actor_role: 'setup', n: 1 }]);
      } finally {
        await db.close();
      }
    } finally {
      await server?.kill('SIGKILL');
    }
  },
);
