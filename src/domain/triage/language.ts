// Is the text Indonesian? Counts frequent function words of Indonesian and of English (the
// usual other language in feeds). Short texts with too few function words count as
// Indonesian so that headlines are not dropped.

import { indexedCandidates, indexedExecAll } from './phrases.ts';
import type { Doc } from './text.ts';

const INDONESIAN_RE =
  /\b(?:yang|dan|di|ini|itu|dengan|untuk|dari|dalam|tidak|akan|pada|ke|juga|ada|oleh|sebagai|karena|bahwa|kami|mereka|tersebut|telah|sudah|agar|bisa|atau|saat|kata|ujar)\b/g;
const ENGLISH_RE = /\b(?:the|and|of|to|is|in|that|for|with|are|was|were|this|have|has|be|by|on|from|it|which|their|they|will|would)\b/g;

// Both lists in one scan (the two share no word): group 1 Indonesian, otherwise English.
const FUNCTION_WORD_RE = new RegExp(`\\b(?:(${INDONESIAN_RE.source.slice(5, -3)})|${ENGLISH_RE.source.slice(5, -3)})\\b`, 'g');

const INDONESIAN_WORDS = new Set(INDONESIAN_RE.source.slice(5, -3).split('|'));
const ENGLISH_WORDS = new Set(ENGLISH_RE.source.slice(5, -3).split('|'));

/** `doc`: the document whose `lower` this is; its word index (phrases.ts) then replaces the scan. */
export function detectLanguage(lower: string, doc?: Doc): 'id' | 'other' {
  const sample = lower.length > 20_000 ? lower.slice(0, 20_000) : lower;
  let indonesian = 0;
  let english = 0;
  const whole = doc !== undefined && doc.lower === lower && sample === lower;
  // When the tokens are the \w runs, a match of FUNCTION_WORD_RE (\b on both sides) is a whole
  // token equal to one of the words: count the tokens.
  const hits = whole && !doc.asciiWords ? indexedExecAll(doc, FUNCTION_WORD_RE) : null;
  const starts = whole && doc.asciiWords ? indexedCandidates(doc, FUNCTION_WORD_RE) : null;
  if (whole && doc.asciiWords && starts) {
    // Only the tokens where a function word's prefix begins (the index's candidates, which are
    // token starts here) can be one.
    const { tokens } = doc;
    let t = 0;
    for (const start of starts) {
      while (t < tokens.length && tokens[t].start < start) t++;
      if (t === tokens.length) break;
      const word = tokens[t].lower;
      // No function word is longer than 8 letters: skip hashing the long tokens.
      if (word.length > 8) continue;
      if (INDONESIAN_WORDS.has(word)) indonesian++;
      else if (ENGLISH_WORDS.has(word)) english++;
    }
  } else if (hits) {
    for (const hit of hits) {
      if (hit[1] !== undefined) indonesian++;
      else english++;
    }
  } else {
    FUNCTION_WORD_RE.lastIndex = 0;
    for (let match = FUNCTION_WORD_RE.exec(sample); match; match = FUNCTION_WORD_RE.exec(sample)) {
      if (match[1] !== undefined) indonesian++;
      else english++;
    }
  }
  if (indonesian + english < 6) return /[a-z]/.test(sample) || sample.trim() === '' ? 'id' : 'other';
  return indonesian >= english ? 'id' : 'other';
}
