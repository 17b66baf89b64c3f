// Text drawn by pdf-lib into a PDF: the hex strings of Tj operators in every decoded stream.
//
// Streams are cut by their /Length through pdf-lib's own object parser, never by a regular
// expression up to `\r?\nendstream`: a Flate stream ends with its Adler-32 checksum, whose last
// byte is 0x0D (\r) for about one render in 250; the regex then left that byte out, inflating
// failed, and the whole page's text vanished — a flaky assertion that depended on the random
// tracking code printed in the document.
import { PDFContext, PDFObjectParser, PDFRawStream, decodePDFRawStream } from 'pdf-lib';

export function pdfText(bytes: Uint8Array): string {
  const data = Uint8Array.from(bytes);
  const raw = Buffer.from(data).toString('latin1');
  const context = PDFContext.create();
  const out: string[] = [];
  for (const m of raw.matchAll(/(?<![0-9])\d+ \d+ obj\b/g)) {
    const object = PDFObjectParser.forBytes(data.subarray(m.index! + m[0].length), context).parseObject();
    if (!(object instanceof PDFRawStream)) continue;
    const content = Buffer.from(decodePDFRawStream(object).decode()).toString('latin1');
    for (const t of content.matchAll(/<([0-9A-Fa-f]*)> Tj/g)) out.push(Buffer.from(t[1], 'hex').toString('latin1'));
  }
  return out.join('\n');
}
