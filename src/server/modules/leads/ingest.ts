// Every ingestion path ends here: the raw bytes go to the evidence store (content-addressed), the
// article row is inserted once per (source, external id), and `leads.process_article` is queued
// in the same transaction.
import { randomUUID } from 'node:crypto';
import type { Queryable, Tx } from '../../db/client.ts';
import { sha256Hex, type EvidenceStore } from '../../platform/storage.ts';
import { enqueueJob } from '../../jobs/queue.ts';
import { articleIdByExternalId, insertArticleOnce } from './repository/articles.ts';

export interface IncomingArticle {
  /** Identity within the source (feed guid, import id); defaults to the URL, then the text's hash. */
  externalId?: string | null;
  url: string | null;
  title: string | null;
  raw: Buffer;
  contentType: string;
  publishedAt: string | null;
}

export const processJobKey = (articleId: string) => `leads.process_article:${articleId}`;

export const externalIdOf = (item: IncomingArticle) =>
  (item.externalId?.trim() || item.url || `sha256:${sha256Hex(item.raw)}`).slice(0, 500);

export async function articleExists(db: Queryable, sourceId: string, externalId: string): Promise<string | null> {
  return articleIdByExternalId(db, sourceId, externalId);
}

/** Archives the raw bytes; call before the transaction that records the article. */
export async function archiveRaw(store: EvidenceStore, item: IncomingArticle): Promise<string> {
  return store.put(item.raw);
}

/** Inserts the article (once) and queues its processing. Returns the id and whether it is new. */
export async function recordArticle(
  tx: Tx,
  sourceId: string,
  item: IncomingArticle,
  rawSha256: string,
  now: Date,
): Promise<{ articleId: string; created: boolean; jobId: number | null }> {
  const externalId = externalIdOf(item);
  const id = randomUUID();
  const created = await insertArticleOnce(
    tx,
    {
      id,
      sourceId,
      externalId,
      url: item.url,
      title: item.title?.slice(0, 1000) ?? null,
      rawSha256,
      contentType: item.contentType.slice(0, 200),
      publishedAt: item.publishedAt,
    },
    now,
  );
  if (!created) {
    return { articleId: (await articleExists(tx, sourceId, externalId))!, created: false, jobId: null };
  }
  const jobId = await enqueueJob(tx, 'leads.process_article', { articleId: id }, { dedupeKey: processJobKey(id), runAfter: now });
  return { articleId: id, created: true, jobId };
}

/** Archive + record in one call (its own transaction). */
export async function ingestArticle(
  deps: { db: { transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> }; evidence: EvidenceStore },
  sourceId: string,
  item: IncomingArticle,
  now: Date,
) {
  const sha = await archiveRaw(deps.evidence, item);
  return deps.db.transaction((tx) => recordArticle(tx, sourceId, item, sha, now));
}
