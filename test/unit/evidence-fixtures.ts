// Real, small evidence files built byte by byte for tests: a baseline JPEG (one grey 8×8 block
// per MCU, valid Huffman tables), a greyscale PNG, a WebP header, PDFs, and hostile variants.
import { crc32, deflateSync } from 'node:zlib';

const u16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const bytesOf = (s: string) => [...Buffer.from(s, 'latin1')];

/** An APP1 'Exif' segment: Orientation plus an Artist string (stands in for GPS/owner data). */
export function exifSegment(options: { orientation?: number; artist?: string } = {}): Buffer {
  const artist = Buffer.from(`${options.artist ?? 'Siti Aminah; GPS -3.4012,104.8213'}\0`, 'latin1');
  const entries = 2;
  const ifdSize = 2 + entries * 12 + 4;
  const artistOffset = 8 + ifdSize;
  const tiff = [
    0x4d,
    0x4d,
    0x00,
    0x2a,
    ...u32(8),
    ...u16(entries),
    ...u16(0x0112),
    ...u16(3),
    ...u32(1),
    ...u16(options.orientation ?? 6),
    0,
    0,
    ...u16(0x013b),
    ...u16(2),
    ...u32(artist.length),
    ...u32(artistOffset),
    ...u32(0),
    ...artist,
  ];
  const payload = [...bytesOf('Exif\0\0'), ...tiff];
  return Buffer.from([0xff, 0xe1, ...u16(payload.length + 2), ...payload]);
}

/** A raw APPn segment of `size` payload bytes (for the huge-EXIF case: several APP1s). */
export function appSegment(n: number, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xe0 + n, ...u16(payload.length + 2)]), payload]);
}

export function jpeg(options: { width?: number; height?: number; segments?: Buffer[]; comment?: string; trailing?: Buffer } = {}): Buffer {
  const width = options.width ?? 16;
  const height = options.height ?? 8;
  const app0 = [0xff, 0xe0, ...u16(16), ...bytesOf('JFIF\0'), 1, 1, 0, ...u16(1), ...u16(1), 0, 0];
  const dqt = [0xff, 0xdb, ...u16(67), 0x00, ...new Array(64).fill(1)];
  const sof = [0xff, 0xc0, ...u16(11), 8, ...u16(height), ...u16(width), 1, 1, 0x11, 0];
  const dhtTable = (cls: number) => [cls, 1, ...new Array(15).fill(0), 0x00];
  const dht = [0xff, 0xc4, ...u16(2 + 2 * 17 + 2), ...dhtTable(0x00), ...dhtTable(0x10)];
  const sos = [0xff, 0xda, ...u16(8), 1, 1, 0x00, 0, 63, 0];
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  // Each block: DC category 0 ('0') and AC end-of-block ('0'); pad the last byte with 1s.
  const bits = '00'.repeat(blocks);
  const padded = bits + '1'.repeat((8 - (bits.length % 8)) % 8);
  const data: number[] = [];
  for (let i = 0; i < padded.length; i += 8) data.push(parseInt(padded.slice(i, i + 8), 2));
  const com = options.comment ? [0xff, 0xfe, ...u16(options.comment.length + 2), ...bytesOf(options.comment)] : [];
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, ...app0]),
    ...(options.segments ?? []),
    Buffer.from([...com, ...dqt, ...sof, ...dht, ...sos, ...data, 0xff, 0xd9]),
    options.trailing ?? Buffer.alloc(0),
  ]);
}

const chunk = (type: string, data: Buffer) => {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([Buffer.from(u32(data.length)), typeAndData, Buffer.from(u32(crc32(typeAndData)))]);
};

export function png(
  options: { width?: number; height?: number; text?: Record<string, string>; exif?: boolean; pixels?: boolean } = {},
): Buffer {
  const width = options.width ?? 4;
  const height = options.height ?? 4;
  const ihdr = Buffer.from([...u32(width), ...u32(height), 8, 0, 0, 0, 0]);
  const raw = options.pixels === false ? Buffer.alloc(0) : Buffer.alloc((width + 1) * height, 0x80);
  if (options.pixels !== false) for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0;
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)];
  for (const [key, value] of Object.entries(options.text ?? {})) parts.push(chunk('tEXt', Buffer.from(`${key}\0${value}`, 'latin1')));
  if (options.exif) parts.push(chunk('eXIf', exifSegment().subarray(10)));
  parts.push(chunk('tIME', Buffer.from([0x07, 0xe8, 10, 8, 9, 30, 0])));
  parts.push(chunk('IDAT', deflateSync(raw)));
  parts.push(chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

/** A lossless WebP header (VP8L) with EXIF and XMP chunks under VP8X. */
export function webp(options: { width?: number; height?: number } = {}): Buffer {
  const width = options.width ?? 2;
  const height = options.height ?? 2;
  const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
  const le24 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];
  const riffChunk = (type: string, data: number[]) => [...bytesOf(type), ...le32(data.length), ...data, ...(data.length % 2 ? [0] : [])];
  const vp8x = riffChunk('VP8X', [0x0c, 0, 0, 0, ...le24(width - 1), ...le24(height - 1)]);
  const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14);
  const vp8l = riffChunk('VP8L', [0x2f, ...le32(bits), 0, 0, 0]);
  const exif = riffChunk('EXIF', [...exifSegment().subarray(10)]);
  const xmp = riffChunk('XMP ', bytesOf('<x:xmpmeta>Siti</x:xmpmeta>'));
  const body = [...bytesOf('WEBP'), ...vp8x, ...vp8l, ...exif, ...xmp];
  return Buffer.from([...bytesOf('RIFF'), ...le32(body.length), ...body]);
}

/** A small, valid one-page PDF; `extra` is spliced into the catalog dictionary. */
export function pdf(options: { extra?: string; info?: string; body?: string } = {}): Buffer {
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R ${options.extra ?? ''} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
    `<< /Length ${(options.body ?? 'BT ET').length} >>\nstream\n${options.body ?? 'BT ET'}\nendstream`,
    `<< /Author (${options.info ?? 'Siti Aminah'}) /Producer (Phone Scanner 1.0) >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A PDF whose JavaScript action hides inside a compressed object stream. */
export function pdfWithCompressedJavaScript(): Buffer {
  const hidden = deflateSync(Buffer.from('<< /S /JavaScript /JS (app.alert\\(1\\)) >>'));
  const base = pdf().toString('latin1');
  const stream = `6 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${hidden.length} >>\nstream\n`;
  const at = base.indexOf('xref');
  return Buffer.concat([
    Buffer.from(base.slice(0, at) + stream, 'latin1'),
    hidden,
    Buffer.from(`\nendstream\nendobj\n${base.slice(at)}`, 'latin1'),
  ]);
}

export function mp4(): Buffer {
  return Buffer.concat([
    Buffer.from([0, 0, 0, 0x18, ...bytesOf('ftypmp42'), 0, 0, 0, 0, ...bytesOf('mp42isom')]),
    Buffer.from([0, 0, 0, 8, ...bytesOf('free')]),
  ]);
}

export function webm(): Buffer {
  return Buffer.from([
    0x1a,
    0x45,
    0xdf,
    0xa3,
    0x9f,
    0x42,
    0x86,
    0x81,
    0x01,
    0x42,
    0xf7,
    0x81,
    0x01,
    0x42,
    0x82,
    0x84,
    ...bytesOf('webm'),
    0x42,
    0x87,
    0x81,
    0x02,
  ]);
}

// ---- Hostile PDFs for the active-content check (issue 11, item 3) ----

/** ASCII85 encoding (PDF flavour: `z` for zero groups, `~>` end marker). */
export function ascii85(data: Buffer): string {
  let out = '';
  for (let i = 0; i < data.length; i += 4) {
    const chunkBytes = data.subarray(i, i + 4);
    const padded = Buffer.concat([chunkBytes, Buffer.alloc(4 - chunkBytes.length)]);
    let n = padded.readUInt32BE(0);
    if (n === 0 && chunkBytes.length === 4) {
      out += 'z';
      continue;
    }
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode(33 + (n % 85)));
      n = Math.floor(n / 85);
    }
    out += digits.join('').slice(0, chunkBytes.length + 1);
  }
  return `${out}~>`;
}

/** RunLength encoding with literal runs only. */
export function runLength(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += 128) {
    const run = data.subarray(i, i + 128);
    parts.push(Buffer.from([run.length - 1]), run);
  }
  parts.push(Buffer.from([128]));
  return Buffer.concat(parts);
}

export type StreamFilter = 'FlateDecode' | 'ASCIIHexDecode' | 'ASCII85Decode' | 'RunLengthDecode';
/** Encodes `data` so that decoding with `filters` in order yields it back. */
export function encodeStream(data: Buffer, filters: StreamFilter[]): Buffer {
  let out = data;
  for (const filter of [...filters].reverse()) {
    if (filter === 'FlateDecode') out = deflateSync(out);
    if (filter === 'ASCIIHexDecode') out = Buffer.from(`${out.toString('hex')}>`, 'latin1');
    if (filter === 'ASCII85Decode') out = Buffer.from(ascii85(out), 'latin1');
    if (filter === 'RunLengthDecode') out = runLength(out);
  }
  return out;
}

/** The body of an object stream holding `objects`, numbered from `firstNumber`. */
export function objectStreamBody(objects: string[], firstNumber: number): { data: Buffer; n: number; first: number } {
  let offset = 0;
  const header: string[] = [];
  for (const [i, body] of objects.entries()) {
    header.push(`${firstNumber + i} ${offset}`);
    offset += body.length + 1;
  }
  const head = `${header.join(' ')}\n`;
  return { data: Buffer.from(head + objects.map((o) => `${o}\n`).join(''), 'latin1'), n: objects.length, first: head.length };
}

/**
 * The one-page pdf() with extra indirect objects (numbered 6, 7, …) appended before the xref;
 * each is a dictionary text, or a stream (dictionary entries plus raw data, /Length added).
 */
export function pdfWithObjects(objects: (string | { dict: string; data: Buffer })[], options: { extra?: string } = {}): Buffer {
  const base = pdf({ extra: options.extra }).toString('latin1');
  const at = base.indexOf('xref');
  const parts: Buffer[] = [Buffer.from(base.slice(0, at), 'latin1')];
  objects.forEach((o, i) => {
    if (typeof o === 'string') parts.push(Buffer.from(`${6 + i} 0 obj\n${o}\nendobj\n`, 'latin1'));
    else
      parts.push(
        Buffer.from(`${6 + i} 0 obj\n<< ${o.dict} /Length ${o.data.length} >>\nstream\n`, 'latin1'),
        o.data,
        Buffer.from('\nendstream\nendobj\n', 'latin1'),
      );
  });
  parts.push(Buffer.from(base.slice(at), 'latin1'));
  return Buffer.concat(parts);
}

/** A JavaScript open action kept in an object stream (object 7 inside stream 6), encoded with `filters`. */
export function pdfWithScriptInObjectStream(filters: StreamFilter[], options: { streamType?: string } = {}): Buffer {
  const body = objectStreamBody(['<< /S /JavaScript /JS (app.alert\\(1\\)) >>'], 7);
  const filter = filters.length === 1 ? `/${filters[0]}` : `[${filters.map((f) => `/${f}`).join(' ')}]`;
  return pdfWithObjects(
    [
      {
        dict: `${options.streamType ?? '/Type /ObjStm'} /N ${body.n} /First ${body.first} /Filter ${filter}`,
        data: encodeStream(body.data, filters),
      },
    ],
    { extra: '/OpenAction 7 0 R' },
  );
}
