// Verifies the audit trail: the chain from genesis (links, hashes, no gaps in ids), then every
// stored checkpoint (row at its last id present with its head hash, event count, contiguous
// checkpoint ids, signature by a trusted key) and, for outsiders, checkpoints kept elsewhere.
// A failure names the first audit event id that cannot be trusted.
import type { Queryable } from '../../db/client.ts';
import { GENESIS_HASH, hashAuditRow } from './service.ts';
import { checkpointFromRow, verifyCheckpointSignature, type AuditCheckpoint, type OutsideCheckpoints } from './checkpoints.ts';
import { auditEventsAfter, checkpointRowsAfter, gaplessAfter } from './repository.ts';

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
    const page = await auditEventsAfter(db, at.id, pageSize);
    if (page.length === 0) return { ok: true, lastId: at.id, hash: at.hash, count: at.count };
    for (const row of page) {
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

/** Stored checkpoints in id order, read in pages so memory stays flat on a long trail. */
function storedCheckpoints(db: Queryable, pageSize: number) {
  let queue: AuditCheckpoint[] = [];
  let fetchedThrough = 0;
  let exhausted = false;
  return {
    async peek(): Promise<AuditCheckpoint | undefined> {
      if (queue.length === 0 && !exhausted) {
        queue = (await checkpointRowsAfter(db, fetchedThrough, pageSize)).map(checkpointFromRow);
        if (queue.length === 0) exhausted = true;
        else fetchedThrough = queue[queue.length - 1].id;
      }
      return queue[0];
    },
    shift: () => queue.shift(),
  };
}

/** Checks each checkpoint against the chain where the walk reaches its last event id. */
class CheckpointChecker {
  checked = 0;
  private expectedCheckpointId = 1;
  // The last event pinned by a verified checkpoint: a rewrite can only have touched what follows.
  pinnedThrough = 0;
  constructor(private readonly options: VerifyOptions) {}

  check(cp: AuditCheckpoint, at: Cursor, source: 'stored' | 'outside'): Failure | null {
    const label = `${source === 'outside' ? 'outside ' : ''}checkpoint #${cp.id} (${cp.signedAt})`;
    const from = this.pinnedThrough + 1;
    const bad = (reason: string): Failure => ({ ok: false, brokenId: from, reason: `${label}: ${reason}` });
    if (source === 'stored') {
      if (cp.id !== this.expectedCheckpointId) return bad(`checkpoint #${this.expectedCheckpointId} is missing (checkpoints were deleted)`);
      this.expectedCheckpointId++;
    }
    if (cp.lastEventId !== at.id)
      return bad(`covers id ${cp.lastEventId} but the chain there is at id ${at.id} (checkpoints out of order)`);
    if (cp.eventCount !== at.count)
      return bad(
        `signed ${cp.eventCount} events up to id ${cp.lastEventId}, the table has ${at.count}: rows ${from}–${cp.lastEventId} were deleted or added`,
      );
    if (cp.headHash !== at.hash)
      return bad(`signed head hash differs at id ${cp.lastEventId}: rows ${from}–${cp.lastEventId} were rewritten (chain re-hashed)`);
    const keys = source === 'outside' ? this.options.outside!.keys : this.options.trustedKeys;
    if (keys) {
      const pem = keys.get(cp.keyId);
      if (!pem) return bad(`signed by unknown key ${cp.keyId}`);
      if (!verifyCheckpointSignature(cp, pem)) return bad('signature is not valid');
    }
    if (source === 'stored') this.checked++;
    this.pinnedThrough = Math.max(this.pinnedThrough, cp.lastEventId);
    return null;
  }
}

/** A checkpoint beyond the end of the chain: its last rows were deleted. */
function beyondTheEnd(
  stored: AuditCheckpoint | undefined,
  outside: AuditCheckpoint | undefined,
  walked: { lastId: number; count: number },
  pinnedThrough: number,
): AuditVerification | null {
  const beyond = [stored, outside].filter((c): c is AuditCheckpoint => Boolean(c)).sort((a, b) => a.lastEventId - b.lastEventId)[0];
  if (!beyond) return null;
  const source = beyond === stored ? '' : 'outside ';
  return {
    ok: false,
    count: walked.count,
    brokenId: walked.lastId + 1,
    reason:
      `${source}checkpoint #${beyond.id} (${beyond.signedAt}) covers events up to id ${beyond.lastEventId} (${beyond.eventCount} events), the chain ends at id ${walked.lastId}: rows ${walked.lastId + 1}–${beyond.lastEventId} were deleted` +
      (pinnedThrough < walked.lastId
        ? ` (and rows ${pinnedThrough + 1}–${walked.lastId} are not vouched for by any valid checkpoint)`
        : ''),
  };
}

/** The whole trail: chain, stored checkpoints and, if given, outside checkpoints. */
export async function verifyAuditTrail(db: Queryable, options: VerifyOptions = {}): Promise<AuditTrailVerification> {
  const pageSize = options.pageSize ?? 5000;
  const gapless = await gaplessAfter(db);
  const stored = storedCheckpoints(db, pageSize);
  const checker = new CheckpointChecker(options);
  const outside = options.outside?.checkpoints ?? [];
  let outsideIndex = 0;

  const checkAllAt = async (at: Cursor): Promise<Failure | null> => {
    for (let cp = await stored.peek(); cp && cp.lastEventId <= at.id; cp = await stored.peek()) {
      stored.shift();
      const failure = checker.check(cp, at, 'stored');
      if (failure) return failure;
    }
    while (outsideIndex < outside.length && outside[outsideIndex].lastEventId <= at.id) {
      const failure = checker.check(outside[outsideIndex++], at, 'outside');
      if (failure) return failure;
    }
    return null;
  };

  const result = (r: AuditVerification): AuditTrailVerification => ({
    ...r,
    checkpoints: checker.checked,
    outsideCheckpoints: outsideIndex,
    signaturesChecked: Boolean(options.trustedKeys),
  });

  const start = { id: 0, hash: GENESIS_HASH, count: 0 };
  const before = await checkAllAt(start);
  if (before) return result({ ok: false, count: 0, brokenId: before.brokenId, reason: before.reason });
  const walked = await walkChain(db, start, gapless, checkAllAt, pageSize);
  if (!walked.ok) return result({ ok: false, count: walked.count, brokenId: walked.brokenId, reason: walked.reason });
  return result(
    beyondTheEnd(await stored.peek(), outside[outsideIndex], walked, checker.pinnedThrough) ?? { ok: true, count: walked.count },
  );
}

/** Chain and stored checkpoints without signatures (restore, tests); `{ ok, count }` as before. */
export async function verifyAuditChain(db: Queryable, pageSize = 5000): Promise<AuditVerification> {
  const r = await verifyAuditTrail(db, { pageSize });
  return r.ok ? { ok: true, count: r.count } : { ok: false, count: r.count, brokenId: r.brokenId, reason: r.reason };
}
