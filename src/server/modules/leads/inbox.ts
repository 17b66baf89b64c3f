// The leads inbox for supervisors: leads in their jurisdiction (any of the lead's regions within
// it; national roles see all; leads without a region go to Bawaslu RI and the provinces), ranked by
// score, one row per story cluster. Reading is allowed to analysts; deciding is not.
import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../../db/client.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { isReadOnly, isSupervisor, jurisdictionOf, type Principal } from '../../../domain/access/policy.ts';
import type { Highlight } from '../../../domain/leads/highlights.ts';
import type { LeadListQuery } from './schemas.ts';
import { withinRegionSql } from '../../db/sql.ts';
import type { LeadState } from '../../../contracts/leads.ts';

export const leadNotFound = () => new AppError('not_found', { id: 'Lead tidak ditemukan.', en: 'Lead not found.' });

export const canReadLeads = (p: Principal) => isSupervisor(p) || p.role === 'analyst';
export const canDecideLeads = (p: Principal) => isSupervisor(p) && !isReadOnly(p);

/** SQL condition limiting leads (alias `l`) to the principal's jurisdiction, or null for all. */
export function leadScopeClause(principal: Principal, add: (v: unknown) => string): string | null {
  if (!canReadLeads(principal)) throw forbidden();
  const j = jurisdictionOf(principal);
  if (j.kind === 'national') return null;
  if (j.kind !== 'region') throw forbidden();
  const p = add(j.regionCode);
  const within = `EXISTS (SELECT 1 FROM unnest(l.region_codes) rc WHERE ${withinRegionSql('rc', p)})`;
  // Province supervisors also triage leads whose region the pipeline could not tell.
  return principal.role === 'pengawas_provinsi' ? `(${within} OR cardinality(l.region_codes) = 0)` : within;
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

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

function presentLeadSummary(
  r: LeadRow & {
    title: string | null;
    url: string | null;
    source_name: string;
    published_at: Date | null;
    fetched_at: Date;
    cluster_id: string | null;
    cluster_state: 'suggested' | 'confirmed' | null;
    copies: number;
  },
) {
  return {
    id: r.id,
    articleId: r.article_id,
    title: r.title,
    url: r.url,
    source: r.source_name,
    score: r.score,
    relevant: r.relevant,
    kind: r.kind,
    regions: r.regions,
    actors: r.actors,
    acts: r.acts,
    date: r.date,
    state: r.state,
    promotedCaseId: r.promoted_case_id,
    publishedAt: iso(r.published_at),
    fetchedAt: iso(r.fetched_at),
    cluster: r.cluster_id ? { id: r.cluster_id, state: r.cluster_state, size: Number(r.copies) } : null,
  };
}

export async function listLeads(db: Queryable, principal: Principal, query: LeadListQuery) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const scope = leadScopeClause(principal, add);
  if (scope) where.push(scope);
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
  const rows = await db.query<Parameters<typeof presentLeadSummary>[0] & { total: number }>(
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
  return { total: rows.rows[0]?.total ?? 0, items: rows.rows.map(presentLeadSummary) };
}

/** The lead if the principal may see it; 404 otherwise (hiding leads of other regions). */
export async function loadVisibleLead(db: Queryable, principal: Principal, id: string, forUpdate = false): Promise<LeadRow> {
  const params: unknown[] = [id];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const scope = leadScopeClause(principal, add);
  const found = await db.query<LeadRow>(
    `SELECT l.* FROM leads l WHERE l.id = $1 ${scope ? `AND ${scope}` : ''} ${forUpdate ? 'FOR UPDATE' : ''}`,
    params,
  );
  if (!found.rows[0]) throw leadNotFound();
  return found.rows[0];
}

export async function leadDetail(db: Queryable, principal: Principal, id: string) {
  const lead = await loadVisibleLead(db, principal, id);
  const article = (
    await db.query<{
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
    }>(
      `SELECT a.id, a.url, a.title, a.text, a.text_sha256, a.raw_sha256, a.published_at, a.fetched_at, a.cluster_id, s.name AS source_name, s.kind AS source_kind
     FROM articles a JOIN lead_sources s ON s.id = a.source_id WHERE a.id = $1`,
      [lead.article_id],
    )
  ).rows[0];
  let cluster = null;
  if (article.cluster_id) {
    const c = (
      await db.query<{ id: string; state: 'suggested' | 'confirmed'; representative_article_id: string | null }>(
        'SELECT * FROM article_clusters WHERE id = $1',
        [article.cluster_id],
      )
    ).rows[0];
    const members = await db.query<{
      article_id: string;
      lead_id: string | null;
      title: string | null;
      url: string | null;
      source_name: string;
      state: string | null;
      score: number | null;
      fetched_at: Date;
    }>(
      `SELECT a.id AS article_id, l.id AS lead_id, a.title, a.url, s.name AS source_name, l.state, l.score, a.fetched_at
       FROM articles a JOIN lead_sources s ON s.id = a.source_id LEFT JOIN leads l ON l.article_id = a.id
       WHERE a.cluster_id = $1 ORDER BY a.fetched_at, a.id`,
      [article.cluster_id],
    );
    cluster = {
      id: c.id,
      state: c.state,
      representativeArticleId: c.representative_article_id,
      members: members.rows.map((m) => ({
        articleId: m.article_id,
        leadId: m.lead_id,
        title: m.title,
        url: m.url,
        source: m.source_name,
        state: m.state,
        score: m.score,
        fetchedAt: iso(m.fetched_at),
      })),
    };
  }
  return {
    id: lead.id,
    state: lead.state,
    score: lead.score,
    relevant: lead.relevant,
    kind: lead.kind,
    regions: lead.regions,
    actors: lead.actors,
    acts: lead.acts,
    numbers: lead.numbers,
    date: lead.date,
    people: lead.people,
    highlights: lead.highlights,
    promotedCaseId: lead.promoted_case_id,
    decidedAt: iso(lead.decided_at),
    article: {
      id: article.id,
      url: article.url,
      title: article.title,
      text: article.text,
      textSha256: article.text_sha256,
      rawSha256: article.raw_sha256,
      source: article.source_name,
      sourceKind: article.source_kind,
      publishedAt: iso(article.published_at),
      fetchedAt: iso(article.fetched_at),
    },
    cluster,
  };
}

export async function dismissLead(db: Db, principal: Principal, id: string, input: { reason?: string; wholeCluster: boolean }, now: Date) {
  if (!canDecideLeads(principal)) throw forbidden();
  return db.transaction(async (tx) => {
    const lead = await loadVisibleLead(tx, principal, id, true);
    if (lead.state === 'dipromosikan' || lead.state === 'diabaikan') {
      throw new AppError(
        'invalid_state_transition',
        { id: 'Lead ini sudah diputuskan.', en: 'This lead has already been decided.' },
        { details: { state: lead.state } },
      );
    }
    const ids = [lead.id];
    if (input.wholeCluster) {
      const params: unknown[] = [lead.article_id, lead.id];
      const add = (value: unknown) => {
        params.push(value);
        return `$${params.length}`;
      };
      const scope = leadScopeClause(principal, add);
      const siblings = await tx.query<{ id: string }>(
        `SELECT l.id FROM leads l JOIN articles a ON a.id = l.article_id
         WHERE a.cluster_id = (SELECT cluster_id FROM articles WHERE id = $1) AND l.id <> $2 AND l.state = 'baru' ${scope ? `AND ${scope}` : ''} FOR UPDATE OF l`,
        params,
      );
      ids.push(...siblings.rows.map((s) => s.id));
    }
    await tx.query(`UPDATE leads SET state = 'diabaikan', decided_by = $2, decided_at = $3, updated_at = $3 WHERE id = ANY($1::text[])`, [
      ids,
      principal.id,
      now,
    ]);
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: 'lead.dismissed',
      entityType: 'lead',
      entityId: lead.id,
      regionCode: lead.region_codes[0] ?? null,
      at: now,
      data: { reason: input.reason ?? null, leadIds: ids },
    });
    return { id: lead.id, state: 'diabaikan' as const, dismissed: ids.length };
  });
}

/** Loads a cluster if at least one of its leads is visible to the principal. */
async function loadVisibleCluster(db: Queryable, principal: Principal, clusterId: string) {
  const params: unknown[] = [clusterId];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const scope = leadScopeClause(principal, add);
  const found = await db.query<{ id: string; state: string; representative_article_id: string | null }>(
    `SELECT c.* FROM article_clusters c WHERE c.id = $1 AND EXISTS (
       SELECT 1 FROM articles a JOIN leads l ON l.article_id = a.id WHERE a.cluster_id = c.id ${scope ? `AND ${scope}` : ''})`,
    params,
  );
  if (!found.rows[0]) throw new AppError('not_found', { id: 'Klaster tidak ditemukan.', en: 'Cluster not found.' });
  return found.rows[0];
}

export async function confirmCluster(db: Db, principal: Principal, clusterId: string, now: Date) {
  if (!canDecideLeads(principal)) throw forbidden();
  return db.transaction(async (tx) => {
    await loadVisibleCluster(tx, principal, clusterId);
    await tx.query("UPDATE article_clusters SET state = 'confirmed', updated_at = $2 WHERE id = $1", [clusterId, now]);
    const size = (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM articles WHERE cluster_id = $1', [clusterId])).rows[0].n;
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: 'article_cluster.confirmed',
      entityType: 'article_cluster',
      entityId: clusterId,
      at: now,
      data: { size },
    });
    return { id: clusterId, state: 'confirmed' as const, size };
  });
}

/** Splits an article off its cluster into a cluster of its own, which automatic clustering then leaves alone. */
export async function detachArticle(db: Db, principal: Principal, articleId: string, now: Date) {
  if (!canDecideLeads(principal)) throw forbidden();
  return db.transaction(async (tx) => {
    const article = (
      await tx.query<{ id: string; cluster_id: string | null }>('SELECT id, cluster_id FROM articles WHERE id = $1 FOR UPDATE', [articleId])
    ).rows[0];
    if (!article || !article.cluster_id) throw new AppError('not_found', { id: 'Artikel tidak ditemukan.', en: 'Article not found.' });
    const from = await loadVisibleCluster(tx, principal, article.cluster_id);
    const size = (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM articles WHERE cluster_id = $1', [from.id])).rows[0].n;
    if (size < 2)
      throw new AppError('conflict', {
        id: 'Artikel ini sudah sendiri dalam klasternya.',
        en: 'This article is already alone in its cluster.',
      });
    const clusterId = randomUUID();
    await tx.query(
      `INSERT INTO article_clusters (id, state, representative_article_id, created_at, updated_at) VALUES ($1, 'confirmed', $2, $3, $3)`,
      [clusterId, articleId, now],
    );
    await tx.query('UPDATE articles SET cluster_id = $2, cluster_pinned = true WHERE id = $1', [articleId, clusterId]);
    if (from.representative_article_id === articleId) {
      await tx.query(
        `UPDATE article_clusters SET representative_article_id = (SELECT id FROM articles WHERE cluster_id = $1 ORDER BY fetched_at, id LIMIT 1), updated_at = $2 WHERE id = $1`,
        [from.id, now],
      );
    }
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: 'article.detached',
      entityType: 'article',
      entityId: articleId,
      at: now,
      data: { fromCluster: from.id, toCluster: clusterId },
    });
    return { articleId, clusterId, fromClusterId: from.id };
  });
}
