// Active-content check for evidence PDFs over the whole object graph (issue 11, item 3).
//
// Every `N G obj` in the file is parsed with pdf-lib's object parser — including objects a reader
// would never reach, later revisions that shadow earlier ones and objects hidden behind comments —
// so a parser differential cannot hide a dictionary. Every stream is decoded through its whole
// filter chain (Flate, LZW, ASCIIHex, ASCII85, RunLength; image-only codecs end the chain), with
// a per-stream and a total output limit (decompression bombs). Any stream shaped like an object
// stream (/N and /First), whatever its /Type or /Subtype, is parsed as one. Then each dictionary
// is checked against the policy below.
//
// Policy: a PDF is refused when it carries JavaScript, launch / submit / import / reset-form,
// remote or embedded go-to, media (rendition, sound, movie, rich media), hide actions, embedded
// files or file attachments, XFA forms, or an automatic action (/OpenAction, /AA) that is not
// in-document navigation (GoTo, or Named First/Last/Next/PrevPage). A /URI action is tolerated
// only where a reader runs it on a click (a link annotation): such links are common in web pages
// saved as PDF, and the public copy is rebuilt from page content alone, without annotations.
// Anything that cannot be decoded (unknown or abbreviated filter, corrupt data, over the limits)
// makes the file uninspectable, and it is refused too: fail closed.
import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFRawStream,
  PDFRef,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';

export interface PdfScanLimits {
  /** Largest decoded size of one stream. */
  perStream: number;
  /** Largest decoded size of all streams together. */
  total: number;
}

const MB = 1024 * 1024;
export const DEFAULT_PDF_SCAN_LIMITS: Readonly<PdfScanLimits> = { perStream: 16 * MB, total: 128 * MB };

export interface PdfScan {
  /** What was found, in PDF terms (e.g. 'JavaScript', 'Launch', 'OpenAction URI'); empty when clean. */
  found: string[];
  /** Why the file could not be fully checked, or null. */
  uninspectable: { id: string; en: string } | null;
  /** A stream uses the Crypt filter (encryption the trailer check may not see). */
  encrypted: boolean;
}

/** Action types refused wherever they appear. */
const REFUSED_ACTIONS = new Set([
  'JavaScript',
  'Launch',
  'SubmitForm',
  'ResetForm',
  'ImportData',
  'GoToR',
  'GoToE',
  'GoToDp',
  'Rendition',
  'Sound',
  'Movie',
  'Hide',
  'RichMediaExecute',
  'GoTo3DView',
]);
/** Named actions that only move within the document. */
const NAVIGATION_NAMES = new Set(['NextPage', 'PrevPage', 'FirstPage', 'LastPage']);
const REFUSED_KEYS = new Map([
  ['JS', 'JavaScript'],
  ['JavaScript', 'JavaScript'],
  ['EmbeddedFiles', 'EmbeddedFile'],
  ['EmbeddedFile', 'EmbeddedFile'],
  ['EF', 'EmbeddedFile'],
  ['XFA', 'XFA'],
  ['RichMediaContent', 'RichMedia'],
  ['RichMediaSettings', 'RichMedia'],
]);
const REFUSED_SUBTYPES = new Set(['FileAttachment', 'RichMedia', 'Movie', 'Sound']);
const REFUSED_TYPES = new Set(['EmbeddedFile']);
const STANDARD_FILTERS = new Set(['FlateDecode', 'LZWDecode', 'ASCII85Decode', 'ASCIIHexDecode', 'RunLengthDecode']);
/** Image codecs: the data after them is pixels, not PDF syntax, so decoding stops there. */
const IMAGE_FILTERS = new Set(['DCTDecode', 'JPXDecode', 'JBIG2Decode', 'CCITTFaxDecode']);

/** Marker names in decoded stream data (after #xx escapes are decoded). */
const STREAM_MARKERS = /\/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia\w*|ImportData|SubmitForm)(?![A-Za-z0-9])/;
/** Pixel data is random: only long markers, whose chance match is negligible, are looked for. */
const PIXEL_MARKERS = /\/(JavaScript|Launch|EmbeddedFiles?|ImportData|SubmitForm)(?![A-Za-z0-9])/;

export const latin1 = (bytes: Uint8Array) => {
  // Chunked: String.fromCharCode over a whole 50 MB array would overflow the argument stack.
  let out = '';
  for (let i = 0; i < bytes.length; i += 32_768) out += String.fromCharCode(...bytes.subarray(i, i + 32_768));
  return out;
};
/** Decodes #xx escapes in every name of a PDF text (readers accept either case of hex digit). */
export const decodePdfNames = (text: string) =>
  text.replace(/\/[^\s/[\]<>(){}%]+/g, (name) =>
    name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
  );

/** A name's text; pdf-lib decodes only upper-case #XX escapes, so the rest are decoded here. */
const nameText = (name: PDFName) =>
  decodePdfNames(name.decodeText().startsWith('/') ? name.decodeText() : `/${name.decodeText()}`).slice(1);

class Uninspectable extends Error {
  constructor(readonly why: { id: string; en: string }) {
    super(why.en);
  }
}

export function scanPdf(bytes: Uint8Array, limits: PdfScanLimits = DEFAULT_PDF_SCAN_LIMITS): PdfScan {
  const found = new Set<string>();
  let encrypted = false;
  const context = PDFContext.create();
  const objects: PDFObject[] = [];
  const streams: PDFRawStream[] = [];
  const numbers = new Map<string, number>();

  const parseAt = (data: Uint8Array, offset: number): PDFObject | null => {
    try {
      return PDFObjectParser.forBytes(data.subarray(offset), context).parseObject();
    } catch {
      // Not an object after all (an `obj` inside a string or stream data), or broken syntax a
      // reader cannot use either; its bytes are still covered by the raw name scan.
      return null;
    }
  };
  const keep = (num: number, gen: number, object: PDFObject) => {
    objects.push(object);
    context.assign(PDFRef.of(num, gen), object);
    if (object instanceof PDFNumber) numbers.set(`${num} ${gen}`, object.asNumber());
    if (object instanceof PDFRawStream) streams.push(object);
  };

  const text = latin1(bytes);
  const header = /(?<![0-9])(\d{1,10})[\0\t\n\f\r ]+(\d{1,5})[\0\t\n\f\r ]+obj(?![A-Za-z0-9])/g;
  for (let m = header.exec(text); m; m = header.exec(text)) {
    const object = parseAt(bytes, m.index + m[0].length);
    if (object) keep(Number(m[1]), Number(m[2]), object);
  }

  try {
    let total = 0;
    // Object streams add streams' worth of objects but never streams, so one pass suffices.
    for (const stream of streams) {
      const { decoded, pixels } = decodeStream(stream, numbers, limits.perStream, () => {
        encrypted = true;
      });
      total += decoded.length;
      if (total > limits.total)
        throw new Uninspectable({
          id: 'isi aliran data seluruhnya melebihi batas ukuran',
          en: 'its decoded streams together exceed the size limit',
        });
      const inner = decodePdfNames(latin1(decoded));
      const hit = (pixels ? PIXEL_MARKERS : STREAM_MARKERS).exec(inner);
      if (hit) found.add(hit[1].startsWith('RichMedia') ? 'RichMedia' : hit[1] === 'JS' ? 'JavaScript' : hit[1].replace(/s$/, ''));
      if (!pixels && /<\s*script\b/i.test(inner)) found.add('script');
      const n = stream.dict.get(PDFName.of('N'));
      const first = stream.dict.get(PDFName.of('First'));
      if (n instanceof PDFNumber && first instanceof PDFNumber) {
        // An object stream, whatever it claims to be: a reader finds it through the xref stream.
        const pairs = inner.slice(0, Math.max(0, first.asNumber())).trim().split(/\s+/).map(Number);
        for (let i = 0; i + 1 < pairs.length && i / 2 < n.asNumber(); i += 2) {
          const object = Number.isInteger(pairs[i + 1]) ? parseAt(decoded, first.asNumber() + pairs[i + 1]) : null;
          if (object && Number.isInteger(pairs[i])) keep(pairs[i], 0, object);
        }
      }
    }
  } catch (error) {
    if (error instanceof Uninspectable) return { found: [...found], uninspectable: error.why, encrypted };
    throw error;
  }

  for (const object of objects) checkObject(object, context, found, 0);
  return { found: [...found], uninspectable: null, encrypted };
}

const filterList = (stream: PDFRawStream): { filters: PDFObject[]; params: PDFObject[] } => {
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  const params = stream.dict.lookup(PDFName.of('DecodeParms'));
  if (filter === undefined) return { filters: [], params: [] };
  if (filter instanceof PDFArray)
    return {
      filters: filter.asArray().map((f) => stream.dict.context.lookup(f) ?? f),
      params: params instanceof PDFArray ? params.asArray() : [],
    };
  return { filters: [filter], params: params ? [params] : [] };
};

function decodeStream(
  stream: PDFRawStream,
  numbers: Map<string, number>,
  max: number,
  onCrypt: () => void,
): { decoded: Uint8Array; pixels: boolean } {
  // An indirect /Length: pdf-lib's parser found the end by searching for `endstream`; data that
  // disagrees with the declared length could be hiding the rest of the stream from us.
  const length = stream.dict.get(PDFName.of('Length'));
  if (length instanceof PDFRef) {
    const declared = numbers.get(`${length.objectNumber} ${length.generationNumber}`);
    if (declared !== undefined && Math.abs(declared - stream.contents.length) > 2)
      throw new Uninspectable({
        id: 'panjang aliran data tidak sesuai dengan yang dinyatakan',
        en: 'a stream does not match its declared length',
      });
  }
  const { filters, params } = filterList(stream);
  const decodable: PDFName[] = [];
  let pixels = stream.dict.get(PDFName.of('Subtype')) === PDFName.of('Image');
  for (const filter of filters) {
    if (!(filter instanceof PDFName)) throw new Uninspectable({ id: 'filter aliran data tidak sah', en: 'a stream filter is invalid' });
    const name = nameText(filter);
    if (name === 'Crypt') {
      onCrypt();
      throw new Uninspectable({ id: 'aliran data terenkripsi', en: 'an encrypted stream' });
    }
    if (IMAGE_FILTERS.has(name)) {
      pixels = true;
      break;
    }
    if (!STANDARD_FILTERS.has(name))
      throw new Uninspectable({ id: `filter aliran data tidak didukung (${name})`, en: `an unsupported stream filter (${name})` });
    decodable.push(PDFName.of(name));
  }
  const dict = stream.dict.context.obj({}) as PDFDict;
  if (decodable.length > 0) dict.set(PDFName.of('Filter'), stream.dict.context.obj(decodable));
  if (params.length > 0) dict.set(PDFName.of('DecodeParms'), stream.dict.context.obj(params.slice(0, decodable.length)));
  let decoded: Uint8Array;
  try {
    decoded = decodePDFRawStream(PDFRawStream.of(dict, stream.contents)).getBytes(max + 1) as Uint8Array;
  } catch {
    throw new Uninspectable({ id: 'aliran data rusak dan tidak dapat diurai', en: 'a stream is corrupt and cannot be decoded' });
  }
  if (decoded.length > max) throw new Uninspectable({ id: 'aliran data terlalu besar', en: 'a stream decodes beyond the size limit' });
  return { decoded, pixels };
}

const actionType = (dict: PDFDict): string | null => {
  const s = dict.get(PDFName.of('S'));
  return s instanceof PDFName ? nameText(s) : null;
};

/** Checks one automatic action (/OpenAction, an /AA entry) and its /Next chain: navigation only. */
function checkAutomatic(value: PDFObject | undefined, trigger: string, context: PDFContext, found: Set<string>, depth: number) {
  if (depth > 32 || value === undefined) return;
  const object = value instanceof PDFRef ? context.lookup(value) : value;
  if (object instanceof PDFArray) {
    // A destination array ([page /Fit]) is navigation; an array of actions is a /Next chain.
    for (const item of object.asArray()) {
      const resolved = item instanceof PDFRef ? context.lookup(item) : item;
      if (resolved instanceof PDFDict && !(resolved.get(PDFName.of('Type')) === PDFName.of('Page')))
        checkAutomatic(resolved, trigger, context, found, depth + 1);
    }
    return;
  }
  if (!(object instanceof PDFDict)) return; // a named destination (name or string)
  const type = actionType(object);
  if (type === null) {
    // An /AA dictionary: each entry is a trigger with its action.
    for (const [key, entry] of object.entries()) checkAutomatic(entry, `AA/${nameText(key)}`, context, found, depth + 1);
    return;
  }
  const named = object.get(PDFName.of('N'));
  const navigation = type === 'GoTo' || (type === 'Named' && named instanceof PDFName && NAVIGATION_NAMES.has(nameText(named)));
  if (!navigation) found.add(`${trigger} ${type}`);
  checkAutomatic(object.get(PDFName.of('Next')), trigger, context, found, depth + 1);
}

function checkObject(object: PDFObject, context: PDFContext, found: Set<string>, depth: number) {
  if (depth > 64) return;
  if (object instanceof PDFRawStream) return checkObject(object.dict, context, found, depth);
  if (object instanceof PDFArray) {
    for (const item of object.asArray()) checkObject(item, context, found, depth + 1);
    return;
  }
  if (!(object instanceof PDFDict)) return;
  for (const [key, value] of object.entries()) {
    const name = nameText(key);
    const refused = REFUSED_KEYS.get(name);
    if (refused) found.add(refused);
    if (name === 'OpenAction') checkAutomatic(value, 'OpenAction', context, found, 0);
    if (name === 'AA') checkAutomatic(value, 'AA', context, found, 0);
    if (value instanceof PDFName) {
      const text = nameText(value);
      if (name === 'S' && REFUSED_ACTIONS.has(text)) found.add(text);
      if (name === 'Subtype' && REFUSED_SUBTYPES.has(text)) found.add(text);
      if (name === 'Type' && REFUSED_TYPES.has(text)) found.add(text);
    }
    checkObject(value, context, found, depth + 1);
  }
  const type = actionType(object);
  if (type === 'Named') {
    const named = object.get(PDFName.of('N'));
    if (!(named instanceof PDFName && NAVIGATION_NAMES.has(nameText(named))))
      found.add(`Named ${named instanceof PDFName ? nameText(named) : '?'}`);
  }
}
