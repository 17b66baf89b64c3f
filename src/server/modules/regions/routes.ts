import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { regionDetailSchema, regionListSchema } from '../../../contracts/regions.ts';
import { countChildren, findRegion, listRegions, regionAncestors } from './repository.ts';

export const regionLevelSchema = z.enum(['provinsi', 'kabupaten', 'kota', 'kecamatan', 'desa']);
export const regionCodeSchema = z
  .string()
  .regex(
    /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/,
    'kode wilayah Kemendagri, mis. 16, 16.02, 16.02.01, 16.02.01.2001 / Kemendagri region code, e.g. 16, 16.02, 16.02.01, 16.02.01.2001',
  );

export const listRegionsQuery = z.object({
  level: regionLevelSchema.optional(),
  parent: regionCodeSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const regionNotFound = (code: string) =>
  new AppError(
    'region_not_found',
    { id: `Wilayah dengan kode ${code} tidak ditemukan.`, en: `No region with code ${code}.` },
    { field: 'code' },
  );

export function registerRegionRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/regions',
    {
      schema: {
        tags: ['regions'],
        summary: 'Daftar wilayah (kode Kemendagri) / list regions',
        querystring: listRegionsQuery,
        response: { 200: regionListSchema },
      },
    },
    async (request) => listRegions(db, request.query),
  );

  r.get(
    '/api/v1/regions/:code',
    {
      schema: {
        tags: ['regions'],
        summary: 'Satu wilayah / one region',
        params: z.object({ code: regionCodeSchema }),
        response: { 200: regionDetailSchema },
      },
    },
    async (request) => {
      const { code } = request.params;
      const region = await findRegion(db, code);
      if (!region) throw regionNotFound(code);
      return {
        code: region.code,
        name: region.name,
        level: region.level,
        parentCode: region.parent_code,
        provinceCode: region.province_code,
        timeZone: region.time_zone,
        ancestors: await regionAncestors(db, code),
        childCount: await countChildren(db, code),
      };
    },
  );
}
