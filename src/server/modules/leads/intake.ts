// Non-feed ingestion: pasted URL + text (staff), bulk import of JSONL/CSV (staff, as a job), and
// pushes from scrapers and social-media tools (bearer token).
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { EvidenceStore } from '../../platform/storage.ts';
import { appendAudit } from '../audit/index.ts';
import { enqueueJob } from '../../jobs/queue.ts';
import { jurisdictionOf, type Principal } from '../../../domain/access/policy.ts';
import { parseImport, validateImportFields, type ImportFormat, type ImportRecord } from '../../../domain/leads/importLines.ts';
import { archiveRaw, ingestArticle, recordArticle, type IncomingArticle } from './ingest.ts';
import { assertCanDecideLeads, leadScopeOf } from './policy.ts';
import { articleLeadVisible, selectLeadJob, sourceCreator } from './repository/inbox.ts';
import { createImportSource, ensureManualSource, type LeadSourceRow } from './sources.ts';
import type { ManualLeadInput } from './schemas.ts';

interface IntakeDeps {
  db: Db;
  evidence: EvidenceStore;
}

const asArticle = (r: Pick<ImportRecord, 'id' | 'url' | 'title' | 'text' | 'publishedAt'>): IncomingArticle => ({
  externalId: r.id,
  url: r.url,
  title: r.title,
  raw: Buffer.from(r.text, 'utf8'),
  contentType: 'text/plain; charset=utf-8',
  publishedAt: r.publishedAt,
});

export async function submitManualLead(deps: IntakeDeps, principal: Principal, input: ManualLeadInput, now: Date) {
  assertCanDecideLeads(principal);
  const sourceId = await ensureManualSource(deps.db, now);
  const result = await ingestArticle(
    deps,
    sourceId,
    asArticle({
      id: null,
      url: input.url ?? null,
      title: input.title ?? null,
      text: input.text,
      publishedAt: input.publishedAt ? new Date(input.publishedAt).toISOString() : null,
    }),
    now,
  );
  await deps.db.transaction((tx) =>
    appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: 'lead.manual_submitted',
      entityType: 'article',
      entityId: result.articleId,
      at: now,
      data: { url: input.url ?? null, duplicate: !result.created },
    }),
  );
  return { articleId: result.articleId, duplicate: !result.created, jobId: result.jobId };
}

export const MAX_PUSH_ITEMS = 100;
const pushEnvelope = z.object({ items: z.array(z.unknown()) });
/** The ids a lead job's payload names (jsonb, read through a schema). */
const leadJobPayload = z.object({ sourceId: z.string().optional(), articleId: z.string().optional() });

/** Validates each pushed item on its own: good items are taken, bad ones reported by index. */
export async function pushLeads(deps: IntakeDeps, source: LeadSourceRow, body: unknown, now: Date) {
  const envelope = pushEnvelope.safeParse(body);
  const list = envelope.success ? envelope.data.items : body && typeof body === 'object' && !Array.isArray(body) ? [body] : null;
  if (!list || list.length === 0) {
    throw new AppError(
      'validation_failed',
      { id: 'Kirim {"items": [...]} atau satu objek artikel.', en: 'Send {"items": [...]} or one article object.' },
      { field: 'items' },
    );
  }
  if (list.length > MAX_PUSH_ITEMS) {
    throw new AppError(
      'validation_failed',
      { id: `Paling banyak ${MAX_PUSH_ITEMS} artikel per kiriman.`, en: `At most ${MAX_PUSH_ITEMS} articles per push.` },
      { field: 'items' },
    );
  }
  const accepted: { index: number; articleId: string; duplicate: boolean }[] = [];
  const errors: { index: number; message: string }[] = [];
  for (const [index, item] of list.entries()) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      errors.push({ index, message: 'expected an object' });
      continue;
    }
    const record = validateImportFields(index + 1, item as Record<string, unknown>);
    if ('message' in record) {
      errors.push({ index, message: record.message });
      continue;
    }
    const result = await ingestArticle(deps, source.id, asArticle(record), now);
    accepted.push({ index, articleId: result.articleId, duplicate: !result.created });
  }
  return { accepted, errors };
}

export function importFormatOf(contentType: string | undefined): ImportFormat | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/csv') return 'csv';
  if (type === 'application/x-ndjson' || type === 'application/jsonl' || type === 'application/jsonlines') return 'jsonl';
  return null;
}

/**
 * Accepts an upload: the file is archived, a source is created for it and `leads.import` is queued.
 * The lines are checked here too, so the uploader sees the bad line numbers at once.
 */
export async function startImport(
  deps: IntakeDeps,
  principal: Principal,
  content: string,
  format: ImportFormat,
  name: string | undefined,
  now: Date,
) {
  assertCanDecideLeads(principal);
  const preview = parseImport(content, format);
  if (preview.records.length === 0 && preview.errors.length === 0) {
    throw new AppError('validation_failed', { id: 'Berkas impor kosong.', en: 'The import file is empty.' }, { field: 'body' });
  }
  const sha = await deps.evidence.put(Buffer.from(content, 'utf8'));
  const { sourceId, jobId } = await deps.db.transaction(async (tx) => {
    const sourceId = await createImportSource(
      tx,
      principal,
      name ?? `Impor ${now.toISOString().slice(0, 16).replace('T', ' ')} (${format.toUpperCase()})`,
      now,
    );
    const jobId = await enqueueJob(
      tx,
      'leads.import',
      { sourceId, sha256: sha, format },
      { dedupeKey: `leads.import:${sourceId}`, runAfter: now },
    );
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: 'lead.import_started',
      entityType: 'lead_source',
      entityId: sourceId,
      at: now,
      data: { sha256: sha, format, records: preview.records.length, errors: preview.errors.length },
    });
    return { sourceId, jobId };
  });
  return { jobId, sourceId, records: preview.records.length, errors: preview.errors.slice(0, 200) };
}

/** The `leads.import` job: idempotent (articles are unique per source and external id). */
export async function runImport(
  deps: IntakeDeps,
  payload: { sourceId: string; sha256: string; format: ImportFormat },
  now: Date,
  progress: (p: Record<string, unknown>) => Promise<void>,
) {
  const content = (await deps.evidence.get(payload.sha256)).toString('utf8');
  const { records, errors } = parseImport(content, payload.format);
  let imported = 0;
  let duplicates = 0;
  for (const [index, record] of records.entries()) {
    const article = asArticle(record);
    const sha = await archiveRaw(deps.evidence, article);
    const result = await deps.db.transaction((tx) => recordArticle(tx, payload.sourceId, article, sha, now));
    if (result.created) imported++;
    else duplicates++;
    if ((index + 1) % 25 === 0 || index === records.length - 1) {
      await progress({ total: records.length, done: index + 1, imported, duplicates, skipped: errors.length, line: record.line });
    }
  }
  return { imported, duplicates, skipped: errors.length, errors: errors.slice(0, 200) };
}

/**
 * Whether a non-national supervisor may see a lead job: an import they uploaded, or the processing
 * of an article whose lead (once there is one) lies in their jurisdiction. Feed fetches are the
 * admin's. (The processing result names the lead, its score and its cluster.)
 */
async function canSeeLeadJob(db: Db, principal: Principal, job: { name: string; payload: unknown }): Promise<boolean> {
  if (jurisdictionOf(principal).kind === 'national') return true;
  const parsed = leadJobPayload.safeParse(typeof job.payload === 'string' ? JSON.parse(job.payload) : job.payload);
  const payload = parsed.success ? parsed.data : {};
  if (job.name === 'leads.import') return (await sourceCreator(db, payload.sourceId ?? '')) === principal.id;
  if (job.name === 'leads.process_article') {
    const visible = await articleLeadVisible(db, leadScopeOf(principal), payload.articleId ?? '');
    return visible === undefined || visible;
  }
  return false;
}

/** A lead job's state for the uploader or the admin (only `leads.*` jobs; others' jobs are hidden). */
export async function leadJobStatus(db: Db, principal: Principal, jobId: number) {
  assertCanDecideLeads(principal);
  const job = await selectLeadJob(db, jobId);
  if (!job || !(await canSeeLeadJob(db, principal, job)))
    throw new AppError('not_found', { id: 'Pekerjaan tidak ditemukan.', en: 'Job not found.' });
  return {
    id: job.id,
    name: job.name,
    state: job.state,
    attempts: job.attempts,
    progress: job.progress,
    result: job.result,
    lastError: job.last_error,
  };
}
