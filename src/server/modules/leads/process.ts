// `leads.process_article`: archived bytes → cleaned text (+ its SHA-256, also archived) → triage
// verdict with highlight spans → near-duplicate signature → cluster → lead. Idempotent: a rerun
// updates the verdict and keeps the lead's state and the article's cluster.
import { randomUUID } from 'node:crypto';
import { triageArticle, DEFAULT_TRIAGE_OPTIONS } from '../../../domain/triage/index.ts';
import { cleanArticle } from '../../../domain/triage/clean.ts';
import { computeHighlights } from '../../../domain/leads/highlights.ts';
import { bestSameStory, lshBands, minhashSignature } from '../../../domain/leads/nearDuplicates.ts';
import { decodeBody } from './fetcher.ts';
import { leadGazetteer, type LeadJobDeps } from './deps.ts';

/** Copies of a story are looked for among articles of the last 14 days. */
export const CLUSTER_WINDOW_DAYS = 14;
const CLUSTER_LOCK = 4_242_010;

interface ArticleRow {
  id: string;
  title: string | null;
  url: string | null;
  raw_sha256: string;
  raw_content_type: string;
  cluster_id: string | null;
  cluster_pinned: boolean;
}

export async function processArticle(deps: LeadJobDeps, articleId: string, now: Date) {
  const found = await deps.db.query<ArticleRow>(
    'SELECT id, title, url, raw_sha256, raw_content_type, cluster_id, cluster_pinned FROM articles WHERE id = $1',
    [articleId],
  );
  const article = found.rows[0];
  if (!article) return { skipped: 'article not found' };
  const gazetteer = leadGazetteer(deps);
  const raw = decodeBody(await deps.evidence.get(article.raw_sha256), article.raw_content_type);
  const result = triageArticle({ id: article.id, text: raw, title: article.title, url: article.url }, gazetteer);
  // The same cleaning and cuts the triage applied, so highlight offsets point into the stored text.
  const limit = DEFAULT_TRIAGE_OPTIONS.maxChars;
  const cleaned = cleanArticle(raw.length > limit * 4 ? raw.slice(0, limit * 4) : raw, article.title);
  const text = cleaned.text.length > limit ? cleaned.text.slice(0, limit) : cleaned.text;
  const textBytes = Buffer.from(text, 'utf8');
  const textSha = await deps.evidence.put(textBytes);
  const highlights = computeHighlights(text, cleaned.bodyStart, cleaned.dateline, result, gazetteer);
  const signature = minhashSignature(text.slice(cleaned.bodyStart));
  const bands = lshBands(signature);
  const regionCodes = [...new Set(result.regions.map((r) => r.code))];
  const title = article.title ?? cleaned.title;

  return deps.db.transaction(async (tx) => {
    // One clusterer at a time, so two copies processed at once still land in one cluster.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CLUSTER_LOCK]);
    await tx.query(
      `UPDATE articles SET text = $2, text_sha256 = $3, language = $4, minhash = $5, lsh_bands = $6, processed_at = $7, title = coalesce(title, $8)
       WHERE id = $1`,
      [article.id, text, textSha, result.language, signature, bands, now, title],
    );
    let clusterId = article.cluster_id;
    let jaccard: number | null = null;
    if (!clusterId) {
      const since = new Date(now.getTime() - CLUSTER_WINDOW_DAYS * 86_400_000);
      const candidates = await tx.query<{ id: string; minhash: (number | string)[]; cluster_id: string }>(
        `SELECT id, minhash, cluster_id FROM articles
         WHERE id <> $1 AND lsh_bands && $2::text[] AND cluster_id IS NOT NULL AND minhash IS NOT NULL
           AND coalesce(published_at, fetched_at) >= $3
         ORDER BY fetched_at, id LIMIT 500`,
        [article.id, bands, since],
      );
      const best = bestSameStory(
        signature,
        candidates.rows.map((c) => ({ id: c.id, signature: c.minhash.map(Number), clusterId: c.cluster_id })),
      );
      if (best) {
        clusterId = best.candidate.clusterId!;
        jaccard = best.jaccard;
        // A new copy is an automatic suggestion again, even in a cluster staff had confirmed.
        await tx.query("UPDATE article_clusters SET state = 'suggested', updated_at = $2 WHERE id = $1", [clusterId, now]);
      } else {
        clusterId = randomUUID();
        await tx.query(
          `INSERT INTO article_clusters (id, state, representative_article_id, created_at, updated_at) VALUES ($1, 'suggested', $2, $3, $3)`,
          [clusterId, article.id, now],
        );
      }
      await tx.query('UPDATE articles SET cluster_id = $2 WHERE id = $1', [article.id, clusterId]);
    }
    const leadId = randomUUID();
    const lead = await tx.query<{ id: string }>(
      `INSERT INTO leads (id, article_id, score, relevant, kind, regions, actors, acts, numbers, date, people, highlights, region_codes, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
       ON CONFLICT (article_id) DO UPDATE SET score = EXCLUDED.score, relevant = EXCLUDED.relevant, kind = EXCLUDED.kind,
         regions = EXCLUDED.regions, actors = EXCLUDED.actors, acts = EXCLUDED.acts, numbers = EXCLUDED.numbers, date = EXCLUDED.date,
         people = EXCLUDED.people, highlights = EXCLUDED.highlights, region_codes = EXCLUDED.region_codes, updated_at = EXCLUDED.updated_at
       RETURNING id`,
      [
        leadId,
        article.id,
        result.score,
        result.relevant,
        result.kind,
        JSON.stringify(result.regions),
        result.actors,
        result.acts,
        JSON.stringify(result.numbers),
        result.date,
        JSON.stringify(result.people),
        JSON.stringify(highlights),
        regionCodes,
        now,
      ],
    );
    return { leadId: lead.rows[0].id, relevant: result.relevant, score: result.score, clusterId, jaccard, textSha256: textSha };
  });
}
