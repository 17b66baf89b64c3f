// Content sniffing for evidence uploads: the type comes from the bytes (magic numbers), never
// from the file name or the Content-Type the browser sent. Only formats a citizen's phone makes
// and a supervisor can open safely are accepted: JPEG, PNG, WebP, PDF, MP4/MOV, WebM. GIF is not
// accepted (phones and WhatsApp export animations as MP4; one parser fewer to trust), nor HEIC
// (browsers convert it to JPEG on upload), SVG/HTML (active content), archives or executables.

export type EvidenceKind = 'image' | 'pdf' | 'video';
export type EvidenceFormat = 'jpeg' | 'png' | 'webp' | 'pdf' | 'mp4' | 'mov' | 'webm';

export interface SniffedType {
  format: EvidenceFormat;
  kind: EvidenceKind;
  mimeType: string;
}

const FORMATS: Record<EvidenceFormat, SniffedType> = {
  jpeg: { format: 'jpeg', kind: 'image', mimeType: 'image/jpeg' },
  png: { format: 'png', kind: 'image', mimeType: 'image/png' },
  webp: { format: 'webp', kind: 'image', mimeType: 'image/webp' },
  pdf: { format: 'pdf', kind: 'pdf', mimeType: 'application/pdf' },
  mp4: { format: 'mp4', kind: 'video', mimeType: 'video/mp4' },
  mov: { format: 'mov', kind: 'video', mimeType: 'video/quicktime' },
  webm: { format: 'webm', kind: 'video', mimeType: 'video/webm' },
};

export const formatInfo = (format: EvidenceFormat): SniffedType => FORMATS[format];

/** Things we recognise only to name them in the refusal ("berkas ZIP tidak diterima"). */
export type RecognisedUnsupported =
  'gif' | 'heic' | 'zip' | 'exe' | 'elf' | 'svg' | 'html' | 'script' | 'rar' | '7z' | 'matroska' | 'tiff' | 'bmp';

const ascii = (bytes: Uint8Array, start: number, length: number) => {
  let out = '';
  for (let i = start; i < start + length && i < bytes.length; i++) out += String.fromCharCode(bytes[i]);
  return out;
};
const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

export const readUint16BE = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
export const readUint32BE = (b: Uint8Array, i: number) => ((b[i] << 24) >>> 0) + ((b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]);
export const readUint16LE = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
export const readUint32LE = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + ((b[i + 3] << 24) >>> 0);

// ISO base media brands for video. 'qt  ' is QuickTime (MOV); HEIF brands are images we refuse.
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'M4V ',
  'M4VP',
  'dash',
  'MSNV',
  '3gp4',
  '3gp5',
  '3gp6',
  '3g2a',
  'mmp4',
  'f4v ',
]);
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1', 'avif', 'avis']);

/** The accepted format of the content, or null. */
export function sniffFormat(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return FORMATS.jpeg;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return FORMATS.png;
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return FORMATS.webp;
  // %PDF- must open the file: a PDF header further in (allowed by readers) is how PDF polyglots hide.
  if (ascii(bytes, 0, 5) === '%PDF-') return FORMATS.pdf;
  if (bytes.length >= 12 && ascii(bytes, 4, 4) === 'ftyp') {
    const brand = ascii(bytes, 8, 4);
    if (brand === 'qt  ') return FORMATS.mov;
    if (MP4_BRANDS.has(brand)) return FORMATS.mp4;
    return null;
  }
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) {
    // EBML header: DocType element (0x42 0x82) names 'webm' or 'matroska'.
    const head = ascii(bytes, 0, Math.min(bytes.length, 64));
    return head.includes('webm') ? FORMATS.webm : null;
  }
  return null;
}

/** Names well-known refused formats so the message can say what was sent. */
export function recogniseUnsupported(bytes: Uint8Array): RecognisedUnsupported | null {
  const head = ascii(bytes, 0, Math.min(bytes.length, 512))
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('gif87a') || head.startsWith('gif89a')) return 'gif';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0x4d, 0x5a])) return 'exe';
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  if (ascii(bytes, 0, 4) === 'Rar!') return 'rar';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (ascii(bytes, 0, 2) === 'BM') return 'bmp';
  if (bytes.length >= 12 && ascii(bytes, 4, 4) === 'ftyp' && HEIF_BRANDS.has(ascii(bytes, 8, 4))) return 'heic';
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'matroska';
  if (head.startsWith('#!')) return 'script';
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype\s+svg|<svg)/.test(head)) return 'svg';
  if (/^(<\?xml[^>]*>\s*)?(<!doctype\s+html|<html|<head|<body|<script|<iframe|<!--)/.test(head)) return 'html';
  return null;
}

export interface ImageDimensions {
  width: number;
  height: number;
}

/** Declared pixel size from the header (never decoding): PNG IHDR, JPEG SOFn, WebP VP8/VP8L/VP8X. */
export function imageDimensions(bytes: Uint8Array, format: EvidenceFormat): ImageDimensions | null {
  if (format === 'png') {
    if (bytes.length < 24 || ascii(bytes, 12, 4) !== 'IHDR') return null;
    return { width: readUint32BE(bytes, 16), height: readUint32BE(bytes, 20) };
  }
  if (format === 'jpeg') {
    let i = 2;
    while (i + 4 <= bytes.length) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1];
      if (marker === 0xff) {
        i++;
        continue;
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        i += 2;
        continue;
      }
      if (marker === 0xd9 || marker === 0xda) return null;
      const length = readUint16BE(bytes, i + 2);
      if (length < 2) return null;
      const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isSof) {
        if (i + 9 > bytes.length) return null;
        return { height: readUint16BE(bytes, i + 5), width: readUint16BE(bytes, i + 7) };
      }
      i += 2 + length;
    }
    return null;
  }
  if (format === 'webp') {
    const chunk = ascii(bytes, 12, 4);
    if (chunk === 'VP8X' && bytes.length >= 30) {
      const w = 1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16));
      const h = 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16));
      return { width: w, height: h };
    }
    if (chunk === 'VP8 ' && bytes.length >= 30) {
      return { width: readUint16LE(bytes, 26) & 0x3fff, height: readUint16LE(bytes, 28) & 0x3fff };
    }
    if (chunk === 'VP8L' && bytes.length >= 25 && bytes[20] === 0x2f) {
      const bits = readUint32LE(bytes, 21);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    return null;
  }
  return null;
}

/** File-name extensions that may carry each format; anything else contradicts the content. */
export const EXTENSIONS: Record<EvidenceFormat, readonly string[]> = {
  jpeg: ['jpg', 'jpeg', 'jpe', 'jfif'],
  png: ['png'],
  webp: ['webp'],
  pdf: ['pdf'],
  // A phone may save either container under either name; both are ISO base media.
  mp4: ['mp4', 'm4v', 'mov', '3gp'],
  mov: ['mov', 'qt', 'mp4'],
  webm: ['webm'],
};

/** The lower-cased extension of a name ('' when there is none). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** A name without an extension is fine (the content decides); one that names another type is not. */
export function extensionMatches(name: string, format: EvidenceFormat): boolean {
  const ext = extensionOf(name);
  return ext === '' || EXTENSIONS[format].includes(ext);
}
