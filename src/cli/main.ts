// The `netra` command: start, migrate, user create, verify-audit, triage, import.
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { loadElectionCycle, loadReferenceData } from '../server/reference/loadReference.ts';
import { prepareDatabase, startNetra } from '../server/main.ts';
import { createUser } from '../server/modules/accounts/service.ts';
import { verifyAuditTrail } from '../server/modules/audit/service.ts';
import { parseOutsideCheckpoints, trustedAuditKeys, writeAuditCheckpoint } from '../server/modules/audit/checkpoints.ts';
import { loadVault } from '../server/platform/vault.ts';
import { importCandidatePairs } from '../server/modules/elections/importCandidates.ts';
import { electionCycleSchema } from '../domain/elections/cycle.ts';
import { STAFF_ROLES, type StaffRole } from '../domain/access/policy.ts';
import { AppError } from '../server/platform/errors.ts';
import { ensureWebBuild } from './webBuild.ts';

const HELP = `netra — pengawasan netralitas ASN dalam Pilkada

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

const IMPORT_CASES_HELP = `Pakai / usage: netra import cases FILE.csv|FILE.xlsx [--dry-run]

Mengimpor riwayat perkara (Pilkada 2020, 2024, …) dari rekap kantor: semua baris atau tidak sama
sekali; galat menyebut baris dan kolom; nomor registrasi adalah kunci (impor ulang tidak
menggandakan). --dry-run memeriksa dan menampilkan yang akan diimpor tanpa menulis. Kemajuan di
stderr. Templat dan kamus kolom: docs/IMPORT-CASES.md; contoh: reference/samples/rekap-perkara-SINTETIS.csv.
Imports past cases from an office recap sheet, all or nothing; errors name line and column; the
registration number is the key. --dry-run checks and shows what would be imported, writing nothing.
`;

const BACKUP_HELP = `Pakai / usage: netra backup [--out DIR] [--unencrypted]

Menulis seluruh data (tabel, berkas bukti, manifest) ke folder DIR (baru atau kosong), setiap berkas
dienkripsi AES-256-GCM dengan NETRA_BACKUP_KEY (32 byte, hex atau base64; buat: openssl rand -hex 32).
Berkas 0600, folder 0700. Tanpa kunci, perintah ini menolak kecuali --unencrypted diberikan.
Writes every table, evidence file and the manifest to DIR (new or empty), each file encrypted with
NETRA_BACKUP_KEY. Without the key it refuses unless --unencrypted is given explicitly.
`;

const RESTORE_HELP = `Pakai / usage: netra restore DIR [--unencrypted]

Memulihkan cadangan DIR ke instans yang sudah dimigrasi dan belum berisi perkara, dengan
NETRA_BACKUP_KEY yang sama. Kunci salah atau berkas rusak: ditolak sebelum basis data disentuh.
Restores DIR into a migrated instance without cases, using the same NETRA_BACKUP_KEY. A wrong key
or a damaged file is refused before the database is touched. --unencrypted accepts a backup that
was written with --unencrypted while a key is set.
`;

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await prepareDatabase(config);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  switch (command) {
    case 'start': {
      await ensureWebBuild();
      const running = await startNetra();
      const stop = async () => { await running.close(); process.exit(0); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1; // keep running
    }
    case 'worker': {
      // The job worker alone (production: several HTTP processes with WORKER=off, and workers).
      const config = loadConfig();
      const db = await prepareDatabase(config);
      const { startWorker } = await import('../server/jobs/worker.ts');
      const { buildJobRegistry } = await import('../server/jobs/registry.ts');
      const vault = loadVault({ key: config.identityKey, dataDir: config.dataDir });
      const worker = startWorker(db, buildJobRegistry({ db, config, vault }));
      console.log(`Netra worker berjalan / running (database: ${db.kind})`);
      const stop = async () => {
        await worker.stop();
        await writeAuditCheckpoint(db, vault, { now: new Date(), onlyIfNew: true }).catch((e) => console.error(`audit checkpoint at shutdown failed: ${(e as Error).message}`));
        await db.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1;
    }
    case 'backup': {
      const { values } = parseArgs({ args: [sub, ...rest].filter(Boolean), options: { out: { type: 'string' }, unencrypted: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
      if (values.help) { console.log(BACKUP_HELP); return 0; }
      const config = loadConfig();
      if (!config.backupKey && !values.unencrypted) {
        console.error('NETRA_BACKUP_KEY belum disetel: cadangan berisi hash kata sandi, identitas tersegel, dan bukti asli, jadi tidak ditulis tanpa enkripsi.\n' +
          'NETRA_BACKUP_KEY is not set: a backup holds password hashes, sealed identities and evidence originals, so it is not written unencrypted.\n' +
          'Buat kunci / make a key: openssl rand -hex 32   (atau / or pass --unencrypted explicitly)');
        return 2;
      }
      if (values.unencrypted) console.error('PERINGATAN / WARNING: cadangan TIDAK terenkripsi / the backup is NOT encrypted (--unencrypted). Simpan di tempat yang aman / keep it somewhere safe.');
      const out = values.out ?? `netra-backup-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      const { backupInstance } = await import('../server/ops/backup.ts');
      const { parseBackupKey } = await import('../server/ops/backupFiles.ts');
      const key = values.unencrypted ? null : parseBackupKey(config.backupKey!);
      const manifest = await withDb((db) => backupInstance(db, join(config.dataDir, 'evidence'), out, { key }));
      console.log(`Cadangan / backup: ${out} (${manifest.tables.reduce((n, t) => n + t.rows, 0)} rows in ${manifest.tables.length} tables, ${manifest.evidence.length} evidence files, ${key ? 'encrypted' : 'NOT encrypted'})`);
      console.log('Catatan: kunci identitas (identity.key / NETRA_IDENTITY_KEY) dan NETRA_BACKUP_KEY tidak ikut dicadangkan; simpan terpisah.');
      return 0;
    }
    case 'restore': {
      const { values, positionals } = parseArgs({ args: [sub, ...rest].filter(Boolean), allowPositionals: true, options: { unencrypted: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
      if (values.help) { console.log(RESTORE_HELP); return 0; }
      if (positionals.length !== 1) { console.error(RESTORE_HELP); return 2; }
      const { restoreInstance } = await import('../server/ops/backup.ts');
      const { parseBackupKey } = await import('../server/ops/backupFiles.ts');
      const config = loadConfig();
      const key = config.backupKey ? parseBackupKey(config.backupKey) : null;
      const report = await withDb((db) => restoreInstance(db, positionals[0], join(config.dataDir, 'evidence'), { key, allowUnencrypted: values.unencrypted }));
      const mismatched = report.tables.filter((t) => t.expected !== t.restored);
      for (const t of mismatched) console.log(`MISMATCH ${t.name}: expected ${t.expected}, restored ${t.restored}`);
      console.log(`Tables: ${report.tables.length - mismatched.length}/${report.tables.length} match · evidence verified: ${report.evidenceVerified} · audit chain: ${report.auditChain.ok ? 'OK' : `BROKEN at ${report.auditChain.brokenId}`}`);
      return mismatched.length === 0 && report.auditChain.ok ? 0 : 1;
    }
    case 'migrate': {
      const config = loadConfig();
      const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      const applied = await migrate(db);
      await loadReferenceData(db, { loadVillages: config.loadVillages });
      await db.close();
      console.log(applied.length ? `Migrasi diterapkan / applied: ${applied.join(', ')}` : 'Skema sudah mutakhir / schema up to date');
      return 0;
    }
    case 'user': {
      if (sub !== 'create') { console.error(HELP); return 2; }
      const { values } = parseArgs({
        args: rest,
        options: { role: { type: 'string' }, username: { type: 'string' }, password: { type: 'string' }, region: { type: 'string' }, agency: { type: 'string' }, name: { type: 'string' } },
      });
      if (!values.role || !values.username || !values.password) { console.error('Wajib / required: --role --username --password'); return 2; }
      const user = await withDb((db) => createUser(db, {
        role: values.role as StaffRole, username: values.username!, password: values.password!, regionCode: values.region ?? null,
        agency: values.agency ?? null, displayName: values.name,
      }, null));
      console.log(`Akun dibuat / user created: ${user.username} (${user.role}${user.region_code ? `, ${user.region_code}` : ''})`);
      return 0;
    }
    case 'verify-audit': {
      const { values } = parseArgs({ args: [sub, ...rest].filter(Boolean), options: { checkpoints: { type: 'string' } } });
      const outside = values.checkpoints ? parseOutsideCheckpoints(JSON.parse(readFileSync(values.checkpoints, 'utf8'))) : undefined;
      const config = loadConfig();
      const vault = loadVault({ key: config.identityKey, dataDir: config.dataDir });
      const result = await withDb(async (db) => {
        const trustedKeys = new Map((await trustedAuditKeys(db, vault)).map((k) => [k.keyId, k.publicKeyPem]));
        return verifyAuditTrail(db, { trustedKeys, outside });
      });
      const checked = `${result.checkpoints} signed checkpoints${outside ? `, ${result.outsideCheckpoints}/${outside.checkpoints.length} outside checkpoints` : ''}`;
      if (result.ok) { console.log(`OK (${result.count} events, ${checked})`); return 0; }
      console.log(`BROKEN at audit_events.id=${result.brokenId}: ${result.reason} (${result.count} events verified before it; ${checked})`);
      return 1;
    }
    case 'audit-checkpoint': {
      const config = loadConfig();
      const vault = loadVault({ key: config.identityKey, dataDir: config.dataDir });
      const cp = await withDb((db) => writeAuditCheckpoint(db, vault, { now: new Date() }));
      console.log(`Titik periksa / checkpoint #${cp!.id}: ${cp!.eventCount} events up to id ${cp!.lastEventId}, head ${cp!.headHash}, key ${cp!.keyId}`);
      return 0;
    }
    case 'triage': {
      const { runTriage } = await import('./triage.ts');
      const summary = await runTriage(process.stdin, process.stdout, process.stderr);
      process.stderr.write(`triage: ${summary.lines} lines, ${summary.failed} errors\n`);
      return 0;
    }
    case 'import': {
      if (sub === 'cases') {
        const { runImportCases } = await import('./importCases.ts');
        return runImportCases(rest, IMPORT_CASES_HELP, withDb);
      }
      const file = rest[0];
      if (!file) { console.error(HELP); return 2; }
      if (sub === 'candidates') {
        const result = await withDb((db) => importCandidatePairs(db, readFileSync(file, 'utf8'), { id: null, role: 'cli' }));
        console.log(`Diimpor / imported: ${result.imported} pasangan calon`);
        return 0;
      }
      if (sub === 'election') {
        const cycle = electionCycleSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
        const result = await withDb((db) => loadElectionCycle(db, cycle));
        console.log(`Pemilihan ${cycle.id}: ${result.contests} kontestasi`);
        return 0;
      }
      console.error(HELP);
      return 2;
    }
    default:
      console.log(HELP);
      return command && command !== 'help' && command !== '--help' ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => { if (code >= 0) process.exit(code); },
  (error) => {
    if (error instanceof AppError) console.error(`${error.messages.id} / ${error.messages.en}`);
    else console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
