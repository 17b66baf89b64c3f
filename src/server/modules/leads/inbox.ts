// The leads inbox for supervisors: leads in their jurisdiction (any of the lead's regions within
// it; national roles see all; leads without a region go to Bawaslu RI and the provinces), ranked by
// score, one row per story cluster. Reading is allowed to analysts; deciding is not.
import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import type { Principal } from '../../../domain/access/policy.ts';
import type { LeadListQuery } from './schemas.ts';
import { assertCanDecideLeads, assertCanReadLeads, leadScopeOf, type LeadScope } from './policy.ts';
import {
  countClusterArticles,
  lockArticleCluster,
  lockNewSiblingLeads,
  markClusterConfirmed,
  markLeadsDismissed,
  moveArticleToOwnCluster,
  resetRepresentative,
  selectCluster,
  selectClusterMembers,
  selectLeadArticle,
  selectLeadPage,
  selectVisibleCluster,
  selectVisibleLead,
  type LeadArticleRow,
  type LeadRow,
  type LeadSummaryRow,
} from './repository/inbox.ts';

export type { LeadRow } from './repository/inbox.ts';

export const leadNotFound = () => new AppError('not_found', { id: 'Lead tidak ditemukan.', en: 'Lead not found.' });

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

function presentLeadSummary(r: LeadSummaryRow) {
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
  const scope = assertCanReadLeads(principal);
  const rows = await selectLeadPage(db, scope, query);
  return { total: rows[0]?.total ?? 0, items: rows.map(presentLeadSummary) };
}

/** The lead if it lies in the scope; 404 otherwise (hiding leads of other regions). */
export async function loadVisibleLead(db: Queryable, scope: LeadScope, id: string, forUpdate = false): Promise<LeadRow> {
  const lead = await selectVisibleLead(db, scope, id, forUpdate);
  if (!lead) throw leadNotFound();
  return lead;
}

export async function leadDetail(db: Queryable, principal: Principal, id: string) {
  const scope = assertCanReadLeads(principal);
  const lead = await loadVisibleLead(db, scope, id);
  const article = await selectLeadArticle(db, lead.article_id);
  const cluster = article.cluster_id ? await presentCluster(db, article.cluster_id) : null;
  return { ...presentLead(lead), article: presentArticle(article), cluster };
}

function presentLead(lead: LeadRow) {
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
  };
}

function presentArticle(article: LeadArticleRow) {
  return {
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
  };
}

async function presentCluster(db: Queryable, clusterId: string) {
  const c = await selectCluster(db, clusterId);
  const members = await selectClusterMembers(db, clusterId);
  return {
    id: c.id,
    state: c.state,
    representativeArticleId: c.representative_article_id,
    members: members.map((m) => ({
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

export async function dismissLead(db: Db, principal: Principal, id: string, input: { reason?: string; wholeCluster: boolean }, now: Date) {
  assertCanDecideLeads(principal);
  const scope = leadScopeOf(principal);
  return db.transaction(async (tx) => {
    const lead = await loadVisibleLead(tx, scope, id, true);
    if (lead.state === 'dipromosikan' || lead.state === 'diabaikan') {
      throw new AppError(
        'invalid_state_transition',
        { id: 'Lead ini sudah diputuskan.', en: 'This lead has already been decided.' },
        { details: { state: lead.state } },
      );
    }
    const ids = [lead.id];
    if (input.wholeCluster) ids.push(...(await lockNewSiblingLeads(tx, scope, lead.article_id, lead.id)));
    await markLeadsDismissed(tx, ids, principal.id, now);
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
async function loadVisibleCluster(db: Queryable, scope: LeadScope, clusterId: string) {
  const found = await selectVisibleCluster(db, scope, clusterId);
  if (!found) throw new AppError('not_found', { id: 'Klaster tidak ditemukan.', en: 'Cluster not found.' });
  return found;
}

export async function confirmCluster(db: Db, principal: Principal, clusterId: string, now: Date) {
  assertCanDecideLeads(principal);
  const scope = leadScopeOf(principal);
  return db.transaction(async (tx) => {
    await loadVisibleCluster(tx, scope, clusterId);
    await markClusterConfirmed(tx, clusterId, now);
    const size = await countClusterArticles(tx, clusterId);
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
  assertCanDecideLeads(principal);
  const scope = leadScopeOf(principal);
  return db.transaction(async (tx) => {
    const article = await lockArticleCluster(tx, articleId);
    if (!article || !article.cluster_id) throw new AppError('not_found', { id: 'Artikel tidak ditemukan.', en: 'Article not found.' });
    const from = await loadVisibleCluster(tx, scope, article.cluster_id);
    const size = await countClusterArticles(tx, from.id);
    if (size < 2)
      throw new AppError('conflict', {
        id: 'Artikel ini sudah sendiri dalam klasternya.',
        en: 'This article is already alone in its cluster.',
      });
    const clusterId = randomUUID();
    await moveArticleToOwnCluster(tx, articleId, clusterId, now);
    if (from.representative_article_id === articleId) await resetRepresentative(tx, from.id, now);
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
