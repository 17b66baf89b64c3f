// TOTP policy (NETRA_REQUIRE_TOTP), changing TOTP only with the current code, single-use
// recovery codes, the enrolment code burnt, and secrets sealed at rest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp, buildUser, signIn, testVault, type Session } from '../support/http.ts';

let clock = new Date('2024-10-10T03:00:07Z');
const now = () => clock;
const advanceSteps = (steps: number) => {
  clock = new Date(clock.getTime() + steps * 30_000);
};
const codeAt = (secret: string, stepOffset = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: clock.getTime() + stepOffset * 30_000 });

const loginBody = (username: string, password: string, extra: Record<string, string> = {}) => ({
  method: 'POST' as const,
  url: '/api/v1/auth/login',
  payload: { username, password, ...extra },
});

/** Enrols TOTP through the API; returns the secret and the recovery codes. */
async function enrol(session: Session, current: Record<string, string> = {}) {
  const setup = await session.request({ method: 'POST', url: '/api/v1/auth/totp/setup', payload: current });
  assert.equal(setup.statusCode, 200, setup.body);
  const { secret } = setup.json();
  const confirmCode = codeAt(secret);
  const confirmed = await session.request({ method: 'POST', url: '/api/v1/auth/totp/confirm', payload: { code: confirmCode } });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  return { secret: secret as string, confirmCode, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

describeEachBackend('TOTP required for staff (the default)', (ctx) => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildTestApp(ctx().db, { now, requireTotp: 'staff' });
  });
  after(async () => {
    await app.close();
  });

  test('a signed-in supervisor without TOTP gets 403 totp_required on a case action until enrolled', async () => {
    const { username, password } = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '16.02' });
    const session = await signIn(app, username, password);
    const me = await session.request({ url: '/api/v1/auth/me' });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().user.totpRequired, true);
    const blocked = await session.request({ url: '/api/v1/cases' });
    assert.equal(blocked.statusCode, 403);
    assert.equal(blocked.json().code, 'totp_required');
    const action = await session.request({
      method: 'POST',
      url: '/api/v1/cases/00000000-0000-4000-8000-000000000000/actions',
      payload: { action: 'registrasi' },
    });
    assert.equal(action.statusCode, 403);
    assert.equal(action.json().code, 'totp_required');

    const { secret, confirmCode, recoveryCodes } = await enrol(session);
    assert.equal(recoveryCodes.length, 10);
    assert.equal(new Set(recoveryCodes).size, 10);
    assert.equal((await session.request({ url: '/api/v1/cases' })).statusCode, 200, 'the same session works once enrolled');

    // The code that confirmed enrolment is burnt: it does not sign in again.
    const reused = await app.inject(loginBody(username, password, { totp: confirmCode }));
    assert.equal(reused.statusCode, 401);
    assert.equal(reused.json().field, 'totp');
    const next = await app.inject(loginBody(username, password, { totp: codeAt(secret, 1) }));
    assert.equal(next.statusCode, 200, next.body);
  });

  test('the secret is sealed at rest, never stored in plaintext', async () => {
    const { user, username, password } = await buildUser(ctx().db, { role: 'bkn' });
    const { secret } = await enrol(await signIn(app, username, password));
    const row = (await ctx().db.query<Record<string, string | null>>('SELECT * FROM users WHERE id = $1', [user.id])).rows[0];
    assert.equal(row.totp_secret, null);
    assert.equal(row.totp_pending_sealed, null);
    assert.ok(row.totp_secret_sealed && !row.totp_secret_sealed.includes(secret));
    assert.ok(!JSON.stringify(row).includes(secret), 'no column holds the base32 secret');
    assert.equal(testVault(app).decrypt(row.totp_secret_sealed), secret);
    const codes = await ctx().db.query<{ code_hash: string }>('SELECT code_hash FROM totp_recovery_codes WHERE user_id = $1', [user.id]);
    assert.equal(codes.rows.length, 10);
  });

  test('a recovery code signs in once; re-enrolling needs the current code; TOTP cannot be switched off here', async () => {
    const { username, password } = await buildUser(ctx().db, { role: 'pengawas_provinsi', regionCode: '16' });
    const { secret, recoveryCodes } = await enrol(await signIn(app, username, password));
    advanceSteps(2);
    const withRecovery = await app.inject(loginBody(username, password, { recoveryCode: recoveryCodes[3].toUpperCase() }));
    assert.equal(withRecovery.statusCode, 200, withRecovery.body);
    const again = await app.inject(loginBody(username, password, { recoveryCode: recoveryCodes[3] }));
    assert.equal(again.statusCode, 401);
    assert.equal(again.json().field, 'recoveryCode');

    const session = await signIn(app, username, password, codeAt(secret));
    const me = (await session.request({ url: '/api/v1/auth/me' })).json();
    assert.equal(me.recoveryCodesLeft, 9);
    const noCode = await session.request({ method: 'POST', url: '/api/v1/auth/totp/setup', payload: {} });
    assert.equal(noCode.statusCode, 403);
    assert.equal(noCode.json().code, 'totp_required');
    const wrong = await session.request({
      method: 'POST',
      url: '/api/v1/auth/totp/setup',
      payload: { code: codeAt(secret) === '000000' ? '111111' : '000000' },
    });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().field, 'code');
    // Still the old secret: a session alone changed nothing.
    advanceSteps(1);
    const stillOld = await app.inject(loginBody(username, password, { totp: codeAt(secret) }));
    assert.equal(stillOld.statusCode, 200);

    const off = await session.request({ method: 'POST', url: '/api/v1/auth/totp/disable', payload: { code: codeAt(secret, 1) } });
    assert.equal(off.statusCode, 403, 'policy requires TOTP for staff');
    advanceSteps(2);
    const renewed = await enrol(session, { code: codeAt(secret) });
    assert.notEqual(renewed.secret, secret);
    advanceSteps(1);
    assert.equal((await app.inject(loginBody(username, password, { totp: codeAt(secret) }))).statusCode, 401, 'the old secret is gone');
    assert.equal(
      (await app.inject(loginBody(username, password, { recoveryCode: recoveryCodes[0] }))).statusCode,
      401,
      'old recovery codes are gone',
    );
    assert.equal((await app.inject(loginBody(username, password, { recoveryCode: renewed.recoveryCodes[0] }))).statusCode, 200);
  });

  test('a plaintext secret left by an older version is sealed at start and still works', async () => {
    const { user, username, password } = await buildUser(ctx().db, { role: 'analyst' });
    const secret = new Secret({ size: 20 }).base32;
    await ctx().db.query('UPDATE users SET totp_secret = $2, totp_enabled = true WHERE id = $1', [user.id, secret]);
    const restarted = await buildTestApp(ctx().db, { now, requireTotp: 'staff' });
    try {
      const row = (
        await ctx().db.query<{ totp_secret: string | null; totp_secret_sealed: string | null }>(
          'SELECT totp_secret, totp_secret_sealed FROM users WHERE id = $1',
          [user.id],
        )
      ).rows[0];
      assert.equal(row.totp_secret, null);
      assert.equal(testVault(restarted).decrypt(row.totp_secret_sealed!), secret);
      advanceSteps(1);
      assert.equal((await restarted.inject(loginBody(username, password, { totp: codeAt(secret) }))).statusCode, 200);
    } finally {
      await restarted.close();
    }
  });
});

describeEachBackend('TOTP policy admin / off', (ctx) => {
  let adminOnly: FastifyInstance;
  let off: FastifyInstance;
  before(async () => {
    adminOnly = await buildTestApp(ctx().db, { now, requireTotp: 'admin' });
    off = await buildTestApp(ctx().db, { now, requireTotp: 'off' });
  });
  after(async () => {
    await adminOnly.close();
    await off.close();
  });

  test("'admin': only administrators must enrol", async () => {
    const admin = await buildUser(ctx().db, { role: 'admin' });
    const analyst = await buildUser(ctx().db, { role: 'analyst' });
    const a = await signIn(adminOnly, admin.username, admin.password);
    const blocked = await a.request({ url: '/api/v1/users' });
    assert.equal(blocked.statusCode, 403);
    assert.equal(blocked.json().code, 'totp_required');
    const b = await signIn(adminOnly, analyst.username, analyst.password);
    assert.equal((await b.request({ url: '/api/v1/cases' })).statusCode, 200);
  });

  test("'off': nobody must enrol, but switching TOTP off needs the current code", async () => {
    const { username, password } = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '16.02' });
    const session = await signIn(off, username, password);
    assert.equal((await session.request({ url: '/api/v1/cases' })).statusCode, 200);
    const { secret } = await enrol(session);
    const noCode = await session.request({ method: 'POST', url: '/api/v1/auth/totp/disable', payload: {} });
    assert.equal(noCode.statusCode, 403);
    assert.equal(noCode.json().code, 'totp_required');
    const wrong = await session.request({
      method: 'POST',
      url: '/api/v1/auth/totp/disable',
      payload: { code: codeAt(secret) === '000000' ? '111111' : '000000' },
    });
    assert.equal(wrong.statusCode, 400);
    const disabled = await session.request({ method: 'POST', url: '/api/v1/auth/totp/disable', payload: { code: codeAt(secret, 1) } });
    assert.equal(disabled.statusCode, 200, disabled.body);
    assert.equal((await off.inject(loginBody(username, password))).statusCode, 200, 'password alone again');
    const audit = await ctx().db.query(`SELECT 1 FROM audit_events WHERE action = 'auth.totp_disabled'`);
    assert.equal(audit.rows.length, 1);
  });
});
