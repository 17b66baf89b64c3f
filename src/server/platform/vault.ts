// The identity vault: AES-256-GCM for the reporter's identity and other secrets at rest, and an
// HMAC for values that must be compared but not stored (tracking PINs). The key comes from
// NETRA_IDENTITY_KEY or, on a single machine, a key file created in the data directory.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Vault {
  keyId: string;
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  mac(value: string): string;
  macEquals(value: string, expected: string): boolean;
}

function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('NETRA_IDENTITY_KEY must be 32 bytes (64 hex characters or base64)');
  return key;
}

export function createVault(key: Buffer): Vault {
  const keyId = createHash('sha256').update(key).digest('hex').slice(0, 12);
  const macKey = createHmac('sha256', key).update('netra-mac-v1').digest();
  return {
    keyId,
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1') throw new Error('unknown vault format');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
    mac(value) {
      return createHmac('sha256', macKey).update(value).digest('hex');
    },
    macEquals(value, expected) {
      const actual = Buffer.from(createHmac('sha256', macKey).update(value).digest('hex'));
      const wanted = Buffer.from(expected);
      return actual.length === wanted.length && timingSafeEqual(actual, wanted);
    },
  };
}

export function loadVault(options: { key?: string; dataDir: string }): Vault {
  if (options.key) return createVault(parseKey(options.key));
  const file = join(options.dataDir, 'identity.key');
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return createVault(parseKey(readFileSync(file, 'utf8')));
}
