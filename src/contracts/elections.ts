// Election cycles, contests (one per region and cycle), their stages and candidate pairs: public,
// cached, used by the web app's region pages and by integrators.
import { z } from 'zod';
import { listOf } from './common.ts';

const localDate = z.string().describe('YYYY-MM-DD');

export const CONTEST_KINDS = ['gubernur', 'bupati', 'walikota'] as const;
export const contestKindSchema = z.enum(CONTEST_KINDS);
export type ContestKind = z.infer<typeof contestKindSchema>;

export const electionStageSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    startsOn: localDate,
    endsOn: localDate,
  })
  .meta({ id: 'ElectionStage' });
export type ElectionStage = z.infer<typeof electionStageSchema>;

export const electionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    year: z.number().int(),
    votingDate: localDate,
    legalBasis: z.string(),
    source: z.string().nullable(),
    stages: z.array(electionStageSchema),
  })
  .meta({ id: 'Election' });
export type ElectionSummary = z.infer<typeof electionSchema>;

export const contestSummarySchema = z
  .object({
    electionId: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    kind: contestKindSchema,
    votingDate: localDate,
    candidatePairCount: z.number().int(),
    stages: z.array(electionStageSchema),
  })
  .meta({ id: 'ContestSummary' });
export type ContestSummary = z.infer<typeof contestSummarySchema>;

/** Contests matching the filter (paged) and the election cycles they belong to. */
export const electionListSchema = listOf(contestSummarySchema)
  .extend({ elections: z.array(electionSchema) })
  .meta({ id: 'ElectionList' });
export type ElectionList = z.infer<typeof electionListSchema>;

export const candidatePairSchema = z
  .object({
    ballotNumber: z.number().int().nullable(),
    headName: z.string(),
    deputyName: z.string(),
    isIncumbent: z.boolean(),
    parties: z.string().nullable(),
  })
  .meta({ id: 'CandidatePair' });
export type CandidatePair = z.infer<typeof candidatePairSchema>;

export const contestDetailSchema = contestSummarySchema
  .extend({ candidatePairs: z.array(candidatePairSchema) })
  .meta({ id: 'ContestDetail' });
export type ContestDetail = z.infer<typeof contestDetailSchema>;

export const candidateImportResultSchema = z.object({ imported: z.number().int().describe('candidate pairs written') });
