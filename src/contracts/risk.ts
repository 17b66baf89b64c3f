// The explainable vulnerability index (public reads, admin weights and imports) and the public
// region profile. Shared by the server (serialisation + OpenAPI) and the web app (map, profile).
import { z } from 'zod';
import { RISK_COMPONENT_KEYS } from '../domain/risk/index.ts';
import { bilingual, isoDateTime, nullableIso } from './common.ts';
import { publicPledgeSchema } from './pledges.ts';

export const RISK_LEVELS = ['provinsi', 'kabupaten_kota'] as const;
export const riskLevelSchema = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof riskLevelSchema>;
export const RISK_CATEGORIES = ['tinggi', 'sedang', 'rendah'] as const;
export const riskCategorySchema = z.enum(RISK_CATEGORIES);
export type RiskCategory = z.infer<typeof riskCategorySchema>;
export const riskComponentKeySchema = z.enum(RISK_COMPONENT_KEYS);

/** Weight per component (all components, summing to 1 by default). */
export const riskWeightsSchema = z.record(riskComponentKeySchema, z.number()).meta({ id: 'RiskWeights' });
const thresholdsSchema = z.object({ tinggi: z.number(), sedang: z.number(), source: z.string() });

/** A figure Bawaslu published for a region (reference data), with its source. */
export const publishedFigureSchema = z
  .object({
    series: z.string(),
    title: z.string(),
    publisher: z.string(),
    publishedOn: z.string().describe('YYYY-MM-DD'),
    value: z.number().nullable(),
    category: z.string().nullable(),
    partial: z.boolean(),
    source: z.string(),
    note: z.string().nullable(),
  })
  .meta({ id: 'PublishedFigure' });
export type PublishedFigure = z.infer<typeof publishedFigureSchema>;

export const riskComponentSchema = z.object({
  key: riskComponentKeySchema,
  label: z.string(),
  labelEn: z.string(),
  value: z.number(),
  unit: z.string(),
  normalized: z.number().describe('0–1'),
  weight: z.number().describe('weight used, after renormalisation'),
  baseWeight: z.number(),
  contribution: z.number().describe('points of the 0–100 score: normalized × weight × 100'),
  source: z.string(),
  note: z.string().optional(),
});
export type RiskComponent = z.infer<typeof riskComponentSchema>;

export const riskExplanationSchema = z
  .object({
    regionCode: z.string(),
    level: riskLevelSchema,
    name: z.string(),
    score: z.number().nullable(),
    category: riskCategorySchema.nullable(),
    ikpCategory: z.string().nullable().describe('the IKP category as imported (Bawaslu’s own)'),
    thresholds: thresholdsSchema,
    components: z.array(riskComponentSchema),
    missing: z.array(riskComponentKeySchema),
    missingNotes: z.partialRecord(riskComponentKeySchema, z.string()),
    renormalized: z.boolean(),
    note: bilingual,
    published: z.array(publishedFigureSchema).describe('figures Bawaslu published for this region, newest first; empty: belum ada data'),
  })
  .meta({ id: 'RiskExplanation' });
export type RiskExplanation = z.infer<typeof riskExplanationSchema>;

export const riskListItemSchema = z.object({
  regionCode: z.string(),
  name: z.string(),
  score: z.number().nullable(),
  category: riskCategorySchema.nullable(),
  ikpCategory: z.string().nullable(),
  topComponents: z.array(riskComponentSchema.pick({ key: true, label: true, contribution: true, value: true, unit: true })),
  missing: z.array(riskComponentKeySchema),
  publishedCategory: publishedFigureSchema
    .nullable()
    .describe('Bawaslu’s published category for this region (Pemetaan Kerawanan Pilkada 2024), if any'),
});
export type RiskListItem = z.infer<typeof riskListItemSchema>;
export const riskListSchema = z
  .object({
    level: riskLevelSchema,
    electionId: z.string().nullable(),
    weights: riskWeightsSchema,
    categories: z.record(riskCategorySchema, bilingual),
    items: z.array(riskListItemSchema),
    total: z.number().int(),
  })
  .meta({ id: 'RiskList' });
export type RiskList = z.infer<typeof riskListSchema>;

export const riskMethodSchema = z
  .object({
    weights: riskWeightsSchema,
    defaults: riskWeightsSchema,
    customized: z.array(z.string()).describe('components whose weight an operator changed'),
    updatedAt: nullableIso,
    components: z.array(
      z.object({
        key: riskComponentKeySchema,
        label: z.string(),
        labelEn: z.string(),
        weight: z.number(),
        defaultWeight: z.number(),
        rationale: z.string(),
        normalization: z.string(),
      }),
    ),
    constants: z.object({
      countSaturation: z.record(riskLevelSchema, z.number()),
      ratePer1000Saturation: z.number(),
      ektpSaturationPercent: z.number(),
    }),
    thresholds: z.record(riskLevelSchema, thresholdsSchema),
    method: bilingual,
    documentation: z.string(),
  })
  .meta({ id: 'RiskMethod' });
export type RiskMethod = z.infer<typeof riskMethodSchema>;

export const riskImportResultSchema = z.object({
  batchId: z.string(),
  kind: z.enum(['ikp', 'history']),
  regions: z.number().int(),
  indicators: z.number().int(),
});

const candidatePairSchema = z.object({
  ballotNumber: z.number().int().nullable(),
  headName: z.string(),
  deputyName: z.string(),
  isIncumbent: z.boolean(),
  parties: z.string().nullable(),
});
export type ProfileCandidatePair = z.infer<typeof candidatePairSchema>;
const stageSchema = z.object({ code: z.string(), name: z.string(), nameEn: z.string(), startsOn: z.string(), endsOn: z.string() });

export const regionProfileSchema = z
  .object({
    region: z.object({
      code: z.string(),
      name: z.string(),
      level: z.string(),
      timeZone: z.string(),
      province: z.object({ code: z.string(), name: z.string() }).nullable(),
    }),
    elections: z.array(
      z.object({ id: z.string(), name: z.string(), votingDate: z.string().describe('YYYY-MM-DD'), stages: z.array(stageSchema) }),
    ),
    contests: z.array(
      z.object({
        electionId: z.string(),
        regionCode: z.string(),
        regionName: z.string(),
        kind: z.enum(['gubernur', 'bupati', 'walikota']),
        candidatePairs: z.array(candidatePairSchema),
      }),
    ),
    cases: z.object({
      total: z.number().int(),
      byState: z.array(z.object({ state: z.string(), label: z.string(), labelEn: z.string(), count: z.number().int() })),
      asOf: isoDateTime,
    }),
    history: z
      .array(
        z.object({
          election: z.string(),
          cases: z.number().int(),
          laporan: z.number().int(),
          temuan: z.number().int(),
          source: z.string(),
        }),
      )
      .describe('past cycles from imported recap sheets (empty: none imported)'),
    published: z.array(publishedFigureSchema),
    pledges: z.object({ total: z.number().int(), recent: z.array(publicPledgeSchema) }),
    risk: riskExplanationSchema.nullable(),
  })
  .meta({ id: 'RegionProfile' });
export type RegionProfile = z.infer<typeof regionProfileSchema>;
