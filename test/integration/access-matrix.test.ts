// "Prove it" item 5: access control. Every staff endpoint × every role × own vs foreign
// jurisdiction, against the expected outcome stated in MATRIX below; then: the reporter's NIK and
// name never leave the vault (public responses, open data, public stats, public referral timeline,
// staff views without a reveal, and the server logs); stored script is refused or inert; CSRF on
// every state-changing endpoint; cross-site form posts → 415; intake limits are per reporter, not
// per address. (Wrong PINs limited per tracking code: test/integration/laporan-lifecycle.test.ts,
// 'withdrawal before registration; wrong PIN is refused and then rate-limited per code'.)
//
// Seed (10 Oct 2024, Pilkada campaign): a laporan in Ogan Komering Ilir (16.02) forwarded with
// classification 'peraturan_lainnya' → a BKN referral (PNS at Bapenda OKI) and a desa referral
// (kepala desa → Bupati OKI); a second OKI laporan whose BKN referral was forwarded to the PPK; a
// laporan in Kota Palembang (16.71) forwarded the same way (the foreign referral); a temuan; a
// suggested link between the two OKI cases; evidence on both cases; a pledge. Media leads: an
// article about an OKI camat campaigning (lead region 16.02) and one about a Kota Palembang lurah
// (16.71), each with a syndicated copy in the same story cluster, pasted by the admin and processed
// by the leads worker; an RSS lead source.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { describeEachBackend } from '../support/backends.ts';
import { buildUser, signIn, type Session } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { listOperations } from '../support/hostile.ts';
import { png } from '../unit/evidence-fixtures.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createVault } from '../../src/server/platform/vault.ts';
import { createDiskEvidenceStore } from '../../src/server/platform/storage.ts';
import { startWorker } from '../../src/server/jobs/worker.ts';
import { leadJobs } from '../../src/server/modules/leads/jobs.ts';

const clock = new Date('2024-10-10T03:00:00Z');
const BAPENDA = 'Badan Pendapatan Daerah Kabupaten Ogan Komering Ilir';
const DISDIK_PLG = 'Dinas Pendidikan Kota Palembang';
const PEMKAB_OKI = 'Pemerintah Kabupaten Ogan Komering Ilir';
const REPORTER_NAME = 'Sekar Ayuningtyas Prameswari';

const OKI_LEAD_TEXT = `KAYUAGUNG, BERITAOKI.COM – Seorang camat di Kabupaten Ogan Komering Ilir (OKI) diduga ikut berkampanye untuk salah satu pasangan calon bupati pada Minggu, 6 Oktober 2024. Camat tersebut terekam video sedang berorasi dan mengajak warga memilih paslon nomor urut 2 dalam kampanye di Desa Sukamaju.
Ketua Bawaslu OKI mengatakan pihaknya telah menerima informasi dan akan memanggil camat tersebut untuk klarifikasi. "ASN wajib netral dalam Pilkada," ujarnya.
Menurut Bawaslu, keterlibatan camat dalam kampanye merupakan pelanggaran netralitas ASN sebagaimana diatur dalam Undang-Undang ASN. Warga menyebutkan camat itu datang bersama beberapa kepala desa dan mengenakan atribut pasangan calon.`;
const PLG_LEAD_TEXT = `PALEMBANG, SUMSELNEWS.COM – Seorang lurah di Kota Palembang diduga hadir dalam kampanye pasangan calon wali kota pada Sabtu, 5 Oktober 2024. Lurah tersebut terlihat berfoto bersama calon wali kota sambil mengacungkan simbol jari.
Ketua Bawaslu Kota Palembang mengatakan pihaknya sedang menelusuri dugaan pelanggaran netralitas ASN tersebut dan akan memanggil lurah itu untuk klarifikasi pekan depan.
"ASN dilarang terlibat politik praktis dalam Pilkada. Kami akan proses sesuai aturan," ujarnya. Bawaslu Palembang meminta masyarakat melaporkan jika menemukan dugaan ketidaknetralan aparatur.`;
/** A syndicated copy: same story, another outlet (lands in the original's cluster). */
const copyOf = (text: string) =>
  text.replace(/^[A-Z]+, [A-Z]+\.COM –/, 'SUMSEL, SUMEKS.CO –').replace('terekam video', 'terekam dalam video') +
  '\nBACA JUGA: Harga Cabai di Pasar Naik\nEditor: Redaksi';

const ROLES = [
  'public',
  'admin',
  'pengawas_ri',
  'pengawas_provinsi',
  'pengawas_kabkota',
  'pengawas_kecamatan',
  'bkn',
  'ppk',
  'analyst',
] as const;
type Role = (typeof ROLES)[number];

/**
 * Outcomes: 'ok' 2xx; 'pass' access granted and the domain answered (2xx, or 400/409 from the
 * state machine or validation: the request got past every access check); 401 no session; 403
 * refused; 404 hidden (the resource exists but is outside the caller's jurisdiction); for lists,
 * 'listed' / 'hidden' say whether the own / foreign resource appears (status 200).
 */
type Outcome = 'ok' | 'pass' | 401 | 403 | 404 | 'listed' | 'hidden';
/** [own, foreign]; a single value when the endpoint has no jurisdiction (admin endpoints). */
type Expect = Outcome | [Outcome, Outcome];
type Row = Record<Role, Expect>;

const U = 401 as const;
const F = 403 as const;
const H = 404 as const;
const allBut = (role: Role, expected: Expect, others: Expect = F): Row =>
  Object.fromEntries(ROLES.map((r) => [r, r === 'public' ? U : r === role ? expected : others])) as Row;

// Own = OKI (16.02) resource; foreign = Kota Palembang (16.71) resource. The kecamatan officer sits
// in 16.02.05, below the kabupaten office that handles OKI cases, so both are outside its scope.
// BKN is a national authority: both BKN referrals are its own. The PPK is Bapenda OKI.
const MATRIX: Record<string, Row> = {
  'GET /cases': {
    public: U,
    admin: ['listed', 'listed'],
    pengawas_ri: ['listed', 'listed'],
    pengawas_provinsi: ['listed', 'listed'],
    pengawas_kabkota: ['listed', 'hidden'],
    pengawas_kecamatan: ['hidden', 'hidden'],
    bkn: F,
    ppk: F,
    analyst: ['listed', 'listed'],
  },
  'GET /cases/:id': {
    public: U,
    admin: ['ok', 'ok'],
    pengawas_ri: ['ok', 'ok'],
    pengawas_provinsi: ['ok', 'ok'],
    pengawas_kabkota: ['ok', H],
    pengawas_kecamatan: [H, H],
    bkn: [H, H],
    ppk: [H, H],
    analyst: ['ok', 'ok'],
  },
  'POST /cases/:id/actions': {
    public: U,
    admin: ['pass', 'pass'],
    pengawas_ri: ['pass', 'pass'],
    pengawas_provinsi: ['pass', 'pass'],
    pengawas_kabkota: ['pass', H],
    pengawas_kecamatan: [H, H],
    bkn: F,
    ppk: F,
    analyst: F,
  },
  'POST /cases/:id/dismiss-informasi': {
    public: U,
    admin: ['pass', 'pass'],
    pengawas_ri: ['pass', 'pass'],
    pengawas_provinsi: ['pass', 'pass'],
    pengawas_kabkota: ['pass', H],
    pengawas_kecamatan: [H, H],
    bkn: F,
    ppk: F,
    analyst: F,
  },
  'POST /cases/:id/assign': {
    public: U,
    admin: ['ok', 'ok'],
    pengawas_ri: ['ok', 'ok'],
    pengawas_provinsi: ['ok', 'ok'],
    pengawas_kabkota: ['ok', H],
    pengawas_kecamatan: [H, H],
    bkn: F,
    ppk: F,
    analyst: F,
  },
  'POST /cases/:id/notes': {
    public: U,
    admin: ['ok', 'ok'],
    pengawas_ri: ['ok', 'ok'],
    pengawas_provinsi: ['ok', 'ok'],
    pengawas_kabkota: ['ok', H],
    pengawas_kecamatan: [H, H],
    bkn: F,
    ppk: F,
    analyst: F,
  },
  // Identity reveal: handling staff only; for everyone else the case is hidden.
  'POST /cases/:id/reporter-identity': {
    public: U,
    admin: ['ok', 'ok'],
    pengawas_ri: ['ok', 'ok'],
    pengawas_provinsi: ['ok', 'ok'],
    pengawas_kabkota: ['ok', H],
    pengawas_kecamatan: [H, H],
    bkn: [H, H],
    ppk: [H, H],
    analyst: [H, H],
  },
  'GET /cases/:id/links': {
    public: U,
    admin: ['ok', 'ok'],
    pengawas_ri: ['ok', 'ok'],
    pengawas_provinsi: ['ok', 'ok'],
    pengawas_kabkota: ['ok', H],
    pengawas_kecamatan: [H, H],
    bkn: [H, H],
    ppk: [H, H],
    analyst: ['ok', 'ok'],
  },
  'POST /case-links/:linkId': {
    public: U,
    admin: ['pass', 'pass'],
    pengawas_ri: ['pass', 'pass'],
    pengawas_provinsi: ['pass', 'pass'],
    pengawas_kabkota: ['pass', H],
    pengawas_kecamatan: [H, H],
    bkn: F,
    ppk: F,
    analyst: F,
  },
  // Documents and evidence are for the staff handling the case; analysts read statistics, not files.
  'GET /cases/:id/documents/:file': {
    public: U,
    admin: ['ok', 'ok'],
    pengawas_ri: ['ok', 'ok'],
    pengawas_provinsi: ['ok', 'ok'],
    pengawas_kabkota: ['ok', H],
    pengawas_kecamatan: [H, H],
    bkn: [H, H],
    ppk: [H, H],
    analyst: [F, F],
  },
  // The receipt with the reporter's name is an identity reveal: same rule as POST /reporter-identity.
  'POST /cases/:id/documents/tanda-bukti.pdf': {
    public: U,
    admin: ['ok', 'ok'],
    pengawas_ri: ['ok', 'ok'],
    pengawas_provinsi: ['ok', 'ok'],
    pengawas_kabkota: ['ok', H],
    pengawas_kecamatan: [H, H],
    bkn: [H, H],
    ppk: [H, H],
    analyst: [H, H],
  },
  'GET /cases/:id/evidence (original)': {
    public: U,
    admin: ['ok', 'ok'],
    pengawas_ri: ['ok', 'ok'],
    pengawas_provinsi: ['ok', 'ok'],
    pengawas_kabkota: ['ok', H],
    pengawas_kecamatan: [H, H],
    bkn: [H, H],
    ppk: [H, H],
    analyst: [F, F],
  },
  'GET /terlapor/history': {
    public: U,
    admin: ['listed', 'listed'],
    pengawas_ri: ['listed', 'listed'],
    pengawas_provinsi: ['listed', 'listed'],
    pengawas_kabkota: ['listed', 'hidden'],
    pengawas_kecamatan: ['hidden', 'hidden'],
    bkn: F,
    ppk: F,
    analyst: ['listed', 'listed'],
  },
  'POST /temuan': {
    public: U,
    admin: ['ok', 'ok'],
    pengawas_ri: ['ok', 'ok'],
    pengawas_provinsi: ['ok', 'ok'],
    pengawas_kabkota: ['ok', F],
    pengawas_kecamatan: [F, F],
    bkn: F,
    ppk: F,
    analyst: F,
  },
  'GET /referrals': {
    public: U,
    admin: ['listed', 'listed'],
    pengawas_ri: ['listed', 'listed'],
    pengawas_provinsi: ['listed', 'listed'],
    pengawas_kabkota: ['listed', 'hidden'],
    pengawas_kecamatan: ['hidden', 'hidden'],
    bkn: ['listed', 'listed'],
    ppk: ['listed', 'hidden'],
    analyst: ['listed', 'listed'],
  },
  'GET /referrals/:id': {
    public: U,
    admin: ['ok', 'ok'],
    pengawas_ri: ['ok', 'ok'],
    pengawas_provinsi: ['ok', 'ok'],
    pengawas_kabkota: ['ok', H],
    pengawas_kecamatan: [H, H],
    bkn: ['ok', 'ok'],
    ppk: ['ok', H],
    analyst: ['ok', 'ok'],
  },
  // The desa referral goes to the Bupati, not to BKN and not to Bapenda's PPK.
  'GET /referrals/:id (desa)': {
    public: U,
    admin: ['ok', 'ok'],
    pengawas_ri: ['ok', 'ok'],
    pengawas_provinsi: ['ok', 'ok'],
    pengawas_kabkota: ['ok', H],
    pengawas_kecamatan: [H, H],
    bkn: [H, 'ok'],
    ppk: [H, H],
    analyst: ['ok', 'ok'],
  },
  // The letter carries the terlapor's identity: not for analysts.
  'GET /referrals/:id/letter': {
    public: U,
    admin: ['ok', 'ok'],
    pengawas_ri: ['ok', 'ok'],
    pengawas_provinsi: ['ok', 'ok'],
    pengawas_kabkota: ['ok', H],
    pengawas_kecamatan: [H, H],
    bkn: ['ok', 'ok'],
    ppk: ['ok', H],
    analyst: [F, F],
  },
  // The same letter as a PDF: the same access.
  'GET /referrals/:id/letter.pdf': {
    public: U,
    admin: ['ok', 'ok'],
    pengawas_ri: ['ok', 'ok'],
    pengawas_provinsi: ['ok', 'ok'],
    pengawas_kabkota: ['ok', H],
    pengawas_kecamatan: [H, H],
    bkn: ['ok', 'ok'],
    ppk: ['ok', H],
    analyst: [F, F],
  },
  'GET /referral-escalations': allBut('public', 'ok', 'ok'),
  'POST /referrals/:id/verify': allBut('bkn', ['pass', 'pass']),
  'POST /referrals/:id/forward-to-ppk': allBut('bkn', ['pass', 'pass']),
  'POST /referrals/:id/siasn-block': allBut('bkn', ['pass', 'pass']),
  'POST /referrals/:id/sanction': allBut('ppk', ['pass', H]),
  'POST /referrals/:id/sanction-applied': allBut('ppk', ['pass', H]),
  'POST /referrals/:id/not-proven': { ...allBut('ppk', ['pass', H]), bkn: ['pass', 'pass'] },
  // History import: admins and supervisors from kab/kota up (a row outside their area is refused by line).
  'POST /cases/import': {
    public: U,
    admin: 'pass',
    pengawas_ri: 'pass',
    pengawas_provinsi: 'pass',
    pengawas_kabkota: 'pass',
    pengawas_kecamatan: F,
    bkn: F,
    ppk: F,
    analyst: F,
  },
  'GET /cases/import/template': {
    public: U,
    admin: 'ok',
    pengawas_ri: 'ok',
    pengawas_provinsi: 'ok',
    pengawas_kabkota: 'ok',
    pengawas_kecamatan: F,
    bkn: F,
    ppk: F,
    analyst: F,
  },
  'GET /users': allBut('admin', 'ok'),
  'POST /users': allBut('admin', 'ok'),
  'GET /agency-tokens': allBut('admin', 'ok'),
  'POST /agency-tokens': allBut('admin', 'ok'),
  'POST /agency-tokens/:id/revoke': allBut('admin', 'pass'),
  'GET /policy-settings': { ...allBut('admin', 'ok'), pengawas_ri: 'ok' },
  'PUT /policy-settings/:key': allBut('admin', 'ok'),
  'POST /referrals/kasn-handover': allBut('admin', 'ok'),
  'POST /elections/candidates/import': allBut('admin', 'pass'),
  'POST /risk/import/ikp': allBut('admin', 'pass'),
  'POST /risk/import/history': allBut('admin', 'pass'),
  'PUT /risk/weights': allBut('admin', 'ok'),
  'PUT /calendar/:date': allBut('admin', 'ok'),
  'DELETE /calendar/:date': allBut('admin', 'ok'),
  // Pledges: own = 16.02.05 (inside every OKI scope), foreign = 16.71.
  'POST /pledges': {
    public: U,
    admin: ['ok', 'ok'],
    pengawas_ri: ['ok', 'ok'],
    pengawas_provinsi: ['ok', 'ok'],
    pengawas_kabkota: ['ok', F],
    pengawas_kecamatan: ['ok', F],
    bkn: F,
    ppk: F,
    analyst: F,
  },
  // Media leads. Sources and feed polls are the admin's.
  'GET /lead-sources': allBut('admin', 'ok'),
  'POST /lead-sources': allBut('admin', 'ok'),
  'PATCH /lead-sources/:id': allBut('admin', 'ok'),
  'POST /lead-sources/:id/poll': allBut('admin', 'ok'),
  // Ingestion by Bawaslu staff (not analysts, BKN or PPK); articles have no region until processed.
  'POST /leads/manual': {
    ...allBut('admin', 'ok'),
    pengawas_ri: 'ok',
    pengawas_provinsi: 'ok',
    pengawas_kabkota: 'ok',
    pengawas_kecamatan: 'ok',
  },
  'POST /leads/import': {
    ...allBut('admin', 'ok'),
    pengawas_ri: 'ok',
    pengawas_provinsi: 'ok',
    pengawas_kabkota: 'ok',
    pengawas_kecamatan: 'ok',
  },
  // Scrapers push with a bearer ingest token (test/integration/leads-ingest.test.ts); a staff session is no token.
  'POST /leads/push': Object.fromEntries(ROLES.map((r) => [r, U])) as Row,
  // Own = the processing job of the OKI article, foreign = the Palembang one: its result names the lead.
  'GET /lead-jobs/:id': {
    public: U,
    admin: ['ok', 'ok'],
    pengawas_ri: ['ok', 'ok'],
    pengawas_provinsi: ['ok', 'ok'],
    pengawas_kabkota: ['ok', H],
    pengawas_kecamatan: [H, H],
    bkn: F,
    ppk: F,
    analyst: F,
  },
  // The inbox: own = the OKI lead (region 16.02, not within the kecamatan's 16.02.05), foreign = the Palembang lead.
  'GET /leads': {
    public: U,
    admin: ['listed', 'listed'],
    pengawas_ri: ['listed', 'listed'],
    pengawas_provinsi: ['listed', 'listed'],
    pengawas_kabkota: ['listed', 'hidden'],
    pengawas_kecamatan: ['hidden', 'hidden'],
    bkn: F,
    ppk: F,
    analyst: ['listed', 'listed'],
  },
  'GET /leads/:id': {
    public: U,
    admin: ['ok', 'ok'],
    pengawas_ri: ['ok', 'ok'],
    pengawas_provinsi: ['ok', 'ok'],
    pengawas_kabkota: ['ok', H],
    pengawas_kecamatan: [H, H],
    bkn: F,
    ppk: F,
    analyst: ['ok', 'ok'],
  },
  // Decisions: Bawaslu staff in the lead's jurisdiction; analysts read only.
  'POST /article-clusters/:id/confirm': {
    public: U,
    admin: ['ok', 'ok'],
    pengawas_ri: ['ok', 'ok'],
    pengawas_provinsi: ['ok', 'ok'],
    pengawas_kabkota: ['ok', H],
    pengawas_kecamatan: [H, H],
    bkn: F,
    ppk: F,
    analyst: F,
  },
  'POST /articles/:id/detach': {
    public: U,
    admin: ['pass', 'pass'],
    pengawas_ri: ['pass', 'pass'],
    pengawas_provinsi: ['pass', 'pass'],
    pengawas_kabkota: ['pass', H],
    pengawas_kecamatan: [H, H],
    bkn: F,
    ppk: F,
    analyst: F,
  },
  'POST /leads/:id/promote': {
    public: U,
    admin: ['pass', 'pass'],
    pengawas_ri: ['pass', 'pass'],
    pengawas_provinsi: ['pass', 'pass'],
    pengawas_kabkota: ['pass', H],
    pengawas_kecamatan: [H, H],
    bkn: F,
    ppk: F,
    analyst: F,
  },
  'POST /leads/:id/dismiss': {
    public: U,
    admin: ['pass', 'pass'],
    pengawas_ri: ['pass', 'pass'],
    pengawas_provinsi: ['pass', 'pass'],
    pengawas_kabkota: ['pass', H],
    pengawas_kecamatan: [H, H],
    bkn: F,
    ppk: F,
    analyst: F,
  },
};

interface Seed {
  okiCase: string;
  plgCase: string;
  okiCase2: string;
  okiNip: string;
  plgNip: string;
  refBkn: string;
  refBknForwarded: string;
  refDesa: string;
  refPlg: string;
  refPlgDesa: string;
  okiLink: number;
  plgLink: number;
  okiEvidence: string;
  plgEvidence: string;
  tokenId: string;
  okiTracking: { kode: string; pin: string };
  reporterNik: string;
  okiLead: string;
  plgLead: string;
  okiCluster: string;
  plgCluster: string;
  okiCopy: string;
  plgCopy: string;
  okiLeadJob: number;
  plgLeadJob: number;
  leadSource: string;
}

function multipartFile(content: Buffer, filename: string) {
  const boundary = `----netra${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describeEachBackend(
  'access matrix: every staff endpoint × role × own/foreign jurisdiction; identity, script, CSRF, form posts, limits',
  (ctx) => {
    let app: FastifyInstance;
    const sessions = {} as Record<Exclude<Role, 'public'>, Session>;
    let oki: Session;
    let palembang: Session;
    let seed: Seed;
    const logLines: string[] = [];

    const call = (role: Role, options: InjectOptions): Promise<LightMyRequestResponse> =>
      role === 'public' ? app.inject(options) : sessions[role].request(options);

    /** Files a laporan; drives it to 'diteruskan' with 'peraturan_lainnya' (as in referrals.test.ts). */
    async function fileCase(office: Session, input: ReturnType<typeof buildLaporanInput>, forward: boolean) {
      const submitted = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: input });
      assert.equal(submitted.statusCode, 201, submitted.body);
      const receipt = submitted.json() as { id: string; trackingCode: string; pin: string };
      if (forward) {
        for (const body of [
          { action: 'registrasi' },
          { action: 'kaji' },
          { action: 'teruskan', classification: 'peraturan_lainnya', summary: 'Terbukti hadir dan berorasi mendukung pasangan calon.' },
        ]) {
          const res = await office.request({ method: 'POST', url: `/api/v1/cases/${receipt.id}/actions`, payload: body });
          assert.equal(res.statusCode, 200, res.body);
        }
      }
      return receipt;
    }

    before(async () => {
      // Logging ON (info) into memory, to search everything the server wrote for the reporter's identity.
      const logStream = new Writable({
        write(chunk, _enc, done) {
          logLines.push(String(chunk));
          done();
        },
      });
      const dataDir = mkdtempSync(join(tmpdir(), 'netra-access-'));
      const config = loadConfig({ NETRA_LOG_LEVEL: 'info', NETRA_REQUIRE_TOTP: 'off' } as NodeJS.ProcessEnv, { dataDir });
      const evidence = createDiskEvidenceStore(join(dataDir, 'evidence'));
      app = await buildApp({ db: ctx().db, config, vault: createVault(randomBytes(32)), evidence, now: () => clock, logStream });
      await app.ready();
      const session = async (input: Parameters<typeof buildUser>[1]) => {
        const u = await buildUser(ctx().db, input);
        return signIn(app, u.username, u.password);
      };
      sessions.admin = await session({ role: 'admin' });
      sessions.pengawas_ri = await session({ role: 'pengawas_ri' });
      sessions.pengawas_provinsi = await session({ role: 'pengawas_provinsi', regionCode: '16' });
      sessions.pengawas_kabkota = await session({ role: 'pengawas_kabkota', regionCode: '16.02' });
      sessions.pengawas_kecamatan = await session({ role: 'pengawas_kecamatan', regionCode: '16.02.05' });
      sessions.bkn = await session({ role: 'bkn' });
      // PPK scope: one instansi catalogue entry (Bapenda of Kabupaten OKI).
      sessions.ppk = await session({ role: 'ppk', agency: 'bapenda', regionCode: '16.02' });
      sessions.analyst = await session({ role: 'analyst' });
      oki = sessions.pengawas_kabkota;
      palembang = await session({ role: 'pengawas_kabkota', regionCode: '16.71' });

      const up = async (content: Buffer) => {
        const body = multipartFile(content, 'bukti.png');
        const res = await app.inject({ method: 'POST', url: '/api/v1/uploads', ...body });
        assert.equal(res.statusCode, 201, res.body);
        return res.json() as { id: string; sha256: string };
      };
      const okiUpload = await up(png({ width: 5, height: 5 }));
      const plgUpload = await up(png({ width: 6, height: 6 }));

      const reporterNik = '1602015508900777';
      const okiInput = buildLaporanInput({
        pelapor: { nama: REPORTER_NAME, nik: reporterNik },
        terlapor: [
          {
            nama: 'Budi Santoso',
            nip: '198503122010011002',
            jabatan: 'Kepala Bidang Pendapatan',
            instansi: BAPENDA,
            jenisSubjek: 'PNS',
            kodeWilayah: '16.02',
          },
          {
            nama: 'Sutrisno',
            jabatan: 'Kepala Desa Sukamaju',
            instansi: 'Pemerintah Desa Sukamaju',
            jenisSubjek: 'kepala_desa',
            kodeWilayah: '16.02.05',
          },
        ] as never,
        bukti: [okiUpload.id],
      });
      const okiReceipt = await fileCase(oki, okiInput, true);
      const oki2 = await fileCase(
        oki,
        buildLaporanInput({
          terlapor: [
            {
              nama: 'Anwar Sadat',
              nip: '198001012006041001',
              jabatan: 'Sekretaris',
              instansi: BAPENDA,
              jenisSubjek: 'PNS',
              kodeWilayah: '16.02',
            },
          ] as never,
        }),
        true,
      );
      const plg = await fileCase(
        palembang,
        buildLaporanInput({
          terlapor: [
            {
              nama: 'Dewi Lestari',
              nip: '198202022008012004',
              jabatan: 'Guru',
              instansi: DISDIK_PLG,
              jenisSubjek: 'PNS',
              kodeWilayah: '16.71',
            },
            {
              nama: 'Joko',
              jabatan: 'Kepala Desa Talang',
              instansi: 'Pemerintah Desa Talang',
              jenisSubjek: 'kepala_desa',
              kodeWilayah: '16.71',
            },
          ] as never,
          peristiwa: { kodeWilayah: '16.71.01' },
          bukti: [plgUpload.id],
        }),
        true,
      );
      const plg2 = await fileCase(palembang, buildLaporanInput({ peristiwa: { kodeWilayah: '16.71.01' } }), false);

      const referralsOf = async (caseId: string) =>
        (await sessions.admin.request({ url: `/api/v1/referrals?caseId=${caseId}` })).json().items as { id: string; authority: string }[];
      const okiRefs = await referralsOf(okiReceipt.id);
      const oki2Refs = await referralsOf(oki2.id);
      const plgRefs = await referralsOf(plg.id);
      const refBkn = okiRefs.find((r) => r.authority === 'BKN')!.id;
      const refDesa = okiRefs.find((r) => r.authority === 'BUPATI_WALIKOTA')!.id;
      const refBknForwarded = oki2Refs.find((r) => r.authority === 'BKN')!.id;
      const refPlg = plgRefs.find((r) => r.authority === 'BKN')!.id;
      const refPlgDesa = plgRefs.find((r) => r.authority === 'BUPATI_WALIKOTA')!.id;
      for (const step of ['verify', 'forward-to-ppk']) {
        assert.equal(
          (await sessions.bkn.request({ method: 'POST', url: `/api/v1/referrals/${refBknForwarded}/${step}`, payload: {} })).statusCode,
          200,
        );
      }
      const link = async (a: string, b: string) =>
        (
          await ctx().db.query<{ id: number }>(
            `INSERT INTO case_links (case_id, other_id, reason, score) VALUES ($1, $2, 'same_nip', 0.9) RETURNING id`,
            [a, b].sort(),
          )
        ).rows[0].id;
      const token = await sessions.admin.request({
        method: 'POST',
        url: '/api/v1/agency-tokens',
        payload: { authority: 'BKN', label: 'SIASN' },
      });
      assert.equal(token.statusCode, 201, token.body);

      // Media leads: pasted by the admin, then processed by the leads worker (as in leads-inbox.test.ts).
      const paste = async (url: string, text: string) => {
        const res = await sessions.admin.request({ method: 'POST', url: '/api/v1/leads/manual', payload: { url, text } });
        assert.equal(res.statusCode, 202, res.body);
        return res.json() as { articleId: string; jobId: number };
      };
      const okiArticle = await paste('https://beritaoki.example/camat-kampanye', OKI_LEAD_TEXT);
      const okiCopy = await paste('https://sumeks.example/camat-kampanye', copyOf(OKI_LEAD_TEXT));
      const plgArticle = await paste('https://sumselnews.example/lurah-kampanye', PLG_LEAD_TEXT);
      const plgCopy = await paste('https://sumeks.example/lurah-kampanye', copyOf(PLG_LEAD_TEXT));
      const worker = startWorker(ctx().db, leadJobs({ db: ctx().db, evidence }), { autoStart: false, now: () => clock });
      while (await worker.runOnce());
      await worker.stop();
      const leadOf = async (articleId: string) =>
        (
          await ctx().db.query<{ id: string; region_codes: string[]; relevant: boolean; cluster_id: string }>(
            'SELECT l.id, l.region_codes, l.relevant, a.cluster_id FROM leads l JOIN articles a ON a.id = l.article_id WHERE l.article_id = $1',
            [articleId],
          )
        ).rows[0];
      const okiLead = await leadOf(okiArticle.articleId);
      const plgLead = await leadOf(plgArticle.articleId);
      assert.deepEqual([okiLead.region_codes, okiLead.relevant], [['16.02'], true], 'precondition: the OKI lead is relevant and in 16.02');
      assert.deepEqual(
        [plgLead.region_codes, plgLead.relevant],
        [['16.71'], true],
        'precondition: the Palembang lead is relevant and in 16.71',
      );
      assert.equal((await leadOf(okiCopy.articleId)).cluster_id, okiLead.cluster_id, 'precondition: the OKI copy shares the story cluster');
      assert.equal(
        (await leadOf(plgCopy.articleId)).cluster_id,
        plgLead.cluster_id,
        'precondition: the Palembang copy shares the story cluster',
      );
      assert.notEqual(okiLead.cluster_id, plgLead.cluster_id);
      // Created after the worker ran, so no feed is fetched.
      const source = await sessions.admin.request({
        method: 'POST',
        url: '/api/v1/lead-sources',
        payload: { kind: 'rss', name: 'Berita OKI', url: 'https://beritaoki.example/rss.xml' },
      });
      assert.equal(source.statusCode, 201, source.body);
      seed = {
        okiCase: okiReceipt.id,
        okiCase2: oki2.id,
        plgCase: plg.id,
        okiNip: '198503122010011002',
        plgNip: '198202022008012004',
        refBkn,
        refBknForwarded,
        refDesa,
        refPlg,
        refPlgDesa,
        okiLink: await link(okiReceipt.id, oki2.id),
        plgLink: await link(plg.id, plg2.id),
        okiEvidence: okiUpload.sha256,
        plgEvidence: plgUpload.sha256,
        tokenId: token.json().id,
        okiTracking: { kode: okiReceipt.trackingCode, pin: okiReceipt.pin },
        reporterNik,
        okiLead: okiLead.id,
        plgLead: plgLead.id,
        okiCluster: okiLead.cluster_id,
        plgCluster: plgLead.cluster_id,
        okiCopy: okiCopy.articleId,
        plgCopy: plgCopy.articleId,
        okiLeadJob: okiArticle.jobId,
        plgLeadJob: plgArticle.jobId,
        leadSource: source.json().id,
      };
    });
    after(async () => {
      await app.close();
    });

    /** One request per (endpoint, scope); 'own'/'foreign' pick the resource. */
    function requestFor(endpoint: string, scope: 'own' | 'foreign', role: Role): InjectOptions {
      const own = scope === 'own';
      const c = own ? seed.okiCase : seed.plgCase;
      let n = 0;
      const unique = () => `${role}-${scope}-${Date.now().toString(36)}-${++n}-${randomBytes(3).toString('hex')}`;
      switch (endpoint) {
        case 'GET /cases':
          return { url: '/api/v1/cases?limit=200' };
        case 'GET /cases/:id':
          return { url: `/api/v1/cases/${c}` };
        // 'registrasi' on a forwarded case: past every access check, then refused by the state machine (409); nothing changes.
        case 'POST /cases/:id/actions':
          return { method: 'POST', url: `/api/v1/cases/${c}/actions`, payload: { action: 'registrasi' } };
        // A laporan is not public informasi: past every access check, then refused (409); nothing changes.
        case 'POST /cases/:id/dismiss-informasi':
          return { method: 'POST', url: `/api/v1/cases/${c}/dismiss-informasi` };
        case 'POST /cases/:id/assign':
          return { method: 'POST', url: `/api/v1/cases/${c}/assign`, payload: { assigneeId: null } };
        case 'POST /cases/:id/notes':
          return { method: 'POST', url: `/api/v1/cases/${c}/notes`, payload: { note: 'Catatan uji akses.' } };
        case 'POST /cases/:id/reporter-identity':
          return {
            method: 'POST',
            url: `/api/v1/cases/${c}/reporter-identity`,
            payload: { reason: 'Klarifikasi kepada pelapor (uji akses).' },
          };
        case 'GET /cases/:id/links':
          return { url: `/api/v1/cases/${c}/links` };
        case 'POST /case-links/:linkId':
          return { method: 'POST', url: `/api/v1/case-links/${own ? seed.okiLink : seed.plgLink}`, payload: { decision: 'reject' } };
        case 'GET /cases/:id/documents/:file':
          return { url: `/api/v1/cases/${c}/documents/tanda-bukti.pdf` };
        case 'POST /cases/:id/documents/tanda-bukti.pdf':
          return {
            method: 'POST',
            url: `/api/v1/cases/${c}/documents/tanda-bukti.pdf`,
            payload: { reason: 'Mencetak tanda bukti untuk berkas fisik (uji akses).' },
          };
        case 'GET /cases/:id/evidence (original)':
          return {
            url: `/api/v1/cases/${c}/evidence/${own ? seed.okiEvidence : seed.plgEvidence}?variant=original&purpose=${encodeURIComponent('Pemeriksaan keaslian (uji akses)')}`,
          };
        case 'GET /terlapor/history':
          return { url: `/api/v1/terlapor/history?nip=${own ? seed.okiNip : seed.plgNip}` };
        case 'POST /temuan':
          return {
            method: 'POST',
            url: '/api/v1/temuan',
            payload: {
              sumber: 'patroli_siber',
              judul: 'Unggahan dukungan paslon',
              uraian: 'Terlapor mengunggah dukungan untuk pasangan calon di media sosial.',
              kodeWilayah: own ? '16.02.05' : '16.71.01',
              tempat: 'Instagram',
              tanggalKejadian: '2024-10-01',
              tanggalDiketahui: '2024-10-02',
              perbuatan: ['lainnya'],
              terlapor: [{ nama: 'Budi Santoso', jabatan: 'Camat', instansi: 'Pemerintah Kabupaten', jenisSubjek: 'PNS' }],
            },
          };
        case 'GET /referrals':
          return { url: '/api/v1/referrals?limit=200' };
        case 'GET /referrals/:id':
          return { url: `/api/v1/referrals/${own ? seed.refBknForwarded : seed.refPlg}` };
        case 'GET /referrals/:id (desa)':
          return { url: `/api/v1/referrals/${own ? seed.refDesa : seed.refPlg}` };
        case 'GET /referrals/:id/letter':
          return { url: `/api/v1/referrals/${own ? seed.refBknForwarded : seed.refPlg}/letter` };
        case 'GET /referrals/:id/letter.pdf':
          return { url: `/api/v1/referrals/${own ? seed.refBknForwarded : seed.refPlg}/letter.pdf` };
        case 'GET /referral-escalations':
          return { url: '/api/v1/referral-escalations' };
        case 'POST /referrals/:id/verify':
          return { method: 'POST', url: `/api/v1/referrals/${own ? seed.refBkn : seed.refPlg}/verify`, payload: {} };
        case 'POST /referrals/:id/forward-to-ppk':
          return { method: 'POST', url: `/api/v1/referrals/${own ? seed.refBkn : seed.refPlg}/forward-to-ppk`, payload: {} };
        case 'POST /referrals/:id/siasn-block':
          return {
            method: 'POST',
            url: `/api/v1/referrals/${own ? seed.refBkn : seed.refPlg}/siasn-block`,
            payload: { reason: 'PPK belum menindaklanjuti.' },
          };
        case 'POST /referrals/:id/sanction':
          return {
            method: 'POST',
            url: `/api/v1/referrals/${own ? seed.refBknForwarded : seed.refPlg}/sanction`,
            payload: { sanction: 'pp94.teguran_lisan', decreeNumber: '800/1/KEP/2024', decreeDate: '2024-10-10' },
          };
        case 'POST /referrals/:id/sanction-applied':
          return { method: 'POST', url: `/api/v1/referrals/${own ? seed.refBknForwarded : seed.refPlg}/sanction-applied`, payload: {} };
        case 'POST /referrals/:id/not-proven':
          return { method: 'POST', url: `/api/v1/referrals/${own ? seed.refBknForwarded : seed.refPlg}/not-proven`, payload: {} };
        case 'POST /cases/import':
          return {
            method: 'POST',
            url: '/api/v1/cases/import?dryRun=true',
            payload: 'Nomor Registrasi\n',
            headers: { 'content-type': 'text/csv' },
          };
        case 'GET /cases/import/template':
          return { url: '/api/v1/cases/import/template' };
        case 'GET /users':
          return { url: '/api/v1/users' };
        case 'POST /users':
          return {
            method: 'POST',
            url: '/api/v1/users',
            payload: { username: `u.${unique()}`, password: 'kata-sandi-rahasia-123', role: 'analyst' },
          };
        case 'GET /agency-tokens':
          return { url: '/api/v1/agency-tokens' };
        case 'POST /agency-tokens':
          return { method: 'POST', url: '/api/v1/agency-tokens', payload: { authority: 'BKN', label: `Token ${unique()}` } };
        case 'POST /agency-tokens/:id/revoke':
          return { method: 'POST', url: `/api/v1/agency-tokens/${seed.tokenId}/revoke`, payload: {} };
        case 'GET /policy-settings':
          return { url: '/api/v1/policy-settings' };
        case 'PUT /policy-settings/:key':
          return { method: 'PUT', url: '/api/v1/policy-settings/public.show_terlapor_names', payload: { value: false } };
        case 'POST /referrals/kasn-handover':
          return { method: 'POST', url: '/api/v1/referrals/kasn-handover' };
        case 'POST /elections/candidates/import':
          return {
            method: 'POST',
            url: '/api/v1/elections/candidates/import',
            headers: { 'content-type': 'text/csv' },
            payload: 'bukan,csv,yang,benar\n1,2,3,4\n',
          };
        case 'POST /risk/import/ikp':
          return { method: 'POST', url: '/api/v1/risk/import/ikp', headers: { 'content-type': 'text/csv' }, payload: 'bukan,csv\n1,2\n' };
        case 'POST /risk/import/history':
          return {
            method: 'POST',
            url: '/api/v1/risk/import/history',
            headers: { 'content-type': 'text/csv' },
            payload: 'bukan,csv\n1,2\n',
          };
        case 'PUT /calendar/:date':
          return {
            method: 'PUT',
            url: '/api/v1/calendar/2030-12-31',
            payload: { name: 'Libur uji akses', kind: 'libur', source: 'Uji akses' },
          };
        case 'DELETE /calendar/:date':
          return { method: 'DELETE', url: '/api/v1/calendar/2030-12-31' };
        case 'PUT /risk/weights':
          return { method: 'PUT', url: '/api/v1/risk/weights', payload: { weights: {} } };
        case 'POST /pledges':
          return {
            method: 'POST',
            url: '/api/v1/pledges',
            payload: {
              agency: 'Dinas Pendidikan',
              regionCode: own ? '16.02.05' : '16.71',
              date: '2024-09-01',
              venue: 'Aula Kantor Camat',
              signatoryCount: 12,
            },
          };
        case 'GET /lead-sources':
          return { url: '/api/v1/lead-sources' };
        case 'POST /lead-sources':
          return {
            method: 'POST',
            url: '/api/v1/lead-sources',
            payload: { kind: 'rss', name: `Umpan ${unique()}`, url: `https://media.example/${unique()}/rss.xml` },
          };
        case 'PATCH /lead-sources/:id':
          return { method: 'PATCH', url: `/api/v1/lead-sources/${seed.leadSource}`, payload: { pollMinutes: 60 } };
        case 'POST /lead-sources/:id/poll':
          return { method: 'POST', url: `/api/v1/lead-sources/${seed.leadSource}/poll` };
        case 'POST /leads/manual':
          return {
            method: 'POST',
            url: '/api/v1/leads/manual',
            payload: {
              url: `https://media.example/${unique()}`,
              text: `Tempelan uji akses ${unique()}: seorang ASN diduga hadir dalam kampanye.`,
            },
          };
        case 'POST /leads/import':
          return {
            method: 'POST',
            url: '/api/v1/leads/import',
            headers: { 'content-type': 'text/csv' },
            payload: `url,text\nhttps://media.example/${unique()},"Impor uji akses ${unique()}: seorang ASN diduga hadir dalam kampanye."\n`,
          };
        case 'POST /leads/push':
          return {
            method: 'POST',
            url: '/api/v1/leads/push',
            payload: {
              url: `https://media.example/${unique()}`,
              text: `Kiriman uji akses ${unique()}: seorang ASN diduga hadir dalam kampanye.`,
            },
          };
        case 'GET /lead-jobs/:id':
          return { url: `/api/v1/lead-jobs/${own ? seed.okiLeadJob : seed.plgLeadJob}` };
        case 'GET /leads':
          return { url: '/api/v1/leads?limit=200' };
        case 'GET /leads/:id':
          return { url: `/api/v1/leads/${own ? seed.okiLead : seed.plgLead}` };
        case 'POST /article-clusters/:id/confirm':
          return { method: 'POST', url: `/api/v1/article-clusters/${own ? seed.okiCluster : seed.plgCluster}/confirm` };
        // The first allowed caller splits the copy off; later ones get 409 (alone in its cluster).
        case 'POST /articles/:id/detach':
          return { method: 'POST', url: `/api/v1/articles/${own ? seed.okiCopy : seed.plgCopy}/detach` };
        // The first allowed caller promotes (a temuan in the lead's region); later ones get 409 (already decided).
        case 'POST /leads/:id/promote':
          return {
            method: 'POST',
            url: `/api/v1/leads/${own ? seed.okiLead : seed.plgLead}/promote`,
            payload: {
              terlapor: [
                {
                  nama: own ? 'Camat Sukamaju' : 'Lurah Talang',
                  jabatan: own ? 'Camat' : 'Lurah',
                  instansi: own ? PEMKAB_OKI : 'Pemerintah Kota Palembang',
                  jenisSubjek: own ? 'camat' : 'lurah',
                },
              ],
            },
          };
        case 'POST /leads/:id/dismiss':
          return { method: 'POST', url: `/api/v1/leads/${own ? seed.okiLead : seed.plgLead}/dismiss`, payload: { reason: 'Uji akses' } };
      }
      throw new Error(`no request for ${endpoint}`);
    }

    function listedIds(body: unknown): Set<string> {
      const items = (body as { items?: { id?: string; caseId?: string }[] }).items ?? [];
      return new Set(items.flatMap((i) => [i.id, i.caseId].filter((x): x is string => typeof x === 'string')));
    }
    const listTarget = (endpoint: string, own: boolean) => {
      if (endpoint === 'GET /referrals') return own ? seed.refBknForwarded : seed.refPlg;
      if (endpoint === 'GET /leads') return own ? seed.okiLead : seed.plgLead;
      return own ? seed.okiCase : seed.plgCase;
    };

    function matches(outcome: Outcome, res: LightMyRequestResponse, endpoint: string, own: boolean): boolean {
      switch (outcome) {
        case 'ok':
          return res.statusCode >= 200 && res.statusCode < 300;
        case 'pass':
          return res.statusCode < 500 && ![401, 403, 404].includes(res.statusCode);
        case 'listed':
        case 'hidden':
          return res.statusCode === 200 && listedIds(res.json()).has(listTarget(endpoint, own)) === (outcome === 'listed');
        default:
          return res.statusCode === outcome;
      }
    }

    test(`matrix: ${Object.keys(MATRIX).length} endpoints × ${ROLES.length} roles × own/foreign`, async () => {
      // Reads first, then the state-changing rows in table order, so earlier writes cannot hide later reads.
      const order = Object.keys(MATRIX).sort((a, b) => Number(!a.startsWith('GET')) - Number(!b.startsWith('GET')));
      const mismatches: string[] = [];
      let checks = 0;
      for (const endpoint of order) {
        for (const role of ROLES) {
          const expected = MATRIX[endpoint][role];
          const pairs: ['own' | 'foreign', Outcome][] = Array.isArray(expected)
            ? [
                ['own', expected[0]],
                ['foreign', expected[1]],
              ]
            : [['own', expected]];
          for (const [scope, outcome] of pairs) {
            const res = await call(role, requestFor(endpoint, scope, role));
            checks++;
            if (res.statusCode >= 400) {
              assert.match(String(res.headers['content-type']), /^application\/problem\+json/, `${endpoint} ${role} ${scope}`);
            }
            if (!matches(outcome, res, endpoint, scope === 'own')) {
              mismatches.push(`${endpoint} as ${role} (${scope}): expected ${outcome}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
            }
          }
        }
      }
      console.log(`[access-matrix ${ctx().kind}] ${Object.keys(MATRIX).length} endpoints × ${ROLES.length} roles: ${checks} checks`);
      assert.deepEqual(mismatches, [], `${mismatches.length} of ${checks} checks differ:\n${mismatches.join('\n')}`);
    });

    test('every staff endpoint of the OpenAPI document has a row in the matrix (or is public / self-service)', async () => {
      const ops = listOperations(app.swagger() as Parameters<typeof listOperations>[0]);
      // Public, self-service (own session) and token-authenticated endpoints are not role-scoped
      // (the lead push endpoint has a row all the same: a staff session must not stand in for its token).
      const notStaff =
        /^(GET|POST) \/api\/v1\/(public\/|laporan|informasi|geo\/locate|lacak|uploads|health|regions|elections(\/\{|$)|risk(\/\{regionCode\}|\/weights|$)|auth\/|agency\/|problems(\/\{code\}|$))/;
      const pending = new Set(['GET /calendar']); // the public holiday calendar
      const covered = new Set(Object.keys(MATRIX).map((k) => k.replace(/ \(.*\)$/, '')));
      const normalise = (path: string) =>
        path
          .replace('/api/v1', '')
          .replace(/\{(\w+)\}/g, ':$1')
          .replace(/\/:sha256$/, '');
      const missing = ops
        .filter((op) => !(op.method === 'GET' && notStaff.test(`${op.method} ${op.path}`)) && !notStaff.test(`${op.method} ${op.path}`))
        .filter((op) => op.path !== '/api/openapi.json')
        .map((op) => `${op.method} ${normalise(op.path)}`)
        .filter((key) => !covered.has(key) && !pending.has(key));
      assert.deepEqual(missing, [], 'staff endpoints without a matrix row');
    });

    test("the reporter's NIK and name appear in no public response, export, staff view without a reveal, or log line", async () => {
      const needles = [seed.reporterNik, REPORTER_NAME];
      const { kode, pin } = seed.okiTracking;
      // Public timelines are reached by each referral's unguessable public key.
      const publicKeyOf = async (id: string) =>
        (await sessions.admin.request({ url: `/api/v1/referrals/${id}` })).json().publicKey as string;
      const publicUrls = [
        '/api/v1/public/stats',
        '/api/v1/public/open-data',
        '/api/v1/public/open-data/cases.csv',
        '/api/v1/public/open-data/regions.geojson',
        `/api/v1/public/referrals/${await publicKeyOf(seed.refBkn)}`,
        `/api/v1/public/referrals/${await publicKeyOf(seed.refDesa)}`,
        '/api/v1/public/referral-stats',
        '/api/v1/public/regions/16.02/profile',
        '/api/v1/public/pledges',
        '/api/v1/risk',
        '/api/v1/risk/16.02',
        '/api/v1/public/guide',
      ];
      const bodies: [string, string][] = [];
      for (const url of publicUrls) {
        const res = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
        assert.ok(res.statusCode < 500 && res.statusCode !== 404, `${url}: ${res.statusCode}`);
        bodies.push([url, res.body]);
      }
      // The reporter's own tracking view (code + PIN) and staff views without a reveal.
      bodies.push(['POST /lacak', (await app.inject({ method: 'POST', url: '/api/v1/lacak', payload: { kode, pin } })).body]);
      for (const role of ['admin', 'pengawas_kabkota', 'analyst'] as const) {
        bodies.push([`${role} case detail`, (await sessions[role].request({ url: `/api/v1/cases/${seed.okiCase}` })).body]);
        bodies.push([`${role} case list`, (await sessions[role].request({ url: '/api/v1/cases?limit=200' })).body]);
        bodies.push([`${role} referral`, (await sessions[role].request({ url: `/api/v1/referrals/${seed.refBkn}` })).body]);
      }
      for (const [where, body] of bodies) {
        for (const needle of needles)
          assert.ok(!body.includes(needle), `${where} contains the reporter's ${needle === REPORTER_NAME ? 'name' : 'NIK'}`);
      }
      // A reveal (audited) does return it — to the caller, not to the logs.
      const revealed = await oki.request({
        method: 'POST',
        url: `/api/v1/cases/${seed.okiCase}/reporter-identity`,
        payload: { reason: 'Klarifikasi kepada pelapor.' },
      });
      assert.equal(revealed.json().identity.nik, seed.reporterNik);
      const receipt = await app.inject({ method: 'POST', url: '/api/v1/lacak/tanda-bukti', payload: { kode, pin } });
      assert.equal(receipt.statusCode, 200);

      const logs = logLines.join('');
      assert.ok(logs.includes('"level":30'), 'info-level request logs were captured');
      assert.ok(logs.includes('/api/v1/laporan'), 'the intake requests were logged');
      for (const needle of needles)
        assert.ok(!logs.includes(needle), `the server logs contain the reporter's ${needle === REPORTER_NAME ? 'name' : 'NIK'}`);
    });

    test('stored script in every free-text field is refused (400 naming the field) or returned inert as JSON text', async () => {
      const scripts = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];
      const results: string[] = [];
      for (const script of scripts) {
        const laporan = (mutate: (b: any) => void) => {
          const b = structuredClone(buildLaporanInput()) as any;
          mutate(b);
          return b;
        };
        // [name, role, request, read-back (for accepted input): url and role]
        const cases: [string, Role, InjectOptions, { role: Role; url: string } | null][] = [
          [
            'laporan pelapor.nama',
            'public',
            {
              method: 'POST',
              url: '/api/v1/laporan',
              payload: laporan((b) => {
                b.pelapor.nama = script;
              }),
            },
            null,
          ],
          [
            'laporan pelapor.alamat',
            'public',
            {
              method: 'POST',
              url: '/api/v1/laporan',
              payload: laporan((b) => {
                b.pelapor.alamat = `Jl. Merdeka ${script}`;
              }),
            },
            null,
          ],
          [
            'laporan peristiwa.uraian',
            'public',
            {
              method: 'POST',
              url: '/api/v1/laporan',
              payload: laporan((b) => {
                b.peristiwa.uraian = `Terlapor berorasi di kampanye terbuka ${script} pada sore hari.`;
              }),
            },
            null,
          ],
          [
            'laporan peristiwa.judul',
            'public',
            {
              method: 'POST',
              url: '/api/v1/laporan',
              payload: laporan((b) => {
                b.peristiwa.judul = script;
              }),
            },
            null,
          ],
          [
            'laporan peristiwa.tempat',
            'public',
            {
              method: 'POST',
              url: '/api/v1/laporan',
              payload: laporan((b) => {
                b.peristiwa.tempat = script;
              }),
            },
            null,
          ],
          [
            'laporan terlapor.jabatan',
            'public',
            {
              method: 'POST',
              url: '/api/v1/laporan',
              payload: laporan((b) => {
                b.terlapor[0].jabatan = script;
              }),
            },
            null,
          ],
          [
            'laporan terlapor.instansi',
            'public',
            {
              method: 'POST',
              url: '/api/v1/laporan',
              payload: laporan((b) => {
                b.terlapor[0].instansi = script;
              }),
            },
            null,
          ],
          [
            'laporan saksi.nama',
            'public',
            {
              method: 'POST',
              url: '/api/v1/laporan',
              payload: laporan((b) => {
                b.saksi[0].nama = script;
              }),
            },
            null,
          ],
          [
            'lacak/cabut alasan',
            'public',
            { method: 'POST', url: '/api/v1/lacak/cabut', payload: { ...seed.okiTracking, alasan: script } },
            null,
          ],
          [
            'case note',
            'pengawas_kabkota',
            { method: 'POST', url: `/api/v1/cases/${seed.okiCase}/notes`, payload: { note: script } },
            { role: 'pengawas_kabkota', url: `/api/v1/cases/${seed.okiCase}` },
          ],
          [
            'case action reason',
            'pengawas_kabkota',
            {
              method: 'POST',
              url: `/api/v1/cases/${seed.okiCase}/actions`,
              payload: { action: 'limpahkan', reason: script, targetOfficeCode: '16.02' },
            },
            null,
          ],
          [
            'reporter-identity reason',
            'pengawas_kabkota',
            { method: 'POST', url: `/api/v1/cases/${seed.okiCase}/reporter-identity`, payload: { reason: script } },
            null,
          ],
          [
            'temuan uraian',
            'pengawas_kabkota',
            {
              method: 'POST',
              url: '/api/v1/temuan',
              payload: {
                sumber: 'media',
                judul: 'Berita daring',
                uraian: `Dukungan terbuka kepada paslon ${script}`,
                kodeWilayah: '16.02.05',
                tempat: 'Portal berita',
                tanggalKejadian: '2024-10-01',
                tanggalDiketahui: '2024-10-02',
                perbuatan: ['lainnya'],
                terlapor: [{ nama: 'Budi', jabatan: 'Camat', instansi: 'Pemkab OKI', jenisSubjek: 'PNS' }],
              },
            },
            null,
          ],
          [
            'referral verify note',
            'bkn',
            { method: 'POST', url: `/api/v1/referrals/${seed.refPlg}/verify`, payload: { note: script } },
            { role: 'bkn', url: `/api/v1/referrals/${seed.refPlg}` },
          ],
          [
            'siasn-block reason',
            'bkn',
            { method: 'POST', url: `/api/v1/referrals/${seed.refPlg}/siasn-block`, payload: { reason: script } },
            null,
          ],
          [
            'agency token label',
            'admin',
            { method: 'POST', url: '/api/v1/agency-tokens', payload: { authority: 'BKN', label: script } },
            { role: 'admin', url: '/api/v1/agency-tokens' },
          ],
          [
            'user displayName',
            'admin',
            {
              method: 'POST',
              url: '/api/v1/users',
              payload: {
                username: `xss.${randomBytes(3).toString('hex')}`,
                displayName: script,
                password: 'kata-sandi-rahasia-123',
                role: 'analyst',
              },
            },
            { role: 'admin', url: '/api/v1/users' },
          ],
          [
            'pledge venue',
            'pengawas_kabkota',
            {
              method: 'POST',
              url: '/api/v1/pledges',
              payload: { agency: 'Dinas Kesehatan', regionCode: '16.02', date: '2024-09-01', venue: script, signatoryCount: 3 },
            },
            { role: 'public', url: '/api/v1/public/pledges?region=16.02&limit=500' },
          ],
          [
            'pledge signatory name',
            'pengawas_kabkota',
            {
              method: 'POST',
              url: '/api/v1/pledges',
              payload: {
                agency: 'Dinas Sosial',
                regionCode: '16.02',
                date: '2024-09-01',
                venue: 'Aula',
                signatories: [{ name: script, position: 'Kepala' }],
              },
            },
            null,
          ],
        ];
        for (const [name, role, request, readBack] of cases) {
          const res = await call(role, request);
          assert.ok(res.statusCode < 500, `${name}: ${res.statusCode} ${res.body}`);
          if (res.statusCode === 400) {
            assert.equal(res.json().code, 'validation_failed', name);
            assert.ok(res.json().field, `${name}: 400 names the field`);
            results.push(`${name}: refused`);
            continue;
          }
          // Accepted (or refused for another reason, e.g. a state-machine 409): never HTML, and any echo is JSON text.
          assert.match(String(res.headers['content-type']), /^application\/(problem\+)?json/, name);
          assert.equal(res.headers['x-content-type-options'], 'nosniff', name);
          if (res.statusCode < 300 && readBack) {
            const back = await call(readBack.role, { url: readBack.url });
            assert.match(String(back.headers['content-type']), /^application\/json/, `${name} read-back`);
            assert.ok(back.body.includes(JSON.stringify(script).slice(1, -1)), `${name}: stored verbatim and returned as JSON text`);
            assert.doesNotThrow(() => back.json());
          }
          results.push(`${name}: ${res.statusCode}`);
        }
      }
      // Citizen-facing text (laporan, temuan, case handling) refuses markup outright.
      for (const line of results.filter((r) => /^(laporan|temuan|case note|reporter-identity|lacak)/.test(r)))
        assert.match(line, /refused$/, line);
    });

    test('CSRF: every state-changing endpoint with the session cookie but no X-CSRF-Token → 403 csrf_failed, whatever the body', async () => {
      const ops = listOperations(app.swagger() as Parameters<typeof listOperations>[0]).filter((op) => op.method !== 'GET');
      assert.ok(ops.length >= 30);
      const fill = (path: string) =>
        path.replace(/\{(\w+)\}/g, (_, name: string) =>
          name === 'linkId' ? String(seed.okiLink) : name === 'key' ? 'public.show_terlapor_names' : seed.okiCase,
        );
      const before = (await ctx().db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events')).rows[0].n;
      for (const op of ops) {
        for (const payload of [{}, { valid: false, note: 'x' }]) {
          const res = await app.inject({
            method: op.method as 'POST',
            url: fill(op.path),
            payload,
            headers: { cookie: sessions.admin.cookie },
          });
          assert.equal(res.statusCode, 403, `${op.method} ${op.path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          assert.equal(res.json().code, 'csrf_failed', `${op.method} ${op.path}`);
          assert.equal(res.json().field, 'x-csrf-token');
        }
      }
      const wrong = await app.inject({
        method: 'POST',
        url: `/api/v1/cases/${seed.okiCase}/notes`,
        payload: { note: 'Catatan.' },
        headers: { cookie: sessions.admin.cookie, 'x-csrf-token': 'tebakan' },
      });
      assert.equal(wrong.json().code, 'csrf_failed');
      assert.equal(
        (await ctx().db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events')).rows[0].n,
        before,
        'nothing was written',
      );
    });

    test('cross-site form posts (urlencoded, text/plain, multipart) to JSON endpoints → 415 problem+json', async () => {
      const jsonOps = listOperations(app.swagger() as Parameters<typeof listOperations>[0]).filter((op) => op.jsonBody);
      assert.ok(jsonOps.length >= 25);
      const fill = (path: string) =>
        path.replace(/\{(\w+)\}/g, (_, name: string) =>
          name === 'linkId' ? String(seed.okiLink) : name === 'key' ? 'public.show_terlapor_names' : seed.okiCase,
        );
      for (const op of jsonOps) {
        for (const [contentType, body] of [
          ['application/x-www-form-urlencoded', 'note=x&action=registrasi'],
          ['text/plain', '{"note":"x"}'],
          ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="note"\r\n\r\nx\r\n--x--\r\n'],
        ]) {
          // As the public, and with a full session (cookie + CSRF): the media type alone is refused.
          for (const role of ['public', 'admin'] as const) {
            const res = await call(role, {
              method: op.method as 'POST',
              url: fill(op.path),
              payload: body,
              headers: { 'content-type': contentType },
            });
            assert.equal(
              res.statusCode,
              415,
              `${op.method} ${op.path} ${contentType} as ${role}: ${res.statusCode} ${res.body.slice(0, 200)}`,
            );
            assert.equal(res.json().code, 'unsupported_media_type');
          }
        }
      }
    });

    test('rate limits do not punish a shared address: 30 reporters behind one IP each submit', async () => {
      for (let i = 0; i < 30; i++) {
        const input = buildLaporanInput({ pelapor: { nik: `16020155089${String(10 + i).padStart(5, '0')}` } });
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/laporan',
          payload: input,
          remoteAddress: '203.0.113.7',
          headers: { 'x-forwarded-for': '203.0.113.7' },
        });
        assert.equal(res.statusCode, 201, `reporter ${i}: ${res.body.slice(0, 200)}`);
      }
      // The per-reporter limit (intake.ts MAX_REPORTS_PER_PERSON_PER_HOUR) still applies to one NIK.
      const nik = '1602015508909999';
      let last: LightMyRequestResponse | undefined;
      for (let i = 0; i < 21; i++)
        last = await app.inject({
          method: 'POST',
          url: '/api/v1/laporan',
          payload: buildLaporanInput({ pelapor: { nik } }),
          remoteAddress: '203.0.113.7',
        });
      assert.equal(last!.statusCode, 429);
      assert.equal(last!.json().code, 'rate_limited');
      assert.equal(last!.json().field, 'pelapor.nik');
    });
  },
);
