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
  /** A response field its contract does not declare is a 500 (default: on; NETRA_TEST_STRICT_RESPONSES=0 turns it off). */
  strictResponses?: boolean;
}

export async function buildTestApp(db: Db, options: TestAppOptions = {}): Promise<FastifyInstance> {
  const dataDir = mkdtempSync(join(tmpdir(), 'netra-test-'));
  const env: Record<string, string> = { NETRA_LOG_LEVEL: 'silent', NETRA_REQUIRE_TOTP: options.requireTotp ?? 'off' };
  if (options.trustProxy !== undefined) env.NETRA_TRUST_PROXY = options.trustProxy;
  if (options.publicUrl !== undefined) env.NETRA_PUBLIC_URL = options.publicUrl;
  const config = loadConfig(env as NodeJS.ProcessEnv, { dataDir });
  const vault = createVault(randomBytes(32));
  const app = await buildApp({
    db,
    config,
    vault,
    now: options.now,
    setup: options.setup,
    evidence: options.evidence,
    strictResponses: options.strictResponses ?? process.env.NETRA_TEST_STRICT_RESPONSES !== '0',
  });
  vaults.set(app, vault);
  return app;
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

export async function signIn(
  app: FastifyInstance,
  username: string,
  password: string,
  totp?: string,
  options: { remoteAddress?: string } = {},
): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: options.remoteAddress,
    payload: { username, password, ...(totp ? { totp } : {}) },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = response.json().csrfToken as string;
  return {
    cookie,
    csrf,
    request: (options) => app.inject({ ...options, headers: { ...(options.headers ?? {}), cookie, 'x-csrf-token': csrf } }),
  };
}
