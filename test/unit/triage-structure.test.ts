// Structural relevance evidence (issue 16, fourth round): an act told in an apparatus member's
// own sentence is evidence by itself — a prohibited act is an appeal to neutrality without the
// word, a reported or caught act is a violation without partisan vocabulary. Texts written for
// this file (not copied from the eval sets).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readProvinces, readRegencies } from '../../src/server/reference/idnArea.ts';
import { buildGazetteer, triageArticle } from '../../src/domain/triage/index.ts';
import { buildDoc } from '../../src/domain/triage/text.ts';
import { extractActors, findActorMentions, selectActorMentions } from '../../src/domain/triage/actors.ts';
import { extractActs, ownActSentences } from '../../src/domain/triage/acts.ts';

const gazetteer = buildGazetteer([...readProvinces(), ...readRegencies()]);
const triage = (text: string, title?: string) => triageArticle({ text, title }, gazetteer);
const doc = (text: string) => buildDoc(text, 0, null);
const actorsOf = (text: string) => {
  const d = doc(text);
  return extractActors(selectActorMentions(d, findActorMentions(d)));
};
const actsOf = (text: string) => {
  const d = doc(text);
  return extractActs(d, findActorMentions(d));
};

describe('triage structure: a prohibited act is an appeal', () => {
  test('a circular that forbids apparatus an act, with no neutrality word, is a relevant appeal', () => {
    const result = triage(
      'BATURAJA, Sumeks – Bupati OKU menerbitkan instruksi yang melarang camat dan lurah memasang baliho pasangan calon di kantor masing-masing, Rabu (2/10/2024).',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'appeal');
    assert.deepEqual(result.actors, ['camat', 'lurah']);
    assert.ok(result.acts.includes('atribut'));
  });
  test('a warning "agar tidak" + act addressed to apparatus is a relevant appeal', () => {
    const result = triage(
      'KUPANG, Timex – Sekda NTT mengingatkan ASN Pemprov agar tidak ikut dalam kampanye pasangan calon gubernur pada akhir pekan, Jumat (4/10/2024).',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'appeal');
    assert.deepEqual(result.actors, ['ASN']);
    assert.deepEqual(result.acts, ['hadir_kampanye']);
  });
  test('the same prohibition in a village-head election stays irrelevant', () => {
    const result = triage(
      'Camat melarang perangkat desa ikut berkampanye untuk calon kepala desa menjelang Pilkades serentak, Rabu (4/10/2023).',
    );
    assert.equal(result.relevant, false);
  });
});

describe('triage structure: an apparatus act with campaign goods is a violation', () => {
  test("a caught act with a candidate's goods and no partisan vocabulary is a relevant incident", () => {
    const result = triage(
      'BOGOR – Seorang Babinsa terekam membagikan kalender caleg kepada warga saat posyandu, Kamis (11/1). Denpom sudah memeriksa anggota itu menjelang Pemilu 2024.',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'incident');
    assert.deepEqual(result.actors, ['TNI']);
    assert.deepEqual(result.acts, ['lainnya']);
  });
  test('a reported act ("menerima laporan tentang … yang memasang spanduk") is a suspected violation', () => {
    const result = triage(
      'PATI, Radar Kudus – Bawaslu Pati menerima laporan tentang seorang sekretaris desa yang memasang spanduk bergambar calon bupati di rumahnya, Senin (14/10/2024).',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'incident');
    assert.deepEqual(result.actors, ['perangkat_desa']);
    assert.deepEqual(result.acts, ['atribut']);
  });
  test('ownActSentences reports the acts by the sentence they are told in', () => {
    const d = doc('Rapat digelar di aula. Seorang lurah membagikan stiker paslon kepada warga.');
    const own = ownActSentences(d, selectActorMentions(d, findActorMentions(d)));
    assert.deepEqual([...own.entries()], [[1, ['lainnya']]]);
  });
});

describe('triage structure: acts and actors', () => {
  test('stickers or shirts handed out are distribution, not attributes', () => {
    assert.deepEqual(actsOf('Seorang kepala desa diduga membagikan stiker pasangan calon bupati kepada warga.'), ['lainnya']);
  });
  test("wearing a candidate's shirt is an attribute", () => {
    assert.deepEqual(actsOf('Seorang lurah diduga mengenakan kaos salah satu pasangan calon saat kegiatan kelurahan.'), ['atribut']);
    assert.deepEqual(actsOf('Seorang ASN terlihat memakai baju bergambar calon bupati di kantor.'), ['atribut']);
  });
  test('attending a declaration of support is attendance, not declaring', () => {
    assert.deepEqual(actsOf('Seorang camat diduga menghadiri deklarasi dukungan untuk salah satu calon bupati.'), ['hadir_kampanye']);
  });
  test('"staf kantor camat" is ASN, and the office is the employer, not a facility used', () => {
    const text = 'Seorang staf kantor camat diduga ikut berjoget di panggung kampanye calon bupati.';
    assert.deepEqual(actorsOf(text), ['ASN']);
    assert.deepEqual(actsOf(text), ['hadir_kampanye']);
  });
});
