// `leads.process_article`: archived bytes → cleaned text (+ its SHA-256, also archived) → triage
// verdict with highlight spans → near-duplicate signature → cluster → lead. Idempotent: a rerun
// updates the verdict and keeps the lead's state and the article's cluster.
import { randomUUID } from 'node:crypto';
import { triageArticle, DEFAULT_TRIAGE_OPTIONS } from '../../../domain/triage/index.ts';
import { cleanArticle } from '../../../domain/triage/clean.ts';
import { computeHighlights } from '../../../domain/leads/highlights.ts';
import { bestSameStory, lshBands, minhashSignature } from '../../../domain/leads/nearDuplicates.ts';
import type { Tx } from '../../db/client.ts';
import { decodeBody } from './fetcher.ts';
import { leadGazetteer, type LeadJobDeps } from './deps.ts';
import {
  insertSuggestedCluster,
  lockClustering,
  markClusterSuggested,
  selectArticleToProcess,
  selectClusterCandidates,
  setArticleCluster,
  storeProcessedText,
  upsertLead,
  type ArticleToProcess,
  type LeadVerdict,
  type ProcessedText,
} from './repository/articles.ts';

/** Copies of a story are looked for among articles of the last 14 days. */
export const CLUSTER_WINDOW_DAYS = 14;

/** Triage verdict, cleaned text and near-duplicate signature of one article (no database). */
async function analyse(deps: LeadJobDeps, article: ArticleToProcess) {
  const gazetteer = leadGazetteer(deps);
  const raw = decodeBody(await deps.evidence.get(article.raw_sha256), article.raw_content_type);
  const result = triageArticle({ id: article.id, text: raw, title: article.title, url: article.url }, gazetteer);
  // The same cleaning and cuts the triage applied, so highlight offsets point into the stored text.
  const limit = DEFAULT_TRIAGE_OPTIONS.maxChars;
  const cleaned = cleanArticle(raw.length > limit * 4 ? raw.slice(0, limit * 4) : raw, article.title);
  const text = cleaned.text.length > limit ? cleaned.text.slice(0, limit) : cleaned.text;
  const textSha = await deps.evidence.put(Buffer.from(text, 'utf8'));
  const highlights = computeHighlights(text, cleaned.bodyStart, cleaned.dateline, result, gazetteer);
  const signature = minhashSignature(text.slice(cleaned.bodyStart));
  const processed: ProcessedText = {
    text,
    textSha256: textSha,
    language: result.language,
    minhash: signature,
    bands: lshBands(signature),
    title: article.title ?? cleaned.title,
  };
  const verdict: LeadVerdict = {
    score: result.score,
    relevant: result.relevant,
    kind: result.kind,
    regionsJson: JSON.stringify(result.regions),
    actors: result.actors,
    acts: result.acts,
    numbersJson: JSON.stringify(result.numbers),
    date: result.date,
    peopleJson: JSON.stringify(result.people),
    highlightsJson: JSON.stringify(highlights),
    regionCodes: [...new Set(result.regions.map((r) => r.code))],
  };
  return { processed, verdict };
}

/** Joins the cluster of the most similar recent copy, or starts a cluster of its own. */
async function clusterArticle(tx: Tx, article: ArticleToProcess, processed: ProcessedText, now: Date) {
  const since = new Date(now.getTime() - CLUSTER_WINDOW_DAYS * 86_400_000);
  const candidates = await selectClusterCandidates(tx, article.id, processed.bands, since);
  const best = bestSameStory(
    processed.minhash,
    candidates.map((c) => ({ id: c.id, signature: c.minhash.map(Number), clusterId: c.cluster_id })),
  );
  let clusterId: string;
  if (best) {
    clusterId = best.candidate.clusterId!;
    await markClusterSuggested(tx, clusterId, now);
  } else {
    clusterId = randomUUID();
    await insertSuggestedCluster(tx, clusterId, article.id, now);
  }
  await setArticleCluster(tx, article.id, clusterId);
  return { clusterId, jaccard: best ? best.jaccard : null };
}

export async function processArticle(deps: LeadJobDeps, articleId: string, now: Date) {
  const article = await selectArticleToProcess(deps.db, articleId);
  if (!article) return { skipped: 'article not found' };
  const { processed, verdict } = await analyse(deps, article);
  return deps.db.transaction(async (tx) => {
    await lockClustering(tx);
    await storeProcessedText(tx, article.id, processed, now);
    const { clusterId, jaccard } = article.cluster_id
      ? { clusterId: article.cluster_id, jaccard: null }
      : await clusterArticle(tx, article, processed, now);
    const leadId = await upsertLead(tx, randomUUID(), article.id, verdict, now);
    return { leadId, relevant: verdict.relevant, score: verdict.score, clusterId, jaccard, textSha256: processed.textSha256 };
  });
}
