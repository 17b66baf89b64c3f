// Serves the offline map boundaries (TopoJSON from ../shared/data/geo beside the repository, see
// its SOURCE.md) so the web map needs no tile server or CDN. Each file is read and gzipped once,
// then served with a strong ETag and a long Cache-Control; 503 problem+json when it is missing.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { geoBounds, geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, GeometryObject } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { AppError } from '../../platform/errors.ts';
import { prefersEnglish } from '../../http/problem.ts';
import { sendWithEtag } from '../stats/index.ts';
import { GEO_DATA_DIR } from '../opendata/index.ts';
import { problemTypeUri } from '../../../contracts/problem.ts';
import { geoLocationSchema } from '../../../contracts/public.ts';

export const GEO_FILES = {
  'provinces.topo.json': 'indonesia-provinces.topo.json',
  'regencies.topo.json': 'indonesia-regencies.topo.json',
} as const;

/** A week, revalidated by ETag afterwards: boundaries change with a release of the shared data only. */
export const GEO_CACHE_CONTROL = 'public, max-age=604800, stale-while-revalidate=86400';

interface Loaded {
  mtimeMs: number;
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

type Load = (file: string) => Loaded | null;
type RegencyProps = { code: string; name: string };
interface Regency {
  code: string;
  name: string;
  bounds: [[number, number], [number, number]];
  shape: Feature<GeometryObject, RegencyProps>;
}

export function registerGeoRoutes(app: FastifyInstance, deps: { geoDir?: string } = {}) {
  const dir = deps.geoDir ?? GEO_DATA_DIR;
  const load = fileLoader(dir);
  getGeoLocate(app, regencyLoader(load));
  getGeoFiles(app, dir, load);
}

/** Each file read and gzipped once, again only when its modification time changes. */
function fileLoader(dir: string): Load {
  const cache = new Map<string, Loaded>();
  return (file) => {
    const path = join(dir, file);
    if (!existsSync(path)) return null;
    const mtimeMs = statSync(path).mtimeMs;
    const cached = cache.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached;
    const body = readFileSync(path);
    const loaded = { mtimeMs, body, gzip: gzipSync(body), etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"` };
    cache.set(file, loaded);
    return loaded;
  };
}

// 'Use my location' on the report form: a point → the kabupaten/kota whose boundary holds it.
// The shipped boundaries stop at kabupaten/kota, so the person narrows to kecamatan/desa by hand.
function regencyLoader(load: Load): () => Regency[] | null {
  let regencies: { mtimeMs: number; items: Regency[] } | null = null;
  return () => {
    const loaded = load(GEO_FILES['regencies.topo.json']);
    if (!loaded) return null;
    if (regencies && regencies.mtimeMs === loaded.mtimeMs) return regencies.items;
    const topo = JSON.parse(loaded.body.toString('utf8')) as Topology<{ regencies: GeometryCollection<RegencyProps> }>;
    const collection: FeatureCollection<GeometryObject, RegencyProps> = feature(topo, topo.objects.regencies);
    const items = collection.features.map((f) => ({
      code: String(f.properties.code),
      name: String(f.properties.name),
      bounds: geoBounds(f),
      shape: f,
    }));
    regencies = { mtimeMs: loaded.mtimeMs, items };
    return items;
  };
}

function getGeoLocate(app: FastifyInstance, loadRegencies: () => Regency[] | null) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/geo/locate',
    {
      schema: {
        response: { 200: geoLocationSchema },
        tags: ['public'],
        summary: 'Wilayah (kabupaten/kota) dari koordinat / region from coordinates',
        querystring: z.object({ lat: z.coerce.number().min(-90).max(90), lon: z.coerce.number().min(-180).max(180) }),
      },
      config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const items = loadRegencies();
      if (!items)
        throw new AppError('unavailable', {
          id: 'Data batas wilayah tidak tersedia di server.',
          en: 'Boundary data is not available on the server.',
        });
      const { lat, lon } = request.query;
      // Bounding boxes first (cheap), then the exact spherical test on the few candidates.
      const hit = items.find(
        (r) =>
          lon >= r.bounds[0][0] &&
          lon <= r.bounds[1][0] &&
          lat >= r.bounds[0][1] &&
          lat <= r.bounds[1][1] &&
          geoContains(r.shape, [lon, lat]),
      );
      reply.header('Cache-Control', 'no-store');
      if (!hit)
        throw new AppError(
          'region_not_found',
          {
            id: 'Lokasi ini tidak berada di dalam wilayah Indonesia yang dikenal. Pilih wilayah secara manual.',
            en: 'This location is not inside a known Indonesian region. Choose the region by hand.',
          },
          { field: 'lat' },
        );
      return {
        code: hit.code,
        name: hit.name,
        level: /^Kota\b/.test(hit.name) ? ('kota' as const) : ('kabupaten' as const),
        precision: 'kabupaten_kota' as const,
      };
    },
  );
}

function getGeoFiles(app: FastifyInstance, dir: string, load: Load) {
  for (const [name, file] of Object.entries(GEO_FILES)) {
    app.get(
      `/api/v1/public/geo/${name}`,
      {
        schema: { tags: ['public'], summary: `Batas wilayah (TopoJSON) / boundaries: ${file}` },
      },
      async (request, reply) => {
        const loaded = load(file);
        if (!loaded) return sendGeoDataMissing(request, reply, join(dir, file));
        return sendWithEtag(request, reply, {
          body: loaded.body,
          gzip: loaded.gzip,
          etag: loaded.etag,
          contentType: 'application/json; charset=utf-8',
          cacheControl: GEO_CACHE_CONTROL,
        });
      },
    );
  }
}

function sendGeoDataMissing(request: FastifyRequest, reply: FastifyReply, path: string) {
  const message = {
    id: `Data batas wilayah tidak tersedia di server (${path}). Peta tidak dapat ditampilkan.`,
    en: `Boundary data is not available on the server (${path}). The map cannot be shown.`,
  };
  const english = prefersEnglish(request);
  return reply
    .status(503)
    .type('application/problem+json')
    .header('Cache-Control', 'no-store')
    .send({
      type: problemTypeUri('geo_data_missing'),
      title: english ? message.en : message.id,
      status: 503,
      code: 'geo_data_missing',
      detail: english ? message.en : message.id,
      message,
    });
}
