import { z } from 'zod';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePrincipal } from '../../http/auth.ts';
import { plainText, trackingBody } from '../cases/schemas.ts';
import type { CaseDeps } from '../cases/deps.ts';
import { DOCUMENT_KINDS, type DocumentKind } from './builders.ts';
import { reporterReceipt, staffDocument, type GeneratedDocument } from './service.ts';

const documentParams = z.object({
  id: z.string().uuid('id perkara (UUID)'),
  file: z.enum(DOCUMENT_KINDS.map((k) => `${k}.pdf`) as [string, ...string[]]),
});
const documentQuery = z.object({
  // Staff only: print the reporter's name on the receipt; the reason is audited.
  reason: plainText(10, 1000).optional(),
});

function sendPdf(reply: FastifyReply, doc: GeneratedDocument) {
  return reply
    .header('Content-Type', 'application/pdf')
    .header('Content-Disposition', `attachment; filename="${doc.fileName}"`)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store')
    .header('X-Document-SHA256', doc.dataSha256)
    .send(Buffer.from(doc.bytes));
}

export function registerDocumentRoutes(app: FastifyInstance, deps: CaseDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/lacak/tanda-bukti', {
    schema: { tags: ['laporan'], summary: 'Unduh tanda bukti penyampaian laporan (PDF) dengan kode + PIN / download the receipt', body: trackingBody },
    config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
  }, async (request, reply) => sendPdf(reply, await reporterReceipt(deps, request.body.kode, request.body.pin, request.ip)));

  r.get('/api/v1/cases/:id/documents/:file', {
    schema: { tags: ['cases'], summary: 'Dokumen perkara (PDF) / case document', params: documentParams, querystring: documentQuery },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    const kind = request.params.file.replace(/\.pdf$/, '') as DocumentKind;
    return sendPdf(reply, await staffDocument(deps, principal, request.params.id, kind, request.query.reason));
  });
}
