// Queries of the audit trail. The append (lock, head, insert) keeps its exact SQL: it runs in every
// audited transaction, under a transaction-scoped advisory lock that orders writers across processes.
import type { Queryable, Tx } from '../../db/client.ts';
import { execute, firstRow, qb, rows, type Row } from '../../db/kysely.ts';

export const AUDIT_CHAIN_LOCK = 4_242_002;

export interface AuditRow {
  id: number;
  occurred_at: Date;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  region_code: string | null;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/** Held until the transaction ends: one appender (or checkpoint writer) at a time. */
// The chain lock's statements run prepared on PostgreSQL: the time between lock and COMMIT is
// what concurrent audited writes queue for.
export async function lockAuditChain(tx: Tx): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK], { prepare: 'audit_lock' });
}

/** The chain's head (id and hash), if any; read under the chain lock. */
export async function auditHead(tx: Tx): Promise<{ id: number; hash: string } | undefined> {
  return (
    await tx.query<{ id: number; hash: string }>('SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1', [], {
      prepare: 'audit_head',
    })
  ).rows[0];
}

export async function insertAuditEvent(tx: Tx, row: AuditRow): Promise<void> {
  await tx.query(
    `INSERT INTO audit_events (id, occurred_at, actor_id, actor_role, action, entity_type, entity_id, region_code, data, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      row.id,
      row.occurred_at,
      row.actor_id,
      row.actor_role,
      row.action,
      row.entity_type,
      row.entity_id,
      row.region_code,
      JSON.stringify(row.data),
      row.prev_hash,
      row.hash,
    ],
    // Every audited change passes here while holding the chain lock: parsed once per connection.
    { prepare: 'audit_insert' },
  );
}

/** One page of the chain after `afterId`, in id order. */
export async function auditEventsAfter(db: Queryable, afterId: number, limit: number): Promise<AuditRow[]> {
  return (await db.query<AuditRow>('SELECT * FROM audit_events WHERE id > $1 ORDER BY id LIMIT $2', [afterId, limit])).rows;
}

export async function auditEventHash(tx: Tx, id: number): Promise<string | undefined> {
  return (await firstRow(tx, qb.selectFrom('audit_events').select('hash').where('id', '=', id)))?.hash;
}

/** Ids at or below this may have gaps (rows written before ids became gapless). */
export async function gaplessAfter(db: Queryable): Promise<number> {
  const row = await firstRow(db, qb.selectFrom('audit_chain_meta').select('gapless_after').limit(1));
  return Number(row?.gapless_after ?? 0);
}

// ---- signing keys ----

export interface KeyRow {
  key_id: string;
  public_key_pem: string;
  sealed_private_key: string;
  created_at: Date;
}

const keyColumns = ['key_id', 'public_key_pem', 'sealed_private_key', 'created_at'] as const;

export async function signingKeyRows(db: Queryable): Promise<KeyRow[]> {
  return rows(db, qb.selectFrom('audit_signing_keys').select(keyColumns).orderBy('created_at').orderBy('key_id'));
}

export async function latestSigningKeyRow(tx: Tx): Promise<KeyRow | undefined> {
  return firstRow(
    tx,
    qb.selectFrom('audit_signing_keys').select(keyColumns).orderBy('created_at', 'desc').orderBy('key_id', 'desc').limit(1),
  );
}

export async function insertSigningKey(tx: Tx, row: KeyRow): Promise<void> {
  await execute(tx, qb.insertInto('audit_signing_keys').values(row));
}

// ---- checkpoints ----

export type CheckpointRow = Row<'audit_checkpoints'>;

const checkpointColumns = ['id', 'last_event_id', 'event_count', 'head_hash', 'signed_at', 'key_id', 'signature'] as const;

export async function lastCheckpointRow(tx: Tx): Promise<CheckpointRow | undefined> {
  return firstRow(tx, qb.selectFrom('audit_checkpoints').select(checkpointColumns).orderBy('id', 'desc').limit(1));
}

/** One page of stored checkpoints after `afterId`, in id order. */
export async function checkpointRowsAfter(db: Queryable, afterId: number, limit: number): Promise<CheckpointRow[]> {
  return rows(db, qb.selectFrom('audit_checkpoints').select(checkpointColumns).where('id', '>', afterId).orderBy('id').limit(limit));
}

/** The latest `limit` checkpoints, oldest first. */
export async function latestCheckpointRows(db: Queryable, limit: number): Promise<CheckpointRow[]> {
  return (await db.query<CheckpointRow>('SELECT * FROM (SELECT * FROM audit_checkpoints ORDER BY id DESC LIMIT $1) c ORDER BY id', [limit]))
    .rows;
}

export async function insertCheckpoint(tx: Tx, row: CheckpointRow): Promise<void> {
  await execute(tx, qb.insertInto('audit_checkpoints').values(row));
}
