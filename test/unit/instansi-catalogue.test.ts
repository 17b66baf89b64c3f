// The instansi catalogue: stable keys, valid (region, key) entries, suggestions from free text;
// PPK role scope and analyst witness access (issue 11 items 7–8).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INSTANSI, checkAgencyAddress, suggestAddressForSubject, suggestInstansi } from '../../src/domain/catalogues/instansi.ts';
import { canReadWitnessDetails, jurisdictionOf, validateRoleScope } from '../../src/domain/access/policy.ts';
import { actorOfPrincipal, actorOfToken } from '../../src/domain/referrals/access.ts';

test('catalogue keys are unique snake_case', () => {
  const keys = INSTANSI.map((e) => e.key);
  assert.equal(new Set(keys).size, keys.length);
  for (const key of keys) assert.match(key, /^[a-z_]+$/);
});

test('an entry is a pemerintah daerah region + a key; kecamatan/kelurahan/desa only under a kab/kota', () => {
  assert.equal(checkAgencyAddress('16.02', 'dinas_pendidikan'), null);
  assert.equal(checkAgencyAddress('16', 'dinas_pendidikan'), null);
  assert.equal(checkAgencyAddress('16.02.05', 'dinas_pendidikan'), 'REGION_NOT_PEMDA');
  assert.equal(checkAgencyAddress('16.02', 'Dinas Pendidikan'), 'UNKNOWN_INSTANSI');
  assert.equal(checkAgencyAddress('16', 'kecamatan'), 'NOT_IN_PROVINCE');
});

test('suggestions from the reporter’s free text, in the terlapor’s kab/kota or the province', () => {
  assert.deepEqual(suggestInstansi('Dinas Pendidikan', '16.02.05'), { regionCode: '16.02', key: 'dinas_pendidikan' });
  assert.deepEqual(suggestInstansi('SD Negeri 3 Kayuagung', '16.02'), { regionCode: '16.02', key: 'dinas_pendidikan' });
  assert.deepEqual(suggestInstansi('Badan Pendapatan Daerah Kabupaten Ogan Komering Ilir', '16.02'), {
    regionCode: '16.02',
    key: 'bapenda',
  });
  assert.deepEqual(suggestInstansi('Dinas Kesehatan Provinsi Sumatera Selatan', '16.71'), { regionCode: '16', key: 'dinas_kesehatan' });
  assert.deepEqual(suggestInstansi('Pemerintah Kabupaten Ogan Komering Ilir', '16.02'), { regionCode: '16.02', key: 'pemerintah_daerah' });
  assert.equal(suggestInstansi('Kementerian Agama', '16.02'), null);
  assert.equal(suggestInstansi('Yayasan Pelita', '16.02'), null);
  assert.deepEqual(suggestAddressForSubject('kepala_desa', 'Pemerintah Desa Sukamaju', '16.02.05.2001'), {
    regionCode: '16.02',
    key: 'pemerintah_daerah',
  });
  assert.equal(suggestAddressForSubject('TNI', 'Kodim 0402', '16.02'), null);
});

test('PPK role: region (pemerintah daerah) and catalogue key both required; without them no scope', () => {
  assert.equal(validateRoleScope('ppk', null, 'dinas_pendidikan'), 'region');
  assert.equal(validateRoleScope('ppk', '16.02.05', 'dinas_pendidikan'), 'region');
  assert.equal(validateRoleScope('ppk', '16.02', 'Dinas Pendidikan'), 'agency');
  assert.equal(validateRoleScope('ppk', '16.02', null), 'agency');
  assert.equal(validateRoleScope('ppk', '16.02', 'dinas_pendidikan'), null);
  const legacy = { id: 'u', role: 'ppk' as const, regionCode: null, agency: 'dinas_pendidikan' };
  assert.deepEqual(jurisdictionOf(legacy), { kind: 'none' });
  assert.deepEqual(actorOfPrincipal(legacy), { kind: 'none' });
  assert.deepEqual(actorOfToken({ authority: 'PPK', agency: 'dinas_pendidikan', regionCode: null }), { kind: 'none' });
});

test('witness details: handling office; analyst only inside its region; national analyst, BKN, PPK never', () => {
  const p = (role: 'analyst' | 'pengawas_kabkota' | 'bkn' | 'ppk' | 'pengawas_ri', regionCode: string | null) => ({
    id: 'x',
    role,
    regionCode,
    agency: role === 'ppk' ? 'bapenda' : null,
  });
  assert.equal(canReadWitnessDetails(p('pengawas_kabkota', '16.02'), '16.02'), true);
  assert.equal(canReadWitnessDetails(p('pengawas_kabkota', '16.02'), '16.71'), false);
  assert.equal(canReadWitnessDetails(p('pengawas_ri', null), '16.71'), true);
  assert.equal(canReadWitnessDetails(p('analyst', '16.02'), '16.02'), true);
  assert.equal(canReadWitnessDetails(p('analyst', '16'), '16.71'), true);
  assert.equal(canReadWitnessDetails(p('analyst', '16.02'), '16.71'), false);
  assert.equal(canReadWitnessDetails(p('analyst', null), '16.02'), false);
  assert.equal(canReadWitnessDetails(p('bkn', null), '16.02'), false);
  assert.equal(canReadWitnessDetails(p('ppk', '16.02'), '16.02'), false);
});
