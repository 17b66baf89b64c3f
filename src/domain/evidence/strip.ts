// Public copies of evidence images, derived without metadata (design.md "Evidence"): EXIF holds
// GPS position, device serials and the owner's name — enough to identify the reporter. Originals
// are kept untouched for the chain of custody; only these derived copies may be shown.
//
// No image decoder is involved: the copies are produced by walking the container structure
// (JPEG markers, PNG chunks, RIFF chunks) and dropping metadata blocks, so pixels are unchanged
// and a hostile file is never decoded on the server.
import { readUint16BE, readUint32BE, readUint32LE, type EvidenceFormat } from './sniff.ts';

export class MalformedFileError extends Error {
  constructor(
    readonly format: EvidenceFormat,
    detail: string,
  ) {
    super(`${format}: ${detail}`);
    this.name = 'MalformedFileError';
  }
}

export interface StripResult {
  bytes: Uint8Array;
  /** Metadata blocks removed, e.g. ['APP1', 'COM'] or ['tEXt', 'eXIf']. */
  removed: string[];
  /** Bytes after the end marker (EOI/IEND), dropped: where appended payloads hide. */
  trailingBytes: number;
  /** Total APP1 bytes (EXIF/XMP) found in a JPEG; may exceed 64 KB across segments. */
  app1Bytes: number;
}

const concat = (parts: Uint8Array[]) => {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const isAscii = (b: Uint8Array, i: number, text: string) => [...text].every((c, k) => b[i + k] === c.charCodeAt(0));

/** EXIF Orientation (tag 0x0112) from an APP1 'Exif\0\0' payload, or null. */
export function exifOrientation(payload: Uint8Array): number | null {
  if (payload.length < 14 || !isAscii(payload, 0, 'Exif\0\0')) return null;
  const tiff = payload.subarray(6);
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return null;
  const u16 = (i: number) => (little ? tiff[i] | (tiff[i + 1] << 8) : (tiff[i] << 8) | tiff[i + 1]);
  const u32 = (i: number) => (little ? readUint32LE(tiff, i) : readUint32BE(tiff, i));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return null;
  const count = u16(ifd);
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + k * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

/**
 * A minimal APP1 segment carrying only the Orientation tag: without it, phone photos (stored
 * sideways with a rotation flag) would show rotated once EXIF is gone. Nothing else survives.
 */
export function orientationOnlyApp1(orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0, 0, 0];
  const payload = [...'Exif\0\0'].map((c) => c.charCodeAt(0)).concat(tiff);
  const length = payload.length + 2;
  return Uint8Array.from([0xff, 0xe1, length >> 8, length & 0xff, ...payload]);
}

const isAdobeApp14 = (b: Uint8Array, i: number, length: number) => length === 14 && isAscii(b, i + 4, 'Adobe');

/**
 * Drops APP1–APP15 and COM segments (EXIF, XMP, ICC, IPTC/Photoshop, comments) and anything
 * after EOI. Kept: APP0 (JFIF), the 12-byte Adobe APP14 (its colour-transform flag decides how
 * CMYK/YCCK JPEGs decode; it carries no personal data) and the Orientation tag, re-written alone.
 */
export function stripJpegMetadata(bytes: Uint8Array): StripResult {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new MalformedFileError('jpeg', 'no SOI');
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  const removed: string[] = [];
  let app1Bytes = 0;
  let orientation: number | null = null;
  let insertAt = 1; // after SOI and APP0
  let i = 2;
  let sawEoi = false;
  while (i < bytes.length) {
    if (bytes[i] !== 0xff) throw new MalformedFileError('jpeg', `expected a marker at ${i}`);
    let m = i + 1;
    while (m < bytes.length && bytes[m] === 0xff) m++; // fill bytes
    if (m >= bytes.length) throw new MalformedFileError('jpeg', 'truncated marker');
    const marker = bytes[m];
    const start = m - 1;
    if (marker === 0xd9) {
      parts.push(bytes.subarray(start, m + 1));
      i = m + 1;
      sawEoi = true;
      break;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      parts.push(bytes.subarray(start, m + 1));
      i = m + 1;
      continue;
    }
    if (m + 3 > bytes.length) throw new MalformedFileError('jpeg', 'truncated segment');
    const length = readUint16BE(bytes, m + 1);
    const end = m + 1 + length;
    if (length < 2 || end > bytes.length) throw new MalformedFileError('jpeg', `segment 0x${marker.toString(16)} overruns the file`);
    const isApp = marker >= 0xe1 && marker <= 0xef;
    if (marker === 0xe1) {
      app1Bytes += length + 2;
      orientation ??= exifOrientation(bytes.subarray(m + 3, end));
    }
    if ((isApp && !(marker === 0xee && isAdobeApp14(bytes, start, length + 2))) || marker === 0xfe) {
      removed.push(marker === 0xfe ? 'COM' : `APP${marker - 0xe0}`);
      i = end;
      continue;
    }
    parts.push(bytes.subarray(start, end));
    if (marker === 0xe0 && parts.length === 2) insertAt = 2;
    i = end;
    if (marker === 0xda) {
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart.
      let k = i;
      while (
        k + 1 < bytes.length &&
        !(bytes[k] === 0xff && bytes[k + 1] !== 0x00 && !(bytes[k + 1] >= 0xd0 && bytes[k + 1] <= 0xd7) && bytes[k + 1] !== 0xff)
      )
        k++;
      if (k + 1 >= bytes.length) throw new MalformedFileError('jpeg', 'scan data without EOI');
      parts.push(bytes.subarray(i, k));
      i = k;
    }
  }
  if (!sawEoi) throw new MalformedFileError('jpeg', 'no EOI');
  if (orientation && orientation !== 1) parts.splice(insertAt, 0, orientationOnlyApp1(orientation));
  return { bytes: concat(parts), removed, trailingBytes: bytes.length - i, app1Bytes };
}

/** Ancillary PNG chunks that carry text, EXIF or timestamps. */
export const PNG_METADATA_CHUNKS = new Set(['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME']);

export function stripPngMetadata(bytes: Uint8Array): StripResult {
  if (bytes.length < 8 || readUint32BE(bytes, 0) !== 0x89504e47) throw new MalformedFileError('png', 'no signature');
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  const removed: string[] = [];
  let i = 8;
  let sawEnd = false;
  let first = true;
  while (i + 12 <= bytes.length) {
    const length = readUint32BE(bytes, i);
    const type = String.fromCharCode(bytes[i + 4], bytes[i + 5], bytes[i + 6], bytes[i + 7]);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new MalformedFileError('png', `bad chunk type at ${i}`);
    if (first && type !== 'IHDR') throw new MalformedFileError('png', 'IHDR is not first');
    first = false;
    const end = i + 12 + length;
    if (length > 0x7fffffff || end > bytes.length) throw new MalformedFileError('png', `chunk ${type} overruns the file`);
    if (PNG_METADATA_CHUNKS.has(type)) removed.push(type);
    else parts.push(bytes.subarray(i, end));
    i = end;
    if (type === 'IEND') {
      sawEnd = true;
      break;
    }
  }
  if (!sawEnd) throw new MalformedFileError('png', 'no IEND');
  return { bytes: concat(parts), removed, trailingBytes: bytes.length - i, app1Bytes: 0 };
}

/** Drops EXIF and XMP chunks from a WebP and clears their VP8X flags. */
export function stripWebpMetadata(bytes: Uint8Array): StripResult {
  if (bytes.length < 20 || !isAscii(bytes, 0, 'RIFF') || !isAscii(bytes, 8, 'WEBP'))
    throw new MalformedFileError('webp', 'no RIFF/WEBP header');
  const riffEnd = Math.min(bytes.length, 8 + readUint32LE(bytes, 4));
  const chunks: Uint8Array[] = [];
  const removed: string[] = [];
  let i = 12;
  while (i + 8 <= riffEnd) {
    const type = String.fromCharCode(bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]);
    const size = readUint32LE(bytes, i + 4);
    const end = i + 8 + size + (size % 2);
    if (end > bytes.length + (size % 2)) throw new MalformedFileError('webp', `chunk ${type} overruns the file`);
    const chunk = bytes.slice(i, Math.min(end, bytes.length));
    if (type === 'EXIF' || type === 'XMP ') removed.push(type.trim());
    else {
      if (type === 'VP8X') chunk[8] &= ~0x0c; // EXIF (0x08) and XMP (0x04) presence flags
      chunks.push(chunk);
    }
    i = end;
  }
  if (chunks.length === 0) throw new MalformedFileError('webp', 'no image chunk');
  const body = concat(chunks);
  const header = new Uint8Array(12);
  header.set(bytes.subarray(0, 12));
  const riffSize = body.length + 4;
  header[4] = riffSize & 0xff;
  header[5] = (riffSize >> 8) & 0xff;
  header[6] = (riffSize >> 16) & 0xff;
  header[7] = (riffSize >>> 24) & 0xff;
  return { bytes: concat([header, body]), removed, trailingBytes: Math.max(0, bytes.length - riffEnd), app1Bytes: 0 };
}

/** The metadata-free public copy of an image, or null for formats copied another way. */
export function stripImageMetadata(bytes: Uint8Array, format: EvidenceFormat): StripResult | null {
  if (format === 'jpeg') return stripJpegMetadata(bytes);
  if (format === 'png') return stripPngMetadata(bytes);
  if (format === 'webp') return stripWebpMetadata(bytes);
  return null;
}
