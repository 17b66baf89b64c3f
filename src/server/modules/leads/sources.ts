// Lead sources (admin): RSS/Atom feeds to poll, push endpoints for scrapers (with a bearer token
// shown once, stored as SHA-256), plus the implicit 'manual' and per-upload 'import' sources.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db, Queryable } from '../../db/client.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { canManageUsers, type Principal } from '../../../domain/access/policy.ts';
import { enqueueJob } from '../../jobs/queue.ts';
import type { LeadSourceCreate, LeadSourcePatch } from './schemas.ts';

export interface LeadSourceRow {
  id: string;
  kind: 'rss' | 'atom' | 'push' | 'import' | 'manual';
  url: string | null;
  name: string;
  enabled: boolean;
  poll_minutes: number;
  etag: string | null;
  last_modified: string | null;
  next_poll_at: Date | null;
  last_polled_at: Date | null;
  failures: number;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
}

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

const requireAdmin = (principal: Principal) => {
  if (!canManageUsers(principal)) throw forbidden();
};
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const actorOf = (p: Principal) => ({ id: p.id, role: p.role });

export async function findSource(db: Queryable, id: string): Promise<LeadSourceRow | null> {
  return (await db.query<LeadSourceRow>('SELECT * FROM lead_sources WHERE id = $1', [id])).rows[0] ?? null;
}

const sourceNotFound = () => new AppError('not_found', { id: 'Sumber tidak ditemukan.', en: 'Source not found.' });

export async function createLeadSource(db: Db, principal: Principal, input: LeadSourceCreate, now: Date) {
  requireAdmin(principal);
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
    const inserted = await tx.query<LeadSourceRow>(
      `INSERT INTO lead_sources (id, kind, url, name, enabled, poll_minutes, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, true, $5, $6, $7, $7) RETURNING *`,
      [id, input.kind, input.url ?? null, input.name, input.pollMinutes, principal.id, now],
    );
    if (token) {
      await tx.query('INSERT INTO ingest_tokens (id, source_id, token_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5)', [
        randomUUID(),
        id,
        hashToken(token),
        principal.id,
        now,
      ]);
    }
    await appendAudit(tx, {
      actor: actorOf(principal),
      action: 'lead_source.created',
      entityType: 'lead_source',
      entityId: id,
      at: now,
      data: { kind: input.kind, url: input.url ?? null, name: input.name },
    });
    return inserted.rows[0];
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
  requireAdmin(principal);
  const rows = await db.query<LeadSourceRow & { articles: number }>(
    `SELECT s.*, (SELECT count(*) FROM articles a WHERE a.source_id = s.id)::int AS articles FROM lead_sources s ORDER BY s.created_at DESC, s.id`,
  );
  return { items: rows.rows.map(presentSource), total: rows.rows.length };
}

export async function updateLeadSource(db: Db, principal: Principal, id: string, input: LeadSourcePatch, now: Date) {
  requireAdmin(principal);
  return db.transaction(async (tx) => {
    const current = (await tx.query<LeadSourceRow>('SELECT * FROM lead_sources WHERE id = $1 FOR UPDATE', [id])).rows[0];
    if (!current) throw sourceNotFound();
    const urlChanged = input.url !== undefined && input.url !== current.url;
    if (urlChanged && current.kind !== 'rss' && current.kind !== 'atom') {
      throw new AppError(
        'validation_failed',
        { id: 'Hanya umpan RSS/Atom yang memiliki URL.', en: 'Only RSS/Atom feeds have a URL.' },
        { field: 'url' },
      );
    }
    const updated = await tx.query<LeadSourceRow>(
      `UPDATE lead_sources SET name = $2, url = $3, enabled = $4, poll_minutes = $5, updated_at = $6,
         etag = CASE WHEN $7 THEN NULL ELSE etag END, last_modified = CASE WHEN $7 THEN NULL ELSE last_modified END,
         failures = CASE WHEN $7 OR ($4 AND NOT enabled) THEN 0 ELSE failures END,
         next_poll_at = CASE WHEN $7 OR ($4 AND NOT enabled) THEN NULL ELSE next_poll_at END
       WHERE id = $1 RETURNING *`,
      [
        id,
        input.name ?? current.name,
        input.url ?? current.url,
        input.enabled ?? current.enabled,
        input.pollMinutes ?? current.poll_minutes,
        now,
        urlChanged,
      ],
    );
    if (input.enabled === false && current.kind === 'push') {
      await tx.query('UPDATE ingest_tokens SET revoked_at = $2 WHERE source_id = $1 AND revoked_at IS NULL', [id, now]);
    }
    await appendAudit(tx, {
      actor: actorOf(principal),
      action: 'lead_source.updated',
      entityType: 'lead_source',
      entityId: id,
      at: now,
      data: { ...input },
    });
    return presentSource(updated.rows[0]);
  });
}

/** Queues an immediate fetch of one feed (the worker runs it; `GET /lead-jobs/{id}` shows progress). */
export async function requestPoll(db: Db, principal: Principal, id: string, now: Date) {
  requireAdmin(principal);
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
  const found = match
    ? await db.query<LeadSourceRow & { token_id: string }>(
        `SELECT s.*, t.id AS token_id FROM ingest_tokens t JOIN lead_sources s ON s.id = t.source_id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND s.enabled AND s.kind = 'push'`,
        [hashToken(match[1])],
      )
    : null;
  const row = found?.rows[0];
  if (!row)
    throw new AppError(
      'unauthenticated',
      { id: 'Token pengiriman tidak ada atau tidak sah.', en: 'Missing or invalid ingest token.' },
      { field: 'Authorization' },
    );
  await db.query('UPDATE ingest_tokens SET last_used_at = $2 WHERE id = $1', [row.token_id, now]);
  return row;
}

/** The shared source for pasted articles, created on first use. */
export async function ensureManualSource(db: Queryable, now: Date): Promise<string> {
  await db.query(
    `INSERT INTO lead_sources (id, kind, name, enabled, created_at, updated_at) VALUES ($1, 'manual', 'Tempel manual', true, $2, $2)
     ON CONFLICT (id) DO NOTHING`,
    [MANUAL_SOURCE_ID, now],
  );
  return MANUAL_SOURCE_ID;
}

/** One source per uploaded file, so each import can be traced and its articles listed. */
export async function createImportSource(db: Queryable, principal: Principal, name: string, now: Date): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO lead_sources (id, kind, name, enabled, created_by, created_at, updated_at) VALUES ($1, 'import', $2, true, $3, $4, $4)`,
    [id, name, principal.id, now],
  );
  return id;
}
