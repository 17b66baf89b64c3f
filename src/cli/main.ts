// The `netra` command: start, migrate, user create, verify-audit, triage, import.
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
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
import { countContests, electionCycleSchema } from '../domain/elections/cycle.ts';
import { readProvinces, readRegencies } from '../server/reference/idnArea.ts';
import { localizeIssue } from '../server/platform/validationMessages.ts';
import { type StaffRole } from '../domain/access/policy.ts';
import { AppError } from '../server/platform/errors.ts';
import { ensureWebBuild } from './webBuild.ts';
import { HELP, IMPORT_CASES_HELP, RESTORE_HELP, USAGE, helpFor } from './usage.ts';

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
  const help = helpFor(argv);
  if (help) {
    process.stdout.write(help);
    return 0;
  }
  switch (command) {
    case 'start': {
      await ensureWebBuild();
      const running = await startNetra();
      const stop = async () => {
        await running.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1; // keep running
    }
    case 'worker': {
      // The job worker alone (production: several HTTP processes with WORKER=off, and workers).
      const config = loadConfig();
      const db = await prepareDatabase(config, 'worker');
      const { startWorker } = await import('../server/jobs/worker.ts');
      const { createContext, createJobRegistry } = await import('../server/context.ts');
      const ctx = createContext({ db, config });
      const { vault } = ctx;
      const worker = startWorker(db, createJobRegistry(ctx));
      console.log(`Netra worker berjalan / running (database: ${db.kind})`);
      const stop = async () => {
        await worker.stop();
        await writeAuditCheckpoint(db, vault, { now: new Date(), onlyIfNew: true }).catch((e) =>
          console.error(`audit checkpoint at shutdown failed: ${(e as Error).message}`),
        );
        ctx.mailer.close();
        await db.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1;
    }
    case 'backup': {
      const { values } = parseArgs({
        args: [sub, ...rest].filter(Boolean),
        options: { out: { type: 'string' }, unencrypted: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      });
      const config = loadConfig();
      if (!config.backupKey && !values.unencrypted) {
        console.error(
          'NETRA_BACKUP_KEY belum disetel: cadangan berisi hash kata sandi, identitas tersegel, dan bukti asli, jadi tidak ditulis tanpa enkripsi.\n' +
            'NETRA_BACKUP_KEY is not set: a backup holds password hashes, sealed identities and evidence originals, so it is not written unencrypted.\n' +
            'Buat kunci / make a key: openssl rand -hex 32   (atau / or pass --unencrypted explicitly)',
        );
        return 2;
      }
      if (values.unencrypted)
        console.error(
          'PERINGATAN / WARNING: cadangan TIDAK terenkripsi / the backup is NOT encrypted (--unencrypted). Simpan di tempat yang aman / keep it somewhere safe.',
        );
      const out = values.out ?? `netra-backup-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      const { backupInstance } = await import('../server/ops/backup.ts');
      const { createConfiguredEvidenceStore } = await import('../server/platform/evidenceStore.ts');
      const { parseBackupKey } = await import('../server/ops/backupFiles.ts');
      const key = values.unencrypted ? null : parseBackupKey(config.backupKey!);
      const manifest = await withDb('backup', (db) => backupInstance(db, createConfiguredEvidenceStore(config), out, { key }));
      console.log(
        `Cadangan / backup: ${out} (${manifest.tables.reduce((n, t) => n + t.rows, 0)} rows in ${manifest.tables.length} tables, ${manifest.evidence.length} evidence files, ${key ? 'encrypted' : 'NOT encrypted'})`,
      );
      console.log(
        'Catatan: kunci identitas (identity.key / NETRA_IDENTITY_KEY) dan NETRA_BACKUP_KEY tidak ikut dicadangkan; simpan terpisah.',
      );
      return 0;
    }
    case 'restore': {
      const { values, positionals } = parseArgs({
        args: [sub, ...rest].filter(Boolean),
        allowPositionals: true,
        options: { unencrypted: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      });
      if (positionals.length !== 1) {
        console.error(RESTORE_HELP);
        return 2;
      }
      const { restoreInstance } = await import('../server/ops/backup.ts');
      const { createConfiguredEvidenceStore } = await import('../server/platform/evidenceStore.ts');
      const { parseBackupKey } = await import('../server/ops/backupFiles.ts');
      const config = loadConfig();
      const key = config.backupKey ? parseBackupKey(config.backupKey) : null;
      const report = await withDb('restore', (db) =>
        restoreInstance(db, positionals[0], createConfiguredEvidenceStore(config), { key, allowUnencrypted: values.unencrypted }),
      );
      const mismatched = report.tables.filter((t) => t.expected !== t.restored);
      for (const t of mismatched) console.log(`MISMATCH ${t.name}: expected ${t.expected}, restored ${t.restored}`);
      console.log(
        `Tables: ${report.tables.length - mismatched.length}/${report.tables.length} match · evidence verified: ${report.evidenceVerified} · audit chain: ${report.auditChain.ok ? 'OK' : `BROKEN at ${report.auditChain.brokenId}`}`,
      );
      return mismatched.length === 0 && report.auditChain.ok ? 0 : 1;
    }
    case 'migrate': {
      const config = loadConfig();
      const progress = (message: string) => process.stderr.write(`migrate: ${message}\n`);
      progress('membuka basis data / opening the database…');
      const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: 'migrate' });
      progress('menerapkan migrasi / applying migrations…');
      const applied = await migrate(db);
      progress(
        `memuat data rujukan / loading reference data${config.loadVillages ? ' (83.762 desa, ±20 detik pertama kali / first time)' : ''}…`,
      );
      const started = Date.now();
      await loadReferenceData(db, { loadVillages: config.loadVillages });
      progress(`data rujukan siap / reference data ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      await db.close();
      console.log(applied.length ? `Migrasi diterapkan / applied: ${applied.join(', ')}` : 'Skema sudah mutakhir / schema up to date');
      return 0;
    }
    case 'user': {
      if (sub !== 'create') {
        process.stderr.write(USAGE.user);
        return 2;
      }
      const { values } = parseArgs({
        args: rest,
        options: {
          role: { type: 'string' },
          username: { type: 'string' },
          password: { type: 'string' },
          region: { type: 'string' },
          agency: { type: 'string' },
          name: { type: 'string' },
        },
      });
      if (!values.role || !values.username || !values.password) {
        console.error('Wajib / required: --role --username --password');
        return 2;
      }
      const user = await withDb('user create', (db) =>
        createUser(
          db,
          {
            role: values.role as StaffRole,
            username: values.username!,
            password: values.password!,
            regionCode: values.region ?? null,
            agency: values.agency ?? null,
            displayName: values.name,
          },
          null,
        ),
      );
      console.log(`Akun dibuat / user created: ${user.username} (${user.role}${user.region_code ? `, ${user.region_code}` : ''})`);
      return 0;
    }
    case 'verify-audit': {
      const { values } = parseArgs({ args: [sub, ...rest].filter(Boolean), options: { checkpoints: { type: 'string' } } });
      const outside = values.checkpoints ? parseOutsideCheckpoints(JSON.parse(readFileSync(values.checkpoints, 'utf8'))) : undefined;
      const config = loadConfig();
      const vault = loadVault({ key: config.identityKey, dataDir: config.dataDir });
      const result = await withDb('verify-audit', async (db) => {
        const trustedKeys = new Map((await trustedAuditKeys(db, vault)).map((k) => [k.keyId, k.publicKeyPem]));
        return verifyAuditTrail(db, { trustedKeys, outside });
      });
      const checked = `${result.checkpoints} signed checkpoints${outside ? `, ${result.outsideCheckpoints}/${outside.checkpoints.length} outside checkpoints` : ''}`;
      if (result.ok) {
        console.log(`OK (${result.count} events, ${checked})`);
        return 0;
      }
      console.log(`BROKEN at audit_events.id=${result.brokenId}: ${result.reason} (${result.count} events verified before it; ${checked})`);
      return 1;
    }
    case 'audit-checkpoint': {
      const config = loadConfig();
      const vault = loadVault({ key: config.identityKey, dataDir: config.dataDir });
      const cp = await withDb('audit-checkpoint', (db) => writeAuditCheckpoint(db, vault, { now: new Date() }));
      console.log(
        `Titik periksa / checkpoint #${cp!.id}: ${cp!.eventCount} events up to id ${cp!.lastEventId}, head ${cp!.headHash}, key ${cp!.keyId}`,
      );
      return 0;
    }
    case 'triage': {
      const { runTriage } = await import('./triage.ts');
      const summary = await runTriage(process.stdin, process.stdout, process.stderr);
      process.stderr.write(`triage: ${summary.lines} lines, ${summary.failed} errors\n`);
      // Results are written for every line; a failed line still makes the run unsuccessful.
      return summary.failed > 0 ? 1 : 0;
    }
    case 'import': {
      if (sub === 'cases') {
        const { runImportCases } = await import('./importCases.ts');
        return runImportCases(rest, IMPORT_CASES_HELP, (fn) => withDb('import cases', fn));
      }
      const file = rest[0];
      if (!file || (sub !== 'candidates' && sub !== 'election')) {
        process.stderr.write(USAGE.import);
        return 2;
      }
      if (sub === 'candidates') {
        const text = readInputFile(file);
        const result = await withDb('import candidates', (db) => importCandidatePairs(db, text, { id: null, role: 'cli' })).catch(
          (error: unknown) => {
            throw inFile(file, error);
          },
        );
        console.log(`Diimpor / imported: ${result.imported} pasangan calon`);
        return 0;
      }
      if (sub === 'election') {
        const cycle = parseElectionFile(file, readInputFile(file));
        const result = await withDb('import election', (db) => loadElectionCycle(db, cycle));
        console.log(`Pemilihan ${cycle.id}: ${result.contests} kontestasi`);
        return 0;
      }
      process.stderr.write(USAGE.import);
      return 2;
    }
    default: {
      process.stderr.write(`Perintah tidak dikenal / unknown command: ${command}\n\n${HELP}`);
      return 2;
    }
  }
}

/** A CLI error that names the file it is about. */
class InputFileError extends Error {}

function readInputFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputFileError(
      code === 'ENOENT'
        ? `${file}: berkas tidak ditemukan / file not found`
        : `${file}: tidak dapat dibaca / cannot be read (${code ?? (error as Error).message})`,
    );
  }
}

function inFile(file: string, error: unknown): Error {
  if (error instanceof AppError) {
    const details = error.details as { line?: number; columnNumber?: number } | undefined;
    const where = details?.line ? `:${details.line}${details.columnNumber ? `:${details.columnNumber}` : ''}` : '';
    return new InputFileError(`${file}${where}: ${error.messages.id}\n${file}${where}: ${error.messages.en}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** An election file: JSON syntax and schema errors name the file and the path; expected counts are checked. */
function parseElectionFile(file: string, text: string) {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputFileError(`${file}: JSON tidak sah / invalid JSON: ${(error as Error).message}`);
  }
  const parsed = electionCycleSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map((issue) => {
      const message = localizeIssue(issue);
      return `${file}: ${issue.path.join('.') || '(akar / root)'}: ${message.id} / ${message.en}`;
    });
    throw new InputFileError(lines.join('\n'));
  }
  const cycle = parsed.data;
  if (cycle.expectedContests) {
    const counts = countContests(cycle, readProvinces(), readRegencies());
    const wrong = Object.entries(cycle.expectedContests).filter(([kind, n]) => (counts[kind] ?? 0) !== n);
    if (wrong.length > 0) {
      throw new InputFileError(
        wrong
          .map(
            ([kind, n]) =>
              `${file}: expectedContests.${kind}: berkas menyebut ${n}, hasil penjabaran ${counts[kind] ?? 0} / the file expects ${n}, the expansion gives ${counts[kind] ?? 0}`,
          )
          .join('\n'),
      );
    }
  }
  return cycle;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error) => {
    if (error instanceof InputFileError) console.error(error.message);
    else if (error instanceof AppError) console.error(`${error.messages.id} / ${error.messages.en}`);
    else console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
