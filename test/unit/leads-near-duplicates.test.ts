// Near-duplicate signatures: syndicated copies of the five seed articles (other outlet and
// dateline, read-also lines, credits, a few edited words, the last paragraph cut) stay at or above
// the clustering threshold; different stories stay far below it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { cleanArticle } from '../../src/domain/triage/clean.ts';
import {
  bestSameStory,
  estimateJaccard,
  exactJaccard,
  lshBands,
  minhashSignature,
  MINHASH_SIZE,
  SAME_STORY_JACCARD,
  shingleHashes,
} from '../../src/domain/leads/nearDuplicates.ts';

const SEEDS_DIR = '/work/shared/seeds';
export const seeds = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(`${SEEDS_DIR}/${f}`, 'utf8'));
const bodyOf = (text: string) => {
  const c = cleanArticle(text);
  return c.text.slice(c.bodyStart);
};

/** A syndicated copy: another outlet's dateline and boilerplate, two edited words, the last paragraph dropped. */
export function syndicatedCopy(text: string): string {
  const lines = text.split('\n');
  const paragraphs = lines.filter((l) => l.trim());
  const kept = lines.slice(0, lines.lastIndexOf(paragraphs[paragraphs.length - 1]));
  const first = kept[0].replace(/^[^–-]{0,60}[–-]\s*/, '');
  const out = [`JAKARTA, OUTLETLAIN.COM – ${first}`, ...kept.slice(1)];
  out.splice(2, 0, 'BACA JUGA: Bupati Lantik Pejabat Baru di Kabupaten Lain');
  return `${out
    .join('\n')
    .replace(/\bASN\b/, 'aparatur')
    .replace(/\bmenjelang\b/i, 'jelang')}\nEditor: Redaksi\nBerita Terkait\nIkuti berita terkini di Google News`;
}

test('five seeds are available', () => {
  assert.equal(seeds.length, 5);
});

test('syndicated copies of each seed reach the same-story threshold', () => {
  for (const [i, seed] of seeds.entries()) {
    const a = minhashSignature(bodyOf(seed));
    const b = minhashSignature(bodyOf(syndicatedCopy(seed)));
    const estimate = estimateJaccard(a, b);
    assert.ok(estimate >= SAME_STORY_JACCARD, `seed ${i}: estimated Jaccard ${estimate}`);
    assert.ok(
      lshBands(a).some((band) => lshBands(b).includes(band)),
      `seed ${i}: copies share an LSH band`,
    );
  }
});

test('different stories stay far below the threshold (estimate and exact)', () => {
  for (let i = 0; i < seeds.length; i++) {
    for (let j = i + 1; j < seeds.length; j++) {
      const a = bodyOf(seeds[i]);
      const b = bodyOf(seeds[j]);
      assert.ok(estimateJaccard(minhashSignature(a), minhashSignature(b)) < 0.2, `seeds ${i}/${j}`);
      assert.ok(exactJaccard(a, b) < 0.05, `seeds ${i}/${j} exact`);
    }
  }
});

test('the estimate tracks the exact Jaccard', () => {
  for (const seed of seeds) {
    const a = bodyOf(seed);
    const b = bodyOf(syndicatedCopy(seed));
    assert.ok(Math.abs(estimateJaccard(minhashSignature(a), minhashSignature(b)) - exactJaccard(a, b)) < 0.2);
  }
});

test('signatures: size, determinism, case and punctuation do not matter, short texts', () => {
  const text = 'Camat di OKI diduga hadir dalam kampanye pasangan calon bupati.';
  const signature = minhashSignature(text);
  assert.equal(signature.length, MINHASH_SIZE);
  assert.deepEqual(minhashSignature(text), signature);
  assert.equal(estimateJaccard(signature, minhashSignature(text.toUpperCase().replace(/[.,]/g, ' , '))), 1);
  assert.equal(shingleHashes('dua kata').size, 1);
  assert.equal(shingleHashes('').size, 0);
  assert.equal(estimateJaccard(minhashSignature(''), minhashSignature('lain sekali')), 0);
});

test('bestSameStory picks the most similar candidate at or above the threshold', () => {
  const base = bodyOf(seeds[3]);
  const copy = minhashSignature(bodyOf(syndicatedCopy(seeds[3])));
  const other = minhashSignature(bodyOf(seeds[4]));
  const found = bestSameStory(minhashSignature(base), [
    { id: 'other', signature: other, clusterId: 'c1' },
    { id: 'copy', signature: copy, clusterId: 'c2' },
  ]);
  assert.equal(found?.candidate.id, 'copy');
  assert.equal(bestSameStory(minhashSignature(base), [{ id: 'other', signature: other, clusterId: 'c1' }]), null);
});
