import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { requirePrincipal } from '../../http/auth.ts';
import { regionCodeSchema } from '../regions/index.ts';
import { listCandidatePairs, listContests, listElections } from './repository.ts';
import { importCandidatePairsAs } from './importCandidates.ts';
import { CONTEST_KINDS, candidateImportResultSchema, contestDetailSchema, electionListSchema } from '../../../contracts/elections.ts';

const listQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  election: z.string().max(60).optional(),
  region: regionCodeSchema.optional(),
  kind: z.enum(CONTEST_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
});

export function registerElectionRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/elections',
    {
      schema: {
        tags: ['elections'],
        summary: 'Pemilihan (kontestasi) dan tahapannya / contests and stages',
        querystring: listQuery,
        response: { 200: electionListSchema },
      },
    },
    async (request) => {
      const q = request.query;
      const elections = await listElections(db, q.year);
      const contests = await listContests(db, {
        year: q.year,
        electionId: q.election,
        region: q.region,
        kind: q.kind,
        limit: q.limit,
        offset: q.offset,
      });
      const stagesById = new Map(elections.map((e) => [e.id, e.stages]));
      return {
        items: contests.items.map((c) => ({ ...c, stages: stagesById.get(c.electionId) ?? [] })),
        total: contests.total,
        elections,
      };
    },
  );

  r.get(
    '/api/v1/elections/:electionId/contests/:regionCode',
    {
      schema: {
        tags: ['elections'],
        summary: 'Satu kontestasi dengan pasangan calon / one contest with its candidate pairs',
        params: z.object({ electionId: z.string().max(60), regionCode: regionCodeSchema }),
        response: { 200: contestDetailSchema },
      },
    },
    async (request) => {
      const { electionId, regionCode } = request.params;
      const contests = await listContests(db, { electionId, region: regionCode, limit: 1000, offset: 0 });
      const contest = contests.items.find((c) => c.regionCode === regionCode);
      if (!contest)
        throw new AppError('not_found', {
          id: `Tidak ada pemilihan ${electionId} di wilayah ${regionCode}.`,
          en: `No contest ${electionId} in region ${regionCode}.`,
        });
      const election = (await listElections(db)).find((e) => e.id === electionId);
      return { ...contest, stages: election?.stages ?? [], candidatePairs: await listCandidatePairs(db, electionId, regionCode) };
    },
  );

  // Candidate pairs as CSV (text/csv body); admin only.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  r.post(
    '/api/v1/elections/candidates/import',
    {
      schema: {
        tags: ['elections'],
        summary: 'Impor pasangan calon dari CSV / import candidate pairs from CSV',
        response: { 200: candidateImportResultSchema },
      },
    },
    async (request) => importCandidatePairsAs(db, requirePrincipal(request), request.body),
  );
}
