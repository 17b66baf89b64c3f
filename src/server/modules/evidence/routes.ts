import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePrincipal } from '../../http/auth.ts';
import { plainText } from '../../shared/schemas.ts';
import type { CaseDeps } from '../cases/index.ts';
import { DEFAULT_EVIDENCE_LIMITS, maxUploadBytes } from '../../../domain/evidence/inspect.ts';
import { uploadResultSchema } from '../../../contracts/laporan.ts';
import { acceptUpload, fileError, readCaseEvidence } from './service.ts';

const evidenceParams = z.object({
  id: z.string().uuid('id perkara (UUID)'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 (64 karakter heksadesimal kecil) / SHA-256 (64 lower-case hex characters)'),
});
const evidenceQuery = z.object({
  variant: z.enum(['original', 'public']).default('public'),
  purpose: plainText(10, 500).optional(),
});

const noFile = () =>
  fileError('validation_failed', {
    id: 'Tidak ada berkas; kirim satu berkas pada isian "file".',
    en: 'No file; send one file in the "file" field.',
  });
const tooLarge = () =>
  fileError('payload_too_large', {
    id: `Berkas terlalu besar: batas gambar ${DEFAULT_EVIDENCE_LIMITS.image / 1048576} MB, PDF ${DEFAULT_EVIDENCE_LIMITS.pdf / 1048576} MB, video ${DEFAULT_EVIDENCE_LIMITS.video / 1048576} MB.`,
    en: `File too large: images ${DEFAULT_EVIDENCE_LIMITS.image / 1048576} MB, PDF ${DEFAULT_EVIDENCE_LIMITS.pdf / 1048576} MB, video ${DEFAULT_EVIDENCE_LIMITS.video / 1048576} MB.`,
  });

/** ASCII fallback plus RFC 5987 UTF-8 name, so no header injection and no mangled names. */
export function attachmentDisposition(name: string): string {
  const ascii =
    name
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\;]/g, '_')
      .trim() || 'berkas';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The one file of a multipart upload, in the "file" field; 400 for anything else, 413 past the largest kind's limit. */
async function readUploadPart(request: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  if (!request.isMultipart()) {
    throw fileError('unsupported_media_type', {
      id: 'Kirim berkas sebagai multipart/form-data pada isian "file".',
      en: 'Send the file as multipart/form-data in the "file" field.',
    });
  }
  const part = await request.file().catch((error: { code?: string }) => {
    if (error.code === 'FST_FILES_LIMIT' || error.code === 'FST_FIELDS_LIMIT' || error.code === 'FST_PARTS_LIMIT') {
      throw fileError('validation_failed', { id: 'Kirim tepat satu berkas per unggahan.', en: 'Send exactly one file per upload.' });
    }
    throw error;
  });
  if (!part) throw noFile();
  if (part.fieldname !== 'file') {
    part.file.resume();
    throw fileError('validation_failed', {
      id: `Berkas harus dikirim pada isian "file", bukan "${part.fieldname.slice(0, 50)}".`,
      en: `The file must be sent in the "file" field, not "${part.fieldname.slice(0, 50)}".`,
    });
  }
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw error;
  }
  return { bytes, fileName: part.filename ?? '' };
}

function postUpload(scope: FastifyInstance, deps: CaseDeps) {
  const r = scope.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/uploads',
    {
      schema: {
        tags: ['laporan'],
        consumes: ['multipart/form-data'],
        response: { 201: uploadResultSchema },
        summary: 'Unggah berkas bukti (publik); id dipakai di "bukti" laporan / upload an evidence file',
      },
      // Per-address flood guard shared with intake (a carrier-grade NAT carries many reporters).
      config: { rateLimit: { max: deps.intakePerMinute ?? 600, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { bytes, fileName } = await readUploadPart(request);
      const result = await acceptUpload(deps, { bytes, fileName });
      reply.status(201);
      return result;
    },
  );
}

function getCaseEvidence(scope: FastifyInstance, deps: CaseDeps) {
  const r = scope.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/cases/:id/evidence/:sha256',
    {
      schema: {
        tags: ['cases'],
        summary: 'Unduh berkas bukti (dicatat) / download evidence (logged)',
        params: evidenceParams,
        querystring: evidenceQuery,
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const file = await readCaseEvidence(
        deps,
        principal,
        request.params.id,
        request.params.sha256,
        request.query.variant,
        request.query.purpose,
      );
      return reply
        .header('Content-Type', file.mimeType)
        .header('Content-Disposition', attachmentDisposition(file.fileName))
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'private, no-store')
        .header('Content-Security-Policy', "default-src 'none'; sandbox")
        .header('X-Evidence-SHA256', file.sha256)
        .send(file.content);
    },
  );
}

export function registerEvidenceRoutes(app: FastifyInstance, deps: CaseDeps) {
  // Encapsulated: the multipart parser exists only for these routes.
  app.register(async (scope) => {
    await scope.register(multipart, {
      // The stream limit is the largest kind; the per-kind limit is applied once the type is sniffed.
      limits: { fileSize: maxUploadBytes(), files: 1, fields: 5, parts: 6, fieldNameSize: 100, headerPairs: 100 },
      throwFileSizeLimit: true,
    });
    postUpload(scope, deps);
    getCaseEvidence(scope, deps);
  });
}
