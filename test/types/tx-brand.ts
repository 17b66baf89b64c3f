// Type-level checks, compiled by the typecheck in test/integration/tooling.test.ts (never run).
// If `Tx` stopped being distinct from `Db`, the @ts-expect-error lines below would be unused and
// tsc would fail: audit rows and jobs can only be written inside a transaction.
import type { Db } from '../../src/server/db/client.ts';
import { appendAudit, SYSTEM_ACTOR } from '../../src/server/modules/audit/index.ts';
import { enqueueJob } from '../../src/server/jobs/queue.ts';

export async function outsideATransaction(db: Db) {
  // @ts-expect-error a Db is not a Tx: the audit row would not be atomic with the change it records
  await appendAudit(db, { actor: SYSTEM_ACTOR, action: 'x', entityType: 'x' });
  // @ts-expect-error a job is written in the transaction that needs it
  await enqueueJob(db, 'x');
  // Inside one, both compile.
  await db.transaction(async (tx) => {
    await appendAudit(tx, { actor: SYSTEM_ACTOR, action: 'x', entityType: 'x' });
    await enqueueJob(tx, 'x');
  });
}
