// Replay of public cached answers (issue 16): a cached public GET (the dashboard stats) is
// answered straight from bytes recorded earlier, without the per-request hooks (security headers,
// cookie parsing, session look-up, CORS/ETag onSend, serialisation). The recorded headers come
// from a full pass through those hooks, so the bytes on the wire are the same; a recording is used
// only while its cache generation (the snapshot it was made from) is current. Anything unusual —
// a cookie, an Authorization header, a query string, a method other than GET — takes the full path.
// The request log still has both lines of a replayed request (Fastify sets them up before onRequest).
import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';

interface Recording {
  status: number;
  headers: Record<string, string | number | string[]>;
  body: Buffer | string | undefined;
}

export interface ReplaySource<G extends object> {
  /** The current generation (e.g. the snapshot object) while it may be served as is; null when stale. */
  generation(): G | null;
  /** Which recording answers this request (e.g. gzip or identity, 200 or 304). */
  variant(request: FastifyRequest, generation: G): string;
}

interface Route {
  source: ReplaySource<object>;
  recordings: WeakMap<object, Map<string, Recording>>;
}

export interface ReplayRoute<G extends object> {
  /** The route's onSend hook: records full answers. */
  onSend: onSendHookHandler;
  /** Called by the handler with the generation it answered from (only that one is recorded). */
  served(request: FastifyRequest, generation: G): void;
}

export interface ReplayCache {
  /** Makes `path` replayable. */
  route<G extends object>(path: string, source: ReplaySource<G>): ReplayRoute<G>;
  /** Answers replayed and recordings made since start (a metric; tests read it). */
  readonly counts: { replayed: number; recorded: number };
}

const caches = new WeakMap<FastifyInstance, ReplayCache>();
export const replayCacheOf = (app: FastifyInstance): ReplayCache | undefined => caches.get(app);

const plain = (request: FastifyRequest) => request.method === 'GET' && !request.headers.cookie && !request.headers.authorization;

/** Must be created before any other onRequest hook is added (helmet, cookies, auth): it runs first. */
export function createReplayCache(app: FastifyInstance): ReplayCache {
  const routes = new Map<string, Route>();
  const counts = { replayed: 0, recorded: 0 };
  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const route = routes.get(request.url);
    if (!route || !plain(request)) return done();
    const generation = route.source.generation();
    const recording = generation && route.recordings.get(generation)?.get(route.source.variant(request, generation));
    if (!recording) return done();
    counts.replayed++;
    reply.hijack();
    reply.raw.writeHead(recording.status, recording.headers);
    reply.raw.end(recording.body);
  });
  const cache: ReplayCache = {
    counts,
    route(path, source) {
      const route: Route = { source: source as ReplaySource<object>, recordings: new WeakMap() };
      routes.set(path, route);
      const servedBy = new WeakMap<FastifyRequest, object>();
      const onSend: onSendHookHandler = (request, reply, payload, done) => {
        // The answer's own generation, and only while it is still the current one.
        const generation = servedBy.get(request);
        if (generation !== source.generation()) return done(null, payload);
        // Recorded after every global onSend hook (route hooks run last), before Fastify adds Content-Length.
        if (
          generation &&
          request.url === path &&
          plain(request) &&
          (reply.statusCode === 200 || reply.statusCode === 304) &&
          (payload === undefined || payload === null || payload === '' || typeof payload === 'string' || Buffer.isBuffer(payload))
        ) {
          const body = (payload ?? undefined) as Buffer | string | undefined;
          const headers = { ...reply.getHeaders() } as Recording['headers'];
          if (reply.statusCode === 200) headers['content-length'] = body === undefined ? 0 : Buffer.byteLength(body);
          let byVariant = route.recordings.get(generation);
          if (!byVariant) route.recordings.set(generation, (byVariant = new Map()));
          counts.recorded++;
          byVariant.set(source.variant(request, generation as never), {
            status: reply.statusCode,
            headers,
            body: reply.statusCode === 304 ? undefined : body,
          });
        }
        done(null, payload);
      };
      return {
        onSend,
        served: (request, generation) => {
          servedBy.set(request, generation);
        },
      };
    },
  };
  caches.set(app, cache);
  return cache;
}
