import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { inspectEvidence, DEFAULT_EVIDENCE_LIMITS, type RejectionReason } from '../../src/domain/evidence/inspect.ts';
import { extensionMatches, imageDimensions, sniffFormat, recogniseUnsupported } from '../../src/domain/evidence/sniff.ts';
import {
  exifOrientation,
  stripJpegMetadata,
  stripPngMetadata,
  stripWebpMetadata,
  MalformedFileError,
} from '../../src/domain/evidence/strip.ts';
import {
  appSegment,
  encodeStream,
  exifSegment,
  jpeg,
  mp4,
  pdf,
  pdfWithCompressedJavaScript,
  pdfWithObjects,
  pdfWithScriptInObjectStream,
  png,
  webm,
  webp,
} from './evidence-fixtures.ts';
import { scanPdf } from '../../src/domain/evidence/pdfScan.ts';

const has = (hay: Uint8Array, needle: string) => Buffer.from(hay).includes(Buffer.from(needle, 'latin1'));

describe('sniffing by content', () => {
  const cases: [string, Buffer, string | null][] = [
    ['jpeg', jpeg(), 'image/jpeg'],
    ['png', png(), 'image/png'],
    ['webp', webp(), 'image/webp'],
    ['pdf', pdf(), 'application/pdf'],
    ['mp4', mp4(), 'video/mp4'],
    ['webm', webm(), 'video/webm'],
    ['gif', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), null],
    ['svg', Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), null],
    ['html', Buffer.from('<!DOCTYPE html><html><body>hi</body></html>'), null],
    ['zip', Buffer.from('PK\x03\x04\x14\x00\x00\x00', 'latin1'), null],
    ['exe', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), null],
    ['pdf header not at the start', Buffer.from('junk%PDF-1.4\n', 'latin1'), null],
  ];
  for (const [name, bytes, mime] of cases) {
    test(name, () => assert.equal(sniffFormat(bytes)?.mimeType ?? null, mime));
  }
  test('recognised refusals are named', () => {
    assert.equal(recogniseUnsupported(Buffer.from('PK\x03\x04', 'latin1')), 'zip');
    assert.equal(recogniseUnsupported(Buffer.from('MZ\x90\x00', 'latin1')), 'exe');
    assert.equal(recogniseUnsupported(Buffer.from('  <svg onload="x">')), 'svg');
    assert.equal(recogniseUnsupported(Buffer.from('<html>')), 'html');
  });
  test('extension agreement', () => {
    assert.equal(extensionMatches('IMG_0001.JPG', 'jpeg'), true);
    assert.equal(extensionMatches('bukti', 'jpeg'), true);
    assert.equal(extensionMatches('photo.jpg', 'pdf'), false);
    assert.equal(extensionMatches('video.mov', 'mp4'), true);
    assert.equal(extensionMatches('foto.jpg.exe', 'jpeg'), false);
  });
  test('declared dimensions from headers', () => {
    assert.deepEqual(imageDimensions(png({ width: 7, height: 5 }), 'png'), { width: 7, height: 5 });
    assert.deepEqual(imageDimensions(jpeg({ width: 640, height: 480 }), 'jpeg'), { width: 640, height: 480 });
    assert.deepEqual(imageDimensions(webp({ width: 300, height: 200 }), 'webp'), { width: 300, height: 200 });
  });
});

describe('inspectEvidence: accept', () => {
  test('JPEG with EXIF: accepted, public copy without EXIF/COM but with orientation', () => {
    const original = jpeg({ segments: [exifSegment({ orientation: 6 })], comment: 'Siti comment' });
    const result = inspectEvidence(original, 'IMG_0001.jpg');
    assert.ok(result.ok);
    assert.equal(result.type.mimeType, 'image/jpeg');
    const copy = result.publicCopy!.bytes;
    assert.ok(has(original, 'Siti Aminah'));
    assert.ok(!has(copy, 'Siti'));
    assert.deepEqual(result.publicCopy!.removed, ['APP1', 'COM']);
    // Only the orientation survives, re-written alone.
    const app1 = Buffer.from(copy).indexOf(Buffer.from([0xff, 0xe1]));
    assert.ok(app1 > 0);
    assert.equal(exifOrientation(Buffer.from(copy).subarray(app1 + 4)), 6);
    assert.ok(
      Buffer.from(copy)
        .subarray(-2)
        .equals(Buffer.from([0xff, 0xd9])),
    );
  });
  test('JPEG with more than 64 KB of APP1 data: accepted, all of it stripped', () => {
    const big = Array.from({ length: 3 }, (_, i) => appSegment(1, Buffer.alloc(40_000, 0x41 + i)));
    const result = inspectEvidence(jpeg({ segments: [exifSegment(), ...big] }), 'a.jpg');
    assert.ok(result.ok);
    assert.ok(result.publicCopy!.app1Bytes > 64 * 1024);
    assert.ok(result.publicCopy!.bytes.length < 1000);
  });
  test('data appended after EOI is kept in the original and dropped from the public copy', () => {
    const result = inspectEvidence(jpeg({ trailing: Buffer.from('PK\x03\x04trailing-archive', 'latin1') }), 'a.jpg');
    assert.ok(result.ok);
    assert.ok(result.publicCopy!.trailingBytes > 0);
    assert.ok(!has(result.publicCopy!.bytes, 'trailing-archive'));
  });
  test('PNG: tEXt, eXIf and tIME dropped, pixels kept', () => {
    const original = png({ text: { Author: 'Siti Aminah', Comment: 'lokasi rumah' }, exif: true });
    const result = inspectEvidence(original, 'scan.png');
    assert.ok(result.ok);
    const copy = result.publicCopy!.bytes;
    assert.ok(!has(copy, 'Siti') && !has(copy, 'tEXt') && !has(copy, 'eXIf') && !has(copy, 'tIME'));
    assert.ok(has(copy, 'IDAT') && has(copy, 'IEND'));
  });
  test('WebP: EXIF and XMP chunks dropped, VP8X flags cleared, RIFF size rewritten', () => {
    const result = stripWebpMetadata(webp());
    assert.deepEqual(result.removed, ['EXIF', 'XMP']);
    assert.equal(result.bytes[20] & 0x0c, 0);
    assert.equal(Buffer.from(result.bytes).readUInt32LE(4), result.bytes.length - 8);
  });
  test('a PDF with annotation rich text (XHTML <body>) is not a polyglot', () => {
    assert.ok(
      inspectEvidence(
        pdf({ extra: '/Annot << /RC (<?xml version="1.0"?><body xmlns="http://www.w3.org/1999/xhtml"><p>catatan</p></body>) >>' }),
        'a.pdf',
      ).ok,
    );
  });
  test('PDF, MP4 and WebM accepted', () => {
    assert.ok(inspectEvidence(pdf(), 'surat.pdf').ok);
    assert.ok(inspectEvidence(mp4(), 'video.mp4').ok);
    assert.ok(inspectEvidence(webm(), 'rekaman.webm').ok);
  });
});

describe('inspectEvidence: reject', () => {
  const cases: [string, Buffer, string, RejectionReason, number][] = [
    ['empty file', Buffer.alloc(0), 'a.jpg', 'empty', 400],
    [
      'SVG with script',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'a.svg',
      'unsupported_type',
      415,
    ],
    ['HTML renamed .jpg', Buffer.from('<html><body><script>alert(1)</script></body></html>'), 'photo.jpg', 'unsupported_type', 415],
    ['PDF renamed .jpg', pdf(), 'photo.jpg', 'extension_mismatch', 415],
    ['JPEG named .exe', jpeg(), 'photo.exe', 'extension_mismatch', 415],
    ['polyglot JPEG with <script>', jpeg({ comment: '<script>alert(document.cookie)</script>' }), 'a.jpg', 'polyglot', 415],
    ['polyglot PNG with <html>', png({ text: { c: '<html><body>x' } }), 'a.png', 'polyglot', 415],
    ['PDF with /JavaScript', pdf({ extra: '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>' }), 'a.pdf', 'active_content', 422],
    ['PDF with hex-escaped /J#61vaScript', pdf({ extra: '/OpenAction << /S /J#61vaScript /JS (x) >>' }), 'a.pdf', 'active_content', 422],
    ['PDF with /Launch', pdf({ extra: '/OpenAction << /S /Launch /F (cmd.exe) >>' }), 'a.pdf', 'active_content', 422],
    ['PDF with JavaScript inside a compressed object stream', pdfWithCompressedJavaScript(), 'a.pdf', 'active_content', 422],
    ['encrypted PDF', pdf({ extra: '/Encrypt 9 0 R' }), 'a.pdf', 'encrypted_pdf', 415],
    ['60-megapixel PNG header', png({ width: 10_000, height: 6_000, pixels: false }), 'a.png', 'too_many_pixels', 413],
    ['60-megapixel JPEG header', jpeg({ width: 10_000, height: 6_000 }), 'a.jpg', 'too_many_pixels', 413],
    ['truncated JPEG', jpeg().subarray(0, 120), 'a.jpg', 'malformed', 400],
    ['zip', Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'), 'bukti.zip', 'unsupported_type', 415],
    ['exe', Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), 'bukti.jpg', 'unsupported_type', 415],
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'a.gif', 'unsupported_type', 415],
  ];
  for (const [name, bytes, fileName, reason, status] of cases) {
    test(name, () => {
      const result = inspectEvidence(bytes, fileName);
      assert.equal(result.ok, false, name);
      if (!result.ok) {
        assert.equal(result.rejection.reason, reason);
        assert.equal(result.rejection.status, status);
        assert.ok(result.rejection.message.id.length > 10);
      }
    });
  }
  test('per-kind size limits', () => {
    const small = { ...DEFAULT_EVIDENCE_LIMITS, image: 100 };
    const result = inspectEvidence(jpeg({ segments: [appSegment(1, Buffer.alloc(200))] }), 'a.jpg', { limits: small });
    assert.ok(!result.ok && result.rejection.reason === 'too_large' && result.rejection.status === 413);
    assert.ok(inspectEvidence(pdf(), 'a.pdf', { limits: small }).ok, 'the image limit does not apply to PDFs');
  });
  test('the ext mismatch message says so in Indonesian', () => {
    const result = inspectEvidence(pdf(), 'photo.jpg');
    assert.ok(!result.ok && /ekstensi tidak sesuai isi berkas/i.test(result.rejection.message.id));
  });
  test('malformed structures throw a typed error from the strippers', () => {
    assert.throws(() => stripPngMetadata(png().subarray(0, 40)), MalformedFileError);
    assert.throws(() => stripJpegMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff])), MalformedFileError);
  });
});

describe('PDF active content over the whole object graph (issue 11, item 3)', () => {
  const script = Buffer.from('<< /S /JavaScript /JS (app.alert\\(1\\)) >>', 'latin1');
  const asImage = '/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8';
  const refused: [string, Buffer, string][] = [
    ['JavaScript in a Flate object stream', pdfWithScriptInObjectStream(['FlateDecode']), 'JavaScript'],
    ['JavaScript in an ASCIIHex object stream', pdfWithScriptInObjectStream(['ASCIIHexDecode']), 'JavaScript'],
    ['JavaScript in an ASCII85 object stream', pdfWithScriptInObjectStream(['ASCII85Decode']), 'JavaScript'],
    ['JavaScript behind ASCII85 then Flate', pdfWithScriptInObjectStream(['ASCII85Decode', 'FlateDecode']), 'JavaScript'],
    ['JavaScript in a RunLength object stream', pdfWithScriptInObjectStream(['RunLengthDecode']), 'JavaScript'],
    ['an object stream tagged as an image', pdfWithScriptInObjectStream(['FlateDecode'], { streamType: asImage }), 'JavaScript'],
    [
      'a JavaScript action inside a stream tagged as an image',
      pdfWithObjects([{ dict: `${asImage} /Filter /FlateDecode`, data: deflateSync(script) }]),
      'JavaScript',
    ],
    [
      '/J#61vaScript inside an object stream',
      pdfWithObjects(
        [
          {
            dict: `/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode`,
            data: deflateSync(Buffer.from('7 0\n<< /S /J#61vaScript /J#53 (x) >>')),
          },
        ],
        { extra: '/OpenAction 7 0 R' },
      ),
      'JavaScript',
    ],
    ['lower-case escapes /#4aava#53cript', pdf({ extra: '/OpenAction << /S /#4aava#53cript /#4a#53 (x) >>' }), 'JavaScript'],
    ['/OpenAction /URI', pdf({ extra: '/OpenAction << /S /URI /URI (https://contoh.test/x) >>' }), 'OpenAction URI'],
    [
      '/OpenAction to an indirect /URI action',
      pdfWithObjects(['<< /Type /Action /S /URI /URI (https://contoh.test/x) >>'], { extra: '/OpenAction 6 0 R' }),
      'OpenAction URI',
    ],
    ['/AA /SubmitForm', pdf({ extra: '/AA << /WC << /S /SubmitForm /F << /FS /URL /F (https://contoh.test/) >> >> >>' }), 'SubmitForm'],
    [
      '/AA with a URI action on page open',
      pdfWithObjects(['<< /O << /S /URI /URI (https://contoh.test/) >> >>'], { extra: '/AA 6 0 R' }),
      'AA/O URI',
    ],
    ['/OpenAction /Launch', pdf({ extra: '/OpenAction << /S /Launch /F (cmd.exe) >>' }), 'Launch'],
    [
      'a GoTo followed by JavaScript in /Next',
      pdf({ extra: '/OpenAction << /S /GoTo /D [3 0 R /Fit] /Next << /S /Named /N /Print >> >>' }),
      'OpenAction Named',
    ],
    [
      'a link to another file (GoToR)',
      pdfWithObjects(['<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /GoToR /F (lain.pdf) /D [0 /Fit] >> >>']),
      'GoToR',
    ],
    [
      'embedded files in the names tree',
      pdfWithObjects(['<< /Type /Filespec /F (a.exe) /EF << /F 7 0 R >> >>', { dict: '/Type /EmbeddedFile', data: Buffer.from('MZ') }], {
        extra: '/Names << /Embedded#46iles << /Names [(a.exe) 6 0 R] >> >>',
      }),
      'EmbeddedFile',
    ],
    [
      'a file attachment annotation in an object stream',
      pdfWithObjects([
        {
          dict: '/Type /ObjStm /N 1 /First 4 /Filter /ASCIIHexDecode',
          data: encodeStream(Buffer.from('7 0\n<< /Type /Annot /Subtype /FileAttachment /FS 8 0 R >>'), ['ASCIIHexDecode']),
        },
      ]),
      'FileAttachment',
    ],
    ['an XFA form', pdf({ extra: '/AcroForm << /Fields [] /XFA 6 0 R >>' }), 'XFA'],
  ];
  for (const [name, bytes, what] of refused) {
    test(`refused: ${name}`, () => {
      const result = inspectEvidence(bytes, 'surat.pdf');
      assert.equal(result.ok, false, name);
      if (result.ok) return;
      assert.equal(result.rejection.reason, 'active_content');
      assert.equal(result.rejection.status, 422);
      assert.ok(
        result.rejection.found?.some((f) => f.startsWith(what)),
        `${name}: found ${result.rejection.found}`,
      );
      assert.match(result.rejection.message.id, /konten aktif/);
      assert.match(result.rejection.message.en, /active content/);
    });
  }

  const uninspectable: [string, Buffer, RejectionReason, number][] = [
    ['an abbreviated filter name (/Fl)', pdfWithObjects([{ dict: '/Filter /Fl', data: deflateSync(script) }]), 'malformed', 400],
    ['an unknown filter', pdfWithObjects([{ dict: '/Filter /BrotliDecode', data: Buffer.from('xx') }]), 'malformed', 400],
    ['a corrupt Flate stream', pdfWithObjects([{ dict: '/Filter /FlateDecode', data: Buffer.from('not zlib at all') }]), 'malformed', 400],
    ['a Crypt filter', pdfWithObjects([{ dict: '/Filter /Crypt', data: Buffer.from('xx') }]), 'encrypted_pdf', 415],
  ];
  for (const [name, bytes, reason, status] of uninspectable) {
    test(`uninspectable: ${name}`, () => {
      const result = inspectEvidence(bytes, 'surat.pdf');
      assert.ok(!result.ok && result.rejection.reason === reason && result.rejection.status === status, JSON.stringify(result));
    });
  }
  test('uninspectable: a stream that inflates beyond the limit (decompression bomb)', () => {
    const bomb = pdfWithObjects([{ dict: '/Filter /FlateDecode', data: deflateSync(Buffer.alloc(200_000)) }]);
    const result = inspectEvidence(bomb, 'bom.pdf', { pdfScan: { perStream: 100_000, total: 1_000_000 } });
    assert.ok(
      !result.ok && result.rejection.reason === 'malformed' && /terlalu besar/.test(result.rejection.message.id),
      JSON.stringify(result),
    );
    assert.ok(inspectEvidence(bomb, 'bom.pdf').ok, 'within the default limit');
  });
  test('uninspectable: a stream cut short of its indirect /Length', () => {
    const data = deflateSync(script);
    const text = `<< /Filter /FlateDecode /Length 7 0 R >>\nstream\n`;
    const bytes = pdfWithObjects([`${text}${data.subarray(0, 5).toString('latin1')}\nendstream`, String(data.length)]);
    const result = scanPdf(bytes);
    assert.ok(result.uninspectable, JSON.stringify(result));
  });

  test('accepted: in-document navigation, a clicked web link, structure and transparency /S names', () => {
    const clean = pdfWithObjects(
      [
        '<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /GoTo /D [3 0 R /Fit] >> >>',
        '<< /Type /Annot /Subtype /Link /Rect [0 20 10 30] /A << /S /URI /URI (https://kpu.go.id/) >> >>',
        '<< /Type /StructTreeRoot /K << /S /P /Pg 3 0 R >> >>',
        '<< /Type /Group /S /Transparency /CS /DeviceRGB >>',
      ],
      { extra: '/OpenAction [3 0 R /Fit] /AA << /WC << /S /Named /N /FirstPage >> >> /PageLabels << /Nums [0 << /S /D >>] >>' },
    );
    const result = inspectEvidence(clean, 'tautan.pdf');
    assert.ok(result.ok, JSON.stringify(result));
  });
  test('accepted: a pdf-lib document with object streams, an image and a form', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([200, 200]);
    page.drawImage(await doc.embedPng(png({ width: 8, height: 8 })), { x: 10, y: 10, width: 50, height: 50 });
    page.drawText('Surat undangan kampanye');
    doc.getForm().createTextField('nama').addToPage(page, { x: 10, y: 100 });
    const bytes = Buffer.from(await doc.save({ useObjectStreams: true }));
    const result = inspectEvidence(bytes, 'undangan.pdf');
    assert.ok(result.ok, JSON.stringify(result));
  });
});
