// The 'Teruskan' proposal: subject type + acts → classification, and the route it previews.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FORWARDING_ORDER, previewForwarding, suggestClassification } from '../../src/domain/catalogues/suggestClassification.ts';

test('an ASN reported for neutrality acts → peraturan lainnya (netralitas ASN) → BKN, not KPU', () => {
  const s = suggestClassification(['PNS'], ['hadir_deklarasi_kampanye', 'foto_bersama']);
  assert.deepEqual(s, { classification: 'peraturan_lainnya', basis: 'neutrality_subject_and_acts' });
  const [route] = previewForwarding(s!.classification, ['PNS'], '2026-12-07', '16.02');
  assert.equal(route.authority, 'BKN');
  assert.match(route.authorityName, /Badan Kepegawaian Negara/);
  // Before 25 Aug 2024 the same case went to KASN.
  assert.equal(previewForwarding('peraturan_lainnya', ['camat'], '2024-08-01', '16.02')[0].authority, 'KASN');
});

test('kepala desa, TNI and Polri go to their own authorities; unlisted acts alone still point to neutrality', () => {
  assert.equal(previewForwarding('peraturan_lainnya', ['kepala_desa'], '2026-12-07', '16.02')[0].authority, 'BUPATI_WALIKOTA');
  assert.equal(previewForwarding('peraturan_lainnya', ['TNI'], '2026-12-07', '16.02')[0].authority, 'TNI');
  assert.deepEqual(suggestClassification(['kepala_desa'], ['lainnya']), {
    classification: 'peraturan_lainnya',
    basis: 'neutrality_subject',
  });
});

test('no suggestion when nothing points to a neutrality rule', () => {
  assert.equal(suggestClassification(['lainnya'], ['lainnya']), null);
  assert.equal(suggestClassification(['lainnya'], ['alat_peraga']), null);
  assert.equal(suggestClassification([], []), null);
});

test('neutrality first in the dialog; every forwardable classification offered once; unknown input previews nothing', () => {
  assert.equal(FORWARDING_ORDER[0], 'peraturan_lainnya');
  assert.equal(new Set(FORWARDING_ORDER).size, 4);
  assert.ok(!FORWARDING_ORDER.includes('bukan_pelanggaran'));
  assert.deepEqual(previewForwarding('nonsense', ['PNS'], '2026-12-07', '16.02'), []);
  assert.deepEqual(
    previewForwarding('administrasi', ['PNS'], '2026-12-07', '16.02').map((r) => r.authority),
    ['KPU'],
  );
});
