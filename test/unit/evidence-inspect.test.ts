import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { inspectEvidence, DEFAULT_EVIDENCE_LIMITS, type RejectionReason } from '../../src/domain/evidence/inspect.ts';
import { extensionMatches, imageDimensions, sniffFormat, recogniseUnsupported } from '../../src/domain/evidence/sniff.ts';
import { exifOrientation, stripJpegMetadata, stripPngMetadata, stripWebpMetadata, MalformedFileError } from '../../src/domain/evidence/strip.ts';
import { appSegment, exifSegment, jpeg, mp4, pdf, pdfWithCompressedJavaScript, png, webm, webp } from './evidence-fixtures.ts';

const inflate = (data: Uint8Array, max: number) => {
  try { return inflateSync(data, { maxOutputLength: max }); } catch (e) { if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new RangeError('big'); return null; }
};
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
    assert.ok(Buffer.from(copy).subarray(-2).equals(Buffer.from([0xff, 0xd9])));
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
    assert.ok(inspectEvidence(pdf({ extra: '/Annot << /RC (<?xml version="1.0"?><body xmlns="http://www.w3.org/1999/xhtml"><p>catatan</p></body>) >>' }), 'a.pdf', { inflate }).ok);
  });
  test('PDF, MP4 and WebM accepted', () => {
    assert.ok(inspectEvidence(pdf(), 'surat.pdf', { inflate }).ok);
    assert.ok(inspectEvidence(mp4(), 'video.mp4').ok);
    assert.ok(inspectEvidence(webm(), 'rekaman.webm').ok);
  });
});

describe('inspectEvidence: reject', () => {
  const cases: [string, Buffer, string, RejectionReason, number][] = [
    ['empty file', Buffer.alloc(0), 'a.jpg', 'empty', 400],
    ['SVG with script', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'a.svg', 'unsupported_type', 415],
    ['HTML renamed .jpg', Buffer.from('<html><body><script>alert(1)</script></body></html>'), 'photo.jpg', 'unsupported_type', 415],
    ['PDF renamed .jpg', pdf(), 'photo.jpg', 'extension_mismatch', 415],
    ['JPEG named .exe', jpeg(), 'photo.exe', 'extension_mismatch', 415],
    ['polyglot JPEG with <script>', jpeg({ comment: '<script>alert(document.cookie)</script>' }), 'a.jpg', 'polyglot', 415],
    ['polyglot PNG with <html>', png({ text: { c: '<html><body>x' } }), 'a.png', 'polyglot', 415],
    ['PDF with /JavaScript', pdf({ extra: '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>' }), 'a.pdf', 'active_content', 415],
    ['PDF with hex-escaped /J#61vaScript', pdf({ extra: '/OpenAction << /S /J#61vaScript /JS (x) >>' }), 'a.pdf', 'active_content', 415],
    ['PDF with /Launch', pdf({ extra: '/OpenAction << /S /Launch /F (cmd.exe) >>' }), 'a.pdf', 'active_content', 415],
    ['PDF with JavaScript inside a compressed object stream', pdfWithCompressedJavaScript(), 'a.pdf', 'active_content', 415],
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
      const result = inspectEvidence(bytes, fileName, { inflate });
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
