// The pledge certificate: an A4 landscape PDF with the public fields, the signature and a QR
// code to the public verification page. The signed JSON and its signature are attached to the
// PDF as `deklarasi.json`, so the document can be checked offline with the public key.
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import QRCode from 'qrcode';
import { formatLocalDateId } from '../../../domain/time/localDate.ts';
import type { PledgeRow } from './repository.ts';
import { verificationPath } from './service.ts';

/** WinAnsi-only text for the standard fonts (pdf-lib throws on anything else). */
export function pdfSafe(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    if (code >= 0x20 && code <= 0x7e) out += char;
    else if (code >= 0xa1 && code <= 0xff && code !== 0xad) out += char;
    else if ('\u2018\u2019'.includes(char)) out += "'";
    else if ('\u201c\u201d'.includes(char)) out += '"';
    else if ('\u2013\u2014'.includes(char)) out += '-';
    else if (code < 0x20) out += ' ';
    else {
      const plain = char.normalize('NFKD').replace(/\p{M}/gu, '');
      out += /^[\x20-\x7e]+$/.test(plain) ? plain : '?';
    }
  }
  return out;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (font.widthOfTextAtSize(line, size) > width) {
      let cut = line.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

export async function renderPledgeCertificate(row: PledgeRow, baseUrl: string): Promise<Uint8Array> {
  const url = `${baseUrl.replace(/\/$/, '')}${verificationPath(row.id, row.signature)}`;
  const pdf = await PDFDocument.create();
  const issued = new Date(row.created_at);
  pdf.setTitle(pdfSafe(`Sertifikat Deklarasi Netralitas ASN - ${row.agency}`));
  pdf.setSubject('Deklarasi netralitas ASN / ASN neutrality pledge');
  pdf.setProducer('Netra');
  pdf.setCreator('Netra');
  pdf.setCreationDate(issued);
  pdf.setModificationDate(issued);
  const page = pdf.addPage([841.89, 595.28]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const mono = await pdf.embedFont(StandardFonts.Courier);
  const dark = rgb(0.1, 0.12, 0.2);
  const accent = rgb(0.55, 0.1, 0.1);
  page.drawRectangle({ x: 24, y: 24, width: 793.89, height: 547.28, borderColor: accent, borderWidth: 3 });
  page.drawRectangle({ x: 32, y: 32, width: 777.89, height: 531.28, borderColor: accent, borderWidth: 0.8 });

  const center = (text: string, y: number, font: PDFFont, size: number, color = dark) => {
    const safe = pdfSafe(text);
    page.drawText(safe, { x: (841.89 - font.widthOfTextAtSize(safe, size)) / 2, y, size, font, color });
  };
  center('SERTIFIKAT DEKLARASI NETRALITAS', 510, bold, 26, accent);
  center('Aparatur Sipil Negara dalam Pemilihan Kepala Daerah', 486, regular, 13);
  center('Certificate of an ASN neutrality pledge', 468, regular, 10, rgb(0.4, 0.4, 0.45));
  center('Dengan ini dicatat bahwa', 430, regular, 13);
  const agencyLines = wrap(pdfSafe(row.agency), bold, 20, 640);
  let y = 402;
  for (const line of agencyLines.slice(0, 3)) {
    center(line, y, bold, 20);
    y -= 24;
  }
  center(`${row.region_name} (${row.region_code})`, y - 2, regular, 13);
  y -= 34;
  center(`telah menyatakan deklarasi netralitas ASN pada ${formatLocalDateId(row.pledged_on)}`, y, regular, 13);
  y -= 20;
  center(`bertempat di ${row.venue}, ditandatangani oleh ${row.signatory_count} orang.`, y, regular, 13);

  const qr = await QRCode.toBuffer(url, { type: 'png', margin: 1, width: 360, errorCorrectionLevel: 'M' });
  const qrImage = await pdf.embedPng(qr);
  page.drawImage(qrImage, { x: 56, y: 56, width: 120, height: 120 });
  page.drawText('Pindai untuk verifikasi / scan to verify', { x: 56, y: 44, size: 7, font: regular, color: dark });
  const details = [
    `ID deklarasi: ${row.id}`,
    `Diterbitkan: ${issued.toISOString()}  |  Kunci: Ed25519 ${row.key_id}`,
    ...(row.document_sha256 ? [`SHA-256 dokumen deklarasi: ${row.document_sha256}`] : []),
    'Tanda tangan digital (Ed25519, base64url):',
    ...wrap(row.signature, mono, 7.5, 560),
    `Verifikasi: ${url}`,
  ];
  let dy = 166;
  for (const line of details) {
    for (const part of wrap(pdfSafe(line), regular, 8, 600)) {
      page.drawText(part, { x: 196, y: dy, size: 8, font: /^[A-Za-z0-9_-]+$/.test(part) ? mono : regular, color: dark });
      dy -= 11;
    }
  }
  page.drawText(pdfSafe('Dokumen bertanda tangan (deklarasi.json) terlampir pada PDF ini.'), {
    x: 196,
    y: 52,
    size: 7,
    font: regular,
    color: rgb(0.4, 0.4, 0.45),
  });

  await pdf.attach(Buffer.from(JSON.stringify({ document: row.canonical, signature: row.signature }, null, 2), 'utf8'), 'deklarasi.json', {
    mimeType: 'application/json',
    description: 'Dokumen deklarasi kanonis dan tanda tangan Ed25519',
    creationDate: issued,
    modificationDate: issued,
  });
  return pdf.save({ useObjectStreams: false });
}
