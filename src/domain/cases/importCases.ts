// Past cases (Pilkada 2020, 2024, …) from the recap sheets offices keep ("rekap penanganan
// pelanggaran"), checked row by row before anything is written. Pure: the server reads the file
// (CSV or XLSX), resolves region names and writes; this file knows how a row becomes a read-only
// history case, importTemplate.ts the columns and importDates.ts the dates as offices write them.
// docs/IMPORT-CASES.md is the template and dictionary for offices.
import type { LocalDate } from '../time/localDate.ts';
import { routeReferral, type ReferralAuthority } from '../catalogues/routing.ts';
import { SUBJECT_TYPE_CATALOGUE, type SubjectType } from '../catalogues/subjects.ts';
import { NEUTRALITY_ACTS } from '../catalogues/skb2022.ts';
import type { CaseKind, CaseState } from './stateMachine.ts';
import { parseOfficeDate } from './importDates.ts';
import { IMPORT_COLUMNS, fieldOfHeader, normalizeHeader, type ImportField } from './importTemplate.ts';

export { parseOfficeDate } from './importDates.ts';
export { IMPORT_COLUMNS, fieldOfHeader, normalizeHeader, type ImportColumn, type ImportField } from './importTemplate.ts';

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
