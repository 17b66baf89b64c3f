// Lead sources (admin): RSS/Atom feeds to poll, push endpoints for scrapers (with a bearer token
// shown once, stored as SHA-256), plus the implicit 'manual' and per-upload 'import' sources.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import type { Principal } from '../../../domain/access/policy.ts';
import { enqueueJob } from '../../jobs/queue.ts';
import type { LeadSourceCreate, LeadSourcePatch } from './schemas.ts';
import { assertCanManageSources } from './policy.ts';
import {
  insertImportSource,
  insertIngestToken,
  insertManualSourceOnce,
  insertSource,
  lockSource,
  revokeIngestTokens,
  selectPushSourceByToken,
  selectSource,
  selectSourcesWithCounts,
  touchIngestToken,
  updateSourceSettings,
  type LeadSourceRow,
} from './repository/sources.ts';

export type { LeadSourceRow } from './repository/sources.ts';

export const MANUAL_SOURCE_ID = 'manual';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function presentSource(s: LeadSourceRow & { articles?: number }) {
  return {
    id: s.id,
    kind: s.kind,
    url: s.url,
    name: s.name,
    enabled: s.enabled,
    pollMinutes: s.poll_minutes,
    nextPollAt: iso(s.next_poll_at),
    lastPolledAt: iso(s.last_polled_at),
    failures: s.failures,
    lastError: s.last_error,
    articles: s.articles ?? 0,
    createdAt: iso(s.created_at),
  };
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const actorOf = (p: Principal) => ({ id: p.id, role: p.role });

export async function findSource(db: Queryable, id: string): Promise<LeadSourceRow | null> {
  return selectSource(db, id);
}

const sourceNotFound = () => new AppError('not_found', { id: 'Sumber tidak ditemukan.', en: 'Source not found.' });

export async function createLeadSource(db: Db, principal: Principal, input: LeadSourceCreate, now: Date) {
  assertCanManageSources(principal);
  if ((input.kind === 'rss' || input.kind === 'atom') && !input.url) {
    throw new AppError(
      'validation_failed',
      { id: 'Umpan RSS/Atom memerlukan alamat URL.', en: 'An RSS/Atom feed needs a URL.' },
      { field: 'url' },
    );
  }
  const id = randomUUID();
  const token = input.kind === 'push' ? `ntri_${randomBytes(32).toString('base64url')}` : null;
  const row = await db.transaction(async (tx) => {
    const inserted = await insertSource(
      tx,
      { id, kind: input.kind, url: input.url ?? null, name: input.name, pollMinutes: input.pollMinutes, createdBy: principal.id },
      now,
    );
    if (token) await insertIngestToken(tx, { id: randomUUID(), sourceId: id, tokenHash: hashToken(token), createdBy: principal.id }, now);
    await appendAudit(tx, {
      actor: actorOf(principal),
      action: 'lead_source.created',
      entityType: 'lead_source',
      entityId: id,
      at: now,
      data: { kind: input.kind, url: input.url ?? null, name: input.name },
    });
    return inserted;
  });
  return {
    ...presentSource(row),
    ...(token
      ? {
          token,
          message: {
            id: 'Simpan token ini sekarang; token tidak ditampilkan lagi.',
            en: 'Store this token now; it will not be shown again.',
          },
        }
      : {}),
  };
}

export async function listLeadSources(db: Queryable, principal: Principal) {
  assertCanManageSources(principal);
  const rows = await selectSourcesWithCounts(db);
  return { items: rows.map(presentSource), total: rows.length };
}

export async function updateLeadSource(db: Db, principal: Principal, id: string, input: LeadSourcePatch, now: Date) {
  assertCanManageSources(principal);
  return db.transaction(async (tx) => {
    const current = await lockSource(tx, id);
    if (!current) throw sourceNotFound();
    const urlChanged = input.url !== undefined && input.url !== current.url;
    if (urlChanged && current.kind !== 'rss' && current.kind !== 'atom') {
      throw new AppError(
        'validation_failed',
        { id: 'Hanya umpan RSS/Atom yang memiliki URL.', en: 'Only RSS/Atom feeds have a URL.' },
        { field: 'url' },
      );
    }
    const updated = await updateSourceSettings(
      tx,
      id,
      {
        name: input.name ?? current.name,
        url: input.url ?? current.url,
        enabled: input.enabled ?? current.enabled,
        pollMinutes: input.pollMinutes ?? current.poll_minutes,
      },
      urlChanged,
      now,
    );
    if (input.enabled === false && current.kind === 'push') await revokeIngestTokens(tx, id, now);
    await appendAudit(tx, {
      actor: actorOf(principal),
      action: 'lead_source.updated',
      entityType: 'lead_source',
      entityId: id,
      at: now,
      data: { ...input },
    });
    return presentSource(updated);
  });
}

/** Queues an immediate fetch of one feed (the worker runs it; `GET /lead-jobs/{id}` shows progress). */
export async function requestPoll(db: Db, principal: Principal, id: string, now: Date) {
  assertCanManageSources(principal);
  const source = await findSource(db, id);
  if (!source) throw sourceNotFound();
  if (source.kind !== 'rss' && source.kind !== 'atom') {
    throw new AppError(
      'validation_failed',
      { id: 'Hanya umpan RSS/Atom yang dapat diambil.', en: 'Only RSS/Atom feeds can be polled.' },
      { field: 'id' },
    );
  }
  // The request is a state change of its own (a fetch the admin asked for): audited with its job.
  const jobId = await db.transaction(async (tx) => {
    const queued = await enqueueJob(
      tx,
      'leads.fetch_feed',
      { sourceId: id, manual: true },
      { dedupeKey: `leads.fetch_feed:${id}:manual:${now.getTime()}`, maxAttempts: 1, runAfter: now },
    );
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: 'lead_source.poll_requested',
      entityType: 'lead_source',
      entityId: id,
      data: { jobId: queued },
      at: now,
    });
    return queued;
  });
  return { jobId };
}

/** `Authorization: Bearer <token>` → the push source, or 401 (also for disabled sources and revoked tokens). */
export async function authenticatePush(db: Queryable, request: FastifyRequest, now: Date): Promise<LeadSourceRow> {
  const match = /^Bearer\s+(\S{10,200})$/i.exec(String(request.headers.authorization ?? ''));
  const row = match ? await selectPushSourceByToken(db, hashToken(match[1])) : undefined;
  if (!row)
    throw new AppError(
      'unauthenticated',
      { id: 'Token pengiriman tidak ada atau tidak sah.', en: 'Missing or invalid ingest token.' },
      { field: 'Authorization' },
    );
  await touchIngestToken(db, row.token_id, now);
  return row;
}

/** The shared source for pasted articles, created on first use. */
export async function ensureManualSource(db: Queryable, now: Date): Promise<string> {
  await insertManualSourceOnce(db, MANUAL_SOURCE_ID, now);
  return MANUAL_SOURCE_ID;
}

/** One source per uploaded file, so each import can be traced and its articles listed. */
export async function createImportSource(db: Queryable, principal: Principal, name: string, now: Date): Promise<string> {
  const id = randomUUID();
  await insertImportSource(db, id, name, principal.id, now);
  return id;
}
