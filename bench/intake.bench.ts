// Report intake throughput: POST /api/v1/laporan through the real app (in-process HTTP via
// inject: routing, zod validation, NIK checks, sealing, audit chain, one transaction), as JSON
// and with one photo, beside a raw-SQL baseline that inserts the same rows, on PGlite and
// PostgreSQL in the same run.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTestDb } from '../test/support/backends.ts';
import { buildTestApp } from '../test/support/http.ts';
import { buildLaporanInput } from '../test/support/factories.ts';
import type { BackendKind, Db } from '../src/server/db/client.ts';
import { appSegment, exifSegment, jpeg } from '../test/unit/evidence-fixtures.ts';

const NOW = new Date('2024-10-10T03:00:00Z');

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timed(n: number, concurrency: number, fn: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t0 = performance.now();
        await fn(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: n / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function rawInsert(db: Db, i: number) {
  const input = buildLaporanInput();
  await db.transaction(async (tx) => {
    const id = randomUUID();
    await tx.query(
      `INSERT INTO cases (id, kind, tracking_code, pin_hash, state, office_code, event_region_code, event_place, event_date, known_date,
         received_at, regime_id, title, narrative, acts, search)
       VALUES ($1, 'laporan', $2, 'x', 'diterima', '16.02', $3, $4, $5, $6, $7, 'perbawaslu-9-2024', 't', $8, $9, to_tsvector('indonesian', $8))`,
      [
        id,
        `RAW-${i}-${id.slice(0, 8)}`,
        input.peristiwa.kodeWilayah,
        input.peristiwa.tempat,
        input.peristiwa.tanggalKejadian,
        input.peristiwa.tanggalDiketahui,
        NOW,
        input.peristiwa.uraian,
        input.perbuatan,
      ],
    );
    await tx.query(
      'INSERT INTO reporter_identities (case_id, ciphertext, key_id, category, nik_mac, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, JSON.stringify(input.pelapor), 'raw', 'pemilih', `raw-${i}`, NOW],
    );
    const t = input.terlapor[0];
    await tx.query(
      `INSERT INTO case_terlapor (case_id, name, position, agency, subject_type, search_name) VALUES ($1, $2, $3, $4, $5, $2)`,
      [id, t.nama, t.jabatan, t.instansi, t.jenisSubjek],
    );
  });
}

/** A phone-like photo: a valid JPEG with EXIF (camera, orientation) and ~200 KB of comment padding. */
function photoBytes(i: number): Buffer {
  const padding = Array.from({ length: 3 }, () => appSegment(15, Buffer.alloc(60_000, 0x20)));
  return jpeg({
    width: 1600,
    height: 1200,
    segments: [exifSegment({ orientation: 6, artist: `Pelapor ${i}` }), ...padding],
    comment: `foto ${i}`,
  });
}

function multipart(file: Buffer, name: string) {
  const boundary = `----netra${randomUUID()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/jpeg\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** `baselineRoot`: another checkout (the code before a change) whose POST /laporan is measured in the same run. */
export async function benchIntake(options: {
  backends: BackendKind[];
  n?: number;
  concurrency?: number;
  baselineRoot?: string;
}): Promise<string> {
  const n = options.n ?? 300;
  const concurrency = options.concurrency ?? 8;
  const rows: string[] = ['| backend | workload | reports/s | p50 ms | p99 ms | vs raw INSERT |', '|---|---|---:|---:|---:|---:|'];
  for (const kind of options.backends) {
    const testDb = await createTestDb(kind);
    try {
      const app = await buildTestApp(testDb.db, { now: () => NOW });
      const raw = await timed(n, concurrency, (i) => rawInsert(testDb.db, i));
      const json = await timed(n, concurrency, async () => {
        const res = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput() });
        if (res.statusCode !== 201) throw new Error(`intake failed: ${res.statusCode} ${res.body}`);
      });
      let baseline: Awaited<ReturnType<typeof timed>> | null = null;
      if (options.baselineRoot) {
        const { buildTestApp: buildBaselineApp } = await import(pathToFileURL(join(options.baselineRoot, 'test/support/http.ts')).href);
        const baselineApp = await buildBaselineApp(testDb.db, { now: () => NOW });
        baseline = await timed(n, concurrency, async () => {
          const res = await baselineApp.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput() });
          if (res.statusCode !== 201) throw new Error(`intake failed: ${res.statusCode} ${res.body}`);
        });
        await baselineApp.close();
      }
      const hasUploads = app.hasRoute({ method: 'POST', url: '/api/v1/uploads' });
      const withPhoto = hasUploads
        ? await timed(Math.floor(n / 2), concurrency, async (i) => {
            const upload = multipart(photoBytes(i), `foto-${i}.jpg`);
            const up = await app.inject({
              method: 'POST',
              url: '/api/v1/uploads',
              payload: upload.body,
              headers: { 'content-type': upload.contentType },
            });
            if (up.statusCode !== 201) throw new Error(`upload failed: ${up.statusCode} ${up.body}`);
            const res = await app.inject({
              method: 'POST',
              url: '/api/v1/laporan',
              payload: buildLaporanInput({ bukti: [up.json().id] } as never),
            });
            if (res.statusCode !== 201) throw new Error(`intake failed: ${res.statusCode} ${res.body}`);
          })
        : null;
      const fmt = (r: { perSecond: number; p50: number; p99: number }, ratio: string) =>
        `${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${ratio}`;
      rows.push(`| ${kind} | raw INSERT baseline (3 rows, 1 tx) | ${fmt(raw, '1.00')} |`);
      const share = (r: { perSecond: number }) =>
        `${(raw.perSecond / r.perSecond).toFixed(2)}× slower (${Math.round((100 * r.perSecond) / raw.perSecond)} %)`;
      if (baseline) rows.push(`| ${kind} | POST /api/v1/laporan (JSON), baseline code | ${fmt(baseline, share(baseline))} |`);
      rows.push(`| ${kind} | POST /api/v1/laporan (JSON)${baseline ? ', this code' : ''} | ${fmt(json, share(json))} |`);
      if (withPhoto)
        rows.push(
          `| ${kind} | upload 200 KB JPEG (EXIF stripped) + report | ${fmt(withPhoto, (raw.perSecond / withPhoto.perSecond).toFixed(2) + '× slower')} |`,
        );
      await app.close();
    } finally {
      await testDb.destroy();
    }
  }
  return `n=${n} per workload, concurrency ${concurrency}\n\n${rows.join('\n')}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const backends: BackendKind[] = process.argv.includes('--pglite-only')
    ? ['pglite']
    : process.argv.includes('--pg-only')
      ? ['postgresql']
      : ['pglite', 'postgresql'];
  console.log(
    await benchIntake({
      backends,
      baselineRoot: process.env.NETRA_BENCH_BASELINE_ROOT,
      n: process.env.NETRA_BENCH_INTAKE_N ? Number(process.env.NETRA_BENCH_INTAKE_N) : undefined,
    }),
  );
  process.exit(0);
}
