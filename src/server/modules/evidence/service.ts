// Evidence uploads and staff access. An upload is checked by content (domain/evidence), stored
// immutably and content-addressed, and gets a metadata-free public copy; the laporan then lists
// the upload id in `bukti`. Staff read files per case; every read is logged (chain of custody)
// and reads of originals also go to the audit chain with their stated purpose.
import { randomBytes } from 'node:crypto';
import { AppError, forbidden, notFound, type ErrorCode } from '../../platform/errors.ts';
import { EvidenceCorruptedError, EvidenceMissingError, sha256Hex } from '../../platform/storage.ts';
import { lockEvidenceFile } from './expiry.ts';
import { appendAudit } from '../audit/index.ts';
import { canHandleCaseIn, type Principal } from '../../../domain/access/policy.ts';
import { DEFAULT_EVIDENCE_LIMITS, inspectEvidence, type EvidenceLimits, type Rejection } from '../../../domain/evidence/inspect.ts';
import type { EvidenceKind } from '../../../domain/evidence/sniff.ts';
import { loadCaseForStaff } from '../cases/index.ts';
import { nowOf, type CaseDeps } from '../cases/index.ts';
import { derivePublicPdf, UnreadablePdfError } from './pdfCopy.ts';

export interface UploadResult {
  id: string;
  sha256: string;
  mimeType: string;
  size: number;
  kind: EvidenceKind;
}

const REJECTION_CODE: Record<Rejection['status'], ErrorCode> = {
  400: 'validation_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'pdf_active_content',
};

export const fileError = (code: ErrorCode, message: { id: string; en: string }, details?: Record<string, unknown>) =>
  new AppError(code, message, { field: 'file', ...(details ? { details } : {}) });

/** A display name safe to store and echo: no path, no control characters, bounded length. */
export function cleanFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f"<>]/g, '')
    .trim();
  return (base || 'berkas').slice(0, 200);
}

export async function acceptUpload(
  deps: CaseDeps,
  file: { bytes: Buffer; fileName: string },
  limits: EvidenceLimits = DEFAULT_EVIDENCE_LIMITS,
): Promise<UploadResult> {
  const fileName = cleanFileName(file.fileName);
  const inspection = inspectEvidence(file.bytes, fileName, { limits });
  if (!inspection.ok) {
    const { reason, found } = inspection.rejection;
    throw fileError(REJECTION_CODE[inspection.rejection.status], inspection.rejection.message, { reason, ...(found ? { found } : {}) });
  }
  const { type } = inspection;
  let derived: { bytes: Uint8Array; removed: string[]; method: string } | null = null;
  if (inspection.publicCopy) derived = { ...inspection.publicCopy, method: `strip-${type.format}` };
  else if (type.kind === 'pdf') {
    try {
      derived = { ...(await derivePublicPdf(file.bytes)), method: 'pdf-rebuild' };
    } catch (error) {
      // The copy is built by the same parser a reader would trust least; if it cannot read the
      // file, nobody has checked what it does, so it is not kept.
      if (!(error instanceof UnreadablePdfError)) throw error;
      throw fileError(
        'validation_failed',
        {
          id: 'Berkas PDF rusak atau tidak dapat dibaca; cetak ulang ke PDF lalu kirim kembali.',
          en: 'The PDF is corrupt or cannot be read; print it to PDF again and resend it.',
        },
        { reason: 'malformed' },
      );
    }
  }

  const sha256 = sha256Hex(file.bytes);
  const derivedBytes = derived ? Buffer.from(derived.bytes) : null;
  const derivedSha = derivedBytes ? sha256Hex(derivedBytes) : null;
  const id = randomBytes(18).toString('base64url'); // 24 URL-safe characters, 144 random bits
  const now = nowOf(deps);
  await deps.db.transaction(async (tx) => {
    // The files are stored inside the transaction that records them, under the per-file lock the
    // expiry job takes: a twin upload expiring meanwhile cannot delete the file under this one,
    // and a store that fails (or dies mid-upload) leaves no upload row: nothing is acknowledged.
    await lockEvidenceFile(tx, sha256);
    if (derivedSha && derivedSha !== sha256) await lockEvidenceFile(tx, derivedSha);
    await storeOrRefuse(deps, file.bytes);
    if (derivedBytes) await storeOrRefuse(deps, derivedBytes);
    const insertFile = (sha: string, size: number) =>
      tx.query(
        `INSERT INTO evidence_files (sha256, size_bytes, mime_type, kind, width, height, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (sha256) DO NOTHING`,
        [sha, size, type.mimeType, type.kind, inspection.dimensions?.width ?? null, inspection.dimensions?.height ?? null, now],
      );
    await insertFile(sha256, file.bytes.length);
    if (derived && derivedSha) {
      await insertFile(derivedSha, derived.bytes.length);
      await tx.query(
        `INSERT INTO evidence_derivatives (original_sha256, variant, derived_sha256, method, removed, created_at)
         VALUES ($1, 'public', $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [sha256, derivedSha, derived.method, derived.removed, now],
      );
    }
    await tx.query('INSERT INTO uploads (id, sha256, original_name, created_at) VALUES ($1, $2, $3, $4)', [id, sha256, fileName, now]);
    await appendAudit(tx, {
      actor: { id: null, role: 'public' },
      action: 'evidence.uploaded',
      entityType: 'upload',
      entityId: id,
      at: now,
      data: { sha256, size: file.bytes.length, mimeType: type.mimeType, publicSha256: derivedSha },
    });
  });
  return { id, sha256, mimeType: type.mimeType, size: file.bytes.length, kind: type.kind };
}

const storeUnavailable = () =>
  new AppError(
    'unavailable',
    {
      id: 'Penyimpanan bukti sedang tidak dapat dihubungi; berkas belum tersimpan. Coba unggah lagi sebentar lagi.',
      en: 'The evidence store cannot be reached; the file was not stored. Try the upload again shortly.',
    },
    { field: 'file' },
  );

async function storeOrRefuse(deps: CaseDeps, bytes: Buffer) {
  try {
    await deps.evidence.put(bytes);
  } catch {
    throw storeUnavailable();
  }
}

/**
 * Before a report is acknowledged, each upload it claims must still have its file in the store
 * (a store that lost it, or cannot be reached, must not yield a receipt without the evidence).
 */
export async function assertUploadsStored(deps: CaseDeps, uploadIds: string[]) {
  if (uploadIds.length === 0) return;
  const rows = (
    await deps.db.query<{ id: string; sha256: string }>('SELECT id, sha256 FROM uploads WHERE id = ANY($1::text[])', [uploadIds])
  ).rows;
  for (const row of rows) {
    let stored: boolean;
    try {
      stored = await deps.evidence.has(row.sha256);
    } catch {
      throw new AppError(
        'unavailable',
        {
          id: 'Penyimpanan bukti sedang tidak dapat dihubungi; laporan belum diterima. Kirim lagi sebentar lagi.',
          en: 'The evidence store cannot be reached; the report was not received. Send it again shortly.',
        },
        { field: 'bukti' },
      );
    }
    if (!stored) {
      throw new AppError(
        'conflict',
        {
          id: `Berkas bukti ${row.id} tidak ada di penyimpanan; unggah ulang.`,
          en: `The file of evidence upload ${row.id} is not in storage; upload it again.`,
        },
        { field: 'bukti' },
      );
    }
  }
}

export type EvidenceVariant = 'original' | 'public';

export interface EvidenceDownload {
  content: Buffer;
  sha256: string;
  mimeType: string;
  fileName: string;
}

/** A case's evidence file for its handling staff; logged, and audited for originals. */
export async function readCaseEvidence(
  deps: CaseDeps,
  principal: Principal,
  caseId: string,
  sha256: string,
  variant: EvidenceVariant,
  purpose: string | undefined,
): Promise<EvidenceDownload> {
  const c = await loadCaseForStaff(deps, principal, caseId, false);
  // Analysts read statistics, not files: evidence is for the staff handling the case.
  if (!canHandleCaseIn(principal, c.office_code)) throw forbidden();
  const found = await deps.db.query<{ original_name: string; mime_type: string }>(
    `SELECT e.original_name, f.mime_type FROM case_evidence e JOIN evidence_files f ON f.sha256 = e.sha256
     WHERE e.case_id = $1 AND e.sha256 = $2`,
    [caseId, sha256],
  );
  const row = found.rows[0];
  if (!row) throw notFound({ id: 'Berkas bukti tidak ditemukan pada perkara ini.', en: 'No such evidence file in this case.' });
  if (variant === 'original' && !purpose) {
    throw new AppError(
      'validation_failed',
      {
        id: 'Membuka berkas asli memerlukan tujuan (purpose) yang dicatat.',
        en: 'Opening an original needs a stated purpose, which is logged.',
      },
      { field: 'purpose' },
    );
  }
  let target = sha256;
  if (variant === 'public') {
    const derived = await deps.db.query<{ derived_sha256: string }>(
      "SELECT derived_sha256 FROM evidence_derivatives WHERE original_sha256 = $1 AND variant = 'public'",
      [sha256],
    );
    if (!derived.rows[0]) {
      throw new AppError(
        'not_found',
        {
          id: 'Salinan publik tidak tersedia untuk berkas ini (mis. video); buka berkas asli dengan menyebutkan tujuan.',
          en: 'No public copy exists for this file (e.g. a video); open the original with a stated purpose.',
        },
        { field: 'variant' },
      );
    }
    target = derived.rows[0].derived_sha256;
  }
  let content: Buffer;
  try {
    content = await deps.evidence.get(target);
    if (sha256Hex(content) !== target) throw new EvidenceCorruptedError(target);
  } catch (error) {
    const missing = error instanceof EvidenceMissingError || (error as { code?: string }).code === 'ENOENT';
    if (!missing && !(error instanceof EvidenceCorruptedError)) {
      throw new AppError(
        'unavailable',
        { id: 'Penyimpanan bukti sedang tidak dapat dihubungi; coba lagi.', en: 'The evidence store cannot be reached; try again.' },
        { field: 'sha256' },
      );
    }
    throw new AppError(
      'conflict',
      missing
        ? {
            id: 'Berkas bukti tidak ada di penyimpanan; integritas berkas gagal.',
            en: 'The evidence file is missing from storage; integrity check failed.',
          }
        : {
            id: 'Integritas berkas gagal: isi berkas tidak cocok dengan SHA-256 yang tercatat.',
            en: 'File integrity check failed: the content does not match its recorded SHA-256.',
          },
      { field: 'sha256', details: { sha256: target } },
    );
  }
  const now = nowOf(deps);
  await deps.db.transaction(async (tx) => {
    await tx.query('INSERT INTO evidence_access_log (sha256, case_id, actor_id, at, purpose, variant) VALUES ($1, $2, $3, $4, $5, $6)', [
      sha256,
      caseId,
      principal.id,
      now,
      purpose ?? 'lihat salinan publik',
      variant,
    ]);
    if (variant === 'original') {
      await appendAudit(tx, {
        actor: { id: principal.id, role: principal.role },
        action: 'evidence.original_read',
        entityType: 'case',
        entityId: caseId,
        regionCode: c.office_code,
        at: now,
        data: { sha256, purpose },
      });
    }
  });
  const name = variant === 'public' ? `publik-${row.original_name}` : row.original_name;
  return { content, sha256: target, mimeType: row.mime_type, fileName: name };
}
