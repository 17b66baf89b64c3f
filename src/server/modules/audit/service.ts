// Append-only, hash-chained audit trail. Each event is written in the same transaction as the
// change it records; a transaction-scoped advisory lock orders writers so the chain stays linear
// across processes. Ids are gapless (previous + 1, assigned under that lock), so a missing row
// shows; signed checkpoints (checkpoints.ts) pin the chain so a re-hashed one shows too.
import { createHash } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { canonicalJson } from '../../shared/canonicalJson.ts';
import { auditHead, insertAuditEvent, lockAuditChain, type AuditRow } from './repository.ts';

// Kept for callers that still import it from here; new code imports src/server/shared/canonicalJson.ts.
export { canonicalJson };

export const GENESIS_HASH = '0'.repeat(64);
export { AUDIT_CHAIN_LOCK, type AuditRow } from './repository.ts';

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
  await lockAuditChain(tx);
  const last = await auditHead(tx);
  const row = {
    occurred_at: event.at ?? new Date(),
    actor_id: event.actor.id,
    actor_role: event.actor.role,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId ?? null,
    region_code: event.regionCode ?? null,
    data: JSON.parse(JSON.stringify(event.data ?? {})) as Record<string, unknown>,
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  // Not the sequence: a rolled-back transaction would leave a gap, and a gap must mean a deleted row.
  await insertAuditEvent(tx, { ...row, id: (last?.id ?? 0) + 1, hash: hashAuditRow(row) });
}

export { verifyAuditChain, verifyAuditTrail, type AuditVerification, type AuditTrailVerification } from './verify.ts';
