// Pledge routes: staff register; everyone lists, reads coverage, downloads certificates and verifies.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { publicBaseUrl, type Config } from '../../config.ts';
import { AppError } from '../../platform/errors.ts';
import { requirePrincipal } from '../../http/auth.ts';
import { canonicalJson } from '../../shared/canonicalJson.ts';
import { isValidLocalDate } from '../../../domain/time/localDate.ts';
import { loadPledgeSigner, type PledgeSigner } from './signing.ts';
import { listPledges, pledgeCoverage, publicPledge, registerPledge, verifyPledge, verifyPledgeDocument } from './service.ts';
import { findPledge } from './repository.ts';
import { renderPledgeCertificate } from './certificate.ts';
import {
  pledgeCoverageSchema,
  pledgeDocumentVerificationSchema,
  pledgeListSchema,
  pledgePublicKeySchema,
  pledgeVerificationSchema,
  registeredPledgeSchema,
  signedPledgeSchema,
} from '../../../contracts/pledges.ts';

export interface PledgeDeps {
  db: Db;
  config: Config;
  now?: () => Date;
  /** Ed25519 private key (PKCS#8 PEM); default: `pledge-signing.key` in config.dataDir, created once. */
  pledgeSigningKeyPem?: string;
}

const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !/[\u0000-\u0008\u000b-\u001f]/.test(s), 'karakter kontrol tidak diizinkan / control characters are not allowed');

export const pledgeBody = z.object({
  agency: text(3, 300),
  regionCode: z.string().regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'kode wilayah Kemendagri / Kemendagri region code'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD / YYYY-MM-DD')
    .refine(isValidLocalDate, 'tanggal tidak valid / not a valid date'),
  venue: text(3, 300),
  signatoryCount: z.number().int().min(1).max(10_000_000).optional(),
  signatories: z
    .array(z.object({ name: text(2, 200), position: text(0, 200).default('') }))
    .max(20_000)
    .optional(),
  documentSha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'SHA-256 heksadesimal (64 karakter) / SHA-256 hex (64 characters)')
    .optional(),
});

const listQuery = z.object({
  region: z
    .string()
    .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/)
    .optional(),
  agency: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const idParams = z.object({ id: z.string().uuid('id deklarasi (UUID)') });
const notFound = (id: string) => new AppError('not_found', { id: `Deklarasi ${id} tidak ditemukan.`, en: `Pledge ${id} not found.` });

interface PledgeRouteContext {
  app: FastifyInstance;
  deps: PledgeDeps;
  signer: PledgeSigner;
  now: () => Date;
}

export function registerPledgeRoutes(app: FastifyInstance, deps: PledgeDeps) {
  const context: PledgeRouteContext = {
    app,
    deps,
    signer: loadPledgeSigner({ dataDir: deps.config.dataDir, privateKeyPem: deps.pledgeSigningKeyPem }),
    now: () => (deps.now ? deps.now() : new Date()),
  };
  postPledge(context);
  getPledgeLists(context);
  getPledge(context);
  verifyRoutes(context);
  getCertificate(context);
}

function postPledge({ app, deps, signer, now }: PledgeRouteContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/pledges',
    {
      schema: {
        tags: ['pledges'],
        summary: 'Catat deklarasi netralitas / register a neutrality pledge',
        body: pledgeBody,
        response: { 201: registeredPledgeSchema },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const created = await registerPledge({ db: deps.db, signer, now: now() }, principal, request.body);
      reply.status(201);
      return created;
    },
  );
}

function getPledgeLists({ app, deps, signer }: PledgeRouteContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/public/pledges',
    {
      schema: {
        tags: ['public'],
        summary: 'Daftar deklarasi netralitas / list pledges',
        querystring: listQuery,
        response: { 200: pledgeListSchema },
      },
    },
    async (request) => listPledges(deps.db, request.query),
  );

  r.get(
    '/api/v1/public/pledges/coverage',
    {
      schema: {
        tags: ['public'],
        summary: 'Cakupan deklarasi per wilayah dan instansi / pledge coverage',
        querystring: z.object({ level: z.enum(['provinsi', 'kabupaten_kota']).default('kabupaten_kota') }),
        response: { 200: pledgeCoverageSchema },
      },
    },
    async (request) => pledgeCoverage(deps.db, request.query.level),
  );

  r.get(
    '/api/v1/public/pledges/public-key',
    {
      schema: {
        tags: ['public'],
        summary: 'Kunci publik Ed25519 untuk verifikasi / public verification key',
        response: { 200: pledgePublicKeySchema },
      },
    },
    async () => ({
      algorithm: 'Ed25519',
      keyId: signer.keyId,
      pem: signer.publicKeyPem,
      spkiBase64: signer.publicKeySpkiBase64,
      signedContent: 'UTF-8 bytes of the canonical JSON document (keys sorted, no whitespace); signature base64url',
    }),
  );
}

function getPledge({ app, deps }: PledgeRouteContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/public/pledges/:id',
    { schema: { tags: ['public'], params: idParams, response: { 200: signedPledgeSchema } } },
    async (request) => {
      const row = await findPledge(deps.db, request.params.id);
      if (!row) throw notFound(request.params.id);
      return { ...publicPledge(row), document: row.canonical, signature: row.signature };
    },
  );
}

function verifyRoutes({ app, deps, signer }: PledgeRouteContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/public/pledges/:id/verify',
    {
      schema: {
        tags: ['public'],
        summary: 'Verifikasi sertifikat deklarasi / verify a certificate',
        params: idParams,
        querystring: z.object({ sig: z.string().min(1).max(200) }),
        response: { 200: pledgeVerificationSchema },
      },
    },
    async (request) => verifyPledge(deps.db, signer, request.params.id, request.query.sig),
  );

  r.post(
    '/api/v1/public/pledges/verify-document',
    {
      schema: {
        tags: ['public'],
        summary: 'Verifikasi dokumen kanonis + tanda tangan / verify a signed document',
        body: z.object({
          document: z.union([z.string().max(100_000), z.record(z.string(), z.unknown())]),
          signature: z.string().min(1).max(200),
        }),
        response: { 200: pledgeDocumentVerificationSchema },
      },
      config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
    },
    async (request) => {
      const document = typeof request.body.document === 'string' ? request.body.document : canonicalJson(request.body.document);
      return verifyPledgeDocument(signer, document, request.body.signature);
    },
  );
}

function getCertificate({ app, deps }: PledgeRouteContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/public/pledges/:id/certificate.pdf',
    {
      schema: { tags: ['public'], summary: 'Sertifikat PDF / certificate PDF', params: idParams },
    },
    async (request, reply) => {
      const row = await findPledge(deps.db, request.params.id);
      if (!row) throw notFound(request.params.id);
      // NETRA_PUBLIC_URL, never the Host / X-Forwarded-Host header: the PDF is cached publicly, so a
      // forged host would be printed into the QR code everyone else downloads.
      const address = app.server.address();
      const pdf = await renderPledgeCertificate(
        row,
        publicBaseUrl(deps.config, typeof address === 'object' && address ? address.port : undefined),
      );
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `inline; filename="deklarasi-netralitas-${row.id}.pdf"`)
        .header('Cache-Control', 'public, max-age=300')
        .send(Buffer.from(pdf));
    },
  );
}
