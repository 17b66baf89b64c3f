// Region mentions → Kemendagri codes.
//
// Matching: every capitalised token starts a lookup of the longest run of joined tokens
// (spaces or one hyphen between them, same line) whose compact form is a gazetteer key, so
// "Bengkulu Utara" wins over "Bengkulu" and "Pangkal Pinang" equals "Pangkalpinang". One map
// lookup per candidate n-gram: no per-region regex.
//
// Level cues read the words just before the name:
//   kabupaten: "Kabupaten X", "Kab. X", "Pemkab X", "Bupati X", "Wabup X", "Pilbup X"
//   kota:      "Kota X", "Wali Kota X", "Walikota X", "Pemkot X", "Pilwalkot X"
//   provinsi:  "Provinsi X", "Prov. X", "Pemprov X", "Gubernur X", "Pilgub X", "Polda X"
//   ("Bawaslu Kabupaten X", "Pj Bupati X", "Wakil Wali Kota X" carry the same cue.)
//
// Resolution rules (documented in docs/TRIAGE.md):
//  1. A cue picks the region of that level ("Kota Bengkulu" → 17.71, "Gubernur Bengkulu" → 17).
//  2. A bare name that is both a province and a kota ("Bengkulu", "Jambi", "Gorontalo",
//     "Jogja") is the province, unless the article names the kota explicitly or the bare
//     name is the dateline (datelines name cities).
//  3. A bare name that is both a kabupaten and a kota ("Malang", "Bekasi") follows an explicit
//     mention of either in the same article; in the dateline it is the kota ("SEMARANG,
//     suaramerdeka.com –": datelines name cities); otherwise, if the article's provinces pick
//     one ("Banjar" with Kalsel → Kabupaten Banjar), that one; otherwise the output is the
//     kabupaten's code with level null and the bare name ("Malang").
//  4. Names that are also common words or personal names ("Malang", "Padang", "Batu", "Agam",
//     "Bima", "Toba", "Sigi", "Pati") need a cue: a level word, a preposition of place ("di",
//     "ke", "dari"), an institution ("Bawaslu", "KPU", "Polres", "DPRD"), "Pilkada", or the
//     dateline.
//  5. Every mention in the cleaned main text counts (place of events, the institution's
//     region, the dateline); read-also lines were removed before.

import { furnitureRanges, inRanges } from './furniture.ts';
import {
  isKeyPrefix,
  trigramTable,
  type Gazetteer,
  type GazetteerCandidate,
  type GazetteerLevel,
  type GazetteerRegion,
} from './gazetteer.ts';
import { CUE_REQUIRED_NAMES, PERSON_TITLES, hasPlaceCue, isInsideLocalName, isNameConnector, isNameToken, levelCue } from './regionCues.ts';
import type { Doc, Token } from './text.ts';

export { CUE_REQUIRED_NAMES };

export interface RegionResult {
  code: string;
  name: string;
  level: GazetteerLevel | null;
}

interface Mention {
  start: number;
  candidates: readonly GazetteerCandidate[];
  cue: GazetteerLevel | null;
  dateline: boolean;
  placeCue: boolean;
}

/** A kabupaten seat starting at token i, counted only as the dateline or right after "di". */
function matchSeat(
  doc: Doc,
  gazetteer: Gazetteer,
  i: number,
  datelineStart: number,
  datelineEnd: number,
): { region: GazetteerRegion; n: number; dateline: boolean } | null {
  const { tokens } = doc;
  const first = tokens[i];
  const dateline = first.start >= datelineStart && first.start < datelineEnd;
  const previous = tokens[i - 1];
  if (!dateline && !(previous && previous.lower === 'di' && previous.sentence === first.sentence && first.joinedToPrevious)) return null;
  let key = '';
  let best: { region: GazetteerRegion; n: number } | null = null;
  const limit = Math.min(gazetteer.maxTokens, tokens.length - i);
  for (let n = 1; n <= limit; n++) {
    const token = tokens[i + n - 1];
    if (n > 1 && (!token.joinedToPrevious || !token.capitalized)) break;
    key += token.lower;
    if (!gazetteer.capitalPrefixes.has(key)) break;
    const region = gazetteer.capitals.get(key);
    if (region) best = { region, n };
  }
  if (!best) return null;
  // "di Pandan Wangi": a longer capitalised name is something else.
  const next = tokens[i + best.n];
  if (next && next.joinedToPrevious && next.capitalized && !dateline && !isNameConnector(next)) return null;
  return { ...best, dateline };
}

interface MentionScan {
  mentions: Mention[];
  /** Token index of the last token of the previous mention (-1: none yet). */
  previousMentionEnd: number;
  previousCue: GazetteerLevel | null;
}

function pageFurniture(doc: Doc): Array<[number, number]> {
  const furniture = furnitureRanges(doc.text);
  if (doc.dateline?.outlet) furniture.push([doc.dateline.outlet.start, doc.dateline.outlet.end]);
  return furniture;
}

export function findRegionMentions(doc: Doc, gazetteer: Gazetteer): Mention[] {
  const trigrams = trigramTable(gazetteer.prefixes);
  const { tokens } = doc;
  // Page furniture is scanned on the first name or seat found (many articles have none).
  let furniture: Array<[number, number]> | null = null;
  const datelineStart = doc.dateline?.start ?? -1;
  const datelineEnd = doc.dateline?.end ?? -1;
  const scan: MentionScan = { mentions: [], previousMentionEnd: -1, previousCue: null };
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    if (!first.capitalized) continue;
    const best = longestName(tokens, i, gazetteer, trigrams);
    const seat = best ? null : matchSeat(doc, gazetteer, i, datelineStart, datelineEnd);
    if (!best && !seat) continue;
    const dateline = first.start >= datelineStart && first.start < datelineEnd;
    furniture ??= pageFurniture(doc);
    if (furniture.length > 0 && !dateline && inRanges(furniture, first.start)) continue;
    if (best) {
      addNameMention(doc, i, best, dateline, scan);
      i += best.n - 1;
      continue;
    }
    // A kabupaten seat ("KAYUAGUNG, Sumeks.co –", "di Cibinong") as the dateline or after "di".
    if (seat) {
      scan.mentions.push({
        start: first.start,
        candidates: [{ region: seat.region, viaAlias: true, acronym: false }],
        cue: 'kabupaten',
        dateline: seat.dateline,
        placeCue: true,
      });
      scan.previousMentionEnd = i + seat.n - 1;
      scan.previousCue = 'kabupaten';
      i += seat.n - 1;
    }
  }
  return scan.mentions;
}

interface NameMatch {
  n: number;
  candidates: readonly GazetteerCandidate[];
}

/** The longest run of joined name tokens from token i whose compact form is a gazetteer key. */
function longestName(tokens: readonly Token[], i: number, gazetteer: Gazetteer, trigrams: Uint8Array): NameMatch | null {
  const first = tokens[i];
  let key = '';
  let best: NameMatch | null = null;
  const limit = Math.min(gazetteer.maxTokens, tokens.length - i);
  for (let n = 1; n <= limit; n++) {
    const token = tokens[i + n - 1];
    if (n > 1 && (!token.joinedToPrevious || !isNameToken(token))) break;
    key += token.lower;
    if (!isKeyPrefix(gazetteer.prefixes, trigrams, key)) break;
    const candidates = gazetteer.byKey.get(key);
    if (!candidates) continue;
    const usable = candidates.filter((candidate) => !candidate.acronym || first.upper);
    if (usable.length > 0) best = { n, candidates: usable };
  }
  return best;
}

/** Coordination with the previous mention: "Kabupaten Gowa dan Maros", "OKU, Ogan Ilir dan Muba". */
function isCoordinated(doc: Doc, i: number, previousMentionEnd: number): boolean {
  const previous = doc.tokens[i - 1];
  return previous !== undefined &&
    previousMentionEnd >= 0 &&
    (previous.lower === 'dan' || previous.lower === 'serta' || previous.lower === 'atau')
    ? previousMentionEnd === i - 2
    : previousMentionEnd === i - 1 && previous !== undefined && /^\s*,\s*$/.test(doc.text.slice(previous.end, doc.tokens[i].start));
}

/** Records the name found at token i unless the rules say it is not a region mention here. */
function addNameMention(doc: Doc, i: number, best: NameMatch, dateline: boolean, scan: MentionScan): void {
  const { tokens } = doc;
  const first = tokens[i];
  const previous = tokens[i - 1];
  let cue = levelCue(tokens, i);
  const coordinated = isCoordinated(doc, i, scan.previousMentionEnd);
  if (coordinated && cue === null) cue = scan.previousCue;
  const placeCue = dateline || cue !== null || coordinated || hasPlaceCue(tokens, i);
  // A common-word name followed by another capitalised word is part of a longer name
  // ("PADANG ARO", "Malang Raya"), unless a level word introduced it.
  const continued = best.n === 1 && tokens[i + 1]?.joinedToPrevious && tokens[i + 1].capitalized && !isNameConnector(tokens[i + 1]);
  const onlyKey = best.n === 1 ? first.lower : null;
  const personTitle = previous && previous.sentence === first.sentence && PERSON_TITLES.has(previous.lower);
  const risky = onlyKey !== null && CUE_REQUIRED_NAMES.has(onlyKey);
  const insideLocalName = !dateline && isInsideLocalName(tokens, i);
  if (insideLocalName || (best.n === 1 && personTitle) || (risky && (!placeCue || (continued && levelCue(tokens, i) === null)))) return;
  scan.mentions.push({ start: first.start, candidates: best.candidates, cue, dateline, placeCue });
  scan.previousMentionEnd = i + best.n - 1;
  scan.previousCue = cue;
}

function pickByCue(mention: Mention): GazetteerRegion | null {
  const regions = mention.candidates.map((candidate) => candidate.region);
  if (mention.cue) {
    const sameLevel = regions.filter((region) => region.level === mention.cue);
    if (sameLevel.length === 1) return sameLevel[0];
    // "kota Sumenep" (the town of a kabupaten): the only region with that name.
    if (sameLevel.length === 0 && regions.length === 1) return regions[0];
  }
  return regions.length === 1 ? regions[0] : null;
}

export function resolveRegions(doc: Doc, gazetteer: Gazetteer): RegionResult[] {
  const mentions = findRegionMentions(doc, gazetteer);
  const resolved = new Map<string, { region: GazetteerRegion; level: GazetteerLevel | null; name: string; start: number }>();
  const pending: Mention[] = [];
  for (const mention of mentions) {
    const region = pickByCue(mention);
    if (region) {
      if (!resolved.has(region.code)) resolved.set(region.code, { region, level: region.level, name: region.name, start: mention.start });
    } else pending.push(mention);
  }
  const provinces = new Set<string>();
  for (const { region } of resolved.values()) provinces.add(region.provinceCode);
  const ambiguous = new Map<string, { region: GazetteerRegion; start: number }>();
  for (const mention of pending) {
    const regions = mention.candidates.map((candidate) => candidate.region);
    const datelineKota = mention.dateline ? regions.filter((region) => region.level === 'kota') : [];
    // "YOGYAKARTA, KRJogja.com –" after "Bawaslu DIY": the dateline still names the city.
    if (datelineKota.length === 1 && !regions.some((region) => region.level === 'kabupaten' && resolved.has(region.code))) {
      if (!resolved.has(datelineKota[0].code))
        resolved.set(datelineKota[0].code, { region: datelineKota[0], level: 'kota', name: datelineKota[0].name, start: mention.start });
      continue;
    }
    if (regions.some((region) => resolved.has(region.code))) continue;
    const province = regions.find((region) => region.level === 'provinsi');
    const kota = regions.filter((region) => region.level === 'kota');
    const kabupaten = regions.filter((region) => region.level === 'kabupaten');
    let pick: GazetteerRegion | null = null;
    if (mention.dateline && kota.length === 1) pick = kota[0];
    else if (province) pick = province;
    if (pick) {
      if (!resolved.has(pick.code)) resolved.set(pick.code, { region: pick, level: pick.level, name: pick.name, start: mention.start });
      continue;
    }
    const inKnownProvince = regions.filter((region) => provinces.has(region.provinceCode));
    const provincesOfCandidates = new Set(regions.map((region) => region.provinceCode));
    if (inKnownProvince.length === 1 && provincesOfCandidates.size > 1) {
      const region = inKnownProvince[0];
      if (!resolved.has(region.code)) resolved.set(region.code, { region, level: region.level, name: region.name, start: mention.start });
      continue;
    }
    const fallback = kabupaten[0] ?? kota[0] ?? regions[0];
    if (fallback && !ambiguous.has(fallback.code)) ambiguous.set(fallback.code, { region: fallback, start: mention.start });
  }
  const out: Array<RegionResult & { start: number }> = [];
  for (const { region, level, name, start } of resolved.values()) out.push({ code: region.code, name, level, start });
  for (const { region, start } of ambiguous.values()) {
    if (!resolved.has(region.code)) out.push({ code: region.code, name: region.base, level: null, start });
  }
  out.sort((a, b) => a.start - b.start);
  return out.map(({ code, name, level }) => ({ code, name, level }));
}
