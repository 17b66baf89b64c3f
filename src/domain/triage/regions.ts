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

import type { Doc, Token } from './text.ts';
import type { Gazetteer, GazetteerCandidate, GazetteerLevel, GazetteerRegion } from './gazetteer.ts';

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

const LEVEL_CUES: ReadonlyMap<string, GazetteerLevel> = new Map([
  ['kabupaten', 'kabupaten'],
  ['kab', 'kabupaten'],
  ['pemkab', 'kabupaten'],
  ['bupati', 'kabupaten'],
  ['wabup', 'kabupaten'],
  ['pilbup', 'kabupaten'],
  ['kabupatennya', 'kabupaten'],
  ['cabup', 'kabupaten'],
  ['cawabup', 'kabupaten'],
  ['kota', 'kota'],
  ['kotamadya', 'kota'],
  ['kodya', 'kota'],
  ['pemkot', 'kota'],
  ['walikota', 'kota'],
  ['wako', 'kota'],
  ['pilwalkot', 'kota'],
  ['pilwako', 'kota'],
  ['wawali', 'kota'],
  ['wawalkot', 'kota'],
  ['cawalkot', 'kota'],
  ['provinsi', 'provinsi'],
  ['propinsi', 'provinsi'],
  ['prov', 'provinsi'],
  ['pemprov', 'provinsi'],
  ['gubernur', 'provinsi'],
  ['wagub', 'provinsi'],
  ['pilgub', 'provinsi'],
  ['polda', 'provinsi'],
  ['kapolda', 'provinsi'],
  ['kejati', 'provinsi'],
  ['cagub', 'provinsi'],
  ['cawagub', 'provinsi'],
]);

/** Words before a name that make it a place even when the name is also a common word. */
const PLACE_CUES = new Set([
  'di',
  'ke',
  'dari',
  'asal',
  'se',
  'wilayah',
  'daerah',
  'warga',
  'masyarakat',
  'bawaslu',
  'panwaslu',
  'kpu',
  'kpud',
  'pilkada',
  'pemilihan',
  'dprd',
  'polres',
  'polresta',
  'kapolres',
  'kodim',
  'dandim',
  'kejari',
  'inspektorat',
  'bkpsdm',
  'bkd',
  'sekda',
  'pemda',
  'pemerintah',
  'asn',
  'pns',
  'kades',
  'camat',
  'kabupaten',
  'kota',
  'provinsi',
  'rsud',
  'kecamatan',
  'kawasan',
  'penjabat',
  'pj',
  'pjs',
  'plt',
  'bupati',
  'walikota',
  'gubernur',
  'pemkab',
  'pemkot',
  'pemprov',
  'wilayahnya',
  'kantor',
]);

/** Words that introduce a village, street or hamlet name, never a kabupaten/kota mention. */
const LOCAL_NAME_WORDS = new Set(['desa', 'dusun', 'jalan', 'jl', 'jln', 'gang', 'kampung', 'dukuh', 'lingkungan', 'perumahan']);

const PERSON_TITLES = new Set([
  'pak',
  'bu',
  'bapak',
  'ibu',
  'sdr',
  'saudara',
  'saudari',
  'mas',
  'mbak',
  'bang',
  'kak',
  'nama',
  'bernama',
  'inisial',
]);

/**
 * Compact keys of region names that are also common words, ethnic groups or personal names;
 * they count only with a cue (rule 4).
 */
export const CUE_REQUIRED_NAMES: ReadonlySet<string> = new Set([
  'malang',
  'padang',
  'medan',
  'batu',
  'serang',
  'puncak',
  'landak',
  'palu',
  'tegal',
  'kudus',
  'metro',
  'batang',
  'buru',
  'pati',
  'bone',
  'banjar',
  'ketapang',
  'kuningan',
  'kapuas',
  'siak',
  'agam',
  'bungo',
  'tebo',
  'muna',
  'poso',
  'sabang',
  'merauke',
  'lebak',
  'lahat',
  'karo',
  'sigi',
  'toba',
  'bima',
  'sorong',
  'bangli',
  'kaur',
  'belu',
  'ende',
  'alor',
  'paser',
  'berau',
  'nias',
  'dairi',
  'asahan',
  'lingga',
  'samosir',
  'simalungun',
  'minahasa',
  'buton',
  'badung',
  'solok',
  'tapin',
  'tual',
  'biak',
  'asmat',
  'sikka',
  'malaka',
  'gowa',
  'maros',
  'luwu',
  'barru',
  'wajo',
  'sinjai',
  'seruyan',
  'banggai',
  'buol',
  'kampar',
  'kerinci',
  'lebong',
  'seluma',
  'mesuji',
  'bangka',
  'belitung',
  'bintan',
  'karimun',
  'natuna',
  'sumbawa',
  'kendal',
  'demak',
  'tuban',
  'blora',
  'garut',
  'subang',
  'dompu',
  'aru',
  'solo',
  'mentawai',
  'jaya',
  'raja',
  'mamasa',
  'bantul',
  'magetan',
  'kolaka',
  'konawe',
  'pasaman',
  'rembang',
  'ngada',
  'lamandau',
  'katingan',
  'kediri',
  'blitar',
  'madiun',
  'bogor',
  'bekasi',
  'cirebon',
  'semarang',
  'sukabumi',
  'tasikmalaya',
  'tangerang',
  'pekalongan',
  'probolinggo',
  'pasuruan',
  'mojokerto',
  'magelang',
  'kupang',
  'jayapura',
  'bandung',
  'palas',
  'matra',
  'mabar',
  'barut',
  'basel',
  'babar',
  'madina',
  'mubar',
  'mateng',
  'matim',
  'malra',
  'polman',
  'morut',
  'bursel',
  'busel',
]);

function levelCue(tokens: readonly Token[], index: number): GazetteerLevel | null {
  const token = tokens[index];
  const previous = tokens[index - 1];
  if (!previous) return null;
  const joined = token.joinedToPrevious || (token.dotBefore && (previous.lower === 'kab' || previous.lower === 'prov'));
  if (!joined) return null;
  if (previous.lower === 'administrasi') return levelCue(tokens, index - 1);
  return LEVEL_CUES.get(previous.lower) ?? null;
}

function hasPlaceCue(tokens: readonly Token[], index: number): boolean {
  const previous = tokens[index - 1];
  if (!previous || previous.sentence !== tokens[index].sentence) return false;
  if (PLACE_CUES.has(previous.lower) || LEVEL_CUES.has(previous.lower)) return true;
  // "Bawaslu Kabupaten X", "KPU Kota X": the level word is already a cue; "Pilkada di X" too.
  const beforePrevious = tokens[index - 2];
  return Boolean(beforePrevious && previous.lower === 'kabupaten' && beforePrevious.lower === 'bawaslu');
}

/** Words that may follow a region name without making it part of a longer name. */
function isNameConnector(token: Token): boolean {
  return (
    /^(?:dan|serta|atau|sumatera|sumatra|jawa|kalimantan|sulawesi|papua|maluku|bali|nusa|provinsi|prov|kabupaten|kota|kecamatan|kec|desa|kelurahan|pilkada|pemilu|dprd|bawaslu|kpu|polres|polresta|kodim|pemkab|pemkot|selama|saat|pada|hingga|sejak|ini|itu|tahun|periode|nomor|no|senin|selasa|rabu|kamis|jumat|sabtu|minggu)$/.test(
      token.lower,
    ) ||
    (token.upper && token.text.length >= 4)
  );
}

function isNameToken(token: Token): boolean {
  return token.capitalized || token.lower === 'dan';
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

// Page furniture is not a place of events: outlet names that contain a place ("Radar Bogor",
// "Pos Kupang", "Lampung Post", "Tribun-Medan.com", "RIAUPOS.CO"), photo credits and bylines
// ("Foto: Dok. Radar Bogor", "Laporan Wartawan …", "Pewarta: Kurniawan Bima").
const OUTLET_ALTERNATIVES = [
  /\b(?:Radar|Pos|Tribun|Harian|Suara|Koran|Warta|Serambi|Kabar|Jurnal)[ -]?[A-Z][\w]+(?: [A-Z][a-z]+)?/,
  /\b[A-Z][\w]+(?: [A-Z][\w]+)? ?(?:Post|Pos|Ekspres|Express|Today|News|Online|Terkini|Times)\b/,
  /(?<![\w-])[\w-]+\.(?:com|co\.id|co|id|net)\b/,
];
// The outlet pattern is their alternation (OUTLET_VARIANTS[7]). Speed: OUTLET_NEEDS[k] is what
// alternative k cannot match without; an alternative that cannot match anywhere in the text is
// left out of the scan, which changes no match (OUTLET_VARIANTS[mask]: the alternatives whose
// bit is set, in their order).
const OUTLET_NEEDS = [
  /(?:Radar|Pos|Tribun|Harian|Suara|Koran|Warta|Serambi|Kabar|Jurnal)[ -]?[A-Z]/,
  /(?:Post|Pos|Ekspres|Express|Today|News|Online|Terkini|Times)\b/,
  /\.(?:com|co\.id|co|id|net)\b/,
];
const OUTLET_VARIANTS = Array.from({ length: 8 }, (_, mask) => {
  const kept = OUTLET_ALTERNATIVES.filter((_, k) => mask & (1 << k));
  return kept.length === 0 ? null : new RegExp(kept.map((re) => re.source).join('|'), 'g');
});
const CREDIT_LINE_RE =
  /(?:^|\n|\()\s*(?:(?:foto|photo|fotografer|sumber foto|penulis|editor|reporter|pewarta|laporan|wartawan|kontributor)\s*:|laporan (?:wartawan|reporter|kontributor))[^\n)]*/gi;

function furnitureRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let mask = 0;
  for (let k = 0; k < OUTLET_NEEDS.length; k++) if (OUTLET_NEEDS[k].test(text)) mask |= 1 << k;
  for (const re of [OUTLET_VARIANTS[mask], CREDIT_LINE_RE]) {
    if (!re) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

function inRanges(ranges: ReadonlyArray<[number, number]>, at: number): boolean {
  for (const [start, end] of ranges) if (at >= start && at < end) return true;
  return false;
}

// A cheap first test before the prefix set: the first three characters (a-z, 0-9) of every key,
// built once per gazetteer. A lookup whose first three characters no key starts with is not a
// prefix; anything else (shorter, other characters) asks the set.
const trigramTables = new WeakMap<ReadonlySet<string>, Uint8Array>();
function trigramSlot(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 48 && code <= 57) return code - 22;
  return -1;
}
function trigramIndex(key: string): number {
  const a = trigramSlot(key.charCodeAt(0));
  const b = trigramSlot(key.charCodeAt(1));
  const c = trigramSlot(key.charCodeAt(2));
  return a < 0 || b < 0 || c < 0 ? -1 : (a * 36 + b) * 36 + c;
}
function trigramTable(prefixes: ReadonlySet<string>): Uint8Array {
  let table = trigramTables.get(prefixes);
  if (!table) {
    table = new Uint8Array(36 * 36 * 36);
    for (const prefix of prefixes) {
      const index = prefix.length >= 3 ? trigramIndex(prefix) : -1;
      if (index >= 0) table[index] = 1;
      // A prefix with other characters in its first three: the table cannot rule anything out.
      else if (prefix.length >= 3) table.fill(1);
    }
    trigramTables.set(prefixes, table);
  }
  return table;
}

/** `prefixes.has(key)`, answered from the trigram table when it can say no. */
function isKeyPrefix(prefixes: ReadonlySet<string>, table: Uint8Array, key: string): boolean {
  if (key.length >= 3) {
    const index = trigramIndex(key);
    if (index >= 0 && table[index] === 0) return false;
  }
  return prefixes.has(key);
}

export function findRegionMentions(doc: Doc, gazetteer: Gazetteer): Mention[] {
  const trigrams = trigramTable(gazetteer.prefixes);
  const { tokens } = doc;
  const furniture = furnitureRanges(doc.text);
  if (doc.dateline?.outlet) furniture.push([doc.dateline.outlet.start, doc.dateline.outlet.end]);
  const mentions: Mention[] = [];
  const datelineStart = doc.dateline?.start ?? -1;
  const datelineEnd = doc.dateline?.end ?? -1;
  let previousMentionEnd = -1;
  let previousCue: GazetteerLevel | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    if (!first.capitalized) continue;
    if (
      furniture.length > 0 &&
      !(first.start >= (doc.dateline?.start ?? -1) && first.start < (doc.dateline?.end ?? -1)) &&
      inRanges(furniture, first.start)
    )
      continue;
    let key = '';
    let best: { n: number; candidates: readonly GazetteerCandidate[] } | null = null;
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
    if (!best) {
      // A kabupaten seat ("KAYUAGUNG, Sumeks.co –", "di Cibinong") as the dateline or after "di".
      const seat = matchSeat(doc, gazetteer, i, datelineStart, datelineEnd);
      if (seat) {
        mentions.push({
          start: first.start,
          candidates: [{ region: seat.region, viaAlias: true, acronym: false }],
          cue: 'kabupaten',
          dateline: seat.dateline,
          placeCue: true,
        });
        previousMentionEnd = i + seat.n - 1;
        previousCue = 'kabupaten';
        i += seat.n - 1;
      }
      continue;
    }
    const previous = tokens[i - 1];
    const dateline = first.start >= datelineStart && first.start < datelineEnd;
    let cue = levelCue(tokens, i);
    // Coordination with the previous mention: "Kabupaten Gowa dan Maros", "OKU, Ogan Ilir dan Muba".
    const coordinated =
      previous !== undefined &&
      previousMentionEnd >= 0 &&
      (previous.lower === 'dan' || previous.lower === 'serta' || previous.lower === 'atau')
        ? previousMentionEnd === i - 2
        : previousMentionEnd === i - 1 && previous !== undefined && /^\s*,\s*$/.test(doc.text.slice(previous.end, first.start));
    if (coordinated && cue === null) cue = previousCue;
    const placeCue = dateline || cue !== null || coordinated || hasPlaceCue(tokens, i);
    // A common-word name followed by another capitalised word is part of a longer name
    // ("PADANG ARO", "Malang Raya"), unless a level word introduced it.
    const continued = best.n === 1 && tokens[i + 1]?.joinedToPrevious && tokens[i + 1].capitalized && !isNameConnector(tokens[i + 1]);
    const onlyKey = best.n === 1 ? first.lower : null;
    const personTitle = previous && previous.sentence === first.sentence && PERSON_TITLES.has(previous.lower);
    const risky = onlyKey !== null && CUE_REQUIRED_NAMES.has(onlyKey);
    // Part of a village, street or kecamatan name: "Desa Serang", "Jl. Bengkulu",
    // "Kecamatan Way Jepara" (a capitalised word between the level word and the name).
    const insideLocalName =
      !dateline &&
      previous !== undefined &&
      previous.sentence === first.sentence &&
      first.joinedToPrevious &&
      (LOCAL_NAME_WORDS.has(previous.lower) ||
        (previous.capitalized &&
          !LEVEL_CUES.has(previous.lower) &&
          !PLACE_CUES.has(previous.lower) &&
          (previous.joinedToPrevious || tokens[i - 2]?.lower === 'kec') &&
          /^(?:kecamatan|kec|desa|kelurahan|dusun|jalan|jl|kampung|gang)$/.test(tokens[i - 2]?.lower ?? '')));
    if (!insideLocalName && !(best.n === 1 && personTitle) && !(risky && (!placeCue || (continued && levelCue(tokens, i) === null)))) {
      mentions.push({ start: first.start, candidates: best.candidates, cue, dateline, placeCue });
      previousMentionEnd = i + best.n - 1;
      previousCue = cue;
    }
    i += best.n - 1;
  }
  return mentions;
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
