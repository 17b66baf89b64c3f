// Staff queue, full-text search and status look-ups at scale, each beside the raw SQL of the same
// work in the same run: N synthetic cases (one INSERT … SELECT generate_series) with narratives,
// search vectors and open deadlines; a kabupaten supervisor's queue sorted by nearest deadline,
// a search, and tracking look-ups with code + PIN.
//   node --import tsx bench/queue.bench.ts [--cases 200000] [--pglite]
import { randomBytes } from 'node:crypto';
import { createTestDb } from '../test/support/backends.ts';
import { buildTestApp, buildUser, signIn, testVault } from '../test/support/http.ts';
import type { BackendKind, Db } from '../src/server/db/client.ts';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function measure(n: number, fn: (i: number) => Promise<void>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), perSecond: 1000 / (times.reduce((a, b) => a + b, 0) / n) };
}

const WORDS = [
  'kepala',
  'desa',
  'camat',
  'kampanye',
  'sembako',
  'spanduk',
  'foto',
  'bersama',
  'pasangan',
  'calon',
  'mobil',
  'dinas',
  'grup',
  'whatsapp',
  'deklarasi',
  'dukungan',
  'balai',
  'apel',
  'guru',
  'sekolah',
  'bantuan',
  'sosial',
  'lurah',
  'unggahan',
  'facebook',
];

async function generate(db: Db, n: number) {
  const regencies = (
    await db.query<{ code: string }>("SELECT code FROM regions WHERE level IN ('kabupaten', 'kota') ORDER BY code")
  ).rows.map((r) => r.code);
  await db.query(
    `WITH s AS (SELECT g, random() AS a, random() AS b, random() AS c, random() AS d FROM generate_series(1, $1::int) g),
     ins AS (
       INSERT INTO cases (id, kind, state, office_code, event_region_code, received_at, regime_id, title, narrative, acts, search)
       SELECT 'q-' || g, 'laporan', (ARRAY['diterima','diregistrasi','klarifikasi','kajian','diteruskan'])[1 + floor(b * 5)::int],
              ($2::text[])[1 + floor(power(a, 1.6) * array_length($2::text[], 1))::int],
              ($2::text[])[1 + floor(power(a, 1.6) * array_length($2::text[], 1))::int],
              timestamptz '2024-09-01 00:00+07' + c * interval '90 days', 'perbawaslu-9-2024', 'Laporan sintetis ' || g,
              narrative, ARRAY['hadir_deklarasi_kampanye'], to_tsvector('indonesian', narrative)
       FROM (SELECT g, a, b, c, d, (SELECT string_agg(($3::text[])[1 + floor(random() * array_length($3::text[], 1) + (g + k) * 0)::int], ' ') FROM generate_series(1, 12) AS w(k)) AS narrative FROM s) x
       RETURNING id, received_at, state)
     INSERT INTO case_clocks (case_id, rule_id, started_at, due_at, due_local, zone, source, basis)
     SELECT id, 'laporan.putusan', received_at, received_at + interval '3 days', 'sintetis', 'WIB', 'UU 1/2015 Pasal 134(5)', 'sintetis'
     FROM ins WHERE state <> 'diteruskan'`,
    [n, regencies, WORDS],
  );
  await db.query('ANALYZE cases');
  await db.query('ANALYZE case_clocks');
}

export async function benchQueue(options: { backend: BackendKind; cases: number; samples?: number }): Promise<string> {
  const samples = options.samples ?? 50;
  const t = await createTestDb(options.backend);
  try {
    const t0 = performance.now();
    await generate(t.db, options.cases);
    const generated = (performance.now() - t0) / 1000;
    const app = await buildTestApp(t.db, { now: () => new Date('2024-11-01T03:00:00Z') });
    const officeRow = await t.db.query<{ office_code: string; n: number }>(
      'SELECT office_code, count(*)::int AS n FROM cases GROUP BY 1 ORDER BY 2 DESC LIMIT 1',
    );
    const office = officeRow.rows[0].office_code;
    const staff = await buildUser(t.db, { role: 'pengawas_kabkota', regionCode: office });
    const session = await signIn(app, staff.username, staff.password);
    // Tracking look-ups need real PIN hashes: 200 cases with codes sealed by the app's vault.
    const vault = testVault(app);
    const codes: { code: string; pin: string }[] = [];
    for (let i = 0; i < 200; i++) {
      const code = `NTR-${randomBytes(2).toString('hex').toUpperCase().replace(/[01]/g, 'A')}-${String(1000 + i).replace(/[01]/g, 'B')}`;
      const pin = String(100000 + i);
      await t.db.query('UPDATE cases SET tracking_code = $2, pin_hash = $3 WHERE id = $1', [
        `q-${i + 1}`,
        code,
        vault.mac(`${code}:${pin}`),
      ]);
      codes.push({ code, pin });
    }
    const rawQueue = await measure(samples, async () => {
      await t.db.query(
        `SELECT c.id, d.next_due FROM cases c LEFT JOIN LATERAL (SELECT k.due_at AS next_due FROM case_clocks k WHERE k.case_id = c.id AND k.stopped_at IS NULL ORDER BY k.due_at LIMIT 1) d ON true
        WHERE c.office_code = $1 ORDER BY d.next_due ASC NULLS LAST, c.received_at LIMIT 50`,
        [office],
      );
    });
    const apiQueue = await measure(samples, async () => {
      const res = await session.request({ url: '/api/v1/cases?limit=50' });
      if (res.statusCode !== 200) throw new Error(res.body);
    });
    const rawSearch = await measure(samples, async (i) => {
      // The same work as the API: rank, total count, nearest deadline, first page.
      await t.db.query(
        `SELECT c.id, count(*) OVER () AS total, d.next_due FROM cases c
        LEFT JOIN LATERAL (SELECT k.due_at AS next_due FROM case_clocks k WHERE k.case_id = c.id AND k.stopped_at IS NULL ORDER BY k.due_at LIMIT 1) d ON true
        WHERE c.office_code = $1 AND c.search @@ plainto_tsquery('indonesian', $2)
        ORDER BY ts_rank(c.search, plainto_tsquery('indonesian', $2)) DESC, d.next_due ASC NULLS LAST LIMIT 50`,
        [office, WORDS[i % WORDS.length]],
      );
    });
    const apiSearch = await measure(samples, async (i) => {
      const res = await session.request({ url: `/api/v1/cases?limit=50&q=${WORDS[i % WORDS.length]}` });
      if (res.statusCode !== 200) throw new Error(res.body);
    });
    const rawLookup = await measure(samples, async (i) => {
      await t.db.query('SELECT id, state FROM cases WHERE tracking_code = $1', [codes[i % codes.length].code]);
    });
    const apiLookup = await measure(samples, async (i) => {
      const { code, pin } = codes[i % codes.length];
      const res = await app.inject({ method: 'POST', url: '/api/v1/lacak', payload: { kode: code, pin } });
      if (res.statusCode !== 200) throw new Error(res.body);
    });
    await app.close();
    const row = (label: string, api: Awaited<ReturnType<typeof measure>>, raw: Awaited<ReturnType<typeof measure>>) =>
      `| ${label} | ${api.p50.toFixed(1)} | ${api.p99.toFixed(1)} | ${raw.p50.toFixed(1)} | ${raw.p99.toFixed(1)} | ${(api.p50 / raw.p50).toFixed(1)}× |`;
    return [
      `${options.backend}, ${options.cases.toLocaleString('en')} cases generated in ${generated.toFixed(1)} s; office ${office} holds ${officeRow.rows[0].n.toLocaleString('en')}; ${samples} sequential samples each`,
      '',
      '| workload | API p50 ms | API p99 ms | raw SQL p50 ms | raw SQL p99 ms | API / raw (p50) |',
      '|---|---:|---:|---:|---:|---:|',
      row('staff queue, nearest deadline first (50 rows)', apiQueue, rawQueue),
      row('staff full-text search (indonesian)', apiSearch, rawSearch),
      row('status look-up with code + PIN', apiLookup, rawLookup),
    ].join('\n');
  } finally {
    await t.destroy();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--cases');
  const cases = i > 0 ? Number(process.argv[i + 1]) : 200_000;
  const backend: BackendKind = process.argv.includes('--pglite') ? 'pglite' : 'postgresql';
  console.log(await benchQueue({ backend, cases }));
  process.exit(0);
}
