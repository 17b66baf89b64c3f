// Polite HTTP for media monitoring: a User-Agent naming Netra, conditional GET (ETag /
// Last-Modified → 304), a hard size cap read from the stream, a timeout, and charset decoding.
//
// SSRF policy (docs/LEADS.md): feed URLs, article links and every redirect target are third-party
// input. Each hop is checked (http/https only; no local host names; every address the name
// resolves to must be global unicast, IPv4 and IPv6 — src/domain/net/addresses.ts), redirects
// are followed by hand (at most MAX_REDIRECTS), and the socket connects through a `lookup` that
// applies the same check, so a DNS answer that changes between check and connect (rebinding)
// is refused too.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { classifyAddress, isLocalHostname, isPublicAddress } from '../../../domain/net/addresses.ts';

export const USER_AGENT = 'Netra/0.1 (+pemantauan media netralitas ASN untuk Bawaslu; perangkat lunak sumber terbuka)';
export const FEED_MAX_BYTES = 5 * 1024 * 1024;
export const PAGE_MAX_BYTES = 2 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 15_000;
export const MAX_REDIRECTS = 5;

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export interface FetchGuard {
  /**
   * Exact origins ('http://127.0.0.1:41234') exempt from the address check. For tests that serve
   * feeds from a local server; production never sets it (src/server/context.ts).
   */
  allowOrigins?: readonly string[];
  /** DNS resolution (tests may substitute); defaults to dns.lookup with all: true. */
  resolve?: Resolver;
}

export interface PoliteFetchOptions {
  etag?: string | null;
  lastModified?: string | null;
  maxBytes: number;
  timeoutMs?: number;
  accept: string;
  guard?: FetchGuard;
}

export type PoliteFetchResult =
  { status: 304 } | { status: 200; body: Buffer; contentType: string; etag: string | null; lastModified: string | null; finalUrl: string };

export class FetchFailure extends Error {}
/** A URL or address the SSRF policy refuses. */
export class BlockedDestination extends FetchFailure {}

const systemResolve: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses)));
  });

/** Every address of the host must be public; a literal address is judged as is. */
export async function assertPublicDestination(hostname: string, resolve: Resolver = systemResolve): Promise<LookupAddress[]> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isLocalHostname(host)) throw new BlockedDestination(`blocked destination: ${host} is a local name`);
  if (isIP(host)) {
    const kind = classifyAddress(host);
    if (kind !== 'public') throw new BlockedDestination(`blocked destination: ${host} (${kind})`);
    return [{ address: host, family: isIP(host) }];
  }
  let addresses: LookupAddress[];
  try {
    addresses = await resolve(host);
  } catch (error) {
    throw new FetchFailure(`DNS lookup failed for ${host}: ${(error as Error).message}`);
  }
  if (addresses.length === 0) throw new FetchFailure(`DNS lookup failed for ${host}: no address`);
  const bad = addresses.find((a) => !isPublicAddress(a.address));
  if (bad) throw new BlockedDestination(`blocked destination: ${host} resolves to ${bad.address} (${classifyAddress(bad.address)})`);
  return addresses;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** The socket's own resolution, with the same check (no window between check and connect). */
export function guardedLookup(resolve: Resolver = systemResolve) {
  return (hostname: string, options: { all?: boolean } | number | undefined, callback: LookupCallback) => {
    assertPublicDestination(hostname, resolve).then(
      (addresses) => {
        if (typeof options === 'object' && options?.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (error: Error) => callback(Object.assign(error, { code: 'EBLOCKED' }), ''),
    );
  };
}

function requestOnce(
  url: URL,
  headers: Record<string, string>,
  signal: AbortSignal,
  guarded: boolean,
  resolve: Resolver | undefined,
): Promise<IncomingMessage> {
  return new Promise((resolvePromise, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      { method: 'GET', headers, signal, agent: false, ...(guarded ? { lookup: guardedLookup(resolve) as never } : {}) },
      resolvePromise,
    );
    req.on('error', reject);
    req.end();
  });
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The body, refused as soon as it passes `maxBytes` (a declared length is not trusted). */
async function readLimited(response: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response) {
      size += (chunk as Buffer).byteLength;
      if (size > maxBytes) {
        response.destroy();
        throw new FetchFailure(`response too large: over ${maxBytes} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof FetchFailure) throw error;
    throw new FetchFailure(signal.aborted ? 'timeout while reading the response' : `read error: ${(error as Error).message}`);
  }
  return Buffer.concat(chunks);
}

export async function politeFetch(url: string, options: PoliteFetchOptions): Promise<PoliteFetchResult> {
  const headers: Record<string, string> = { 'User-Agent': USER_AGENT, Accept: options.accept };
  if (options.etag) headers['If-None-Match'] = options.etag;
  if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const guard = options.guard ?? {};
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw new BlockedDestination(`blocked destination: not a URL`);
  }
  let response: IncomingMessage | null = null;
  for (let hop = 0; ; hop++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:')
      throw new BlockedDestination(`blocked destination: scheme ${current.protocol}`);
    const exempt = guard.allowOrigins?.includes(current.origin) ?? false;
    if (!exempt) await assertPublicDestination(current.hostname, guard.resolve);
    try {
      response = await requestOnce(current, headers, signal, !exempt, guard.resolve);
    } catch (error) {
      if (error instanceof FetchFailure) throw error;
      const code = (error as { code?: string }).code;
      if (code === 'EBLOCKED') throw new BlockedDestination((error as Error).message);
      throw new FetchFailure(
        signal.aborted ? `timeout after ${timeoutMs} ms` : `network error${code ? ` (${code})` : ''}: ${(error as Error).message}`,
      );
    }
    const location = response.headers.location;
    if (!REDIRECTS.has(response.statusCode ?? 0) || !location) break;
    response.resume();
    if (hop >= MAX_REDIRECTS) throw new FetchFailure(`too many redirects (more than ${MAX_REDIRECTS})`);
    try {
      current = new URL(location, current);
    } catch {
      throw new FetchFailure('redirect to an invalid URL');
    }
  }
  const status = response.statusCode ?? 0;
  if (status === 304) {
    response.resume();
    return { status: 304 };
  }
  if (status < 200 || status > 299) {
    response.resume();
    throw new FetchFailure(`HTTP ${status}`);
  }
  const declared = Number(response.headers['content-length'] ?? '0');
  if (declared > options.maxBytes) {
    response.destroy();
    throw new FetchFailure(`response too large: ${declared} bytes (limit ${options.maxBytes})`);
  }
  const body = await readLimited(response, options.maxBytes, signal);
  const header = (name: string) => {
    const v = response!.headers[name];
    return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
  };
  return {
    status: 200,
    body,
    contentType: header('content-type') ?? 'application/octet-stream',
    etag: header('etag'),
    lastModified: header('last-modified'),
    finalUrl: current.href,
  };
}

/** Bytes → text by the declared charset (header, XML declaration or meta tag); UTF-8 otherwise. */
export function decodeBody(body: Buffer, contentType: string): string {
  const head = body.subarray(0, 2048).toString('latin1');
  const label =
    /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1] ??
    /<\?xml[^>]*encoding\s*=\s*["']([\w-]+)/i.exec(head)?.[1] ??
    /<meta[^>]*charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ??
    'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(body).replace(/^\uFEFF/, '');
}

/** Local host names and non-public address literals (a cheap pre-filter; politeFetch checks resolved addresses). */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isLocalHostname(host)) return true;
  return isIP(host) !== 0 && !isPublicAddress(host);
}

/**
 * Whether an article link from a feed may be fetched: http(s) only, and no private address literal
 * unless the feed itself lives on that host. A pre-filter only: politeFetch still checks every
 * hop and resolved address (a private feed host is reachable only through FetchGuard.allowOrigins).
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
