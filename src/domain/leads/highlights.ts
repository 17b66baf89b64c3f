// Character spans of a lead's extracted facts in the article text, so a supervisor sees where each
// region, actor, act, count, date and person was read. Display aid only: the verdict itself comes
// from the triage (src/domain/triage), whose document model and actor scan are reused here.
import { findActorMentions } from '../triage/actors.ts';
import type { Gazetteer } from '../triage/gazetteer.ts';
import type { TriageResult } from '../triage/index.ts';
import { buildDoc, type Doc } from '../triage/text.ts';

export type HighlightKind = 'region' | 'actor' | 'act' | 'number' | 'date' | 'person';

export interface Highlight {
  start: number;
  end: number;
  kind: HighlightKind;
  /** The fact this span supports: region code, actor, act id, "15 laporan", ISO date, name. */
  label: string;
}

/** Display cues per media act (where the text says it), not the act classifier. */
const ACT_CUES: Record<string, RegExp> = {
  hadir_kampanye:
    /\b(?:(?:meng)?hadiri?|ikut(?: serta)?|terlibat|berkampanye|juru kampanye|jurkam)\b[^.!?\n]{0,45}?\bkampanye\b|\bberkampanye\b/g,
  media_sosial:
    /\b(?:media sosial|medsos|facebook|instagram|tiktok|twitter|whatsapp|unggah\w*|mengunggah|membagikan|menyukai|like|share|status)\b/g,
  atribut: /\b(?:atribut|baliho|spanduk|alat peraga|stiker|kaos)\b/g,
  fasilitas_negara: /\b(?:fasilitas negara|mobil dinas|kendaraan dinas|kantor (?:desa|camat|dinas)|anggaran daerah)\b/g,
  mobilisasi: /\b(?:mobilisasi|memobilisasi|mengerahkan|mengarahkan|mengajak)\b/g,
  menerima_bantuan: /\b(?:menerima|membagikan|bagi-bagi)\b[^.!?\n]{0,30}?\b(?:bantuan|sembako|uang|amplop)\b/g,
  keputusan_menguntungkan: /\b(?:keputusan|kebijakan|program)\b[^.!?\n]{0,30}?\b(?:menguntungkan|merugikan)\b/g,
  foto_bersama: /\b(?:foto bersama|berfoto|swafoto|pose|gestur|simbol jari)\b/g,
  deklarasi_dukungan: /\b(?:deklarasi dukungan|menyatakan dukungan|mendukung|dukungan)\b/g,
};

const MONTHS = ['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember'];

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function regionSpans(doc: Doc, result: TriageResult, gazetteer: Gazetteer): Highlight[] {
  const codes = new Set(result.regions.map((r) => r.code));
  if (codes.size === 0) return [];
  const spans: Highlight[] = [];
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i].capitalized) continue;
    let key = '';
    let best: { n: number; code: string } | null = null;
    for (let n = 1; n <= Math.min(gazetteer.maxTokens, tokens.length - i); n++) {
      const token = tokens[i + n - 1];
      if (n > 1 && !token.joinedToPrevious) break;
      key += token.lower;
      if (!gazetteer.prefixes.has(key)) break;
      const match = (gazetteer.byKey.get(key) ?? []).find((c) => codes.has(c.region.code) && (!c.acronym || tokens[i].upper));
      if (match) best = { n, code: match.region.code };
    }
    if (best) {
      spans.push({ start: tokens[i].start, end: tokens[i + best.n - 1].end, kind: 'region', label: best.code });
      i += best.n - 1;
    }
  }
  return spans;
}

function patternSpans(doc: Doc, re: RegExp, kind: HighlightKind, label: string, source: 'lower' | 'text' = 'lower'): Highlight[] {
  const spans: Highlight[] = [];
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (const match of doc[source].matchAll(global)) {
    if (match[0].length === 0) continue;
    spans.push({ start: match.index, end: match.index + match[0].length, kind, label });
  }
  return spans;
}

/** Spans for every fact of the verdict, in text order, without overlaps (earlier, longer spans win). */
export function computeHighlights(
  text: string,
  bodyStart: number,
  dateline: Doc['dateline'],
  result: TriageResult,
  gazetteer: Gazetteer,
): Highlight[] {
  const doc = buildDoc(text, bodyStart, dateline);
  const spans: Highlight[] = [...regionSpans(doc, result, gazetteer)];
  const actors = new Set<string>(result.actors);
  for (const mention of findActorMentions(doc)) {
    if (actors.has(mention.actor)) spans.push({ start: mention.index, end: mention.end, kind: 'actor', label: mention.actor });
  }
  for (const act of result.acts) {
    const cue = ACT_CUES[act];
    if (cue) spans.push(...patternSpans(doc, cue, 'act', act));
  }
  for (const count of result.numbers) {
    const unit = count.unit === 'other' ? '' : String.raw`\s+(?:\S+\s+){0,2}?${escapeRe(count.unit)}\w*`;
    const value = count.value >= 1000 ? `${escapeRe(count.value.toLocaleString('id-ID'))}|${count.value}` : String(count.value);
    spans.push(...patternSpans(doc, new RegExp(String.raw`\b(?:${value})${unit}\b`, 'g'), 'number', `${count.value} ${count.unit}`));
  }
  if (result.date) {
    const [year, month, day] = result.date.split('-').map(Number);
    const re = new RegExp(String.raw`\b0?${day}\s+${MONTHS[month - 1]}(?:\s+${year})?\b`, 'g');
    spans.push(...patternSpans(doc, re, 'date', result.date));
  }
  for (const person of result.people) {
    if (person.name.length >= 3)
      spans.push(...patternSpans(doc, new RegExp(String.raw`\b${escapeRe(person.name)}\b`, 'g'), 'person', person.name, 'text'));
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Highlight[] = [];
  let lastEnd = -1;
  for (const span of spans) {
    if (span.start < lastEnd) continue;
    kept.push(span);
    lastEnd = span.end;
  }
  return kept;
}
