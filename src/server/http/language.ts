// Which language a request wants: Accept-Language parsed with its q-values (RFC 9110 §12.5.4).
// Netra speaks Indonesian (default) and English; anything else falls back to Indonesian.
export type Language = 'id' | 'en';

/** The preferred supported language of an Accept-Language header value. */
export function negotiateLanguage(header: string | undefined): Language {
  if (!header) return 'id';
  let best: { lang: Language; q: number; order: number } | null = null;
  header.split(',').forEach((part, order) => {
    const [rangeRaw, ...params] = part.trim().split(';');
    const range = rangeRaw.trim().toLowerCase();
    const qParam = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0 || q > 1) return;
    const primary = range.split('-')[0];
    const lang: Language | null = primary === 'en' ? 'en' : primary === 'id' || primary === 'in' ? 'id' : null;
    if (!lang) return;
    // Higher q wins; on a tie the earlier range wins (the order the client listed them).
    if (!best || q > best.q) best = { lang, q, order };
  });
  return best ? (best as { lang: Language }).lang : 'id';
}
