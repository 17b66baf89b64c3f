// The public copy of a PDF, rebuilt from page content only: the pages are copied into a new
// document, so the catalog of the upload — /OpenAction, /AA, /AcroForm, /Names (JavaScript and
// embedded files), outlines, the information dictionary (author, creator tool, dates) and the XMP
// metadata — never reaches the copy, nor do earlier incremental revisions. Each page keeps only
// what draws it (contents, resources, boxes, rotation): annotations, page actions and page
// metadata are dropped before copying, so nothing they reference is carried along. Form fields
// are flattened first when pdf-lib can, so filled-in values stay visible. This is defence in
// depth behind the upload check (domain/evidence/pdfScan.ts), which refuses active content.
import { PDFDocument, PDFName } from 'pdf-lib';

/** Page entries that draw the page; everything else (/Annots, /AA, /Metadata, /PieceInfo, …) goes. */
const PAGE_KEYS = new Set([
  'Type',
  'Parent',
  'Resources',
  'Contents',
  'MediaBox',
  'CropBox',
  'BleedBox',
  'TrimBox',
  'ArtBox',
  'Rotate',
  'UserUnit',
  'Group',
]);

export class UnreadablePdfError extends Error {}

export async function derivePublicPdf(original: Uint8Array): Promise<{ bytes: Uint8Array; removed: string[] }> {
  try {
    return await rebuild(original);
  } catch (error) {
    // pdf-lib throws plain errors for any structure it cannot follow (no page tree, bad objects).
    throw new UnreadablePdfError(error instanceof Error ? error.message : String(error));
  }
}

async function rebuild(original: Uint8Array): Promise<{ bytes: Uint8Array; removed: string[] }> {
  const source = await PDFDocument.load(original, { updateMetadata: false, throwOnInvalidObject: true });
  const removed = new Set<string>();
  const info = source.context.trailerInfo.Info;
  if (info) removed.add('Info');
  for (const key of ['Metadata', 'OpenAction', 'AA', 'AcroForm', 'Names', 'Outlines', 'URI']) {
    if (source.catalog.has(PDFName.of(key))) removed.add(key === 'Metadata' ? 'XMP' : key);
  }
  try {
    // Filled-in form values live in widget annotations, which are dropped below: draw them first.
    if (source.catalog.has(PDFName.of('AcroForm'))) source.getForm().flatten({ updateFieldAppearances: false });
  } catch {
    // A form pdf-lib cannot flatten loses its field values in the copy; the original keeps them.
  }
  const pages = source.getPages();
  for (const page of pages) {
    for (const key of page.node.keys()) {
      const name = key.decodeText();
      if (!PAGE_KEYS.has(name)) {
        page.node.delete(key);
        removed.add(`page/${name}`);
      }
    }
  }
  const copy = await PDFDocument.create({ updateMetadata: false });
  for (const page of await copy.copyPages(
    source,
    pages.map((_, i) => i),
  ))
    copy.addPage(page);
  const bytes = await copy.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  return { bytes, removed: [...removed] };
}
