// Signed audit checkpoints: every minute with activity, at shutdown and on demand, an Ed25519
// signature over (checkpoint id, last event id, event count, head hash, time, key id). The
// private key is generated once and stored sealed with the identity vault, so whoever holds
// only the database cannot sign; the public key and the latest checkpoints are published so
// outsiders can keep copies that a re-hashed chain no longer matches.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { Db, Queryable, Tx } from '../../db/client.ts';
import type { Vault } from '../../platform/vault.ts';
import { GENESIS_HASH, appendAudit, SYSTEM_ACTOR } from './service.ts';
import {
  auditEventHash,
  auditHead,
  gaplessAfter,
  insertCheckpoint,
  insertSigningKey,
  lastCheckpointRow,
  latestCheckpointRows,
  latestSigningKeyRow,
  lockAuditChain,
  signingKeyRows,
  type CheckpointRow,
  type KeyRow,
} from './repository.ts';
import { walkChain } from './verify.ts';
import { defineJob } from '../../jobs/worker.ts';

export { gaplessAfter } from './repository.ts';

export const CHECKPOINT_FORMAT = 'netra-audit-checkpoint/v1';
export const CHECKPOINT_DOCUMENT_FORMAT = 'netra-audit-checkpoints/1';
/** How the signed message is built, published with every checkpoint document. */
export const CHECKPOINT_MESSAGE_TEMPLATE = `${CHECKPOINT_FORMAT}\\n<id>\\n<lastEventId>\\n<eventCount>\\n<headHash>\\n<signedAt ISO-8601>\\n<keyId>`;

export interface AuditCheckpoint {
  id: number;
  lastEventId: number;
  eventCount: number;
  headHash: string;
  signedAt: string;
  keyId: string;
  signature: string;
}

export interface AuditPublicKey {
  keyId: string;
  algorithm: 'Ed25519';
  publicKeyPem: string;
  createdAt: string;
}

/** The exact bytes that are signed (UTF-8). */
export function checkpointMessage(cp: Omit<AuditCheckpoint, 'signature'>): string {
  return [CHECKPOINT_FORMAT, cp.id, cp.lastEventId, cp.eventCount, cp.headHash, cp.signedAt, cp.keyId].join('\n');
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function verifyCheckpointSignature(cp: AuditCheckpoint, publicKeyPem: string): boolean {
  try {
    const signature = Buffer.from(cp.signature, 'base64');
    if (signature.length !== 64) return false;
    return verify(null, Buffer.from(checkpointMessage(cp), 'utf8'), createPublicKey(publicKeyPem), signature);
  } catch {
    return false;
  }
}

interface SigningKey extends AuditPublicKey {
  privateKey: KeyObject;
}

/** The key row, if its sealed private key opens with this vault and belongs to its public key. */
function unseal(row: KeyRow, vault: Vault): SigningKey | null {
  try {
    const privateKey = createPrivateKey(vault.decrypt(row.sealed_private_key));
    if (privateKey.asymmetricKeyType !== 'ed25519') return null;
    const publicKey = createPublicKey(privateKey);
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    // A row inserted by someone without the vault key cannot pass: its sealed key would not open.
    if (pem !== row.public_key_pem || keyIdOf(publicKey) !== row.key_id) return null;
    return { keyId: row.key_id, algorithm: 'Ed25519', publicKeyPem: pem, createdAt: new Date(row.created_at).toISOString(), privateKey };
  } catch {
    return null;
  }
}

/** Public keys this instance vouches for (their private halves open with its vault), oldest first. */
export async function trustedAuditKeys(db: Queryable, vault: Vault): Promise<AuditPublicKey[]> {
  return (await signingKeyRows(db))
    .map((r) => unseal(r, vault))
    .filter((k): k is SigningKey => k !== null)
    .map(({ keyId, algorithm, publicKeyPem, createdAt }) => ({ keyId, algorithm, publicKeyPem, createdAt }));
}

/** The newest key; created (and audited) on first use. Caller holds the chain lock. */
async function signingKey(tx: Tx, vault: Vault, now: Date): Promise<SigningKey> {
  const latest = await latestSigningKeyRow(tx);
  if (latest) {
    const key = unseal(latest, vault);
    if (!key) throw new Error('the audit signing key cannot be unsealed with this identity key (NETRA_IDENTITY_KEY / identity.key)');
    return key;
  }
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const row: KeyRow = {
    key_id: keyIdOf(publicKey),
    public_key_pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sealed_private_key: vault.encrypt(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
    created_at: now,
  };
  await insertSigningKey(tx, row);
  await appendAudit(tx, {
    actor: SYSTEM_ACTOR,
    action: 'audit.signing_key_created',
    entityType: 'audit_signing_key',
    entityId: row.key_id,
    at: now,
    data: { publicKeyPem: row.public_key_pem },
  });
  return unseal(row, vault)!;
}

export function checkpointFromRow(r: CheckpointRow): AuditCheckpoint {
  return {
    id: Number(r.id),
    lastEventId: Number(r.last_event_id),
    eventCount: Number(r.event_count),
    headHash: r.head_hash,
    signedAt: new Date(r.signed_at).toISOString(),
    keyId: r.key_id,
    signature: r.signature,
  };
}

export class AuditChainBrokenError extends Error {}

/**
 * Signs the current head. `onlyIfNew`: nothing is written when no event was added since the last
 * checkpoint (the periodic job and shutdown). The rows since the last checkpoint are verified
 * first, so a checkpoint never vouches for a chain that was already rewritten.
 */
export async function writeAuditCheckpoint(
  db: Db,
  vault: Vault,
  options: { now: Date; onlyIfNew?: boolean },
): Promise<AuditCheckpoint | null> {
  return db.transaction(async (tx) => {
    await lockAuditChain(tx);
    const lastRow = await lastCheckpointRow(tx);
    const last = lastRow ? checkpointFromRow(lastRow) : null;
    let headId = (await auditHead(tx))?.id ?? 0;
    if (options.onlyIfNew && headId === (last?.lastEventId ?? 0)) return null;
    const key = await signingKey(tx, vault, options.now);
    headId = (await auditHead(tx))?.id ?? 0;
    const start = last ? { id: last.lastEventId, hash: last.headHash, count: last.eventCount } : { id: 0, hash: GENESIS_HASH, count: 0 };
    if (headId < start.id)
      throw new AuditChainBrokenError(`audit chain ends at id ${headId}, before checkpoint #${last!.id} (id ${start.id}); not signing`);
    if (last) {
      const hash = await auditEventHash(tx, last.lastEventId);
      if (last.lastEventId > 0 && hash !== last.headHash)
        throw new AuditChainBrokenError(`audit event ${last.lastEventId} no longer matches checkpoint #${last.id}; not signing`);
    }
    // Small pages: each page is hashed in one synchronous run, and on PGlite the whole walk shares
    // the event loop with HTTP (5,000 rows a page stalled intake after a restart).
    const walked = await walkChain(tx, start, await gaplessAfter(tx), undefined, CHECKPOINT_WALK_PAGE);
    if (!walked.ok) throw new AuditChainBrokenError(`audit chain broken at id ${walked.brokenId} (${walked.reason}); not signing`);
    const unsigned = {
      id: (last?.id ?? 0) + 1,
      lastEventId: walked.lastId,
      eventCount: walked.count,
      headHash: walked.hash,
      signedAt: options.now.toISOString(),
      keyId: key.keyId,
    };
    const checkpoint: AuditCheckpoint = {
      ...unsigned,
      signature: sign(null, Buffer.from(checkpointMessage(unsigned), 'utf8'), key.privateKey).toString('base64'),
    };
    await insertCheckpoint(tx, {
      id: checkpoint.id,
      last_event_id: checkpoint.lastEventId,
      event_count: checkpoint.eventCount,
      head_hash: checkpoint.headHash,
      signed_at: options.now,
      key_id: checkpoint.keyId,
      signature: checkpoint.signature,
    });
    return checkpoint;
  });
}

/** The published document: trusted public keys and the latest `limit` checkpoints (oldest first). */
export async function publicCheckpointDocument(db: Queryable, vault: Vault, limit = 100) {
  const rows = await latestCheckpointRows(db, limit);
  return {
    format: CHECKPOINT_DOCUMENT_FORMAT,
    algorithm: 'Ed25519' as const,
    signedMessage: CHECKPOINT_MESSAGE_TEMPLATE,
    signatureEncoding: 'base64' as const,
    keys: await trustedAuditKeys(db, vault),
    checkpoints: rows.map(checkpointFromRow),
  };
}

/** What an outsider saved from the endpoint or the open-data release (one document, or several). */
const checkpointSchema = z.object({
  id: z.number().int().min(1),
  lastEventId: z.number().int().min(0),
  eventCount: z.number().int().min(0),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  signedAt: z.string().datetime(),
  keyId: z.string().min(1).max(64),
  signature: z.string().max(200),
});
const documentSchema = z
  .object({
    format: z.literal(CHECKPOINT_DOCUMENT_FORMAT),
    keys: z.array(z.object({ keyId: z.string().min(1).max(64), publicKeyPem: z.string().max(2000) }).passthrough()),
    checkpoints: z.array(checkpointSchema),
  })
  .passthrough();
export const outsideCheckpointsSchema = z.union([documentSchema, z.array(documentSchema).min(1)]);

export interface OutsideCheckpoints {
  keys: Map<string, string>;
  checkpoints: AuditCheckpoint[];
}

export function parseOutsideCheckpoints(json: unknown): OutsideCheckpoints {
  const parsed = outsideCheckpointsSchema.parse(json);
  const documents = Array.isArray(parsed) ? parsed : [parsed];
  const keys = new Map<string, string>();
  const byId = new Map<string, AuditCheckpoint>();
  for (const d of documents) {
    for (const k of d.keys) keys.set(k.keyId, k.publicKeyPem);
    for (const c of d.checkpoints) byId.set(`${c.id}:${c.signature}`, c);
  }
  return { keys, checkpoints: [...byId.values()].sort((a, b) => a.lastEventId - b.lastEventId || a.id - b.id) };
}

const CHECKPOINT_WALK_PAGE = 500;

/** The periodic job: at most one checkpoint per minute, and only when events were added. */
export function auditCheckpointJobs(deps: { vault: Vault }) {
  return {
    'audit.checkpoint': defineJob({
      payload: z.object({}).passthrough(),
      everyMs: 60_000,
      handler: async (_payload, ctx) => {
        const checkpoint = await writeAuditCheckpoint(ctx.db, deps.vault, { now: ctx.now, onlyIfNew: true });
        return checkpoint ? { checkpoint: checkpoint.id, lastEventId: checkpoint.lastEventId } : { checkpoint: null };
      },
    }),
  };
}
