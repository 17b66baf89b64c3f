// The first-token phrase index (src/domain/triage/phrases.ts) must give exactly the matches of
// a plain global scan: checked for every regex the pipeline registers, on every eval text and on
// adversarial strings (underscores, accents, digits, words glued to punctuation).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readProvinces, readRegencies } from '../../src/server/reference/idnArea.ts';
import { buildGazetteer, triageArticle } from '../../src/domain/triage/index.ts';
import { countInSpan, indexedFindAll, indexedRegexes, literalPrefixes, matchesInSpan } from '../../src/domain/triage/phrases.ts';
import { buildDoc, lowerSameLength } from '../../src/domain/triage/text.ts';
import { detectLanguage } from '../../src/domain/triage/language.ts';
import { loadEvalSets } from '../../scripts/eval-triage.ts';

function plain(re: RegExp, text: string): Array<[number, string, (string | undefined)[]]> {
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  const out: Array<[number, string, (string | undefined)[]]> = [];
  for (let m = global.exec(text); m; m = global.exec(text)) {
    out.push([m.index, m[0], m.slice(1)]);
    if (m[0].length === 0) global.lastIndex++;
  }
  return out;
}

describe('triage phrase index', () => {
  test('literal prefixes: alternatives, optional groups, classes end a prefix, unindexable regexes are refused', () => {
    assert.deepEqual(literalPrefixes(/\b(?:(?:meng)?hadiri?|kehadiran)\b/g), ['hadir', 'kehadiran', 'menghadir']);
    assert.deepEqual(literalPrefixes(/\bunggah\w*|\bfoto (?:[a-z]+ ){1,2}bersama/g), ['foto ', 'unggah']);
    assert.deepEqual(literalPrefixes(/\b(?:ke|kepala)\s+desa/g), ['ke']);
    assert.equal(literalPrefixes(/\b(?:a|b)|c/g), null, 'an alternative without \\b');
    assert.equal(literalPrefixes(/(?:x)?\bab/g), null, 'a leading optional group');
    assert.equal(literalPrefixes(/\b\w+an/g), null, 'no literal first character');
    assert.equal(literalPrefixes(/\basn/gi), null, 'case-insensitive');
    assert.deepEqual(
      literalPrefixes(/\b(?:dua|[1-3]) jari/g),
      ['1 jari', '2 jari', '3 jari', 'dua jari'],
      'a small class is an alternation',
    );
    assert.equal(literalPrefixes(/\b[a-z]+an/g), null, 'a large class is not literal');
    assert.equal(literalPrefixes(/\b[^a]b/g), null, 'a negated class is not literal');
  });

  test('same matches as a global scan for every registered regex, on the eval texts and adversarial strings', () => {
    const gazetteer = buildGazetteer([...readProvinces(), ...readRegencies()]);
    const records = loadEvalSets();
    for (const record of records.slice(0, 20)) triageArticle(record, gazetteer); // registers the pipeline's regexes
    const regexes = indexedRegexes();
    assert.ok(regexes.length >= 20, `only ${regexes.length} regexes indexed`);
    const texts = [
      ...records.map((record) => record.text),
      'x_asn asn_x _kades kades_ 1asn asn1 éasn asnê kampanye. kampanye,kampanye-kampanye (kampanye) "netral" netralitas\nnetral',
      'Pj Bupati: ASN dilarang ikut kampanye!! KADES/lurah; camat… pasangan calon\u2013nomor urut 2, tidak netral.',
      '',
      'a',
      // Counts (declared prefixes): after "_" FORWARD_RE may match where no word starts, so a text with "_" is scanned.
      'x_5 laporan; 5 laporan,dua kasus.tiga temuan/4 perkara é5 laporan sebanyak 12 merupakan temuan\n7 lainnya, 9 orang 10-12 kasus',
      'x5 laporan; 5 laporan,dua kasus.tiga temuan/4 perkara é5 laporan sebanyak 12 merupakan temuan\n7 lainnya, 9 orang 10-12 kasus',
    ];
    for (const text of texts) {
      const doc = buildDoc(text, 0, null);
      for (const re of regexes) {
        const expected = plain(re, doc.lower);
        const hits = indexedFindAll(doc, re);
        // Declared with an exception character (numbers.ts): that document is scanned instead.
        if (hits === null) {
          assert.ok(doc.lower.includes('_'), `${re.source.slice(0, 60)} not indexed on ${text.slice(0, 40)}`);
          continue;
        }
        const got = hits.map((hit) => [hit.index, hit.text, hit.groups]);
        assert.deepEqual(got, expected, `${re.source.slice(0, 60)} on ${text.slice(0, 40)}`);
        for (const span of doc.sentences) {
          const slice = doc.lower.slice(span.start, span.end);
          assert.equal(countInSpan(doc, re, span.start, span.end), plain(re, slice).length);
          assert.equal(matchesInSpan(doc, re, span.start, span.end), plain(re, slice).length > 0);
        }
      }
    }
  });

  test('language from the tokens (ASCII texts) or the index equals the plain scan', () => {
    const texts = [
      ...loadEvalSets().map((record) => record.text),
      'the dié and_yang of the ini itu dari is was by on kata',
      'The minister said that the election was fair and the results were final; yang itu.',
      'KELVIN \u212aami dan yang di ke \u0130ni itu the of',
    ];
    for (const text of texts) {
      const doc = buildDoc(text, 0, null);
      assert.equal(detectLanguage(doc.lower, doc), detectLanguage(doc.lower), text.slice(0, 40));
    }
  });

  test('a span that starts inside a word falls back to the plain scan', () => {
    const doc = buildDoc(lowerSameLength('xasn asn'), 0, null);
    assert.equal(countInSpan(doc, /\basn\b/g, 1), 1 + 1);
  });
});
