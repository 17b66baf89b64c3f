// Words around a region name that decide whether it is a mention and of which level (the rules
// are listed in regions.ts): level words, place words, local-name words, person titles, and the
// region names that are also common words.

import type { GazetteerLevel } from './gazetteer.ts';
import type { Token } from './text.ts';

export const LEVEL_CUES: ReadonlyMap<string, GazetteerLevel> = new Map([
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
export const PLACE_CUES: ReadonlySet<string> = new Set([
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
export const LOCAL_NAME_WORDS: ReadonlySet<string> = new Set([
  'desa',
  'dusun',
  'jalan',
  'jl',
  'jln',
  'gang',
  'kampung',
  'dukuh',
  'lingkungan',
  'perumahan',
]);

export const PERSON_TITLES: ReadonlySet<string> = new Set([
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

export function levelCue(tokens: readonly Token[], index: number): GazetteerLevel | null {
  const token = tokens[index];
  const previous = tokens[index - 1];
  if (!previous) return null;
  const joined = token.joinedToPrevious || (token.dotBefore && (previous.lower === 'kab' || previous.lower === 'prov'));
  if (!joined) return null;
  if (previous.lower === 'administrasi') return levelCue(tokens, index - 1);
  return LEVEL_CUES.get(previous.lower) ?? null;
}

export function hasPlaceCue(tokens: readonly Token[], index: number): boolean {
  const previous = tokens[index - 1];
  if (!previous || previous.sentence !== tokens[index].sentence) return false;
  if (PLACE_CUES.has(previous.lower) || LEVEL_CUES.has(previous.lower)) return true;
  // "Bawaslu Kabupaten X", "KPU Kota X": the level word is already a cue; "Pilkada di X" too.
  const beforePrevious = tokens[index - 2];
  return Boolean(beforePrevious && previous.lower === 'kabupaten' && beforePrevious.lower === 'bawaslu');
}

/** Words that may follow a region name without making it part of a longer name. */
export function isNameConnector(token: Token): boolean {
  return (
    /^(?:dan|serta|atau|sumatera|sumatra|jawa|kalimantan|sulawesi|papua|maluku|bali|nusa|provinsi|prov|kabupaten|kota|kecamatan|kec|desa|kelurahan|pilkada|pemilu|dprd|bawaslu|kpu|polres|polresta|kodim|pemkab|pemkot|selama|saat|pada|hingga|sejak|ini|itu|tahun|periode|nomor|no|senin|selasa|rabu|kamis|jumat|sabtu|minggu)$/.test(
      token.lower,
    ) ||
    (token.upper && token.text.length >= 4)
  );
}

export function isNameToken(token: Token): boolean {
  return token.capitalized || token.lower === 'dan';
}

/**
 * Part of a village, street or kecamatan name: "Desa Serang", "Jl. Bengkulu", "Kecamatan Way
 * Jepara" (a capitalised word between the level word and the name).
 */
export function isInsideLocalName(tokens: readonly Token[], index: number): boolean {
  const first = tokens[index];
  const previous = tokens[index - 1];
  return (
    previous !== undefined &&
    previous.sentence === first.sentence &&
    first.joinedToPrevious &&
    (LOCAL_NAME_WORDS.has(previous.lower) ||
      (previous.capitalized &&
        !LEVEL_CUES.has(previous.lower) &&
        !PLACE_CUES.has(previous.lower) &&
        (previous.joinedToPrevious || tokens[index - 2]?.lower === 'kec') &&
        /^(?:kecamatan|kec|desa|kelurahan|dusun|jalan|jl|kampung|gang)$/.test(tokens[index - 2]?.lower ?? '')))
  );
}
