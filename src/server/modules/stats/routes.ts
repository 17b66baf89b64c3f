// GET /api/v1/public/stats: the public dashboard, served from the in-memory snapshot.
import type { FastifyInstance } from 'fastify';
import type { Db, ReadDb } from '../../db/client.ts';
import type { Config } from '../../config.ts';
import { statsCacheFor } from './service.ts';
import { acceptsGzip, matchesEtag, sendWithEtag } from './http.ts';
import type { ReplayCache } from '../../http/replay.ts';
import { publicStatsSchema } from '../../../contracts/public.ts';

export { refreshStats, invalidateStats, statsCacheFor } from './service.ts';

export interface StatsDeps {
  db: Db;
  /** The snapshot is computed here (a replica when configured); default `db`. */
  readDb?: ReadDb;
  config: Config;
  now?: () => Date;
  /** Snapshot lifetime; default 30 s. */
  statsTtlSeconds?: number;
  /** Serves repeated anonymous reads of the current snapshot without the per-request hooks. */
  replay?: ReplayCache;
}

export function registerStatsRoutes(app: FastifyInstance, deps: StatsDeps) {
  const cache = statsCacheFor(deps.readDb ?? deps.db, { ttlSeconds: deps.statsTtlSeconds ?? 30, now: deps.now });
  const PATH = '/api/v1/public/stats';
  // One recording per snapshot and variant: gzip or identity, and 304 when If-None-Match matches.
  const replay = deps.replay?.route(PATH, {
    generation: () => cache.current(),
    variant: (request, snapshot) => {
      const header = request.headers['if-none-match'];
      const notModified =
        Boolean(header) && (matchesEtag(header, snapshot.etag) || matchesEtag(header, `${snapshot.etag.slice(0, -1)}-gz"`));
      return `${snapshot.gzip && acceptsGzip(request) ? 'gzip' : 'identity'}:${notModified ? 304 : 200}`;
    },
  });
  app.get(
    PATH,
    {
      ...(replay ? { onSend: replay.onSend } : {}),
      // The body is serialised once per snapshot (a string skips the serialiser); the schema documents it.
      schema: {
        response: { 200: publicStatsSchema },
        tags: ['public'],
        summary: 'Dasbor publik: jumlah perkara (tanpa data pribadi) / public dashboard counts',
      },
    },
    async (request, reply) => {
      const snapshot = await cache.get();
      replay?.served(request, snapshot);
      return sendWithEtag(request, reply, {
        body: snapshot.body,
        gzip: snapshot.gzip,
        etag: snapshot.etag,
        contentType: 'application/json; charset=utf-8',
      });
    },
  );
}
