// Bulk import parsing: a bad line is reported with its line number and skipped; quoted CSV fields
// may span lines (the record keeps the line it starts on). Also the media-act → temuan-act proposal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv, parseJsonLines, splitCsvRecords } from '../../src/domain/leads/importLines.ts';
import { catalogueActsForMediaAct, MEDIA_ACT_PROPOSALS, neutralityActsForMediaActs } from '../../src/domain/leads/acts.ts';
import { MEDIA_ACTS } from '../../src/domain/catalogues/skb2022.ts';

test('JSON lines: good lines kept, each bad line reported by number', () => {
  const input = [
    '{"id":"a1","url":"https://x.example/1","title":"Satu","text":"Camat hadir kampanye.","published_at":"2024-11-10"}',
    '',
    '{"text": 42}',
    'not json',
    '[1,2]',
    '{"id":"a2","text":"   "}',
    '{"id":7,"text":"Kedua artikel."}',
    '{"text":"Tanggal salah","published_at":"kemarin"}',
    '{"text":"URL salah","url":"ftp://x"}',
  ].join('\n');
  const { records, errors } = parseJsonLines(input);
  assert.deepEqual(
    records.map((r) => [r.line, r.id]),
    [
      [1, 'a1'],
      [7, '7'],
    ],
  );
  assert.equal(records[0].publishedAt, '2024-11-10T00:00:00.000Z');
  assert.deepEqual(
    errors.map((e) => e.line),
    [3, 4, 5, 6, 8, 9],
  );
  assert.match(errors[0].message, /"text" must be a string/);
  assert.match(errors[1].message, /invalid JSON/);
  assert.match(errors[2].message, /expected a JSON object/);
  assert.match(errors[3].message, /"text" is empty/);
  assert.match(errors[4].message, /published_at/);
  assert.match(errors[5].message, /http/);
});

test('CSV: header, quoted multi-line text, line numbers of records, bad rows skipped', () => {
  const input =
    'id,url,title,text,published_at\r\n' +
    'b1,https://x.example/1,Judul,"Baris satu\nbaris dua, dengan ""kutip""",2024-11-10T08:00:00+07:00\r\n' +
    'b2,,,,\r\n' +
    'b3,https://x.example/3,Judul 3,Teks tiga,\r\n' +
    'b4,https://x.example/4,Judul 4,Teks empat,2024-11-12,extra\r\n' +
    'b5,,,"tidak ditutup\n';
  const { records, errors } = parseCsv(input);
  assert.deepEqual(
    records.map((r) => [r.line, r.id]),
    [
      [2, 'b1'],
      [5, 'b3'],
    ],
  );
  assert.equal(records[0].text, 'Baris satu\nbaris dua, dengan "kutip"');
  assert.equal(records[0].publishedAt, '2024-11-10T01:00:00.000Z');
  assert.deepEqual(
    errors.map((e) => e.line),
    [4, 6, 7],
  );
  assert.match(errors[0].message, /missing "text"|"text" is empty/);
  assert.match(errors[1].message, /fields, header has/);
  assert.match(errors[2].message, /unterminated/);
  assert.match(parseCsv('id,judul\n1,x\n').errors[0].message, /"text" column/);
  assert.deepEqual(
    splitCsvRecords('a,b\n\n1,2').map((r) => r.line),
    [1, 3],
  );
});

test("media acts map into the catalogue's own temuan acts", () => {
  for (const act of MEDIA_ACTS) {
    const proposal = MEDIA_ACT_PROPOSALS[act];
    if (proposal !== 'lainnya') assert.ok(catalogueActsForMediaAct(act).includes(proposal), `${act} → ${proposal}`);
  }
  assert.deepEqual(neutralityActsForMediaActs(['hadir_kampanye', 'foto_bersama']), ['hadir_deklarasi_kampanye', 'foto_bersama']);
  assert.deepEqual(neutralityActsForMediaActs([]), ['lainnya']);
  assert.deepEqual(neutralityActsForMediaActs(['lainnya', 'bukan_act']), ['lainnya']);
});
