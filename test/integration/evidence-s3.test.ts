// Evidence on a real S3-protocol server (s3rver in its own process, test/support/s3.ts): what the
// client asks the server for (SHA-256 checksums, multipart, no second write of the same bytes),
// NETRA_EVIDENCE_URL, and failure: a server that dies in the middle of an upload, a store that is
// down or has lost a file when the report is filed. Nothing is acknowledged without its evidence.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from '../support/backends.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { buildUser, signIn, type Session } from '../support/http.ts';
import { s3Unavailable, startCuttingRelay, startS3Server, type S3TestServer } from '../support/s3.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createVault } from '../../src/server/platform/vault.ts';
import { createS3EvidenceStore } from '../../src/server/platform/s3Storage.ts';
import { EvidenceCorruptedError, parseEvidenceUrl, sha256Hex } from '../../src/server/platform/storage.ts';
import { createConfiguredEvidenceStore } from '../../src/server/platform/evidenceStore.ts';
import { jpeg, mp4 } from '../unit/evidence-fixtures.ts';

const skip = s3Unavailable() ?? undefined;
const root = fileURLToPath(new URL('../..', import.meta.url));
const MiB = 1024 * 1024;
const clock = new Date('2024-10-10T03:00:00Z');
const b64 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64');

function multipartBody(content: Buffer, filename: string, contentType: string) {
  const boundary = `----netra${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

test(
  'the S3 store asks for SHA-256 checksums, uploads large files in parts, never writes the same bytes twice, and re-hashes on read',
  { skip },
  async () => {
    const s3 = await startS3Server();
    const relay = await startCuttingRelay(s3.port, Number.POSITIVE_INFINITY, () => {});
    try {
      const store = createS3EvidenceStore(parseEvidenceUrl(s3.evidenceUrl('bukti', relay.endpoint)), {
        multipartThreshold: 6 * MiB,
        partSize: 5 * MiB,
      });
      const small = Buffer.from(`foto bukti ${randomBytes(8).toString('hex')}`);
      const sha = await store.put(small);
      assert.equal(sha, sha256Hex(small));
      const putHead = relay
        .requests()
        .split('\n\n')
        .find((h) => h.startsWith(`PUT /${s3.bucket}/bukti/${sha.slice(0, 2)}/${sha}`));
      assert.ok(putHead?.includes(`x-amz-checksum-sha256: ${b64(small)}\r\n`), `the PUT asks the server to check the SHA-256: ${putHead}`);
      // Idempotent: the same bytes again are found (HEAD) and not written again.
      const putsBefore = relay.requests().match(/^PUT /gm)!.length;
      assert.equal(await store.put(small), sha);
      assert.equal(relay.requests().match(/^PUT /gm)!.length, putsBefore);
      assert.deepEqual(await store.get(sha), small);

      // 11 MiB: three parts, each with its own SHA-256, under an upload created for SHA256.
      const large = randomBytes(11 * MiB);
      const largeSha = await store.put(large);
      const heads = relay.requests();
      assert.ok(
        heads.split('\n\n').some((h) => /^POST \/\S*\?uploads/.test(h) && /x-amz-checksum-algorithm: SHA256/i.test(h)),
        'multipart upload created for SHA256',
      );
      for (const [i, part] of [large.subarray(0, 5 * MiB), large.subarray(5 * MiB, 10 * MiB), large.subarray(10 * MiB)].entries()) {
        assert.ok(heads.includes(`x-amz-checksum-sha256: ${b64(part)}`), `part ${i + 1} carries its checksum`);
      }
      assert.match(heads, /^POST \/[^\n]*uploadId=/m, 'the upload was completed');
      assert.deepEqual(await store.get(largeSha), large);

      // Bytes changed in the bucket behind the store's back are refused on read.
      const { PutObjectCommand } = await import('@aws-sdk/client-s3');
      await store.client.send(
        new PutObjectCommand({ Bucket: s3.bucket, Key: `bukti/${sha.slice(0, 2)}/${sha}`, Body: Buffer.from('lain') }),
      );
      await assert.rejects(store.get(sha), EvidenceCorruptedError);
      await store.delete(sha);
      assert.equal(await store.has(sha), false);
      await store.delete(sha); // deleting an absent file is not an error
    } finally {
      await relay.close();
      await s3.stop();
    }
  },
);

test('NETRA_EVIDENCE_URL selects the S3 store; a wrong URL stops the start with a message naming the problem', { skip }, async () => {
  const s3 = await startS3Server();
  try {
    const config = loadConfig({ NETRA_EVIDENCE_URL: s3.evidenceUrl('kantor/bukti'), NETRA_LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv, {
      dataDir: mkdtempSync(join(tmpdir(), 'netra-s3cfg-')),
    });
    assert.deepEqual(config.evidenceLocation, {
      bucket: s3.bucket,
      prefix: 'kantor/bukti/',
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
    });
    const store = createConfiguredEvidenceStore(config);
    assert.equal(store.kind, 's3');
    const sha = await store.put(Buffer.from('lewat URL'));
    assert.equal((await s3.store('kantor/bukti').get(sha)).toString(), 'lewat URL');
  } finally {
    await s3.stop();
  }
  const cases: [string, RegExp][] = [
    ['http://bucket/x', /scheme "http" is not s3/],
    ['s3://Bad_Bucket/x', /bucket name "bad_bucket"|not a valid S3 bucket name/],
    ['s3://bukti/x?endpoint=ftp://host', /endpoint "ftp:\/\/host" is not an http\(s\) URL/],
    ['s3://bukti/x?forcePathStyle=yes', /forcePathStyle must be true or false/],
    ['s3://bukti/x?regoin=us-east-1', /unknown option "regoin"/],
    ['s3://key:secret@bukti/x', /credentials do not belong in the URL/],
    ['not a url', /not a URL/],
  ];
  for (const [url, message] of cases) {
    assert.throws(
      () => loadConfig({ NETRA_EVIDENCE_URL: url } as NodeJS.ProcessEnv),
      (e: Error) => /NETRA_EVIDENCE_URL/.test(e.message) && message.test(e.message),
      url,
    );
  }
  // `netra start` stops before opening anything, printing the reason.
  const dataDir = mkdtempSync(join(tmpdir(), 'netra-badurl-'));
  const started = spawnSync(process.execPath, [join(root, 'bin/netra.mjs'), 'start'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      PATH: process.env.PATH ?? '',
      NETRA_DATA_DIR: dataDir,
      PORT: '0',
      NETRA_LOG_LEVEL: 'silent',
      NETRA_EVIDENCE_URL: 's3://bukti/x?endpoint=localhost:9000',
    },
  });
  assert.notEqual(started.status, 0);
  assert.match(started.stderr, /NETRA_EVIDENCE_URL tidak valid \/ is invalid: endpoint "localhost:9000" is not an http\(s\) URL/);
  assert.deepEqual(readdirSync(dataDir), [], 'nothing was created');
});

describeEachBackend(
  'evidence on S3 when the server fails',
  (ctx) => {
    let s3: S3TestServer;
    let relay: Awaited<ReturnType<typeof startCuttingRelay>>;
    let app: FastifyInstance;
    let oki: Session;
    const counts = async () =>
      (
        await ctx().db.query<{ files: number; uploads: number; cases: number }>(
          'SELECT (SELECT count(*)::int FROM evidence_files) AS files, (SELECT count(*)::int FROM uploads) AS uploads, (SELECT count(*)::int FROM cases) AS cases',
        )
      ).rows[0];
    const upload = (content: Buffer, name: string, type: string) =>
      app.inject({ method: 'POST', url: '/api/v1/uploads', ...multipartBody(content, name, type) });

    before(async () => {
      s3 = await startS3Server();
      // The relay kills the S3 server once 6 MiB of request bytes have reached it: mid-upload.
      relay = await startCuttingRelay(s3.port, 6 * MiB, () => {
        void s3.kill();
      });
      const store = createS3EvidenceStore(parseEvidenceUrl(s3.evidenceUrl('bukti', relay.endpoint)), {
        multipartThreshold: 5 * MiB,
        partSize: 5 * MiB,
        requestTimeoutMs: 15_000,
      });
      const dataDir = mkdtempSync(join(tmpdir(), 'netra-s3fail-'));
      app = await buildApp({
        db: ctx().db,
        config: loadConfig({ NETRA_LOG_LEVEL: 'silent', NETRA_REQUIRE_TOTP: 'off' } as NodeJS.ProcessEnv, { dataDir }),
        vault: createVault(randomBytes(32)),
        evidence: store,
        now: () => clock,
      });
      const staff = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '16.02' });
      oki = await signIn(app, staff.username, staff.password);
    });
    after(async () => {
      await app?.close();
      await relay?.close();
      await s3?.stop();
    });

    test('the server dies in the middle of a multipart upload: 503, nothing recorded; after it returns the retry is stored and the report served', async () => {
      const video = Buffer.concat([mp4(), Buffer.alloc(12 * MiB, 7)]);
      const before = await counts();
      const res = await upload(video, 'rekaman.mp4', 'video/mp4');
      assert.equal(res.statusCode, 503, res.body);
      assert.equal(res.json().code, 'unavailable');
      assert.equal(res.json().field, 'file');
      assert.ok(relay.forwarded() >= 6 * MiB, 'the server died after part of the file had reached it');
      assert.deepEqual(await counts(), before, 'no upload row, no file row: nothing a report could claim');

      await s3.restart();
      const retry = await upload(video, 'rekaman.mp4', 'video/mp4');
      assert.equal(retry.statusCode, 201, retry.body);
      const filed = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput({ bukti: [retry.json().id] }) });
      assert.equal(filed.statusCode, 201, filed.body);
      const queue = (await oki.request({ url: '/api/v1/cases' })).json();
      const caseId = queue.items.find((i: { trackingCode: string }) => i.trackingCode === filed.json().trackingCode).id;
      const served = await oki.request({
        url: `/api/v1/cases/${caseId}/evidence/${retry.json().sha256}?variant=original&purpose=${encodeURIComponent('Memeriksa rekaman setelah gangguan')}`,
      });
      assert.equal(served.statusCode, 200);
      assert.equal(sha256Hex(served.rawPayload), sha256Hex(video));
    });

    test('a report is refused while the store is down, and when the store lost a claimed file; never a receipt without the evidence', async () => {
      const photo = jpeg({ width: 12, height: 12, comment: `bukti ${randomBytes(4).toString('hex')}` });
      const up = await upload(photo, 'foto.jpg', 'image/jpeg');
      assert.equal(up.statusCode, 201, up.body);
      const before = await counts();

      await s3.kill();
      const whileDown = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput({ bukti: [up.json().id] }) });
      assert.equal(whileDown.statusCode, 503, whileDown.body);
      assert.equal(whileDown.json().field, 'bukti');
      assert.deepEqual(await counts(), before, 'no case was created');

      await s3.restart();
      await s3.store().delete(up.json().sha256); // the bucket lost the file
      const lost = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput({ bukti: [up.json().id] }) });
      assert.equal(lost.statusCode, 409, lost.body);
      assert.equal(lost.json().field, 'bukti');
      assert.deepEqual(await counts(), before);

      // Uploading the same photo again stores it again (the key was absent); the report then goes in.
      const again = await upload(photo, 'foto.jpg', 'image/jpeg');
      assert.equal(again.statusCode, 201);
      const filed = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput({ bukti: [again.json().id] }) });
      assert.equal(filed.statusCode, 201, filed.body);
    });
  },
  { skip },
);
