// The media-monitoring jobs, merged into the registry (src/server/context.ts).
import { z } from 'zod';
import { defineJob, type JobRegistry } from '../../jobs/worker.ts';
import { pollDueFeeds, fetchFeed } from './polling.ts';
import { processArticle } from './process.ts';
import { runImport } from './intake.ts';
import type { LeadJobDeps } from './deps.ts';

export function leadJobs(deps: LeadJobDeps): JobRegistry {
  return {
    // Every minute: one fetch job per feed whose next_poll_at has come.
    'leads.poll_feeds': defineJob({
      payload: z.object({}).passthrough(),
      everyMs: 60_000,
      handler: async (_payload, ctx) => pollDueFeeds(ctx.db, ctx.now),
    }),
    'leads.fetch_feed': defineJob({
      payload: z.object({ sourceId: z.string(), manual: z.boolean().optional() }),
      handler: async (payload, ctx) => fetchFeed({ ...deps, db: ctx.db }, payload.sourceId, ctx.now, ctx.progress),
    }),
    'leads.process_article': defineJob({
      payload: z.object({ articleId: z.string() }),
      handler: async (payload, ctx) => processArticle({ ...deps, db: ctx.db }, payload.articleId, ctx.now),
    }),
    'leads.import': defineJob({
      payload: z.object({ sourceId: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), format: z.enum(['jsonl', 'csv']) }),
      handler: async (payload, ctx) => runImport({ ...deps, db: ctx.db }, payload, ctx.now, ctx.progress),
    }),
  };
}
