// Is the text Indonesian? Counts frequent function words of Indonesian and of English (the
// usual other language in feeds). Short texts with too few function words count as
// Indonesian so that headlines are not dropped.

const INDONESIAN_RE = /\b(?:yang|dan|di|ini|itu|dengan|untuk|dari|dalam|tidak|akan|pada|ke|juga|ada|oleh|sebagai|karena|bahwa|kami|mereka|tersebut|telah|sudah|agar|bisa|atau|saat|kata|ujar)\b/g;
const ENGLISH_RE = /\b(?:the|and|of|to|is|in|that|for|with|are|was|were|this|have|has|be|by|on|from|it|which|their|they|will|would)\b/g;

export function detectLanguage(lower: string): 'id' | 'other' {
  const sample = lower.length > 20_000 ? lower.slice(0, 20_000) : lower;
  const indonesian = sample.match(INDONESIAN_RE)?.length ?? 0;
  const english = sample.match(ENGLISH_RE)?.length ?? 0;
  if (indonesian + english < 6) return /[a-z]/.test(sample) || sample.trim() === '' ? 'id' : 'other';
  return indonesian >= english ? 'id' : 'other';
}
