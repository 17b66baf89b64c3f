// Error classes of the acts round (issue 16, 2026-12-08): one case per rule, texts written for
// this file (not copied from the eval sets).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../../src/domain/triage/text.ts';
import { findActorMentions } from '../../src/domain/triage/actors.ts';
import { extractActs } from '../../src/domain/triage/acts.ts';

const actsOf = (text: string) => {
  const d = buildDoc(text, 0, null);
  return extractActs(d, findActorMentions(d));
};

describe('triage acts round: phrasings of catalogue acts', () => {
  test('hosting a candidate’s meeting is taking part in it', () => {
    assert.deepEqual(actsOf('Seorang kepala desa diduga mengadakan pertemuan warga dengan calon bupati di rumahnya.'), ['hadir_kampanye']);
  });
  test('going to or watching a campaign is attendance', () => {
    assert.deepEqual(actsOf('Kepala dinas melarang pegawainya berangkat ke lokasi kampanye pada jam kerja.'), ['hadir_kampanye']);
    assert.deepEqual(actsOf('"Menonton kampanye pun tidak boleh," kata sekda kepada para ASN.'), ['hadir_kampanye']);
  });
  test('a public-service vehicle carrying campaign goods is a state facility', () => {
    assert.ok(
      actsOf('Seorang ASN diduga memakai ambulans milik RSUD untuk mengantar logistik pasangan calon.').includes('fasilitas_negara'),
    );
  });
  test('steering a beneficiary list by political choice is a decision benefiting a candidate', () => {
    assert.deepEqual(actsOf('Kepala desa diduga mencoret warga yang tidak mendukung petahana dari daftar penerima bantuan.'), [
      'keputusan_menguntungkan',
    ]);
    assert.deepEqual(actsOf('Lurah diduga hanya menetapkan warga pendukung calon wali kota sebagai penerima bantuan pangan.'), [
      'keputusan_menguntungkan',
    ]);
  });
  test('service refused because of a different political choice is a decision harming a candidate', () => {
    assert.deepEqual(actsOf('Perangkat desa diduga menolak mengurus surat warga lantaran beda pilihan dalam pilkada.'), [
      'keputusan_menguntungkan',
    ]);
  });
});

describe('triage acts round: more phrasings', () => {
  test('going up on a campaign stage or hosting it is attendance', () => {
    assert.deepEqual(actsOf('Seorang lurah diduga naik ke atas panggung kampanye pasangan calon dan berjoget.'), ['hadir_kampanye']);
    assert.deepEqual(actsOf('Seorang guru PNS diduga menjadi moderator dalam kampanye dialogis calon gubernur.'), ['hadir_kampanye']);
  });
  test('a public hall owned by the regency used for a campaign meeting is a state facility', () => {
    assert.deepEqual(actsOf('Kepala dinas diduga meminjamkan aula milik pemkab untuk konsolidasi tim pemenangan calon bupati.'), [
      'fasilitas_negara',
    ]);
  });
  test('replacing officials or holding back pay from non-supporters is a decision', () => {
    assert.deepEqual(actsOf('Wali kota petahana diduga mengganti dua camat menjelang penetapan pasangan calon.'), [
      'keputusan_menguntungkan',
    ]);
    assert.deepEqual(actsOf('Kepala desa diduga menunda honor kader posyandu yang tidak mendukung calon bupati petahana.'), [
      'keputusan_menguntungkan',
    ]);
  });
  test('making sure staff vote for a candidate is mobilisation', () => {
    assert.deepEqual(actsOf('Kepala sekolah diduga memastikan para guru memilih calon bupati petahana.'), ['mobilisasi']);
  });
  test('securing a campaign is not holding it', () => {
    assert.deepEqual(actsOf('Kapolres menggelar pengamanan kampanye terbuka pasangan calon di alun-alun, Minggu (17/11).'), []);
  });
});

describe('triage acts round: not the act', () => {
  test('a distance from an office is a landmark, not the use of the office', () => {
    assert.deepEqual(
      actsOf('Seorang lurah diduga hadir dalam kampanye pasangan calon. Acara itu digelar sekitar 50 meter dari kantor kelurahan.'),
      ['hadir_kampanye'],
    );
  });
  test('village-fund cash aid is the programme a decision is about, not money used', () => {
    assert.ok(!actsOf('Kades diduga membagi BLT dana desa hanya kepada warga yang mendukung calon bupati.').includes('fasilitas_negara'));
  });
  test('a car taking part in a convoy is the use of the car, not its user attending', () => {
    assert.deepEqual(
      actsOf('Menurut pelapor, kendaraan operasional kelurahan tampak ikut dalam arak-arakan tim pemenangan, diduga atas izin lurah.'),
      ['fasilitas_negara'],
    );
    assert.deepEqual(actsOf('Mobil dinas yang biasa dipakai kepala dinas terlihat ikut dalam pawai pendukung pasangan calon.'), [
      'fasilitas_negara',
    ]);
  });
  test('a commander gathering his staff for a briefing is not mobilisation', () => {
    assert.ok(
      !actsOf('Dandim mengumpulkan para Babinsa dalam apel pagi dan melarang mereka memasang spanduk calon.').includes('mobilisasi'),
    );
  });
  test('officers removing campaign banners enforce the rules', () => {
    assert.deepEqual(actsOf('Satpol PP bersama panwascam mencopot ratusan baliho calon bupati yang dipasang di tiang listrik.'), []);
  });
});
