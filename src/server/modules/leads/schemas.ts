import { z } from 'zod';
import { plainText, regionCode, isoDate } from '../../shared/schemas.ts';
import { terlaporSchema, ACT_IDS } from '../cases/index.ts';
import { LEAD_LIMITS as L } from '../../../contracts/limits.ts';
import { LEAD_STATES, LEAD_KINDS } from '../../../contracts/leads.ts';

const httpUrl = z
  .string()
  .trim()
  .url()
  .max(L.url.max)
  .refine((u) => /^https?:\/\//i.test(u), 'hanya alamat http/https / http/https addresses only');

export const leadSourceCreate = z.object({
  kind: z.enum(['rss', 'atom', 'push']),
  name: plainText(L.sourceName.min, L.sourceName.max),
  url: httpUrl.optional(),
  pollMinutes: z.number().int().min(L.pollMinutes.min).max(L.pollMinutes.max).default(L.pollMinutes.default),
});
export type LeadSourceCreate = z.infer<typeof leadSourceCreate>;

export const leadSourcePatch = z
  .object({
    name: plainText(L.sourceName.min, L.sourceName.max).optional(),
    url: httpUrl.optional(),
    enabled: z.boolean().optional(),
    pollMinutes: z.number().int().min(L.pollMinutes.min).max(L.pollMinutes.max).optional(),
  })
  .strict();
export type LeadSourcePatch = z.infer<typeof leadSourcePatch>;

export const manualLeadBody = z.object({
  url: httpUrl.optional(),
  title: plainText(L.manualTitle.min, L.manualTitle.max).optional(),
  text: z
    .string()
    .trim()
    .min(L.manualText.min, `minimal ${L.manualText.min} karakter / at least ${L.manualText.min} characters`)
    .max(L.manualText.max),
  publishedAt: z.string().datetime({ offset: true }).optional(),
});
export type ManualLeadInput = z.infer<typeof manualLeadBody>;

export const leadListQuery = z.object({
  state: z.enum([...LEAD_STATES, 'semua']).default('baru'),
  minScore: z.coerce.number().min(0).max(1).optional(),
  region: regionCode.optional(),
  kind: z.enum(LEAD_KINDS).optional(),
  q: z.string().trim().min(2).max(200).optional(),
  /** Irrelevant articles are hidden unless asked for. */
  includeIrrelevant: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type LeadListQuery = z.infer<typeof leadListQuery>;

export const dismissBody = z.object({
  reason: plainText(L.dismissReason.min, L.dismissReason.max).optional(),
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
