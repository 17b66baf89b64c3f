// Backup and restore of a whole Netra instance: every table as JSON lines (types round-trip
// through row_to_json / json_populate_recordset, the same on PGlite and PostgreSQL), the
// evidence files, and a manifest with row counts and SHA-256 of every file. Every file is sealed
// under NETRA_BACKUP_KEY (backupFiles.ts): a backup holds password hashes and evidence. Restore loads into
// an empty, migrated database in foreign-key order, then checks counts, evidence hashes and
// the audit chain.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db, Queryable, Tx } from '../db/client.ts';
import { verifyAuditChain } from '../modules/audit/service.ts';
import { AppError } from '../platform/errors.ts';
import { backupFiles, ensurePrivateDir, isSealedBackup, type BackupFiles } from './backupFiles.ts';
import {
  advanceSerials,
  appliedMigrations,
  clearTable,
  countCases,
  countTableRows,
  evidenceHashes,
  foreignKeyEdges,
  insertJsonRows,
  primaryKeyColumns,
  publicTables,
  rebuildStatsCounts,
  tablePage,
  useRepeatableRead,
} from './repository.ts';
import { createDiskEvidenceStore, sha256Hex, type EvidenceStore } from '../platform/storage.ts';

/** A folder (the local store's root) or any evidence store (S3). */
const storeOf = (evidence: EvidenceStore | string) => (typeof evidence === 'string' ? createDiskEvidenceStore(evidence) : evidence);

const BATCH = 5000;

/**
 * Tables maintained from others by triggers (dashboard counters): not restored row by row —
 * the restored cases maintain them again — and rebuilt from a full scan at the end.
 */
const DERIVED_TABLES = new Set(['stats_counts']);

/** Append-only by trigger (the audit trail and its checkpoints). */
const APPEND_ONLY_TABLES = new Set(['audit_events', 'audit_checkpoints', 'audit_signing_keys', 'audit_chain_meta']);

export interface BackupManifest {
  /** 2: files sealed under NETRA_BACKUP_KEY (or written in clear when `encryption` is 'none'). */
  format: 'netra-backup/1' | 'netra-backup/2';
  encryption?: 'aes-256-gcm' | 'none';
  createdAt: string;
  backend: string;
  migrations: string[];
  tables: { name: string; rows: number; sha256: string }[];
  evidence: { sha256: string }[];
}

// What a manifest read back must hold. Table names and hashes become file paths and quoted SQL
// identifiers, so they are held to their shapes (the catalogue's names, hex digests).
const manifestSchema = z.object({
  format: z.string(),
  encryption: z.enum(['aes-256-gcm', 'none']).optional(),
  createdAt: z.string(),
  backend: z.string(),
  migrations: z.array(z.string()),
  tables: z.array(z.object({ name: z.string().regex(/^[a-z_][a-z0-9_]*$/), rows: z.number().int().min(0), sha256: z.string() })),
  evidence: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});

export interface BackupKeyOptions {
  /** The 32-byte NETRA_BACKUP_KEY; null only when the operator explicitly asked for --unencrypted. */
  key: Buffer | null;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Tables in foreign-key order (referenced tables first). */
export async function tablesInDependencyOrder(db: Queryable): Promise<string[]> {
  const tables = await publicTables(db);
  const edges = await foreignKeyEdges(db);
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (ordered.includes(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const e of edges) if (e.child === t && e.parent !== t) visit(e.parent);
    ordered.push(t);
  };
  tables.forEach(visit);
  return ordered;
}

async function primaryKeyOrder(db: Queryable, table: string): Promise<string> {
  const cols = await primaryKeyColumns(db, table);
  // Lexicographic order of hierarchical codes puts parents ('11') before children ('11.01').
  return cols.length ? cols.map((c) => `"${c}"`).join(', ') : 't::text';
}

/** A whole table as JSON lines, in primary-key order, read in pages. */
async function dumpTable(tx: Tx, table: string): Promise<string[]> {
  const order = await primaryKeyOrder(tx, table);
  const lines: string[] = [];
  for (let offset = 0; ; offset += BATCH) {
    const page = await tablePage(tx, table, order, BATCH, offset);
    for (const row of page) lines.push(JSON.stringify(typeof row === 'string' ? JSON.parse(row) : row));
    if (page.length < BATCH) break;
  }
  return lines;
}

/** Copies one evidence file into the backup, checking that its bytes still hash to its name. */
async function backupEvidenceFile(files: BackupFiles, store: EvidenceStore, sha: string): Promise<void> {
  const source = store.localPath?.(sha);
  if (source) {
    if (!existsSync(source)) throw new Error(`evidence file missing: ${sha}`);
    // Streamed (evidence can be large); the hash is taken from the bytes actually backed up.
    if ((await files.copyIn(source, `evidence/${sha}`)) !== sha) throw new Error(`evidence file corrupted: ${sha}`);
    return;
  }
  // A remote store: get() re-hashes what it read (and checks the server's checksum).
  const content = await store.get(sha).catch((error: Error) => {
    throw new Error(
      `evidence file ${(error as { code?: string }).code === 'ENOENT' ? 'missing' : 'unreadable'}: ${sha} (${error.message})`,
    );
  });
  files.write(`evidence/${sha}`, content);
}

export async function backupInstance(
  db: Db,
  evidence: EvidenceStore | string,
  outDir: string,
  options: BackupKeyOptions,
  now = new Date(),
): Promise<BackupManifest> {
  if (existsSync(outDir) && readdirSync(outDir).length > 0) throw new Error(`backup folder is not empty: ${outDir}`);
  ensurePrivateDir(outDir);
  const files = backupFiles(outDir, options.key);
  const store = storeOf(evidence);
  const manifest: BackupManifest = {
    format: 'netra-backup/2',
    encryption: options.key ? 'aes-256-gcm' : 'none',
    createdAt: now.toISOString(),
    backend: db.kind,
    migrations: await appliedMigrations(db),
    tables: [],
    evidence: [],
  };
  // One repeatable-read snapshot on PostgreSQL; PGlite is single-connection and consistent anyway.
  await db.transaction(async (tx) => {
    if (db.kind === 'postgresql') await useRepeatableRead(tx);
    for (const table of await tablesInDependencyOrder(tx)) {
      const lines = await dumpTable(tx, table);
      const body = lines.length ? lines.join('\n') + '\n' : '';
      files.write(`tables/${table}.jsonl`, body);
      manifest.tables.push({ name: table, rows: lines.length, sha256: sha256(body) });
    }
    for (const sha of await evidenceHashes(tx)) {
      await backupEvidenceFile(files, store, sha);
      manifest.evidence.push({ sha256: sha });
    }
  });
  files.write('manifest.json', JSON.stringify(manifest, null, 2));
  return manifest;
}

export interface RestoreReport {
  tables: { name: string; expected: number; restored: number }[];
  evidenceVerified: number;
  auditChain: Awaited<ReturnType<typeof verifyAuditChain>>;
}

export interface RestoreOptions extends BackupKeyOptions {
  /** Accept a backup written with --unencrypted even though a key is configured. */
  allowUnencrypted?: boolean;
}

const restoreRefusal = (id: string, en: string) => new AppError('validation_failed', { id, en }, { field: 'NETRA_BACKUP_KEY' });

interface OpenedBackup {
  files: BackupFiles;
  manifest: BackupManifest;
  /** Table name → its JSON lines, already checked against the manifest's hash. */
  bodies: Map<string, string>;
}

/** Opens a backup and checks everything in it (key, manifest, table and evidence hashes) before the database is touched. */
async function openBackup(backupDir: string, options: RestoreOptions): Promise<OpenedBackup> {
  const sealed = isSealedBackup(backupDir);
  if (sealed && !options.key) {
    throw restoreRefusal(
      'Cadangan ini terenkripsi: setel NETRA_BACKUP_KEY dengan kunci yang dipakai saat mencadangkan.',
      'This backup is encrypted: set NETRA_BACKUP_KEY to the key it was written with.',
    );
  }
  if (!sealed && options.key && !options.allowUnencrypted) {
    throw restoreRefusal(
      'Cadangan ini tidak terenkripsi. Pulihkan dengan --unencrypted bila memang disengaja.',
      'This backup is not encrypted. Restore it with --unencrypted if that is intended.',
    );
  }
  const files = backupFiles(backupDir, sealed ? options.key : null);
  if (!files.exists('manifest.json')) throw new Error(`no backup manifest in ${backupDir}`);
  const read = manifestSchema.parse(JSON.parse(files.read('manifest.json').toString('utf8')));
  const format = read.format;
  if (format !== 'netra-backup/1' && format !== 'netra-backup/2') throw new Error(`unknown backup format: ${read.format}`);
  const manifest: BackupManifest = { ...read, format };
  if (sealed !== (manifest.encryption === 'aes-256-gcm')) throw new Error('backup manifest does not match its files (encryption)');
  const bodies = new Map<string, string>();
  for (const t of manifest.tables) {
    const body = files.read(`tables/${t.name}.jsonl`).toString('utf8');
    if (sha256(body) !== t.sha256) throw new Error(`backup table file corrupted: ${t.name}`);
    bodies.set(t.name, body);
  }
  for (const { sha256: sha } of manifest.evidence) {
    if ((await files.copyOut(`evidence/${sha}`, null)) !== sha) throw new Error(`evidence in backup corrupted: ${sha}`);
  }
  return { files, manifest, bodies };
}

/** The target has every migration of the backup and no case data yet. */
async function assertRestorableInto(db: Queryable, manifest: BackupManifest): Promise<void> {
  const applied = await appliedMigrations(db);
  const missing = manifest.migrations.filter((m) => !applied.includes(m));
  if (missing.length) throw new Error(`the target database lacks migrations of the backup: ${missing.join(', ')}`);
  if ((await countCases(db)) > 0) throw new Error('restore needs an empty instance (cases already present)');
}

/** Replaces every table's rows with the backup's, in foreign-key order; derived counters are rebuilt. */
async function loadTables(tx: Tx, order: string[], { manifest, bodies }: OpenedBackup): Promise<void> {
  for (const table of [...order].reverse()) {
    // The restoring owner clears the fresh instance's own audit rows; the app role cannot.
    if (table !== 'schema_migrations') await clearTable(tx, table, APPEND_ONLY_TABLES.has(table));
  }
  for (const table of order) {
    if (table === 'schema_migrations' || DERIVED_TABLES.has(table)) continue;
    const entry = manifest.tables.find((t) => t.name === table);
    if (!entry || entry.rows === 0) continue;
    const lines = bodies.get(table)!.split('\n').filter(Boolean);
    for (let i = 0; i < lines.length; i += BATCH) await insertJsonRows(tx, table, `[${lines.slice(i, i + BATCH).join(',')}]`);
    await advanceSerials(tx, table);
  }
  if (order.includes('stats_counts')) await rebuildStatsCounts(tx);
}

/** Writes the backup's evidence files into the store; returns how many were verified. */
async function restoreEvidence({ files, manifest }: OpenedBackup, store: EvidenceStore): Promise<number> {
  let verified = 0;
  for (const { sha256: sha } of manifest.evidence) {
    const target = store.localPath?.(sha);
    if (target) {
      mkdirSync(dirname(target), { recursive: true });
      if (!existsSync(target) && (await files.copyOut(`evidence/${sha}`, target, 0o440)) !== sha) {
        rmSync(target, { force: true });
        throw new Error(`evidence in backup corrupted: ${sha}`);
      }
    } else if (!(await store.has(sha))) {
      // read() authenticates the sealed file; put() keys it by the hash of what it stores.
      const content = files.read(`evidence/${sha}`);
      if (sha256Hex(content) !== sha || (await store.put(content)) !== sha) throw new Error(`evidence in backup corrupted: ${sha}`);
    }
    verified++;
  }
  return verified;
}

/**
 * Restores into a migrated database that holds no case data yet (reference data is replaced).
 * Everything in the backup is opened and checked (key, hashes, migrations, empty target) before
 * the database is touched; the tables load in one transaction; evidence is written last, each
 * file under a temporary name renamed only once authenticated.
 */
export async function restoreInstance(
  db: Db,
  backupDir: string,
  evidence: EvidenceStore | string,
  options: RestoreOptions,
): Promise<RestoreReport> {
  const backup = await openBackup(backupDir, options);
  await assertRestorableInto(db, backup.manifest);
  const order = await tablesInDependencyOrder(db);
  await db.transaction((tx) => loadTables(tx, order, backup));
  const evidenceVerified = await restoreEvidence(backup, storeOf(evidence));
  const tables = [];
  for (const t of backup.manifest.tables) {
    if (DERIVED_TABLES.has(t.name)) continue;
    tables.push({ name: t.name, expected: t.rows, restored: await countTableRows(db, t.name) });
  }
  return { tables, evidenceVerified, auditChain: await verifyAuditChain(db) };
}

export function listBackupEvidence(dir: string): string[] {
  return existsSync(join(dir, 'evidence')) ? readdirSync(join(dir, 'evidence')).map((n) => n.replace(/\.enc$/, '')) : [];
}
