// Queries of lead sources: feeds, push sources with their ingest tokens, the manual and import
// sources, and the polling bookkeeping (due feeds, conditional-request validators, back-off).
import type { Queryable, Tx } from '../../../db/client.ts';
import { execute, qb } from '../../../db/kysely.ts';

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

export async function selectSource(db: Queryable, id: string): Promise<LeadSourceRow | null> {
  return (await db.query<LeadSourceRow>('SELECT * FROM lead_sources WHERE id = $1', [id])).rows[0] ?? null;
}

export async function lockSource(tx: Tx, id: string): Promise<LeadSourceRow | undefined> {
  return (await tx.query<LeadSourceRow>('SELECT * FROM lead_sources WHERE id = $1 FOR UPDATE', [id])).rows[0];
}

export interface NewFeedSource {
  id: string;
  kind: string;
  url: string | null;
  name: string;
  pollMinutes: number;
  createdBy: string;
}

export async function insertSource(tx: Tx, source: NewFeedSource, now: Date): Promise<LeadSourceRow> {
  const inserted = await tx.query<LeadSourceRow>(
    `INSERT INTO lead_sources (id, kind, url, name, enabled, poll_minutes, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, true, $5, $6, $7, $7) RETURNING *`,
    [source.id, source.kind, source.url, source.name, source.pollMinutes, source.createdBy, now],
  );
  return inserted.rows[0];
}

export async function insertIngestToken(
  tx: Tx,
  token: { id: string; sourceId: string; tokenHash: string; createdBy: string },
  now: Date,
): Promise<void> {
  await execute(
    tx,
    qb
      .insertInto('ingest_tokens')
      .values({ id: token.id, source_id: token.sourceId, token_hash: token.tokenHash, created_by: token.createdBy, created_at: now }),
  );
}

export async function selectSourcesWithCounts(db: Queryable): Promise<(LeadSourceRow & { articles: number })[]> {
  const rows = await db.query<LeadSourceRow & { articles: number }>(
    `SELECT s.*, (SELECT count(*) FROM articles a WHERE a.source_id = s.id)::int AS articles FROM lead_sources s ORDER BY s.created_at DESC, s.id`,
  );
  return rows.rows;
}

export interface SourceSettings {
  name: string;
  url: string | null;
  enabled: boolean;
  pollMinutes: number;
}

/** A new URL drops the validators and the back-off; re-enabling drops the back-off. */
export async function updateSourceSettings(
  tx: Tx,
  id: string,
  settings: SourceSettings,
  urlChanged: boolean,
  now: Date,
): Promise<LeadSourceRow> {
  const updated = await tx.query<LeadSourceRow>(
    `UPDATE lead_sources SET name = $2, url = $3, enabled = $4, poll_minutes = $5, updated_at = $6,
       etag = CASE WHEN $7 THEN NULL ELSE etag END, last_modified = CASE WHEN $7 THEN NULL ELSE last_modified END,
       failures = CASE WHEN $7 OR ($4 AND NOT enabled) THEN 0 ELSE failures END,
       next_poll_at = CASE WHEN $7 OR ($4 AND NOT enabled) THEN NULL ELSE next_poll_at END
     WHERE id = $1 RETURNING *`,
    [id, settings.name, settings.url, settings.enabled, settings.pollMinutes, now, urlChanged],
  );
  return updated.rows[0];
}

export async function revokeIngestTokens(tx: Tx, sourceId: string, now: Date): Promise<void> {
  await execute(
    tx,
    qb.updateTable('ingest_tokens').set({ revoked_at: now }).where('source_id', '=', sourceId).where('revoked_at', 'is', null),
  );
}

/** The enabled push source of a live token, with the token's id. */
export async function selectPushSourceByToken(
  db: Queryable,
  tokenHash: string,
): Promise<(LeadSourceRow & { token_id: string }) | undefined> {
  const found = await db.query<LeadSourceRow & { token_id: string }>(
    `SELECT s.*, t.id AS token_id FROM ingest_tokens t JOIN lead_sources s ON s.id = t.source_id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND s.enabled AND s.kind = 'push'`,
    [tokenHash],
  );
  return found.rows[0];
}

export async function touchIngestToken(db: Queryable, tokenId: string, now: Date): Promise<void> {
  await execute(db, qb.updateTable('ingest_tokens').set({ last_used_at: now }).where('id', '=', tokenId));
}

export async function insertManualSourceOnce(db: Queryable, id: string, now: Date): Promise<void> {
  await execute(
    db,
    qb
      .insertInto('lead_sources')
      .values({ id, kind: 'manual', name: 'Tempel manual', enabled: true, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column('id').doNothing()),
  );
}

export async function insertImportSource(db: Queryable, id: string, name: string, createdBy: string, now: Date): Promise<void> {
  await execute(
    db,
    qb
      .insertInto('lead_sources')
      .values({ id, kind: 'import', name, enabled: true, created_by: createdBy, created_at: now, updated_at: now }),
  );
}

/** Enabled feeds whose next poll has come, never-polled first. */
export async function selectDueFeeds(db: Queryable, now: Date): Promise<Pick<LeadSourceRow, 'id' | 'next_poll_at'>[]> {
  const due = await db.query<Pick<LeadSourceRow, 'id' | 'next_poll_at'>>(
    `SELECT id, next_poll_at FROM lead_sources
     WHERE enabled AND kind IN ('rss', 'atom') AND (next_poll_at IS NULL OR next_poll_at <= $1) ORDER BY next_poll_at NULLS FIRST, id`,
    [now],
  );
  return due.rows;
}

/** 304 Not Modified: the validators stay, the failures clear. */
export async function recordNotModified(db: Queryable, sourceId: string, now: Date, nextPollAt: Date): Promise<void> {
  await db.query(`UPDATE lead_sources SET last_polled_at = $2, next_poll_at = $3, failures = 0, last_error = NULL WHERE id = $1`, [
    sourceId,
    now,
    nextPollAt,
  ]);
}

export async function recordPollFailure(
  db: Queryable,
  sourceId: string,
  failure: { now: Date; nextPollAt: Date; failures: number; message: string },
): Promise<void> {
  await db.query(`UPDATE lead_sources SET last_polled_at = $2, next_poll_at = $3, failures = $4, last_error = $5 WHERE id = $1`, [
    sourceId,
    failure.now,
    failure.nextPollAt,
    failure.failures,
    failure.message,
  ]);
}

export async function recordPollSuccess(
  db: Queryable,
  sourceId: string,
  poll: { etag: string | null; lastModified: string | null; now: Date; nextPollAt: Date },
): Promise<void> {
  await db.query(
    `UPDATE lead_sources SET etag = $2, last_modified = $3, last_polled_at = $4, next_poll_at = $5, failures = 0, last_error = NULL WHERE id = $1`,
    [sourceId, poll.etag, poll.lastModified, poll.now, poll.nextPollAt],
  );
}
