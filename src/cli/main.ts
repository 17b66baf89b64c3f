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
import { verifyAuditChain } from '../server/modules/audit/service.ts';
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
  backup [--out DIR]            cadangkan seluruh data (tabel, bukti, manifest)
  restore DIR                   pulihkan ke instans kosong; periksa jumlah, hash bukti, rantai audit
  verify-audit                  periksa rantai hash audit (OK atau baris pertama yang rusak)
  triage < in.jsonl > out.jsonl triase berita (JSONL masuk/keluar)
  import candidates FILE.csv    impor pasangan calon
  import election FILE.json     tambah/ubah siklus pemilihan (mis. Pilkada 2029)
`;

async function withDb<T>(command: string, fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await prepareDatabase(config, command);
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
      const db = await prepareDatabase(config, 'worker');
      const { startWorker } = await import('../server/jobs/worker.ts');
      const { buildJobRegistry } = await import('../server/jobs/registry.ts');
      const { loadVault } = await import('../server/platform/vault.ts');
      const worker = startWorker(db, buildJobRegistry({ db, config, vault: loadVault({ key: config.identityKey, dataDir: config.dataDir }) }));
      console.log(`Netra worker berjalan / running (database: ${db.kind})`);
      const stop = async () => { await worker.stop(); await db.close(); process.exit(0); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1;
    }
    case 'backup': {
      const { values } = parseArgs({ args: [sub, ...rest].filter(Boolean), options: { out: { type: 'string' } } });
      const out = values.out ?? `netra-backup-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      const { backupInstance } = await import('../server/ops/backup.ts');
      const config = loadConfig();
      const manifest = await withDb('backup', (db) => backupInstance(db, join(config.dataDir, 'evidence'), out));
      console.log(`Cadangan / backup: ${out} (${manifest.tables.reduce((n, t) => n + t.rows, 0)} rows in ${manifest.tables.length} tables, ${manifest.evidence.length} evidence files)`);
      console.log('Catatan: kunci identitas (identity.key / NETRA_IDENTITY_KEY) tidak ikut dicadangkan; simpan terpisah.');
      return 0;
    }
    case 'restore': {
      if (!sub) { console.error('Pakai / usage: netra restore <backup-dir>'); return 2; }
      const { restoreInstance } = await import('../server/ops/backup.ts');
      const config = loadConfig();
      const report = await withDb('restore', (db) => restoreInstance(db, sub, join(config.dataDir, 'evidence')));
      const mismatched = report.tables.filter((t) => t.expected !== t.restored);
      for (const t of mismatched) console.log(`MISMATCH ${t.name}: expected ${t.expected}, restored ${t.restored}`);
      console.log(`Tables: ${report.tables.length - mismatched.length}/${report.tables.length} match · evidence verified: ${report.evidenceVerified} · audit chain: ${report.auditChain.ok ? 'OK' : `BROKEN at ${report.auditChain.brokenId}`}`);
      return mismatched.length === 0 && report.auditChain.ok ? 0 : 1;
    }
    case 'migrate': {
      const config = loadConfig();
      const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: 'migrate' });
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
      const user = await withDb('user create', (db) => createUser(db, {
        role: values.role as StaffRole, username: values.username!, password: values.password!, regionCode: values.region ?? null,
        agency: values.agency ?? null, displayName: values.name,
      }, null));
      console.log(`Akun dibuat / user created: ${user.username} (${user.role}${user.region_code ? `, ${user.region_code}` : ''})`);
      return 0;
    }
    case 'verify-audit': {
      const result = await withDb('verify-audit', (db) => verifyAuditChain(db));
      if (result.ok) { console.log(`OK (${result.count} events)`); return 0; }
      console.log(`BROKEN at audit_events.id=${result.brokenId}: ${result.reason} (${result.count} events verified before it)`);
      return 1;
    }
    case 'triage': {
      const { runTriage } = await import('./triage.ts');
      const summary = await runTriage(process.stdin, process.stdout, process.stderr);
      process.stderr.write(`triage: ${summary.lines} lines, ${summary.failed} errors\n`);
      return 0;
    }
    case 'import': {
      const file = rest[0];
      if (!file) { console.error(HELP); return 2; }
      if (sub === 'candidates') {
        const result = await withDb('import candidates', (db) => importCandidatePairs(db, readFileSync(file, 'utf8'), { id: null, role: 'cli' }));
        console.log(`Diimpor / imported: ${result.imported} pasangan calon`);
        return 0;
      }
      if (sub === 'election') {
        const cycle = electionCycleSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
        const result = await withDb('import election', (db) => loadElectionCycle(db, cycle));
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
