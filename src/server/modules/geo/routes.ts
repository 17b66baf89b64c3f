// Serves the offline map boundaries (TopoJSON from ../shared/data/geo beside the repository, see
// its SOURCE.md) so the web map needs no tile server or CDN. Each file is read and gzipped once,
// then served with a strong ETag and a long Cache-Control; 503 problem+json when it is missing.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { prefersEnglish } from '../../http/problem.ts';
import { sendWithEtag } from '../stats/http.ts';
import { GEO_DATA_DIR } from '../opendata/service.ts';
import { problemTypeUri } from '../../../contracts/problem.ts';

export const GEO_FILES = {
  'provinces.topo.json': 'indonesia-provinces.topo.json',
  'regencies.topo.json': 'indonesia-regencies.topo.json',
} as const;

/** A week, revalidated by ETag afterwards: boundaries change with a release of the shared data only. */
export const GEO_CACHE_CONTROL = 'public, max-age=604800, stale-while-revalidate=86400';

interface Loaded { mtimeMs: number; body: Buffer; gzip: Buffer; etag: string }

export function registerGeoRoutes(app: FastifyInstance, deps: { geoDir?: string } = {}) {
  const dir = deps.geoDir ?? GEO_DATA_DIR;
  const cache = new Map<string, Loaded>();
  const load = (file: string): Loaded | null => {
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

  for (const [name, file] of Object.entries(GEO_FILES)) {
    app.get(`/api/v1/public/geo/${name}`, {
      schema: { tags: ['public'], summary: `Batas wilayah (TopoJSON) / boundaries: ${file}` },
    }, async (request, reply) => {
      const loaded = load(file);
      if (!loaded) {
        const message = {
          id: `Data batas wilayah tidak tersedia di server (${join(dir, file)}). Peta tidak dapat ditampilkan.`,
          en: `Boundary data is not available on the server (${join(dir, file)}). The map cannot be shown.`,
        };
        const english = prefersEnglish(request);
        return reply.status(503).type('application/problem+json').header('Cache-Control', 'no-store').send({
          type: problemTypeUri('geo_data_missing'), title: english ? message.en : message.id, status: 503,
          code: 'geo_data_missing', detail: english ? message.en : message.id, message,
        });
      }
      return sendWithEtag(request, reply, {
        body: loaded.body, gzip: loaded.gzip, etag: loaded.etag, contentType: 'application/json; charset=utf-8', cacheControl: GEO_CACHE_CONTROL,
      });
    });
  }
}
