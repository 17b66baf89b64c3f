// People with positions: "Ketua Bawaslu OKI, Romi Maradona" → { name: "Romi Maradona",
// position: "Ketua Bawaslu OKI" }; "Penjabat Gubernur Kepulauan Bangka Belitung Sugito
// menegaskan" → { name: "Sugito", position: "Penjabat Gubernur Kepulauan Bangka Belitung" }.
//
// Token walk: a position head ("Ketua", "Pj Bupati", "Kapolres", "Camat"…) is extended over
// institution words, region names and acronyms; an optional comma; then one to four
// capitalised name tokens (academic prefixes like "Ir." and "Dr." are skipped, suffixes like
// "M.Si." end the name). The name must be followed by a comma, a full stop, a bracket or a
// lower-case word, which rules out running into the next capitalised phrase.

import type { Gazetteer } from './gazetteer.ts';
import type { Doc, Token } from './text.ts';

export interface Person {
  name: string;
  position: string;
}

const HEADS = new Set([
  'ketua',
  'anggota',
  'komisioner',
  'kordiv',
  'koordinator',
  'kepala',
  'sekretaris',
  'bupati',
  'walikota',
  'wali',
  'gubernur',
  'camat',
  'lurah',
  'kades',
  'kapolres',
  'kapolresta',
  'kapolda',
  'kapolri',
  'kapolsek',
  'dandim',
  'danrem',
  'pangdam',
  'sekda',
  'kadis',
  'direktur',
  'deputi',
  'menteri',
  'mendagri',
  'asisten',
  'inspektur',
  'penjabat',
  'pj',
  'plt',
  'pjs',
  'plh',
  'wakil',
  'kasat',
  'kabid',
  'kabag',
  'kasubbag',
  'panglima',
  'kapuspen',
  'komandan',
  'plt',
  'staf',
  'pimpinan',
]);

const POSITION_WORDS = new Set([
  ...HEADS,
  'bawaslu',
  'kpu',
  'kpud',
  'panwaslu',
  'panwascam',
  'ri',
  'republik',
  'indonesia',
  'kabupaten',
  'kota',
  'provinsi',
  'divisi',
  'bidang',
  'penanganan',
  'pelanggaran',
  'pencegahan',
  'hukum',
  'humas',
  'data',
  'informasi',
  'partisipasi',
  'masyarakat',
  'sumber',
  'daya',
  'manusia',
  'organisasi',
  'diklat',
  'pengawasan',
  'sengketa',
  'badan',
  'kepegawaian',
  'negara',
  'daerah',
  'dinas',
  'komisi',
  'aparatur',
  'sipil',
  'pemerintah',
  'dalam',
  'negeri',
  'kesbangpol',
  'bkpsdm',
  'bkd',
  'bkn',
  'kasn',
  'inspektorat',
  'kecamatan',
  'desa',
  'kelurahan',
  'polres',
  'polda',
  'kodim',
  'gakkumdu',
  'sentra',
  'penyelesaian',
  'teknis',
  'penyelenggaraan',
  'pemilu',
  'pilkada',
  'pemilihan',
  'umum',
  'pengembangan',
  'kerja',
  'sama',
  'antar',
  'lembaga',
  'dan',
  'kota',
  'administrasi',
  'kemendagri',
  'kemenpan',
  'rb',
  'pendayagunaan',
  'reformasi',
  'birokrasi',
  'perencanaan',
  'logistik',
  'sosialisasi',
  'pendidikan',
  'pemilih',
  'tni',
  'polri',
  'reskrim',
  'intelkam',
  'binmas',
  'sabhara',
  'pemkab',
  'pemkot',
  'pemprov',
  'setda',
  'sekretariat',
  'pembina',
  'pemerintahan',
  'otonomi',
  'dukcapil',
  'kependudukan',
  'pencatatan',
  'sipil',
  'pemberdayaan',
  'pmd',
  'dpmd',
  'satpol',
  'pp',
  'kesatuan',
  'bangsa',
  'politik',
  'kesehatan',
  'perhubungan',
  'pekerjaan',
  'kominfo',
  'komunikasi',
  'informatika',
  'ad',
  'hoc',
  'pps',
  'ppk',
  'kpps',
]);

const ACADEMIC_PREFIXES = new Set(['ir', 'dr', 'drs', 'dra', 'h', 'hj', 'prof', 'kh', 'ust']);
const RANKS = new Set([
  'akbp',
  'kombes',
  'kompol',
  'akp',
  'iptu',
  'ipda',
  'letkol',
  'kolonel',
  'mayor',
  'brigjen',
  'irjen',
  'komjen',
  'jenderal',
  'laksamana',
  'marsekal',
  'mayjen',
  'letjen',
  'inf',
  'kav',
  'arm',
  'cpl',
  'czi',
]);

const regionWordCache = new WeakMap<Gazetteer, Set<string>>();
function regionWords(gazetteer: Gazetteer): Set<string> {
  let words = regionWordCache.get(gazetteer);
  if (!words) {
    words = new Set();
    for (const region of gazetteer.regions.values()) {
      for (const word of region.base.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (word) words.add(word);
    }
    for (const [key, candidates] of gazetteer.byKey) if (candidates.some((c) => c.viaAlias)) words.add(key);
    regionWordCache.set(gazetteer, words);
  }
  return words;
}

function isPositionToken(token: Token, regions: Set<string>): boolean {
  return POSITION_WORDS.has(token.lower) || regions.has(token.lower) || (token.upper && token.text.length <= 6) || token.lower === 'pj';
}

export function extractPeople(doc: Doc, gazetteer: Gazetteer, limit = 12): Person[] {
  const { tokens, text } = doc;
  const regions = regionWords(gazetteer);
  const people: Person[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length && people.length < limit; i++) {
    const head = tokens[i];
    if (!head.capitalized || !HEADS.has(head.lower)) continue;
    // Position: the head and following institution/region words on the same line.
    let j = i + 1;
    while (j < tokens.length && tokens[j].sentence === head.sentence && tokens[j].capitalized && isPositionToken(tokens[j], regions)) {
      const gap = text.slice(tokens[j - 1].end, tokens[j].start);
      if (!/^(?:\s*|\s*\(\s*|\s*\)\s*|\.\s*|\s*-\s*)$/.test(gap)) break;
      j++;
    }
    const positionEnd = tokens[j - 1].end;
    if (
      j - i < 2 &&
      !['camat', 'lurah', 'kades', 'sekda', 'kapolres', 'kapolda', 'dandim', 'mendagri', 'kapolri', 'bupati', 'gubernur'].includes(
        head.lower,
      )
    )
      continue;
    // Name: skip academic prefixes and ranks, then up to four capitalised tokens.
    let k = j;
    while (k < tokens.length && (ACADEMIC_PREFIXES.has(tokens[k].lower) || RANKS.has(tokens[k].lower)) && tokens[k].capitalized) k++;
    const nameStart = k;
    while (
      k < tokens.length &&
      k - nameStart < 4 &&
      tokens[k].capitalized &&
      !tokens[k].upper &&
      !POSITION_WORDS.has(tokens[k].lower) &&
      tokens[k].sentence === head.sentence
    ) {
      const gap = text.slice(tokens[k - 1].end, tokens[k].start);
      if (k > nameStart && !/^\s+$/.test(gap)) break;
      if (k === nameStart && !/^(?:,\s*|\s+|\.\s+)$/.test(gap) && !(k > j)) break;
      k++;
    }
    if (k === nameStart) continue;
    const after = text.slice(tokens[k - 1].end, tokens[k - 1].end + 3);
    const next = tokens[k];
    const endsWell = /^[,.)]/.test(after) || !next || (!next.capitalized && next.sentence === head.sentence);
    if (!endsWell) continue;
    const name = text.slice(tokens[nameStart].start, tokens[k - 1].end);
    if (name.length < 3) continue;
    const position = text
      .slice(head.start, positionEnd)
      .replace(/\s+/g, ' ')
      .replace(/\s*\(\s*/g, ' (')
      .replace(/\s*\)/g, ')');
    const key = `${name}|${position}`;
    if (!seen.has(key)) {
      seen.add(key);
      people.push({ name, position });
    }
    i = k - 1;
  }
  return people;
}
