// The composition root. What a running Netra shares — database (and read replica), clock, identity
// vault, evidence store, mailer, configuration, log — is built here once, by `createContext`, and
// handed to the HTTP app (app.ts) and the job worker (`createJobRegistry`). Modules never build
// their own clients: each receives the parts it uses (`caseDeps`, `leadJobs(…)` below).
import { join } from 'node:path';
import { z } from 'zod';
import type { Db, ReadDb } from './db/client.ts';
import { publicBaseUrl, type Config } from './config.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { loadVault, type Vault } from './platform/vault.ts';
import type { EvidenceStore } from './platform/storage.ts';
import { createConfiguredEvidenceStore } from './platform/evidenceStore.ts';
import { createMailer, type Mailer } from './platform/mailer.ts';
import { defineJob, type JobRegistry } from './jobs/worker.ts';
import { runEscalations, handOverKasnReferrals, KASN_HANDOVER_AT } from './modules/referrals/index.ts';
import { SYSTEM_ACTOR, auditCheckpointJobs } from './modules/audit/index.ts';
import { noticeJobs } from './modules/notices/index.ts';
import { suggestLinksForCase, type CaseDeps } from './modules/cases/index.ts';
import { leadJobs, type FetchGuard } from './modules/leads/index.ts';
import { expireUnclaimedUploads } from './modules/evidence/index.ts';

/** Where operational messages go (start-up banner, worker failures); console unless a test captures them. */
export type Log = Pick<Console, 'info' | 'warn' | 'error'>;

export interface AppContext {
  db: Db;
  /** Read-only work (public dashboard, open data, region profiles, risk, analysts' queue): the replica, else `db`. */
  readDb: ReadDb;
  clock: Clock;
  vault: Vault;
  evidence: EvidenceStore;
  mailer: Mailer;
  config: Config;
  log: Log;
}

/** What a caller already has (a test's vault, a controlled clock); the rest is built from `config`. */
export type ContextParts = Pick<AppContext, 'db' | 'config'> & Partial<Omit<AppContext, 'db' | 'config'>>;

export function createContext(parts: ContextParts): AppContext {
  const { db, config } = parts;
  return {
    db,
    config,
    readDb: parts.readDb ?? db,
    clock: parts.clock ?? systemClock,
    vault: parts.vault ?? loadVault({ key: config.identityKey, dataDir: config.dataDir }),
    evidence: parts.evidence ?? createConfiguredEvidenceStore(config),
    // NETRA_SMTP_URL's relay, or the .eml drop folder <data dir>/outbox.
    mailer: parts.mailer ?? createMailer({ smtpUrl: config.smtpUrl, outbox: join(config.dataDir, 'outbox') }),
    log: parts.log ?? console,
  };
}

/** What the case, referral, evidence, document and lead HTTP modules use. */
export function caseDepsOf(ctx: AppContext): CaseDeps {
  return {
    db: ctx.db,
    readDb: ctx.readDb,
    vault: ctx.vault,
    evidence: ctx.evidence,
    now: ctx.clock,
    intakePerMinute: ctx.config.intakePerMinute,
    informasiPerMinute: ctx.config.informasiPerMinute,
  };
}

/** The sender of notices: NETRA_MAIL_FROM, else noreply at the public host. */
export function mailFromOf(config: Config): string {
  return config.mailFrom ?? `Netra <noreply@${new URL(publicBaseUrl(config)).hostname.replace(/^localhost$/, 'netra.local')}>`;
}

/**
 * Job names → payload schema + handler: everything that sends mail, renders, ingests or recomputes.
 * `fetchGuard` lets a test fetch feeds from its own local server (production passes none).
 */
export function createJobRegistry(ctx: AppContext, options: { fetchGuard?: FetchGuard } = {}): JobRegistry {
  const { config, vault, evidence } = ctx;
  return {
    ...auditCheckpointJobs({ vault }),
    ...noticeJobs({ vault, from: mailFromOf(config), publicUrl: publicBaseUrl(config), mailer: ctx.mailer }),
    ...leadJobs({ db: ctx.db, evidence, fetchGuard: options.fetchGuard }),
    // Uploads that no report claimed within the policy period are deleted with their files.
    'evidence.expire_unclaimed': defineJob({
      payload: z.object({}).passthrough(),
      everyMs: 60 * 60_000,
      handler: async (_payload, job) => ({ ...(await expireUnclaimedUploads({ db: job.db, evidence }, job.now)) }),
    }),
    'cases.suggest_links': defineJob({
      payload: z.object({ caseId: z.string() }),
      handler: async (payload, job) => ({ suggested: await suggestLinksForCase(job.db, payload.caseId) }),
    }),
    // Overdue BKN/PPK/Gakkumdu steps notify BKN and the forwarding Bawaslu office.
    'referrals.escalate': defineJob({
      payload: z.object({}).passthrough(),
      everyMs: 15 * 60_000,
      handler: async (_payload, job) => ({ result: await runEscalations(job.db, job.now) }),
    }),
    // KASN referrals still open (or entered late with an effectiveAt before 25 Aug 2024) go to BKN.
    'referrals.kasn_handover': defineJob({
      payload: z.object({}).passthrough(),
      everyMs: 60 * 60_000,
      handler: async (_payload, job) =>
        job.now < KASN_HANDOVER_AT
          ? { handedOver: 0 }
          : { handedOver: (await handOverKasnReferrals(job.db, SYSTEM_ACTOR, job.now)).handedOver },
    }),
  };
}
