// The only reader of process.env: parsed once with zod, passed explicitly everywhere else.
import { z } from 'zod';
import { resolve } from 'node:path';
import { parseEvidenceUrl, type S3EvidenceLocation } from './platform/storage.ts';

function backupKeyValid(text: string): boolean {
  const t = text.trim();
  return /^[0-9a-f]{64}$/i.test(t) || Buffer.from(t, 'base64').length === 32;
}

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  // Loopback unless the operator opens it up (behind a reverse proxy, or HOST=0.0.0.0).
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  // A streaming replica of DATABASE_URL for read-only work (dashboards, open data, risk, analysts).
  DATABASE_REPLICA_URL: z.string().url().optional(),
  NETRA_DATA_DIR: z.string().default('./data'),
  NETRA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WORKER: z.enum(['on', 'off']).default('on'),
  // 32-byte key (hex or base64) for the reporter-identity vault; generated into the data dir when absent.
  NETRA_IDENTITY_KEY: z.string().optional(),
  // 32-byte key (hex or base64) sealing `netra backup` files; kept apart from the backups themselves.
  NETRA_BACKUP_KEY: z
    .string()
    .optional()
    .refine((v) => v === undefined || backupKeyValid(v), 'must be 32 bytes (64 hex characters or base64)'),
  NETRA_SESSION_HOURS: z.coerce.number().positive().default(12),
  NETRA_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  NETRA_LOAD_VILLAGES: z.enum(['true', 'false']).default('true'),
  // Per-address ceiling on public intake (a flood guard; the real limit is per reporter).
  NETRA_INTAKE_PER_MINUTE: z.coerce.number().int().positive().default(600),
  NODE_ENV: z.string().optional(),
  // Unset: the socket address is the client (X-Forwarded-* ignored). A number: trusted proxy hops.
  // Otherwise a comma-separated list of proxy addresses/CIDRs whose X-Forwarded-* are believed.
  NETRA_TRUST_PROXY: z
    .string()
    .trim()
    .optional()
    .refine(
      (v) => !v || /^\d+$/.test(v) || v.split(',').every((part) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(part.trim())),
      'a hop count (e.g. 1) or a comma-separated list of IP addresses/CIDRs',
    ),
  // Base of every absolute URL printed in documents (pledge certificate QR codes); never the Host header.
  NETRA_PUBLIC_URL: z
    .string()
    .trim()
    .url()
    .refine((v) => /^https?:\/\//.test(v), 'http(s) URL')
    .optional(),
  NETRA_REQUIRE_TOTP: z.enum(['staff', 'admin', 'off']).default('staff'),
  // Per-address ceiling on identity-free informasi; sized for carrier-grade NAT (many phones, one address).
  NETRA_INFORMASI_PER_MINUTE: z.coerce.number().int().positive().default(120),
  // SMTP relay for notices (smtp:// upgrades with STARTTLS when offered, smtps:// is TLS from the
  // first byte). Unset: messages are written as .eml files to <data dir>/outbox.
  NETRA_SMTP_URL: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^smtps?:\/\/[^/?#]+/.test(v), 'an smtp://… or smtps://… URL'),
  NETRA_MAIL_FROM: z.string().trim().min(3).optional(),
  // s3://bucket/prefix?endpoint=…&region=…&forcePathStyle=true: evidence in S3-compatible storage.
  NETRA_EVIDENCE_URL: z.string().trim().optional(),
});

export type TrustProxy = false | number | string[];

function parseTrustProxy(value: string | undefined): TrustProxy {
  if (!value) return false;
  if (/^\d+$/.test(value)) return Number(value) === 0 ? false : Number(value);
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** DATABASE_REPLICA_URL: read-only work goes there (PostgreSQL only; ignored with PGlite). */
  replicaUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<typeof schema>['NETRA_LOG_LEVEL'];
  runWorker: boolean;
  identityKey: string | undefined;
  backupKey: string | undefined;
  sessionHours: number;
  cookieSecure: 'auto' | 'true' | 'false';
  loadVillages: boolean;
  intakePerMinute: number;
  trustProxy: TrustProxy;
  /** From NETRA_PUBLIC_URL; undefined outside production means "http://localhost:<port>" (with a warning at start). */
  publicUrl: string | undefined;
  requireTotp: 'staff' | 'admin' | 'off';
  informasiPerMinute: number;
  /** From NETRA_SMTP_URL; undefined means the .eml drop folder. */
  smtpUrl: string | undefined;
  /** From NETRA_MAIL_FROM; undefined means `Netra <noreply@host of NETRA_PUBLIC_URL>`. */
  mailFrom: string | undefined;
  /** From NETRA_EVIDENCE_URL; undefined keeps evidence under the data dir. */
  evidenceLocation: S3EvidenceLocation | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Konfigurasi tidak valid / invalid configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  // Parsed here so a wrong URL stops the start with a message naming what is wrong.
  const evidenceLocation = e.NETRA_EVIDENCE_URL ? parseEvidenceUrl(e.NETRA_EVIDENCE_URL) : undefined;
  if (e.NODE_ENV === 'production' && !e.NETRA_PUBLIC_URL && !overrides.publicUrl) {
    throw new Error(
      'NETRA_PUBLIC_URL wajib diisi di produksi / is required in production: the public base URL ' +
        '(e.g. https://netra.example.go.id) printed in certificates and documents; it is never taken from the request.',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    replicaUrl: e.DATABASE_REPLICA_URL,
    dataDir: resolve(e.NETRA_DATA_DIR),
    logLevel: e.NETRA_LOG_LEVEL,
    runWorker: e.WORKER === 'on',
    identityKey: e.NETRA_IDENTITY_KEY,
    backupKey: e.NETRA_BACKUP_KEY,
    sessionHours: e.NETRA_SESSION_HOURS,
    cookieSecure: e.NETRA_COOKIE_SECURE,
    loadVillages: e.NETRA_LOAD_VILLAGES === 'true',
    intakePerMinute: e.NETRA_INTAKE_PER_MINUTE,
    trustProxy: parseTrustProxy(e.NETRA_TRUST_PROXY),
    publicUrl: e.NETRA_PUBLIC_URL?.replace(/\/+$/, ''),
    requireTotp: e.NETRA_REQUIRE_TOTP,
    informasiPerMinute: e.NETRA_INFORMASI_PER_MINUTE,
    smtpUrl: e.NETRA_SMTP_URL || undefined,
    mailFrom: e.NETRA_MAIL_FROM || undefined,
    evidenceLocation,
    ...overrides,
  };
}

/** The base for absolute URLs in documents: NETRA_PUBLIC_URL, else this machine (development only). */
export function publicBaseUrl(config: Config, listeningPort?: number): string {
  return config.publicUrl ?? `http://localhost:${listeningPort || config.port}`;
}
