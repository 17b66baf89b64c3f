// Queries of tracking by code + PIN (benchmarked: POST /lacak; statements unchanged) and of the
// reporter's withdrawal.
import type { Queryable, Tx } from '../../../db/client.ts';
import type { Row } from '../../../db/kysely.ts';
import type { CaseState } from '../../../../domain/cases/stateMachine.ts';

/** Wrong PINs from one address since `since`: for this code (`pair`) and in all (`address`). */
export async function countTrackingFailures(
  db: Queryable,
  code: string,
  address: string,
  since: Date,
): Promise<{ pair: number; address: number }> {
  const failures = await db.query<{ pair: number; address: number }>(
    `SELECT count(*) FILTER (WHERE tracking_code = $1)::int AS pair, count(*)::int AS address
     FROM tracking_failures WHERE address = $2 AND at > $3`,
    [code, address, since],
  );
  return failures.rows[0];
}

export async function insertTrackingFailure(db: Queryable, code: string, address: string, at: Date) {
  await db.query('INSERT INTO tracking_failures (tracking_code, address, at) VALUES ($1, $2, $3)', [code, address, at]);
}

/** The timeline as the reporter sees it: public notes only. */
export async function listPublicEvents(db: Queryable, caseId: string) {
  const events = await db.query<Pick<Row<'case_events'>, 'occurred_at' | 'action' | 'public_note'> & { to_state: CaseState }>(
    'SELECT occurred_at, action, to_state, public_note FROM case_events WHERE case_id = $1 ORDER BY id',
    [caseId],
  );
  return events.rows;
}

/** Public keys of the case's referrals, in the order they were recommended. */
export async function listReferralPublicKeys(db: Queryable, caseId: string): Promise<string[]> {
  const keys = await db.query<{ public_key: string }>('SELECT public_key FROM referrals WHERE case_id = $1 ORDER BY recommended_at, id', [
    caseId,
  ]);
  return keys.rows.map((r) => r.public_key);
}

/** The reporter's withdrawal: new state with the reason, every running clock stopped. */
export async function markWithdrawn(tx: Tx, caseId: string, state: string, reason: string, at: Date) {
  await tx.query('UPDATE cases SET state = $2, state_reason = $3, updated_at = $4 WHERE id = $1', [caseId, state, reason, at]);
  await tx.query('UPDATE case_clocks SET stopped_at = $2 WHERE case_id = $1 AND stopped_at IS NULL', [caseId, at]);
}
