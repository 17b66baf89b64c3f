// Unclaimed uploads expire. A reporter uploads files first and files the laporan (or informasi)
// afterwards; an upload no report claimed within the policy period (`evidence.unclaimed_upload_hours`,
// default 48) is deleted with its file and its public copy, on whichever store is configured, and
// each deletion is audited. A file still referenced anywhere else (another upload of the same bytes,
// a case, a media article's archive, a sanction or pledge document) stays.
import type { Db } from '../../db/client.ts';
import type { EvidenceStore } from '../../platform/storage.ts';
import { appendAudit, SYSTEM_ACTOR } from '../audit/index.ts';
import { readSetting, UNCLAIMED_UPLOAD_HOURS_KEY } from '../referrals/index.ts';
import {
  deleteEvidenceFile,
  deletePublicCopiesOf,
  deleteUnclaimedUpload,
  fileStillClaimed,
  isReferenced,
  lockEvidenceFile,
  publicCopyOf,
  unclaimedUploadsBefore,
} from './repository.ts';

export const DEFAULT_UNCLAIMED_UPLOAD_HOURS = 48;
const BATCH = 200;

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
    const due = await unclaimedUploadsBefore(deps.db, cutoff, BATCH);
    if (due.length === 0) break;
    for (const upload of due) {
      // One transaction per upload: the file is deleted from the store inside it, after the rows
      // and before the commit, so a failing store rolls the rows back (retried next run) and no
      // row ever outlives its file unnoticed.
      await deps.db.transaction(async (tx) => {
        await lockEvidenceFile(tx, upload.sha256);
        const derived = await publicCopyOf(tx, upload.sha256);
        if (derived) await lockEvidenceFile(tx, derived);
        // A report may have claimed it since the batch was read.
        if (!(await deleteUnclaimedUpload(tx, upload.id))) return;
        const files: string[] = [];
        if (!(await fileStillClaimed(tx, upload.sha256))) {
          await deletePublicCopiesOf(tx, upload.sha256);
          for (const sha of derived ? [upload.sha256, derived] : [upload.sha256]) {
            if (await isReferenced(tx, sha)) continue;
            await deleteEvidenceFile(tx, sha);
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
    if (due.length < BATCH) break;
  }
  return { expiredUploads, deletedFiles, olderThan: cutoff.toISOString() };
}
