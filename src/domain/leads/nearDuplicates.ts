// Near-duplicate detection for syndicated news: MinHash over word 5-shingles (Broder 1997).
// The fraction of equal MinHash values between two signatures estimates the Jaccard similarity
// of their shingle sets (standard error ≈ √(J(1−J)/64) ≈ 0.06 at J = 0.6 with 64 hashes).
// Candidates are found by locality-sensitive hashing: 32 bands of 2 values; two articles with
// J = 0.6 share at least one band with probability 1 − (1 − 0.36)^32 > 0.9999, and every
// candidate is then checked against the full signature.
// Pure: no I/O. Works on the cleaned body (boilerplate already removed by the triage cleaning),
// so copies that differ only in outlet, dateline or read-also lines shingle alike.

export const SHINGLE_WORDS = 5;
export const MINHASH_SIZE = 64;
export const LSH_BANDS = 32;
export const LSH_ROWS = MINHASH_SIZE / LSH_BANDS;
/** Estimated Jaccard at or above which two articles are suggested as the same story. */
export const SAME_STORY_JACCARD = 0.6;

const WORD_RE = /[\p{L}\p{N}]+/gu;

/** Lower-case words; punctuation, quotes and spacing do not matter. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(WORD_RE) ?? [];
}

/** FNV-1a, 32 bits, over UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's 32-bit finaliser: a good mixer, so `mix(h ^ seed)` gives independent-looking hash functions. */
function mix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS: readonly number[] = Array.from({ length: MINHASH_SIZE }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab));

/** Distinct word 5-shingles as 32-bit hashes; a text shorter than 5 words is one shingle. */
export function shingleHashes(text: string, size = SHINGLE_WORDS): Set<number> {
  const words = wordsOf(text);
  const hashes = new Set<number>();
  if (words.length === 0) return hashes;
  if (words.length < size) {
    hashes.add(fnv1a(words.join(' ')));
    return hashes;
  }
  for (let i = 0; i + size <= words.length; i++) hashes.add(fnv1a(words.slice(i, i + size).join(' ')));
  return hashes;
}

/** 64 MinHash values (unsigned 32-bit); an empty text gives all 0xffffffff. */
export function minhashSignature(text: string): number[] {
  const signature = new Array<number>(MINHASH_SIZE).fill(0xffffffff);
  for (const shingle of shingleHashes(text)) {
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const value = mix(shingle ^ SEEDS[i]);
      if (value < signature[i]) signature[i] = value;
    }
  }
  return signature;
}

/** Estimated Jaccard similarity: the share of positions where the signatures agree. */
export function estimateJaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}

/** Exact Jaccard over the shingle sets (for tests and calibration). */
export function exactJaccard(textA: string, textB: string): number {
  const a = shingleHashes(textA);
  const b = shingleHashes(textB);
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const h of a) if (b.has(h)) shared++;
  return shared / (a.size + b.size - shared);
}

/** LSH band keys ("band:value,value"); two signatures sharing a key are candidates. */
export function lshBands(signature: readonly number[]): string[] {
  const bands: string[] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    const rows = signature.slice(band * LSH_ROWS, (band + 1) * LSH_ROWS);
    bands.push(`${band}:${rows.map((v) => v.toString(36)).join(',')}`);
  }
  return bands;
}

export interface ClusterCandidate {
  id: string;
  signature: readonly number[];
  clusterId: string | null;
}

/** The most similar candidate at or above the threshold, or null. Ties go to the earlier candidate. */
export function bestSameStory(
  signature: readonly number[],
  candidates: readonly ClusterCandidate[],
  threshold = SAME_STORY_JACCARD,
): { candidate: ClusterCandidate; jaccard: number } | null {
  let best: { candidate: ClusterCandidate; jaccard: number } | null = null;
  for (const candidate of candidates) {
    const jaccard = estimateJaccard(signature, candidate.signature);
    if (jaccard >= threshold && (!best || jaccard > best.jaccard)) best = { candidate, jaccard };
  }
  return best;
}
