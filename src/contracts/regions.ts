// Region responses (Kemendagri codes): public, cached, used by the web app's pickers and integrators.
import { z } from 'zod';
import { listOf } from './common.ts';

export const REGION_LEVELS = ['provinsi', 'kabupaten', 'kota', 'kecamatan', 'desa'] as const;
export const regionLevelSchema = z.enum(REGION_LEVELS);
export type RegionLevel = z.infer<typeof regionLevelSchema>;

export const regionItemSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level: regionLevelSchema,
    parentCode: z.string().nullable(),
    timeZone: z.string(),
  })
  .meta({ id: 'Region' });
export type RegionItem = z.infer<typeof regionItemSchema>;

export const regionListSchema = listOf(regionItemSchema);
export type RegionList = z.infer<typeof regionListSchema>;

export const regionDetailSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level: regionLevelSchema,
    parentCode: z.string().nullable(),
    provinceCode: z.string().nullable(),
    timeZone: z.string(),
    ancestors: z.array(regionItemSchema),
    childCount: z.number().int(),
  })
  .meta({ id: 'RegionDetail' });
export type RegionDetail = z.infer<typeof regionDetailSchema>;
