// Evidence size limits per kind: a shared contract between the upload endpoint (which enforces
// them) and the web form (which checks file.size before sending a byte).
export interface EvidenceLimits {
  /** Maximum bytes per kind. */
  image: number;
  pdf: number;
  video: number;
  /** Maximum declared width × height of an image (decompression-bomb guard). */
  maxPixels: number;
}

const MB = 1024 * 1024;
export const DEFAULT_EVIDENCE_LIMITS: Readonly<EvidenceLimits> = { image: 10 * MB, pdf: 20 * MB, video: 50 * MB, maxPixels: 50_000_000 };
