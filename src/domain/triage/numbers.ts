// Counts of reports, findings, cases and violators: "433 temuan dan laporan", "314
// pelanggaran", "1.158 ASN", "dua laporan", "jumlah laporan mencapai 15".
//
// Units: laporan (also aduan/pengaduan), temuan, kasus, perkara, rekomendasi; any other
// counted noun (pelanggaran, dugaan pelanggaran, ASN, PNS, kepala desa, orang, pegawai,
// pejabat…) is `other`. The first unit word after the number decides ("433 temuan dan
// laporan" → temuan; "dua laporan kasus pelanggaran" → laporan).
// Not counts: dates, years, percentages, money, article numbers ("Pasal 70"), regulation
// numbers ("PP 94/2021"), times, phone numbers, ages, "H-17", head counts without a
// violation in the sentence ("8.000 ASN di lingkungan Pemkab").

import { declareWordStartPrefixes } from './phrases.ts';
import { findAll, sentenceText, type Doc } from './text.ts';

export type NumberUnit = 'laporan' | 'temuan' | 'kasus' | 'perkara' | 'rekomendasi' | 'other';

export interface CountResult {
  value: number;
  unit: NumberUnit;
}

const SMALL_WORDS: Record<string, number> = {
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
};

// Every number starts with a digit or s/d/t/e/l (satu … sembilan, sepuluh, sebelas, seratus):
// the `(?=[0-9sdtel])` before a lookbehind rejects other positions before the lookbehind runs.
const DIGITS = String.raw`\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?`;
const SMALL = 'satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan';
const WORDS = String.raw`sepuluh|sebelas|seratus|(?:${SMALL})\s+belas|(?:${SMALL})\s+puluh(?:\s+(?:${SMALL}))?|${SMALL}`;
const NUMBER = String.raw`(${DIGITS}|${WORDS})(?:\s+(ribu))?`;

const MAIN_UNIT = String.raw`laporan|temuan|kasus|perkara|rekomendasi|aduan|pengaduan`;
const OTHER_UNIT = String.raw`pelanggaran|dugaan(?:\s+pelanggaran)?|asn|pns|pppk|cpns|aparatur(?:\s+sipil\s+negara)?|pegawai|pejabat|kepala\s+desa|kades|keuchik|geuchik|perbekel|pembakal|wali\s+nagari|kepala\s+kampung|kepala\s+pekon|kuwu|perangkat\s+desa|aparatur\s+desa|kepala\s+dusun|kadus|camat|lurah|oknum|orang|terlapor|prajurit|anggota(?:nya)?|personel\s+(?:tni|polri)|penjabat|pj|kepala\s+daerah|kepala\s+sekolah|guru|tenaga\s+honorer|honorer|babinsa|bhabinkamtibmas|sekdes|sekretaris\s+desa|kepala\s+dinas`;
const UNIT = String.raw`(${MAIN_UNIT}|${OTHER_UNIT})`;

// Number, optional filler ("orang", "buah", "bukan", "kasus dugaan"), unit.
const FORWARD_RE = new RegExp(
  String.raw`(?=[0-9sdtel])(?<![a-z0-9./,\-])${NUMBER}(?![0-9/]|\.\d|\s*(?:%|persen))\s+(?:(?:buah|bukan|berkas)\s+)?${UNIT}(?![a-z0-9])`,
  'g',
);
// Both count patterns begin with a number, at a word start: SUBSET_RE after a space or at the
// start, FORWARD_RE after anything but [a-z0-9./,-], which is a word start unless it is "_".
const NUMBER_PREFIXES = [...'0123456789', 'sepuluh', 'sebelas', 'seratus', ...SMALL.split('|')];
declareWordStartPrefixes(FORWARD_RE, NUMBER_PREFIXES, '_');

// A range or an approximation between two numbers is an estimate, not a count: "10 sampai 15
// laporan", "10-15 kasus", "dua hingga tiga laporan".
const RANGE_BEFORE_RE = new RegExp(String.raw`(?:\d|\b(?:${WORDS}))\s*(?:-|–|sampai(?:\s+dengan)?|hingga|s\.d\.?|atau)\s*$`);
// Unit first: "laporan yang masuk sebanyak 15", "jumlah temuan mencapai 12".
// Up to four plain words may sit between the unit and the verb ("total laporan yang diterima
// jajarannya mencapai 48", "rekomendasi yang masuk sudah 41").
const REVERSE_RE = new RegExp(
  String.raw`\b(${MAIN_UNIT}|pelanggaran)((?:\s+(?!sebanyak\b|berjumlah\b|mencapai\b|sejumlah\b|totalnya\b)[a-z]+){0,4}?)\s+(?:(?:sudah|telah|kini|hingga kini|sampai saat ini)\s+)?(?:sebanyak|berjumlah|mencapai|sejumlah|totalnya|ada|sudah|telah)\s+(?:sekitar\s+|lebih\s+dari\s+|sedikitnya\s+)?${NUMBER}(?![0-9/]|\.\d|\s*(?:%|persen|-|–))(?!\s+(?:${MAIN_UNIT}|${OTHER_UNIT}|hari|pekan|minggu|bulan|tahun|jam|menit|kali|tps|desa|kecamatan|kabupaten|provinsi|daerah|wilayah|lokasi|titik)\b)`,
  'g',
);
// Filler words that end a reverse match: the unit and the number are not about each other.
const REVERSE_FILLER_STOP_RE = /\b(?:dan|atau|serta|tetapi|namun|yang tidak|tidak|bukan|pada|di|ke|dari|sejak|tahun)\b/;

// A part of a count given just before, without a noun: "sebanyak 314 merupakan pelanggaran",
// "Sebanyak 12 di antaranya ditangani …", "dan 97 sudah dijatuhi sanksi".
// Also the breakdown of a total without a noun after the number: "18 melibatkan kepala desa dan
// 13 melibatkan ASN", "24 lainnya masih menunggu", "sedangkan 19 dihentikan", "tujuh berasal
// dari laporan masyarakat" (→ laporan), "lima merupakan temuan pengawas" (→ temuan).
const SUBSET_RE = new RegExp(
  String.raw`(?=[0-9sdtel])(?<=\b(?:sebanyak|sejumlah|dan|sedangkan|sementara|serta|yakni|yaitu|rinciannya|antara lain)\s|^|[.,;:]\s|\n)${NUMBER}\s+(?:(lainnya|sisanya)\b\s*|(?:di\s?antaranya|merupakan|dinyatakan|terbukti|telah|sudah|masih|belum|tidak|bukan|melibatkan|menyangkut|terkait|berkaitan|berasal|dari|dihentikan|diteruskan|ditindaklanjuti|diregistrasi|ditolak|dijatuhi|direkomendasikan|diproses|dikaji)\b)((?:\s+(?:berasal\s+)?(?:dari\s+)?(?:merupakan\s+)?(?:${MAIN_UNIT})\b)?)`,
  'g',
);

declareWordStartPrefixes(SUBSET_RE, NUMBER_PREFIXES);

// Words right before a number that make it a label, not a count.
const NOT_A_COUNT_BEFORE =
  /(?:pasal|nomor|no\.?|nomer|rp\.?|uu|pp|perbawaslu|pkpu|permendagri|skb|h\s*[-+]|tahun|ke-?|pukul|jam|usia|berusia|umur|tanggal|tgl\.?|rt|rw|halaman|hal\.?|ayat|huruf|angka|nomor urut|paslon|sila|(?:me)?lantik|pelantikan|(?:me)?mutasi|(?:me)?rotasi|merotasi|(?:men)?copot|mengganti|menggeser|dilantik|dimutasi|dirotasi|kode|sebelum|selama|dalam|terakhir)\s*$/;

// Head counts need a violation in their sentence.
const VIOLATION_CONTEXT_RE =
  /\b(?:pelanggaran|melanggar|dilaporkan|laporan|terlapor|diduga|dugaan|sanksi|rekomendasi|direkomendasikan|terbukti|tidak netral|ketidaknetralan|kasus|diperiksa|dipanggil|disanksi|dijatuhi|terjerat|terlibat|ditangani|diproses|temuan|menyatakan dukungan|deklarasi(?! netral)|kampanye|verifikasi|tindak lanjut|ditindaklanjuti)\b/;

export function parseIndonesianNumber(raw: string, thousands?: string): number | null {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  let value: number | null;
  if (/^\d/.test(text)) {
    if (/^\d{1,3}(?:\.\d{3})+$/.test(text)) value = Number(text.replace(/\./g, ''));
    else if (text.includes(',')) value = thousands ? Number(text.replace(',', '.')) : null;
    else value = Number(text);
  } else if (text === 'sepuluh') value = 10;
  else if (text === 'sebelas') value = 11;
  else if (text === 'seratus') value = 100;
  else {
    const belas = /^(\w+) belas$/.exec(text);
    const puluh = /^(\w+) puluh(?: (\w+))?$/.exec(text);
    if (belas) value = 10 + (SMALL_WORDS[belas[1]] ?? NaN);
    else if (puluh) value = 10 * (SMALL_WORDS[puluh[1]] ?? NaN) + (puluh[2] ? (SMALL_WORDS[puluh[2]] ?? NaN) : 0);
    else value = SMALL_WORDS[text] ?? null;
  }
  if (value === null || !Number.isFinite(value)) return null;
  if (thousands) value = Math.round(value * 1000);
  return Number.isInteger(value) ? value : null;
}

function unitOf(word: string): NumberUnit {
  const normalized = word.replace(/\s+/g, ' ');
  if (normalized === 'aduan' || normalized === 'pengaduan') return 'laporan';
  if (
    normalized === 'laporan' ||
    normalized === 'temuan' ||
    normalized === 'kasus' ||
    normalized === 'perkara' ||
    normalized === 'rekomendasi'
  )
    return normalized;
  return 'other';
}

const HEAD_COUNT_UNITS =
  /^(?:asn|pns|pppk|cpns|aparatur|pegawai|pejabat|kepala desa|kades|keuchik|geuchik|perbekel|pembakal|wali nagari|kepala kampung|kepala pekon|kuwu|perangkat desa|aparatur desa|kepala dusun|kadus|camat|lurah|oknum|orang|prajurit|anggota|personel|penjabat|pj|kepala daerah|guru|tenaga honorer|honorer)/;

const HEAD_COUNT_AUDIENCE_BEFORE = /\b(?:keterangan|saksi|diikuti|dihadiri|menghadirkan|mengundang|mengumpulkan|memanggil)\s+(?:para\s+)?$/;

export function extractNumbers(doc: Doc): CountResult[] {
  const out: CountResult[] = [];
  const seen = new Set<string>();
  const push = (value: number | null, unit: NumberUnit) => {
    if (value === null || value <= 0) return;
    const key = `${value}|${unit}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ value, unit });
  };
  for (const hit of findAll(doc, FORWARD_RE)) {
    const [raw, thousands, unitWord] = hit.groups as [string, string | undefined, string];
    const before = doc.lower.slice(Math.max(0, hit.index - 16), hit.index);
    if (NOT_A_COUNT_BEFORE.test(before)) continue;
    if (raw === 'satu' && /\bsalah\s+$/.test(before)) continue;
    if (RANGE_BEFORE_RE.test(before)) continue;
    const unitText = unitWord.replace(/\s+/g, ' ');
    if (/^\d{4}$/.test(raw) && Number(raw) >= 1945 && Number(raw) <= 2100 && unitText !== 'kasus') continue;
    if (HEAD_COUNT_UNITS.test(unitText) || unitText.startsWith('dugaan')) {
      // "Dari jumlah tersebut, 667 ASN masih menunggu verifikasi": the previous sentence counts.
      const own = VIOLATION_CONTEXT_RE.test(sentenceText(doc, hit.sentence));
      if (!own && !VIOLATION_CONTEXT_RE.test(sentenceText(doc, hit.sentence - 1))) continue;
      // Witnesses and audiences ("meminta keterangan sembilan kepala desa yang hadir", "diikuti
      // 65 kepala desa") need a violation word in their own sentence.
      if (!own && HEAD_COUNT_AUDIENCE_BEFORE.test(before)) continue;
    }
    push(parseIndonesianNumber(raw, thousands), unitOf(unitText));
  }
  for (const hit of findAll(doc, SUBSET_RE)) {
    const [raw, thousands, , unitTail] = hit.groups as [string, string | undefined, string | undefined, string | undefined];
    const before = doc.lower.slice(Math.max(0, hit.index - 16), hit.index);
    if (NOT_A_COUNT_BEFORE.test(before) || RANGE_BEFORE_RE.test(before)) continue;
    if (/^\d{4}$/.test(raw)) continue;
    if (!VIOLATION_CONTEXT_RE.test(sentenceText(doc, hit.sentence)) && !VIOLATION_CONTEXT_RE.test(sentenceText(doc, hit.sentence - 1)))
      continue;
    const unitWord = unitTail ? /(laporan|temuan|kasus|perkara|rekomendasi|aduan|pengaduan)\s*$/.exec(unitTail)?.[1] : undefined;
    push(parseIndonesianNumber(raw, thousands), unitWord ? unitOf(unitWord) : 'other');
  }
  for (const hit of findAll(doc, REVERSE_RE)) {
    const [unitWord, filler, raw, thousands] = hit.groups as [string, string | undefined, string, string | undefined];
    if (filler && REVERSE_FILLER_STOP_RE.test(filler)) continue;
    push(parseIndonesianNumber(raw, thousands), unitOf(unitWord));
  }
  return out;
}
