// Unclaimed uploads expire. A reporter uploads files first and files the laporan (or informasi)
// afterwards; an upload no report claimed within the policy period (`evidence.unclaimed_upload_hours`,
// default 48) is deleted with its file and its public copy, on whichever store is configured, and
// each deletion is audited. A file still referenced anywhere else (another upload of the same bytes,
// a case, a media article's archive, a sanction or pledge document) stays.
import type { Db, Tx } from '../../db/client.ts';
import type { EvidenceStore } from '../../platform/storage.ts';
import { appendAudit, SYSTEM_ACTOR } from '../audit/index.ts';
import { readSetting, UNCLAIMED_UPLOAD_HOURS_KEY } from '../referrals/index.ts';

export const DEFAULT_UNCLAIMED_UPLOAD_HOURS = 48;
const BATCH = 200;

/**
 * Serialises writers and deleters of one file: an upload of the same bytes running while its
 * twin expires either commits first (and the file is then referenced, so kept) or stores the
 * file again after the deletion. Taken by acceptUpload around its write too.
 */
export async function lockEvidenceFile(tx: Tx, sha256: string) {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`evidence:${sha256}`]);
}

async function isReferenced(tx: Tx, sha: string): Promise<boolean> {
  const found = await tx.query<{ referenced: boolean }>(
    `SELECT
      EXISTS (SELECT 1 FROM uploads WHERE sha256 = $1)
      OR EXISTS (SELECT 1 FROM case_evidence WHERE sha256 = $1)
      OR EXISTS (SELECT 1 FROM evidence_derivatives WHERE derived_sha256 = $1 OR original_sha256 = $1)
      OR EXISTS (SELECT 1 FROM articles WHERE raw_sha256 = $1) OR EXISTS (SELECT 1 FROM articles WHERE text_sha256 = $1)
      OR EXISTS (SELECT 1 FROM sanctions WHERE document_sha256 = $1)
      OR EXISTS (SELECT 1 FROM pledges WHERE document_sha256 = $1) AS referenced`,
    [sha],
  );
  return found.rows[0].referenced;
}

export interface ExpiryResult {
  expiredUploads: number;
  deletedFiles: number;
  olderThan: string;
}

export async function expireUnclaimedUploads(deps: { db: Db; evidence: EvidenceStore }, now: Date): Promise<ExpiryResult> {
  const hours =
    Number(await readSetting(deps.db, UNCLAIMED_UPLOAD_HOURS_KEY, DEFAULT_UNCLAIMED_UPLOAD_HOURS)) || DEFAULT_UNCLAIMED_UPLOAD_HOURS;
  const cutoff = new Date(now.getTime() - hours * 3_600_000);
  let expiredUploads = 0;
  let deletedFiles = 0;
  for (;;) {
    const due = await deps.db.query<{ id: string; sha256: string }>(
      'SELECT id, sha256 FROM uploads WHERE case_id IS NULL AND created_at < $1 ORDER BY created_at, id LIMIT $2',
      [cutoff, BATCH],
    );
    if (due.rows.length === 0) break;
    for (const upload of due.rows) {
      // One transaction per upload: the file is deleted from the store inside it, after the rows
      // and before the commit, so a failing store rolls the rows back (retried next run) and no
      // row ever outlives its file unnoticed.
      await deps.db.transaction(async (tx) => {
        await lockEvidenceFile(tx, upload.sha256);
        const derived = (
          await tx.query<{ derived_sha256: string }>(
            "SELECT derived_sha256 FROM evidence_derivatives WHERE original_sha256 = $1 AND variant = 'public'",
            [upload.sha256],
          )
        ).rows[0]?.derived_sha256;
        if (derived) await lockEvidenceFile(tx, derived);
        // A report may have claimed it since the batch was read.
        const gone = await tx.query('DELETE FROM uploads WHERE id = $1 AND case_id IS NULL RETURNING id', [upload.id]);
        if (gone.rows.length === 0) return;
        const files: string[] = [];
        if (
          !(
            await tx.query('SELECT 1 FROM uploads WHERE sha256 = $1 UNION ALL SELECT 1 FROM case_evidence WHERE sha256 = $1 LIMIT 1', [
              upload.sha256,
            ])
          ).rows.length
        ) {
          await tx.query('DELETE FROM evidence_derivatives WHERE original_sha256 = $1', [upload.sha256]);
          for (const sha of derived ? [upload.sha256, derived] : [upload.sha256]) {
            if (await isReferenced(tx, sha)) continue;
            await tx.query('DELETE FROM evidence_files WHERE sha256 = $1', [sha]);
            files.push(sha);
          }
        }
        await appendAudit(tx, {
          actor: SYSTEM_ACTOR,
          action: 'evidence.upload_expired',
          entityType: 'upload',
          entityId: upload.id,
          at: now,
          data: { sha256: upload.sha256, deletedFiles: files, policyHours: hours, store: deps.evidence.kind },
        });
        for (const sha of files) await deps.evidence.delete(sha);
        expiredUploads++;
        deletedFiles += files.length;
      });
    }
    if (due.rows.length < BATCH) break;
  }
  return { expiredUploads, deletedFiles, olderThan: cutoff.toISOString() };
}
