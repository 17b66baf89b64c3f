// First-token phrase index: one pass over the words of an article finds, for every cue regex,
// the positions where one of its matches can start; the regex is then tried only there
// (sticky exec) instead of scanning the whole text. Results are identical to a global scan:
//
// - Each regex's source is analysed once (literalPrefixes): the set of literal strings every
//   match must start with ("kepala desa|kades|(?:meng)?hadiri?" → kepala desa, kades, menghadir,
//   hadir). A regex is indexed only when every alternative starts with \b and every prefix
//   starts with an ASCII word character, so a match can only start at the first character of a
//   run of \w characters (a "word start"). Anything the analyser does not understand (classes,
//   \w, backreferences, a leading optional group …) ends a prefix early, which keeps it sound:
//   a shorter prefix only yields more candidates.
// - Per article, the word starts are walked once through a character trie of all prefixes of all
//   registered regexes; each prefix node lists the regexes it belongs to.
// - A global exec from lastIndex L returns the leftmost match starting at or after L, and every
//   match starts at a candidate, so trying candidates ≥ L in order with a sticky copy of the
//   regex gives the same matches in the same order, with the same groups.
// Regexes are registered on first use; unindexable ones fall back to the plain scan.

import { isWordCode, literalPrefixes } from './prefixes.ts';
import { sentenceAt, type Doc, type Hit } from './text.ts';

export { literalPrefixes };

const MAX_INDEXED = 256;

interface TrieNode {
  next: (TrieNode | undefined)[];
  ids: number[];
}
// 128 slots, filled so that the array stays packed (fast elements), not a sparse dictionary.
const newNode = (): TrieNode => ({ next: new Array<TrieNode | undefined>(128).fill(undefined), ids: [] });

interface Entry {
  id: number;
  sticky: RegExp;
  /** Not indexed in a document containing this string (see declareWordStartPrefixes). */
  unlessIncludes?: string;
}

interface Declaration {
  prefixes: string[];
  unlessIncludes?: string;
}
const declared = new WeakMap<RegExp, Declaration>();

/**
 * Declares the literal prefixes of a regex that literalPrefixes cannot analyse (it starts with a
 * lookaround, not \b) but whose matches can only begin at a word start (a \w character after a
 * non-\w one) with one of `prefixes`. `unlessIncludes`: a character whose presence breaks that
 * guarantee (the regex is then scanned in that document).
 */
export function declareWordStartPrefixes(re: RegExp, prefixes: readonly string[], unlessIncludes?: string): RegExp {
  declared.set(re, { prefixes: [...prefixes], ...(unlessIncludes === undefined ? {} : { unlessIncludes }) });
  return re;
}
// Weak: regexes built per call by some caller are not kept alive by the index.
const registry = new WeakMap<RegExp, Entry | null>();
const indexedList: RegExp[] = [];
const root = newNode();
let count = 0;

function entryFor(re: RegExp): Entry | null {
  let entry = registry.get(re);
  if (entry !== undefined) return entry;
  // The pipeline's regexes are module constants (about 30); a caller that builds regexes per
  // call would grow the trie without bound, so past the cap new regexes are simply scanned.
  const declaration = declared.get(re);
  const prefixes = count < MAX_INDEXED ? (declaration?.prefixes ?? literalPrefixes(re)) : null;
  if (!prefixes) entry = null;
  else {
    entry = { id: count++, sticky: new RegExp(re.source, re.flags.replace('g', '') + 'y') };
    if (declaration?.unlessIncludes !== undefined) entry.unlessIncludes = declaration.unlessIncludes;
    indexedList.push(re);
    for (const prefix of prefixes) {
      let node = root;
      for (let k = 0; k < prefix.length; k++) {
        const code = prefix.charCodeAt(k);
        if (code >= 128) break; // a non-ASCII character ends the prefix (still sound)
        node = node.next[code] ??= newNode();
      }
      if (!node.ids.includes(entry.id)) node.ids.push(entry.id);
    }
  }
  registry.set(re, entry);
  return entry;
}

// The trie compiled into flat typed arrays for the per-article walk: child[node * width + slot]
// (0 = none; the root is node 0 and never a child), slots for the characters that occur in some
// prefix, and the regex ids of each node in ids[idStart[node] .. idStart[node + 1]).
interface FlatTrie {
  count: number;
  width: number;
  slot: Uint8Array;
  child: Uint16Array | Int32Array;
  idStart: Int32Array;
  ids: Int32Array;
}
let flat: FlatTrie | null = null;

function compile(): FlatTrie {
  const slot = new Uint8Array(128);
  let width = 1;
  const nodes: TrieNode[] = [];
  const visit = (node: TrieNode) => {
    nodes.push(node);
    node.next.forEach((child, code) => {
      if (!child) return;
      if (slot[code] === 0) slot[code] = width++;
      visit(child);
    });
  };
  visit(root);
  const number = new Map<TrieNode, number>(nodes.map((node, k) => [node, k]));
  // 16-bit node numbers while they fit: half the table, which then stays in the core's cache.
  const child = nodes.length < 65536 ? new Uint16Array(nodes.length * width) : new Int32Array(nodes.length * width);
  const idStart = new Int32Array(nodes.length + 1);
  const ids: number[] = [];
  nodes.forEach((node, k) => {
    node.next.forEach((next, code) => {
      if (next) child[k * width + slot[code]] = number.get(next)!;
    });
    idStart[k] = ids.length;
    ids.push(...node.ids);
  });
  idStart[nodes.length] = ids.length;
  return { count, width, slot, child, idStart, ids: Int32Array.from(ids) };
}

interface DocIndex {
  count: number;
  candidates: number[][];
}

/** Word starts of `doc.lower`: the token starts when the tokens are the runs of \w (text.ts). */
function wordStarts(doc: Doc): ArrayLike<number> {
  const { lower, tokens } = doc;
  if (doc.asciiWords) {
    const starts = new Int32Array(tokens.length);
    for (let t = 0; t < tokens.length; t++) starts[t] = tokens[t].start;
    return starts;
  }
  const starts: number[] = [];
  let previousWord = false;
  for (let i = 0; i < lower.length; i++) {
    const word = isWordCode(lower.charCodeAt(i));
    if (word && !previousWord) starts.push(i);
    previousWord = word;
  }
  return starts;
}

/** Candidate start positions of every registered regex in `doc.lower`, one pass over word starts. */
function docIndex(doc: Doc): DocIndex {
  const cached = doc.phraseIndex;
  if (cached && cached.count === count) return cached;
  if (!flat || flat.count !== count) flat = compile();
  const { width, slot, child, idStart, ids } = flat;
  const candidates: number[][] = [];
  for (let id = 0; id < count; id++) candidates.push([]);
  const lower = doc.lower;
  const starts = wordStarts(doc);
  for (let t = 0; t < starts.length; t++) {
    const i = starts[t];
    let node = 0;
    for (let k = i; k < lower.length; k++) {
      const c = lower.charCodeAt(k);
      if (c >= 128) break;
      const s = slot[c];
      if (s === 0) break;
      node = child[node * width + s];
      if (node === 0) break;
      for (let j = idStart[node], stop = idStart[node + 1]; j < stop; j++) {
        const list = candidates[ids[j]];
        if (list.length === 0 || list[list.length - 1] !== i) list.push(i);
      }
    }
  }
  const index = { count, candidates };
  doc.phraseIndex = index;
  return index;
}

const NO_GROUPS: (string | undefined)[] = [];

/** The positions where a match of `re` can begin in `doc.lower` (ascending), or null if not indexed. */
export function indexedCandidates(doc: Doc, re: RegExp): readonly number[] | null {
  const entry = entryFor(re);
  if (!entry || (entry.unlessIncludes !== undefined && doc.lower.includes(entry.unlessIncludes))) return null;
  return docIndex(doc).candidates[entry.id];
}

/** The matches of a global regex over `doc.lower` (as a global exec loop returns them), or null if not indexable. */
export function indexedExecAll(doc: Doc, re: RegExp): RegExpExecArray[] | null {
  const entry = entryFor(re);
  if (!entry || (entry.unlessIncludes !== undefined && doc.lower.includes(entry.unlessIncludes))) return null;
  const candidates = docIndex(doc).candidates[entry.id];
  const matches: RegExpExecArray[] = [];
  const { sticky } = entry;
  let from = 0;
  for (const position of candidates) {
    if (position < from) continue;
    sticky.lastIndex = position;
    const match = sticky.exec(doc.lower);
    if (!match) continue;
    matches.push(match);
    from = match[0].length > 0 ? position + match[0].length : position + 1;
  }
  return matches;
}

/** All matches of a global regex over `doc.lower` (same as a global exec loop), or null if not indexable. */
export function indexedFindAll(doc: Doc, re: RegExp): Hit[] | null {
  const matches = indexedExecAll(doc, re);
  if (!matches) return null;
  return matches.map((match) => ({
    index: match.index,
    end: match.index + match[0].length,
    text: match[0],
    sentence: sentenceAt(doc, match.index),
    groups: match.length > 1 ? match.slice(1) : NO_GROUPS,
  }));
}

/**
 * Number of matches of `re` in `doc.lower.slice(start, end)` (as a global scan of that slice
 * would count them), up to `limit`. The slice must start after a non-word character (a sentence
 * or body start), so its word starts are the document's.
 */
export function countInSpan(doc: Doc, re: RegExp, start = 0, end = doc.lower.length, limit = Infinity): number {
  const entry = entryFor(re);
  const haystack = start === 0 && end === doc.lower.length ? doc.lower : doc.lower.slice(start, end);
  if (
    !entry ||
    (start > 0 && isWordCode(doc.lower.charCodeAt(start - 1))) ||
    (entry.unlessIncludes !== undefined && doc.lower.includes(entry.unlessIncludes))
  ) {
    const global = re.global ? re : new RegExp(re.source, re.flags + 'g');
    global.lastIndex = 0;
    let n = 0;
    for (let match = global.exec(haystack); match && n < limit; match = global.exec(haystack)) {
      n++;
      if (match[0].length === 0) global.lastIndex++;
    }
    global.lastIndex = 0;
    return n;
  }
  const candidates = docIndex(doc).candidates[entry.id];
  const { sticky } = entry;
  let n = 0;
  let from = start;
  // First candidate at or after `start` (binary search).
  let low = 0;
  let high = candidates.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (candidates[mid] < start) low = mid + 1;
    else high = mid;
  }
  for (let k = low; k < candidates.length && n < limit; k++) {
    const position = candidates[k];
    if (position >= end) break;
    if (position < from) continue;
    sticky.lastIndex = position - start;
    // test, not exec: no match array; a successful sticky test leaves lastIndex at the match end.
    if (!sticky.test(haystack)) continue;
    n++;
    const length = sticky.lastIndex - (position - start);
    from = length > 0 ? position + length : position + 1;
  }
  return n;
}

/** True when `re` matches in `doc.lower.slice(start, end)` (same as `re.test` on that slice). */
export function matchesInSpan(doc: Doc, re: RegExp, start = 0, end = doc.lower.length): boolean {
  return countInSpan(doc, re, start, end, 1) > 0;
}
/** The regexes the index has accepted so far (for tests). */
export function indexedRegexes(): RegExp[] {
  return [...indexedList];
}
