// Usage texts of the `netra` command, apart from the commands themselves so that `--help` loads
// nothing of the server (it answers at once, even on a busy machine, and never opens a database).
import { STAFF_ROLES } from '../domain/access/policy.ts';

export const HELP = `netra — pengawasan netralitas ASN dalam Pilkada

Perintah / commands:
  start                         jalankan server (PORT, DATABASE_URL, NETRA_DATA_DIR; WORKER=off tanpa worker)
  worker                        jalankan worker antrean pekerjaan saja
  migrate                       terapkan migrasi SQL dan data rujukan
  user create --role R --username U --password P [--region KODE] [--agency NAMA] [--name NAMA]
                                peran: ${STAFF_ROLES.join(', ')}
  backup [--out DIR]            cadangkan seluruh data, terenkripsi dengan NETRA_BACKUP_KEY (lihat backup --help)
  restore DIR                   pulihkan ke instans kosong; periksa kunci, jumlah, hash bukti, rantai audit
  verify-audit [--checkpoints FILE.json]
                                periksa rantai audit, id tanpa celah, titik periksa bertanda tangan
                                (dan salinan titik periksa dari luar); OK atau id pertama yang rusak
  audit-checkpoint              tulis titik periksa audit bertanda tangan sekarang
  triage < in.jsonl > out.jsonl triase berita (JSONL masuk/keluar)
  import candidates FILE.csv    impor pasangan calon
  import election FILE.json     tambah/ubah siklus pemilihan (mis. Pilkada 2029)
  import cases FILE.csv|.xlsx [--dry-run]
                                impor riwayat perkara dari rekap kantor (lihat import cases --help)
`;

export const IMPORT_CASES_HELP = `Pakai / usage: netra import cases FILE.csv|FILE.xlsx [--dry-run]

Mengimpor riwayat perkara (Pilkada 2020, 2024, …) dari rekap kantor: semua baris atau tidak sama
sekali; galat menyebut baris dan kolom; nomor registrasi adalah kunci (impor ulang tidak
menggandakan). --dry-run memeriksa dan menampilkan yang akan diimpor tanpa menulis. Kemajuan di
stderr. Templat dan kamus kolom: docs/IMPORT-CASES.md; contoh: reference/samples/rekap-perkara-SINTETIS.csv.
Imports past cases from an office recap sheet, all or nothing; errors name line and column; the
registration number is the key. --dry-run checks and shows what would be imported, writing nothing.
`;

export const BACKUP_HELP = `Pakai / usage: netra backup [--out DIR] [--unencrypted]

Menulis seluruh data (tabel, berkas bukti, manifest) ke folder DIR (baru atau kosong), setiap berkas
dienkripsi AES-256-GCM dengan NETRA_BACKUP_KEY (32 byte, hex atau base64; buat: openssl rand -hex 32).
Berkas 0600, folder 0700. Tanpa kunci, perintah ini menolak kecuali --unencrypted diberikan.
Writes every table, evidence file and the manifest to DIR (new or empty), each file encrypted with
NETRA_BACKUP_KEY. Without the key it refuses unless --unencrypted is given explicitly.
`;

export const RESTORE_HELP = `Pakai / usage: netra restore DIR [--unencrypted]

Memulihkan cadangan DIR ke instans yang sudah dimigrasi dan belum berisi perkara, dengan
NETRA_BACKUP_KEY yang sama. Kunci salah atau berkas rusak: ditolak sebelum basis data disentuh.
Restores DIR into a migrated instance without cases, using the same NETRA_BACKUP_KEY. A wrong key
or a damaged file is refused before the database is touched. --unencrypted accepts a backup that
was written with --unencrypted while a key is set.
`;

export /** One usage text per subcommand: `netra <command> --help` prints it and does nothing else. */
const USAGE: Record<string, string> = {
  start: `Pakai / usage: netra start

Menjalankan server HTTP dan worker (PORT, HOST, DATABASE_URL, NETRA_DATA_DIR; WORKER=off tanpa worker).
Runs the HTTP server and the job worker. Configuration comes from the environment (see README).
`,
  worker: `Pakai / usage: netra worker

Menjalankan worker antrean pekerjaan saja (produksi: proses HTTP dengan WORKER=off, dan worker terpisah).
Runs the job worker alone (production: HTTP processes with WORKER=off, and separate workers).
`,
  migrate: `Pakai / usage: netra migrate

Menerapkan migrasi SQL dan memuat data rujukan (wilayah, pemilihan). Aman diulang.
Applies the SQL migrations and loads the reference data (regions, elections). Safe to repeat.
`,
  user: `Pakai / usage: netra user create --role R --username U --password P [--region KODE] [--agency KUNCI] [--name NAMA]

Membuat akun staf. Peran / roles: ${STAFF_ROLES.join(', ')}.
Creates a staff account. On PGlite, stop the server first (or use the setup link it prints).
`,
  backup: BACKUP_HELP,
  restore: RESTORE_HELP,
  'verify-audit': `Pakai / usage: netra verify-audit [--checkpoints FILE.json]

Memeriksa rantai audit: hash, id tanpa celah, titik periksa bertanda tangan, dan (opsional) salinan
titik periksa yang disimpan di luar. Keluar 0 bila utuh, 1 dengan id pertama yang rusak.
Verifies the audit chain; exit 0 when intact, 1 naming the first bad id.
`,
  'audit-checkpoint': `Pakai / usage: netra audit-checkpoint

Menulis titik periksa audit bertanda tangan (Ed25519) sekarang. Writes a signed audit checkpoint now.
`,
  triage: `Pakai / usage: netra triage < in.jsonl > out.jsonl

Triase berita: satu objek JSON per baris ({"id","text","title"?,"url"?}) → satu hasil per baris.
Keluar 1 bila ada baris yang gagal (hasilnya tetap ditulis). Exit 1 when any line failed.
`,
  import: `Pakai / usage: netra import candidates FILE.csv
       netra import election FILE.json
       netra import cases FILE.csv|FILE.xlsx [--dry-run]

candidates: pasangan calon per kontestasi (CSV berkoma, UTF-8) / candidate pairs per contest.
election:   siklus pemilihan sebagai data (mis. Pilkada 2029) / an election cycle as data.
`,
};

export const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h');

/** The text `netra …args` should print instead of running, or null when it should run. */
export function helpFor(argv: string[]): string | null {
  const [command] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') return HELP;
  if (command === 'import' && argv[1] === 'cases' && wantsHelp(argv.slice(2))) return IMPORT_CASES_HELP;
  if (USAGE[command] && wantsHelp(argv.slice(1))) return USAGE[command];
  return null;
}
