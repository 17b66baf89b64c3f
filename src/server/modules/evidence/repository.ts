// Queries for evidence: files (content-addressed), their public copies, uploads, the case links
// staff read through, the access log, and the per-file advisory lock that serialises writers and
// deleters of one file.
import type { Queryable, Tx } from '../../db/client.ts';

/**
 * Serialises writers and deleters of one file: an upload of the same bytes running while its
 * twin expires either commits first (and the file is then referenced, so kept) or stores the
 * file again after the deletion. Taken by acceptUpload around its write too.
 */
export async function lockEvidenceFile(tx: Tx, sha256: string) {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`evidence:${sha256}`]);
}

export async function insertEvidenceFile(
  tx: Tx,
  file: { sha256: string; size: number; mimeType: string; kind: string; width: number | null; height: number | null; at: Date },
) {
  await tx.query(
    `INSERT INTO evidence_files (sha256, size_bytes, mime_type, kind, width, height, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (sha256) DO NOTHING`,
    [file.sha256, file.size, file.mimeType, file.kind, file.width, file.height, file.at],
  );
}

export async function insertPublicCopy(
  tx: Tx,
  copy: { originalSha256: string; derivedSha256: string; method: string; removed: string[]; at: Date },
) {
  await tx.query(
    `INSERT INTO evidence_derivatives (original_sha256, variant, derived_sha256, method, removed, created_at)
         VALUES ($1, 'public', $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [copy.originalSha256, copy.derivedSha256, copy.method, copy.removed, copy.at],
  );
}

export async function insertUpload(tx: Tx, upload: { id: string; sha256: string; originalName: string; at: Date }) {
  await tx.query('INSERT INTO uploads (id, sha256, original_name, created_at) VALUES ($1, $2, $3, $4)', [
    upload.id,
    upload.sha256,
    upload.originalName,
    upload.at,
  ]);
}

export async function uploadsByIds(db: Queryable, ids: string[]) {
  return (await db.query<{ id: string; sha256: string }>('SELECT id, sha256 FROM uploads WHERE id = ANY($1::text[])', [ids])).rows;
}

/** The file as attached to the case (its name there and its type), or null when the case has no such file. */
export async function caseEvidenceFile(db: Queryable, caseId: string, sha256: string) {
  const found = await db.query<{ original_name: string; mime_type: string }>(
    `SELECT e.original_name, f.mime_type FROM case_evidence e JOIN evidence_files f ON f.sha256 = e.sha256
     WHERE e.case_id = $1 AND e.sha256 = $2`,
    [caseId, sha256],
  );
  return found.rows[0] ?? null;
}

/** The SHA-256 of the file's metadata-free public copy, or null when it has none (e.g. a video). */
export async function publicCopyOf(db: Queryable, sha256: string): Promise<string | null> {
  const derived = await db.query<{ derived_sha256: string }>(
    "SELECT derived_sha256 FROM evidence_derivatives WHERE original_sha256 = $1 AND variant = 'public'",
    [sha256],
  );
  return derived.rows[0]?.derived_sha256 ?? null;
}

export async function logEvidenceAccess(
  tx: Tx,
  access: { sha256: string; caseId: string; actorId: string; at: Date; purpose: string; variant: string },
) {
  await tx.query('INSERT INTO evidence_access_log (sha256, case_id, actor_id, at, purpose, variant) VALUES ($1, $2, $3, $4, $5, $6)', [
    access.sha256,
    access.caseId,
    access.actorId,
    access.at,
    access.purpose,
    access.variant,
  ]);
}

/** Uploads no report has claimed, created before the cutoff, oldest first. */
export async function unclaimedUploadsBefore(db: Queryable, cutoff: Date, limit: number) {
  return (
    await db.query<{ id: string; sha256: string }>(
      'SELECT id, sha256 FROM uploads WHERE case_id IS NULL AND created_at < $1 ORDER BY created_at, id LIMIT $2',
      [cutoff, limit],
    )
  ).rows;
}

/** Deletes the upload unless a report claimed it since; true when it was deleted. */
export async function deleteUnclaimedUpload(tx: Tx, id: string): Promise<boolean> {
  const gone = await tx.query('DELETE FROM uploads WHERE id = $1 AND case_id IS NULL RETURNING id', [id]);
  return gone.rows.length > 0;
}

/** Whether another upload or a case still holds these bytes. */
export async function fileStillClaimed(tx: Tx, sha256: string): Promise<boolean> {
  return (
    (await tx.query('SELECT 1 FROM uploads WHERE sha256 = $1 UNION ALL SELECT 1 FROM case_evidence WHERE sha256 = $1 LIMIT 1', [sha256]))
      .rows.length > 0
  );
}

export async function deletePublicCopiesOf(tx: Tx, sha256: string) {
  await tx.query('DELETE FROM evidence_derivatives WHERE original_sha256 = $1', [sha256]);
}

/** Whether anything at all still refers to the file: uploads, cases, copies, media archives, sanction or pledge documents. */
export async function isReferenced(tx: Tx, sha: string): Promise<boolean> {
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

export async function deleteEvidenceFile(tx: Tx, sha256: string) {
  await tx.query('DELETE FROM evidence_files WHERE sha256 = $1', [sha256]);
}
