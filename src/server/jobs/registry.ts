// Job names → payload schema + handler. Everything that sends mail, renders, ingests or
// recomputes goes through here.
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { Config } from '../config.ts';
import { defineJob, type JobRegistry } from './worker.ts';
import { runEscalations } from '../modules/referrals/index.ts';
import { handOverKasnReferrals, KASN_HANDOVER_AT } from '../modules/referrals/index.ts';
import { SYSTEM_ACTOR } from '../modules/audit/index.ts';
import { join } from 'node:path';
import { deliverQueuedNoticeEmails } from '../platform/mailer.ts';
import type { Vault } from '../platform/vault.ts';
import { suggestLinksForCase } from '../modules/cases/index.ts';
import { leadJobs } from '../modules/leads/index.ts';
import { createDiskEvidenceStore } from '../platform/storage.ts';
import { auditCheckpointJobs } from '../modules/audit/index.ts';

export interface JobDeps {
  db: Db;
  config: Config;
  vault: Vault;
}

export function buildJobRegistry(deps: JobDeps): JobRegistry {
  return {
    ...auditCheckpointJobs({ vault: deps.vault }),
    ...leadJobs({ db: deps.db, evidence: createDiskEvidenceStore(join(deps.config.dataDir, 'evidence')) }),
    'cases.suggest_links': defineJob({
      payload: z.object({ caseId: z.string() }),
      handler: async (payload, ctx) => ({ suggested: await suggestLinksForCase(ctx.db, payload.caseId) }),
    }),
    'notices.email': defineJob({
      payload: z.object({}).passthrough(),
      everyMs: 60_000,
      handler: async (_payload, ctx) => deliverQueuedNoticeEmails(ctx.db, deps.vault, join(deps.config.dataDir, 'outbox'), ctx.now),
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
      handler: async (_payload, ctx) => (ctx.now < KASN_HANDOVER_AT ? { handedOver: 0 } : { handedOver: (await handOverKasnReferrals(ctx.db, SYSTEM_ACTOR, ctx.now)).handedOver }),
    }),
  };
}
