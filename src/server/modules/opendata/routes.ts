// Open-data routes: the catalogue and the files, each with X-Content-SHA256 and an ETag.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db, ReadDb } from '../../db/client.ts';
import type { Config } from '../../config.ts';
import type { Vault } from '../../platform/vault.ts';
import { prefersEnglish } from '../../http/problem.ts';
import { matchesEtag } from '../stats/index.ts';
import { GEO_DATA_DIR, GeoDataMissingError, OpenDataBuilder, openDataCatalogue } from './service.ts';
import type { DatasetDefinition } from './datasets.ts';
import { problemTypeUri } from '../../../contracts/problem.ts';
import { openDataCatalogueSchema } from '../../../contracts/public.ts';

export interface OpenDataDeps {
  db: Db;
  /** Exports are built from here (a replica when configured); releases are recorded on `db`. */
  readDb?: ReadDb;
  config: Config;
  now?: () => Date;
  /** Keys the anonymous case reference (HMAC); without it a plain SHA-256 with a fixed label is used. */
  vault?: Vault;
  /** Directory of the TopoJSON boundaries; default GEO_DATA_DIR (../shared/data/geo beside the repo). */
  geoDir?: string;
  /** How long a built file is served before rebuilding; default 30 s. */
  cacheSeconds?: number;
}

export function registerOpenDataRoutes(app: FastifyInstance, deps: OpenDataDeps) {
  const anonymize = deps.vault
    ? (id: string) => deps.vault!.mac(`opendata.case:${id}`).slice(0, 20)
    : (id: string) => createHash('sha256').update(`netra-opendata.case:${id}`).digest('hex').slice(0, 20);
  const builder = new OpenDataBuilder({
    db: deps.db,
    readDb: deps.readDb ?? deps.db,
    anonymize,
    geoDir: deps.geoDir ?? GEO_DATA_DIR,
    ttlMs: (deps.cacheSeconds ?? 30) * 1000,
    now: () => (deps.now ? deps.now() : new Date()),
    vault: deps.vault,
  });

  app.get(
    '/api/v1/public/open-data',
    { schema: { response: { 200: openDataCatalogueSchema }, tags: ['public'], summary: 'Katalog data terbuka / open-data catalogue' } },
    async () => openDataCatalogue(deps.readDb ?? deps.db),
  );

  const serve = (dataset: DatasetDefinition['id'], filename: string) => async (request: FastifyRequest, reply: FastifyReply) => {
    let file;
    try {
      file = await builder.get(dataset);
    } catch (error) {
      if (!(error instanceof GeoDataMissingError)) throw error;
      const message = {
        id: `Data batas wilayah tidak tersedia di server (${error.path}). Peta dan GeoJSON tidak dapat dibuat.`,
        en: `Boundary data is not available on the server (${error.path}). The map and GeoJSON cannot be built.`,
      };
      const english = prefersEnglish(request);
      return reply
        .status(503)
        .type('application/problem+json')
        .send({
          type: problemTypeUri('geo_data_missing'),
          title: english ? message.en : message.id,
          status: 503,
          code: 'geo_data_missing',
          detail: english ? message.en : message.id,
          message,
        });
    }
    const etag = `"${file.sha256.slice(0, 32)}"`;
    reply
      .header('X-Content-SHA256', file.sha256)
      .header('ETag', etag)
      .header('Cache-Control', 'public, max-age=30, stale-while-revalidate=60')
      .header('Content-Disposition', `attachment; filename="${filename}"`)
      .header('X-Row-Count', String(file.rows));
    if (matchesEtag(request.headers['if-none-match'], etag)) return reply.status(304).send();
    return reply.type(file.mediaType).send(file.body);
  };

  app.get(
    '/api/v1/public/open-data/cases.csv',
    { schema: { tags: ['public'], summary: 'Perkara (CSV, tanpa data pribadi) / cases CSV' } },
    serve('cases.csv', 'netra-perkara.csv'),
  );
  app.get(
    '/api/v1/public/open-data/cases.xlsx',
    { schema: { tags: ['public'], summary: 'Perkara (XLSX) / cases XLSX' } },
    serve('cases.xlsx', 'netra-perkara.xlsx'),
  );
  if (deps.vault) {
    app.get(
      '/api/v1/public/open-data/audit-checkpoints.json',
      { schema: { tags: ['public'], summary: 'Titik periksa audit bertanda tangan / signed audit checkpoints' } },
      serve('audit-checkpoints.json', 'netra-titik-periksa-audit.json'),
    );
  }
  app.get(
    '/api/v1/public/open-data/regions.geojson',
    { schema: { tags: ['public'], summary: 'Kabupaten/kota dengan perkara dan kerawanan (GeoJSON)' } },
    serve('regions.geojson', 'netra-wilayah.geojson'),
  );
}
