import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.ts';
import { requirePrincipal } from '../../http/auth.ts';
import { plainText, revealReason, caseActionBody, caseListQuery, informasiBody, laporanBody, temuanBody, trackingBody } from './schemas.ts';
import { submitLaporan } from './intake.ts';
import { dismissPublicInformasi, submitInformasi } from './informasi.ts';
import { negotiateLanguage } from '../../http/language.ts';
import { trackLaporan, withdrawLaporan } from './tracking.ts';
import { applyCaseAction } from './handling.ts';
import { addCaseNote, assignCase } from './assignment.ts';
import { createInformasiAwal } from './informasiAwal.ts';
import { listCases } from './queue.ts';
import { isReadOnly } from '../../../domain/access/policy.ts';
import { caseDetail, revealReporterIdentity } from './detail.ts';
import { nowOf, type CaseDeps } from './deps.ts';
import { decideCaseLink, listCaseLinks, terlaporHistory } from './duplicates.ts';
import { listAnnouncements } from './announcements.ts';
import { announcementListSchema, receiptSchema, trackingResultSchema, withdrawalSchema } from '../../../contracts/laporan.ts';
import {
  caseActionResultSchema,
  caseAssignmentSchema,
  caseDetailSchema,
  caseLinkDecisionSchema,
  caseLinkListSchema,
  caseListSchema,
  createdTemuanSchema,
  informasiReceiptSchema,
  reporterIdentitySchema,
  terlaporHistorySchema,
} from '../../../contracts/cases.ts';
import { okSchema } from '../../../contracts/common.ts';
import { CASE_NOTE_LIMITS } from '../../../contracts/limits.ts';

const idParams = z.object({ id: z.string().uuid('id perkara (UUID)') });
const idempotencyKey = z
  .string()
  .trim()
  .min(8)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'karakter ASCII tanpa spasi / ASCII characters without spaces');

/** The app with zod schemas as the route types. */
const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
type Routes = ReturnType<typeof typed>;

export function registerCaseRoutes(app: FastifyInstance, deps: CaseDeps) {
  const r = typed(app);
  postLaporan(r, deps);
  postInformasi(r, deps);
  postDismissInformasi(r, deps);
  postLacak(r, deps);
  postLacakCabut(r, deps);
  getAnnouncements(r, deps);
  getCases(r, deps);
  getCase(r, deps);
  postCaseAction(r, deps);
  postCaseAssign(r, deps);
  postCaseNote(r, deps);
  postReporterIdentity(r, deps);
  getCaseLinks(r, deps);
  postCaseLinkDecision(r, deps);
  getTerlaporHistory(r, deps);
  postTemuan(r, deps);
}

// Public intake: no account. Limits are generous per address (carrier-grade NAT) and the
// expensive part — the PIN — is limited per tracking code instead.
function postLaporan(r: Routes, deps: CaseDeps) {
  r.post(
    '/api/v1/laporan',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Sampaikan laporan (publik) / submit a report',
        body: laporanBody,
        response: { 200: receiptSchema, 201: receiptSchema },
      },
      config: { rateLimit: { max: deps.intakePerMinute ?? 600, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const header = request.headers['idempotency-key'];
      let key: string | null = null;
      if (header !== undefined) {
        const parsed = idempotencyKey.safeParse(Array.isArray(header) ? header[0] : header);
        if (!parsed.success)
          throw new AppError(
            'validation_failed',
            { id: 'Idempotency-Key tidak valid (8–200 karakter ASCII).', en: 'Invalid Idempotency-Key (8–200 ASCII characters).' },
            { field: 'Idempotency-Key' },
          );
        key = parsed.data;
      }
      const { receipt, replayed } = await submitLaporan(deps, request.body, key, {
        language: negotiateLanguage(request.headers['accept-language']),
      });
      reply.status(replayed ? 200 : 201).header('Idempotent-Replayed', String(replayed));
      return receipt;
    },
  );
}

// Informasi awal without identity. No Idempotency-Key: a retried copy folds onto the first
// (same text, same region) and gets the same receipt code. The per-address ceiling is sized for
// carrier-grade NAT (one address, many phones); the spam control is folding and dismissal.
function postInformasi(r: Routes, deps: CaseDeps) {
  r.post(
    '/api/v1/informasi',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Kirim informasi awal tanpa identitas (publik) / send initial information without identity',
        body: informasiBody,
        response: { 200: informasiReceiptSchema, 201: informasiReceiptSchema },
      },
      config: { rateLimit: { max: deps.informasiPerMinute ?? 120, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { receipt, created } = await submitInformasi(deps, request.body);
      reply.status(created ? 201 : 200);
      return receipt;
    },
  );
}

function postDismissInformasi(r: Routes, deps: CaseDeps) {
  r.post(
    '/api/v1/cases/:id/dismiss-informasi',
    {
      schema: {
        tags: ['cases'],
        summary: 'Abaikan informasi publik (satu klik, diaudit) / dismiss public information (audited)',
        params: idParams,
        response: { 200: caseActionResultSchema },
      },
    },
    async (request) => dismissPublicInformasi(deps, requirePrincipal(request), request.params.id),
  );
}

function postLacak(r: Routes, deps: CaseDeps) {
  r.post(
    '/api/v1/lacak',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Lacak status laporan dengan kode + PIN / track a report',
        body: trackingBody,
        response: { 200: trackingResultSchema },
      },
      config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
    },
    async (request) => trackLaporan(deps, request.body.kode, request.body.pin, request.ip),
  );
}

function postLacakCabut(r: Routes, deps: CaseDeps) {
  r.post(
    '/api/v1/lacak/cabut',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Cabut laporan sebelum registrasi / withdraw before registration',
        body: trackingBody.extend({ alasan: plainText(5, 2000) }),
        response: { 200: withdrawalSchema },
      },
    },
    async (request) => withdrawLaporan(deps, request.body.kode, request.body.pin, request.body.alasan, request.ip),
  );
}

function getAnnouncements(r: Routes, deps: CaseDeps) {
  r.get(
    '/api/v1/public/announcements',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Pengumuman status laporan/temuan (tanpa identitas pelapor) / public status announcements',
        querystring: z.object({
          office: z
            .string()
            .regex(/^\d{2}(\.\d{2})?$/, 'kode provinsi atau kabupaten/kota / province or regency code')
            .optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
        }),
        response: { 200: announcementListSchema },
      },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'public, max-age=30');
      return listAnnouncements(deps.db, request.query);
    },
  );
}

function getCases(r: Routes, deps: CaseDeps) {
  r.get(
    '/api/v1/cases',
    { schema: { tags: ['cases'], summary: 'Antrian perkara / case queue', querystring: caseListQuery, response: { 200: caseListSchema } } },
    async (request) => {
      const principal = requirePrincipal(request);
      // Analysts only read, so their queue may trail the primary by the replica's lag; staff who
      // act on cases read the primary and see their own changes at once.
      return listCases(isReadOnly(principal) ? (deps.readDb ?? deps.db) : deps.db, principal, request.query, nowOf(deps));
    },
  );
}

function getCase(r: Routes, deps: CaseDeps) {
  r.get(
    '/api/v1/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'Satu perkara (tanpa identitas pelapor) / one case (no reporter identity)',
        params: idParams,
        response: { 200: caseDetailSchema },
      },
    },
    async (request) => caseDetail(deps, requirePrincipal(request), request.params.id),
  );
}

function postCaseAction(r: Routes, deps: CaseDeps) {
  r.post(
    '/api/v1/cases/:id/actions',
    {
      schema: {
        tags: ['cases'],
        summary: 'Tindakan penanganan / handling action',
        params: idParams,
        body: caseActionBody,
        response: { 200: caseActionResultSchema },
      },
    },
    async (request) => applyCaseAction(deps, requirePrincipal(request), request.params.id, request.body),
  );
}

function postCaseAssign(r: Routes, deps: CaseDeps) {
  r.post(
    '/api/v1/cases/:id/assign',
    {
      schema: {
        tags: ['cases'],
        summary: 'Tugaskan petugas / assign an officer',
        params: idParams,
        body: z.object({ assigneeId: z.string().uuid().nullable() }),
        response: { 200: caseAssignmentSchema },
      },
    },
    async (request) => assignCase(deps, requirePrincipal(request), request.params.id, request.body.assigneeId),
  );
}

function postCaseNote(r: Routes, deps: CaseDeps) {
  r.post(
    '/api/v1/cases/:id/notes',
    {
      schema: {
        tags: ['cases'],
        summary: 'Catatan internal / internal note',
        params: idParams,
        body: z.object({ note: plainText(CASE_NOTE_LIMITS.min, CASE_NOTE_LIMITS.max) }),
        response: { 200: okSchema },
      },
    },
    async (request) => addCaseNote(deps, requirePrincipal(request), request.params.id, request.body.note),
  );
}

function postReporterIdentity(r: Routes, deps: CaseDeps) {
  r.post(
    '/api/v1/cases/:id/reporter-identity',
    {
      schema: {
        tags: ['cases'],
        summary: 'Buka identitas pelapor (diaudit) / reveal reporter identity (audited)',
        params: idParams,
        body: z.object({ reason: revealReason }),
        response: { 200: reporterIdentitySchema },
      },
    },
    async (request) => revealReporterIdentity(deps, requirePrincipal(request), request.params.id, request.body.reason),
  );
}

function getCaseLinks(r: Routes, deps: CaseDeps) {
  r.get(
    '/api/v1/cases/:id/links',
    {
      schema: {
        tags: ['cases'],
        summary: 'Dugaan duplikat / suggested duplicates',
        params: idParams,
        response: { 200: caseLinkListSchema },
      },
    },
    async (request) => {
      const items = await listCaseLinks(deps.db, requirePrincipal(request), request.params.id);
      return { items, total: items.length };
    },
  );
}

function postCaseLinkDecision(r: Routes, deps: CaseDeps) {
  r.post(
    '/api/v1/case-links/:linkId',
    {
      schema: {
        tags: ['cases'],
        summary: 'Gabungkan/tolak/batalkan gabungan / merge, reject or unmerge',
        params: z.object({ linkId: z.coerce.number().int().positive() }),
        body: z.object({ decision: z.enum(['merge', 'reject', 'unmerge']) }),
        response: { 200: caseLinkDecisionSchema },
      },
    },
    async (request) => decideCaseLink(deps.db, requirePrincipal(request), request.params.linkId, request.body.decision, nowOf(deps)),
  );
}

function getTerlaporHistory(r: Routes, deps: CaseDeps) {
  r.get(
    '/api/v1/terlapor/history',
    {
      schema: {
        tags: ['cases'],
        summary: 'Riwayat terlapor / a person’s case history',
        querystring: z.object({
          nip: z
            .string()
            .regex(/^\d{18}$/, 'NIP 18 angka / NIP of 18 digits')
            .optional(),
          name: z.string().trim().min(3).max(200).optional(),
          agency: z.string().trim().max(200).optional(),
        }),
        response: { 200: terlaporHistorySchema },
      },
    },
    async (request) => terlaporHistory(deps.db, requirePrincipal(request), request.query),
  );
}

function postTemuan(r: Routes, deps: CaseDeps) {
  r.post(
    '/api/v1/temuan',
    {
      schema: {
        tags: ['temuan'],
        summary: 'Catat informasi awal / record initial information',
        body: temuanBody,
        response: { 201: createdTemuanSchema },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return createInformasiAwal(deps, requirePrincipal(request), request.body);
    },
  );
}
