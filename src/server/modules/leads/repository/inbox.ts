// Queries of the leads inbox: the ranked list (one row per story), a lead, its article and
// cluster, the decisions on leads and clusters, and the visibility checks lead jobs need.
import type { Queryable, Tx } from '../../../db/client.ts';
import { withinRegionSql } from '../../../db/sql.ts';
import { execute, firstRow, qb, sql } from '../../../db/kysely.ts';
import type { Highlight } from '../../../../domain/leads/highlights.ts';
import type { LeadState } from '../../../../contracts/leads.ts';
import type { LeadScope } from '../policy.ts';
import type { LeadListQuery } from '../schemas.ts';

type Bind = (value: unknown) => string;

/** Binds values as $n placeholders after the ones already in `params`. */
export function binder(params: unknown[]): Bind {
  return (value) => {
    params.push(value);
    return `$${params.length}`;
  };
}

/** SQL condition limiting leads (alias `l`) to the scope, or null for all. */
export function scopeSql(scope: LeadScope, add: Bind): string | null {
  if (scope.kind === 'all') return null;
  const p = add(scope.regionCode);
  const within = `EXISTS (SELECT 1 FROM unnest(l.region_codes) rc WHERE ${withinRegionSql('rc', p)})`;
  return scope.withUnplaced ? `(${within} OR cardinality(l.region_codes) = 0)` : within;
}

export interface LeadRow {
  id: string;
  article_id: string;
  score: number;
  relevant: boolean;
  kind: string;
  regions: { code: string; name: string; level: string | null }[];
  actors: string[];
  acts: string[];
  numbers: { value: number; unit: string }[];
  date: string | null;
  people: { name: string; position: string }[];
  highlights: Highlight[];
  region_codes: string[];
  state: LeadState;
  promoted_case_id: string | null;
  decided_at: Date | null;
  created_at: Date;
}

export interface LeadSummaryRow extends LeadRow {
  title: string | null;
  url: string | null;
  source_name: string;
  published_at: Date | null;
  fetched_at: Date;
  cluster_id: string | null;
  cluster_state: 'suggested' | 'confirmed' | null;
  copies: number;
}

/** One page of the inbox, one lead per story cluster, best score first; `total` counts all pages. */
export async function selectLeadPage(db: Queryable, scope: LeadScope, query: LeadListQuery) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = binder(params);
  const scoped = scopeSql(scope, add);
  if (scoped) where.push(scoped);
  if (query.state !== 'semua') where.push(`l.state = ${add(query.state)}`);
  if (query.includeIrrelevant !== 'true') where.push('l.relevant');
  if (query.minScore !== undefined) where.push(`l.score >= ${add(query.minScore)}`);
  if (query.kind) where.push(`l.kind = ${add(query.kind)}`);
  if (query.region) {
    const p = add(query.region);
    where.push(`EXISTS (SELECT 1 FROM unnest(l.region_codes) rc WHERE ${withinRegionSql('rc', p)})`);
  }
  if (query.q)
    where.push(
      `to_tsvector('indonesian', coalesce(a.title, '') || ' ' || coalesce(a.text, '')) @@ plainto_tsquery('indonesian', ${add(query.q)})`,
    );
  const limit = add(query.limit);
  const offset = add(query.offset);
  const result = await db.query<LeadSummaryRow & { total: number }>(
    `WITH visible AS (
       SELECT l.*, a.title, a.url, a.published_at, a.fetched_at, coalesce(a.cluster_id, a.id) AS group_key, a.cluster_id, s.name AS source_name
       FROM leads l JOIN articles a ON a.id = l.article_id JOIN lead_sources s ON s.id = a.source_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ), one_per_story AS (
       SELECT DISTINCT ON (v.group_key) v.*, c.state AS cluster_state
       FROM visible v LEFT JOIN article_clusters c ON c.id = v.cluster_id
       ORDER BY v.group_key, (v.article_id = c.representative_article_id) DESC, v.score DESC, v.id
     )
     SELECT o.*, (SELECT count(*) FROM articles x WHERE x.cluster_id = o.cluster_id)::int AS copies, count(*) OVER ()::int AS total
     FROM one_per_story o ORDER BY o.score DESC, o.fetched_at DESC, o.id LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return result.rows;
}

/** The lead when it lies in the scope (locked for update on request). */
export async function selectVisibleLead(db: Queryable, scope: LeadScope, id: string, forUpdate = false): Promise<LeadRow | undefined> {
  const params: unknown[] = [id];
  const scoped = scopeSql(scope, binder(params));
  const found = await db.query<LeadRow>(
    `SELECT l.* FROM leads l WHERE l.id = $1 ${scoped ? `AND ${scoped}` : ''} ${forUpdate ? 'FOR UPDATE' : ''}`,
    params,
  );
  return found.rows[0];
}

export interface LeadArticleRow {
  id: string;
  url: string | null;
  title: string | null;
  text: string;
  text_sha256: string;
  raw_sha256: string;
  published_at: Date | null;
  fetched_at: Date;
  cluster_id: string | null;
  source_name: string;
  source_kind: string;
}

export async function selectLeadArticle(db: Queryable, articleId: string): Promise<LeadArticleRow> {
  const result = await db.query<LeadArticleRow>(
    `SELECT a.id, a.url, a.title, a.text, a.text_sha256, a.raw_sha256, a.published_at, a.fetched_at, a.cluster_id, s.name AS source_name, s.kind AS source_kind
     FROM articles a JOIN lead_sources s ON s.id = a.source_id WHERE a.id = $1`,
    [articleId],
  );
  return result.rows[0];
}

export interface ClusterRow {
  id: string;
  state: 'suggested' | 'confirmed';
  representative_article_id: string | null;
}

export async function selectCluster(db: Queryable, id: string): Promise<ClusterRow> {
  return (await db.query<ClusterRow>('SELECT * FROM article_clusters WHERE id = $1', [id])).rows[0];
}

export interface ClusterMemberRow {
  article_id: string;
  lead_id: string | null;
  title: string | null;
  url: string | null;
  source_name: string;
  state: string | null;
  score: number | null;
  fetched_at: Date;
}

/** The articles of a cluster with their leads, oldest first. */
export async function selectClusterMembers(db: Queryable, clusterId: string): Promise<ClusterMemberRow[]> {
  const result = await db.query<ClusterMemberRow>(
    `SELECT a.id AS article_id, l.id AS lead_id, a.title, a.url, s.name AS source_name, l.state, l.score, a.fetched_at
     FROM articles a JOIN lead_sources s ON s.id = a.source_id LEFT JOIN leads l ON l.article_id = a.id
     WHERE a.cluster_id = $1 ORDER BY a.fetched_at, a.id`,
    [clusterId],
  );
  return result.rows;
}

/** The other new leads of the article's cluster within the scope, locked. */
export async function lockNewSiblingLeads(tx: Tx, scope: LeadScope, articleId: string, leadId: string): Promise<string[]> {
  const params: unknown[] = [articleId, leadId];
  const scoped = scopeSql(scope, binder(params));
  const siblings = await tx.query<{ id: string }>(
    `SELECT l.id FROM leads l JOIN articles a ON a.id = l.article_id
     WHERE a.cluster_id = (SELECT cluster_id FROM articles WHERE id = $1) AND l.id <> $2 AND l.state = 'baru' ${scoped ? `AND ${scoped}` : ''} FOR UPDATE OF l`,
    params,
  );
  return siblings.rows.map((s) => s.id);
}

export async function markLeadsDismissed(tx: Tx, ids: string[], decidedBy: string, now: Date): Promise<void> {
  await tx.query(`UPDATE leads SET state = 'diabaikan', decided_by = $2, decided_at = $3, updated_at = $3 WHERE id = ANY($1::text[])`, [
    ids,
    decidedBy,
    now,
  ]);
}

/** The cluster when at least one of its leads lies in the scope. */
export async function selectVisibleCluster(db: Queryable, scope: LeadScope, clusterId: string): Promise<ClusterRow | undefined> {
  const params: unknown[] = [clusterId];
  const scoped = scopeSql(scope, binder(params));
  const found = await db.query<ClusterRow>(
    `SELECT c.* FROM article_clusters c WHERE c.id = $1 AND EXISTS (
       SELECT 1 FROM articles a JOIN leads l ON l.article_id = a.id WHERE a.cluster_id = c.id ${scoped ? `AND ${scoped}` : ''})`,
    params,
  );
  return found.rows[0];
}

export async function markClusterConfirmed(tx: Tx, clusterId: string, now: Date): Promise<void> {
  await execute(tx, qb.updateTable('article_clusters').set({ state: 'confirmed', updated_at: now }).where('id', '=', clusterId));
}

export async function countClusterArticles(db: Queryable, clusterId: string): Promise<number> {
  const row = await firstRow(
    db,
    qb
      .selectFrom('articles')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('cluster_id', '=', clusterId),
  );
  return row?.n ?? 0;
}

export async function lockArticleCluster(tx: Tx, articleId: string): Promise<{ id: string; cluster_id: string | null } | undefined> {
  return (
    await tx.query<{ id: string; cluster_id: string | null }>('SELECT id, cluster_id FROM articles WHERE id = $1 FOR UPDATE', [articleId])
  ).rows[0];
}

/** A cluster of its own for a detached article: confirmed, and pinned so automatic clustering leaves it alone. */
export async function moveArticleToOwnCluster(tx: Tx, articleId: string, clusterId: string, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO article_clusters (id, state, representative_article_id, created_at, updated_at) VALUES ($1, 'confirmed', $2, $3, $3)`,
    [clusterId, articleId, now],
  );
  await tx.query('UPDATE articles SET cluster_id = $2, cluster_pinned = true WHERE id = $1', [articleId, clusterId]);
}

/** The cluster's oldest article becomes its representative. */
export async function resetRepresentative(tx: Tx, clusterId: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE article_clusters SET representative_article_id = (SELECT id FROM articles WHERE cluster_id = $1 ORDER BY fetched_at, id LIMIT 1), updated_at = $2 WHERE id = $1`,
    [clusterId, now],
  );
}

export interface LeadJobRow {
  id: number;
  name: string;
  payload: unknown;
  state: string;
  attempts: number;
  progress: unknown;
  result: unknown;
  last_error: string | null;
}

export async function selectLeadJob(db: Queryable, jobId: number): Promise<LeadJobRow | undefined> {
  return (
    await db.query<LeadJobRow>(
      "SELECT id, name, payload, state, attempts, progress, result, last_error FROM jobs WHERE id = $1 AND name LIKE 'leads.%'",
      [jobId],
    )
  ).rows[0];
}

export async function sourceCreator(db: Queryable, sourceId: string): Promise<string | null | undefined> {
  return (await firstRow(db, qb.selectFrom('lead_sources').select('created_by').where('id', '=', sourceId)))?.created_by;
}

/** Whether the article's lead lies in the scope; undefined while the article has no lead. */
export async function articleLeadVisible(db: Queryable, scope: LeadScope, articleId: string): Promise<boolean | undefined> {
  const params: unknown[] = [articleId];
  const scoped = scopeSql(scope, binder(params));
  const lead = (await db.query<{ visible: boolean }>(`SELECT ${scoped ?? 'true'} AS visible FROM leads l WHERE l.article_id = $1`, params))
    .rows[0];
  return lead?.visible;
}
