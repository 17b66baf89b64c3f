import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { TOTP, Secret } from 'otpauth';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp, buildUser, signIn } from '../support/http.ts';
import { verifyAuditChain } from '../../src/server/modules/audit/service.ts';
import { loadReferenceData } from '../../src/server/reference/loadReference.ts';

describeEachBackend('foundation API', (ctx) => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildTestApp(ctx().db);
  });
  after(async () => {
    await app.close();
  });

  test('health names the backend', async () => {
    const res = await app.inject('/api/v1/health');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'ok');
    assert.equal(res.json().database, ctx().kind);
  });

  test('health is a liveness probe: repeated calls do not count the regions again', async () => {
    const seen: string[] = [];
    const db = ctx().db;
    // The same database, with every statement the health route sends written down.
    const spy = new Proxy(db, {
      get(target, key, receiver) {
        if (key === 'query')
          return (text: string, params?: unknown[]) => {
            seen.push(text);
            return target.query(text, params as never);
          };
        return Reflect.get(target, key, receiver);
      },
    });
    const probeApp = await buildTestApp(spy);
    try {
      for (let i = 0; i < 5; i++) {
        const res = await probeApp.inject('/api/v1/health');
        assert.equal(res.statusCode, 200);
        assert.equal(res.json().regions > 0, true);
      }
      const healthQueries = seen.filter((q) => /count\(\*\)::int FROM regions/.test(q));
      assert.equal(healthQueries.length, 1, 'region count runs once, then is cached');
    } finally {
      await probeApp.close();
    }
  });

  test('reference data: 38 provinces, 514 kabupaten/kota, every kecamatan; loading twice changes nothing', async () => {
    const count = async (level: string) => (await app.inject(`/api/v1/regions?level=${level}&limit=1`)).json().total;
    assert.equal(await count('provinsi'), 38);
    assert.equal((await count('kabupaten')) + (await count('kota')), 514);
    assert.equal(await count('kota'), 98);
    assert.equal(await count('kecamatan'), 7285);
    await loadReferenceData(ctx().db, { loadVillages: false });
    assert.equal(await count('provinsi'), 38);
  });

  test('regions by parent, with time zones', async () => {
    const res = await app.inject('/api/v1/regions?parent=16&limit=100');
    const body = res.json();
    assert.equal(res.statusCode, 200);
    assert.ok(body.items.some((r: { code: string; name: string }) => r.code === '16.02' && r.name === 'Kabupaten Ogan Komering Ilir'));
    assert.ok(body.items.every((r: { parentCode: string; timeZone: string }) => r.parentCode === '16' && r.timeZone === 'WIB'));
    const papua = (await app.inject('/api/v1/regions/91')).json();
    assert.equal(papua.timeZone, 'WIT');
    const sulsel = (await app.inject('/api/v1/regions/73.71')).json();
    assert.equal(sulsel.timeZone, 'WITA');
    assert.deepEqual(
      sulsel.ancestors.map((a: { code: string }) => a.code),
      ['73'],
    );
  });

  test('q resolves aliases and tolerates typos', async () => {
    const first = async (q: string, extra = '') =>
      (await app.inject(`/api/v1/regions?q=${encodeURIComponent(q)}${extra}&limit=5`)).json().items[0]?.code;
    assert.equal(await first('Solo'), '33.72');
    assert.equal(await first('OKI'), '16.02');
    assert.equal(await first('Sumsel'), '16');
    assert.equal(await first('Jatim'), '35');
    assert.equal(await first('Kaltim'), '64');
    assert.equal(await first('Babel'), '19');
    assert.equal(await first('50 Kota'), '13.07');
    assert.equal(await first('Surakrta'), '33.72');
    assert.equal(await first('ogan komering ilr'), '16.02');
    assert.equal(await first('Malang', '&level=kota'), '35.73');
    assert.equal(await first('sumatra selatn'), '16');
    assert.equal(await first('Kab. Malang'), '35.07');
    assert.equal(await first('Kota Malang'), '35.73');
    assert.equal(await first('bandung barat'), '32.17');
  });

  test('bad input: unknown code → 404 problem, bad level/limit → 400 naming the field', async () => {
    const missing = await app.inject('/api/v1/regions/99.99');
    assert.equal(missing.statusCode, 404);
    assert.match(String(missing.headers['content-type']), /application\/problem\+json/);
    assert.equal(missing.json().code, 'region_not_found');
    // Not a region code at all is bad input (400 naming the field), not a missing region.
    for (const bad of ['abc', '%3Cscript%3E', '1', '16.2']) {
      const garbage = await app.inject(`/api/v1/regions/${bad}`);
      assert.equal(garbage.statusCode, 400, bad);
      assert.equal(garbage.json().field, 'code', bad);
    }
    assert.equal(missing.json().field, 'code');
    const level = await app.inject('/api/v1/regions?level=negara');
    assert.equal(level.statusCode, 400);
    assert.equal(level.json().field, 'level');
    for (const limit of ['0', '-1', 'abc', '100000']) {
      const res = await app.inject(`/api/v1/regions?limit=${limit}`);
      assert.equal(res.statusCode, 400, `limit=${limit}`);
      assert.equal(res.json().field, 'limit');
    }
    const english = await app.inject({ url: '/api/v1/regions/99', headers: { 'accept-language': 'en-US' } });
    assert.match(english.json().detail, /No region/);
    const unknownRoute = await app.inject('/api/v1/nothing-here');
    assert.equal(unknownRoute.statusCode, 404);
    assert.equal(unknownRoute.json().code, 'not_found');
  });

  test('elections 2024: 545 contests (37 gubernur, 415 bupati, 93 wali kota) with PKPU 2/2024 stages', async () => {
    const res = await app.inject('/api/v1/elections?year=2024');
    const body = res.json();
    assert.equal(res.statusCode, 200);
    assert.equal(body.total, 545);
    const byKind = (kind: string) => body.items.filter((c: { kind: string }) => c.kind === kind).length;
    assert.equal(byKind('gubernur'), 37);
    assert.equal(byKind('bupati'), 415);
    assert.equal(byKind('walikota'), 93);
    assert.ok(!body.items.some((c: { regionCode: string }) => ['34', '31.01', '31.71'].includes(c.regionCode)));
    assert.equal(body.items[0].votingDate, '2024-11-27');
    const stage = (code: string) => body.items[0].stages.find((s: { code: string }) => s.code === code);
    assert.deepEqual([stage('pendaftaran_paslon').startsOn, stage('pendaftaran_paslon').endsOn], ['2024-08-27', '2024-08-29']);
    assert.equal(stage('penetapan_paslon').startsOn, '2024-09-22');
    assert.deepEqual([stage('kampanye').startsOn, stage('kampanye').endsOn], ['2024-09-25', '2024-11-23']);
    assert.deepEqual([stage('masa_tenang').startsOn, stage('masa_tenang').endsOn], ['2024-11-24', '2024-11-26']);
    assert.equal(stage('penghitungan_rekapitulasi').endsOn, '2024-12-16');
    const none = await app.inject('/api/v1/elections?year=2029');
    assert.equal(none.json().total, 0);
  });

  test('accounts: login, me, CSRF, admin creates users, candidate CSV import all-or-nothing', async () => {
    const { username, password } = await buildUser(ctx().db, { role: 'admin' });
    const anonymous = await app.inject('/api/v1/auth/me');
    assert.equal(anonymous.statusCode, 401);
    const session = await signIn(app, username, password);
    const me = await session.request({ url: '/api/v1/auth/me' });
    assert.equal(me.json().user.role, 'admin');

    const noCsrf = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: session.cookie },
      payload: { username: 'x_user', password: 'kata-sandi-rahasia-1', role: 'analyst' },
    });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(noCsrf.json().code, 'csrf_failed');

    const badScope = await session.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: 'pengawas_oki', password: 'kata-sandi-rahasia-1', role: 'pengawas_kabkota', regionCode: '16' },
    });
    assert.equal(badScope.statusCode, 400);
    assert.equal(badScope.json().field, 'region');
    const created = await session.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: 'pengawas_oki', password: 'kata-sandi-rahasia-1', role: 'pengawas_kabkota', regionCode: '16.02' },
    });
    assert.equal(created.statusCode, 201);

    const pengawas = await signIn(app, 'pengawas_oki', 'kata-sandi-rahasia-1');
    const forbidden = await pengawas.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: 'y_user', password: 'kata-sandi-rahasia-1', role: 'analyst' },
    });
    assert.equal(forbidden.statusCode, 403);

    const before = (await ctx().db.query<{ n: number }>('SELECT count(*)::int AS n FROM candidate_pairs')).rows[0].n;
    const badCsv =
      'election_id,region_code,ballot_number,head_name,deputy_name,is_incumbent\n' +
      'pilkada-2024,16.02,1,Muchendi Mahzareki,Supriyanto,false\n' +
      'pilkada-2024,16.02,abc,Calon Dua,Wakil Dua,false\n';
    const rejected = await session.request({
      method: 'POST',
      url: '/api/v1/elections/candidates/import',
      payload: badCsv,
      headers: { 'content-type': 'text/csv' },
    });
    assert.equal(rejected.statusCode, 400);
    assert.equal(rejected.json().details.line, 3);
    assert.equal(rejected.json().details.column, 'ballot_number');
    assert.equal((await ctx().db.query<{ n: number }>('SELECT count(*)::int AS n FROM candidate_pairs')).rows[0].n, before);
    const goodCsv =
      'election_id,region_code,ballot_number,head_name,deputy_name,is_incumbent\n' +
      'pilkada-2024,16.02,1,"Muchendi Mahzareki",Supriyanto,ya\npilkada-2024,16.02,2,Calon Dua,Wakil Dua,tidak\n';
    const imported = await session.request({
      method: 'POST',
      url: '/api/v1/elections/candidates/import',
      payload: goodCsv,
      headers: { 'content-type': 'text/csv' },
    });
    assert.equal(imported.statusCode, 200);
    const contest = (await app.inject('/api/v1/elections/pilkada-2024/contests/16.02')).json();
    assert.equal(contest.candidatePairs.length, 2);
    assert.equal(contest.candidatePairs[0].isIncumbent, true);
  });

  test('sign-in limit after repeated failures (per username and address), and TOTP second factor', async () => {
    const { username, password } = await buildUser(ctx().db, { role: 'analyst' });
    // A stopped clock: the delay after the fifth failure is one second, shorter than a slow request.
    const stopped = new Date();
    const frozen = await buildTestApp(ctx().db, { now: () => stopped });
    try {
      for (let i = 0; i < 5; i++) {
        const res = await frozen.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username, password: 'salah-salah-salah' },
        });
        assert.equal(res.statusCode, 401);
      }
      const limited = await frozen.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      assert.equal(limited.statusCode, 429);
      assert.equal(limited.json().code, 'rate_limited');
      const elsewhere = await frozen.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '192.0.2.44',
        payload: { username, password },
      });
      assert.equal(elsewhere.statusCode, 200, 'the account itself is not locked');
    } finally {
      await frozen.close();
    }

    const other = await buildUser(ctx().db, { role: 'bkn' });
    const session = await signIn(app, other.username, other.password);
    const setup = (await session.request({ method: 'POST', url: '/api/v1/auth/totp/setup' })).json();
    const totp = new TOTP({ secret: Secret.fromBase32(setup.secret), digits: 6, period: 30 });
    const confirmed = await session.request({ method: 'POST', url: '/api/v1/auth/totp/confirm', payload: { code: totp.generate() } });
    assert.equal(confirmed.statusCode, 200);
    const withoutCode = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: other.username, password: other.password },
    });
    assert.equal(withoutCode.statusCode, 401);
    assert.equal(withoutCode.json().code, 'totp_required');
    // The confirming code's time step is burnt; the next step's code signs in.
    const code = totp.generate({ timestamp: Date.now() + 30_000 });
    const withCode = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: other.username, password: other.password, totp: code },
    });
    assert.equal(withCode.statusCode, 200);
    const replayed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: other.username, password: other.password, totp: code },
    });
    assert.equal(replayed.statusCode, 401, 'the same code cannot be used twice');
  });

  test('audit chain verifies, and tampering with one row names it', async () => {
    const db = ctx().db;
    const ok = await verifyAuditChain(db);
    assert.equal(ok.ok, true);
    assert.ok(ok.count >= 3);
    const target = (await db.query<{ id: number }>('SELECT id FROM audit_events ORDER BY id LIMIT 1 OFFSET 1')).rows[0].id;
    await assert.rejects(db.query(`UPDATE audit_events SET action = 'x' WHERE id = $1`, [target]), /append-only/);
    await db.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update');
    await db.query(`UPDATE audit_events SET data = '{"forged":true}'::jsonb WHERE id = $1`, [target]);
    await db.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update');
    const broken = await verifyAuditChain(db);
    assert.equal(broken.ok, false);
    assert.equal(!broken.ok && broken.brokenId, target);
  });

  test('OpenAPI document lists the API', async () => {
    const res = await app.inject('/api/openapi.json');
    assert.equal(res.statusCode, 200);
    const paths = Object.keys(res.json().paths);
    for (const p of ['/api/v1/health', '/api/v1/regions', '/api/v1/regions/{code}', '/api/v1/elections', '/api/v1/auth/login']) {
      assert.ok(paths.includes(p), p);
    }
  });
});
