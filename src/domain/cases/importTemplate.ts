// The history import's template: the columns offices fill, their aliases and descriptions
// (docs/IMPORT-CASES.md explains them to offices), and header recognition.
import { SUBJECT_TYPE_CATALOGUE } from '../catalogues/subjects.ts';

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
