import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { pdfText } from '../support/pdfText.ts';
import { isWinAnsi, sanitizeForPdf, truncateText, wrapText } from '../../src/server/modules/documents/text.ts';
import { documentDataHash, renderDocument, type DocumentModel } from '../../src/server/modules/documents/render.ts';

const measure = (s: string) => s.length; // one unit per character

describe('wrapText', () => {
  const cases: { text: string; width: number; lines: string[] }[] = [
    { text: 'satu dua tiga', width: 100, lines: ['satu dua tiga'] },
    { text: 'satu dua tiga', width: 8, lines: ['satu dua', 'tiga'] },
    { text: 'satu\n\ndua', width: 10, lines: ['satu', '', 'dua'] },
    { text: 'abcdefghij', width: 4, lines: ['abcd', 'efgh', 'ij'] },
    { text: 'a   b', width: 10, lines: ['a b'] },
    { text: 'x https://contoh.id/sangat/panjang y', width: 10, lines: ['x', 'https://co', 'ntoh.id/sa', 'ngat/panja', 'ng y'] },
    { text: '', width: 10, lines: [''] },
  ];
  for (const c of cases) {
    test(JSON.stringify(c.text), () => assert.deepEqual(wrapText(c.text, c.width, measure), c.lines));
  }
  test('every line fits, with a real font metric', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const text = 'Terlapor hadir dan berorasi mendukung pasangan calon nomor urut 1 pada kampanye terbuka di lapangan kecamatan. '.repeat(
      8,
    );
    const lines = wrapText(text, 200, (s) => font.widthOfTextAtSize(s, 10));
    assert.ok(lines.length > 5);
    for (const line of lines) assert.ok(font.widthOfTextAtSize(line, 10) <= 200, line);
    assert.equal(lines.join(' '), text.trim());
  });
});

describe('sanitizeForPdf', () => {
  const cases: [string, string][] = [
    ['2×24 jam', '2x24 jam'],
    ['3–5 hari — tidak', '3-5 hari - tidak'],
    ['“kutipan” ‘tunggal’', '"kutipan" \'tunggal\''],
    ['tunggu…', 'tunggu...'],
    ['Café Señor', 'Café Señor'],
    ['Łódź Ő', '?ódz O'],
    ['emoji 😀👍🏽 selesai', 'emoji ??? selesai'],
    ['keluarga 👨‍👩‍👧', 'keluarga ???'],
    ['中文 テスト', '?? ???'],
    ['ꦗꦮ (aksara Jawa)', '?? (aksara Jawa)'],
    ['tab\there', 'tab    here'],
    ['baris\r\nbaru', 'baris\nbaru'],
    ['null\u0000byte\u0007', 'null byte '],
    ['zero\u200bwidth\u00adsoft', 'zerowidthsoft'],
    ['1 ≤ 2 → 3', '1 <= 2 -> 3'],
    [undefined as unknown as string, ''],
  ];
  for (const [input, expected] of cases) {
    test(JSON.stringify(input), () => assert.equal(sanitizeForPdf(input), expected));
  }
  test('output is always drawable with the standard font', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage();
    let all = '';
    for (let code = 0; code < 0x3000; code += 7) all += String.fromCodePoint(code);
    all += '😀🇮🇩👨‍👩‍👧 中文 한국어 العربية עברית ไทย ✓✗ ½ © ® € ™';
    const clean = sanitizeForPdf(all);
    for (const char of clean) if (char !== '\n') assert.ok(isWinAnsi(char), `U+${char.codePointAt(0)!.toString(16)}`);
    for (const line of clean.split('\n')) page.drawText(line, { font, size: 8, x: 10, y: 10 });
  });
  test('truncateText cuts at a word boundary', () => {
    assert.equal(truncateText('satu dua tiga empat', 12), 'satu dua [...]');
    assert.equal(truncateText('pendek', 12), 'pendek');
  });
});

describe('renderDocument', () => {
  const model = (overrides: Partial<DocumentModel> = {}): DocumentModel => ({
    kind: 'uji',
    title: 'Dokumen Uji',
    subtitle: 'Kode: NTR-TEST-0001',
    officeName: 'Bawaslu Kabupaten Ogan Komering Ilir',
    meta: [
      ['Kode pelacakan', 'NTR-TEST-0001'],
      ['Catatan', 'emoji 😀 dan 中文 tidak merusak dokumen'],
    ],
    sections: [
      { heading: 'A. Uraian', paragraphs: ['Paragraf panjang. '.repeat(400)] },
      {
        heading: 'B. Tabel',
        table: {
          columns: [
            { header: 'No', width: 5 },
            { header: 'SHA-256', width: 60 },
            { header: 'Ket', width: 35 },
          ],
          rows: Array.from({ length: 80 }, (_, i) => [String(i + 1), 'a'.repeat(64), '“ok” – 2×24']),
        },
      },
      {
        heading: 'C. Kosong',
        table: {
          columns: [
            { header: 'No', width: 1 },
            { header: 'Isi', width: 3 },
          ],
          rows: [],
          empty: 'Tidak ada.',
        },
      },
    ],
    closing: ['Kayuagung, 10 Oktober 2024', 'Pengawas'],
    generatedLocal: '10 Oktober 2024 10.00 WIB',
    reference: 'NTR-TEST-0001',
    createdAt: new Date('2024-10-10T03:00:00Z'),
    ...overrides,
  });

  test('multi-page A4 with header, page numbers and the data hash', async () => {
    const rendered = await renderDocument(model());
    assert.equal(Buffer.from(rendered.bytes.subarray(0, 5)).toString(), '%PDF-');
    const parsed = await PDFDocument.load(rendered.bytes);
    assert.ok(parsed.getPageCount() >= 3);
    assert.equal(parsed.getPageCount(), rendered.pageCount);
    const { width, height } = parsed.getPage(0).getSize();
    assert.deepEqual([Math.round(width), Math.round(height)], [595, 842]);
    const text = pdfText(rendered.bytes);
    assert.ok(text.includes('BADAN PENGAWAS PEMILIHAN UMUM'));
    assert.ok(text.includes(`Halaman ${rendered.pageCount} dari ${rendered.pageCount}`));
    assert.ok(text.includes(`SHA-256 data dokumen: ${rendered.dataSha256}`));
    assert.ok(text.includes('emoji ? dan ?? tidak merusak dokumen'));
    assert.ok(text.includes('"ok" - 2x24'));
    assert.ok(text.includes('Tidak ada.'));
  });

  test('the data hash ignores nothing but the creation date, and the output is reproducible', async () => {
    const a = await renderDocument(model());
    const b = await renderDocument(model());
    assert.equal(a.dataSha256, b.dataSha256);
    assert.ok(Buffer.from(a.bytes).equals(Buffer.from(b.bytes)));
    assert.notEqual(documentDataHash(model({ meta: [['Kode pelacakan', 'NTR-TEST-0002']] })), a.dataSha256);
    assert.equal(documentDataHash(model({ createdAt: new Date(0) })), a.dataSha256);
  });

  test('hostile text everywhere does not crash the renderer', async () => {
    const nasty = '😀中文\u0000\u202e<script>\t\r\n' + '\u{1F600}'.repeat(500) + 'x'.repeat(5000);
    const rendered = await renderDocument(
      model({
        title: nasty,
        subtitle: nasty,
        officeName: nasty,
        meta: [[nasty, nasty]],
        reference: nasty,
        generatedLocal: nasty,
        sections: [
          {
            heading: nasty,
            paragraphs: [nasty],
            rows: [[nasty, nasty]],
            table: { columns: [{ header: nasty, width: 1 }], rows: [[nasty]] },
          },
        ],
        closing: [nasty],
      }),
    );
    assert.ok((await PDFDocument.load(rendered.bytes)).getPageCount() >= 1);
  });
});

test('pdfText reads a Flate stream whose checksum ends in \\r (regression: flaky document text assertions)', async () => {
  // pdf-lib's deflate is deterministic: this text compresses to a content stream whose last byte
  // (of the Adler-32 checksum) is 0x0D, which the old `\r?\nendstream` regex cut off. The search
  // around it only matters if a pdf-lib upgrade changes the compressed bytes.
  for (let a = 30; a < 90; a++) {
    for (let b = 0; b < 8; b++) {
      const doc = await PDFDocument.create();
      const font = await doc.embedFont(StandardFonts.Helvetica);
      const text = `KAJIAN DUGAAN PELANGGARAN ${'Z'.repeat(a)}${'A'.repeat((b + 4) % 8)}`;
      doc.addPage().drawText(text, { font, x: 40, y: 700, size: 10 });
      const bytes = await doc.save({ useObjectStreams: false });
      const raw = Buffer.from(bytes).toString('latin1');
      if (![...raw.matchAll(/stream\n([\s\S]*?)\nendstream/g)].some((m) => m[1].endsWith('\r'))) continue;
      assert.ok(pdfText(bytes).includes(text), 'the text of a stream ending in \\r is read');
      return;
    }
  }
  assert.fail('no content stream ending in \\r found');
});
