// The acceptance rules for one evidence upload, as a pure function of its bytes and name:
// sniffed type, per-kind size limit, extension/content agreement, active content and polyglots,
// declared image size (decompression bombs), structural soundness; and the metadata-free public
// copy for images. The HTTP layer only maps a rejection to problem+json.
import {
  extensionMatches,
  extensionOf,
  imageDimensions,
  recogniseUnsupported,
  sniffFormat,
  type EvidenceKind,
  type ImageDimensions,
  type SniffedType,
} from './sniff.ts';
import { MalformedFileError, stripImageMetadata, type StripResult } from './strip.ts';
import { DEFAULT_PDF_SCAN_LIMITS, decodePdfNames, latin1, scanPdf, type PdfScanLimits } from './pdfScan.ts';

// The limits live in their own module so the web app checks the same numbers before uploading.
import { DEFAULT_EVIDENCE_LIMITS, type EvidenceLimits } from './limits.ts';
export { DEFAULT_EVIDENCE_LIMITS, type EvidenceLimits };

const MB = 1024 * 1024;
export const maxUploadBytes = (limits: EvidenceLimits = DEFAULT_EVIDENCE_LIMITS) => Math.max(limits.image, limits.pdf, limits.video);

export type RejectionReason =
  | 'empty'
  | 'unsupported_type'
  | 'extension_mismatch'
  | 'too_large'
  | 'too_many_pixels'
  | 'polyglot'
  | 'active_content'
  | 'encrypted_pdf'
  | 'malformed';

export interface Rejection {
  reason: RejectionReason;
  /** HTTP status the reason maps to (4xx only). */
  status: 400 | 413 | 415 | 422;
  message: { id: string; en: string };
  /** For active content: what was found, in PDF terms. */
  found?: string[];
}

export interface AcceptedEvidence {
  ok: true;
  type: SniffedType;
  size: number;
  dimensions: ImageDimensions | null;
  /** Metadata-free copy for images; null for PDFs and videos (derived elsewhere or not at all). */
  publicCopy: StripResult | null;
}

export type Inspection = AcceptedEvidence | { ok: false; rejection: Rejection };

export interface InspectOptions {
  limits?: EvidenceLimits;
  /** Decoded-size limits for the PDF stream scan. */
  pdfScan?: PdfScanLimits;
}

const KIND_LABEL: Record<EvidenceKind, { id: string; en: string }> = {
  image: { id: 'gambar', en: 'images' },
  pdf: { id: 'PDF', en: 'PDFs' },
  video: { id: 'video', en: 'videos' },
};
const UNSUPPORTED_LABEL: Record<string, string> = {
  gif: 'GIF',
  heic: 'HEIC/HEIF',
  zip: 'arsip ZIP (termasuk DOCX/XLSX/APK)',
  exe: 'program Windows (EXE/DLL)',
  elf: 'program Linux (ELF)',
  svg: 'SVG',
  html: 'HTML',
  script: 'skrip',
  rar: 'arsip RAR',
  '7z': 'arsip 7z',
  matroska: 'Matroska (MKV)',
  tiff: 'TIFF',
  bmp: 'BMP',
};

/** PDF names that run code or carry hidden files, looked for in the raw bytes (after #xx escapes are decoded). */
const PDF_ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|ImportData|SubmitForm)(?![A-Za-z0-9])/;

type Rejected = { ok: false; rejection: Rejection };
const reject = (reason: RejectionReason, status: Rejection['status'], id: string, en: string): Rejected => ({
  ok: false,
  rejection: { reason, status, message: { id, en } },
});

const ACCEPTED_LIST = 'JPEG, PNG, WebP, PDF, MP4/MOV, WebM';
const megabytes = (n: number) => `${Math.round(n / MB)} MB`;

/** Markup that makes a file a polyglot: readable as an image and as a web page or script. */
const MARKUP = /<\s*(script|html|svg|iframe|object|embed|body|meta\s+http-equiv)\b|<\?php|javascript:/i;
/** In PDFs, annotation rich text (/RC) legitimately holds XHTML `<body>`: only script-bearing markup counts. */
const PDF_MARKUP = /<\s*(script|html|iframe)\b|<\?php|javascript:/i;
export function inspectEvidence(bytes: Uint8Array, fileName: string, options: InspectOptions = {}): Inspection {
  const limits = options.limits ?? DEFAULT_EVIDENCE_LIMITS;
  const type = identify(bytes, fileName, limits);
  if ('rejection' in type) return type;
  const text = latin1(bytes);
  if ((type.kind === 'pdf' ? PDF_MARKUP : MARKUP).test(text)) {
    return reject(
      'polyglot',
      415,
      'Berkas berisi kode HTML/skrip tersembunyi dan tidak diterima.',
      'The file contains hidden HTML/script code and is not accepted.',
    );
  }
  let dimensions: ImageDimensions | null = null;
  let publicCopy: StripResult | null = null;
  if (type.kind === 'image') {
    const image = inspectImage(bytes, type.format, limits);
    if ('rejection' in image) return image;
    ({ dimensions, publicCopy } = image);
  }
  if (type.kind === 'pdf') {
    const rejected = inspectPdf(bytes, text, options.pdfScan ?? DEFAULT_PDF_SCAN_LIMITS);
    if (rejected) return rejected;
  }
  return { ok: true, type, size: bytes.length, dimensions, publicCopy };
}

/** Step 1: not empty, a supported type recognised from the content, a matching extension, within the kind's size limit. */
function identify(bytes: Uint8Array, fileName: string, limits: EvidenceLimits): SniffedType | Rejected {
  if (bytes.length === 0) return reject('empty', 400, 'Berkas kosong (0 byte).', 'The file is empty (0 bytes).');
  const type = sniffFormat(bytes);
  if (!type) {
    const known = recogniseUnsupported(bytes);
    const what = known ? `Berkas ${UNSUPPORTED_LABEL[known]} tidak diterima.` : 'Jenis berkas tidak dikenali dari isinya.';
    return reject(
      'unsupported_type',
      415,
      `${what} Jenis yang diterima: ${ACCEPTED_LIST}.`,
      `${known ? `${known.toUpperCase()} files are not accepted.` : 'The file type could not be recognised from its content.'} Accepted: ${ACCEPTED_LIST}.`,
    );
  }
  if (!extensionMatches(fileName, type.format)) {
    return reject(
      'extension_mismatch',
      415,
      `Ekstensi tidak sesuai isi berkas: nama berakhiran .${extensionOf(fileName)}, isinya ${type.format.toUpperCase()}.`,
      `The extension does not match the content: named .${extensionOf(fileName)}, content is ${type.format.toUpperCase()}.`,
    );
  }
  const limit = limits[type.kind];
  if (bytes.length > limit) {
    return reject(
      'too_large',
      413,
      `Berkas terlalu besar: batas ${KIND_LABEL[type.kind].id} ${megabytes(limit)}.`,
      `File too large: the limit for ${KIND_LABEL[type.kind].en} is ${megabytes(limit)}.`,
    );
  }
  return type;
}

/** Step 2 for images: a readable size under the pixel limit (decompression bombs), then the metadata-free copy. */
function inspectImage(
  bytes: Uint8Array,
  format: SniffedType['format'],
  limits: EvidenceLimits,
): Rejected | { dimensions: ImageDimensions; publicCopy: StripResult | null } {
  const dimensions = imageDimensions(bytes, format);
  if (!dimensions || dimensions.width === 0 || dimensions.height === 0) {
    return reject('malformed', 400, 'Berkas gambar rusak: ukuran gambar tidak terbaca.', 'Corrupt image: its size cannot be read.');
  }
  if (dimensions.width * dimensions.height > limits.maxPixels) {
    return reject(
      'too_many_pixels',
      413,
      `Dimensi gambar terlalu besar (${dimensions.width}×${dimensions.height}); batas ${Math.round(limits.maxPixels / 1e6)} megapiksel.`,
      `Image dimensions too large (${dimensions.width}×${dimensions.height}); the limit is ${Math.round(limits.maxPixels / 1e6)} megapixels.`,
    );
  }
  try {
    return { dimensions, publicCopy: stripImageMetadata(bytes, format) };
  } catch (error) {
    if (error instanceof MalformedFileError)
      return reject('malformed', 400, 'Berkas gambar rusak atau tidak lengkap.', 'The image is corrupt or incomplete.');
    throw error;
  }
}

/** Step 2 for PDFs: not encrypted, no active content (raw names and decoded streams), inspectable, complete. */
function inspectPdf(bytes: Uint8Array, text: string, scanLimits: PdfScanLimits): Rejected | null {
  if (/\/Encrypt(?![A-Za-z0-9])/.test(decodePdfNames(text))) {
    return reject(
      'encrypted_pdf',
      415,
      'PDF terenkripsi atau berkata sandi tidak dapat diperiksa; kirim PDF tanpa kata sandi.',
      'Encrypted or password-protected PDFs cannot be checked; send one without a password.',
    );
  }
  const raw = PDF_ACTIVE.exec(decodePdfNames(text));
  const scan = scanPdf(bytes, scanLimits);
  if (scan.encrypted) {
    return reject(
      'encrypted_pdf',
      415,
      'PDF terenkripsi atau berkata sandi tidak dapat diperiksa; kirim PDF tanpa kata sandi.',
      'Encrypted or password-protected PDFs cannot be checked; send one without a password.',
    );
  }
  const found = [...new Set([...(raw ? [raw[1] === 'JS' ? 'JavaScript' : raw[1].replace(/s$/, '')] : []), ...scan.found])];
  if (found.length > 0) {
    const list = found.slice(0, 5).join(', ');
    return {
      ok: false,
      rejection: {
        reason: 'active_content',
        status: 422,
        found,
        message: {
          id: `PDF berisi konten aktif (${list}) dan tidak diterima: skrip, peluncuran program, pengiriman formulir, berkas sisipan, atau aksi selain navigasi di dalam dokumen. Cetak ulang ke PDF biasa lalu kirim kembali.`,
          en: `The PDF contains active content (${list}) and is not accepted: scripts, program launches, form submission, embedded files or actions other than in-document navigation. Print it to a plain PDF and send it again.`,
        },
      },
    };
  }
  if (scan.uninspectable) {
    return reject(
      'malformed',
      400,
      `Isi PDF tidak dapat diperiksa: ${scan.uninspectable.id}.`,
      `The PDF cannot be checked: ${scan.uninspectable.en}.`,
    );
  }
  if (!/%%EOF/.test(text.slice(-2048))) {
    return reject('malformed', 400, 'Berkas PDF rusak atau tidak lengkap.', 'The PDF is corrupt or incomplete.');
  }
  return null;
}
