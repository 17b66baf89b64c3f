// Media-monitoring responses: lead sources, intake (manual, import, push), jobs, the leads inbox,
// decisions on leads and story clusters, and the public per-region counts for the map. Shared by
// the server (serialisation + OpenAPI) and the web app (types, form limits).
import { z } from 'zod';
import { bilingual, isoDateTime, listOf, nullableIso } from './common.ts';

import { HIGHLIGHT_KINDS } from './limits.ts';

export { HIGHLIGHT_KINDS, LEAD_LIMITS, type HighlightKind } from './limits.ts';

export const LEAD_STATES = ['baru', 'ditinjau', 'diabaikan', 'dipromosikan'] as const;
export const leadStateSchema = z.enum(LEAD_STATES);
export type LeadState = z.infer<typeof leadStateSchema>;
export const LEAD_KINDS = ['incident', 'statistics', 'appeal', 'other'] as const;
export const LEAD_SOURCE_KINDS = ['rss', 'atom', 'push', 'import', 'manual'] as const;
export const CLUSTER_STATES = ['suggested', 'confirmed'] as const;

export const leadSourceSchema = z
  .object({
    id: z.string(),
    kind: z.enum(LEAD_SOURCE_KINDS),
    url: z.string().nullable(),
    name: z.string(),
    enabled: z.boolean(),
    pollMinutes: z.number().int(),
    nextPollAt: nullableIso,
    lastPolledAt: nullableIso,
    failures: z.number().int(),
    lastError: z.string().nullable(),
    articles: z.number().int().describe('articles taken from this source'),
    createdAt: nullableIso,
  })
  .meta({ id: 'LeadSource' });
export type LeadSource = z.infer<typeof leadSourceSchema>;
/** A new push source also carries its bearer token (shown once). */
export const createdLeadSourceSchema = leadSourceSchema
  .extend({
    token: z.string().optional().describe('push sources only: the bearer token, shown once'),
    message: bilingual.optional(),
  })
  .meta({ id: 'CreatedLeadSource' });
export const leadSourceListSchema = listOf(leadSourceSchema);
export type LeadSourceList = z.infer<typeof leadSourceListSchema>;

export const leadJobRefSchema = z.object({ jobId: z.number().int().nullable() });
export type LeadJobRef = z.infer<typeof leadJobRefSchema>;
export const leadJobSchema = z
  .object({
    id: z.number().int(),
    name: z.string().describe('leads.import, leads.fetch_feed, leads.process_article'),
    state: z.string(),
    attempts: z.number().int(),
    progress: z.unknown().describe('job-specific progress (import: total, done, imported, duplicates, skipped, line)'),
    result: z.unknown().describe('job-specific result, once done'),
    lastError: z.string().nullable(),
  })
  .meta({ id: 'LeadJob' });
export type LeadJob = z.infer<typeof leadJobSchema>;

export const manualLeadResultSchema = z.object({
  articleId: z.string(),
  duplicate: z.boolean().describe('the same text was already archived'),
  jobId: z.number().int().nullable(),
});
export type ManualLeadResult = z.infer<typeof manualLeadResultSchema>;

const lineError = z.object({ line: z.number().int(), message: z.string() });
export const leadImportResultSchema = z.object({
  jobId: z.number().int().nullable(),
  sourceId: z.string(),
  records: z.number().int().describe('lines read as articles'),
  errors: z.array(lineError).describe('the first 200 refused lines'),
});
export type LeadImportResult = z.infer<typeof leadImportResultSchema>;

export const leadPushResultSchema = z
  .object({
    accepted: z.array(z.object({ index: z.number().int(), articleId: z.string(), duplicate: z.boolean() })),
    errors: z.array(z.object({ index: z.number().int(), message: z.string() })),
  })
  .meta({ id: 'LeadPushResult', description: '202 when at least one item was taken, 400 (this body) when none was.' });

export const leadRegionSchema = z.object({ code: z.string(), name: z.string(), level: z.string().nullable() });
export type LeadRegion = z.infer<typeof leadRegionSchema>;

export const leadSummarySchema = z
  .object({
    id: z.string(),
    articleId: z.string(),
    title: z.string().nullable(),
    url: z.string().nullable(),
    source: z.string(),
    score: z.number(),
    relevant: z.boolean(),
    kind: z.string(),
    regions: z.array(leadRegionSchema),
    actors: z.array(z.string()),
    acts: z.array(z.string()),
    date: z.string().nullable().describe('YYYY-MM-DD'),
    state: leadStateSchema,
    promotedCaseId: z.string().nullable(),
    publishedAt: nullableIso,
    fetchedAt: nullableIso,
    cluster: z.object({ id: z.string(), state: z.enum(CLUSTER_STATES).nullable(), size: z.number().int() }).nullable(),
  })
  .meta({ id: 'LeadSummary' });
export type LeadSummary = z.infer<typeof leadSummarySchema>;
export const leadListSchema = listOf(leadSummarySchema);
export type LeadList = z.infer<typeof leadListSchema>;

export const highlightSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  kind: z.enum(HIGHLIGHT_KINDS),
  label: z.string(),
});
export const leadDetailSchema = z
  .object({
    id: z.string(),
    state: leadStateSchema,
    score: z.number(),
    relevant: z.boolean(),
    kind: z.string(),
    regions: z.array(leadRegionSchema),
    actors: z.array(z.string()),
    acts: z.array(z.string()),
    numbers: z.array(z.object({ value: z.number(), unit: z.string() })),
    date: z.string().nullable(),
    people: z.array(z.object({ name: z.string(), position: z.string() })),
    highlights: z.array(highlightSchema),
    promotedCaseId: z.string().nullable(),
    decidedAt: nullableIso,
    article: z.object({
      id: z.string(),
      url: z.string().nullable(),
      title: z.string().nullable(),
      text: z.string(),
      textSha256: z.string(),
      rawSha256: z.string(),
      source: z.string(),
      sourceKind: z.string(),
      publishedAt: nullableIso,
      fetchedAt: nullableIso,
    }),
    cluster: z
      .object({
        id: z.string(),
        state: z.enum(CLUSTER_STATES),
        representativeArticleId: z.string().nullable(),
        members: z.array(
          z.object({
            articleId: z.string(),
            leadId: z.string().nullable(),
            title: z.string().nullable(),
            url: z.string().nullable(),
            source: z.string(),
            state: z.string().nullable(),
            score: z.number().nullable(),
            fetchedAt: nullableIso,
          }),
        ),
      })
      .nullable(),
  })
  .meta({ id: 'LeadDetail' });
export type LeadDetail = z.infer<typeof leadDetailSchema>;

export const dismissedLeadSchema = z.object({
  id: z.string(),
  state: z.literal('diabaikan'),
  dismissed: z.number().int().describe('leads dismissed (with the rest of the story)'),
});
export const promotedLeadSchema = z
  .object({
    leadId: z.string(),
    state: z.literal('dipromosikan'),
    caseId: z.string(),
    caseState: z.string(),
    officeCode: z.string(),
    evidenceSha256: z.string(),
  })
  .meta({ id: 'PromotedLead' });
export type PromotedLead = z.infer<typeof promotedLeadSchema>;
export const confirmedClusterSchema = z.object({ id: z.string(), state: z.literal('confirmed'), size: z.number().int() });
export const detachedArticleSchema = z.object({ articleId: z.string(), clusterId: z.string(), fromClusterId: z.string() });

export const leadCountsSchema = z
  .object({
    level: z.enum(['provinsi', 'kabupaten_kota']),
    asOf: isoDateTime,
    definition: bilingual,
    items: z.array(z.object({ regionCode: z.string(), name: z.string(), count: z.number().int() })),
    total: z.number().int(),
  })
  .meta({ id: 'LeadCounts' });
export type LeadCounts = z.infer<typeof leadCountsSchema>;
