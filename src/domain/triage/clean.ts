// Main-text extraction and boilerplate removal for Indonesian news pages.
//
// HTML: scripts, styles, navigation, headers, footers, asides and forms are dropped; the
// remaining markup is cut into blocks at block-level tags, and a block is kept when it has
// enough words and little link text (a link-density heuristic in the spirit of
// boilerpipe/jusText, without dependencies).
// Plain text: read-also lines ("BACA JUGA: …", "Baca juga"), related-news sections ("Berita
// Terkait", "Related Post", "Berita Terkini"), Google-News/follow/share prompts, credits
// ("Editor:", "Sumber:") and copyright lines are removed. Names inside read-also lines are
// not mentions, so they must be gone before extraction.

export interface CleanedArticle {
  /** Title (if any) + blank line + body; what the extractors read. */
  text: string;
  title: string | null;
  /** Offset of the body in `text`. */
  bodyStart: number;
  /** Span of the dateline place in `text`, e.g. "PALEMBANG" in "PALEMBANG, KORANPALPOS.COM –". */
  dateline: { start: number; end: number; place: string; outlet?: { start: number; end: number } } | null;
  wasHtml: boolean;
}

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  middot: '·',
  bull: '•',
  shy: '',
  zwnj: '',
  zwj: '',
  thinsp: ' ',
  ensp: ' ',
  emsp: ' ',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const HTML_TAG_RE =
  /<\/?(?:p|div|br|html|body|head|article|span|a|h[1-6]|script|style|section|ul|li|table|meta|img|strong|em|b|i)\b[^>]*>/gi;

export function looksLikeHtml(text: string): boolean {
  HTML_TAG_RE.lastIndex = 0;
  let count = 0;
  while (HTML_TAG_RE.exec(text)) {
    if (++count >= 2) return true;
  }
  return false;
}

const DROP_ELEMENTS_RE =
  /<(script|style|noscript|nav|header|footer|aside|form|iframe|svg|button|select|template|figure|video|audio|object)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BLOCK_TAG_RE = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|main|blockquote|figcaption|dd|dt|dl|pre|hr)\b[^>]*>/gi;
const LINK_RE = /<a\b[^>]*>([\s\S]*?)<\/a\s*>/gi;
const ANY_TAG_RE = /<[^>]*>/g;

/** Extracts the title and the main text of an HTML page. */
export function extractMainText(html: string): { title: string | null; text: string } {
  let source = html.replace(/<!--[\s\S]*?-->/g, ' ');
  const titleMatch = /<h1\b[^>]*>([\s\S]*?)<\/h1\s*>/i.exec(source) ?? /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(source);
  const title = titleMatch ? collapse(decodeEntities(titleMatch[1].replace(ANY_TAG_RE, ' '))) || null : null;
  source = source.replace(/<head\b[\s\S]*?<\/head\s*>/i, ' ').replace(DROP_ELEMENTS_RE, ' ');
  // A second pass removes elements that were nested in a dropped element of another kind.
  source = source.replace(DROP_ELEMENTS_RE, ' ');
  const articles = [...source.matchAll(/<article\b[^>]*>([\s\S]*?)<\/article\s*>/gi)].map((m) => m[1]);
  if (articles.length > 0) source = articles.sort((a, b) => b.length - a.length)[0];
  source = source.replace(/<h1\b[^>]*>[\s\S]*?<\/h1\s*>/gi, '\n');
  source = source.replace(LINK_RE, (_, inner: string) => `\u0002${inner.replace(ANY_TAG_RE, ' ')}\u0003`);
  source = source.replace(BLOCK_TAG_RE, '\n').replace(ANY_TAG_RE, ' ');
  const blocks: string[] = [];
  for (const raw of decodeEntities(source).split('\n')) {
    const block = collapse(raw);
    if (!block) continue;
    let linkChars = 0;
    for (const m of block.matchAll(/\u0002([^\u0003]*)\u0003/g)) linkChars += m[1].length;
    const plain = collapse(block.replace(/[\u0002\u0003]/g, ''));
    const words = plain.split(' ').length;
    const linkDensity = plain.length === 0 ? 1 : linkChars / plain.length;
    if (words >= 6 && linkDensity < 0.5) blocks.push(plain);
  }
  return { title, text: blocks.join('\n') };
}

function collapse(text: string): string {
  return text.replace(/[ \t\u00a0\u200b\u2009]+/g, ' ').trim();
}

// Whole lines that are never article text.
const DROP_LINE_RE = new RegExp(
  '^\\s*(?:' +
    [
      'baca juga',
      'baca pula',
      'baca:',
      'simak juga',
      'simak pula',
      'lihat juga',
      'artikel terkait',
      'berita terkait',
      'related posts?',
      'cek berita dan artikel',
      'simak berita',
      'simak breaking news',
      'simak update',
      'ikuti (?:berita|kami|update|saluran|channel|akun)',
      'follow (?:us|kami|akun)',
      'dapatkan (?:update|berita|informasi)',
      '(?:download|unduh) (?:aplikasi|app)',
      'gabung (?:di|ke|dengan) (?:grup|channel|saluran|komunitas)',
      'klik (?:di ?sini|link|tautan)',
      'share(?: this| ke| on)?\\s*:?\\s*$',
      'bagikan(?: artikel| berita)?\\s*:?\\s*$',
      'tags?\\s*:?',
      'topik\\s*:',
      'editor\\s*:',
      'penulis\\s*:',
      'reporter\\s*:',
      'pewarta\\s*:',
      'penyunting\\s*:',
      'sumber\\s*:',
      'copyright',
      'hak cipta',
      '©',
      '\\(c\\)\\s*\\d{4}',
      'scroll (?:to|untuk) (?:continue|lanjut)',
      'advertisement\\s*$',
      'iklan\\s*$',
      'berita terkini\\s*$',
      'berita terpopuler\\s*$',
      'berita pilihan\\s*$',
      'terpopuler\\s*$',
      'rekomendasi untuk anda',
      'tulis komentar',
      'komentar\\s*$',
      'lanjutkan membaca',
      'halaman selanjutnya',
      'selanjutnya\\s*$',
      '\\d+ (?:detik|menit|jam|hari) (?:yang )?lalu\\s*$',
      'news\\s*$',
      'tag\\s*$',
      'share\\s*$',
      'whatsapp\\s*$',
      'facebook\\s*$',
      'twitter\\s*$',
      'telegram\\s*$',
      'line\\s*$',
      'loading\\.*\\s*$',
      'play video',
      'video pilihan',
      'infografis\\s*$',
      'simak video',
      '\\[gambas:',
      'artikel ini (?:telah )?(?:tayang|terbit)',
      '(?:bagikan|share)(?: artikel| berita)?(?: ini)?\\s*:?\\s*(?:(?:facebook|fb|twitter|x|whatsapp|wa|telegram|line|linkedin|email|e-mail|pinterest|salin tautan|salin link|copy link)\\s*[|,/·]?\\s*)*$',
      '(?:(?:facebook|twitter|x|whatsapp|telegram|line|linkedin|email|salin tautan|copy link)\\s*[|,/·]\\s*)+(?:facebook|twitter|x|whatsapp|telegram|line|linkedin|email|salin tautan|copy link)\\s*$',
    ].join('|') +
    ')',
  'i',
);

// A header after which everything is related-news lists, when it appears in the last part of the text.
const TRAILER_RE =
  /^\s*(?:berita terkait|artikel terkait|related posts?|berita terkini|berita lainnya|baca juga|berita pilihan|terpopuler|rekomendasi|tag|tags)\s*:?\s*$/i;

// A read-also marker alone on its line ("Baca juga:"): the headline(s) follow on the next lines.
const BARE_READ_ALSO_RE = /^\s*(?:baca juga|baca pula|simak juga|lihat juga|baca)\s*:?\s*$/i;
/** A short line without a sentence end: a headline, not article text. */
function looksLikeHeadline(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length > 0 && trimmed.length <= 130 && !/[.!?"”]$/.test(trimmed);
}

// Read-also markers inside a line: everything from the marker to the end of the line is a headline.
const INLINE_READ_ALSO_RE = /\b(?:BACA JUGA|Baca Juga|Baca juga|baca juga|BACA|Simak juga|Lihat juga)\s*[:：»>-]+\s*/;

const READ_ALSO_WORD_RE = /BACA|Baca|baca|Simak juga|Lihat juga/;
// Searched with includes (a string search, faster than a character-class scan).
const BULLETS = ['•', '·', '▪', '●', '◦', '■'];

/** Removes boilerplate lines and read-also fragments from plain article text. */
export function removeBoilerplate(text: string): string {
  const lines = (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).split('\n');
  const kept: string[] = [];
  let total = 0;
  for (const line of lines) total += line.length + 1;
  let seen = 0;
  let headlines = false;
  // Every INLINE_READ_ALSO_RE alternative contains one of these: without them no line is tested.
  const mayReadAlso = READ_ALSO_WORD_RE.test(text);
  // Likewise bullets: without one of their characters no line changes.
  const mayHaveBullets = BULLETS.some((bullet) => text.includes(bullet));
  for (const rawLine of lines) {
    seen += rawLine.length + 1;
    let line = rawLine;
    if (headlines) {
      if (line.trim() === '') continue;
      if (looksLikeHeadline(line)) continue;
      headlines = false;
    }
    if (BARE_READ_ALSO_RE.test(line)) {
      // Headlines follow; if nothing but headlines follows, the loop simply drops them all.
      headlines = true;
      continue;
    }
    if (TRAILER_RE.test(line) && seen > total * 0.5) break;
    if (DROP_LINE_RE.test(line)) continue;
    const inline = mayReadAlso ? INLINE_READ_ALSO_RE.exec(line) : null;
    if (inline) {
      const rest = line.slice(inline.index + inline[0].length);
      // A long remainder holds the headline and then article text; cut at the first sentence end.
      if (rest.length > 220) {
        const stop = /[.!?]["”]?\s+(?=[A-Z"“])/.exec(rest.slice(40));
        line = line.slice(0, inline.index) + (stop ? rest.slice(40 + stop.index + stop[0].length) : '');
      } else {
        line = line.slice(0, inline.index);
      }
      if (line.trim() === '') continue;
    }
    // Bullets and similar markers carry no meaning.
    kept.push(mayHaveBullets ? line.replace(/^\s*[•·▪●◦■]\s*/, '') : line);
  }
  const joined = kept.join('\n');
  return (joined.includes('\n\n\n') ? joined.replace(/\n{3,}/g, '\n\n') : joined).trim();
}

// "PALEMBANG, KORANPALPOS.COM –", "Pangkalpinang (ANTARA) -", "Kayuagung, gradasigo -",
// "JAKARTA, KOMPAS.com -", "Liputan6.com, Jakarta -", "TRIBUNNEWS.COM, MEDAN -", "Bengkulu - ".
const CAPTION_LINE_RE = /^\s*(?:foto|photo|ilustrasi|keterangan foto|caption|video)\s*:/i;
const DATELINE_RE =
  /^[ \t]*([\p{L}.'’ ]{2,40}?|[\p{L}0-9.\- ]{2,40}?)[ \t]*(,[ \t]*([\p{L}0-9.'’ -]{2,40}?)[ \t]*(?:\([^)\n]{1,30}\))?|\([^)\n]{2,30}\))?[ \t]*[-–—:|][ \t]*(?=\S)/u;
const OUTLET_RE =
  /\.(?:com|co\.id|id|net|org|co)\b|^(?:antara|kompas|tribun\w*|detik\w*|liputan6|okezone|sindonews|tempo|jpnn|suara|inews|republika|cnn indonesia|kumparan|merdeka|viva|rmol)\b/i;

/** Finds the dateline place in the first lines of the body. Offsets are relative to `body`. */
export function findDateline(body: string): { start: number; end: number; place: string; outlet?: { start: number; end: number } } | null {
  let offset = 0;
  const lines = body.split('\n');
  for (let i = 0; i < Math.min(lines.length, 4); i++) {
    const line = lines[i];
    // A photo caption or credit above the dateline ("Foto: Sejumlah keuchik … (Serambinews.com/Dok)").
    if (CAPTION_LINE_RE.test(line)) {
      offset += line.length + 1;
      continue;
    }
    if (line.trim() !== '') {
      const match = DATELINE_RE.exec(line);
      if (match) {
        const first = match[1].trim();
        const second = match[3]?.trim();
        const pick = (candidate: string | undefined) =>
          candidate && !OUTLET_RE.test(candidate) && candidate.split(/\s+/).length <= 4 && /^\p{Lu}/u.test(candidate) ? candidate : null;
        const place = pick(first) ?? (OUTLET_RE.test(first) ? pick(second) : null);
        if (place) {
          const start = offset + line.indexOf(place);
          // The other part of the dateline is the outlet ("TIMIKA, Salam Papua –"): its words
          // are never a place of events.
          const other = place === first ? second : first;
          const otherAt = other ? line.indexOf(other, place === first ? line.indexOf(place) + place.length : 0) : -1;
          const outlet = other && otherAt >= 0 ? { start: offset + otherAt, end: offset + otherAt + other.length } : undefined;
          return { start, end: start + place.length, place, ...(outlet ? { outlet } : {}) };
        }
      }
      if (line.trim().length > 60) return null;
    }
    offset += line.length + 1;
  }
  return null;
}

const NEEDS_NFC_RE = /[\u0300-\uffff]/;

/** Cleans an article (HTML or text) and assembles the text the extractors read. */
export function cleanArticle(rawText: string, rawTitle?: string | null): CleanedArticle {
  // Below U+0300 every character is its own NFC form (no combining marks): skip the normalisation.
  let body = NEEDS_NFC_RE.test(rawText) ? rawText.normalize('NFC') : rawText;
  if (body.includes('\u0000')) body = body.replace(/\u0000/g, '');
  let title = rawTitle ? collapse(decodeEntities(rawTitle)) : null;
  const wasHtml = looksLikeHtml(body);
  if (wasHtml) {
    const extracted = extractMainText(body);
    body = extracted.text;
    title = title || extracted.title;
  } else if (/&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i.test(body)) {
    body = decodeEntities(body);
  }
  body = removeBoilerplate(body.replace(/[\u00a0\u2009\u200b]/g, ' '));
  const dateline = findDateline(body);
  const prefix = title ? `${title}\n\n` : '';
  // join builds a flat string (a + b is a rope): the tokenizer's per-character reads are cheaper on it.
  const text = prefix ? [prefix, body].join('') : body;
  return {
    text,
    title,
    bodyStart: prefix.length,
    dateline: dateline
      ? {
          start: dateline.start + prefix.length,
          end: dateline.end + prefix.length,
          place: dateline.place,
          ...(dateline.outlet
            ? { outlet: { start: dateline.outlet.start + prefix.length, end: dateline.outlet.end + prefix.length } }
            : {}),
        }
      : null,
    wasHtml,
  };
}
