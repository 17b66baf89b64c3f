// Feed polling as jobs. `leads.poll_feeds` (periodic) queues one `leads.fetch_feed` per due source;
// a fetch sends If-None-Match / If-Modified-Since, honours 304, and on failure backs off
// exponentially through `next_poll_at` (the source's own retry schedule, so a broken feed is not
// hammered by the queue's retries as well). Teaser items get their article page fetched.
import type { Db } from '../../db/client.ts';
import { enqueueJob } from '../../jobs/queue.ts';
import { countWords, FULL_TEXT_MIN_WORDS, parseFeed, type FeedItem } from '../../../domain/leads/feeds.ts';
import { decodeBody, FEED_MAX_BYTES, mayFetchArticleLink, PAGE_MAX_BYTES, politeFetch } from './fetcher.ts';
import { archiveRaw, articleExists, externalIdOf, recordArticle, type IncomingArticle } from './ingest.ts';
import type { LeadJobDeps } from './deps.ts';
import {
  recordNotModified,
  recordPollFailure,
  recordPollSuccess,
  selectDueFeeds,
  selectSource,
  type LeadSourceRow,
} from './repository/sources.ts';

/** Longest wait after repeated failures. */
export const MAX_BACKOFF_MINUTES = 24 * 60;
/** Article pages fetched per poll at most (politeness towards one outlet). */
export const MAX_PAGES_PER_POLL = 30;

export function nextPollAfterFailure(now: Date, pollMinutes: number, failures: number): Date {
  const minutes = Math.min(MAX_BACKOFF_MINUTES, pollMinutes * 2 ** Math.min(failures, 12));
  return new Date(now.getTime() + minutes * 60_000);
}

export const fetchJobKey = (source: Pick<LeadSourceRow, 'id' | 'next_poll_at'>) =>
  `leads.fetch_feed:${source.id}:${source.next_poll_at ? new Date(source.next_poll_at).toISOString() : 'first'}`;

export async function pollDueFeeds(db: Db, now: Date) {
  const due = await selectDueFeeds(db, now);
  let enqueued = 0;
  for (const source of due) {
    // The key names the due time, so one fetch per due slot however many pollers run.
    if (
      await db.transaction((tx) =>
        enqueueJob(tx, 'leads.fetch_feed', { sourceId: source.id }, { dedupeKey: fetchJobKey(source), maxAttempts: 1, runAfter: now }),
      )
    )
      enqueued++;
  }
  return { due: due.length, enqueued };
}

interface Progress {
  (progress: Record<string, unknown>): Promise<void>;
}

async function itemArticle(
  deps: LeadJobDeps,
  source: LeadSourceRow,
  item: FeedItem,
  pageBudget: { left: number },
): Promise<IncomingArticle> {
  const base = { externalId: item.id, url: item.link, title: item.title, publishedAt: item.publishedAt };
  if (countWords(item.content) >= FULL_TEXT_MIN_WORDS) {
    return { ...base, raw: Buffer.from(item.content!, 'utf8'), contentType: 'text/html; charset=utf-8' };
  }
  if (item.link && pageBudget.left > 0 && mayFetchArticleLink(item.link, source.url!)) {
    pageBudget.left--;
    try {
      const page = await politeFetch(item.link, {
        maxBytes: PAGE_MAX_BYTES,
        accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
        guard: deps.fetchGuard,
      });
      if (page.status === 200 && /html|text\/plain/i.test(page.contentType))
        return { ...base, raw: page.body, contentType: page.contentType };
    } catch {
      // The page is unreachable or too large: keep the feed's own text below.
    }
  }
  const fallback = [item.content, item.summary].filter(Boolean).join('\n\n') || item.title || '';
  return { ...base, raw: Buffer.from(fallback, 'utf8'), contentType: 'text/html; charset=utf-8' };
}

/** Fetches the feed with its validators; records 304s and failures (with back-off) on the source. */
async function fetchItems(deps: LeadJobDeps, source: LeadSourceRow, now: Date) {
  const nextPollAt = new Date(now.getTime() + source.poll_minutes * 60_000);
  try {
    const response = await politeFetch(source.url!, {
      etag: source.etag,
      lastModified: source.last_modified,
      maxBytes: FEED_MAX_BYTES,
      guard: deps.fetchGuard,
      accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    });
    if (response.status === 304) {
      await recordNotModified(deps.db, source.id, now, nextPollAt);
      return { outcome: { notModified: true } } as const;
    }
    return { response, items: parseFeed(decodeBody(response.body, response.contentType)).items };
  } catch (error) {
    const failures = source.failures + 1;
    const message = (error as Error).message.slice(0, 1000);
    await recordPollFailure(deps.db, source.id, {
      now,
      nextPollAt: nextPollAfterFailure(now, source.poll_minutes, failures),
      failures,
      message,
    });
    return { outcome: { error: message, failures } } as const;
  }
}

export async function fetchFeed(deps: LeadJobDeps, sourceId: string, now: Date, progress: Progress) {
  const source = await selectSource(deps.db, sourceId);
  if (!source || !source.enabled || !source.url) return { skipped: source ? 'disabled' : 'not found' };
  const fetched = await fetchItems(deps, source, now);
  if ('outcome' in fetched) return fetched.outcome;
  const { response, items } = fetched;
  const pageBudget = { left: MAX_PAGES_PER_POLL };
  let created = 0;
  let known = 0;
  for (const [index, item] of items.entries()) {
    // Known items are skipped before any page fetch, so feeds without ETag stay cheap to poll.
    if (
      await articleExists(
        deps.db,
        source.id,
        externalIdOf({ ...item, externalId: item.id, url: item.link, raw: Buffer.alloc(0), contentType: '', title: item.title }),
      )
    ) {
      known++;
    } else {
      const article = await itemArticle(deps, source, item, pageBudget);
      const sha = await archiveRaw(deps.evidence, article);
      const result = await deps.db.transaction((tx) => recordArticle(tx, source.id, article, sha, now));
      if (result.created) created++;
      else known++;
    }
    await progress({ items: items.length, done: index + 1, created, known });
  }
  await recordPollSuccess(deps.db, source.id, {
    etag: response.etag,
    lastModified: response.lastModified,
    now,
    nextPollAt: new Date(now.getTime() + source.poll_minutes * 60_000),
  });
  return { items: items.length, created, known };
}
