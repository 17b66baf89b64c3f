// Renders a plain document model (title, meta rows, sections with paragraphs, rows and tables)
// to an A4 PDF with the Bawaslu office header, page numbers and, in the footer, the SHA-256 of
// the document data: anyone holding the data can recompute it and check the printout matches.
// No I/O and no clock: the caller passes every value, so the same model gives the same bytes.
import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { canonicalJson } from '../../shared/canonicalJson.ts';
import { sanitizeForPdf, wrapText } from './text.ts';

export interface TableColumn {
  header: string;
  /** Relative width; columns share the text width in proportion. */
  width: number;
}

export interface DocumentSection {
  heading?: string;
  paragraphs?: string[];
  /** Drawn in this order: rows, paragraphs, table. */
  rows?: [string, string][];
  table?: { columns: TableColumn[]; rows: string[][]; empty?: string };
}

export interface DocumentModel {
  /** Stable document type id, e.g. 'tanda-bukti'. */
  kind: string;
  title: string;
  subtitle?: string;
  /** The issuing office, e.g. "Bawaslu Kabupaten Ogan Komering Ilir". */
  officeName: string;
  meta: [string, string][];
  sections: DocumentSection[];
  /** Place/date and signature lines at the end, right-aligned. */
  closing?: string[];
  /** "10 Oktober 2024 10.00 WIB": when the document was produced (part of the hashed data). */
  generatedLocal: string;
  /** Short reference for the footer (tracking code, registration number). */
  reference?: string;
  /** Creation date written in the PDF's information dictionary. */
  createdAt: Date;
  /** The language of the fixed texts (header, footer); Indonesian when absent. */
  language?: 'id' | 'en';
}

/** The renderer's own fixed texts, per document language. */
const FIXED = {
  id: {
    agency: 'BADAN PENGAWAS PEMILIHAN UMUM',
    madeWith: 'Dokumen dibuat dengan Netra - sistem pengawasan netralitas ASN dalam Pilkada',
    page: (i: number, n: number) => `Halaman ${i} dari ${n}`,
    created: 'dibuat',
    sha: 'SHA-256 data dokumen',
  },
  en: {
    agency: 'BADAN PENGAWAS PEMILIHAN UMUM (ELECTION SUPERVISORY AGENCY)',
    madeWith: 'Document produced with Netra - civil-servant neutrality supervision in regional elections',
    page: (i: number, n: number) => `Page ${i} of ${n}`,
    created: 'produced',
    sha: 'SHA-256 of the document data',
  },
} as const;

export interface RenderedDocument {
  bytes: Uint8Array;
  dataSha256: string;
  pageCount: number;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN_X = 56;
const MARGIN_TOP = 48;
const FOOTER_HEIGHT = 52;
const BODY = 10;
const LINE = 13.5;
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.35, 0.35, 0.35);
const RULE = rgb(0.55, 0.55, 0.55);
const SHADE = rgb(0.92, 0.92, 0.92);

/** The hash printed in the footer: SHA-256 of the canonical JSON of the model's data. */
export function documentDataHash(model: DocumentModel): string {
  const { createdAt: _createdAt, ...data } = model;
  return createHash('sha256').update(canonicalJson(data)).digest('hex');
}

class Layout {
  page!: PDFPage;
  y = 0;
  readonly width = A4[0] - 2 * MARGIN_X;
  readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    private readonly officeName: string,
    private readonly fixed: (typeof FIXED)['id' | 'en'] = FIXED.id,
  ) {
    this.newPage();
  }

  newPage() {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN_TOP;
    this.drawHeader();
  }

  /** The letterhead: fixed height (at most two lines of office name), never paginates itself. */
  private drawHeader() {
    const line = (text: string, font: PDFFont, size: number, color = INK) => {
      const w = font.widthOfTextAtSize(text, size);
      this.page.drawText(text, { x: MARGIN_X + (this.width - w) / 2, y: this.y - size, size, font, color });
      this.y -= size + 4;
    };
    line(this.fixed.agency, this.bold, 12);
    const office = wrapText(sanitizeForPdf(this.officeName.toUpperCase()), this.width, (s) => this.bold.widthOfTextAtSize(s, 11));
    for (const text of office.slice(0, 2)) line(text, this.bold, 11);
    line(this.fixed.madeWith, this.regular, 8, MUTED);
    this.y -= 4;
    this.page.drawLine({ start: { x: MARGIN_X, y: this.y }, end: { x: A4[0] - MARGIN_X, y: this.y }, thickness: 1.6, color: INK });
    this.page.drawLine({
      start: { x: MARGIN_X, y: this.y - 2.5 },
      end: { x: A4[0] - MARGIN_X, y: this.y - 2.5 },
      thickness: 0.5,
      color: INK,
    });
    this.y -= 22;
  }

  /** Ensures `height` points fit above the footer; otherwise starts a new page. */
  ensure(height: number) {
    if (this.y - height < FOOTER_HEIGHT + 8) this.newPage();
  }

  centered(text: string, font: PDFFont, size: number, color = INK) {
    for (const line of wrapText(sanitizeForPdf(text), this.width, (s) => font.widthOfTextAtSize(s, size))) {
      this.ensure(size + 4);
      const w = font.widthOfTextAtSize(line, size);
      this.page.drawText(line, { x: MARGIN_X + (this.width - w) / 2, y: this.y - size, size, font, color });
      this.y -= size + 4;
    }
  }

  paragraph(
    text: string,
    options: { font?: PDFFont; size?: number; indent?: number; color?: ReturnType<typeof rgb>; align?: 'left' | 'right' } = {},
  ) {
    const font = options.font ?? this.regular;
    const size = options.size ?? BODY;
    const indent = options.indent ?? 0;
    const lines = wrapText(sanitizeForPdf(text), this.width - indent, (s) => font.widthOfTextAtSize(s, size));
    for (const line of lines) {
      this.ensure(LINE);
      const x = options.align === 'right' ? A4[0] - MARGIN_X - font.widthOfTextAtSize(line, size) : MARGIN_X + indent;
      this.page.drawText(line, { x, y: this.y - size, size, font, color: options.color ?? INK });
      this.y -= LINE * (size / BODY);
    }
  }

  rows(rows: [string, string][]) {
    const labelWidth = 150;
    const valueWidth = this.width - labelWidth - 10;
    for (const [label, value] of rows) {
      const labelLines = wrapText(sanitizeForPdf(label), labelWidth - 4, (s) => this.regular.widthOfTextAtSize(s, BODY));
      const valueLines = wrapText(sanitizeForPdf(value || '-'), valueWidth, (s) => this.regular.widthOfTextAtSize(s, BODY));
      const count = Math.max(labelLines.length, valueLines.length);
      for (let i = 0; i < count; i++) {
        this.ensure(LINE);
        if (labelLines[i]) this.page.drawText(labelLines[i], { x: MARGIN_X, y: this.y - BODY, size: BODY, font: this.regular, color: INK });
        if (i === 0) this.page.drawText(':', { x: MARGIN_X + labelWidth, y: this.y - BODY, size: BODY, font: this.regular, color: INK });
        if (valueLines[i])
          this.page.drawText(valueLines[i], {
            x: MARGIN_X + labelWidth + 10,
            y: this.y - BODY,
            size: BODY,
            font: this.regular,
            color: INK,
          });
        this.y -= LINE;
      }
      this.y -= 1.5;
    }
  }

  table(columns: TableColumn[], rows: string[][], empty: string | undefined) {
    const size = 9;
    const lineHeight = 11.5;
    const pad = 3;
    const total = columns.reduce((n, c) => n + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const cellLines = (cells: string[], font: PDFFont) =>
      cells.map((cell, i) => wrapText(sanitizeForPdf(cell || '-'), widths[i] - 2 * pad, (s) => font.widthOfTextAtSize(s, size)));
    const drawRow = (lines: string[][], font: PDFFont, shaded: boolean) => {
      const height = Math.max(...lines.map((l) => l.length)) * lineHeight + 2 * pad;
      let x = MARGIN_X;
      if (shaded) this.page.drawRectangle({ x, y: this.y - height, width: this.width, height, color: SHADE });
      lines.forEach((cell, i) => {
        this.page.drawRectangle({ x, y: this.y - height, width: widths[i], height, borderColor: RULE, borderWidth: 0.5 });
        cell.forEach((line, k) =>
          this.page.drawText(line, { x: x + pad, y: this.y - pad - size - k * lineHeight + 1, size, font, color: INK }),
        );
        x += widths[i];
      });
      this.y -= height;
    };
    const header = cellLines(
      columns.map((c) => c.header),
      this.bold,
    ).map((l) => (l.length > 3 ? [...l.slice(0, 2), '[...]'] : l));
    const headerHeight = Math.max(...header.map((l) => l.length)) * lineHeight + 2 * pad;
    this.ensure(headerHeight + lineHeight + 2 * pad);
    drawRow(header, this.bold, true);
    if (rows.length === 0 && empty) {
      this.ensure(lineHeight + 2 * pad);
      drawRow(
        cellLines([empty, ...columns.slice(1).map(() => '')], this.regular).map((l, i) => (i === 0 ? l : [])),
        this.regular,
        false,
      );
    }
    for (const row of rows) {
      let lines = cellLines(row, this.regular);
      const maxLinesPerPage = Math.floor((A4[1] - MARGIN_TOP - 80 - FOOTER_HEIGHT - headerHeight) / lineHeight) - 1;
      // A cell taller than a page is cut (the model should not carry such cells; this keeps layout finite).
      lines = lines.map((l) => (l.length > maxLinesPerPage ? [...l.slice(0, maxLinesPerPage - 1), '[...]'] : l));
      const height = Math.max(...lines.map((l) => l.length)) * lineHeight + 2 * pad;
      if (this.y - height < FOOTER_HEIGHT + 8) {
        this.newPage();
        drawRow(header, this.bold, true);
      }
      drawRow(lines, this.regular, false);
    }
    this.y -= 6;
  }
}

export async function renderDocument(model: DocumentModel): Promise<RenderedDocument> {
  const dataSha256 = documentDataHash(model);
  const doc = await PDFDocument.create();
  doc.setTitle(sanitizeForPdf(model.title));
  doc.setSubject(sanitizeForPdf(model.kind));
  doc.setAuthor(sanitizeForPdf(model.officeName));
  doc.setCreator('Netra');
  doc.setProducer('Netra (pdf-lib)');
  doc.setCreationDate(model.createdAt);
  doc.setModificationDate(model.createdAt);
  doc.setLanguage('id-ID');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const fixed = FIXED[model.language ?? 'id'];
  const layout = new Layout(doc, regular, bold, model.officeName, fixed);

  layout.centered(model.title.toUpperCase(), bold, 13);
  if (model.subtitle) layout.centered(model.subtitle, regular, 10);
  layout.y -= 10;
  if (model.meta.length) {
    layout.rows(model.meta);
    layout.y -= 6;
  }
  for (const section of model.sections) {
    if (section.heading) {
      layout.ensure(LINE * 3);
      layout.y -= 4;
      layout.paragraph(section.heading, { font: bold, size: 10.5 });
      layout.y -= 2;
    }
    if (section.rows?.length) {
      layout.rows(section.rows);
      layout.y -= 4;
    }
    for (const text of section.paragraphs ?? []) {
      layout.paragraph(text);
      layout.y -= 4;
    }
    if (section.table) layout.table(section.table.columns, section.table.rows, section.table.empty);
    layout.y -= 4;
  }
  if (model.closing?.length) {
    layout.ensure(LINE * (model.closing.length + 1));
    layout.y -= 12;
    for (const line of model.closing) layout.paragraph(line, { align: 'right' });
  }

  const count = layout.pages.length;
  layout.pages.forEach((page, index) => {
    const y = FOOTER_HEIGHT - 14;
    page.drawLine({ start: { x: MARGIN_X, y }, end: { x: A4[0] - MARGIN_X, y }, thickness: 0.5, color: RULE });
    const pageLabel = fixed.page(index + 1, count);
    page.drawText(pageLabel, {
      x: A4[0] - MARGIN_X - regular.widthOfTextAtSize(pageLabel, 8),
      y: y - 11,
      size: 8,
      font: regular,
      color: MUTED,
    });
    const left = sanitizeForPdf(`${model.reference ? `${model.reference} - ` : ''}${fixed.created} ${model.generatedLocal}`);
    page.drawText(left.slice(0, 90), { x: MARGIN_X, y: y - 11, size: 8, font: regular, color: MUTED });
    page.drawText(`${fixed.sha}: ${dataSha256}`, { x: MARGIN_X, y: y - 22, size: 7, font: regular, color: MUTED });
  });
  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, dataSha256, pageCount: count };
}
