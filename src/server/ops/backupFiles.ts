// The files of a backup, sealed one by one with AES-256-GCM under NETRA_BACKUP_KEY, or (only when
// the operator asks with --unencrypted) written in clear. Either way files are 0600 in 0700 folders.
//
// Sealed file layout: "NETRABK" + format version (1 byte) + 12-byte random nonce, the ciphertext,
// then the 16-byte GCM tag. The header and the file's name inside the backup are authenticated
// (AAD), so a file cannot be altered, truncated, or swapped for another file of the same backup.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../platform/errors.ts';

const MAGIC = Buffer.from('NETRABK', 'latin1');
const VERSION = 1;
const HEADER_LEN = MAGIC.length + 1 + 12;
const TAG_LEN = 16;
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;
const SEALED_SUFFIX = '.enc';

/** A 32-byte key given as 64 hex characters or base64 (like NETRA_IDENTITY_KEY). */
export function parseBackupKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new AppError(
      'validation_failed',
      {
        id: 'NETRA_BACKUP_KEY harus 32 byte (64 karakter heksadesimal atau base64).',
        en: 'NETRA_BACKUP_KEY must be 32 bytes (64 hex characters or base64).',
      },
      { field: 'NETRA_BACKUP_KEY' },
    );
  }
  return key;
}

export class BackupAuthError extends AppError {}

const authFailure = (name: string) =>
  new BackupAuthError(
    'validation_failed',
    {
      id: `Berkas cadangan "${name}" tidak dapat dibuka: NETRA_BACKUP_KEY salah atau berkas rusak/diubah.`,
      en: `Backup file "${name}" cannot be opened: wrong NETRA_BACKUP_KEY, or the file is damaged or altered.`,
    },
    { field: 'NETRA_BACKUP_KEY' },
  );

export function ensurePrivateDir(dir: string) {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  chmodSync(dir, DIR_MODE); // also when it existed, and whatever the umask
}

export interface BackupFiles {
  readonly encrypted: boolean;
  /** Writes a whole (small) file. */
  write(name: string, data: Buffer | string): void;
  /** Reads a whole (small) file; a sealed file is authenticated before anything is returned. */
  read(name: string): Buffer;
  exists(name: string): boolean;
  /** Streams a (large) file into the backup; returns the SHA-256 of its content. */
  copyIn(source: string, name: string): Promise<string>;
  /**
   * Streams a file out of the backup into `dest` (written to a temporary name, renamed only once
   * authenticated), or only checks it when `dest` is null; returns the SHA-256 of its content.
   */
  copyOut(name: string, dest: string | null, mode?: number): Promise<string>;
}

const header = (nonce: Buffer) => Buffer.concat([MAGIC, Buffer.from([VERSION]), nonce]);
const nonceOf = (head: Buffer) => head.subarray(MAGIC.length + 1);
// The header and the file's name are authenticated with the content.
const aad = (head: Buffer, name: string) => Buffer.concat([head, Buffer.from(name, 'utf8')]);

function writePrivate(path: string, data: Buffer) {
  ensurePrivateDir(dirname(path));
  writeFileSync(path, data, { mode: FILE_MODE });
  chmodSync(path, FILE_MODE);
}

function readAt(path: string, length: number, position: number): Buffer {
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, length, position);
  } finally {
    closeSync(fd);
  }
  return buffer;
}

function readHeader(path: string, name: string): { head: Buffer; size: number } {
  const size = statSync(path).size;
  if (size < HEADER_LEN + TAG_LEN) throw authFailure(name);
  const head = readAt(path, HEADER_LEN, 0);
  if (!head.subarray(0, MAGIC.length).equals(MAGIC)) throw authFailure(name);
  if (head[MAGIC.length] !== VERSION) {
    throw new AppError('validation_failed', {
      id: `Versi format cadangan tidak dikenal: ${head[MAGIC.length]}.`,
      en: `Unknown backup file format version: ${head[MAGIC.length]}.`,
    });
  }
  return { head, size };
}

function seal(key: Buffer, name: string, plain: Buffer): Buffer {
  const head = header(randomBytes(12));
  const cipher = createCipheriv('aes-256-gcm', key, nonceOf(head));
  cipher.setAAD(aad(head, name));
  return Buffer.concat([head, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function unseal(key: Buffer, path: string, name: string): Buffer {
  const raw = readFileSync(path);
  const { head } = readHeader(path, name);
  const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(head));
  decipher.setAAD(aad(head, name));
  decipher.setAuthTag(raw.subarray(raw.length - TAG_LEN));
  try {
    return Buffer.concat([decipher.update(raw.subarray(HEADER_LEN, raw.length - TAG_LEN)), decipher.final()]);
  } catch {
    throw authFailure(name);
  }
}

/** A pass-through stream that hashes what flows through it. */
function hashingStream() {
  const hash = createHash('sha256');
  const stream = new Transform({
    transform(chunk: Buffer, _e, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { stream, digest: () => hash.digest('hex') };
}

async function copyIn(key: Buffer | null, source: string, path: string, name: string): Promise<string> {
  ensurePrivateDir(dirname(path));
  const hashing = hashingStream();
  const out = createWriteStream(path, { mode: FILE_MODE });
  if (!key) {
    await pipeline(createReadStream(source), hashing.stream, out);
  } else {
    const head = header(randomBytes(12));
    const cipher = createCipheriv('aes-256-gcm', key, nonceOf(head));
    cipher.setAAD(aad(head, name));
    out.write(head);
    await pipeline(createReadStream(source), hashing.stream, cipher, out, { end: false });
    await new Promise<void>((resolve, reject) =>
      out.end(cipher.getAuthTag(), (error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
  chmodSync(path, FILE_MODE);
  return hashing.digest();
}

/** The decrypted content of a sealed file as a stream; the tag is checked when it ends. */
function openSealed(key: Buffer, path: string, name: string) {
  const { head, size } = readHeader(path, name);
  const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(head));
  decipher.setAAD(aad(head, name));
  decipher.setAuthTag(readAt(path, TAG_LEN, size - TAG_LEN));
  const body = size > HEADER_LEN + TAG_LEN ? createReadStream(path, { start: HEADER_LEN, end: size - TAG_LEN - 1 }) : Readable.from([]);
  return { body, decipher };
}

async function copyOut(key: Buffer | null, path: string, name: string, dest: string | null, mode: number): Promise<string> {
  const hashing = hashingStream();
  const temp = dest ? `${dest}.restoring-${randomBytes(4).toString('hex')}` : null;
  const sink = temp
    ? createWriteStream(temp, { mode })
    : new Writable({
        write(_c, _e, done) {
          done();
        },
      });
  try {
    if (!key) {
      await pipeline(createReadStream(path), hashing.stream, sink);
    } else {
      const { body, decipher } = openSealed(key, path, name);
      // Bytes reach only the temporary file until final() has checked the tag.
      await pipeline(body, decipher, hashing.stream, sink).catch((error: unknown) => {
        throw error instanceof AppError ? error : authFailure(name);
      });
    }
  } catch (error) {
    if (temp) rmSync(temp, { force: true });
    throw error;
  }
  if (temp && dest) renameSync(temp, dest);
  return hashing.digest();
}

export function backupFiles(root: string, key: Buffer | null): BackupFiles {
  const pathOf = (name: string) => join(root, key ? name + SEALED_SUFFIX : name);
  return {
    encrypted: key !== null,
    exists: (name) => existsSync(pathOf(name)),
    write(name, data) {
      const plain = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      writePrivate(pathOf(name), key ? seal(key, name, plain) : plain);
    },
    read: (name) => (key ? unseal(key, pathOf(name), name) : readFileSync(pathOf(name))),
    copyIn: (source, name) => copyIn(key, source, pathOf(name), name),
    copyOut: (name, dest, mode = FILE_MODE) => copyOut(key, pathOf(name), name, dest, mode),
  };
}

/** Whether a backup folder holds a sealed backup (its manifest is sealed). */
export const isSealedBackup = (root: string) => existsSync(join(root, 'manifest.json' + SEALED_SUFFIX));
