// Issue 11 item 4: accounts must not be turnable against their owners. X-Forwarded-* is not
// believed unless NETRA_TRUST_PROXY says so; sign-in and PIN limits are per (account or code,
// address) and per address, so an attacker elsewhere cannot lock the owner out; an unknown
// username answers exactly like a wrong password; printed URLs come from NETRA_PUBLIC_URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp, buildUser, signIn } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { login } from '../../src/server/modules/accounts/service.ts';
import { createVault } from '../../src/server/platform/vault.ts';
import { loadConfig } from '../../src/server/config.ts';
import { LOGIN_ADDRESS_POLICY, delayAfter } from '../../src/domain/access/throttle.ts';

let clock = new Date('2024-10-10T03:00:00Z');
const now = () => clock;
const advanceMs = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

const loginAs = (app: FastifyInstance, username: string, password: string, remoteAddress: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, headers, payload: { username, password } });

/** Text drawn by pdf-lib: hex strings of Tj operators inside the inflated content streams. */
function pdfText(bytes: Buffer): string {
  const out: string[] = [];
  for (const m of bytes.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content = m[1];
    try {
      content = inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1');
    } catch {
      /* not compressed */
    }
    for (const t of content.matchAll(/<([0-9A-Fa-f]*)> Tj/g)) out.push(Buffer.from(t[1], 'hex').toString('latin1'));
  }
  return out.join('');
}

describeEachBackend('accounts: trust at the edges', (ctx) => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildTestApp(ctx().db, { now });
  });
  after(async () => {
    await app.close();
  });

  test('rotating X-Forwarded-For does not reset the sign-in limit, nor forge the logged address (trust proxy off)', async () => {
    const { username, password } = await buildUser(ctx().db, { role: 'analyst' });
    for (let i = 0; i < 5; i++) {
      const res = await loginAs(app, username, 'salah-salah-salah', '203.0.113.5', { 'x-forwarded-for': `198.51.100.${i + 1}` });
      assert.equal(res.statusCode, 401);
    }
    const blocked = await loginAs(app, username, password, '203.0.113.5', { 'x-forwarded-for': '198.51.100.77' });
    assert.equal(blocked.statusCode, 429);
    assert.equal(blocked.json().code, 'rate_limited');
    assert.ok(Number(blocked.headers['retry-after']) >= 1);
    const logged = await ctx().db.query<{ data: { address: string } }>(
      `SELECT data FROM audit_events WHERE action = 'auth.login_failed' AND entity_id = (SELECT id FROM users WHERE username = $1)`,
      [username],
    );
    assert.equal(logged.rows.length, 5);
    assert.ok(
      logged.rows.every((r) => r.data.address === '203.0.113.5'),
      'the socket address is logged, not the forged header',
    );
  });

  test('an attacker at address A cannot lock the owner out at address B; delays grow and expire', async () => {
    const { username, password } = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '16.02' });
    for (let i = 0; i < 5; i++) assert.equal((await loginAs(app, username, 'tebakan-salah', '192.0.2.10')).statusCode, 401);
    assert.equal((await loginAs(app, username, password, '192.0.2.10')).statusCode, 429, 'the attacker is slowed');
    const owner = await loginAs(app, username, password, '192.0.2.99');
    assert.equal(owner.statusCode, 200, 'the owner elsewhere signs in');

    // The attacker's delay doubles with each failure after the fifth (1 s, then 2 s, …).
    advanceMs(1_100);
    assert.equal((await loginAs(app, username, 'tebakan-salah', '192.0.2.10')).statusCode, 401);
    advanceMs(1_100);
    assert.equal((await loginAs(app, username, password, '192.0.2.10')).statusCode, 429, 'second delay is 2 s');
    advanceMs(1_000);
    assert.equal((await loginAs(app, username, password, '192.0.2.10')).statusCode, 200, 'after the delay the right password works');
  });

  test('an unknown username and a wrong password get identical answers, and both are limited', async () => {
    const { username } = await buildUser(ctx().db, { role: 'analyst' });
    const unknown = `tidak_ada_${randomBytes(4).toString('hex')}`;
    const answers = async (address: string) => {
      const known = await loginAs(app, username, 'salah-salah-salah', address);
      const missing = await loginAs(app, unknown, 'salah-salah-salah', address);
      return { known, missing };
    };
    for (let i = 0; i < 5; i++) {
      const { known, missing } = await answers('198.18.0.1');
      assert.equal(known.statusCode, 401);
      assert.equal(missing.statusCode, known.statusCode);
      assert.deepEqual(missing.json(), known.json());
    }
    const { known, missing } = await answers('198.18.0.1');
    assert.equal(known.statusCode, 429);
    assert.equal(missing.statusCode, 429, 'an unknown username is limited too (no enumeration by lockout)');
    assert.equal(missing.json().code, known.json().code);
    assert.equal(missing.json().detail, known.json().detail);
  });

  test('a per-address ceiling across usernames (password spraying)', async () => {
    const config = loadConfig({ NETRA_LOG_LEVEL: 'silent', NETRA_REQUIRE_TOTP: 'off' } as NodeJS.ProcessEnv);
    const deps = { db: ctx().db, vault: createVault(randomBytes(32)), requireTotp: config.requireTotp, now };
    const opts = { sessionHours: 1, address: '100.64.9.9' };
    const spray = async (username: string) =>
      login(deps, { username, password: 'Password123!' }, opts).then(
        () => 200,
        (e: { status: number }) => e.status,
      );
    for (let i = 0; i < LOGIN_ADDRESS_POLICY.freeFailures; i++) assert.equal(await spray(`semprot_${i}`), 401);
    assert.ok(delayAfter(LOGIN_ADDRESS_POLICY.freeFailures, LOGIN_ADDRESS_POLICY) > 0);
    assert.equal(await spray('semprot_baru'), 429, 'a new username from the same address waits');
    const { username, password } = await buildUser(ctx().db, { role: 'analyst' });
    assert.equal(
      await login(deps, { username, password }, { sessionHours: 1, address: '100.64.9.10' }).then(() => 200),
      200,
      'other addresses are not affected',
    );
  });

  test('a wrong-PIN lock holds for the guessing address only; the reporter elsewhere still follows the laporan', async () => {
    const receipt = (await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput() })).json();
    const wrongPin = receipt.pin === '000000' ? '111111' : '000000';
    const track = (pin: string, remoteAddress: string, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url: '/api/v1/lacak', remoteAddress, headers, payload: { kode: receipt.trackingCode, pin } });
    for (let i = 0; i < 5; i++) {
      assert.equal((await track(wrongPin, '198.51.100.20', { 'x-forwarded-for': `10.9.9.${i}` })).statusCode, 401);
    }
    assert.equal((await track(receipt.pin, '198.51.100.20', { 'x-forwarded-for': '10.9.9.200' })).statusCode, 429);
    const owner = await track(receipt.pin, '198.51.100.21');
    assert.equal(owner.statusCode, 200, 'the reporter at another address is not locked out');
    assert.equal(owner.json().trackingCode, receipt.trackingCode);
  });

  test('wrong PINs across many codes from one address hit a per-address ceiling', async () => {
    for (let i = 0; i < 50; i++) {
      const kode = `NTR-${randomBytes(2).toString('hex').toUpperCase()}-${String(i).padStart(4, '0')}`;
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/lacak',
        remoteAddress: '198.51.100.30',
        payload: { kode, pin: '123456' },
      });
      assert.equal(res.statusCode, 401, res.body);
    }
    const receipt = (await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput() })).json();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/lacak',
      remoteAddress: '198.51.100.30',
      payload: { kode: receipt.trackingCode, pin: receipt.pin },
    });
    assert.equal(res.statusCode, 429);
  });
});

describeEachBackend('accounts: behind a trusted proxy (NETRA_TRUST_PROXY)', (ctx) => {
  let app: FastifyInstance;
  let listed: FastifyInstance;
  before(async () => {
    app = await buildTestApp(ctx().db, { now, trustProxy: '1' });
    listed = await buildTestApp(ctx().db, { now, trustProxy: '10.0.0.1, 10.0.0.0/24' });
  });
  after(async () => {
    await app.close();
    await listed.close();
  });

  for (const [name, get] of [
    ['hop count', () => app],
    ['address list', () => listed],
  ] as const) {
    test(`${name}: the forwarded client address is used for limits and logs`, async () => {
      const { username, password } = await buildUser(ctx().db, { role: 'analyst' });
      for (let i = 0; i < 5; i++) {
        const res = await loginAs(get(), username, 'salah-salah-salah', '10.0.0.1', { 'x-forwarded-for': '198.51.100.7' });
        assert.equal(res.statusCode, 401);
      }
      assert.equal((await loginAs(get(), username, password, '10.0.0.1', { 'x-forwarded-for': '198.51.100.7' })).statusCode, 429);
      assert.equal(
        (await loginAs(get(), username, password, '10.0.0.1', { 'x-forwarded-for': '198.51.100.8' })).statusCode,
        200,
        'the owner behind the same proxy, from another client address, signs in',
      );
      const logged = await ctx().db.query<{ data: { address: string } }>(
        `SELECT data FROM audit_events WHERE action = 'auth.login_failed' AND entity_id = (SELECT id FROM users WHERE username = $1)`,
        [username],
      );
      assert.ok(logged.rows.length === 5 && logged.rows.every((r) => r.data.address === '198.51.100.7'));
    });
  }

  test('an untrusted peer cannot claim an address through the list form', async () => {
    const { username } = await buildUser(ctx().db, { role: 'analyst' });
    await loginAs(listed, username, 'salah-salah-salah', '203.0.113.66', { 'x-forwarded-for': '198.51.100.9' });
    const logged = await ctx().db.query<{ data: { address: string } }>(
      `SELECT data FROM audit_events WHERE action = 'auth.login_failed' AND entity_id = (SELECT id FROM users WHERE username = $1)`,
      [username],
    );
    assert.equal(logged.rows[0].data.address, '203.0.113.66');
  });
});

describeEachBackend('documents print NETRA_PUBLIC_URL, never the request host', (ctx) => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildTestApp(ctx().db, { publicUrl: 'https://netra.example.go.id/', trustProxy: '1' });
  });
  after(async () => {
    await app.close();
  });

  test('X-Forwarded-Host and Host cannot change the verification URL in the pledge certificate', async () => {
    const { username, password } = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '16.02' });
    const staff = await signIn(app, username, password);
    const created = await staff.request({
      method: 'POST',
      url: '/api/v1/pledges',
      payload: {
        agency: 'Pemerintah Kabupaten Ogan Komering Ilir',
        regionCode: '16.02',
        date: '2024-09-02',
        venue: 'Pendopo, Kayuagung',
        signatoryCount: 10,
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const { id } = created.json();
    const pdf = await app.inject({
      url: `/api/v1/public/pledges/${id}/certificate.pdf`,
      remoteAddress: '10.0.0.1',
      headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' },
    });
    assert.equal(pdf.statusCode, 200);
    const text = pdfText(pdf.rawPayload);
    assert.ok(text.includes(`https://netra.example.go.id/verifikasi/deklarasi/${id}`), 'the configured public URL is printed');
    assert.ok(!text.includes('evil.example'));
  });

  test('production refuses to start without NETRA_PUBLIC_URL; elsewhere the fallback is localhost', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' } as NodeJS.ProcessEnv), /NETRA_PUBLIC_URL/);
    assert.equal(
      loadConfig({ NODE_ENV: 'production', NETRA_PUBLIC_URL: 'https://netra.example.go.id' } as NodeJS.ProcessEnv).publicUrl,
      'https://netra.example.go.id',
    );
    assert.equal(loadConfig({} as NodeJS.ProcessEnv).publicUrl, undefined);
    assert.equal(loadConfig({} as NodeJS.ProcessEnv).trustProxy, false);
    assert.equal(loadConfig({} as NodeJS.ProcessEnv).requireTotp, 'staff');
    assert.deepEqual(loadConfig({ NETRA_TRUST_PROXY: '10.0.0.0/8,192.168.1.1' } as NodeJS.ProcessEnv).trustProxy, [
      '10.0.0.0/8',
      '192.168.1.1',
    ]);
    assert.throws(() => loadConfig({ NETRA_TRUST_PROXY: 'true' } as NodeJS.ProcessEnv), /NETRA_TRUST_PROXY/);
    assert.throws(() => loadConfig({ NETRA_REQUIRE_TOTP: 'never' } as NodeJS.ProcessEnv), /NETRA_REQUIRE_TOTP/);
  });
});
