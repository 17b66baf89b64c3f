// Evidence uploads and staff access. An upload is checked by content (domain/evidence), stored
// immutably and content-addressed, and gets a metadata-free public copy; the laporan then lists
// the upload id in `bukti`. Staff read files per case; every read is logged (chain of custody)
// and reads of originals also go to the audit chain with their stated purpose.
import { randomBytes } from 'node:crypto';
import { AppError, notFound, type ErrorCode } from '../../platform/errors.ts';
import { EvidenceCorruptedError, EvidenceMissingError, sha256Hex } from '../../platform/storage.ts';
import { appendAudit } from '../audit/index.ts';
import type { Principal } from '../../../domain/access/policy.ts';
import { DEFAULT_EVIDENCE_LIMITS, inspectEvidence, type EvidenceLimits, type Rejection } from '../../../domain/evidence/inspect.ts';
import type { EvidenceKind } from '../../../domain/evidence/sniff.ts';
import { loadCaseForStaff } from '../cases/index.ts';
import { nowOf, type CaseDeps } from '../cases/index.ts';
import { derivePublicPdf, UnreadablePdfError } from './pdfCopy.ts';
import { assertCanReadEvidence } from './policy.ts';
import {
  caseEvidenceFile,
  insertEvidenceFile,
  insertPublicCopy,
  insertUpload,
  lockEvidenceFile,
  logEvidenceAccess,
  publicCopyOf,
  uploadsByIds,
} from './repository.ts';

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
    const fileRow = {
      mimeType: type.mimeType,
      kind: type.kind,
      width: inspection.dimensions?.width ?? null,
      height: inspection.dimensions?.height ?? null,
      at: now,
    };
    await insertEvidenceFile(tx, { ...fileRow, sha256, size: file.bytes.length });
    if (derived && derivedSha) {
      await insertEvidenceFile(tx, { ...fileRow, sha256: derivedSha, size: derived.bytes.length });
      await insertPublicCopy(tx, {
        originalSha256: sha256,
        derivedSha256: derivedSha,
        method: derived.method,
        removed: derived.removed,
        at: now,
      });
    }
    await insertUpload(tx, { id, sha256, originalName: fileName, at: now });
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
  const rows = await uploadsByIds(deps.db, uploadIds);
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

/** The file to send: the original, or its public copy (404 when it has none). */
async function targetOf(deps: CaseDeps, sha256: string, variant: EvidenceVariant): Promise<string> {
  if (variant === 'original') return sha256;
  const derived = await publicCopyOf(deps.db, sha256);
  if (!derived) {
    throw new AppError(
      'not_found',
      {
        id: 'Salinan publik tidak tersedia untuk berkas ini (mis. video); buka berkas asli dengan menyebutkan tujuan.',
        en: 'No public copy exists for this file (e.g. a video); open the original with a stated purpose.',
      },
      { field: 'variant' },
    );
  }
  return derived;
}

/** The stored bytes, checked against their SHA-256: a missing or altered file is a 409, an unreachable store a 503. */
async function readVerified(deps: CaseDeps, target: string): Promise<Buffer> {
  try {
    const content = await deps.evidence.get(target);
    if (sha256Hex(content) !== target) throw new EvidenceCorruptedError(target);
    return content;
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
  assertCanReadEvidence(principal, c.office_code);
  const row = await caseEvidenceFile(deps.db, caseId, sha256);
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
  const target = await targetOf(deps, sha256, variant);
  const content = await readVerified(deps, target);
  const now = nowOf(deps);
  await deps.db.transaction(async (tx) => {
    await logEvidenceAccess(tx, { sha256, caseId, actorId: principal.id, at: now, purpose: purpose ?? 'lihat salinan publik', variant });
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
