// Builds the Fastify app: error handling, security headers, cookies, auth, OpenAPI, and each
// module's routes; serves the built web app (dist/web) with an SPA fallback.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Db, ReadDb } from './db/client.ts';
import type { Config } from './config.ts';
import { handleClientError, handleError, handleNotFound } from './http/problem.ts';
import { registerAuth } from './http/auth.ts';
import { registerApiConventions } from './http/conventions.ts';
import { registerProblemTypeRoutes } from './http/problemTypes.ts';
import { OPENAPI_BASE, registerContractHooks, transformDocument, transformRoute } from './http/openapi.ts';
import { registerInputGuards } from './http/input.ts';
import { strictSerializerCompiler } from './http/strictResponses.ts';
import { registerRegionRoutes } from './modules/regions/routes.ts';
import { registerElectionRoutes } from './modules/elections/routes.ts';
import { registerAccountRoutes } from './modules/accounts/routes.ts';
import { createSetupLink, type SetupLink } from './modules/accounts/setup.ts';
import { registerHealthRoutes } from './modules/health/routes.ts';
import { registerCaseRoutes } from './modules/cases/routes.ts';
import { registerCaseImportRoutes } from './modules/cases/importRoutes.ts';
import { registerCalendarRoutes } from './modules/calendar/routes.ts';
import { registerReferralRoutes } from './modules/referrals/routes.ts';
import { registerEvidenceRoutes } from './modules/evidence/routes.ts';
import { registerDocumentRoutes } from './modules/documents/routes.ts';
import { registerRiskRoutes } from './modules/risk/routes.ts';
import { registerPledgeRoutes } from './modules/pledges/routes.ts';
import { registerStatsRoutes } from './modules/stats/routes.ts';
import { createReplayCache, type ReplayCache } from './http/replay.ts';
import { registerOpenDataRoutes } from './modules/opendata/routes.ts';
import { registerGuideRoutes } from './modules/guide/routes.ts';
import { registerLeadRoutes } from './modules/leads/routes.ts';
import { registerGeoRoutes } from './modules/geo/routes.ts';
import { registerAuditRoutes } from './modules/audit/routes.ts';
import type { Vault } from './platform/vault.ts';
import { sealLegacyWitnesses } from './modules/cases/witnesses.ts';
import { sealPlaintextTotpSecrets } from './modules/accounts/service.ts';

import { readStatsFrom } from './modules/stats/service.ts';
import type { EvidenceStore } from './platform/storage.ts';
import { caseDepsOf, createContext, type AppContext } from './context.ts';

export const webDistDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

export interface AppDeps {
  db: Db;
  /**
   * Read-only work (public dashboard, open data, region profiles, risk, analysts' queue): a
   * streaming replica when DATABASE_REPLICA_URL is set, otherwise (and always on PGlite) `db`.
   */
  readDb?: ReadDb;
  config: Config;
  vault?: Vault;
  evidence?: EvidenceStore;
  /** Tests pass a controlled clock; production reads the real one. */
  now?: () => Date;
  /** The first-admin setup link (startNetra issues its token when no admin exists). */
  setup?: SetupLink;
  /** Where log lines go (default stdout); tests capture them to check what is logged. */
  logStream?: NodeJS.WritableStream;
  /** Tests: a response field its contract does not declare is a 500, not silently dropped (http/strictResponses.ts). */
  strictResponses?: boolean;
}

/**
 * Fastify's own numeric trustProxy trusts nothing (it cannot tell the proxy from a direct client),
 * so a hop count is a function: the nearest `hops` addresses are proxies. An address list is safer
 * (a client that bypasses the proxy cannot pick its address) and is handed over as is.
 */
export function trustProxyOption(trust: Config['trustProxy']): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}

/** The app over a context built elsewhere (main.ts shares one with the worker), or one built from `deps`. */
export async function buildApp(deps: AppDeps, shared?: AppContext): Promise<FastifyInstance> {
  const ctx =
    shared ??
    createContext({ db: deps.db, config: deps.config, readDb: deps.readDb, vault: deps.vault, evidence: deps.evidence, clock: deps.now });
  readStatsFrom(ctx.db, ctx.readDb);
  // Witness rows from before migration 0014 (or an old backup) are sealed before anything serves them.
  await sealLegacyWitnesses(ctx.db, ctx.vault);
  const app = createFastify(deps, ctx.config);
  // First onRequest hook: replayed public answers skip the ones below (helmet, cookies, auth).
  const replay = createReplayCache(app);
  await registerPlugins(app);
  await sealPlaintextTotpSecrets(ctx.db, ctx.vault);
  registerModuleRoutes(app, ctx, deps, replay);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await serveWebApp(app);
  return app;
}

/** Fastify with its logger, limits, proxy trust, compilers and problem+json error handling. */
function createFastify(deps: AppDeps, config: Config): FastifyInstance {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            // Reporter identity must never reach the logs: bodies are not logged, and these paths are redacted.
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
            ...(deps.logStream ? { stream: deps.logStream } : {}),
          },
    bodyLimit: 2 * 1024 * 1024,
    // Off unless NETRA_TRUST_PROXY names the proxies: otherwise anyone could choose their own
    // address (defeating per-address limits, forging log lines) with X-Forwarded-For.
    trustProxy: trustProxyOption(config.trustProxy),
    // Router-level rejections (malformed percent-encoding, over-long path parameters) answer
    // problem+json like every other error instead of Fastify's default JSON.
    frameworkErrors: (error, request, reply) => handleError(error, request, reply),
    clientErrorHandler: handleClientError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(deps.strictResponses ? strictSerializerCompiler : serializerCompiler);
  app.setErrorHandler(handleError);
  registerInputGuards(app);
  return app;
}

/** Security headers, cookies, rate limits, OpenAPI and the API conventions, before any route. */
async function registerPlugins(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  // Per-route limits only (global: false): intake and look-ups set their own, keyed so that one
  // carrier-grade NAT address is not punished for everyone behind it.
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: OPENAPI_BASE,
    transform: transformRoute,
    transformObject: transformDocument,
  });
  // Before any route: problem responses, operationIds and `security` for every API route.
  registerContractHooks(app);
  registerApiConventions(app);
}

/** Auth, then each module's routes (their order is the OpenAPI document's order). */
function registerModuleRoutes(app: FastifyInstance, ctx: AppContext, deps: AppDeps, replay: ReplayCache): void {
  const { db, readDb, config, vault } = ctx;
  const now = ctx.clock;
  const caseDeps = caseDepsOf(ctx);
  registerAuth(app, db, config);
  registerHealthRoutes(app, db, readDb, replay);
  registerRegionRoutes(app, db);
  registerElectionRoutes(app, db);
  registerAccountRoutes(app, { db, config, vault, setup: deps.setup ?? createSetupLink(), now });
  registerCaseRoutes(app, caseDeps);
  registerCaseImportRoutes(app, caseDeps);
  registerCalendarRoutes(app, db);
  registerReferralRoutes(app, caseDeps);
  registerEvidenceRoutes(app, caseDeps);
  registerDocumentRoutes(app, caseDeps);
  registerRiskRoutes(app, { db, readDb, config, now });
  registerPledgeRoutes(app, { db, config, now });
  registerStatsRoutes(app, { db, readDb, config, now, replay });
  registerOpenDataRoutes(app, { db, readDb, config, now, vault });
  registerGuideRoutes(app, { db, config });
  registerLeadRoutes(app, caseDeps);
  registerGeoRoutes(app);
  registerAuditRoutes(app, { db, vault });
  registerProblemTypeRoutes(app);
}

/** The built web app (dist/web) with an SPA fallback; without it, every unknown path is a 404 problem. */
async function serveWebApp(app: FastifyInstance): Promise<void> {
  if (existsSync(webDistDir)) {
    await app.register(fastifyStatic, { root: webDistDir, prefix: '/', wildcard: false, index: ['index.html'] });
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
      return handleNotFound(request, reply);
    });
  } else {
    app.setNotFoundHandler(handleNotFound);
  }
}
