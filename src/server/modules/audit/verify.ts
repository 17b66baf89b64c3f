// Verifies the audit trail: the chain from genesis (links, hashes, no gaps in ids), then every
// stored checkpoint (row at its last id present with its head hash, event count, contiguous
// checkpoint ids, signature by a trusted key) and, for outsiders, checkpoints kept elsewhere.
// A failure names the first audit event id that cannot be trusted.
import type { Queryable } from '../../db/client.ts';
import { GENESIS_HASH, hashAuditRow, type AuditRow } from './service.ts';
import {
  checkpointFromRow,
  gaplessAfter,
  verifyCheckpointSignature,
  type AuditCheckpoint,
  type OutsideCheckpoints,
} from './checkpoints.ts';

type Failure = { ok: false; brokenId: number; reason: string };
type Cursor = { id: number; hash: string; count: number };

/**
 * Walks rows after `start` in id order (pages), calling `onRow` after each row is checked.
 * Ids must follow each other; gaps are tolerated only at or below `gaplessAfter` (before the
 * ids became gapless).
 */
export async function walkChain(
  db: Queryable,
  start: Cursor,
  gaplessAfterId: number,
  onRow?: (at: Cursor) => Promise<Failure | null> | Failure | null,
  pageSize = 5000,
): Promise<({ ok: true } | Failure) & { lastId: number; hash: string; count: number }> {
  const at = { ...start };
  for (;;) {
    const page = await db.query<AuditRow>('SELECT * FROM audit_events WHERE id > $1 ORDER BY id LIMIT $2', [at.id, pageSize]);
    if (page.rows.length === 0) return { ok: true, lastId: at.id, hash: at.hash, count: at.count };
    for (const row of page.rows) {
      const id = Number(row.id);
      const fail = (brokenId: number, reason: string) => ({
        ok: false as const,
        brokenId,
        reason,
        lastId: at.id,
        hash: at.hash,
        count: at.count,
      });
      if (id !== at.id + 1 && id > gaplessAfterId) {
        const missing = Math.max(at.id + 1, gaplessAfterId + 1);
        return fail(missing, `id ${missing} is missing (gap before id ${id}): rows were deleted`);
      }
      if (row.prev_hash !== at.hash) return fail(id, 'prev_hash does not match the previous row');
      if (hashAuditRow(row) !== row.hash) return fail(id, 'hash does not match the row content');
      at.id = id;
      at.hash = row.hash;
      at.count++;
      const failure = await onRow?.(at);
      if (failure) return { ...failure, lastId: at.id, hash: at.hash, count: at.count };
    }
  }
}

export type AuditVerification = { ok: true; count: number } | { ok: false; count: number; brokenId: number; reason: string };
export type AuditTrailVerification = AuditVerification & { checkpoints: number; outsideCheckpoints: number; signaturesChecked: boolean };

export interface VerifyOptions {
  /** keyId → public key PEM the instance vouches for; without it signatures are not checked. */
  trustedKeys?: Map<string, string>;
  /** Checkpoints kept outside (downloaded earlier), checked against their own pinned keys. */
  outside?: OutsideCheckpoints;
  pageSize?: number;
}

/** The whole trail: chain, stored checkpoints and, if given, outside checkpoints. */
export async function verifyAuditTrail(db: Queryable, options: VerifyOptions = {}): Promise<AuditTrailVerification> {
  const pageSize = options.pageSize ?? 5000;
  const gapless = await gaplessAfter(db);
  // Stored checkpoints are read in id order in pages, so memory stays flat on a long trail.
  let queue: AuditCheckpoint[] = [];
  let fetchedThrough = 0;
  let exhausted = false;
  const peek = async (): Promise<AuditCheckpoint | undefined> => {
    if (queue.length === 0 && !exhausted) {
      const rows = await db.query<Parameters<typeof checkpointFromRow>[0]>(
        'SELECT * FROM audit_checkpoints WHERE id > $1 ORDER BY id LIMIT $2',
        [fetchedThrough, pageSize],
      );
      queue = rows.rows.map(checkpointFromRow);
      if (queue.length === 0) exhausted = true;
      else fetchedThrough = queue[queue.length - 1].id;
    }
    return queue[0];
  };
  const outside = options.outside?.checkpoints ?? [];
  let outsideIndex = 0;
  let checked = 0;
  let expectedCheckpointId = 1;
  // The first event not yet pinned by a verified checkpoint: what a rewrite could have touched.
  let pinnedThrough = 0;

  const check = (cp: AuditCheckpoint, at: Cursor, source: 'stored' | 'outside'): Failure | null => {
    const label = `${source === 'outside' ? 'outside ' : ''}checkpoint #${cp.id} (${cp.signedAt})`;
    const from = pinnedThrough + 1;
    const bad = (reason: string): Failure => ({ ok: false, brokenId: from, reason: `${label}: ${reason}` });
    if (source === 'stored') {
      if (cp.id !== expectedCheckpointId) return bad(`checkpoint #${expectedCheckpointId} is missing (checkpoints were deleted)`);
      expectedCheckpointId++;
    }
    if (cp.lastEventId !== at.id)
      return bad(`covers id ${cp.lastEventId} but the chain there is at id ${at.id} (checkpoints out of order)`);
    if (cp.eventCount !== at.count)
      return bad(
        `signed ${cp.eventCount} events up to id ${cp.lastEventId}, the table has ${at.count}: rows ${from}–${cp.lastEventId} were deleted or added`,
      );
    if (cp.headHash !== at.hash)
      return bad(`signed head hash differs at id ${cp.lastEventId}: rows ${from}–${cp.lastEventId} were rewritten (chain re-hashed)`);
    const keys = source === 'outside' ? options.outside!.keys : options.trustedKeys;
    if (keys) {
      const pem = keys.get(cp.keyId);
      if (!pem) return bad(`signed by unknown key ${cp.keyId}`);
      if (!verifyCheckpointSignature(cp, pem)) return bad('signature is not valid');
    }
    if (source === 'stored') checked++;
    pinnedThrough = Math.max(pinnedThrough, cp.lastEventId);
    return null;
  };

  const checkAllAt = async (at: Cursor): Promise<Failure | null> => {
    for (let cp = await peek(); cp && cp.lastEventId <= at.id; cp = await peek()) {
      queue.shift();
      const failure = check(cp, at, 'stored');
      if (failure) return failure;
    }
    while (outsideIndex < outside.length && outside[outsideIndex].lastEventId <= at.id) {
      const failure = check(outside[outsideIndex++], at, 'outside');
      if (failure) return failure;
    }
    return null;
  };

  const result = async (r: AuditVerification): Promise<AuditTrailVerification> => ({
    ...r,
    checkpoints: checked,
    outsideCheckpoints: outsideIndex,
    signaturesChecked: Boolean(options.trustedKeys),
  });

  const start = { id: 0, hash: GENESIS_HASH, count: 0 };
  const before = await checkAllAt(start);
  if (before) return result({ ok: false, count: 0, brokenId: before.brokenId, reason: before.reason });
  const walked = await walkChain(db, start, gapless, checkAllAt, pageSize);
  if (!walked.ok) return result({ ok: false, count: walked.count, brokenId: walked.brokenId, reason: walked.reason });
  // Checkpoints beyond the end of the chain: its last rows were deleted.
  const leftover = await peek();
  const outsideLeft = outside[outsideIndex];
  const beyond = [leftover, outsideLeft].filter((c): c is AuditCheckpoint => Boolean(c)).sort((a, b) => a.lastEventId - b.lastEventId)[0];
  if (beyond) {
    const source = beyond === leftover ? '' : 'outside ';
    return result({
      ok: false,
      count: walked.count,
      brokenId: walked.lastId + 1,
      reason:
        `${source}checkpoint #${beyond.id} (${beyond.signedAt}) covers events up to id ${beyond.lastEventId} (${beyond.eventCount} events), the chain ends at id ${walked.lastId}: rows ${walked.lastId + 1}–${beyond.lastEventId} were deleted` +
        (pinnedThrough < walked.lastId
          ? ` (and rows ${pinnedThrough + 1}–${walked.lastId} are not vouched for by any valid checkpoint)`
          : ''),
    });
  }
  return result({ ok: true, count: walked.count });
}

/** Chain and stored checkpoints without signatures (restore, tests); `{ ok, count }` as before. */
export async function verifyAuditChain(db: Queryable, pageSize = 5000): Promise<AuditVerification> {
  const r = await verifyAuditTrail(db, { pageSize });
  return r.ok ? { ok: true, count: r.count } : { ok: false, count: r.count, brokenId: r.brokenId, reason: r.reason };
}
