// GET /api/v1/public/guide: the public guide, built once from the catalogues and served with an ETag.
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { Config } from '../../config.ts';
import { buildGuide } from '../../../domain/guide/index.ts';
import { etagOf, sendWithEtag } from '../stats/index.ts';
import { guideSchema } from '../../../contracts/public.ts';

export interface GuideDeps {
  db?: Db;
  config?: Config;
}

export function registerGuideRoutes(app: FastifyInstance, _deps: GuideDeps = {}) {
  const body = JSON.stringify(buildGuide());
  const etag = etagOf(body);
  const gzip = gzipSync(body);
  app.get(
    '/api/v1/public/guide',
    {
      schema: {
        response: { 200: guideSchema },
        tags: ['public'],
        summary: 'Panduan publik dari katalog / public guide generated from the catalogues',
      },
    },
    async (request, reply) =>
      sendWithEtag(request, reply, {
        body,
        gzip,
        etag,
        contentType: 'application/json; charset=utf-8',
        cacheControl: 'public, max-age=3600',
      }),
  );
}
