// Evidence files stored content-addressed by SHA-256: on the local disk under the data directory
// (one machine), or in an S3-compatible bucket (several machines; s3Storage.ts), chosen by
// NETRA_EVIDENCE_URL. Originals are immutable (written once, never overwritten); the SHA-256 key
// makes every write idempotent and every read checkable.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface EvidenceStore {
  /** 'disk' or 's3': which store answered (logs, benchmarks). */
  readonly kind: 'disk' | 's3';
  /** Stores the bytes under their SHA-256 and returns it; storing the same bytes again changes nothing. */
  put(content: Buffer): Promise<string>;
  /** The bytes, re-hashed: a mismatch throws EvidenceCorruptedError, absence EvidenceMissingError. */
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
  /** Removes a file (unclaimed uploads only); removing an absent file is not an error. */
  delete(sha256: string): Promise<void>;
  /** The file's path when it lives on this machine's disk (backups stream it). */
  localPath?(sha256: string): string;
}

export const sha256Hex = (content: Buffer | string) => createHash('sha256').update(content).digest('hex');
export const isSha256 = (value: string) => /^[0-9a-f]{64}$/.test(value);

export class EvidenceMissingError extends Error {
  readonly code = 'ENOENT';
  constructor(sha: string) {
    super(`evidence ${sha} is missing from storage`);
  }
}
export class EvidenceCorruptedError extends Error {
  constructor(sha: string, why = 'content does not match its SHA-256') {
    super(`evidence ${sha} is corrupted: ${why}`);
  }
}
/** The store could not be reached or refused the write: the caller must not acknowledge the upload. */
export class EvidenceStoreUnavailableError extends Error {}

export function createDiskEvidenceStore(root: string): EvidenceStore {
  const pathOf = (sha: string) => join(root, sha.slice(0, 2), sha);
  const checked = (sha: string) => {
    if (!isSha256(sha)) throw new Error('invalid sha256');
    return sha;
  };
  return {
    kind: 'disk',
    async put(content) {
      const sha = sha256Hex(content);
      const target = pathOf(sha);
      if (!existsSync(target)) {
        mkdirSync(join(root, sha.slice(0, 2)), { recursive: true });
        // A unique temp name per write: identical content may be stored concurrently (same SHA-256),
        // and the atomic rename makes the last writer win with the same bytes.
        const temp = `${target}.${randomUUID()}.tmp`;
        await writeFile(temp, content, { mode: 0o440 });
        await rename(temp, target);
      }
      return sha;
    },
    async get(sha) {
      let content: Buffer;
      try {
        content = await readFile(pathOf(checked(sha)));
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') throw new EvidenceMissingError(sha);
        throw error;
      }
      if (sha256Hex(content) !== sha) throw new EvidenceCorruptedError(sha);
      return content;
    },
    async has(sha) {
      return isSha256(sha) && existsSync(pathOf(sha));
    },
    async delete(sha) {
      await rm(pathOf(checked(sha)), { force: true });
    },
    localPath: (sha) => pathOf(checked(sha)),
  };
}

/** Where NETRA_EVIDENCE_URL points: an S3 bucket and key prefix with its endpoint options. */
export interface S3EvidenceLocation {
  bucket: string;
  prefix: string;
  endpoint: string | undefined;
  region: string;
  forcePathStyle: boolean;
}

const urlError = (why: string) =>
  new Error(
    `NETRA_EVIDENCE_URL tidak valid / is invalid: ${why}. ` +
      'Bentuk / form: s3://bucket/prefix?endpoint=https://host:port&region=REGION&forcePathStyle=true',
  );

/** Parses NETRA_EVIDENCE_URL; throws a message naming what is wrong (shown at start-up). */
export function parseEvidenceUrl(text: string): S3EvidenceLocation {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw urlError('not a URL');
  }
  if (url.protocol !== 's3:') throw urlError(`scheme "${url.protocol.replace(/:$/, '')}" is not s3`);
  if (url.username || url.password) throw urlError('credentials do not belong in the URL; use AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  const bucket = url.hostname;
  // S3 bucket naming rules (3–63 characters, lower case, digits, dots and hyphens).
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw urlError(`bucket name "${bucket}" is not a valid S3 bucket name`);
  const prefix = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '');
  if (prefix.split('/').some((segment) => segment === '.' || segment === '..'))
    throw urlError('the prefix may not contain "." or ".." segments');
  const known = new Set(['endpoint', 'region', 'forcePathStyle']);
  for (const key of url.searchParams.keys())
    if (!known.has(key)) throw urlError(`unknown option "${key}" (known: endpoint, region, forcePathStyle)`);
  const endpoint = url.searchParams.get('endpoint') ?? undefined;
  if (endpoint !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(endpoint);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol)) throw urlError(`endpoint "${endpoint}" is not an http(s) URL`);
  }
  const forcePathStyle = url.searchParams.get('forcePathStyle');
  if (forcePathStyle !== null && forcePathStyle !== 'true' && forcePathStyle !== 'false')
    throw urlError('forcePathStyle must be true or false');
  const region = url.searchParams.get('region') ?? 'us-east-1';
  if (!/^[a-z0-9-]{1,40}$/.test(region)) throw urlError(`region "${region}" is not a region name`);
  return { bucket, prefix: prefix ? `${prefix}/` : '', endpoint, region, forcePathStyle: forcePathStyle === 'true' };
}
