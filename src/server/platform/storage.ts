// Evidence files stored content-addressed by SHA-256 under the data directory. Originals are
// immutable (written once, never overwritten); the S3-compatible store is the scale-out option
// behind the same interface.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface EvidenceStore {
  put(content: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
}

export const sha256Hex = (content: Buffer | string) => createHash('sha256').update(content).digest('hex');

export function createDiskEvidenceStore(root: string): EvidenceStore {
  const pathOf = (sha: string) => join(root, sha.slice(0, 2), sha);
  return {
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
      if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error('invalid sha256');
      const content = await readFile(pathOf(sha));
      if (sha256Hex(content) !== sha) throw new Error(`evidence ${sha} is corrupted`);
      return content;
    },
    async has(sha) {
      return /^[0-9a-f]{64}$/.test(sha) && existsSync(pathOf(sha));
    },
  };
}
