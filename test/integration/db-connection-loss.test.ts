// A PostgreSQL connection killed under an open transaction (as when the server restarts) must
// not crash the process: the transaction fails, the broken client is discarded, the next query
// works, and the HTTP layer answers 503 (retryable) rather than 500. (`npm run soak` restarts the
// whole PostgreSQL server under load.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, enabledBackends } from '../support/backends.ts';

if (enabledBackends().includes('postgresql')) {
  test('a terminated connection inside a transaction is survived and discarded [postgresql]', async () => {
    const t = await createTestDb('postgresql', { reference: false });
    try {
      const crashed: unknown[] = [];
      const onUncaught = (error: unknown) => {
        crashed.push(error);
      };
      process.on('uncaughtException', onUncaught);
      try {
        const attempt = t.db.transaction(async (tx) => {
          const pid = (await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
          await t.db.query('SELECT pg_terminate_backend($1)', [pid]);
          await new Promise((r) => setTimeout(r, 200));
          await tx.query('SELECT 1');
        });
        await assert.rejects(
          attempt,
          (error: { code?: string; message?: string }) => error.code === '57P01' || /terminat|Connection/i.test(error.message ?? ''),
        );
        await new Promise((r) => setTimeout(r, 100));
        assert.deepEqual(crashed, [], 'no uncaught error from the dead client');
        // The pool still serves queries and transactions.
        assert.equal((await t.db.query<{ one: number }>('SELECT 1 AS one')).rows[0].one, 1);
        assert.equal(await t.db.transaction(async (tx) => (await tx.query<{ two: number }>('SELECT 2 AS two')).rows[0].two), 2);
      } finally {
        process.off('uncaughtException', onUncaught);
      }
    } finally {
      await t.destroy();
    }
  });
}
