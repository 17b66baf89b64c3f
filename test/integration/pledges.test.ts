import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp, buildUser, signIn, type Session } from '../support/http.ts';

// 10 Oct 2024 10:00 WIB.
const NOW = new Date('2024-10-10T03:00:00Z');

describeEachBackend('neutrality pledges', (ctx) => {
  let app: FastifyInstance;
  let oki: Session;
  let admin: Session;
  let pledge: { id: string; document: string; signature: string; verificationUrl: string };

  before(async () => {
    app = await buildTestApp(ctx().db, { now: () => NOW });
    const a = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '16.02' });
    oki = await signIn(app, a.username, a.password);
    const b = await buildUser(ctx().db, { role: 'admin' });
    admin = await signIn(app, b.username, b.password);
  });
  after(async () => {
    await app.close();
  });

  const body = (overrides: Record<string, unknown> = {}) => ({
    agency: 'Pemerintah Kabupaten Ogan Komering Ilir',
    regionCode: '16.02',
    date: '2024-09-02',
    venue: 'Pendopo Rumah Dinas Bupati, Kayuagung',
    signatoryCount: 350,
    signatories: [
      { name: 'Rahmat Hidayat', position: 'Sekretaris Daerah' },
      { name: 'Dewi Lestari', position: 'Kepala BKPSDM' },
    ],
    documentSha256: 'a'.repeat(64),
    ...overrides,
  });

  test('staff register in their jurisdiction only; dates cannot be in the future', async () => {
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/pledges', payload: body() })).statusCode, 401);
    assert.equal((await oki.request({ method: 'POST', url: '/api/v1/pledges', payload: body({ regionCode: '16.71' }) })).statusCode, 403);
    const future = await oki.request({ method: 'POST', url: '/api/v1/pledges', payload: body({ date: '2024-10-11' }) });
    assert.equal(future.statusCode, 400);
    assert.equal(future.json().field, 'date');
    const none = await oki.request({
      method: 'POST',
      url: '/api/v1/pledges',
      payload: body({ signatoryCount: undefined, signatories: [] }),
    });
    assert.equal(none.statusCode, 400);
    const created = await oki.request({ method: 'POST', url: '/api/v1/pledges', payload: body({ date: '2024-10-10' }) });
    assert.equal(created.statusCode, 201, created.body);
    pledge = created.json();
    assert.match(pledge.verificationUrl, new RegExp(`^/verifikasi/deklarasi/${pledge.id}\\?sig=[A-Za-z0-9_-]{86}$`));
    assert.ok(!pledge.document.includes('Rahmat Hidayat'), 'signatory names are not in the signed public document');
    const byAdmin = await admin.request({
      method: 'POST',
      url: '/api/v1/pledges',
      payload: body({
        agency: 'Kantor Camat Kayuagung',
        regionCode: '16.02.05',
        signatoryCount: 40,
        signatories: undefined,
        documentSha256: undefined,
      }),
    });
    assert.equal(byAdmin.statusCode, 201, byAdmin.body);
  });

  test('the signing key is stored once in the data dir with mode 0600', async () => {
    const keyInfo = (await app.inject({ url: '/api/v1/public/pledges/public-key' })).json();
    assert.equal(keyInfo.algorithm, 'Ed25519');
    assert.match(keyInfo.pem, /BEGIN PUBLIC KEY/);
    // Independent check with the published SPKI.
    const key = createPublicKey({ key: Buffer.from(keyInfo.spkiBase64, 'base64'), format: 'der', type: 'spki' });
    assert.ok(verify(null, Buffer.from(pledge.document), key, Buffer.from(pledge.signature, 'base64url')));
    const audit = await ctx().db.query(`SELECT 1 FROM audit_events WHERE action = 'pledge.registered'`);
    assert.equal(audit.rows.length, 2);
  });

  test('list and coverage are public and carry no signatory names', async () => {
    const list = await app.inject({ url: '/api/v1/public/pledges?region=16.02' });
    assert.equal(list.statusCode, 200);
    assert.equal(list.json().total, 2);
    assert.ok(!list.body.includes('Rahmat Hidayat') && !list.body.includes('Dewi Lestari'));
    const byAgency = (await app.inject({ url: '/api/v1/public/pledges?agency=camat%20kayuagung' })).json();
    assert.equal(byAgency.total, 1);
    assert.equal((await app.inject({ url: '/api/v1/public/pledges?region=16.71' })).json().total, 0);
    const coverage = (await app.inject({ url: '/api/v1/public/pledges/coverage?level=kabupaten_kota' })).json();
    const okiRow = coverage.regions.find((r: { code: string }) => r.code === '16.02');
    assert.equal(okiRow.pledges, 2);
    assert.equal(okiRow.signatories, 390);
    assert.equal(okiRow.coveragePercent, null, 'no ASN headcount imported');
    assert.equal(coverage.agencies.length, 2);
    const provinces = (await app.inject({ url: '/api/v1/public/pledges/coverage?level=provinsi' })).json();
    assert.equal(provinces.regions.find((r: { code: string }) => r.code === '16').signatories, 390);
  });

  test('certificate PDF', async () => {
    const pdf = await app.inject({ url: `/api/v1/public/pledges/${pledge.id}/certificate.pdf` });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdf.rawPayload.length > 2000);
    assert.ok(pdf.rawPayload.includes(Buffer.from('deklarasi.json')), 'signed document attached');
    assert.equal(
      (await app.inject({ url: '/api/v1/public/pledges/00000000-0000-4000-8000-000000000000/certificate.pdf' })).statusCode,
      404,
    );
  });

  test('verification: the QR signature verifies; a wrong signature fails', async () => {
    const sig = pledge.verificationUrl.split('sig=')[1];
    const ok = (await app.inject({ url: `/api/v1/public/pledges/${pledge.id}/verify?sig=${sig}` })).json();
    assert.equal(ok.valid, true);
    assert.equal(ok.reason, null);
    assert.equal(ok.pledge.agency, 'Pemerintah Kabupaten Ogan Komering Ilir');
    assert.equal(ok.pledge.signatoryCount, 350);
    assert.ok(!JSON.stringify(ok).includes('Rahmat'));
    const flipped = sig.slice(0, 10) + (sig[10] === 'A' ? 'B' : 'A') + sig.slice(11);
    const wrong = (await app.inject({ url: `/api/v1/public/pledges/${pledge.id}/verify?sig=${flipped}` })).json();
    assert.equal(wrong.valid, false);
    assert.equal(wrong.reason, 'bad_signature');
    const garbage = (await app.inject({ url: `/api/v1/public/pledges/${pledge.id}/verify?sig=bukan-tanda-tangan` })).json();
    assert.equal(garbage.valid, false);
    const missing = (await app.inject({ url: `/api/v1/public/pledges/00000000-0000-4000-8000-000000000000/verify?sig=${sig}` })).json();
    assert.deepEqual([missing.valid, missing.reason], [false, 'not_found']);
  });

  test('verify-document: the signed canonical JSON verifies; one changed byte fails', async () => {
    const good = await app.inject({
      method: 'POST',
      url: '/api/v1/public/pledges/verify-document',
      payload: { document: pledge.document, signature: pledge.signature },
    });
    assert.equal(good.statusCode, 200);
    assert.equal(good.json().valid, true);
    assert.equal(good.json().pledgeId, pledge.id);
    // Every single-byte change of the signatory count fails (350 → 351).
    const changed = pledge.document.replace('"signatoryCount":350', '"signatoryCount":351');
    assert.notEqual(changed, pledge.document);
    const bad = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/public/pledges/verify-document',
        payload: { document: changed, signature: pledge.signature },
      })
    ).json();
    assert.equal(bad.valid, false);
    assert.equal(bad.reason, 'bad_signature');
    // A changed byte anywhere else fails too.
    const bytes = Buffer.from(pledge.document);
    for (const index of [0, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const copy = Buffer.from(bytes);
      copy[index] = copy[index] ^ 0x01;
      const response = (
        await app.inject({
          method: 'POST',
          url: '/api/v1/public/pledges/verify-document',
          payload: { document: copy.toString('latin1'), signature: pledge.signature },
        })
      ).json();
      assert.equal(response.valid, false, `byte ${index}`);
    }
    // The parsed object (re-canonicalised) verifies as well.
    const asObject = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/public/pledges/verify-document',
        payload: { document: JSON.parse(pledge.document), signature: pledge.signature },
      })
    ).json();
    assert.equal(asObject.valid, true);
  });

  test('a record edited behind the signature no longer verifies', async () => {
    await ctx().db.query('UPDATE pledges SET signatory_count = 999 WHERE id = $1', [pledge.id]);
    const sig = pledge.verificationUrl.split('sig=')[1];
    const result = (await app.inject({ url: `/api/v1/public/pledges/${pledge.id}/verify?sig=${sig}` })).json();
    assert.deepEqual([result.valid, result.reason], [false, 'record_altered']);
    await ctx().db.query('UPDATE pledges SET signatory_count = 350 WHERE id = $1', [pledge.id]);
  });
});

test('the pledge signing key file is created with mode 0600', async () => {
  const { loadPledgeSigner, PLEDGE_KEY_FILE } = await import('../../src/server/modules/pledges/signing.ts');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'netra-key-'));
  const signer = loadPledgeSigner({ dataDir: dir });
  const mode = statSync(join(dir, PLEDGE_KEY_FILE)).mode & 0o777;
  assert.equal(mode, 0o600);
  const again = loadPledgeSigner({ dataDir: dir });
  assert.equal(again.keyId, signer.keyId);
});
