// Public transparency data without personal data: the dashboard counts, the open-data catalogue,
// the guide generated from the catalogues, and the coordinate → region lookup. Shared by the
// server (serialisation + OpenAPI) and the web app's public pages.
import { z } from 'zod';
import { bilingual, isoDateTime } from './common.ts';

const countItemSchema = z.object({ code: z.string(), label: z.string(), labelEn: z.string().optional(), count: z.number().int() });
export type CountItem = z.infer<typeof countItemSchema>;
const regionCountSchema = z.object({ code: z.string(), name: z.string(), count: z.number().int() });
export type RegionCount = z.infer<typeof regionCountSchema>;

export const referenceFigureSchema = z.object({
  id: z.string(),
  election: z.string(),
  publisher: z.string(),
  asOf: z.string(),
  label: z.string(),
  labelEn: z.string(),
  figures: z.record(z.string(), z.number()),
  source: z.string(),
  note: z.string().optional(),
  noteEn: z.string().optional(),
});
export type ReferenceFigure = z.infer<typeof referenceFigureSchema>;

const cycleCountsSchema = z.object({
  cases: z.number().int(),
  laporan: z.number().int(),
  temuan: z.number().int(),
  byOutcome: z.array(countItemSchema),
});

export const publicStatsSchema = z
  .object({
    generatedAt: isoDateTime,
    totals: z.object({ cases: z.number().int(), laporan: z.number().int(), temuan: z.number().int(), terlapor: z.number().int() }),
    byProvince: z.array(regionCountSchema),
    byRegency: z.array(regionCountSchema.extend({ provinceCode: z.string() })),
    byStage: z.array(countItemSchema),
    bySubjectType: z.array(countItemSchema),
    byAct: z.array(countItemSchema),
    byClassification: z.array(countItemSchema),
    byState: z.array(countItemSchema),
    byOutcome: z.array(countItemSchema),
    weekly: z.array(
      z.object({
        week: z.string().describe('ISO week, e.g. 2024-W41'),
        startsOn: z.string().describe('YYYY-MM-DD (Monday)'),
        count: z.number().int(),
      }),
    ),
    reference: z.array(referenceFigureSchema).describe('figures published by Bawaslu/KASN for past cycles, with sources'),
    cycles: z.array(
      z.object({
        election: z.string(),
        basis: z.enum(['impor', 'langsung']).describe("'impor': counted from imported history; 'langsung': this cycle's live cases"),
        imported: cycleCountsSchema,
        regions: z.number().int(),
        published: z.array(referenceFigureSchema),
      }),
    ),
    notes: z.array(bilingual),
  })
  .meta({ id: 'PublicStats' });
export type PublicStats = z.infer<typeof publicStatsSchema>;

export const DATASET_IDS = ['cases.csv', 'cases.xlsx', 'regions.geojson', 'audit-checkpoints.json'] as const;
export const datasetFieldSchema = z.object({
  name: z.string(),
  type: z.enum(['string', 'integer', 'number', 'date', 'boolean', 'list']),
  description: z.string(),
  descriptionEn: z.string(),
});
export type DatasetField = z.infer<typeof datasetFieldSchema>;
export const openDataCatalogueSchema = z
  .object({
    title: bilingual,
    description: bilingual,
    datasets: z.array(
      z.object({
        id: z.enum(DATASET_IDS),
        title: z.string(),
        titleEn: z.string(),
        mediaType: z.string(),
        path: z.string(),
        fields: z.array(datasetFieldSchema),
        licence: z.string(),
        attribution: z.string().optional(),
        releases: z.number().int().describe('releases recorded so far'),
        latestRelease: z.object({ sha256: z.string(), rows: z.number().int(), bytes: z.number().int(), createdAt: isoDateTime }).nullable(),
      }),
    ),
  })
  .meta({ id: 'OpenDataCatalogue' });
export type OpenDataCatalogue = z.infer<typeof openDataCatalogueSchema>;

const sourced = { source: z.string() };
const unconfirmed = { unconfirmed: z.string().optional(), unconfirmedEn: z.string().optional() };
const validity = { inForceFrom: z.string().optional(), inForceUntil: z.string().optional() };
const bound = z.object({ min: z.number().optional(), max: z.number() });
export const guideSchema = z
  .object({
    title: bilingual,
    intro: bilingual,
    stageRule: bilingual.extend(sourced),
    acts: z.array(
      z.object({
        id: z.string(),
        track: z.string(),
        trackLabel: bilingual,
        number: z.number().int(),
        text: z.string(),
        textEn: z.string(),
        level: z.string(),
        levelLabel: bilingual,
        sanctions: z.array(z.object({ key: z.string(), label: z.string(), labelEn: z.string(), ...sourced })),
        ...sourced,
      }),
    ),
    neutralityActs: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        labelEn: z.string(),
        beforeDetermination: z.string(),
        onOrAfterDetermination: z.string(),
        note: z.string().optional(),
      }),
    ),
    uuPilkada: z.array(
      z.object({
        id: z.string(),
        article: z.string(),
        kind: z.string(),
        text: z.string(),
        textEn: z.string(),
        penalty: z.object({ prisonMonths: bound, fineRupiah: bound }).optional(),
        relatedTo: z.string().optional(),
        ...sourced,
        ...unconfirmed,
      }),
    ),
    subjects: z.array(
      z.object({ id: z.string(), label: z.string(), labelEn: z.string(), isAsn: z.boolean(), ...sourced, note: z.string().optional() }),
    ),
    deadlines: z.array(
      z.object({
        id: z.string(),
        versionId: z.string(),
        title: z.string(),
        titleEn: z.string(),
        length: bilingual,
        ...sourced,
        ...validity,
        ...unconfirmed,
      }),
    ),
    regulations: z.array(z.object({ id: z.string(), title: z.string(), ...validity, ...sourced })),
    howToReport: z.object({ title: bilingual, steps: z.array(bilingual.extend({ source: z.string().optional() })) }),
    whatHappensNext: z.object({
      title: bilingual,
      steps: z.array(z.object({ state: z.string(), label: bilingual, explanation: bilingual, deadlineRuleIds: z.array(z.string()) })),
    }),
    outcomes: z.array(z.object({ id: z.string(), label: z.string(), labelEn: z.string(), ...sourced })),
    pledge: z.object({ title: bilingual, paragraphs: z.array(bilingual) }),
  })
  .meta({ id: 'Guide' });
export type Guide = z.infer<typeof guideSchema>;

export const geoLocationSchema = z
  .object({
    code: z.string().describe('kabupaten/kota code (Kemendagri)'),
    name: z.string(),
    level: z.enum(['kabupaten', 'kota']),
    precision: z.literal('kabupaten_kota'),
  })
  .meta({ id: 'GeoLocation' });
export type GeoLocation = z.infer<typeof geoLocationSchema>;
