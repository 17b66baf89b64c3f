// Promotion of a lead to informasi awal (a temuan case with sumber 'media'): the form is prefilled
// from the lead, the case is created by `createInformasiAwal`, and the archived article text is
// attached as evidence (UTF-8 .txt: the evidence rules refuse HTML files). All of it, the lead's
// state and the audit row commit together or not at all.
import type { Db, Tx } from '../../db/client.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
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
import { canDecideLeads, loadVisibleLead, type LeadRow } from './inbox.ts';
import type { PromoteInput } from './schemas.ts';

/** Runs a service that opens its own transaction inside the caller's (PostgreSQL has no nesting; one transaction it is). */
function dbInTransaction(db: Db, tx: Tx): Db {
  return { kind: db.kind, query: (sql, params) => tx.query(sql, params), transaction: (fn) => fn(tx), close: async () => {} };
}

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

export async function promoteLead(deps: CaseDeps, principal: Principal, leadId: string, input: PromoteInput) {
  if (!canDecideLeads(principal)) throw forbidden();
  const now = nowOf(deps);
  return deps.db.transaction(async (tx) => {
    const lead = await loadVisibleLead(tx, principal, leadId, true);
    if (lead.state === 'dipromosikan' || lead.state === 'diabaikan') {
      throw new AppError(
        'invalid_state_transition',
        { id: 'Lead ini sudah diputuskan.', en: 'This lead has already been decided.' },
        { details: { state: lead.state, caseId: lead.promoted_case_id } },
      );
    }
    const article = (
      await tx.query<{
        id: string;
        url: string | null;
        title: string | null;
        text: string;
        text_sha256: string;
        fetched_at: Date;
        published_at: Date | null;
        cluster_id: string | null;
      }>('SELECT id, url, title, text, text_sha256, fetched_at, published_at, cluster_id FROM articles WHERE id = $1', [lead.article_id])
    ).rows[0];
    const kodeWilayah = input.kodeWilayah ?? defaultRegionFor(principal, lead.regions);
    if (!kodeWilayah)
      throw new AppError(
        'validation_failed',
        { id: 'Pilih kode wilayah kejadian.', en: 'Choose the region of the event.' },
        { field: 'kodeWilayah' },
      );
    const known = await tx.query('SELECT 1 FROM regions WHERE code = $1', [kodeWilayah]);
    if (known.rows.length === 0) {
      throw new AppError(
        'region_not_found',
        { id: `Kode wilayah tidak dikenal: ${kodeWilayah}`, en: `Unknown region code: ${kodeWilayah}` },
        { field: 'kodeWilayah' },
      );
    }
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
    const created = await createInformasiAwal({ ...deps, db: dbInTransaction(deps.db, tx) }, principal, parsed.data);

    // The archived text (already in the store since processing; put again in case the store was restored without it).
    const bytes = Buffer.from(article.text, 'utf8');
    const sha = await deps.evidence.put(bytes);
    if (sha !== article.text_sha256)
      throw new AppError('conflict', { id: 'Integritas teks arsip gagal.', en: 'Archived text integrity check failed.' });
    await tx.query(
      `INSERT INTO evidence_files (sha256, size_bytes, mime_type, kind, created_at) VALUES ($1, $2, 'text/plain; charset=utf-8', 'text', $3) ON CONFLICT (sha256) DO NOTHING`,
      [sha, bytes.length, now],
    );
    // Plain text carries no metadata to strip: the public copy is the file itself.
    await tx.query(
      `INSERT INTO evidence_derivatives (original_sha256, variant, derived_sha256, method, created_at) VALUES ($1, 'public', $1, 'text-as-is', $2) ON CONFLICT DO NOTHING`,
      [sha, now],
    );
    await tx.query(
      'INSERT INTO case_evidence (case_id, sha256, original_name, added_at) VALUES ($1, $2, $3, $4) ON CONFLICT (case_id, sha256) DO NOTHING',
      [created.id, sha, `artikel-media-${article.id.slice(0, 8)}.txt`, now],
    );

    await tx.query(
      `UPDATE leads SET state = 'dipromosikan', promoted_case_id = $2, decided_by = $3, decided_at = $4, updated_at = $4 WHERE id = $1`,
      [lead.id, created.id, principal.id, now],
    );
    // Copies of the same story are reviewed with it.
    if (article.cluster_id) {
      await tx.query(
        `UPDATE leads SET state = 'ditinjau', updated_at = $3 WHERE state = 'baru' AND id <> $2
           AND article_id IN (SELECT id FROM articles WHERE cluster_id = $1)`,
        [article.cluster_id, lead.id, now],
      );
    }
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
