// The cached public stats are replayed from recorded bytes (issue 16): the same status, headers
// and body as the full pass through every hook, recorded per snapshot, never across a new
// snapshot, and never for a signed-in request (whose answer carries Cache-Control: no-store).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from '../support/backends.ts';
import { buildUser, signIn } from '../support/http.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createVault } from '../../src/server/platform/vault.ts';
import { replayCacheOf } from '../../src/server/http/replay.ts';
import { invalidateStats } from '../../src/server/modules/stats/service.ts';
import { buildLaporanInput } from '../support/factories.ts';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

describeEachBackend('cached public stats replay', (ctx) => {
  let app: FastifyInstance;
  let port = 0;
  const replayed = () => replayCacheOf(app)!.counts.replayed;

  const get = (headers: Record<string, string>, path = '/api/v1/public/stats') =>
    new Promise<Answer>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
  const withoutDate = (h: IncomingHttpHeaders) => {
    const { date: _date, ...rest } = h;
    return rest;
  };

  before(async () => {
    const config = loadConfig({ NETRA_LOG_LEVEL: 'silent', NETRA_REQUIRE_TOTP: 'off' } as NodeJS.ProcessEnv, {
      dataDir: mkdtempSync(join(tmpdir(), 'netra-replay-')),
    });
    app = await buildApp({ db: ctx().db, config, vault: createVault(randomBytes(32)) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
  });
  after(async () => {
    await app.close();
  });

  test('a replay carries the same status, headers and bytes as the full answer, for gzip, identity and 304', async () => {
    for (const headers of [{ 'accept-encoding': 'gzip' }, { 'accept-encoding': 'identity' }]) {
      const before = replayed();
      const full = await get(headers);
      assert.equal(full.status, 200);
      assert.equal(replayed(), before, 'the first answer goes through every hook');
      const again = await get(headers);
      assert.equal(replayed(), before + 1, 'the second answer is replayed');
      assert.deepEqual(withoutDate(again.headers), withoutDate(full.headers));
      assert.deepEqual(again.body, full.body);
      assert.ok(again.headers['content-security-policy'] && again.headers['x-content-type-options'] === 'nosniff');
      assert.equal(again.headers['access-control-allow-origin'], '*');

      const notModified = { ...headers, 'if-none-match': String(full.headers.etag) };
      const full304 = await get(notModified);
      const before304 = replayed();
      const replayed304 = await get(notModified);
      assert.equal(replayed(), before304 + 1, 'the 304 is replayed too');
      assert.equal(full304.status, 304);
      assert.equal(replayed304.status, 304);
      assert.equal(replayed304.body.length, 0);
      assert.deepEqual(withoutDate(replayed304.headers), withoutDate(full304.headers));
    }
    const gz = await get({ 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(
      JSON.parse(gunzipSync(gz.body).toString()).totals.cases,
      JSON.parse((await get({ 'accept-encoding': 'identity' })).body.toString()).totals.cases,
    );
  });

  test('a new snapshot is never answered with the previous recording', async () => {
    const firstAnswer = await get({ 'accept-encoding': 'identity' });
    const first = JSON.parse(firstAnswer.body.toString());
    await get({ 'accept-encoding': 'identity' }); // recorded and replayed
    const submitted = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput() });
    assert.equal(submitted.statusCode, 201, submitted.body);
    invalidateStats(ctx().db);
    const before = replayed();
    const next = await get({ 'accept-encoding': 'identity' });
    assert.equal(replayed(), before, 'a stale recording is not replayed');
    assert.equal(JSON.parse(next.body.toString()).totals.cases, first.totals.cases + 1);
    const oldEtag = await get({ 'accept-encoding': 'identity', 'if-none-match': String(firstAnswer.headers.etag) });
    assert.equal(oldEtag.status, 200);
  });

  test('a signed-in request takes the full path (no-store), a query string too', async () => {
    await get({ 'accept-encoding': 'gzip' });
    await get({ 'accept-encoding': 'gzip' }); // replayable now
    const { username, password } = await buildUser(ctx().db, { role: 'analyst' });
    const session = await signIn(app, username, password);
    const before = replayed();
    const signedIn = await get({ 'accept-encoding': 'gzip', cookie: session.cookie });
    assert.equal(signedIn.status, 200);
    assert.equal(signedIn.headers['cache-control'], 'no-store');
    await get({ 'accept-encoding': 'gzip' }, '/api/v1/public/stats?x=1');
    assert.equal(replayed(), before);
  });
});
