// Starts a real S3-protocol server for the evidence tests: s3rver (npm, MIT) in a child process
// on loopback, with its objects in a temporary folder. Credentials: s3rver's fixed pair.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, Socket, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createS3EvidenceStore, type S3StoreOptions } from '../../src/server/platform/s3Storage.ts';
import { parseEvidenceUrl, type EvidenceStore } from '../../src/server/platform/storage.ts';

const main = fileURLToPath(new URL('./s3rver-main.mjs', import.meta.url));

/** s3rver accepts exactly this key pair (it checks request signatures). */
export const S3_TEST_ENV = {
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
  AWS_REGION: 'us-east-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};
for (const [k, v] of Object.entries(S3_TEST_ENV)) process.env[k] ??= v;

export interface S3TestServer {
  port: number;
  endpoint: string;
  bucket: string;
  dir: string;
  /** A NETRA_EVIDENCE_URL for this server (optionally through another endpoint, e.g. a proxy). */
  evidenceUrl(prefix?: string, endpoint?: string): string;
  store(prefix?: string, options?: S3StoreOptions): EvidenceStore;
  /** SIGKILL: the server dies with whatever it was doing. */
  kill(): Promise<void>;
  /** Starts it again on the same port and folder (objects stored before survive). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Why the S3 tests cannot run here, or null when they can (s3rver installed). */
export function s3Unavailable(): string | null {
  try {
    createRequire(import.meta.url).resolve('s3rver');
    return null;
  } catch {
    return 'S3 tests skipped: the s3rver devDependency is not installed (npm ci installs it)';
  }
}

async function spawnServer(dir: string, bucket: string, port: number): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [main, dir, bucket, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const listening = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const m = /S3 LISTENING (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`s3rver exited before listening (code ${code})`)));
    setTimeout(() => reject(new Error('s3rver did not start within 30 s')), 30_000).unref();
  });
  return { child, port: listening };
}

export async function startS3Server(bucket = 'netra-evidence'): Promise<S3TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'netra-s3-'));
  const first = await spawnServer(dir, bucket, 0);
  let child = first.child;
  const port = first.port;
  const endpoint = `http://127.0.0.1:${port}`;
  const evidenceUrl = (prefix = 'bukti', through = endpoint) =>
    `s3://${bucket}/${prefix}?endpoint=${encodeURIComponent(through)}&region=us-east-1&forcePathStyle=true`;
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };
  return {
    port,
    endpoint,
    bucket,
    dir,
    evidenceUrl,
    store: (prefix = 'bukti', options = {}) =>
      createS3EvidenceStore(parseEvidenceUrl(evidenceUrl(prefix)), { requestTimeoutMs: 20_000, ...options }),
    kill,
    async restart() {
      await kill();
      ({ child } = await spawnServer(dir, bucket, port));
    },
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A TCP relay in front of the S3 server that calls `onThreshold` once `bytes` request bytes have
 * passed through it (the test kills the server there: a death in the middle of an upload).
 */
export async function startCuttingRelay(
  targetPort: number,
  bytes: number,
  onThreshold: () => void,
): Promise<{ endpoint: string; forwarded(): number; requests(): string; close(): Promise<void> }> {
  let forwarded = 0;
  // The request lines and headers seen (bodies left out), to check what the client asked for.
  let heads = '';
  let fired = false;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = new Socket();
    sockets.add(client);
    sockets.add(upstream);
    upstream.connect(targetPort, '127.0.0.1');
    client.on('data', (chunk) => {
      forwarded += chunk.length;
      const text = chunk.toString('latin1');
      for (const m of text.matchAll(/(?:^|\r\n)((?:PUT|POST|GET|HEAD|DELETE) \/[^\r\n]* HTTP\/1\.1\r\n(?:[^\r\n]+\r\n)*)\r\n/g))
        heads += `${m[1]}\n`;
      upstream.write(chunk);
      if (!fired && forwarded >= bytes) {
        fired = true;
        onThreshold();
      }
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    forwarded: () => forwarded,
    requests: () => heads,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
