// In-process HTTP against the real app (Fastify inject), with cookie + CSRF handling for staff.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/server/app.ts';
import { createVault, type Vault } from '../../src/server/platform/vault.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Db } from '../../src/server/db/client.ts';
import { createUser, type CreateUserInput } from '../../src/server/modules/accounts/service.ts';
import type { SetupLink } from '../../src/server/modules/accounts/setup.ts';
import type { EvidenceStore } from '../../src/server/platform/storage.ts';

export interface TestAppOptions {
  now?: () => Date;
  /** NETRA_REQUIRE_TOTP; 'off' here for tests about other concerns (production default: 'staff'). */
  requireTotp?: 'staff' | 'admin' | 'off';
  /** NETRA_TRUST_PROXY (unset = off, as in production). */
  trustProxy?: string;
  /** NETRA_PUBLIC_URL. */
  publicUrl?: string;
  setup?: SetupLink;
  /** The evidence store (default: the local store in a temporary data dir). */
  evidence?: EvidenceStore;
}

export async function buildTestApp(db: Db, options: TestAppOptions = {}): Promise<FastifyInstance> {
  const dataDir = mkdtempSync(join(tmpdir(), 'netra-test-'));
  const env: Record<string, string> = { NETRA_LOG_LEVEL: 'silent', NETRA_REQUIRE_TOTP: options.requireTotp ?? 'off' };
  if (options.trustProxy !== undefined) env.NETRA_TRUST_PROXY = options.trustProxy;
  if (options.publicUrl !== undefined) env.NETRA_PUBLIC_URL = options.publicUrl;
  const config = loadConfig(env as NodeJS.ProcessEnv, { dataDir });
  const vault = createVault(randomBytes(32));
  const app = await buildApp({ db, config, vault, now: options.now, setup: options.setup, evidence: options.evidence });
  if (process.env.NETRA_CHECK_CONTRACT_DROPS === '1') watchContractDrops(app);
  vaults.set(app, vault);
  return app;
}

/** Paths present in `raw` but absent from `sent` (object keys only; arrays compared item by item). */
function droppedPaths(raw: unknown, sent: unknown, at = ''): string[] {
  if (Array.isArray(raw) && Array.isArray(sent)) return raw.flatMap((item, i) => droppedPaths(item, sent[i], `${at}[${i}]`)).slice(0, 20);
  if (!raw || typeof raw !== 'object' || !sent || typeof sent !== 'object') return [];
  return Object.entries(raw as Record<string, unknown>).flatMap(([key, value]) => (key in (sent as object)
    ? droppedPaths(value, (sent as Record<string, unknown>)[key], `${at}.${key}`) : [`${at}.${key}`]));
}

/**
 * NETRA_CHECK_CONTRACT_DROPS=1: a response schema (z.object) silently strips fields a handler
 * returns but the contract does not name; this turns such a drop into a 500 naming the fields,
 * so a contract that forgets a field fails the area's tests instead of hiding data from clients.
 */
function watchContractDrops(app: FastifyInstance) {
  const raw = new WeakMap<object, unknown>();
  app.addHook('preSerialization', async (request, _reply, payload) => {
    raw.set(request, JSON.parse(JSON.stringify(payload ?? null)));
    return payload;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (!raw.has(request) || typeof payload !== 'string' || !payload || !String(reply.getHeader('content-type') ?? '').includes('json')) return payload;
    let sent: unknown;
    try { sent = JSON.parse(payload); } catch { return payload; }
    const dropped = droppedPaths(raw.get(request), sent);
    if (dropped.length) throw new Error(`contract drops ${request.method} ${request.routeOptions.url}: ${dropped.join(', ')}`);
    return payload;
  });
}

const vaults = new WeakMap<FastifyInstance, Vault>();
/** The vault a test app was built with (to decrypt what it sealed). */
export const testVault = (app: FastifyInstance): Vault => vaults.get(app)!;

let userCounter = 0;

/** Inserts a real user row (the factory) and returns its credentials. */
export async function buildUser(db: Db, input: Partial<CreateUserInput> & Pick<CreateUserInput, 'role'>) {
  const username = input.username ?? `${input.role}_${process.pid}_${++userCounter}`;
  const password = input.password ?? 'kata-sandi-rahasia-123';
  const user = await createUser(db, { ...input, username, password }, null);
  return { user, username, password };
}

export interface Session {
  cookie: string;
  csrf: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, username: string, password: string, totp?: string, options: { remoteAddress?: string } = {}): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: options.remoteAddress, payload: { username, password, ...(totp ? { totp } : {}) } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = response.json().csrfToken as string;
  return {
    cookie,
    csrf,
    request: (options) => app.inject({ ...options, headers: { ...(options.headers ?? {}), cookie, 'x-csrf-token': csrf } }),
  };
}
