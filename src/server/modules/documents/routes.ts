import { z } from 'zod';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePrincipal } from '../../http/auth.ts';
import { revealReason, trackingBody } from '../cases/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { CaseDeps } from '../cases/index.ts';
import { DOCUMENT_KINDS, type DocumentKind } from './builders.ts';
import { reporterReceipt, staffDocument, type GeneratedDocument } from './service.ts';

const documentParams = z.object({
  id: z.string().uuid('id perkara (UUID)'),
  file: z.enum(DOCUMENT_KINDS.map((k) => `${k}.pdf`) as [string, ...string[]]),
});
// A link (GET) never reveals identity: a cross-site <img> or link could otherwise make an
// officer's browser write an audit row with a reason the attacker chose. `reason` on a GET is
// refused outright (405) so old bookmarks fail loudly instead of silently printing no name.
const documentQuery = z.object({ reason: z.string().optional() });
const revealBody = z.object({ reason: revealReason });

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

  r.post(
    '/api/v1/lacak/tanda-bukti',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Unduh tanda bukti penyampaian laporan (PDF) dengan kode + PIN / download the receipt',
        body: trackingBody,
      },
      config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
    },
    async (request, reply) => sendPdf(reply, await reporterReceipt(deps, request.body.kode, request.body.pin, request.ip)),
  );

  r.get(
    '/api/v1/cases/:id/documents/:file',
    {
      schema: { tags: ['cases'], summary: 'Dokumen perkara (PDF) / case document', params: documentParams, querystring: documentQuery },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      if (request.query.reason !== undefined) {
        reply.header('Allow', 'GET, POST');
        throw new AppError(
          'method_not_allowed',
          {
            id: 'Nama pelapor hanya dibuka lewat POST dengan alasan di badan permintaan, bukan lewat tautan.',
            en: "The reporter's name is revealed only by POST with the reason in the request body, not by a link.",
          },
          { field: 'reason' },
        );
      }
      const kind = request.params.file.replace(/\.pdf$/, '') as DocumentKind;
      return sendPdf(reply, await staffDocument(deps, principal, request.params.id, kind));
    },
  );

  // The receipt with the reporter's name: POST (session + CSRF header) with an audited reason.
  r.post(
    '/api/v1/cases/:id/documents/tanda-bukti.pdf',
    {
      schema: {
        tags: ['cases'],
        summary: 'Tanda bukti dengan nama pelapor (diaudit) / receipt with the reporter name (audited)',
        params: z.object({ id: documentParams.shape.id }),
        body: revealBody,
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      return sendPdf(reply, await staffDocument(deps, principal, request.params.id, 'tanda-bukti', request.body.reason));
    },
  );
}
