import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRevealReason } from '../../src/domain/access/revealReason.ts';

test('a reveal reason needs real content, not padding', () => {
  for (const junk of [
    'aaaaaaaaaa',
    '...',
    '..........',
    '1234567890',
    'abababababab',
    '          x',
    '!!!!!!!!!!!!',
    'a.a.a.a.a.a.a',
    'kajian',
  ]) {
    assert.equal(checkRevealReason(junk).ok, false, junk);
  }
  assert.deepEqual(checkRevealReason('x'.repeat(2000)), { ok: false, problem: 'too_long' });
  assert.deepEqual(checkRevealReason('  ...  '), { ok: false, problem: 'too_short' });
  for (const real of ['Klarifikasi pelapor untuk kajian awal', 'verifikasi identitas', 'Contact reporter about missing evidence']) {
    assert.equal(checkRevealReason(real).ok, true, real);
  }
  assert.deepEqual(checkRevealReason('  Klarifikasi   pelapor  '), { ok: true, reason: 'Klarifikasi pelapor' });
});
