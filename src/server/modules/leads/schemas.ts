import { z } from 'zod';
import { plainText, regionCode, isoDate } from '../../shared/schemas.ts';
import { terlaporSchema, ACT_IDS } from '../cases/index.ts';

const httpUrl = z.string().trim().url().max(2000).refine((u) => /^https?:\/\//i.test(u), 'hanya alamat http/https / http/https addresses only');

export const leadSourceCreate = z.object({
  kind: z.enum(['rss', 'atom', 'push']),
  name: plainText(2, 200),
  url: httpUrl.optional(),
  pollMinutes: z.number().int().min(5).max(1440).default(30),
});
export type LeadSourceCreate = z.infer<typeof leadSourceCreate>;

export const leadSourcePatch = z.object({
  name: plainText(2, 200).optional(),
  url: httpUrl.optional(),
  enabled: z.boolean().optional(),
  pollMinutes: z.number().int().min(5).max(1440).optional(),
}).strict();
export type LeadSourcePatch = z.infer<typeof leadSourcePatch>;

export const manualLeadBody = z.object({
  url: httpUrl.optional(),
  title: plainText(3, 1000).optional(),
  text: z.string().trim().min(20, 'minimal 20 karakter / at least 20 characters').max(2 * 1024 * 1024),
  publishedAt: z.string().datetime({ offset: true }).optional(),
});
export type ManualLeadInput = z.infer<typeof manualLeadBody>;

export const LEAD_STATES = ['baru', 'ditinjau', 'diabaikan', 'dipromosikan'] as const;

export const leadListQuery = z.object({
  state: z.enum([...LEAD_STATES, 'semua']).default('baru'),
  minScore: z.coerce.number().min(0).max(1).optional(),
  region: regionCode.optional(),
  kind: z.enum(['incident', 'statistics', 'appeal', 'other']).optional(),
  q: z.string().trim().min(2).max(200).optional(),
  /** Irrelevant articles are hidden unless asked for. */
  includeIrrelevant: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type LeadListQuery = z.infer<typeof leadListQuery>;

export const dismissBody = z.object({
  reason: plainText(3, 2000).optional(),
  /** Also dismiss the other new leads of the same story (default). */
  wholeCluster: z.boolean().default(true),
});

export const promoteBody = z.object({
  judul: plainText(5, 200).optional(),
  uraian: plainText(20, 20_000).optional(),
  kodeWilayah: regionCode.optional(),
  tempat: plainText(2, 300).optional(),
  tanggalKejadian: isoDate.optional(),
  tanggalDiketahui: isoDate.optional(),
  terlapor: z.array(terlaporSchema).min(1).max(20),
  perbuatan: z.array(z.enum(ACT_IDS)).min(1).max(13).optional(),
});
export type PromoteInput = z.infer<typeof promoteBody>;

export const uuidParams = z.object({ id: z.string().uuid() });
