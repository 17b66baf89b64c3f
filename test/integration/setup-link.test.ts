// The first admin through the one-time setup link (issue 11): valid once, expires, a wrong token
// is refused, and once an admin exists the link makes no second one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp, buildUser } from '../support/http.ts';
import { createSetupLink, SETUP_TOKEN_TTL_MS, type SetupLink } from '../../src/server/modules/accounts/setup.ts';

describeEachBackend('first-admin setup link', (ctx) => {
  let app: FastifyInstance;
  let setup: SetupLink;
  let clock = new Date('2024-09-01T02:00:00Z');
  before(async () => {
    setup = createSetupLink();
    app = await buildTestApp(ctx().db, { now: () => clock, setup });
  });
  after(async () => {
    await app.close();
  });

  const post = (body: Record<string, unknown>, lang = 'id') =>
    app.inject({ method: 'POST', url: '/api/v1/auth/setup', headers: { 'accept-language': lang }, payload: body });
  const admin = (token: string, username = 'admin_setup') => ({ token, username, password: 'kata-sandi-rahasia' });

  test('no token issued, a wrong token, an expired token: 403 setup_token_invalid, nothing created', async () => {
    let res = await post(admin('tebakan'));
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'setup_token_invalid');

    const token = setup.issue(clock);
    res = await post(admin(`${token}x`), 'en');
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'setup_token_invalid');
    assert.match(res.json().detail, /setup link is not valid/);

    clock = new Date(clock.getTime() + SETUP_TOKEN_TTL_MS);
    res = await post(admin(token));
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'setup_token_invalid');
    const users = await ctx().db.query("SELECT 1 FROM users WHERE role = 'admin'");
    assert.equal(users.rows.length, 0);
  });

  test('bad input is a 400 and keeps the token; the valid token makes one audited admin, once', async () => {
    const token = setup.issue(clock);
    let res = await post({ ...admin(token), password: 'pendek' });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().field, 'password');

    res = await post(admin(token));
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().user.role, 'admin');
    const audit = await ctx().db.query<{ actor_role: string }>(
      "SELECT actor_role FROM audit_events WHERE action = 'user.created' AND data->>'username' = 'admin_setup'",
    );
    assert.deepEqual(
      audit.rows.map((r) => r.actor_role),
      ['setup'],
    );
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin_setup', password: 'kata-sandi-rahasia' },
    });
    assert.equal(login.statusCode, 200);

    // Used: the same link again makes nobody.
    res = await post(admin(token, 'admin_kedua'));
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'setup_done');
  });

  test('an admin exists: even a fresh token is refused with 409 setup_done', async () => {
    await buildUser(ctx().db, { role: 'admin' });
    const token = setup.issue(clock);
    const res = await post(admin(token, 'admin_ketiga'));
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'setup_done');
    const extra = await ctx().db.query("SELECT 1 FROM users WHERE username = 'admin_ketiga'");
    assert.equal(extra.rows.length, 0);
  });
});
