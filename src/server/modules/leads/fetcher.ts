// Polite HTTP for media monitoring: a User-Agent naming Netra, conditional GET (ETag /
// Last-Modified → 304), a hard size cap read from the stream, a timeout, and charset decoding.
import { isIP } from 'node:net';

export const USER_AGENT = 'Netra/0.1 (+pemantauan media netralitas ASN untuk Bawaslu; perangkat lunak sumber terbuka)';
export const FEED_MAX_BYTES = 5 * 1024 * 1024;
export const PAGE_MAX_BYTES = 2 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 15_000;

export type FetchImpl = typeof fetch;

export interface PoliteFetchOptions {
  etag?: string | null;
  lastModified?: string | null;
  maxBytes: number;
  timeoutMs?: number;
  accept: string;
  fetchImpl?: FetchImpl;
}

export type PoliteFetchResult =
  | { status: 304 }
  | { status: 200; body: Buffer; contentType: string; etag: string | null; lastModified: string | null; finalUrl: string };

export class FetchFailure extends Error {}

export async function politeFetch(url: string, options: PoliteFetchOptions): Promise<PoliteFetchResult> {
  const headers: Record<string, string> = { 'User-Agent': USER_AGENT, Accept: options.accept };
  if (options.etag) headers['If-None-Match'] = options.etag;
  if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;
  const signal = AbortSignal.timeout(options.timeoutMs ?? FETCH_TIMEOUT_MS);
  let response: Response;
  try {
    response = await (options.fetchImpl ?? fetch)(url, { headers, signal, redirect: 'follow' });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new FetchFailure(signal.aborted ? `timeout after ${options.timeoutMs ?? FETCH_TIMEOUT_MS} ms` : `network error${cause ? ` (${cause})` : ''}: ${(error as Error).message}`);
  }
  if (response.status === 304) {
    await response.body?.cancel().catch(() => {});
    return { status: 304 };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new FetchFailure(`HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > options.maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new FetchFailure(`response too large: ${declared} bytes (limit ${options.maxBytes})`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  if (response.body) {
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > options.maxBytes) {
          await reader.cancel().catch(() => {});
          throw new FetchFailure(`response too large: over ${options.maxBytes} bytes`);
        }
        chunks.push(Buffer.from(value));
      }
    } catch (error) {
      if (error instanceof FetchFailure) throw error;
      throw new FetchFailure(signal.aborted ? 'timeout while reading the response' : `read error: ${(error as Error).message}`);
    }
  }
  return {
    status: 200,
    body: Buffer.concat(chunks),
    contentType: response.headers.get('content-type') ?? 'application/octet-stream',
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
    finalUrl: response.url || url,
  };
}

/** Bytes → text by the declared charset (header, XML declaration or meta tag); UTF-8 otherwise. */
export function decodeBody(body: Buffer, contentType: string): string {
  const head = body.subarray(0, 2048).toString('latin1');
  const label = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1]
    ?? /<\?xml[^>]*encoding\s*=\s*["']([\w-]+)/i.exec(head)?.[1]
    ?? /<meta[^>]*charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]
    ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(body).replace(/^\uFEFF/, '');
}

/** Loopback, private, link-local and unspecified address literals and localhost names. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
  const version = isIP(host);
  if (version === 4) {
    const [a, b] = host.split('.').map(Number);
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (version === 6) return host === '::1' || host === '::' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host) || host.startsWith('::ffff:');
  return false;
}

/**
 * Whether an article link from a feed may be fetched: http(s) only, and no private address unless
 * the feed itself lives on that host (an administrator chose it). Feed content is untrusted, so
 * this keeps a hostile feed from making the server read internal services.
 */
export function mayFetchArticleLink(link: string, feedUrl: string): boolean {
  let target: URL;
  let feed: URL;
  try {
    target = new URL(link);
    feed = new URL(feedUrl);
  } catch {
    return false;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return false;
  return !isPrivateHost(target.hostname) || target.hostname === feed.hostname;
}
