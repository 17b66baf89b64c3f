import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readProvinces, readRegencies } from '../../src/server/reference/idnArea.ts';
import { buildGazetteer } from '../../src/domain/triage/gazetteer.ts';
import { cleanArticle } from '../../src/domain/triage/clean.ts';
import { buildDoc } from '../../src/domain/triage/text.ts';
import { resolveRegions } from '../../src/domain/triage/regions.ts';
import { REGION_ALIASES } from '../../src/domain/regions/aliases.ts';
import { compactRegionKey, normalizeRegionName, stripLevelPrefix } from '../../src/domain/regions/names.ts';

const gazetteer = buildGazetteer([...readProvinces(), ...readRegencies()]);
function regions(text: string, title?: string) {
  const cleaned = cleanArticle(text, title);
  return resolveRegions(buildDoc(cleaned.text, cleaned.bodyStart, cleaned.dateline), gazetteer);
}
const codes = (text: string, title?: string) => regions(text, title).map((region) => region.code);

describe('region names', () => {
  test('normalize and compact', () => {
    assert.equal(normalizeRegionName('Kab. Toli-Toli'), 'kab toli toli');
    assert.equal(compactRegionKey('Pangkal Pinang'), compactRegionKey('Pangkalpinang'));
    assert.equal(compactRegionKey('Palangka Raya'), compactRegionKey('Palangkaraya'));
  });
  test('stripLevelPrefix', () => {
    assert.deepEqual(stripLevelPrefix('Kabupaten Malang'), { base: 'malang', level: 'kabupaten' });
    assert.deepEqual(stripLevelPrefix('Kota Administrasi Jakarta Selatan'), { base: 'jakarta selatan', level: 'kota' });
    assert.deepEqual(stripLevelPrefix('Kab. OKI'), { base: 'oki', level: 'kabupaten' });
    assert.deepEqual(stripLevelPrefix('Malang'), { base: 'malang', level: null });
  });
  test('every alias points at an existing code', () => {
    const known = new Set([...readProvinces(), ...readRegencies()].map((row) => row.code));
    for (const { alias, code } of REGION_ALIASES) assert.ok(known.has(code), `${alias} → ${code}`);
  });
  test('gazetteer covers 38 provinces and 514 kabupaten/kota', () => {
    assert.equal([...gazetteer.regions.values()].filter((r) => r.level === 'provinsi').length, 38);
    assert.equal([...gazetteer.regions.values()].filter((r) => r.level !== 'provinsi').length, 514);
  });
});

describe('triage: region resolution', () => {
  const cases: Array<[string, string, string[]]> = [
    ['Kota Bengkulu is the kota', 'Bawaslu Kota Bengkulu mengimbau ASN netral.', ['17.71']],
    ['Provinsi Bengkulu is the province', 'Gubernur Bengkulu meminta ASN di Provinsi Bengkulu netral.', ['17']],
    ['bare Bengkulu is the province', 'ASN di Bengkulu diminta netral.', ['17']],
    ['bare Bengkulu follows an explicit Kota Bengkulu', 'Bawaslu Kota Bengkulu memanggil ASN. ASN di Bengkulu diminta netral.', ['17.71']],
    ['Bengkulu Utara wins over Bengkulu', 'Bawaslu Bengkulu Utara memanggil kades.', ['17.03']],
    ['Kabupaten Malang', 'Bawaslu Kabupaten Malang memanggil ASN.', ['35.07']],
    ['Kota Malang', 'Pemkot Malang dan Wali Kota Malang mengimbau ASN.', ['35.73']],
    ['Kab. abbreviation', 'ASN di Kab. Malang diperiksa.', ['35.07']],
    ['Bupati X is the kabupaten', 'Bupati Bekasi melantik pejabat.', ['32.16']],
    ['aliases: Sumsel, OKI, Babel', 'Bawaslu Sumsel dan Bawaslu OKI serta Pj Gubernur Babel.', ['16', '16.02', '19']],
    [
      'aliases: Solo, 50 Kota, Tanjab Barat, Kukar',
      'Di Solo, di 50 Kota, di Tanjab Barat dan di Kukar.',
      ['33.72', '13.07', '15.06', '64.02'],
    ],
    ['Jogja: kota with a Pemkot cue, DIY otherwise', 'Pemkot Jogja mengimbau ASN. Gubernur DIY juga.', ['34.71', '34']],
    ['acronym aliases need capitals', 'Oki dan Pali datang ke pesta.', []],
    ['read-also lines are not mentions', 'ASN di Kabupaten Lahat netral.\nBACA JUGA: Banjir Rendam Muara Enim\n', ['16.04']],
    ['common words need a cue', 'Nasib Malang ASN itu. Padang rumput luas. Bima Arya hadir.', []],
    ['common words with a cue count', 'Bawaslu Agam dan KPU Pati menggelar rapat di Batu.', ['13.06', '33.18', '35.79']],
    ['coordination carries the cue', 'Kasus terbanyak di Kabupaten Gowa dan Maros.', ['73.06', '73.09']],
    ['hyphen and space variants', 'Warga Toli-Toli, Pangkal Pinang dan Bau-Bau.', ['72.04', '19.71', '74.72']],
    ['Jakarta alias and Jaksel', 'Rapat di Jakarta dan Jaksel.', ['31', '31.74']],
  ];
  for (const [name, text, expected] of cases) {
    test(name, () => assert.deepEqual(codes(text), expected));
  }
  test('bare ambiguous kab/kota name: kabupaten code, level null, bare name', () => {
    assert.deepEqual(regions('Seorang kepala desa di Malang dilaporkan.'), [{ code: '35.07', name: 'Malang', level: null }]);
  });
  test('dateline counts as a mention of the city', () => {
    assert.deepEqual(codes('PALEMBANG, KORANPALPOS.COM – ASN di Sumsel diminta netral.'), ['16.71', '16']);
    assert.deepEqual(codes('SEMARANG, suaramerdeka.com - Bawaslu Jateng mencatat kasus.'), ['33.74', '33']);
    assert.deepEqual(codes('PADANG ARO – Bawaslu Solok Selatan menghentikan kasus.'), ['13.11']);
  });
  test('official names and levels in the output', () => {
    assert.deepEqual(regions('Bawaslu Kabupaten Ogan Komering Ilir dan Kepulauan Bangka Belitung.'), [
      { code: '16.02', name: 'Kabupaten Ogan Komering Ilir', level: 'kabupaten' },
      { code: '19', name: 'Kepulauan Bangka Belitung', level: 'provinsi' },
    ]);
  });
});
