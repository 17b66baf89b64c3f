// Public audit routes: the checkpoint-signing public key and the latest signed checkpoints, so
// anyone can keep copies and later check the trail with `netra verify-audit --checkpoints`.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import type { Vault } from '../../platform/vault.ts';
import { auditCheckpointDocumentSchema, auditKeySetSchema } from '../../../contracts/audit.ts';
import { CHECKPOINT_MESSAGE_TEMPLATE, publicCheckpointDocument, trustedAuditKeys } from './checkpoints.ts';

export function registerAuditRoutes(app: FastifyInstance, deps: { db: Db; vault: Vault }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/public/audit/checkpoints',
    {
      schema: {
        tags: ['public'],
        summary: 'Titik periksa audit bertanda tangan / signed audit checkpoints (latest first N, oldest first)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
        response: { 200: auditCheckpointDocumentSchema },
      },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'public, max-age=30');
      return publicCheckpointDocument(deps.db, deps.vault, request.query.limit);
    },
  );

  r.get(
    '/api/v1/public/audit/key',
    {
      schema: {
        tags: ['public'],
        summary: 'Kunci publik Ed25519 titik periksa audit / audit checkpoint public key',
        response: { 200: auditKeySetSchema },
      },
    },
    async (_request, reply) => {
      reply.header('Cache-Control', 'public, max-age=300');
      const keys = await trustedAuditKeys(deps.db, deps.vault);
      return {
        algorithm: 'Ed25519' as const,
        current: keys.at(-1)?.keyId ?? null,
        keys,
        signedMessage: CHECKPOINT_MESSAGE_TEMPLATE,
        signatureEncoding: 'base64' as const,
      };
    },
  );
}
