// Promotion of a lead to informasi awal (a temuan case with sumber 'media'): the form is prefilled
// from the lead, the case is created by `createInformasiAwal`, and the archived article text is
// attached as evidence (UTF-8 .txt: the evidence rules refuse HTML files). All of it, the lead's
// state and the audit row commit together or not at all.
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { fieldMessage, localizeIssue } from '../../platform/validationMessages.ts';
import { appendAudit } from '../audit/index.ts';
import { isWithinRegion } from '../../../domain/regions/search.ts';
import { jurisdictionOf, type Principal } from '../../../domain/access/policy.ts';
import { localDateOf, zoneForRegion } from '../../../domain/time/zones.ts';
import { neutralityActsForMediaActs } from '../../../domain/leads/acts.ts';
import { createInformasiAwal } from '../cases/index.ts';
import { temuanBody } from '../cases/index.ts';
import type { CaseDeps } from '../cases/index.ts';
import { nowOf } from '../cases/index.ts';
import { loadVisibleLead, type LeadRow } from './inbox.ts';
import { assertCanDecideLeads, leadScopeOf } from './policy.ts';
import {
  attachTextEvidence,
  markClusterLeadsReviewed,
  markLeadPromoted,
  dbInTransaction,
  regionExists,
  selectArticleToPromote,
  type ArticleToPromote,
} from './repository/articles.ts';
import type { PromoteInput } from './schemas.ts';

/** The region a promoted temuan defaults to: the most specific lead region within the principal's jurisdiction. */
export function defaultRegionFor(principal: Principal, regions: LeadRow['regions']): string | null {
  const j = jurisdictionOf(principal);
  const usable = regions.filter((r) => j.kind === 'national' || (j.kind === 'region' && isWithinRegion(r.code, j.regionCode)));
  const ranked = [...usable].sort((a, b) => b.code.length - a.code.length);
  return ranked[0]?.code ?? (j.kind === 'region' ? j.regionCode : null);
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
/** Case text is plain: angle brackets from news text would trip the markup guard, so they are replaced. */
const inert = (text: string) =>
  text
    .replace(/[<>]/g, (c) => (c === '<' ? '‹' : '›'))
    .replace(/javascript:/gi, 'javascript :')
    .replace(/\bon([a-z]+)\s*=/gi, 'on$1 =');

const alreadyDecided = (lead: LeadRow) =>
  new AppError(
    'invalid_state_transition',
    { id: 'Lead ini sudah diputuskan.', en: 'This lead has already been decided.' },
    { details: { state: lead.state, caseId: lead.promoted_case_id } },
  );

/** The region of the event: the one chosen, else the lead's most specific one in the principal's jurisdiction; it must exist. */
async function eventRegion(tx: Tx, principal: Principal, lead: LeadRow, chosen: string | undefined): Promise<string> {
  const kodeWilayah = chosen ?? defaultRegionFor(principal, lead.regions);
  if (!kodeWilayah)
    throw new AppError(
      'validation_failed',
      { id: 'Pilih kode wilayah kejadian.', en: 'Choose the region of the event.' },
      { field: 'kodeWilayah' },
    );
  if (!(await regionExists(tx, kodeWilayah))) {
    throw new AppError(
      'region_not_found',
      { id: `Kode wilayah tidak dikenal: ${kodeWilayah}`, en: `Unknown region code: ${kodeWilayah}` },
      { field: 'kodeWilayah' },
    );
  }
  return kodeWilayah;
}

/** The informasi awal form prefilled from the lead and its article, checked like a staff submission. */
function temuanFromLead(lead: LeadRow, article: ArticleToPromote, kodeWilayah: string, input: PromoteInput) {
  const zone = zoneForRegion(kodeWilayah);
  // Known when the article reached Netra (the conservative start of the 7-day temuan clock).
  const tanggalDiketahui = input.tanggalDiketahui ?? localDateOf(new Date(article.fetched_at), zone);
  const published = article.published_at ? localDateOf(new Date(article.published_at), zone) : null;
  let tanggalKejadian = input.tanggalKejadian ?? lead.date ?? published ?? tanggalDiketahui;
  if (!input.tanggalKejadian && tanggalKejadian > tanggalDiketahui) tanggalKejadian = tanggalDiketahui;
  const region = lead.regions.find((r) => r.code === kodeWilayah);
  const title = article.title ?? 'Artikel media';
  const candidate = {
    sumber: 'media',
    judul: input.judul ?? clip(inert(title), 200).padEnd(5, '.'),
    uraian:
      input.uraian ??
      clip(inert(`Informasi awal dari pemantauan media${article.url ? ` (${article.url})` : ''}.\n\n${article.text}`), 20_000),
    kodeWilayah,
    tempat: input.tempat ?? region?.name ?? kodeWilayah,
    tanggalKejadian,
    tanggalDiketahui,
    perbuatan: input.perbuatan ?? neutralityActsForMediaActs(lead.acts),
    terlapor: input.terlapor,
    buktiTautan: article.url ? [article.url] : [],
    leadId: lead.id,
  };
  const parsed = temuanBody.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.');
    throw new AppError('validation_failed', fieldMessage(field, localizeIssue(issue)), { field });
  }
  return parsed.data;
}

/** Attaches the archived text (already in the store since processing; put again in case the store was restored without it). */
async function attachArticleText(tx: Tx, evidence: CaseDeps['evidence'], caseId: string, article: ArticleToPromote, now: Date) {
  const bytes = Buffer.from(article.text, 'utf8');
  const sha = await evidence.put(bytes);
  if (sha !== article.text_sha256)
    throw new AppError('conflict', { id: 'Integritas teks arsip gagal.', en: 'Archived text integrity check failed.' });
  await attachTextEvidence(
    tx,
    { caseId, sha256: sha, sizeBytes: bytes.length, originalName: `artikel-media-${article.id.slice(0, 8)}.txt` },
    now,
  );
  return sha;
}

export async function promoteLead(deps: CaseDeps, principal: Principal, leadId: string, input: PromoteInput) {
  assertCanDecideLeads(principal);
  const scope = leadScopeOf(principal);
  const now = nowOf(deps);
  return deps.db.transaction(async (tx) => {
    const lead = await loadVisibleLead(tx, scope, leadId, true);
    if (lead.state === 'dipromosikan' || lead.state === 'diabaikan') throw alreadyDecided(lead);
    const article = await selectArticleToPromote(tx, lead.article_id);
    const kodeWilayah = await eventRegion(tx, principal, lead, input.kodeWilayah);
    const temuan = temuanFromLead(lead, article, kodeWilayah, input);
    const created = await createInformasiAwal({ ...deps, db: dbInTransaction(deps.db, tx) }, principal, temuan);
    const sha = await attachArticleText(tx, deps.evidence, created.id, article, now);
    await markLeadPromoted(tx, lead.id, created.id, principal.id, now);
    if (article.cluster_id) await markClusterLeadsReviewed(tx, article.cluster_id, lead.id, now);
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: 'lead.promoted',
      entityType: 'lead',
      entityId: lead.id,
      regionCode: created.officeCode,
      at: now,
      data: { caseId: created.id, evidenceSha256: sha, articleId: article.id },
    });
    return {
      leadId: lead.id,
      state: 'dipromosikan' as const,
      caseId: created.id,
      caseState: created.state,
      officeCode: created.officeCode,
      evidenceSha256: sha,
    };
  });
}
