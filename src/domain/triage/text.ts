// Document model shared by the extractors: the cleaned text, its lower-case twin (same
// offsets), sentence spans and word tokens. Built once per article; extractors run global
// regexes over `lower` and map match offsets to sentences by binary search, which is much
// cheaper than testing every regex against every sentence.

import { indexedFindAll } from './phrases.ts';

export interface Token {
  /** Original spelling. */
  text: string;
  /** Lower case. */
  lower: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter or a digit. */
  capitalized: boolean;
  /** All letters upper case (acronyms, datelines, shouted headlines). */
  upper: boolean;
  /** Only spaces or one hyphen separate this token from the previous one (same line). */
  joinedToPrevious: boolean;
  /** The separator before this token is exactly ". " (for "Kab. OKI"). */
  dotBefore: boolean;
  sentence: number;
}

export interface Sentence {
  start: number;
  end: number;
}

export interface Doc {
  text: string;
  lower: string;
  /** Offset where the body starts (the title, if any, comes first). */
  bodyStart: number;
  sentences: Sentence[];
  tokens: Token[];
  /**
   * Every token is plain ASCII and the text has no "_" and no character that lower-cases to ASCII
   * from outside it (U+0130, U+212A): the runs of \w in `lower` are then exactly the tokens.
   */
  asciiWords?: boolean;
  /** Span of the dateline place ("PALEMBANG" in "PALEMBANG, KORANPALPOS.COM –"), if any. */
  dateline: { start: number; end: number; outlet?: { start: number; end: number } } | null;
  /** The phrase index's candidates (phrases.ts), built on first use. */
  phraseIndex?: { count: number; candidates: number[][] };
}

/** Words after which a period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'kab',
  'prov',
  'kec',
  'kel',
  'ds',
  'jl',
  'jln',
  'no',
  'ir',
  'dr',
  'drs',
  'dra',
  'h',
  'hj',
  'prof',
  'st',
  'sh',
  'se',
  'si',
  'mh',
  'mm',
  'msi',
  'mpd',
  'spd',
  'sos',
  'ssos',
  'skm',
  'kom',
  'sip',
  'mt',
  'pj',
  'plt',
  'sdr',
  'bpk',
  'ny',
  'tn',
  'm',
  'a',
  'b',
  'c',
  'd',
  'e',
  'f',
  'g',
  'i',
  'j',
  'k',
  'l',
  'n',
  'o',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'v',
  'w',
  'x',
  'y',
  'z',
  'ust',
  'kh',
  'ak',
  'mi',
  'akp',
  'kompol',
  'ipda',
  'iptu',
  'brigpol',
  'bripka',
  'aiptu',
  'aipda',
  'serka',
  'serma',
  'kapt',
  'letkol',
  'mayjen',
  'brigjen',
  'kol',
  'inf',
  'vs',
  'dll',
  'dsb',
  'tsb',
  'yth',
  'rp',
  'tgl',
]);

const UPPER_START_RE = /^[\p{Lu}\p{N}]/u;
const HAS_LOWER_RE = /\p{Ll}/u;

/** Lower-cases without changing string length (Turkish dotted I is the one BMP exception). */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  return text.replace(/\u0130/g, 'I').toLowerCase();
}

/** Some character of text[start, end) is not white space (as `trim()` sees it). */
function hasContent(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (!isTrimmedSpace(text.charCodeAt(k))) return true;
  return false;
}

/** White space and line terminators as String.prototype.trim removes them. */
function isTrimmedSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

// Character codes of the sentence splitter.
const NEWLINE = 10;
const PERIOD = 46;
const CLOSING_QUOTE = 0x201d;
const SENTENCE_MARK_RE = /[\n.!?]/g;

/** After a sentence mark: the end of the text, a space, a line break, a tab or a closing quote. */
function endsSentence(code: number): boolean {
  return Number.isNaN(code) || code === 32 || code === NEWLINE || code === 34 || code === CLOSING_QUOTE || code === 9;
}

function splitSentences(text: string, tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    if (end > start && hasContent(text, start, end)) sentences.push({ start, end });
    start = end;
  };
  let tokenIndex = 0;
  // Jump from mark to mark (a regex test moves lastIndex and allocates nothing).
  SENTENCE_MARK_RE.lastIndex = 0;
  while (SENTENCE_MARK_RE.test(text)) {
    const i = SENTENCE_MARK_RE.lastIndex - 1;
    const code = text.charCodeAt(i);
    if (code === NEWLINE) {
      push(i + 1);
      continue;
    }
    if (!endsSentence(text.charCodeAt(i + 1))) continue;
    if (code === PERIOD) {
      while (tokenIndex < tokens.length && tokens[tokenIndex].end <= i) tokenIndex++;
      const previous = tokens[tokenIndex - 1];
      if (previous && previous.end === i && ABBREVIATIONS.has(previous.lower)) continue;
    }
    let end = i + 1;
    // Closing quotes after the mark belong to the sentence: '"', '”', "'".
    for (let next = text.charCodeAt(end); next === 34 || next === CLOSING_QUOTE || next === 39; next = text.charCodeAt(end)) end++;
    push(end);
    SENTENCE_MARK_RE.lastIndex = end;
  }
  SENTENCE_MARK_RE.lastIndex = 0;
  push(text.length);
  return sentences;
}

/** A character of a token: ASCII letters and digits and the Latin accented ranges (the old TOKEN_RE). */
function isTokenCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) || (code >= 0x1e00 && code <= 0x1eff);
}

/** All letters upper case: lower-casing changes every cased letter. */
function isUpper(value: string, tokenLower: string): boolean {
  for (let k = 0; k < value.length; k++) {
    const code = value.charCodeAt(k);
    if (code >= 97 && code <= 122) return false;
    if (code >= 128 && tokenLower[k] === value[k] && HAS_LOWER_RE.test(value[k])) return false;
  }
  return true;
}

/** Word tokens in one character pass (no regex iterator; separators compared in place). */
function tokenize(text: string, lower: string): { tokens: Token[]; ascii: boolean } {
  const tokens: Token[] = [];
  let ascii = true;
  const length = text.length;
  let previousEnd = -1;
  let i = 0;
  while (i < length) {
    if (!isTokenCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    // Lower-case ASCII spells the same in both strings: one slice serves as both.
    let same = true;
    for (let code = text.charCodeAt(i); i < length && isTokenCode(code); code = text.charCodeAt(++i)) {
      if (code >= 128) ascii = same = false;
      else if (code <= 90 && code >= 65) same = false;
    }
    const end = i;
    const tokenLower = lower.slice(start, end);
    const value = same ? tokenLower : text.slice(start, end);
    const first = value.charCodeAt(0);
    const capitalized = first < 128 ? (first >= 65 && first <= 90) || (first >= 48 && first <= 57) : UPPER_START_RE.test(value);
    const upper = capitalized && first > 57 && isUpper(value, tokenLower);
    // The separator from the previous token (none before the first: never joined).
    const gap = previousEnd < 0 ? -1 : start - previousEnd;
    const c0 = gap > 0 ? text.charCodeAt(previousEnd) : 0;
    const c1 = gap === 2 ? text.charCodeAt(previousEnd + 1) : 0;
    tokens.push({
      text: value,
      lower: tokenLower,
      start,
      end,
      capitalized,
      upper,
      // " ", "-", "\t" or two spaces.
      joinedToPrevious: (gap === 1 && (c0 === 32 || c0 === 45 || c0 === 9)) || (gap === 2 && c0 === 32 && c1 === 32),
      // ". " or "."
      dotBefore: c0 === 46 && (gap === 1 || (gap === 2 && c1 === 32)),
      sentence: 0,
    });
    previousEnd = end;
  }
  return { tokens, ascii };
}

export function buildDoc(text: string, bodyStart: number, dateline: Doc['dateline']): Doc {
  const lower = lowerSameLength(text);
  const { tokens, ascii } = tokenize(text, lower);
  const sentences = splitSentences(text, tokens);
  let s = 0;
  for (const token of tokens) {
    while (s < sentences.length - 1 && token.start >= sentences[s].end) s++;
    token.sentence = s;
  }
  const asciiWords = ascii && !text.includes('_') && !text.includes('\u0130') && !text.includes('\u212a');
  return { text, lower, bodyStart, sentences, tokens, asciiWords, dateline };
}

/** Index of the sentence containing `offset`. */
export function sentenceAt(doc: Doc, offset: number): number {
  const { sentences } = doc;
  let low = 0;
  let high = sentences.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sentences[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

export interface Hit {
  index: number;
  end: number;
  text: string;
  sentence: number;
  groups: (string | undefined)[];
}

const NO_GROUPS: (string | undefined)[] = [];

/** All matches of a global regex over the lower-case text, with their sentence. */
export function findAll(doc: Doc, re: RegExp, source: 'lower' | 'text' = 'lower'): Hit[] {
  if (!re.global) throw new Error('findAll needs a global regex');
  // Cue regexes that start with literal words are tried only where one of their first words
  // starts (phrases.ts); the rest are scanned.
  if (source === 'lower') {
    const indexed = indexedFindAll(doc, re);
    if (indexed) return indexed;
  }
  const hits: Hit[] = [];
  const haystack = source === 'lower' ? doc.lower : doc.text;
  // An exec loop: matchAll clones the regex and allocates an iterator on every call.
  re.lastIndex = 0;
  for (let match = re.exec(haystack); match; match = re.exec(haystack)) {
    const index = match.index;
    if (match[0].length === 0) re.lastIndex++;
    hits.push({
      index,
      end: index + match[0].length,
      text: match[0],
      sentence: sentenceAt(doc, index),
      groups: match.length > 1 ? match.slice(1) : NO_GROUPS,
    });
  }
  re.lastIndex = 0;
  return hits;
}

export function sentenceText(doc: Doc, sentence: number, source: 'lower' | 'text' = 'lower'): string {
  const span = doc.sentences[sentence];
  if (!span) return '';
  return (source === 'lower' ? doc.lower : doc.text).slice(span.start, span.end);
}

/** Builds a word-boundary alternation regex from plain phrases (spaces match any whitespace). */
export function phraseRegex(phrases: readonly string[], flags = 'g'): RegExp {
  const escaped = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, flags.includes('u') ? flags : flags + 'u');
}
