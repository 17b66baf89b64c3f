// Backup and restore of a whole Netra instance: every table as JSON lines (types round-trip
// through row_to_json / json_populate_recordset, the same on PGlite and PostgreSQL), the
// evidence files, and a manifest with row counts and SHA-256 of every file. Every file is sealed
// under NETRA_BACKUP_KEY (backupFiles.ts): a backup holds password hashes and evidence. Restore loads into
// an empty, migrated database in foreign-key order, then checks counts, evidence hashes and
// the audit chain.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db, Queryable } from '../db/client.ts';
import { verifyAuditChain } from '../modules/audit/service.ts';
import { STATS_SCAN } from '../modules/stats/service.ts';
import { AppError } from '../platform/errors.ts';
import { backupFiles, ensurePrivateDir, isSealedBackup } from './backupFiles.ts';
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

export interface BackupKeyOptions {
  /** The 32-byte NETRA_BACKUP_KEY; null only when the operator explicitly asked for --unencrypted. */
  key: Buffer | null;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Tables in foreign-key order (referenced tables first). */
export async function tablesInDependencyOrder(db: Queryable): Promise<string[]> {
  const tables = (
    await db.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
    )
  ).rows.map((r) => r.name);
  const edges = (
    await db.query<{ child: string; parent: string }>(
      `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace WHERE k.contype = 'f' AND n.nspname = 'public'`,
    )
  ).rows;
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
  const cols = await db.query<{ attname: string }>(
    `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
     WHERE i.indrelid = $1::regclass AND i.indisprimary`,
    [table],
  );
  // Lexicographic order of hierarchical codes puts parents ('11') before children ('11.01').
  return cols.rows.length ? cols.rows.map((c) => `"${c.attname}"`).join(', ') : 't::text';
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
    migrations: (await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).rows.map((r) => r.name),
    tables: [],
    evidence: [],
  };
  // One repeatable-read snapshot on PostgreSQL; PGlite is single-connection and consistent anyway.
  await db.transaction(async (tx) => {
    if (db.kind === 'postgresql') await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    for (const table of await tablesInDependencyOrder(tx)) {
      const order = await primaryKeyOrder(tx, table);
      const lines: string[] = [];
      for (let offset = 0; ; offset += BATCH) {
        const page = await tx.query<{ row: unknown }>(
          `SELECT row_to_json(t) AS row FROM "${table}" t ORDER BY ${order} LIMIT ${BATCH} OFFSET ${offset}`,
        );
        for (const r of page.rows) lines.push(JSON.stringify(typeof r.row === 'string' ? JSON.parse(r.row) : r.row));
        if (page.rows.length < BATCH) break;
      }
      const body = lines.length ? lines.join('\n') + '\n' : '';
      files.write(`tables/${table}.jsonl`, body);
      manifest.tables.push({ name: table, rows: lines.length, sha256: sha256(body) });
    }
    const evidenceRows = await tx.query<{ sha256: string }>('SELECT sha256 FROM evidence_files ORDER BY sha256');
    for (const f of evidenceRows.rows) {
      const source = store.localPath?.(f.sha256);
      if (source) {
        if (!existsSync(source)) throw new Error(`evidence file missing: ${f.sha256}`);
        // Streamed (evidence can be large); the hash is taken from the bytes actually backed up.
        if ((await files.copyIn(source, `evidence/${f.sha256}`)) !== f.sha256) throw new Error(`evidence file corrupted: ${f.sha256}`);
      } else {
        // A remote store: get() re-hashes what it read (and checks the server's checksum).
        const content = await store.get(f.sha256).catch((error: Error) => {
          throw new Error(
            `evidence file ${(error as { code?: string }).code === 'ENOENT' ? 'missing' : 'unreadable'}: ${f.sha256} (${error.message})`,
          );
        });
        files.write(`evidence/${f.sha256}`, content);
      }
      manifest.evidence.push({ sha256: f.sha256 });
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
  const manifest = JSON.parse(files.read('manifest.json').toString('utf8')) as BackupManifest;
  if (manifest.format !== 'netra-backup/1' && manifest.format !== 'netra-backup/2')
    throw new Error(`unknown backup format: ${manifest.format}`);
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
  const applied = (await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).rows.map((r) => r.name);
  const missing = manifest.migrations.filter((m) => !applied.includes(m));
  if (missing.length) throw new Error(`the target database lacks migrations of the backup: ${missing.join(', ')}`);
  const existingCases = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
  if (existingCases.rows[0].n > 0) throw new Error('restore needs an empty instance (cases already present)');
  const order = await tablesInDependencyOrder(db);
  await db.transaction(async (tx) => {
    for (const table of [...order].reverse()) {
      if (table === 'schema_migrations') continue;
      if (APPEND_ONLY_TABLES.has(table)) {
        // The restoring owner clears the fresh instance's own audit rows; the app role cannot.
        await tx.query(`ALTER TABLE "${table}" DISABLE TRIGGER USER`);
        await tx.query(`DELETE FROM "${table}"`);
        await tx.query(`ALTER TABLE "${table}" ENABLE TRIGGER USER`);
      } else {
        await tx.query(`DELETE FROM "${table}"`);
      }
    }
    for (const table of order) {
      if (table === 'schema_migrations' || DERIVED_TABLES.has(table)) continue;
      const entry = manifest.tables.find((t) => t.name === table);
      if (!entry || entry.rows === 0) continue;
      const lines = bodies.get(table)!.split('\n').filter(Boolean);
      for (let i = 0; i < lines.length; i += BATCH) {
        await tx.query(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(null::"${table}", $1::json)`, [
          `[${lines.slice(i, i + BATCH).join(',')}]`,
        ]);
      }
      // Move serial sequences past the restored ids.
      const serials = await tx.query<{ column_name: string; seq: string | null }>(
        `SELECT column_name, pg_get_serial_sequence($1, column_name) AS seq FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = $1`,
        [table],
      );
      for (const s of serials.rows) {
        if (s.seq) await tx.query(`SELECT setval($1, GREATEST((SELECT max("${s.column_name}") FROM "${table}"), 1))`, [s.seq]);
      }
    }
    if (order.includes('stats_counts')) {
      await tx.query('DELETE FROM stats_counts');
      await tx.query(`INSERT INTO stats_counts (dimension, key, n)
        SELECT dimension, key, sum(n) FROM (${STATS_SCAN}) s GROUP BY 1, 2`);
    }
  });
  let evidenceVerified = 0;
  const store = storeOf(evidence);
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
    evidenceVerified++;
  }
  const tables = [];
  for (const t of manifest.tables) {
    if (DERIVED_TABLES.has(t.name)) continue;
    const restored = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t.name}"`)).rows[0].n;
    tables.push({ name: t.name, expected: t.rows, restored });
  }
  return { tables, evidenceVerified, auditChain: await verifyAuditChain(db) };
}

export function listBackupEvidence(dir: string): string[] {
  return existsSync(join(dir, 'evidence')) ? readdirSync(join(dir, 'evidence')).map((n) => n.replace(/\.enc$/, '')) : [];
}
