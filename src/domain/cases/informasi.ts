// Informasi awal from the public without identity (Perbawaslu 8/2020: Bawaslu may act on
// information through its own supervision; it is not a laporan, so no pelapor standing and no
// status updates). Spam control without identity: near-duplicate folding by text and region.

/** Value of cases.source for information sent by the public through /api/v1/informasi. */
export const PUBLIC_INFORMASI_SOURCE = 'informasi_publik';

/** A repeat within this window, in the same region, folds onto the first submission. */
export const INFORMASI_FOLD_HOURS = 24;
/** Trigram similarity of the narratives at or above which two submissions are the same report. */
export const INFORMASI_FOLD_SIMILARITY = 0.8;

/** Reason written on a one-click dismissal (hentikan_penelusuran needs a written reason). */
export const INFORMASI_DISMISS_REASON =
  'Informasi publik tanpa identitas diabaikan oleh pengawas (tidak dapat ditindaklanjuti, berulang, atau spam).';

/** Text used for folding: case, spacing and punctuation do not make a new submission. */
export function foldKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
