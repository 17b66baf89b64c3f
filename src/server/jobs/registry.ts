// Job names → payload schema + handler. Everything that sends mail, renders, ingests or
// recomputes goes through here.
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { publicBaseUrl, type Config } from '../config.ts';
import { defineJob, type JobRegistry } from './worker.ts';
import { runEscalations } from '../modules/referrals/index.ts';
import { handOverKasnReferrals, KASN_HANDOVER_AT } from '../modules/referrals/index.ts';
import { SYSTEM_ACTOR } from '../modules/audit/index.ts';
import { join } from 'node:path';
import { createMailer, type Mailer } from '../platform/mailer.ts';
import { noticeJobs } from '../modules/notices/index.ts';
import type { Vault } from '../platform/vault.ts';
import { suggestLinksForCase } from '../modules/cases/index.ts';
import { leadJobs } from '../modules/leads/index.ts';
import { createConfiguredEvidenceStore } from '../platform/evidenceStore.ts';
import type { EvidenceStore } from '../platform/storage.ts';
import { expireUnclaimedUploads } from '../modules/evidence/index.ts';
import { auditCheckpointJobs } from '../modules/audit/index.ts';

export interface JobDeps {
  db: Db;
  config: Config;
  vault: Vault;
  /** The app's store when it has one (tests); otherwise the configured one. */
  evidence?: EvidenceStore;
  /** Defaults to NETRA_SMTP_URL's relay, or the .eml drop folder <data dir>/outbox. */
  mailer?: Mailer;
}

/** The sender of notices: NETRA_MAIL_FROM, else noreply at the public host. */
export function mailFromOf(config: Config): string {
  return config.mailFrom ?? `Netra <noreply@${new URL(publicBaseUrl(config)).hostname.replace(/^localhost$/, 'netra.local')}>`;
}

export function buildJobRegistry(deps: JobDeps): JobRegistry {
  const evidence = deps.evidence ?? createConfiguredEvidenceStore(deps.config);
  return {
    ...auditCheckpointJobs({ vault: deps.vault }),
    ...noticeJobs({
      vault: deps.vault,
      from: mailFromOf(deps.config),
      publicUrl: publicBaseUrl(deps.config),
      mailer: deps.mailer ?? createMailer({ smtpUrl: deps.config.smtpUrl, outbox: join(deps.config.dataDir, 'outbox') }),
    }),
    ...leadJobs({ db: deps.db, evidence }),
    // Uploads that no report claimed within the policy period are deleted with their files.
    'evidence.expire_unclaimed': defineJob({
      payload: z.object({}).passthrough(),
      everyMs: 60 * 60_000,
      handler: async (_payload, ctx) => ({ ...(await expireUnclaimedUploads({ db: ctx.db, evidence }, ctx.now)) }),
    }),
    'cases.suggest_links': defineJob({
      payload: z.object({ caseId: z.string() }),
      handler: async (payload, ctx) => ({ suggested: await suggestLinksForCase(ctx.db, payload.caseId) }),
    }),
    // Overdue BKN/PPK/Gakkumdu steps notify BKN and the forwarding Bawaslu office.
    'referrals.escalate': defineJob({
      payload: z.object({}).passthrough(),
      everyMs: 15 * 60_000,
      handler: async (_payload, ctx) => ({ result: await runEscalations(ctx.db, ctx.now) }),
    }),
    // KASN referrals still open (or entered late with an effectiveAt before 25 Aug 2024) go to BKN.
    'referrals.kasn_handover': defineJob({
      payload: z.object({}).passthrough(),
      everyMs: 60 * 60_000,
      handler: async (_payload, ctx) =>
        ctx.now < KASN_HANDOVER_AT
          ? { handedOver: 0 }
          : { handedOver: (await handOverKasnReferrals(ctx.db, SYSTEM_ACTOR, ctx.now)).handedOver },
    }),
  };
}
