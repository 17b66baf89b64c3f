// Text preparation for PDFs drawn with the standard 14 fonts: those encode WinAnsi (CP1252)
// only, and pdf-lib throws on any other character. Every string that reaches the renderer goes
// through `sanitizeForPdf`, so no input (emoji, CJK, Javanese script, control characters) can
// crash a document; and pdf-lib does not wrap, so `wrapText` breaks lines to a width.

/** Typographic characters replaced by plain ones (readable in any viewer's text extraction). */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u00d7': 'x',
  '\u2013': '-',
  '\u2014': '-',
  '\u2012': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': ',',
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u2026': '...',
  '\u2022': '-',
  '\u2192': '->',
  '\u2190': '<-',
  '\u21d2': '=>',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\t': '    ',
  '\u20ac': 'EUR',
  '\u2122': '(TM)',
  '\u2116': 'No.',
};

/** Invisible characters dropped outright (joiners, selectors, soft hyphen, BOM, bidi controls). */
// The variation selectors in the class are matched alone on purpose: they are what gets dropped.
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufe00-\ufe0f\ufeff]|\udb40[\udc00-\udcff]/g;

// WinAnsi beyond ASCII and Latin-1: the CP1252 0x80–0x9F letters and signs that remain after
// the replacements above.
const CP1252_EXTRAS = new Set([...'ƒ†‡ˆ‰Š‹ŒŽ˜šœžŸ›']);

export function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0)!;
  if (code >= 0x20 && code <= 0x7e) return true;
  if (code >= 0xa1 && code <= 0xff && code !== 0xad) return true;
  return CP1252_EXTRAS.has(char);
}

/**
 * A string the WinAnsi fonts can draw: typographic replacements, accents kept where Latin-1 has
 * them and otherwise decomposed (ő → o), anything else shown as '?'. Newlines are kept (the
 * wrapper splits on them); other control characters become spaces.
 */
export function sanitizeForPdf(input: unknown): string {
  const text = String(input ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '');
  let out = '';
  for (const char of text) {
    if (char === '\n') {
      out += '\n';
      continue;
    }
    const replacement = REPLACEMENTS[char];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    if (isWinAnsi(char)) {
      out += char;
      continue;
    }
    const code = char.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0x2028 && code <= 0x2029)) {
      out += ' ';
      continue;
    }
    const decomposed = [...char.normalize('NFKD')].filter((c) => !/\p{M}/u.test(c));
    out += decomposed.length > 0 && decomposed.every(isWinAnsi) ? decomposed.join('') : '?';
  }
  return out;
}

/** Shortens a long text at a word boundary, marking the cut. */
export function truncateText(text: string, max: number, marker = ' [...]'): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}${marker}`;
}

/**
 * Greedy line breaking to `maxWidth` (same unit as `measure`). Explicit newlines are kept; a word
 * wider than a whole line (a URL, a SHA-256) is broken between characters.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/ +/).filter((w) => w.length > 0);
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      if (measure(word) <= maxWidth) {
        line = word;
        continue;
      }
      let piece = '';
      for (const char of word) {
        if (piece && measure(piece + char) > maxWidth) {
          lines.push(piece);
          piece = '';
        }
        piece += char;
      }
      line = piece;
    }
    if (line) lines.push(line);
  }
  return lines;
}
