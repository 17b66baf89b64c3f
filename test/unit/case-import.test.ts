import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOfficeDate, parseImportRow, mapHeader, ImportRowProblem } from '../../src/domain/cases/importCases.ts';
import { CsvSyntaxError, readCsvRecords, parseCsvLine } from '../../src/domain/io/csv.ts';

test('dates as offices write them', () => {
  const cases: [string, string | null][] = [
    ['27/11/2024', '2024-11-27'],
    ['27-11-2024', '2024-11-27'],
    ['27.11.2024', '2024-11-27'],
    ['7/1/2020', '2020-01-07'],
    ['27 November 2024', '2024-11-27'],
    ['27 Nov 2024', '2024-11-27'],
    ['27 Nopember 2024', '2024-11-27'],
    ['27 nov. 2024', '2024-11-27'],
    ['1 Agustus 2024', '2024-08-01'],
    ['1 Agu 2024', '2024-08-01'],
    ['2 Okt 2024', '2024-10-02'],
    ['9 Des 2020', '2020-12-09'],
    ['5 Mei 2024', '2024-05-05'],
    ['29 Pebruari 2024', '2024-02-29'],
    ['Rabu, 27 November 2024', '2024-11-27'],
    ['2024-11-27', '2024-11-27'],
    ['27/11/24', '2024-11-27'],
    ['31/02/2024', null],
    ['29 Februari 2023', null],
    ['11/27/2024', null],
    ['27 Movember 2024', null],
    ['', null],
    ['kemarin', null],
  ];
  for (const [input, expected] of cases) assert.equal(parseOfficeDate(input), expected, input);
});

test('headers: Indonesian template names and aliases; unknown and missing columns are named', () => {
  assert.equal(mapHeader(['No. Registrasi', 'Tanggal Diterima', 'Jenis', 'Kode Wilayah', 'Subjek', 'Uraian', 'Status']).error, undefined);
  assert.equal(mapHeader(['Nomor Registrasi', 'Warna']).error?.column, 'Warna');
  assert.equal(mapHeader(['Nomor Registrasi', 'Tanggal Diterima/Ditemukan']).error?.column, 'Laporan/Temuan');
});

test('a row: routing by the decision date, KASN until 24 Aug 2024 and BKN from 25 Aug', () => {
  const base = {
    nomor_registrasi: '1/LP',
    tanggal: '20/08/2024',
    jenis: 'Laporan',
    wilayah: '35.07',
    jenis_subjek: 'PNS',
    perbuatan: 'Kampanye di media sosial',
    status: 'Diteruskan',
  };
  const before = parseImportRow(2, { ...base, tanggal_putusan: '24/08/2024' });
  assert.equal(before.referredTo?.authority, 'KASN');
  assert.deepEqual(before.acts, ['kampanye_media_sosial']);
  assert.equal(before.cycle, 'Pilkada 2024');
  assert.equal(parseImportRow(2, { ...base, tanggal_putusan: '25 Agustus 2024' }).referredTo?.authority, 'BKN');
  assert.equal(parseImportRow(2, { ...base, jenis_subjek: 'Kepala desa' }).referredTo?.authority, 'BUPATI_WALIKOTA');
  assert.equal(parseImportRow(2, { ...base, rekomendasi_ke: 'KASN', tanggal_putusan: '1/9/2024' }).referredTo?.basis, 'berkas');
  assert.throws(
    () => parseImportRow(7, { ...base, tanggal_putusan: '19/08/2024' }),
    (e: unknown) => e instanceof ImportRowProblem && e.problem.line === 7 && e.problem.column === 'Tanggal Putusan',
  );
  assert.throws(
    () => parseImportRow(3, { ...base, status: 'Selesai' }),
    (e: unknown) => e instanceof ImportRowProblem && e.problem.column === 'Status',
  );
});

test('CSV: a quoted line break stays in its field and the next record keeps its own line number', () => {
  const { records } = readCsvRecords('a,b\n1,"x\ny"\n\n2,3\r\n');
  assert.deepEqual(
    records.map((r) => [r.line, r.values.b]),
    [
      [2, 'x\ny'],
      [5, '3'],
    ],
  );
  assert.deepEqual(parseCsvLine('a,"b,""c""",d'), ['a', 'b,"c"', 'd']);
});

test('CSV: a ;-delimited file is detected from its header', () => {
  const { records, delimiter } = readCsvRecords('\uFEFFa;b\n"1,5";2\n');
  assert.equal(delimiter, ';');
  assert.deepEqual(records[0].values, { a: '1,5', b: '2' });
});

test('CSV: an unbalanced quote is an error naming the line it opens on', () => {
  assert.throws(
    () => readCsvRecords('a,b\n1,2\n3,"open\n4,5\n'),
    (e: unknown) => e instanceof CsvSyntaxError && e.line === 3 && e.reason === 'unclosed_quote',
  );
  assert.throws(
    () => readCsvRecords('a,b\n1,x"y\n'),
    (e: unknown) => e instanceof CsvSyntaxError && e.line === 2,
  );
});
