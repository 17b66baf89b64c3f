// The public copy of a PDF: re-saved by pdf-lib without the document information dictionary
// (author, creator tool, dates) or the XMP metadata stream, and without earlier incremental
// revisions (a re-save writes only the objects still reachable, so "deleted" text is gone).
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';

export async function derivePublicPdf(original: Uint8Array): Promise<{ bytes: Uint8Array; removed: string[] } | null> {
  try {
    const doc = await PDFDocument.load(original, { updateMetadata: false, throwOnInvalidObject: true });
    const removed: string[] = [];
    const infoRef = doc.context.trailerInfo.Info;
    const info = infoRef ? doc.context.lookup(infoRef) : undefined;
    if (info instanceof PDFDict) {
      for (const key of info.keys()) {
        info.delete(key);
        removed.push(`Info${key.asString()}`);
      }
    }
    if (doc.catalog.has(PDFName.of('Metadata'))) {
      doc.catalog.delete(PDFName.of('Metadata'));
      removed.push('XMP');
    }
    for (const page of doc.getPages()) {
      for (const key of ['Metadata', 'PieceInfo']) {
        if (page.node.has(PDFName.of(key))) { page.node.delete(PDFName.of(key)); removed.push(`page/${key}`); }
      }
    }
    const bytes = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
    return { bytes, removed: [...new Set(removed)] };
  } catch {
    // A PDF pdf-lib cannot rewrite keeps no public copy; staff open the original with a purpose.
    return null;
  }
}
