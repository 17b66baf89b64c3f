// Media ingestion on both backends: RSS polling against a local HTTP server (ETag → 304, teaser
// items fetch the article page, failures back off through next_poll_at), JSONL/CSV import as a job
// with line errors, the token-authenticated push endpoint, and clustering of syndicated copies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from '../support/backends.ts';
import { buildUser, signIn, type Session } from '../support/http.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createVault } from '../../src/server/platform/vault.ts';
import { createDiskEvidenceStore, sha256Hex, type EvidenceStore } from '../../src/server/platform/storage.ts';
import { startWorker, type Worker } from '../../src/server/jobs/worker.ts';
import { leadJobs } from '../../src/server/modules/leads/jobs.ts';
import { enqueueJob } from '../../src/server/jobs/queue.ts';
import { USER_AGENT } from '../../src/server/modules/leads/fetcher.ts';
import type { Db } from '../../src/server/db/client.ts';

/** enqueueJob takes a transaction (jobs are written with the change that needs them); tests enqueue in one of their own. */
const enqueueIn = (db: Db, ...args: Parameters<typeof enqueueJob> extends [unknown, ...infer Rest] ? Rest : never) =>
  db.transaction((tx) => enqueueJob(tx, ...args));

let clock = new Date('2024-11-12T03:00:00Z');

const OKI_TEXT = `KAYUAGUNG, BERITAOKI.COM – Seorang camat di Kabupaten Ogan Komering Ilir (OKI) diduga ikut berkampanye untuk salah satu pasangan calon bupati pada Minggu, 10 November 2024. Camat tersebut terekam video sedang berorasi dan mengajak warga memilih paslon nomor urut 2 dalam kampanye di Desa Sukamaju.
Ketua Bawaslu OKI, Romi Maradona, mengatakan pihaknya telah menerima laporan dan akan memanggil camat tersebut untuk klarifikasi. "Kami sudah mengumpulkan bukti video dan keterangan saksi. ASN wajib netral dalam Pilkada," ujar Romi.
Menurut Bawaslu, keterlibatan camat dalam kampanye merupakan pelanggaran netralitas ASN sebagaimana diatur dalam Undang-Undang ASN dan SKB lima lembaga. Bawaslu OKI akan meneruskan hasil kajian ke Badan Kepegawaian Negara apabila terbukti.
Warga yang hadir di lokasi menyebutkan camat itu datang bersama beberapa kepala desa dan mengenakan atribut pasangan calon.`;

const PALEMBANG_TEXT = `PALEMBANG, SUMSELNEWS.COM – Seorang lurah di Kota Palembang diduga hadir dalam kampanye pasangan calon wali kota pada Sabtu, 9 November 2024. Lurah tersebut terlihat berfoto bersama calon wali kota sambil mengacungkan simbol jari.
Ketua Bawaslu Kota Palembang mengatakan pihaknya sedang menelusuri dugaan pelanggaran netralitas ASN tersebut dan akan memanggil lurah itu untuk klarifikasi pekan depan.
"ASN dilarang terlibat politik praktis dalam Pilkada. Kami akan proses sesuai aturan," ujarnya. Bawaslu Palembang meminta masyarakat melaporkan jika menemukan dugaan ketidaknetralan aparatur.`;

const page = (title: string, text: string) => `<!doctype html><html><head><title>${title}</title></head><body>
<nav><a href="/">Beranda</a> <a href="/politik">Politik</a> <a href="/daerah">Daerah</a></nav>
<article><h1>${title}</h1>${text
  .split('\n')
  .map((p) => `<p>${p}</p>`)
  .join('\n')}</article>
<footer>© 2024 Berita Contoh. Hak cipta dilindungi.</footer></body></html>`;

const seeds = readdirSync('/work/shared/seeds')
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(`/work/shared/seeds/${f}`, 'utf8'));

/** Another outlet's copy: new dateline and boilerplate, two edited words, last paragraph dropped. */
function syndicatedCopy(text: string): string {
  const lines = text.split('\n');
  const paragraphs = lines.filter((l) => l.trim());
  const kept = lines.slice(0, lines.lastIndexOf(paragraphs[paragraphs.length - 1]));
  const out = [`JAKARTA, OUTLETLAIN.COM – ${kept[0].replace(/^[^–-]{0,60}[–-]\s*/, '')}`, ...kept.slice(1)];
  out.splice(2, 0, 'BACA JUGA: Bupati Lantik Pejabat Baru di Kabupaten Lain');
  return `${out
    .join('\n')
    .replace(/\bASN\b/, 'aparatur')
    .replace(/\bmenjelang\b/i, 'jelang')}\nEditor: Redaksi\nBerita Terkait\nIkuti berita terkini di Google News`;
}

interface Hit {
  path: string;
  headers: IncomingHttpHeaders;
  status: number;
}

describeEachBackend('media ingestion: feeds, import, push, clustering', (ctx) => {
  let app: FastifyInstance;
  let evidence: EvidenceStore;
  let worker: Worker;
  let admin: Session;
  let server: Server;
  let base: string;
  const allowOrigins: string[] = [];
  const hits: Hit[] = [];
  const drain = async () => {
    while (await worker.runOnce());
  };
  // The periodic poll, due at the test clock (the worker enqueues periodic jobs at the real time).
  const tick = async () => {
    await enqueueIn(ctx().db, 'leads.poll_feeds', {}, { runAfter: clock });
    await drain();
  };

  before(async () => {
    const db = ctx().db;
    const dataDir = mkdtempSync(join(tmpdir(), 'netra-leads-'));
    evidence = createDiskEvidenceStore(join(dataDir, 'evidence'));
    const config = loadConfig({ NETRA_LOG_LEVEL: 'silent', NETRA_REQUIRE_TOTP: 'off' } as NodeJS.ProcessEnv, { dataDir });
    app = await buildApp({ db, config, vault: createVault(randomBytes(32)), evidence, now: () => clock });
    // The feed server below listens on 127.0.0.1: only its exact origin is exempt from the SSRF check.
    worker = startWorker(db, leadJobs({ db, evidence, fetchGuard: { allowOrigins } }), { autoStart: false, now: () => clock });
    const { username, password } = await buildUser(db, { role: 'admin' });
    admin = await signIn(app, username, password);

    server = createServer((request, response) => {
      const path = request.url ?? '/';
      const reply = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
        hits.push({ path, headers: request.headers, status });
        response.writeHead(status, { 'content-type': type, ...headers });
        response.end(body);
      };
      if (path === '/feed.xml') {
        const etag = '"v1"';
        if (request.headers['if-none-match'] === etag) return reply(304, 'application/rss+xml', '', { etag });
        return reply(
          200,
          'application/rss+xml; charset=utf-8',
          `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Berita Contoh</title>
<item><title>Camat di OKI Diduga Ikut Kampanye Paslon</title><link>${base}/artikel/oki</link><guid>oki-1</guid>
<pubDate>Sun, 10 Nov 2024 09:00:00 +0700</pubDate><description>Seorang camat diduga ikut kampanye…</description></item>
<item><title>Lurah di Palembang Diduga Hadiri Kampanye</title><link>${base}/artikel/palembang</link><guid>plg-1</guid>
<pubDate>Sat, 09 Nov 2024 10:00:00 +0700</pubDate><description>Seorang lurah…</description></item>
</channel></rss>`,
          { etag, 'last-modified': 'Mon, 11 Nov 2024 00:00:00 GMT' },
        );
      }
      if (path === '/artikel/oki')
        return reply(200, 'text/html; charset=utf-8', page('Camat di OKI Diduga Ikut Kampanye Paslon', OKI_TEXT));
      if (path === '/artikel/palembang')
        return reply(200, 'text/html; charset=utf-8', page('Lurah di Palembang Diduga Hadiri Kampanye', PALEMBANG_TEXT));
      return reply(500, 'text/plain', 'rusak');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    allowOrigins.push(base);
  });

  after(async () => {
    await worker?.stop();
    await app?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  test('RSS: first poll fetches teaser pages; second poll sends If-None-Match and gets 304; failures back off', async () => {
    const db = ctx().db;
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/lead-sources',
      payload: { kind: 'rss', name: 'Berita Contoh', url: `${base}/feed.xml`, pollMinutes: 30 },
    });
    assert.equal(created.statusCode, 201, created.body);
    const source = created.json();
    const broken = (
      await admin.request({
        method: 'POST',
        url: '/api/v1/lead-sources',
        payload: { kind: 'rss', name: 'Rusak', url: `${base}/rusak.xml`, pollMinutes: 30 },
      })
    ).json();

    await tick();
    const feedHits = () => hits.filter((h) => h.path === '/feed.xml');
    assert.equal(feedHits().length, 1);
    assert.equal(feedHits()[0].headers['if-none-match'], undefined);
    assert.equal(feedHits()[0].headers['user-agent'], USER_AGENT);
    assert.match(USER_AGENT, /^Netra\//);
    const pageHits = hits.filter((h) => h.path.startsWith('/artikel/'));
    assert.equal(pageHits.length, 2, 'teaser items get their page fetched');

    const articles = await db.query<{
      id: string;
      external_id: string;
      raw_sha256: string;
      text: string;
      text_sha256: string;
      cluster_id: string;
      published_at: Date;
    }>('SELECT * FROM articles WHERE source_id = $1 ORDER BY external_id', [source.id]);
    assert.deepEqual(
      articles.rows.map((a) => a.external_id),
      ['oki-1', 'plg-1'],
    );
    const oki = articles.rows[0];
    assert.equal(oki.raw_sha256, sha256Hex(page('Camat di OKI Diduga Ikut Kampanye Paslon', OKI_TEXT)), 'raw page bytes archived');
    assert.equal(oki.text_sha256, sha256Hex(oki.text));
    assert.equal(sha256Hex(await evidence.get(oki.text_sha256)), oki.text_sha256);
    assert.ok(!oki.text.includes('Beranda') && !oki.text.includes('Hak cipta'), 'navigation and footer removed');
    assert.equal(new Date(oki.published_at).toISOString(), '2024-11-10T02:00:00.000Z');
    assert.notEqual(articles.rows[0].cluster_id, articles.rows[1].cluster_id);

    const lead = (
      await db.query<{
        relevant: boolean;
        region_codes: string[];
        acts: string[];
        actors: string[];
        highlights: { start: number; end: number; kind: string; label: string }[];
        state: string;
      }>('SELECT * FROM leads WHERE article_id = $1', [oki.id])
    ).rows[0];
    assert.equal(lead.relevant, true);
    assert.deepEqual(lead.region_codes, ['16.02']);
    assert.ok(lead.actors.includes('camat'));
    assert.ok(lead.acts.includes('hadir_kampanye'));
    assert.equal(lead.state, 'baru');
    const spans = (kind: string) => lead.highlights.filter((h) => h.kind === kind).map((h) => oki.text.slice(h.start, h.end));
    assert.ok(
      spans('region').some((s) => /Ogan Komering Ilir|OKI/.test(s)),
      JSON.stringify(spans('region')),
    );
    assert.ok(spans('actor').some((s) => /camat/i.test(s)));
    assert.ok(spans('person').includes('Romi Maradona'));
    assert.ok(spans('date').some((s) => /10 November 2024/.test(s)));

    let row = (
      await db.query<{ etag: string; failures: number; next_poll_at: Date; last_error: string | null }>(
        'SELECT * FROM lead_sources WHERE id = $1',
        [source.id],
      )
    ).rows[0];
    assert.equal(row.etag, '"v1"');
    assert.equal(new Date(row.next_poll_at).getTime(), clock.getTime() + 30 * 60_000);
    const brokenRow = (
      await db.query<{ failures: number; next_poll_at: Date; last_error: string }>('SELECT * FROM lead_sources WHERE id = $1', [broken.id])
    ).rows[0];
    assert.equal(brokenRow.failures, 1);
    assert.equal(brokenRow.last_error, 'HTTP 500');
    assert.equal(new Date(brokenRow.next_poll_at).getTime(), clock.getTime() + 60 * 60_000, 'backoff: 30 min × 2');

    // 31 minutes later the good feed is due again, the broken one is still backing off.
    clock = new Date(clock.getTime() + 31 * 60_000);
    const brokenHitsBefore = hits.filter((h) => h.path === '/rusak.xml').length;
    await tick();
    assert.equal(feedHits().length, 2);
    assert.equal(feedHits()[1].headers['if-none-match'], '"v1"');
    assert.equal(feedHits()[1].headers['if-modified-since'], 'Mon, 11 Nov 2024 00:00:00 GMT');
    assert.equal(feedHits()[1].status, 304);
    assert.equal(hits.filter((h) => h.path === '/rusak.xml').length, brokenHitsBefore, 'not polled before next_poll_at');
    assert.equal((await db.query('SELECT id FROM articles WHERE source_id = $1', [source.id])).rows.length, 2);
    row = (
      await db.query<{ etag: string; failures: number; next_poll_at: Date; last_error: string | null }>(
        'SELECT * FROM lead_sources WHERE id = $1',
        [source.id],
      )
    ).rows[0];
    assert.equal(row.failures, 0);
    assert.equal(new Date(row.next_poll_at).getTime(), clock.getTime() + 30 * 60_000);

    // 30 more minutes: the broken feed is retried and fails again (×4).
    clock = new Date(clock.getTime() + 30 * 60_000);
    await tick();
    const again = (await db.query<{ failures: number; next_poll_at: Date }>('SELECT * FROM lead_sources WHERE id = $1', [broken.id]))
      .rows[0];
    assert.equal(again.failures, 2);
    assert.equal(new Date(again.next_poll_at).getTime(), clock.getTime() + 120 * 60_000);

    // Manual poll: an admin endpoint queues a fetch; the job records progress.
    const poll = await admin.request({ method: 'POST', url: `/api/v1/lead-sources/${source.id}/poll` });
    assert.equal(poll.statusCode, 202);
    await drain();
    const job = await admin.request({ method: 'GET', url: `/api/v1/lead-jobs/${poll.json().jobId}` });
    assert.equal(job.json().state, 'done');
    assert.equal(job.json().result.notModified, true);

    const listed = (await admin.request({ method: 'GET', url: '/api/v1/lead-sources' })).json();
    assert.equal(listed.items.find((s: { id: string }) => s.id === source.id).articles, 2);
    const patched = await admin.request({ method: 'PATCH', url: `/api/v1/lead-sources/${broken.id}`, payload: { enabled: false } });
    assert.equal(patched.json().enabled, false);
  });

  test('import: CSV and JSON lines, bad lines reported by number and skipped, job progress', async () => {
    const db = ctx().db;
    const csv =
      `id,url,title,text,published_at\n` +
      `imp-1,https://contoh.example/1,Judul satu,"${OKI_TEXT.replace(/"/g, '""')}",2024-11-10\n` +
      `imp-2,,,,\n` +
      `imp-3,https://contoh.example/3,Judul tiga,"${PALEMBANG_TEXT.replace(/"/g, '""')}",bukan-tanggal\n` +
      `imp-4,https://contoh.example/4,Judul empat,Teks pendek tentang netralitas ASN di Pilkada.,\n`;
    const response = await admin.request({
      method: 'POST',
      url: '/api/v1/leads/import?name=Impor%20uji',
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    assert.equal(response.statusCode, 202, response.body);
    const body = response.json();
    assert.equal(body.records, 2);
    assert.deepEqual(
      body.errors.map((e: { line: number }) => e.line),
      [6, 7],
    );
    await drain();
    const job = (await admin.request({ method: 'GET', url: `/api/v1/lead-jobs/${body.jobId}` })).json();
    assert.equal(job.state, 'done');
    assert.equal(job.result.imported, 2);
    assert.equal(job.result.skipped, 2);
    assert.deepEqual(
      job.result.errors.map((e: { line: number }) => e.line),
      [6, 7],
    );
    assert.equal(job.progress.done, 2);
    const imported = await db.query<{ external_id: string; processed_at: Date | null }>(
      'SELECT external_id, processed_at FROM articles WHERE source_id = $1 ORDER BY external_id',
      [body.sourceId],
    );
    assert.deepEqual(
      imported.rows.map((r) => r.external_id),
      ['imp-1', 'imp-4'],
    );
    assert.ok(
      imported.rows.every((r) => r.processed_at),
      'every imported article processed',
    );

    const jsonl = [
      JSON.stringify({ id: 'j1', text: PALEMBANG_TEXT, url: 'https://contoh.example/j1' }),
      '{oops',
      JSON.stringify({ id: 'j2' }),
    ].join('\n');
    const second = await admin.request({
      method: 'POST',
      url: '/api/v1/leads/import',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: jsonl,
    });
    assert.equal(second.statusCode, 202, second.body);
    assert.deepEqual(
      second.json().errors.map((e: { line: number }) => e.line),
      [2, 3],
    );
    const refused = await admin.request({
      method: 'POST',
      url: '/api/v1/leads/import',
      headers: { 'content-type': 'text/plain' },
      payload: 'x',
    });
    assert.equal(refused.statusCode, 415);
    await drain();
  });

  test('push: 401 without or with a wrong token, 202 with the source token, per-item errors', async () => {
    const db = ctx().db;
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/lead-sources',
      payload: { kind: 'push', name: 'Pemantau medsos' },
    });
    assert.equal(created.statusCode, 201);
    const { id, token } = created.json();
    assert.match(token, /^ntri_/);
    const stored = await db.query<{ token_hash: string }>('SELECT token_hash FROM ingest_tokens WHERE source_id = $1', [id]);
    assert.equal(stored.rows[0].token_hash, sha256Hex(token), 'only the hash is stored');

    const payload = {
      items: [
        { id: 'p1', url: 'https://medsos.example/p1', text: OKI_TEXT },
        { id: 'p2', text: '' },
      ],
    };
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/leads/push', payload })).statusCode, 401);
    assert.equal(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/leads/push',
          payload,
          headers: { authorization: 'Bearer ntri_salah_salah_salah' },
        })
      ).statusCode,
      401,
    );
    const pushed = await app.inject({ method: 'POST', url: '/api/v1/leads/push', payload, headers: { authorization: `Bearer ${token}` } });
    assert.equal(pushed.statusCode, 202, pushed.body);
    assert.equal(pushed.json().accepted.length, 1);
    assert.deepEqual(pushed.json().errors, [{ index: 1, message: '"text" is empty' }]);
    const replay = await app.inject({ method: 'POST', url: '/api/v1/leads/push', payload, headers: { authorization: `Bearer ${token}` } });
    assert.equal(replay.json().accepted[0].duplicate, true, 'same id twice is one article');

    await admin.request({ method: 'PATCH', url: `/api/v1/lead-sources/${id}`, payload: { enabled: false } });
    assert.equal(
      (await app.inject({ method: 'POST', url: '/api/v1/leads/push', payload, headers: { authorization: `Bearer ${token}` } })).statusCode,
      401,
      'disabled source: token revoked',
    );
    await drain();
  });

  test('clustering: syndicated copies of each seed share a cluster, different stories do not', async () => {
    const db = ctx().db;
    const ids: { original: string; copy: string }[] = [];
    for (const [i, seed] of seeds.entries()) {
      const original = await admin.request({
        method: 'POST',
        url: '/api/v1/leads/manual',
        payload: { url: `https://asli.example/${i}`, text: seed },
      });
      assert.equal(original.statusCode, 202, original.body);
      const copy = await admin.request({
        method: 'POST',
        url: '/api/v1/leads/manual',
        payload: { url: `https://salinan.example/${i}`, text: syndicatedCopy(seed) },
      });
      ids.push({ original: original.json().articleId, copy: copy.json().articleId });
    }
    await drain();
    const clusterOf = async (id: string) =>
      (await db.query<{ cluster_id: string }>('SELECT cluster_id FROM articles WHERE id = $1', [id])).rows[0].cluster_id;
    const clusters = new Set<string>();
    for (const { original, copy } of ids) {
      const a = await clusterOf(original);
      assert.ok(a);
      assert.equal(await clusterOf(copy), a, "the copy joins the original's cluster");
      clusters.add(a);
    }
    assert.equal(clusters.size, 5, 'five stories, five clusters');
    const states = await db.query<{ state: string; representative_article_id: string }>(
      'SELECT state, representative_article_id FROM article_clusters WHERE id = ANY($1::text[])',
      [[...clusters]],
    );
    assert.ok(states.rows.every((c) => c.state === 'suggested'));
    assert.deepEqual(new Set(states.rows.map((c) => c.representative_article_id)), new Set(ids.map((i) => i.original)));

    // Reprocessing is idempotent: same cluster, one lead.
    await enqueueIn(db, 'leads.process_article', { articleId: ids[0].copy });
    await drain();
    assert.equal(await clusterOf(ids[0].copy), await clusterOf(ids[0].original));
    assert.equal((await db.query('SELECT id FROM leads WHERE article_id = $1', [ids[0].copy])).rows.length, 1);
  });
});
