// Issue 11 item 8: the server listens on loopback unless HOST says otherwise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/server/config.ts';

test('HOST defaults to 127.0.0.1 (not every interface); HOST=0.0.0.0 opens it up', () => {
  assert.equal(loadConfig({} as NodeJS.ProcessEnv).host, '127.0.0.1');
  assert.equal(loadConfig({ HOST: '0.0.0.0' } as NodeJS.ProcessEnv).host, '0.0.0.0');
});

test('NETRA_SMTP_URL: smtp:// or smtps:// only; unset means the .eml drop folder', () => {
  assert.equal(loadConfig({} as NodeJS.ProcessEnv).smtpUrl, undefined);
  assert.equal(
    loadConfig({ NETRA_SMTP_URL: 'smtps://u:p@relay.example:465' } as NodeJS.ProcessEnv).smtpUrl,
    'smtps://u:p@relay.example:465',
  );
  assert.throws(() => loadConfig({ NETRA_SMTP_URL: 'http://relay.example' } as NodeJS.ProcessEnv), /NETRA_SMTP_URL/);
  assert.throws(() => loadConfig({ NETRA_SMTP_URL: 'relay.example:587' } as NodeJS.ProcessEnv), /NETRA_SMTP_URL/);
});
