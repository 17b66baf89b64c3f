// The first admin, without a restart and without a second process on the data dir: a server
// that starts with no admin prints a one-time link (`/staf/setup?token=…`, like Gitea/Jupyter).
// The token lives only in this process's memory, as a hash; it expires and works once.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';

export const SETUP_TOKEN_TTL_MS = 60 * 60_000;

export interface SetupLink {
  /** A fresh token (any earlier one stops working). */
  issue(now: Date): string;
  /** Throws `setup_token_invalid` for a wrong, expired or used token. */
  check(token: string, now: Date): void;
  /** After the admin exists: the token is spent. */
  consume(): void;
}

const digest = (token: string) => createHash('sha256').update(token).digest();

export const setupTokenInvalid = () =>
  new AppError(
    'setup_token_invalid',
    {
      id: 'Tautan setup tidak berlaku (salah, kedaluwarsa, atau sudah dipakai). Mulai ulang server untuk tautan baru.',
      en: 'The setup link is not valid (wrong, expired or already used). Restart the server for a new link.',
    },
    { field: 'token' },
  );

export const setupDone = () =>
  new AppError('setup_done', {
    id: 'Admin sudah ada; setup pertama sudah selesai. Silakan masuk.',
    en: 'An admin already exists; first-run setup is done. Please sign in.',
  });

export function createSetupLink(options: { ttlMs?: number } = {}): SetupLink {
  const ttlMs = options.ttlMs ?? SETUP_TOKEN_TTL_MS;
  let current: { hash: Buffer; expiresAt: number } | null = null;
  return {
    issue(now) {
      const token = randomBytes(24).toString('base64url');
      current = { hash: digest(token), expiresAt: now.getTime() + ttlMs };
      return token;
    },
    check(token, now) {
      if (!current || now.getTime() >= current.expiresAt || !timingSafeEqual(digest(token), current.hash)) throw setupTokenInvalid();
    },
    consume() {
      current = null;
    },
  };
}
