// Evidence store throughput: the local disk store beside the S3 store against a real
// S3-protocol server on loopback (s3rver, the test server; a production bucket is a different
// machine, so treat the S3 figures as the protocol's overhead here, not a cloud's speed).
// Writes distinct random files (no dedupe), then reads each back (re-hashed), per size.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDiskEvidenceStore, type EvidenceStore } from '../src/server/platform/storage.ts';
import { startS3Server } from '../test/support/s3.ts';

const MiB = 1024 * 1024;

async function measure(store: EvidenceStore, size: number, count: number, concurrency: number) {
  const files = Array.from({ length: count }, () => randomBytes(size));
  let next = 0;
  const shas: string[] = [];
  const run = async (fn: (i: number) => Promise<void>) => {
    next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < count; i = next++) await fn(i);
      }),
    );
    return (performance.now() - started) / 1000;
  };
  const writeS = await run(async (i) => {
    shas[i] = await store.put(files[i]);
  });
  const readS = await run(async (i) => {
    await store.get(shas[i]);
  });
  const mb = (size * count) / MiB;
  return { write: mb / writeS, read: mb / readS, filesPerS: count / writeS };
}

export async function benchEvidenceStore(options: { concurrency?: number } = {}): Promise<string> {
  const concurrency = options.concurrency ?? 4;
  const sizes: [string, number, number][] = [
    ['100 KiB photo', 100 * 1024, 200],
    ['3 MiB photo/PDF', 3 * MiB, 40],
    ['24 MiB video (multipart, 3 parts)', 24 * MiB, 6],
  ];
  const root = mkdtempSync(join(tmpdir(), 'netra-bench-store-'));
  const s3 = await startS3Server();
  const rows: string[] = [];
  try {
    const stores: [string, EvidenceStore][] = [
      ['local disk', createDiskEvidenceStore(root)],
      ['S3 (s3rver, loopback)', s3.store('bench')],
    ];
    for (const [label, size, count] of sizes) {
      for (const [name, store] of stores) {
        const r = await measure(store, size, count, concurrency);
        rows.push(`| ${label} × ${count} | ${name} | ${r.write.toFixed(1)} | ${r.filesPerS.toFixed(1)} | ${r.read.toFixed(1)} |`);
      }
    }
  } finally {
    await s3.stop();
    rmSync(root, { recursive: true, force: true });
  }
  return [
    `${concurrency} concurrent writers, then readers; every read re-hashed (SHA-256).`,
    '',
    '| files | store | write MiB/s | files/s written | read MiB/s |',
    '|---|---|---:|---:|---:|',
    ...rows,
  ].join('\n');
}
