// Append-only, hash-chained audit trail. Each event is written in the same transaction as the
// change it records; a transaction-scoped advisory lock orders writers so the chain stays linear
// across processes. Ids are gapless (previous + 1, assigned under that lock), so a missing row
// shows; signed checkpoints (checkpoints.ts) pin the chain so a re-hashed one shows too.
import { createHash } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { canonicalJson } from '../../shared/canonicalJson.ts';

// Kept for callers that still import it from here; new code imports src/server/shared/canonicalJson.ts.
export { canonicalJson };

export const GENESIS_HASH = '0'.repeat(64);
export const AUDIT_CHAIN_LOCK = 4_242_002;

export interface AuditActor {
  id: string | null;
  role: string | null;
}

export interface AuditEventInput {
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId?: string | null;
  regionCode?: string | null;
  data?: Record<string, unknown>;
  at?: Date;
}

export const SYSTEM_ACTOR: AuditActor = { id: null, role: 'system' };

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

export function hashAuditRow(row: Omit<AuditRow, 'hash' | 'id'>): string {
  const material = canonicalJson({
    prev: row.prev_hash,
    at: new Date(row.occurred_at).toISOString(),
    actorId: row.actor_id,
    actorRole: row.actor_role,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    regionCode: row.region_code,
    data: row.data,
  });
  return createHash('sha256').update(material).digest('hex');
}

export async function appendAudit(tx: Tx, event: AuditEventInput): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  const last = await tx.query<{ id: number; hash: string }>('SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1');
  const row = {
    occurred_at: event.at ?? new Date(),
    actor_id: event.actor.id,
    actor_role: event.actor.role,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId ?? null,
    region_code: event.regionCode ?? null,
    data: JSON.parse(JSON.stringify(event.data ?? {})) as Record<string, unknown>,
    prev_hash: last.rows[0]?.hash ?? GENESIS_HASH,
  };
  // Not the sequence: a rolled-back transaction would leave a gap, and a gap must mean a deleted row.
  await tx.query(
    `INSERT INTO audit_events (id, occurred_at, actor_id, actor_role, action, entity_type, entity_id, region_code, data, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      (last.rows[0]?.id ?? 0) + 1,
      row.occurred_at,
      row.actor_id,
      row.actor_role,
      row.action,
      row.entity_type,
      row.entity_id,
      row.region_code,
      JSON.stringify(row.data),
      row.prev_hash,
      hashAuditRow(row),
    ],
  );
}

export { verifyAuditChain, verifyAuditTrail, type AuditVerification, type AuditTrailVerification } from './verify.ts';
