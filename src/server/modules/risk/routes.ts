// Vulnerability index routes (public reads, admin imports and weights) and the public region profile.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db, Queryable, ReadDb } from '../../db/client.ts';
import type { Config } from '../../config.ts';
import { regionCodeSchema } from '../regions/index.ts';
import { AppError } from '../../platform/errors.ts';
import { requirePrincipal } from '../../http/auth.ts';
import { RISK_COMPONENT_KEYS, CATEGORY_LABELS } from '../../../domain/risk/index.ts';
import { computeRegionRisks, describeWeights, explainRegionRisk, updateWeights } from './service.ts';
import { importRiskIndicatorsAs, type RiskImportKind } from './importIndicators.ts';
import { regionProfile } from './profile.ts';
import {
  regionProfileSchema,
  riskExplanationSchema,
  riskImportResultSchema,
  riskListSchema,
  riskMethodSchema,
} from '../../../contracts/risk.ts';

export interface RiskDeps {
  db: Db;
  /** Public reads (index, weights, explanations, region profiles): a replica when configured; default `db`. */
  readDb?: ReadDb;
  config: Config;
  now?: () => Date;
}

const regionParam = z.object({ regionCode: regionCodeSchema });
const weightsBody = z.object({
  weights: z.object(Object.fromEntries(RISK_COMPONENT_KEYS.map((k) => [k, z.number().min(0).max(1).optional()]))).strict(),
});

const regionNotFound = (code: string) =>
  new AppError(
    'region_not_found',
    { id: `Tidak ada provinsi atau kabupaten/kota dengan kode ${code}.`, en: `No province or regency/city with code ${code}.` },
    { field: 'code' },
  );

interface RiskRouteContext {
  app: FastifyInstance;
  deps: RiskDeps;
  readDb: Queryable;
  now: () => Date;
}

export function registerRiskRoutes(app: FastifyInstance, deps: RiskDeps) {
  if (!app.hasContentTypeParser('text/csv')) {
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  }
  const context: RiskRouteContext = { app, deps, readDb: deps.readDb ?? deps.db, now: () => (deps.now ? deps.now() : new Date()) };
  getRiskIndex(context);
  weightRoutes(context);
  getRiskExplanation(context);
  postRiskImports(context);
  getRegionProfile(context);
}

function getRiskIndex({ app, readDb }: RiskRouteContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/risk',
    {
      schema: {
        response: { 200: riskListSchema },
        tags: ['risk'],
        summary: 'Indeks kerawanan netralitas per wilayah / vulnerability index per region',
        querystring: z.object({ level: z.enum(['provinsi', 'kabupaten_kota']).default('kabupaten_kota') }),
      },
    },
    async (request) => {
      const { items, weights, electionId } = await computeRegionRisks(readDb, request.query.level);
      return {
        level: request.query.level,
        electionId,
        weights,
        categories: CATEGORY_LABELS,
        items: items.map((i) => ({
          regionCode: i.regionCode,
          name: i.name,
          score: i.score,
          category: i.category,
          ikpCategory: i.ikpCategory,
          topComponents: i.components
            .slice(0, 3)
            .map((c) => ({ key: c.key, label: c.label, contribution: c.contribution, value: c.value, unit: c.unit })),
          missing: i.missing,
          // Bawaslu's published category for this region (Pemetaan Kerawanan Pilkada 2024), if any.
          publishedCategory: i.published.find((f) => f.category) ?? null,
        })),
        total: items.length,
      };
    },
  );
}

function weightRoutes({ app, deps, readDb, now }: RiskRouteContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/risk/weights',
    {
      schema: {
        response: { 200: riskMethodSchema },
        tags: ['risk'],
        summary: 'Bobot dan metode indeks (publik) / published weights and method',
      },
    },
    async () => describeWeights(readDb),
  );

  r.put(
    '/api/v1/risk/weights',
    {
      schema: {
        response: { 200: riskMethodSchema },
        tags: ['risk'],
        summary: 'Ubah bobot (admin, diaudit) / change weights',
        body: weightsBody,
      },
    },
    async (request) => updateWeights(deps.db, request.body.weights as Record<string, number>, requirePrincipal(request), now()),
  );
}

function getRiskExplanation({ app, readDb }: RiskRouteContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/risk/:regionCode',
    {
      schema: {
        response: { 200: riskExplanationSchema },
        tags: ['risk'],
        summary: 'Penjelasan lengkap indeks satu wilayah / full explanation',
        params: regionParam,
      },
    },
    async (request) => {
      const explanation = await explainRegionRisk(readDb, request.params.regionCode);
      if (!explanation) throw regionNotFound(request.params.regionCode);
      return explanation;
    },
  );
}

function postRiskImports({ app, deps, now }: RiskRouteContext) {
  for (const kind of ['ikp', 'history'] as RiskImportKind[]) {
    app.withTypeProvider<ZodTypeProvider>().post(
      `/api/v1/risk/import/${kind}`,
      {
        schema: {
          response: { 200: riskImportResultSchema },
          tags: ['risk'],
          summary: kind === 'ikp' ? 'Impor skor IKP (CSV) / import IKP scores' : 'Impor riwayat kasus (CSV) / import case history',
        },
      },
      async (request) => importRiskIndicatorsAs(deps.db, requirePrincipal(request), kind, request.body, now()),
    );
  }
}

function getRegionProfile({ app, readDb }: RiskRouteContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/public/regions/:code/profile',
    {
      schema: {
        response: { 200: regionProfileSchema },
        tags: ['public'],
        summary: 'Profil wilayah: pemilihan, paslon, perkara, deklarasi, kerawanan / region profile',
        params: z.object({ code: regionCodeSchema }),
      },
    },
    async (request) => {
      const profile = await regionProfile(readDb, request.params.code);
      if (!profile) throw regionNotFound(request.params.code);
      return profile;
    },
  );
}
