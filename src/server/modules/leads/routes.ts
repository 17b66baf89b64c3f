// Media monitoring routes: sources (admin), ingestion (manual, import, push), the leads inbox and
// its decisions, and story clusters. Handlers: authenticate → validate → service.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.ts';
import { requirePrincipal } from '../../http/auth.ts';
import { nowOf, type CaseDeps } from '../cases/index.ts';
import { dismissBody, leadListQuery, leadSourceCreate, leadSourcePatch, manualLeadBody, promoteBody, uuidParams } from './schemas.ts';
import { authenticatePush, createLeadSource, listLeadSources, requestPoll, updateLeadSource } from './sources.ts';
import { importFormatOf, leadJobStatus, pushLeads, startImport, submitManualLead } from './intake.ts';
import { confirmCluster, detachArticle, dismissLead, leadDetail, listLeads } from './inbox.ts';
import { promoteLead } from './promote.ts';
import { leadCountsByRegion } from './counts.ts';
import { PROBLEM_MEDIA_TYPE, problemSchema } from '../../../contracts/problem.ts';
import {
  confirmedClusterSchema,
  createdLeadSourceSchema,
  detachedArticleSchema,
  dismissedLeadSchema,
  leadCountsSchema,
  leadDetailSchema,
  leadImportResultSchema,
  leadJobRefSchema,
  leadJobSchema,
  leadListSchema,
  leadPushResultSchema,
  leadSourceListSchema,
  leadSourceSchema,
  manualLeadResultSchema,
  promotedLeadSchema,
} from '../../../contracts/leads.ts';

const IMPORT_BODY_LIMIT = 8 * 1024 * 1024;

interface LeadRouteContext {
  app: FastifyInstance;
  deps: CaseDeps;
  now: () => Date;
}

export function registerLeadRoutes(app: FastifyInstance, deps: CaseDeps) {
  for (const type of ['text/csv', 'application/x-ndjson', 'application/jsonl']) {
    if (!app.hasContentTypeParser(type)) {
      app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));
    }
  }
  const context: LeadRouteContext = { app, deps, now: () => nowOf(deps) };
  postLeadSource(context);
  getLeadCounts(context);
  sourceRoutes(context);
  getLeadJob(context);
  intakeRoutes(context);
  postPush(context);
  inboxRoutes(context);
  clusterRoutes(context);
}

function postLeadSource({ app, deps, now }: LeadRouteContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/lead-sources',
    {
      schema: {
        response: { 201: createdLeadSourceSchema },
        tags: ['leads'],
        summary: 'Tambah sumber media (RSS/Atom/push) / add a media source',
        body: leadSourceCreate,
      },
    },
    async (request, reply) => {
      reply.status(201);
      return createLeadSource(deps.db, requirePrincipal(request), request.body, now());
    },
  );
}

function getLeadCounts({ app, deps, now }: LeadRouteContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Public, counts only: the map's leads layer (docs/LEADS.md).
  r.get(
    '/api/v1/public/leads/by-region',
    {
      schema: {
        response: { 200: leadCountsSchema },
        tags: ['leads'],
        summary: 'Jumlah petunjuk media per wilayah (peta) / lead counts per region (map)',
        querystring: z.object({ level: z.enum(['provinsi', 'kabupaten_kota']).default('provinsi') }),
      },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'public, max-age=60');
      return leadCountsByRegion(deps.db, request.query.level, now());
    },
  );
}

function sourceRoutes({ app, deps, now }: LeadRouteContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/lead-sources',
    { schema: { response: { 200: leadSourceListSchema }, tags: ['leads'], summary: 'Sumber media / media sources' } },
    async (request) => listLeadSources(deps.db, requirePrincipal(request)),
  );

  r.patch(
    '/api/v1/lead-sources/:id',
    {
      schema: {
        response: { 200: leadSourceSchema },
        tags: ['leads'],
        summary: 'Ubah sumber media / update a media source',
        params: uuidParams,
        body: leadSourcePatch,
      },
    },
    async (request) => updateLeadSource(deps.db, requirePrincipal(request), request.params.id, request.body, now()),
  );

  r.post(
    '/api/v1/lead-sources/:id/poll',
    {
      schema: {
        response: { 202: leadJobRefSchema },
        tags: ['leads'],
        summary: 'Ambil umpan sekarang / poll a feed now',
        params: uuidParams,
      },
    },
    async (request, reply) => {
      reply.status(202);
      return requestPoll(deps.db, requirePrincipal(request), request.params.id, now());
    },
  );
}

function getLeadJob({ app, deps }: LeadRouteContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/lead-jobs/:id',
    {
      schema: {
        response: { 200: leadJobSchema },
        tags: ['leads'],
        summary: 'Status pekerjaan impor/ambil / import or poll job status',
        params: z.object({ id: z.coerce.number().int().positive() }),
      },
    },
    async (request) => leadJobStatus(deps.db, requirePrincipal(request), request.params.id),
  );
}

function intakeRoutes({ app, deps, now }: LeadRouteContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/leads/manual',
    {
      schema: {
        response: { 202: manualLeadResultSchema },
        tags: ['leads'],
        summary: 'Tempel URL + teks artikel / paste an article',
        body: manualLeadBody,
      },
    },
    async (request, reply) => {
      reply.status(202);
      return submitManualLead(deps, requirePrincipal(request), request.body, now());
    },
  );

  r.post(
    '/api/v1/leads/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        response: { 202: leadImportResultSchema },
        tags: ['leads'],
        summary: 'Impor artikel (text/csv atau application/x-ndjson) / import articles',
        querystring: z.object({ name: z.string().trim().min(2).max(200).optional() }),
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const format = importFormatOf(request.headers['content-type']);
      if (!format || typeof request.body !== 'string') {
        throw new AppError('unsupported_media_type', {
          id: 'Kirim CSV (text/csv) atau JSON Lines (application/x-ndjson).',
          en: 'Send CSV (text/csv) or JSON Lines (application/x-ndjson).',
        });
      }
      reply.status(202);
      return startImport(deps, principal, request.body, format, request.query.name, now());
    },
  );
}

function postPush({ app, deps, now }: LeadRouteContext) {
  // Scrapers and social-media tools: no session, a bearer token per push source.
  app.post(
    '/api/v1/leads/push',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['leads'],
        summary: 'Kirim artikel dengan token / push articles with a token',
        security: [{ leadSourceBearer: [] }],
        // 400 is either the per-item result (no item taken) or a Problem (bad envelope, too many items).
        response: {
          202: leadPushResultSchema,
          400: {
            description: 'Tidak ada artikel yang diterima / no item taken',
            content: { 'application/json': { schema: leadPushResultSchema }, [PROBLEM_MEDIA_TYPE]: { schema: problemSchema } },
          },
        },
      },
    },
    async (request, reply) => {
      const source = await authenticatePush(deps.db, request, now());
      const result = await pushLeads(deps, source, request.body, now());
      reply.status(result.accepted.length ? 202 : 400);
      return result;
    },
  );
}

function inboxRoutes({ app, deps, now }: LeadRouteContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/leads',
    {
      schema: { response: { 200: leadListSchema }, tags: ['leads'], summary: 'Kotak masuk lead / leads inbox', querystring: leadListQuery },
    },
    async (request) => listLeads(deps.db, requirePrincipal(request), request.query),
  );

  r.get(
    '/api/v1/leads/:id',
    { schema: { response: { 200: leadDetailSchema }, tags: ['leads'], summary: 'Rincian lead / lead detail', params: uuidParams } },
    async (request) => leadDetail(deps.db, requirePrincipal(request), request.params.id),
  );

  r.post(
    '/api/v1/leads/:id/dismiss',
    {
      schema: {
        response: { 200: dismissedLeadSchema },
        tags: ['leads'],
        summary: 'Abaikan lead / dismiss a lead',
        params: uuidParams,
        body: dismissBody,
      },
    },
    async (request) => dismissLead(deps.db, requirePrincipal(request), request.params.id, request.body, now()),
  );

  r.post(
    '/api/v1/leads/:id/promote',
    {
      schema: {
        response: { 201: promotedLeadSchema },
        tags: ['leads'],
        summary: 'Jadikan informasi awal / promote to informasi awal',
        params: uuidParams,
        body: promoteBody,
      },
    },
    async (request, reply) => {
      reply.status(201);
      return promoteLead(deps, requirePrincipal(request), request.params.id, request.body);
    },
  );
}

function clusterRoutes({ app, deps, now }: LeadRouteContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/article-clusters/:id/confirm',
    {
      schema: {
        response: { 200: confirmedClusterSchema },
        tags: ['leads'],
        summary: 'Konfirmasi klaster berita / confirm a story cluster',
        params: uuidParams,
      },
    },
    async (request) => confirmCluster(deps.db, requirePrincipal(request), request.params.id, now()),
  );

  r.post(
    '/api/v1/articles/:id/detach',
    {
      schema: {
        response: { 200: detachedArticleSchema },
        tags: ['leads'],
        summary: 'Pisahkan artikel dari klaster / split an article off its cluster',
        params: uuidParams,
      },
    },
    async (request) => detachArticle(deps.db, requirePrincipal(request), request.params.id, now()),
  );
}
