// Public audit checkpoints: the Ed25519 keys this instance vouches for and the latest signed
// checkpoints of the audit hash chain, for outsiders to keep and check later
// (`netra verify-audit --checkpoints`).
import { z } from 'zod';
import { isoDateTime } from './common.ts';

export const auditPublicKeySchema = z
  .object({
    keyId: z.string(),
    algorithm: z.literal('Ed25519'),
    publicKeyPem: z.string(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'AuditPublicKey' });

export const auditCheckpointSchema = z
  .object({
    id: z.number().int(),
    lastEventId: z.number().int(),
    eventCount: z.number().int(),
    headHash: z.string().describe('SHA-256, hex'),
    signedAt: isoDateTime,
    keyId: z.string(),
    signature: z.string().describe('Ed25519 over signedMessage, base64'),
  })
  .meta({ id: 'AuditCheckpoint' });

export const auditCheckpointDocumentSchema = z
  .object({
    format: z.string().describe('netra-audit-checkpoints/1'),
    algorithm: z.literal('Ed25519'),
    signedMessage: z.string().describe('how the signed bytes are built from a checkpoint'),
    signatureEncoding: z.literal('base64'),
    keys: z.array(auditPublicKeySchema),
    checkpoints: z.array(auditCheckpointSchema).describe('oldest first'),
  })
  .meta({ id: 'AuditCheckpointDocument' });
export type AuditCheckpointDocument = z.infer<typeof auditCheckpointDocumentSchema>;

export const auditKeySetSchema = z
  .object({
    algorithm: z.literal('Ed25519'),
    current: z.string().nullable().describe('key id signing new checkpoints (null before the first checkpoint)'),
    keys: z.array(auditPublicKeySchema),
    signedMessage: z.string(),
    signatureEncoding: z.literal('base64'),
  })
  .meta({ id: 'AuditKeySet' });
