// Queries of the article pipeline: recording an ingested article, its processing (text, near-duplicate
// signature, cluster, lead), its promotion to a case, and the public per-region lead counts.
import type { Db, Queryable, Tx } from '../../../db/client.ts';
import { execute, firstRow, qb, sql } from '../../../db/kysely.ts';

export async function articleIdByExternalId(db: Queryable, sourceId: string, externalId: string): Promise<string | null> {
  const found = await firstRow(
    db,
    qb.selectFrom('articles').select('id').where('source_id', '=', sourceId).where('external_id', '=', externalId),
  );
  return found?.id ?? null;
}

export interface NewArticle {
  id: string;
  sourceId: string;
  externalId: string;
  url: string | null;
  title: string | null;
  rawSha256: string;
  contentType: string;
  publishedAt: string | null;
}

/** Inserts the article once per (source, external id); false when it was already there. */
export async function insertArticleOnce(tx: Tx, article: NewArticle, now: Date): Promise<boolean> {
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO articles (id, source_id, external_id, url, title, raw_sha256, raw_content_type, fetched_at, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (source_id, external_id) DO NOTHING RETURNING id`,
    [
      article.id,
      article.sourceId,
      article.externalId,
      article.url,
      article.title,
      article.rawSha256,
      article.contentType,
      now,
      article.publishedAt,
    ],
  );
  return inserted.rows.length > 0;
}

export interface ArticleToProcess {
  id: string;
  title: string | null;
  url: string | null;
  raw_sha256: string;
  raw_content_type: string;
  cluster_id: string | null;
  cluster_pinned: boolean;
}

export async function selectArticleToProcess(db: Queryable, articleId: string): Promise<ArticleToProcess | undefined> {
  const found = await db.query<ArticleToProcess>(
    'SELECT id, title, url, raw_sha256, raw_content_type, cluster_id, cluster_pinned FROM articles WHERE id = $1',
    [articleId],
  );
  return found.rows[0];
}

const CLUSTER_LOCK = 4_242_010;

/** One clusterer at a time, so two copies processed at once still land in one cluster. */
export async function lockClustering(tx: Tx): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [CLUSTER_LOCK]);
}

export interface ProcessedText {
  text: string;
  textSha256: string;
  language: string | null;
  minhash: number[];
  bands: string[];
  title: string | null;
}

export async function storeProcessedText(tx: Tx, articleId: string, processed: ProcessedText, now: Date): Promise<void> {
  await tx.query(
    `UPDATE articles SET text = $2, text_sha256 = $3, language = $4, minhash = $5, lsh_bands = $6, processed_at = $7, title = coalesce(title, $8)
     WHERE id = $1`,
    [articleId, processed.text, processed.textSha256, processed.language, processed.minhash, processed.bands, now, processed.title],
  );
}

/** Clustered articles sharing an LSH band with this one, published or fetched since `since`. */
export async function selectClusterCandidates(
  tx: Tx,
  articleId: string,
  bands: string[],
  since: Date,
): Promise<{ id: string; minhash: (number | string)[]; cluster_id: string }[]> {
  const candidates = await tx.query<{ id: string; minhash: (number | string)[]; cluster_id: string }>(
    `SELECT id, minhash, cluster_id FROM articles
     WHERE id <> $1 AND lsh_bands && $2::text[] AND cluster_id IS NOT NULL AND minhash IS NOT NULL
       AND coalesce(published_at, fetched_at) >= $3
     ORDER BY fetched_at, id LIMIT 500`,
    [articleId, bands, since],
  );
  return candidates.rows;
}

/** A new copy makes the cluster an automatic suggestion again, even one staff had confirmed. */
export async function markClusterSuggested(tx: Tx, clusterId: string, now: Date): Promise<void> {
  await execute(tx, qb.updateTable('article_clusters').set({ state: 'suggested', updated_at: now }).where('id', '=', clusterId));
}

export async function insertSuggestedCluster(tx: Tx, clusterId: string, representativeArticleId: string, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO article_clusters (id, state, representative_article_id, created_at, updated_at) VALUES ($1, 'suggested', $2, $3, $3)`,
    [clusterId, representativeArticleId, now],
  );
}

export async function setArticleCluster(tx: Tx, articleId: string, clusterId: string): Promise<void> {
  await execute(tx, qb.updateTable('articles').set({ cluster_id: clusterId }).where('id', '=', articleId));
}

export interface LeadVerdict {
  score: number;
  relevant: boolean;
  kind: string;
  /** jsonb columns, already serialised. */
  regionsJson: string;
  actors: string[];
  acts: string[];
  numbersJson: string;
  date: string | null;
  peopleJson: string;
  highlightsJson: string;
  regionCodes: string[];
}

/** Inserts the article's lead, or updates the verdict of the existing one (its state stays). Resolves to the lead id. */
export async function upsertLead(tx: Tx, leadId: string, articleId: string, verdict: LeadVerdict, now: Date): Promise<string> {
  const lead = await tx.query<{ id: string }>(
    `INSERT INTO leads (id, article_id, score, relevant, kind, regions, actors, acts, numbers, date, people, highlights, region_codes, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
     ON CONFLICT (article_id) DO UPDATE SET score = EXCLUDED.score, relevant = EXCLUDED.relevant, kind = EXCLUDED.kind,
       regions = EXCLUDED.regions, actors = EXCLUDED.actors, acts = EXCLUDED.acts, numbers = EXCLUDED.numbers, date = EXCLUDED.date,
       people = EXCLUDED.people, highlights = EXCLUDED.highlights, region_codes = EXCLUDED.region_codes, updated_at = EXCLUDED.updated_at
     RETURNING id`,
    [
      leadId,
      articleId,
      verdict.score,
      verdict.relevant,
      verdict.kind,
      verdict.regionsJson,
      verdict.actors,
      verdict.acts,
      verdict.numbersJson,
      verdict.date,
      verdict.peopleJson,
      verdict.highlightsJson,
      verdict.regionCodes,
      now,
    ],
  );
  return lead.rows[0].id;
}

export interface ArticleToPromote {
  id: string;
  url: string | null;
  title: string | null;
  text: string;
  text_sha256: string;
  fetched_at: Date;
  published_at: Date | null;
  cluster_id: string | null;
}

/** Runs a service that opens its own transaction inside the caller's (PostgreSQL has no nesting; one transaction it is). */
export function dbInTransaction(db: Db, tx: Tx): Db {
  return { kind: db.kind, query: (sql, params) => tx.query(sql, params), transaction: (fn) => fn(tx), close: async () => {} };
}

export async function selectArticleToPromote(tx: Tx, articleId: string): Promise<ArticleToPromote> {
  const result = await tx.query<ArticleToPromote>(
    'SELECT id, url, title, text, text_sha256, fetched_at, published_at, cluster_id FROM articles WHERE id = $1',
    [articleId],
  );
  return result.rows[0];
}

export async function regionExists(db: Queryable, code: string): Promise<boolean> {
  return (
    (await firstRow(
      db,
      qb
        .selectFrom('regions')
        .select(sql<number>`1`.as('one'))
        .where('code', '=', code),
    )) !== undefined
  );
}

/** The archived article text as the case's evidence; plain text has no metadata, so its public copy is the file itself. */
export async function attachTextEvidence(
  tx: Tx,
  evidence: { caseId: string; sha256: string; sizeBytes: number; originalName: string },
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO evidence_files (sha256, size_bytes, mime_type, kind, created_at) VALUES ($1, $2, 'text/plain; charset=utf-8', 'text', $3) ON CONFLICT (sha256) DO NOTHING`,
    [evidence.sha256, evidence.sizeBytes, now],
  );
  await tx.query(
    `INSERT INTO evidence_derivatives (original_sha256, variant, derived_sha256, method, created_at) VALUES ($1, 'public', $1, 'text-as-is', $2) ON CONFLICT DO NOTHING`,
    [evidence.sha256, now],
  );
  await tx.query(
    'INSERT INTO case_evidence (case_id, sha256, original_name, added_at) VALUES ($1, $2, $3, $4) ON CONFLICT (case_id, sha256) DO NOTHING',
    [evidence.caseId, evidence.sha256, evidence.originalName, now],
  );
}

export async function markLeadPromoted(tx: Tx, leadId: string, caseId: string, decidedBy: string, now: Date): Promise<void> {
  await execute(
    tx,
    qb
      .updateTable('leads')
      .set({ state: 'dipromosikan', promoted_case_id: caseId, decided_by: decidedBy, decided_at: now, updated_at: now })
      .where('id', '=', leadId),
  );
}

/** Copies of the same story are reviewed with the promoted lead. */
export async function markClusterLeadsReviewed(tx: Tx, clusterId: string, promotedLeadId: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE leads SET state = 'ditinjau', updated_at = $3 WHERE state = 'baru' AND id <> $2
       AND article_id IN (SELECT id FROM articles WHERE cluster_id = $1)`,
    [clusterId, promotedLeadId, now],
  );
}

/** Relevant, not dismissed leads per region prefix of `length` characters (2: province, 5: kab/kota). */
export async function countLeadsByRegion(db: Queryable, length: number): Promise<{ code: string; name: string | null; n: number }[]> {
  const rows = await db.query<{ code: string; name: string | null; n: number }>(
    `SELECT x.code, g.name, count(DISTINCT x.lead_id)::int AS n
     FROM (SELECT l.id AS lead_id, substr(rc, 1, $1) AS code
           FROM leads l, unnest(l.region_codes) AS rc
           WHERE l.relevant AND l.state <> 'diabaikan' AND length(rc) >= $1) x
     LEFT JOIN regions g ON g.code = x.code
     GROUP BY x.code, g.name ORDER BY x.code`,
    [length],
  );
  return rows.rows;
}
