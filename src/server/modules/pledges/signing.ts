// Ed25519 signing of pledge certificates. The private key lives in the data directory as
// `pledge-signing.key` (PKCS#8 PEM, mode 0600), created once on first use, unless the operator
// passes a key (PEM) explicitly. Anyone can verify with the public key served by the API.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PLEDGE_KEY_FILE = 'pledge-signing.key';

export interface PledgeSigner {
  keyId: string;
  publicKeyPem: string;
  /** SubjectPublicKeyInfo DER, base64. */
  publicKeySpkiBase64: string;
  sign(document: string): string;
  verify(document: string, signature: string): boolean;
}

const signers = new Map<string, PledgeSigner>();

function readOrCreateKey(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    // 'wx': never overwrite a key another process created a moment ago.
    writeFileSync(path, pem, { mode: 0o600, flag: 'wx' });
    return pem;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(path, 'utf8');
    throw error;
  }
}

function signerFromKey(privateKey: KeyObject): PledgeSigner {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('pledge signing key must be Ed25519');
  const publicKey = createPublicKey(privateKey);
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return {
    keyId: createHash('sha256').update(spki).digest('hex').slice(0, 16),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    publicKeySpkiBase64: spki.toString('base64'),
    sign: (document) => sign(null, Buffer.from(document, 'utf8'), privateKey).toString('base64url'),
    verify: (document, signature) => {
      if (!/^[A-Za-z0-9_-]{86}$/.test(signature)) return false;
      return verify(null, Buffer.from(document, 'utf8'), publicKey, Buffer.from(signature, 'base64url'));
    },
  };
}

/** The signer for a data dir (or an explicit PEM key); cached per process. */
export function loadPledgeSigner(options: { dataDir: string; privateKeyPem?: string }): PledgeSigner {
  const cacheKey = options.privateKeyPem
    ? `pem:${createHash('sha256').update(options.privateKeyPem).digest('hex')}`
    : `dir:${options.dataDir}`;
  const cached = signers.get(cacheKey);
  if (cached) return cached;
  let pem = options.privateKeyPem;
  if (!pem) {
    mkdirSync(options.dataDir, { recursive: true });
    pem = readOrCreateKey(join(options.dataDir, PLEDGE_KEY_FILE));
  }
  const signer = signerFromKey(createPrivateKey(pem));
  signers.set(cacheKey, signer);
  return signer;
}
