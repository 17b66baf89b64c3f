// Past cases (Pilkada 2020, 2024, …) from the recap sheets offices keep ("rekap penanganan
// pelanggaran"), checked row by row before anything is written. Pure: the server reads the file
// (CSV or XLSX), resolves region names and writes; this file knows the template, the dates as
// offices write them, and how a row becomes a read-only history case. docs/IMPORT-CASES.md is
// the template and dictionary for offices.
import { isValidLocalDate, type LocalDate } from '../time/localDate.ts';
import { routeReferral, type ReferralAuthority } from '../catalogues/routing.ts';
import { SUBJECT_TYPE_CATALOGUE, type SubjectType } from '../catalogues/subjects.ts';
import { NEUTRALITY_ACTS } from '../catalogues/skb2022.ts';
import type { CaseKind, CaseState } from './stateMachine.ts';

// ---- dates -------------------------------------------------------------------------------

/** Month names and abbreviations as offices write them (Indonesian and English; old spellings). */
const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  january: 1,
  februari: 2,
  pebruari: 2,
  feb: 2,
  peb: 2,
  february: 2,
  maret: 3,
  mar: 3,
  march: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  jun: 6,
  june: 6,
  juli: 7,
  jul: 7,
  july: 7,
  agustus: 8,
  agu: 8,
  agt: 8,
  ags: 8,
  aug: 8,
  august: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  oct: 10,
  october: 10,
  november: 11,
  nopember: 11,
  nov: 11,
  nop: 11,
  desember: 12,
  des: 12,
  dec: 12,
  december: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function dateOf(year: number, month: number, day: number): LocalDate | null {
  if (year < 100) year += 2000;
  const value = `${year}-${pad(month)}-${pad(day)}`;
  return year >= 2000 && year <= 2100 && isValidLocalDate(value) ? value : null;
}

/**
 * A date as offices write it: '27/11/2024', '27-11-2024', '27.11.2024', '2024-11-27',
 * '27 November 2024', '27 Nov 2024', '27 Nopember 2024', 'Rabu, 27 November 2024'. Day first
 * (Indonesian order); a two-digit year is 20xx. Null when it is not a real date.
 */
export function parseOfficeDate(input: string): LocalDate | null {
  const text = input
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+,\s*/, '')
    .replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return dateOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (m) return dateOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[ -]([a-z]+)\.?[ -](\d{4})$/.exec(text);
  if (m && MONTHS[m[2]]) return dateOf(Number(m[3]), MONTHS[m[2]], Number(m[1]));
  return null;
}

// ---- template ----------------------------------------------------------------------------

export interface ImportColumn {
  key: ImportField;
  header: string;
  /** Other headers offices use for the same column (compared after normalising). */
  aliases: readonly string[];
  required: boolean;
  description: string;
  example: string;
}

export type ImportField =
  | 'nomor_registrasi'
  | 'tanggal'
  | 'jenis'
  | 'wilayah'
  | 'terlapor_nama'
  | 'terlapor_jabatan'
  | 'terlapor_instansi'
  | 'jenis_subjek'
  | 'perbuatan'
  | 'status'
  | 'tanggal_putusan'
  | 'rekomendasi_ke'
  | 'tindak_lanjut'
  | 'pemilihan';

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    key: 'nomor_registrasi',
    header: 'Nomor Registrasi',
    aliases: ['no registrasi', 'no. registrasi', 'nomor register', 'no reg'],
    required: true,
    description: 'Nomor registrasi laporan/temuan; kunci impor (impor ulang tidak menggandakan).',
    example: '003/LP/PB/Kab/35.07/XI/2024',
  },
  {
    key: 'tanggal',
    header: 'Tanggal Diterima/Ditemukan',
    aliases: ['tanggal diterima', 'tanggal ditemukan', 'tanggal diterima ditemukan', 'tanggal laporan'],
    required: true,
    description: 'Tanggal laporan diterima atau temuan ditetapkan.',
    example: '27/11/2024',
  },
  {
    key: 'jenis',
    header: 'Laporan/Temuan',
    aliases: ['jenis', 'jenis perkara', 'laporan temuan'],
    required: true,
    description: "'Laporan' atau 'Temuan' (juga LP/TM).",
    example: 'Laporan',
  },
  {
    key: 'wilayah',
    header: 'Wilayah',
    aliases: ['kode wilayah', 'kabupaten kota', 'kab kota'],
    required: true,
    description: 'Kode Kemendagri (35.07) atau nama resmi (Kabupaten Malang, Kota Malang, Jawa Timur).',
    example: '35.07',
  },
  {
    key: 'terlapor_nama',
    header: 'Terlapor Nama',
    aliases: ['nama terlapor', 'terlapor'],
    required: false,
    description: 'Nama terlapor (boleh dikosongkan untuk data riwayat).',
    example: '',
  },
  {
    key: 'terlapor_jabatan',
    header: 'Terlapor Jabatan',
    aliases: ['jabatan', 'jabatan terlapor'],
    required: false,
    description: 'Jabatan terlapor.',
    example: 'Kepala Dinas',
  },
  {
    key: 'terlapor_instansi',
    header: 'Terlapor Instansi',
    aliases: ['instansi', 'instansi terlapor', 'unit kerja'],
    required: false,
    description: 'Instansi terlapor.',
    example: 'Dinas Pendidikan',
  },
  {
    key: 'jenis_subjek',
    header: 'Jenis Subjek',
    aliases: ['subjek', 'status kepegawaian', 'terlapor subjek'],
    required: true,
    description: `Salah satu: ${SUBJECT_TYPE_CATALOGUE.map((s) => s.label).join('; ')} (atau kodenya, mis. PNS, kepala_desa).`,
    example: 'PNS',
  },
  {
    key: 'perbuatan',
    header: 'Perbuatan',
    aliases: ['uraian', 'uraian perbuatan', 'dugaan pelanggaran'],
    required: true,
    description: 'Uraian singkat perbuatan; bila sama dengan nama perbuatan di katalog SKB 2022, dicatat juga sebagai perbuatan itu.',
    example: 'Kampanye di media sosial',
  },
  {
    key: 'status',
    header: 'Status',
    aliases: ['status penanganan', 'hasil', 'hasil kajian'],
    required: true,
    description: 'Diteruskan/Direkomendasikan; Bukan pelanggaran; Dihentikan; Tidak diregistrasi; Diregistrasi/Dalam proses.',
    example: 'Diteruskan',
  },
  {
    key: 'tanggal_putusan',
    header: 'Tanggal Putusan',
    aliases: ['tanggal rekomendasi', 'tanggal pleno', 'tanggal keputusan'],
    required: false,
    description:
      'Tanggal putusan/rekomendasi; menentukan jalur (KASN sampai 24 Agu 2024, BKN sejak 25 Agu 2024). Kosong: tanggal diterima.',
    example: '2 Desember 2024',
  },
  {
    key: 'rekomendasi_ke',
    header: 'Rekomendasi Ke',
    aliases: ['diteruskan ke', 'rekomendasi kepada', 'penerusan ke'],
    required: false,
    description:
      'Instansi tujuan (KASN, BKN, Bupati/Wali Kota, Gakkumdu, KPU, DKPP, …). Kosong: ditentukan dari jenis subjek dan tanggal putusan.',
    example: 'BKN',
  },
  {
    key: 'tindak_lanjut',
    header: 'Tindak Lanjut/Sanksi',
    aliases: ['tindak lanjut', 'sanksi', 'tindak lanjut sanksi'],
    required: false,
    description: 'Tindak lanjut atau sanksi yang tercatat (teks bebas).',
    example: 'Teguran tertulis',
  },
  {
    key: 'pemilihan',
    header: 'Pemilihan',
    aliases: ['siklus', 'pilkada'],
    required: false,
    description: "Siklus pemilihan, mis. 'Pilkada 2020'. Kosong: 'Pilkada' + tahun tanggal diterima.",
    example: 'Pilkada 2024',
  },
];

export const normalizeHeader = (h: string) =>
  h
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const HEADER_INDEX = new Map<string, ImportField>();
for (const c of IMPORT_COLUMNS) for (const h of [c.header, ...c.aliases, c.key]) HEADER_INDEX.set(normalizeHeader(h), c.key);

export function fieldOfHeader(header: string): ImportField | undefined {
  return HEADER_INDEX.get(normalizeHeader(header));
}

// ---- values ------------------------------------------------------------------------------

const STATUS: Record<string, CaseState> = {
  diteruskan: 'diteruskan',
  direkomendasikan: 'diteruskan',
  rekomendasi: 'diteruskan',
  'diteruskan direkomendasikan': 'diteruskan',
  pelanggaran: 'diteruskan',
  'bukan pelanggaran': 'bukan_pelanggaran',
  'tidak terbukti': 'bukan_pelanggaran',
  dihentikan: 'dihentikan',
  'tidak ditindaklanjuti': 'dihentikan',
  'tidak diregistrasi': 'tidak_diregistrasi',
  'tidak teregistrasi': 'tidak_diregistrasi',
  'tidak diregister': 'tidak_diregistrasi',
  diregistrasi: 'diregistrasi',
  diregister: 'diregistrasi',
  'dalam proses': 'diregistrasi',
  proses: 'diregistrasi',
  klarifikasi: 'klarifikasi',
  kajian: 'kajian',
};

const AUTHORITIES: Record<string, ReferralAuthority> = {
  kasn: 'KASN',
  bkn: 'BKN',
  'bupati wali kota': 'BUPATI_WALIKOTA',
  bupati: 'BUPATI_WALIKOTA',
  'wali kota': 'BUPATI_WALIKOTA',
  walikota: 'BUPATI_WALIKOTA',
  'bupati walikota': 'BUPATI_WALIKOTA',
  ppk: 'PPK_DAERAH',
  'ppk daerah': 'PPK_DAERAH',
  gakkumdu: 'GAKKUMDU',
  'sentra gakkumdu': 'GAKKUMDU',
  kpu: 'KPU',
  dkpp: 'DKPP',
  tni: 'TNI',
  polri: 'POLRI',
  'instansi berwenang': 'INSTANSI_BERWENANG',
};

function subjectOf(value: string): SubjectType | null {
  const key = normalizeHeader(value);
  for (const s of SUBJECT_TYPE_CATALOGUE) {
    if (key === normalizeHeader(s.id) || key === normalizeHeader(s.label)) return s.id;
  }
  const short: Record<string, SubjectType> = {
    asn: 'PNS',
    kades: 'kepala_desa',
    'kepala desa': 'kepala_desa',
    'perangkat desa': 'perangkat_desa',
    'pj kepala daerah': 'penjabat_kepala_daerah',
    'non asn': 'honorer',
    honorer: 'honorer',
  };
  return short[key] ?? null;
}

// ---- rows --------------------------------------------------------------------------------

export interface ImportedCaseRow {
  line: number;
  registrationNumber: string;
  receivedOn: LocalDate;
  kind: CaseKind;
  /** As written; the server resolves it to a region code. */
  region: string;
  terlapor: { name: string; position: string; agency: string; subjectType: SubjectType };
  narrative: string;
  acts: string[];
  state: CaseState;
  classification: 'peraturan_lainnya' | 'bukan_pelanggaran' | null;
  decidedOn: LocalDate | null;
  /** Where the case went: as the file says, or by routing rule on the decision date. */
  referredTo: { authority: string; basis: 'berkas' | 'aturan'; ruleId?: string; source?: string } | null;
  followUp: string;
  cycle: string;
}

export interface ImportRowError {
  line: number;
  column: string;
  message: { id: string; en: string };
}

export class ImportRowProblem extends Error {
  constructor(readonly problem: ImportRowError) {
    super(`${problem.line}:${problem.column}: ${problem.message.en}`);
    this.name = 'ImportRowProblem';
  }
}

/** Header → field per column index; errors for unknown or missing columns. */
export function mapHeader(header: string[]): { fields: (ImportField | undefined)[]; error?: ImportRowError } {
  const fields = header.map((h) => (h.trim() === '' ? undefined : fieldOfHeader(h)));
  const unknown = header.findIndex((h, i) => h.trim() !== '' && !fields[i]);
  if (unknown >= 0) {
    return {
      fields,
      error: {
        line: 1,
        column: header[unknown],
        message: {
          id: `kolom tidak dikenal; kolom templat: ${IMPORT_COLUMNS.map((c) => c.header).join(', ')}`,
          en: `unknown column; template columns: ${IMPORT_COLUMNS.map((c) => c.header).join(', ')}`,
        },
      },
    };
  }
  for (const c of IMPORT_COLUMNS) {
    if (c.required && !fields.includes(c.key)) {
      return { fields, error: { line: 1, column: c.header, message: { id: 'kolom wajib tidak ada', en: 'required column missing' } } };
    }
  }
  const seen = new Set<ImportField>();
  for (const [i, f] of fields.entries()) {
    if (!f) continue;
    if (seen.has(f)) return { fields, error: { line: 1, column: header[i], message: { id: 'kolom ganda', en: 'duplicate column' } } };
    seen.add(f);
  }
  return { fields };
}

const headerOf = (key: ImportField) => IMPORT_COLUMNS.find((c) => c.key === key)!.header;

/**
 * One recap row → a history case, or the first problem (line and column). `values` are the
 * cell texts by field; a date cell from XLSX arrives already as 'YYYY-MM-DD'.
 */
export function parseImportRow(line: number, values: Partial<Record<ImportField, string>>): ImportedCaseRow {
  const fail = (key: ImportField, id: string, en: string): never => {
    throw new ImportRowProblem({ line, column: headerOf(key), message: { id, en } });
  };
  const get = (key: ImportField) => (values[key] ?? '').trim();
  for (const c of IMPORT_COLUMNS) if (c.required && get(c.key) === '') fail(c.key, 'wajib diisi', 'required');
  for (const c of IMPORT_COLUMNS)
    if (get(c.key).length > 2000) fail(c.key, 'terlalu panjang (maks. 2000 karakter)', 'too long (max 2000 characters)');

  const registrationNumber = get('nomor_registrasi').replace(/\s+/g, '');
  if (registrationNumber.length > 120) fail('nomor_registrasi', 'terlalu panjang', 'too long');
  const receivedOn = parseOfficeDate(get('tanggal'));
  if (!receivedOn)
    fail(
      'tanggal',
      `tanggal tidak dikenali: '${get('tanggal')}' (contoh: 27/11/2024 atau 27 November 2024)`,
      `unrecognised date: '${get('tanggal')}' (e.g. 27/11/2024 or 27 November 2024)`,
    );
  const kindText = normalizeHeader(get('jenis'));
  const kind: CaseKind | null = ['laporan', 'lp'].includes(kindText) ? 'laporan' : ['temuan', 'tm'].includes(kindText) ? 'temuan' : null;
  if (!kind) fail('jenis', "isi 'Laporan' atau 'Temuan'", "use 'Laporan' or 'Temuan'");
  const subjectType = subjectOf(get('jenis_subjek'));
  if (!subjectType)
    fail('jenis_subjek', `jenis subjek tidak dikenal: '${get('jenis_subjek')}'`, `unknown subject type: '${get('jenis_subjek')}'`);
  const state = STATUS[normalizeHeader(get('status'))];
  if (!state) fail('status', `status tidak dikenal: '${get('status')}'`, `unknown status: '${get('status')}'`);
  let decidedOn: LocalDate | null = null;
  if (get('tanggal_putusan') !== '') {
    decidedOn = parseOfficeDate(get('tanggal_putusan'));
    if (!decidedOn)
      fail('tanggal_putusan', `tanggal tidak dikenali: '${get('tanggal_putusan')}'`, `unrecognised date: '${get('tanggal_putusan')}'`);
    if (decidedOn! < receivedOn!)
      fail('tanggal_putusan', 'tanggal putusan sebelum tanggal diterima', 'decision date before the received date');
  }
  let referredTo: ImportedCaseRow['referredTo'] = null;
  const written = get('rekomendasi_ke');
  if (written !== '') {
    const authority = AUTHORITIES[normalizeHeader(written)];
    if (!authority)
      fail(
        'rekomendasi_ke',
        `instansi tujuan tidak dikenal: '${written}' (KASN, BKN, Bupati/Wali Kota, PPK, Gakkumdu, KPU, DKPP, TNI, Polri)`,
        `unknown authority: '${written}'`,
      );
    referredTo = { authority: authority!, basis: 'berkas' };
  } else if (state === 'diteruskan') {
    // Route by the date the case was decided then, not today: KASN until 24 Aug 2024, BKN after.
    const route = routeReferral({ classification: 'peraturan_lainnya', subjectType: subjectType!, decidedAt: decidedOn ?? receivedOn! });
    referredTo = { authority: route.authority, basis: 'aturan', ruleId: route.ruleId, source: route.source };
  }
  const cycleText = get('pemilihan');
  if (cycleText && !/^[\p{L}\d .\-/]{3,60}$/u.test(cycleText)) fail('pemilihan', "contoh: 'Pilkada 2020'", "e.g. 'Pilkada 2020'");
  const narrative = get('perbuatan');
  const act = NEUTRALITY_ACTS.find((a) => normalizeHeader(a.label) === normalizeHeader(narrative) || a.id === narrative);
  return {
    line,
    registrationNumber,
    receivedOn: receivedOn!,
    kind: kind!,
    region: get('wilayah'),
    terlapor: {
      name: get('terlapor_nama'),
      position: get('terlapor_jabatan'),
      agency: get('terlapor_instansi'),
      subjectType: subjectType!,
    },
    narrative,
    acts: act ? [act.id] : [],
    state: state!,
    classification: state === 'diteruskan' ? 'peraturan_lainnya' : state === 'bukan_pelanggaran' ? 'bukan_pelanggaran' : null,
    decidedOn,
    referredTo,
    followUp: get('tindak_lanjut'),
    cycle: cycleText || `Pilkada ${receivedOn!.slice(0, 4)}`,
  };
}
