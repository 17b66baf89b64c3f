import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from '../support/backends.ts';
import { buildUser, signIn, type Session } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createVault } from '../../src/server/platform/vault.ts';
import { createDiskEvidenceStore, sha256Hex, type EvidenceStore } from '../../src/server/platform/storage.ts';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { s3Unavailable, startS3Server, type S3TestServer } from '../support/s3.ts';
import { verifyAuditChain } from '../../src/server/modules/audit/service.ts';
import { expireUnclaimedUploads } from '../../src/server/modules/evidence/expiry.ts';
import { exifOrientation } from '../../src/domain/evidence/strip.ts';
import { deflateSync } from 'node:zlib';
import {
  exifSegment,
  jpeg,
  mp4,
  pdf,
  pdfWithCompressedJavaScript,
  pdfWithObjects,
  pdfWithScriptInObjectStream,
  png,
} from '../unit/evidence-fixtures.ts';

const clock = new Date('2024-10-10T03:00:00Z');

interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  content: Buffer | string;
}
function multipart(parts: Part[]) {
  const boundary = `----netra${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.filename !== undefined ? `Content-Type: ${p.contentType ?? 'application/octet-stream'}\r\n` : ''}\r\n`,
      ),
    );
    chunks.push(Buffer.isBuffer(p.content) ? p.content : Buffer.from(p.content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const has = (hay: Buffer, needle: string) => hay.includes(Buffer.from(needle, 'latin1'));

// The same suite on the local store and on a real S3-protocol server (s3rver, test/support/s3.ts).
const skipS3 = s3Unavailable();
for (const storeKind of ['disk', 's3'] as const)
  describeEachBackend(
    `evidence uploads (${storeKind} store)`,
    (ctx) => {
      let app: FastifyInstance;
      let storeRoot: string;
      let store: EvidenceStore;
      let s3: S3TestServer | undefined;
      /** Overwrites a stored file behind the store's back (a disk fault, or another writer on the bucket). */
      const tamper = async (sha: string, bytes: Buffer) => {
        if (storeKind === 'disk') {
          const path = join(storeRoot, sha.slice(0, 2), sha);
          chmodSync(path, 0o640);
          writeFileSync(path, bytes);
        } else {
          await (store as EvidenceStore & { client: S3Client }).client.send(
            new PutObjectCommand({ Bucket: s3!.bucket, Key: `bukti/${sha.slice(0, 2)}/${sha}`, Body: bytes }),
          );
        }
      };
      let oki: Session;
      let palembang: Session;
      let analyst: Session;

      const upload = (content: Buffer, filename: string, options: { field?: string; contentType?: string } = {}) => {
        const body = multipart([{ name: options.field ?? 'file', filename, contentType: options.contentType ?? 'image/jpeg', content }]);
        return app.inject({ method: 'POST', url: '/api/v1/uploads', ...body });
      };
      const counts = async () => {
        const row = await ctx().db.query<{ files: number; uploads: number; derived: number }>(
          'SELECT (SELECT count(*)::int FROM evidence_files) AS files, (SELECT count(*)::int FROM uploads) AS uploads, (SELECT count(*)::int FROM evidence_derivatives) AS derived',
        );
        return row.rows[0];
      };
      const fileLaporan = async (bukti: string[]) => {
        const res = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput({ bukti }) });
        assert.equal(res.statusCode, 201, res.body);
        const queue = (await oki.request({ url: '/api/v1/cases' })).json();
        return queue.items.find((i: { trackingCode: string }) => i.trackingCode === res.json().trackingCode).id as string;
      };

      before(async () => {
        const dataDir = mkdtempSync(join(tmpdir(), 'netra-evidence-'));
        storeRoot = join(dataDir, 'evidence');
        if (storeKind === 's3') s3 = await startS3Server();
        store = s3 ? s3.store() : createDiskEvidenceStore(storeRoot);
        const config = loadConfig({ NETRA_LOG_LEVEL: 'silent', NETRA_REQUIRE_TOTP: 'off' } as NodeJS.ProcessEnv, { dataDir });
        app = await buildApp({ db: ctx().db, config, vault: createVault(randomBytes(32)), evidence: store, now: () => clock });
        const a = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '16.02' });
        oki = await signIn(app, a.username, a.password);
        const b = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '16.71' });
        palembang = await signIn(app, b.username, b.password);
        const c = await buildUser(ctx().db, { role: 'analyst' });
        analyst = await signIn(app, c.username, c.password);
      });
      after(async () => {
        await app?.close();
        await s3?.stop();
      });

      test('JPEG with EXIF: upload, link to a laporan, public copy without EXIF, original intact and logged', async () => {
        const original = jpeg({
          width: 32,
          height: 24,
          segments: [exifSegment({ orientation: 6, artist: 'Siti Aminah; GPS -3.4012,104.8213' })],
          comment: 'dibuat oleh HP Siti',
        });
        const res = await upload(original, 'IMG_20241008.jpg', { contentType: 'application/pdf' /* ignored: content decides */ });
        assert.equal(res.statusCode, 201, res.body);
        const body = res.json();
        assert.match(body.id, /^[a-zA-Z0-9_-]{10,64}$/);
        assert.equal(body.sha256, sha256Hex(original));
        assert.equal(body.mimeType, 'image/jpeg');
        assert.equal(body.kind, 'image');
        assert.equal(body.size, original.length);

        const caseId = await fileLaporan([body.id]);
        const detail = (await oki.request({ url: `/api/v1/cases/${caseId}` })).json();
        assert.deepEqual(
          detail.evidence.map((e: { sha256: string }) => e.sha256),
          [body.sha256],
        );

        const pub = await oki.request({ url: `/api/v1/cases/${caseId}/evidence/${body.sha256}` });
        assert.equal(pub.statusCode, 200, pub.body);
        assert.equal(pub.headers['content-type'], 'image/jpeg');
        assert.match(String(pub.headers['content-disposition']), /^attachment; filename="publik-IMG_20241008\.jpg"/);
        assert.equal(pub.headers['x-content-type-options'], 'nosniff');
        const publicBytes = pub.rawPayload;
        assert.ok(!has(publicBytes, 'Siti') && !has(publicBytes, 'GPS'), 'no EXIF or comment in the public copy');
        assert.notEqual(sha256Hex(publicBytes), body.sha256);
        assert.equal(exifOrientation(publicBytes.subarray(publicBytes.indexOf(Buffer.from([0xff, 0xe1])) + 4)), 6, 'orientation kept');

        const noPurpose = await oki.request({ url: `/api/v1/cases/${caseId}/evidence/${body.sha256}?variant=original` });
        assert.equal(noPurpose.statusCode, 400);
        assert.equal(noPurpose.json().field, 'purpose');

        const orig = await oki.request({
          url: `/api/v1/cases/${caseId}/evidence/${body.sha256}?variant=original&purpose=${encodeURIComponent('Pemeriksaan metadata lokasi untuk kajian')}`,
        });
        assert.equal(orig.statusCode, 200);
        assert.equal(sha256Hex(orig.rawPayload), body.sha256);
        assert.ok(orig.rawPayload.equals(original), 'original unchanged');

        const log = await ctx().db.query<{ actor_id: string; purpose: string; variant: string; case_id: string }>(
          'SELECT actor_id, purpose, variant, case_id FROM evidence_access_log WHERE sha256 = $1 ORDER BY id',
          [body.sha256],
        );
        assert.equal(log.rows.length, 2);
        assert.deepEqual(
          log.rows.map((r) => r.variant),
          ['public', 'original'],
        );
        assert.equal(log.rows[1].purpose, 'Pemeriksaan metadata lokasi untuk kajian');
        assert.ok(log.rows.every((r) => r.case_id === caseId && r.actor_id));
        const audit = await ctx().db.query<{ action: string }>(
          "SELECT action FROM audit_events WHERE entity_id = $1 AND action = 'evidence.original_read'",
          [caseId],
        );
        assert.equal(audit.rows.length, 1);
        assert.equal((await verifyAuditChain(ctx().db)).ok, true);

        // Jurisdiction: another office sees nothing; analysts do not read files.
        assert.equal((await palembang.request({ url: `/api/v1/cases/${caseId}/evidence/${body.sha256}` })).statusCode, 404);
        assert.equal((await analyst.request({ url: `/api/v1/cases/${caseId}/evidence/${body.sha256}` })).statusCode, 403);
        assert.equal((await app.inject({ url: `/api/v1/cases/${caseId}/evidence/${body.sha256}` })).statusCode, 401);
        assert.equal((await oki.request({ url: `/api/v1/cases/${caseId}/evidence/${'0'.repeat(64)}` })).statusCode, 404);

        // An upload belongs to one laporan only.
        const again = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput({ bukti: [body.id] }) });
        assert.equal(again.statusCode, 400);
        assert.equal(again.json().field, 'bukti');
      });

      test('PNG with tEXt: public copy has no text chunks; identical uploads share one stored file', async () => {
        const original = png({ width: 8, height: 8, text: { Author: 'Siti Aminah', Comment: 'Jl. Letnan Mukhtar Saleh' }, exif: true });
        const first = (await upload(original, 'tangkapan.png')).json();
        const second = await upload(original, 'tangkapan-lagi.png');
        assert.equal(second.statusCode, 201);
        assert.notEqual(second.json().id, first.id);
        assert.equal(second.json().sha256, first.sha256);
        const caseId = await fileLaporan([first.id]);
        const pub = await oki.request({ url: `/api/v1/cases/${caseId}/evidence/${first.sha256}?variant=public` });
        assert.equal(pub.statusCode, 200);
        assert.equal(pub.headers['content-type'], 'image/png');
        for (const needle of ['tEXt', 'eXIf', 'tIME', 'Siti']) assert.ok(!has(pub.rawPayload, needle), needle);
        assert.ok(has(pub.rawPayload, 'IDAT'));
      });

      test('PDF public copy drops the author; a video has no public copy and needs the original with a purpose', async () => {
        const doc = (await upload(pdf({ info: 'Siti Aminah' }), 'surat.pdf')).json();
        const video = await upload(mp4(), 'rekaman.mp4');
        assert.equal(video.statusCode, 201, video.body);
        assert.equal(video.json().kind, 'video');
        const caseId = await fileLaporan([doc.id, video.json().id]);
        const pub = await oki.request({ url: `/api/v1/cases/${caseId}/evidence/${doc.sha256}` });
        assert.equal(pub.statusCode, 200);
        assert.ok(pub.rawPayload.subarray(0, 5).toString() === '%PDF-');
        assert.ok(!has(pub.rawPayload, 'Siti'));
        const noCopy = await oki.request({ url: `/api/v1/cases/${caseId}/evidence/${video.json().sha256}` });
        assert.equal(noCopy.statusCode, 404);
        assert.equal(noCopy.json().field, 'variant');
        const original = await oki.request({
          url: `/api/v1/cases/${caseId}/evidence/${video.json().sha256}?variant=original&purpose=${encodeURIComponent('Menonton rekaman untuk klarifikasi')}`,
        });
        assert.equal(original.statusCode, 200);
        assert.equal(original.headers['content-type'], 'video/mp4');
      });

      test('a corrupted stored file answers 409 (integrity), not 500', async () => {
        const original = jpeg({ width: 8, height: 8, comment: 'x' });
        const up = (await upload(original, 'rusak.jpg')).json();
        const caseId = await fileLaporan([up.id]);
        await tamper(up.sha256, Buffer.concat([original, Buffer.from('tampered')]));
        const res = await oki.request({
          url: `/api/v1/cases/${caseId}/evidence/${up.sha256}?variant=original&purpose=${encodeURIComponent('Memeriksa integritas berkas')}`,
        });
        assert.equal(res.statusCode, 409);
        assert.equal(res.json().code, 'conflict');
        assert.match(res.json().message.id, /integritas berkas gagal/i);
      });

      test('hostile uploads: 4xx naming the file field, nothing stored', async () => {
        const svg =
          '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script></svg>';
        const cases: { name: string; status: number; code?: string; send: () => ReturnType<typeof upload> }[] = [
          { name: 'SVG with script', status: 415, send: () => upload(Buffer.from(svg), 'peta.svg', { contentType: 'image/svg+xml' }) },
          { name: 'SVG renamed .png', status: 415, send: () => upload(Buffer.from(svg), 'peta.png', { contentType: 'image/png' }) },
          {
            name: 'HTML renamed .jpg',
            status: 415,
            send: () => upload(Buffer.from('<!doctype html><html><script>fetch("/api/v1/cases")</script></html>'), 'foto.jpg'),
          },
          {
            name: 'PDF renamed .png',
            status: 415,
            code: 'unsupported_media_type',
            send: () => upload(pdf(), 'foto.png', { contentType: 'image/png' }),
          },
          { name: 'PDF named photo.jpg', status: 415, code: 'unsupported_media_type', send: () => upload(pdf(), 'photo.jpg') },
          { name: 'polyglot JPEG with <script>', status: 415, send: () => upload(jpeg({ comment: '<script>alert(1)</script>' }), 'a.jpg') },
          { name: 'polyglot PNG with <html>', status: 415, send: () => upload(png({ text: { c: '<html><body onload=x>' } }), 'a.png') },
          {
            name: 'PDF with /JavaScript',
            status: 422,
            code: 'pdf_active_content',
            send: () =>
              upload(pdf({ extra: '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>' }), 'surat.pdf', {
                contentType: 'application/pdf',
              }),
          },
          {
            name: 'PDF with compressed JavaScript',
            status: 422,
            code: 'pdf_active_content',
            send: () => upload(pdfWithCompressedJavaScript(), 'surat.pdf'),
          },
          {
            name: 'PDF with /Launch',
            status: 422,
            code: 'pdf_active_content',
            send: () => upload(pdf({ extra: '/OpenAction << /S /Launch /F (calc.exe) >>' }), 'surat.pdf'),
          },
          {
            name: '60-megapixel PNG header',
            status: 413,
            send: () => upload(png({ width: 10_000, height: 6_000, pixels: false }), 'bom.png'),
          },
          { name: 'empty file', status: 400, send: () => upload(Buffer.alloc(0), 'kosong.jpg') },
          {
            name: 'image over 10 MB',
            status: 413,
            code: 'payload_too_large',
            send: () =>
              upload(
                jpeg({
                  segments: Array.from({ length: 170 }, () =>
                    Buffer.concat([Buffer.from([0xff, 0xe2, 0xff, 0xff]), Buffer.alloc(65533, 0x20)]),
                  ),
                }),
                'besar.jpg',
              ),
          },
          {
            name: 'zip',
            status: 415,
            send: () =>
              upload(Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'), randomBytes(64)]), 'bukti.zip', {
                contentType: 'application/zip',
              }),
          },
          {
            name: 'exe (MZ)',
            status: 415,
            send: () => upload(Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(64)]), 'foto.jpg'),
          },
          { name: 'wrong field name', status: 400, send: () => upload(jpeg(), 'a.jpg', { field: 'bukti' }) },
          {
            name: 'no file (text field only)',
            status: 400,
            send: () => app.inject({ method: 'POST', url: '/api/v1/uploads', ...multipart([{ name: 'file', content: 'bukan berkas' }]) }),
          },
          {
            name: 'not multipart',
            status: 415,
            send: () => app.inject({ method: 'POST', url: '/api/v1/uploads', payload: { file: 'x' } }),
          },
        ];
        const beforeCounts = await counts();
        for (const c of cases) {
          const res = await c.send();
          assert.equal(res.statusCode, c.status, `${c.name}: ${res.body}`);
          assert.match(String(res.headers['content-type']), /application\/problem\+json/, c.name);
          assert.equal(res.json().field, 'file', c.name);
          if (c.code) assert.equal(res.json().code, c.code, c.name);
        }
        const ext = await upload(pdf(), 'photo.jpg');
        assert.match(ext.json().message.id, /ekstensi tidak sesuai isi berkas/i);
        assert.deepEqual(await counts(), beforeCounts);
      });

      test('PDFs with active content anywhere in the object graph: 422 pdf_active_content naming what was found, nothing stored', async () => {
        const asImage = '/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8';
        const cases: [string, Buffer, string][] = [
          ['JavaScript in a Flate object stream', pdfWithScriptInObjectStream(['FlateDecode']), 'JavaScript'],
          ['JavaScript in an ASCIIHex object stream', pdfWithScriptInObjectStream(['ASCIIHexDecode']), 'JavaScript'],
          ['JavaScript in an ASCII85 object stream', pdfWithScriptInObjectStream(['ASCII85Decode']), 'JavaScript'],
          ['object stream tagged as an image', pdfWithScriptInObjectStream(['FlateDecode'], { streamType: asImage }), 'JavaScript'],
          [
            'JavaScript action in a stream tagged as an image',
            pdfWithObjects([
              { dict: `${asImage} /Filter /FlateDecode`, data: deflateSync(Buffer.from('<< /S /JavaScript /JS (app.alert\\(1\\)) >>')) },
            ]),
            'JavaScript',
          ],
          ['/OpenAction /URI', pdf({ extra: '/OpenAction << /S /URI /URI (https://contoh.test/x) >>' }), 'OpenAction URI'],
          [
            '/AA /SubmitForm',
            pdf({ extra: '/AA << /WC << /S /SubmitForm /F << /FS /URL /F (https://contoh.test/) >> >> >>' }),
            'SubmitForm',
          ],
          ['/Launch', pdf({ extra: '/OpenAction << /S /Launch /F (cmd.exe) >>' }), 'Launch'],
          [
            'embedded file',
            pdfWithObjects(
              ['<< /Type /Filespec /F (a.exe) /EF << /F 7 0 R >> >>', { dict: '/Type /EmbeddedFile', data: Buffer.from('MZ') }],
              { extra: '/Names << /Embedded#46iles << /Names [(a.exe) 6 0 R] >> >>' },
            ),
            'EmbeddedFile',
          ],
          ['name escape /J#61vaScript', pdf({ extra: '/OpenAction << /S /J#61vaScript /JS (x) >>' }), 'JavaScript'],
        ];
        const beforeCounts = await counts();
        for (const [name, bytes, what] of cases) {
          const res = await upload(bytes, 'surat.pdf', { contentType: 'application/pdf' });
          assert.equal(res.statusCode, 422, `${name}: ${res.body}`);
          assert.match(String(res.headers['content-type']), /application\/problem\+json/, name);
          const problem = res.json();
          assert.equal(problem.code, 'pdf_active_content', name);
          assert.equal(problem.field, 'file', name);
          assert.match(problem.detail, /PDF berisi konten aktif/, name);
          assert.ok(
            (problem.details.found as string[]).some((f) => f.startsWith(what)),
            `${name}: ${problem.details.found}`,
          );
        }
        const body = multipart([
          { name: 'file', filename: 'a.pdf', contentType: 'application/pdf', content: pdfWithScriptInObjectStream(['ASCII85Decode']) },
        ]);
        const english = await app.inject({
          method: 'POST',
          url: '/api/v1/uploads',
          payload: body.payload,
          headers: { ...body.headers, 'accept-language': 'en' },
        });
        assert.equal(english.statusCode, 422);
        assert.match(english.json().detail, /The PDF contains active content \(JavaScript/);
        assert.deepEqual(await counts(), beforeCounts);
        assert.equal((await verifyAuditChain(ctx().db)).ok, true);
      });

      test('a clean PDF with internal and web links is accepted; its public copy is page content only', async () => {
        const clean = pdfWithObjects(
          [
            '<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /GoTo /D [3 0 R /Fit] >> >>',
            '<< /Type /Annot /Subtype /Link /Rect [0 20 10 30] /A << /S /URI /URI (https://kpu.go.id/) >> >>',
          ],
          { extra: '/OpenAction [3 0 R /Fit] /PageMode /UseOutlines' },
        );
        const withAnnots = Buffer.from(
          clean.toString('latin1').replace('/Contents 4 0 R', '/Contents 4 0 R /Annots [6 0 R 7 0 R]'),
          'latin1',
        );
        const res = await upload(withAnnots, 'tautan.pdf', { contentType: 'application/pdf' });
        assert.equal(res.statusCode, 201, res.body);
        const caseId = await fileLaporan([res.json().id]);
        const pub = await oki.request({ url: `/api/v1/cases/${caseId}/evidence/${res.json().sha256}` });
        assert.equal(pub.statusCode, 200);
        assert.equal(pub.rawPayload.subarray(0, 5).toString(), '%PDF-');
        for (const needle of ['/JavaScript', '/OpenAction', '/URI', '/Annots', '/AA', '/AcroForm', '/Names', 'Siti'])
          assert.ok(!has(pub.rawPayload, needle), needle);
        assert.ok(has(pub.rawPayload, '/Page'), 'the page survives');
      });

      test('a PDF the parser cannot read is refused (400), not kept without a public copy', async () => {
        const beforeCounts = await counts();
        const broken = Buffer.from(
          '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
          'latin1',
        );
        const res = await upload(broken, 'rusak.pdf', { contentType: 'application/pdf' });
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.json().field, 'file');
        assert.deepEqual(await counts(), beforeCounts);
      });

      test('a file beyond the largest limit is cut off while streaming (413, field file)', async () => {
        const beforeCounts = await counts();
        const huge = Buffer.concat([mp4(), Buffer.alloc(50 * 1024 * 1024 + 16)]);
        const res = await upload(huge, 'panjang.mp4', { contentType: 'video/mp4' });
        assert.equal(res.statusCode, 413, res.body);
        assert.equal(res.json().field, 'file');
        assert.deepEqual(await counts(), beforeCounts);
      });

      // Last in the suite: it expires every upload the tests above left unclaimed.
      test('unclaimed uploads expire after the policy period with their files (audited); claimed and shared files stay', async () => {
        const db = ctx().db;
        const hour = 3_600_000;
        const lost = (await upload(jpeg({ width: 9, height: 9, comment: 'tidak jadi dilaporkan' }), 'lupa.jpg')).json();
        const kept = (await upload(jpeg({ width: 10, height: 10, comment: 'dilaporkan' }), 'bukti.jpg')).json();
        const twin = (await upload(jpeg({ width: 10, height: 10, comment: 'dilaporkan' }), 'bukti-lagi.jpg')).json();
        assert.equal(twin.sha256, kept.sha256, 'same bytes, one stored file');
        const caseId = await fileLaporan([kept.id]);
        const publicOf = async (sha: string) =>
          (
            await db.query<{ derived_sha256: string }>(
              "SELECT derived_sha256 FROM evidence_derivatives WHERE original_sha256 = $1 AND variant = 'public'",
              [sha],
            )
          ).rows[0]?.derived_sha256;
        const lostPublic = await publicOf(lost.sha256);
        assert.ok(lostPublic && (await store.has(lost.sha256)) && (await store.has(lostPublic)));

        // Within the default 48 hours nothing goes.
        assert.equal((await expireUnclaimedUploads({ db, evidence: store }, new Date(clock.getTime() + 47 * hour))).expiredUploads, 0);
        assert.ok(await store.has(lost.sha256));

        const result = await expireUnclaimedUploads({ db, evidence: store }, new Date(clock.getTime() + 49 * hour));
        assert.ok(result.expiredUploads >= 2, JSON.stringify(result));
        assert.equal(await store.has(lost.sha256), false, 'the unclaimed original left the store');
        assert.equal(await store.has(lostPublic), false, 'and its public copy');
        const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM uploads WHERE id = ANY($1::text[])', [
          [lost.id, twin.id],
        ]);
        assert.equal(rows.rows[0].n, 0, 'both unclaimed upload rows are gone');
        assert.equal((await db.query('SELECT 1 FROM evidence_files WHERE sha256 = $1', [lost.sha256])).rows.length, 0);
        // The twin's bytes belong to a filed laporan: the file stays and is still served.
        assert.ok(await store.has(kept.sha256));
        const served = await oki.request({
          url: `/api/v1/cases/${caseId}/evidence/${kept.sha256}?variant=original&purpose=${encodeURIComponent('Memeriksa bukti setelah kedaluwarsa')}`,
        });
        assert.equal(served.statusCode, 200);
        assert.equal(sha256Hex(served.rawPayload), kept.sha256);
        const audit = await db.query<{ data: { sha256: string; deletedFiles: string[]; policyHours: number; store: string } }>(
          "SELECT data FROM audit_events WHERE action = 'evidence.upload_expired' AND entity_id = $1",
          [lost.id],
        );
        assert.equal(audit.rows.length, 1);
        assert.deepEqual([...audit.rows[0].data.deletedFiles].sort(), [lost.sha256, lostPublic].sort());
        assert.equal(audit.rows[0].data.policyHours, 48);
        assert.equal(audit.rows[0].data.store, storeKind);
        const twinAudit = await db.query<{ data: { deletedFiles: string[] } }>(
          "SELECT data FROM audit_events WHERE action = 'evidence.upload_expired' AND entity_id = $1",
          [twin.id],
        );
        assert.deepEqual(twinAudit.rows[0].data.deletedFiles, []);

        // The period is a policy setting an administrator changes (audited); 1 hour here.
        const admin = await buildUser(db, { role: 'admin' });
        const adminSession = await signIn(app, admin.username, admin.password);
        assert.equal(
          (
            await adminSession.request({
              method: 'PUT',
              url: '/api/v1/policy-settings/evidence.unclaimed_upload_hours',
              payload: { value: 0 },
            })
          ).statusCode,
          400,
        );
        assert.equal(
          (
            await adminSession.request({
              method: 'PUT',
              url: '/api/v1/policy-settings/evidence.unclaimed_upload_hours',
              payload: { value: 1 },
            })
          ).statusCode,
          200,
        );
        const soon = (await upload(jpeg({ width: 11, height: 11, comment: 'satu jam' }), 'sejam.jpg')).json();
        assert.equal((await expireUnclaimedUploads({ db, evidence: store }, new Date(clock.getTime() + 2 * hour))).expiredUploads, 1);
        assert.equal(await store.has(soon.sha256), false);
        assert.equal((await verifyAuditChain(db)).ok, true);
      });
    },
    storeKind === 's3' ? { skip: skipS3 ?? undefined } : {},
  );

test('the store takes the same content from many concurrent writers (regression: temp-name collision → 500)', async () => {
  const store = createDiskEvidenceStore(mkdtempSync(join(tmpdir(), 'netra-store-')));
  const content = Buffer.from('sama persis');
  const shas = await Promise.all(Array.from({ length: 50 }, () => store.put(content)));
  assert.equal(new Set(shas).size, 1);
  assert.equal((await store.get(shas[0])).toString(), 'sama persis');
});
