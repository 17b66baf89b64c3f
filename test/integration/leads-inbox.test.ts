// The leads inbox on both backends: jurisdiction (an OKI supervisor sees OKI leads, not Kota
// Palembang's; provinces also get region-less leads), one row per story, dismissal, cluster
// confirm/split, and promotion to a temuan in 'informasi_awal' with the archived text as evidence.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
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
import { verifyAuditChain } from '../../src/server/modules/audit/service.ts';

const clock = new Date('2024-11-12T03:00:00Z');

const OKI_TEXT = `KAYUAGUNG, BERITAOKI.COM – Seorang camat di Kabupaten Ogan Komering Ilir (OKI) diduga ikut berkampanye untuk salah satu pasangan calon bupati pada Minggu, 10 November 2024. Camat tersebut terekam video sedang berorasi dan mengajak warga memilih paslon nomor urut 2 dalam kampanye di Desa Sukamaju.
Ketua Bawaslu OKI, Romi Maradona, mengatakan pihaknya telah menerima laporan dan akan memanggil camat tersebut untuk klarifikasi. "Kami sudah mengumpulkan bukti video dan keterangan saksi. ASN wajib netral dalam Pilkada," ujar Romi.
Menurut Bawaslu, keterlibatan camat dalam kampanye merupakan pelanggaran netralitas ASN sebagaimana diatur dalam Undang-Undang ASN dan SKB lima lembaga. Bawaslu OKI akan meneruskan hasil kajian ke Badan Kepegawaian Negara apabila terbukti.
Warga yang hadir di lokasi menyebutkan camat itu datang bersama beberapa kepala desa dan mengenakan atribut pasangan calon.`;
const OKI_COPY =
  OKI_TEXT.replace('KAYUAGUNG, BERITAOKI.COM –', 'OKI, SUMEKS.CO –').replace('terekam video', 'terekam dalam video') +
  '\nBACA JUGA: Harga Cabai di Pasar Naik\nEditor: Redaksi';
const PALEMBANG_TEXT = `PALEMBANG, SUMSELNEWS.COM – Seorang lurah di Kota Palembang diduga hadir dalam kampanye pasangan calon wali kota pada Sabtu, 9 November 2024. Lurah tersebut terlihat berfoto bersama calon wali kota sambil mengacungkan simbol jari.
Ketua Bawaslu Kota Palembang mengatakan pihaknya sedang menelusuri dugaan pelanggaran netralitas ASN tersebut dan akan memanggil lurah itu untuk klarifikasi pekan depan.
"ASN dilarang terlibat politik praktis dalam Pilkada. Kami akan proses sesuai aturan," ujarnya. Bawaslu Palembang meminta masyarakat melaporkan jika menemukan dugaan ketidaknetralan aparatur.`;
const NO_REGION_TEXT = `Seorang kepala desa diduga ikut berkampanye dan mengajak warga memilih pasangan calon bupati nomor urut 1 dalam pertemuan terbatas pekan lalu. Video kepala desa tersebut beredar luas.
Bawaslu menyatakan akan memanggil kepala desa itu untuk klarifikasi atas dugaan pelanggaran netralitas dalam Pilkada. "Kepala desa dilarang berpihak kepada pasangan calon," kata anggota Bawaslu.`;

describeEachBackend('leads inbox, decisions and promotion', (ctx) => {
  let app: FastifyInstance;
  let evidence: EvidenceStore;
  let worker: Worker;
  let admin: Session;
  let oki: Session;
  let palembang: Session;
  let sumsel: Session;
  let analyst: Session;
  const ids: Record<string, string> = {};

  const leadOf = async (articleId: string) =>
    (await ctx().db.query<{ id: string; region_codes: string[]; state: string }>('SELECT * FROM leads WHERE article_id = $1', [articleId]))
      .rows[0];

  before(async () => {
    const db = ctx().db;
    const dataDir = mkdtempSync(join(tmpdir(), 'netra-leads-inbox-'));
    evidence = createDiskEvidenceStore(join(dataDir, 'evidence'));
    const config = loadConfig({ NETRA_LOG_LEVEL: 'silent', NETRA_REQUIRE_TOTP: 'off' } as NodeJS.ProcessEnv, { dataDir });
    app = await buildApp({ db, config, vault: createVault(randomBytes(32)), evidence, now: () => clock });
    worker = startWorker(db, leadJobs({ db, evidence }), { autoStart: false, now: () => clock });
    const session = async (role: Parameters<typeof buildUser>[1]['role'], regionCode?: string) => {
      const { username, password } = await buildUser(db, { role, regionCode });
      return signIn(app, username, password);
    };
    admin = await session('admin');
    oki = await session('pengawas_kabkota', '16.02');
    palembang = await session('pengawas_kabkota', '16.71');
    sumsel = await session('pengawas_provinsi', '16');
    analyst = await session('analyst');
    for (const [key, text, url] of [
      ['oki', OKI_TEXT, 'https://beritaoki.example/camat'],
      ['copy', OKI_COPY, 'https://sumeks.example/camat'],
      ['palembang', PALEMBANG_TEXT, 'https://sumselnews.example/lurah'],
      ['noRegion', NO_REGION_TEXT, 'https://nasional.example/kades'],
    ]) {
      const response = await admin.request({
        method: 'POST',
        url: '/api/v1/leads/manual',
        payload: { url, title: key === 'oki' ? 'Camat di OKI Diduga Ikut Kampanye' : undefined, text },
      });
      assert.equal(response.statusCode, 202, response.body);
      ids[key] = response.json().articleId;
    }
    while (await worker.runOnce());
  });

  after(async () => {
    await worker?.stop();
    await app?.close();
  });

  test('jurisdiction: OKI sees OKI (one row per story), not Palembang; provinces also see region-less leads', async () => {
    assert.deepEqual((await leadOf(ids.oki)).region_codes, ['16.02']);
    assert.deepEqual((await leadOf(ids.palembang)).region_codes, ['16.71']);
    assert.deepEqual((await leadOf(ids.noRegion)).region_codes, [], 'precondition: no region found');

    const list = async (s: Session, query = '') => {
      const response = await s.request({ method: 'GET', url: `/api/v1/leads${query}` });
      assert.equal(response.statusCode, 200, response.body);
      return response.json() as {
        total: number;
        items: { id: string; articleId: string; score: number; cluster: { size: number } | null; regions: { code: string }[] }[];
      };
    };
    const okiList = await list(oki);
    assert.equal(okiList.total, 1, 'the OKI story and its copy are one row');
    assert.equal(okiList.items[0].articleId, ids.oki, 'the first article represents the story');
    assert.equal(okiList.items[0].cluster?.size, 2);
    const palembangList = await list(palembang);
    assert.deepEqual(
      palembangList.items.map((i) => i.articleId),
      [ids.palembang],
    );
    const provinceList = await list(sumsel);
    assert.deepEqual(new Set(provinceList.items.map((i) => i.articleId)), new Set([ids.oki, ids.palembang, ids.noRegion]));
    assert.equal((await list(admin)).total, 3);
    assert.equal((await list(analyst)).total, 3);
    assert.deepEqual(
      (await list(sumsel, '?region=16.71')).items.map((i) => i.articleId),
      [ids.palembang],
    );
    assert.deepEqual(
      (await list(sumsel, '?q=lurah')).items.map((i) => i.articleId),
      [ids.palembang],
    );
    assert.equal((await list(sumsel, '?kind=statistics')).total, 0);
    assert.equal((await list(sumsel, '?minScore=0.4')).total, 3);

    const okiLead = okiList.items[0].id;
    const palembangLead = palembangList.items[0].id;
    assert.equal((await oki.request({ method: 'GET', url: `/api/v1/leads/${palembangLead}` })).statusCode, 404, 'other regions are hidden');
    const detail = (await oki.request({ method: 'GET', url: `/api/v1/leads/${okiLead}` })).json();
    assert.equal(detail.article.url, 'https://beritaoki.example/camat');
    assert.ok(detail.article.text.startsWith('Camat di OKI Diduga Ikut Kampanye\n\n'));
    assert.ok(
      detail.highlights.some(
        (h: { kind: string; start: number; end: number }) =>
          h.kind === 'region' && /OKI|Ogan Komering Ilir/.test(detail.article.text.slice(h.start, h.end)),
      ),
    );
    assert.equal(detail.cluster.members.length, 2);

    const { username, password } = await buildUser(ctx().db, { role: 'bkn' });
    const bkn = await signIn(app, username, password);
    assert.equal((await bkn.request({ method: 'GET', url: '/api/v1/leads' })).statusCode, 403);
  });

  test('clusters: confirm, then split an article off (it stays apart)', async () => {
    const okiLead = await leadOf(ids.oki);
    const detail = (await oki.request({ method: 'GET', url: `/api/v1/leads/${okiLead.id}` })).json();
    const confirmed = await oki.request({ method: 'POST', url: `/api/v1/article-clusters/${detail.cluster.id}/confirm` });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().state, 'confirmed');
    assert.equal(
      (await palembang.request({ method: 'POST', url: `/api/v1/article-clusters/${detail.cluster.id}/confirm` })).statusCode,
      404,
    );

    const split = await oki.request({ method: 'POST', url: `/api/v1/articles/${ids.copy}/detach` });
    assert.equal(split.statusCode, 200, split.body);
    assert.notEqual(split.json().clusterId, detail.cluster.id);
    assert.equal((await oki.request({ method: 'GET', url: '/api/v1/leads' })).json().total, 2, 'now two rows');
    const again = await oki.request({ method: 'POST', url: `/api/v1/articles/${ids.copy}/detach` });
    assert.equal(again.statusCode, 409);
  });

  test('dismiss: analysts cannot; the supervisor can; the lead leaves the default inbox', async () => {
    const lead = await leadOf(ids.palembang);
    assert.equal((await analyst.request({ method: 'POST', url: `/api/v1/leads/${lead.id}/dismiss`, payload: {} })).statusCode, 403);
    assert.equal((await oki.request({ method: 'POST', url: `/api/v1/leads/${lead.id}/dismiss`, payload: {} })).statusCode, 404);
    const dismissed = await palembang.request({
      method: 'POST',
      url: `/api/v1/leads/${lead.id}/dismiss`,
      payload: { reason: 'Sudah ditangani' },
    });
    assert.equal(dismissed.statusCode, 200, dismissed.body);
    assert.equal((await leadOf(ids.palembang)).state, 'diabaikan');
    assert.equal((await palembang.request({ method: 'GET', url: '/api/v1/leads' })).json().total, 0);
    assert.equal((await palembang.request({ method: 'GET', url: '/api/v1/leads?state=diabaikan' })).json().total, 1);
    assert.equal((await palembang.request({ method: 'POST', url: `/api/v1/leads/${lead.id}/dismiss`, payload: {} })).statusCode, 409);
  });

  test('promote: a temuan in informasi_awal, prefilled from the lead, with the archived text as evidence', async () => {
    const db = ctx().db;
    const lead = await leadOf(ids.oki);
    const terlapor = [
      { nama: 'Camat Sukamaju', jabatan: 'Camat', instansi: 'Pemerintah Kabupaten Ogan Komering Ilir', jenisSubjek: 'camat' },
    ];
    assert.equal(
      (await palembang.request({ method: 'POST', url: `/api/v1/leads/${lead.id}/promote`, payload: { terlapor } })).statusCode,
      404,
    );
    const response = await oki.request({ method: 'POST', url: `/api/v1/leads/${lead.id}/promote`, payload: { terlapor } });
    assert.equal(response.statusCode, 201, response.body);
    const { caseId, evidenceSha256 } = response.json();

    const caseRow = (
      await db.query<{
        kind: string;
        state: string;
        source: string;
        office_code: string;
        event_region_code: string;
        event_date: string;
        known_date: string;
        title: string;
        acts: string[];
        evidence_urls: string[];
      }>('SELECT * FROM cases WHERE id = $1', [caseId])
    ).rows[0];
    assert.equal(caseRow.kind, 'temuan');
    assert.equal(caseRow.state, 'informasi_awal');
    assert.equal(caseRow.source, 'media');
    assert.equal(caseRow.office_code, '16.02');
    assert.equal(caseRow.event_region_code, '16.02');
    assert.equal(caseRow.event_date, '2024-11-10', 'the date the article reports');
    assert.equal(caseRow.known_date, '2024-11-12', 'the day the article reached Netra (WIB)');
    assert.equal(caseRow.title, 'Camat di OKI Diduga Ikut Kampanye');
    assert.ok(caseRow.acts.includes('hadir_deklarasi_kampanye'), JSON.stringify(caseRow.acts));
    assert.deepEqual(caseRow.evidence_urls, ['https://beritaoki.example/camat']);

    const article = (
      await db.query<{ text: string; text_sha256: string }>('SELECT text, text_sha256 FROM articles WHERE id = $1', [ids.oki])
    ).rows[0];
    assert.equal(evidenceSha256, article.text_sha256);
    const attached = (
      await db.query<{ sha256: string; original_name: string; mime_type: string; size_bytes: number }>(
        'SELECT e.sha256, e.original_name, f.mime_type, f.size_bytes FROM case_evidence e JOIN evidence_files f ON f.sha256 = e.sha256 WHERE e.case_id = $1',
        [caseId],
      )
    ).rows;
    assert.equal(attached.length, 1);
    assert.equal(attached[0].sha256, sha256Hex(Buffer.from(article.text, 'utf8')));
    assert.match(attached[0].mime_type, /^text\/plain/);
    assert.match(attached[0].original_name, /\.txt$/);
    assert.equal(sha256Hex(await evidence.get(attached[0].sha256)), attached[0].sha256);
    const download = await oki.request({ method: 'GET', url: `/api/v1/cases/${caseId}/evidence/${attached[0].sha256}?variant=public` });
    assert.equal(download.statusCode, 200, download.body);
    assert.equal(sha256Hex(download.rawPayload), attached[0].sha256);

    const promoted = (
      await db.query<{ state: string; promoted_case_id: string }>('SELECT state, promoted_case_id FROM leads WHERE id = $1', [lead.id])
    ).rows[0];
    assert.deepEqual(promoted, { state: 'dipromosikan', promoted_case_id: caseId });
    const audit = await db.query<{ action: string }>("SELECT action FROM audit_events WHERE entity_id = $1 AND action = 'lead.promoted'", [
      lead.id,
    ]);
    assert.equal(audit.rows.length, 1);
    assert.equal((await verifyAuditChain(db)).ok, true);
    const caseView = await oki.request({ method: 'GET', url: `/api/v1/cases/${caseId}` });
    assert.equal(caseView.statusCode, 200, caseView.body);
    assert.equal(
      (await oki.request({ method: 'POST', url: `/api/v1/leads/${lead.id}/promote`, payload: { terlapor } })).statusCode,
      409,
      'once only',
    );
    assert.equal((await oki.request({ method: 'GET', url: '/api/v1/leads?state=dipromosikan' })).json().items[0].promotedCaseId, caseId);
  });
});
