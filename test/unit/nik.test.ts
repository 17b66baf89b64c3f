import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { validateNik, type NikErrorCode } from '../../src/domain/cases/nik.ts';
import { validateNip, type NipErrorCode } from '../../src/domain/cases/nip.ts';
import {
  ROMAN_MONTHS,
  formatRegistrationNumber,
  fromRomanMonth,
  parseRegistrationNumber,
  toRomanMonth,
} from '../../src/domain/cases/registrationNumber.ts';

const TODAY = '2025-06-01';

describe('NIK validation', () => {
  const valid: { nik: string; sex: 'L' | 'P'; birthDate: string; today?: string; note: string }[] = [
    { nik: '3204014101900001', sex: 'P', birthDate: '1990-01-01', note: 'woman: DD+40' },
    { nik: '3204011208050002', sex: 'L', birthDate: '2005-08-12', note: 'man, 20YY' },
    { nik: '3204010101250001', sex: 'L', birthDate: '2025-01-01', note: 'YY equal to current year → 20YY' },
    { nik: '3204010101260001', sex: 'L', birthDate: '1926-01-01', note: 'YY above current year → 19YY' },
    { nik: '3204012902000001', sex: 'L', birthDate: '2000-02-29', note: '29 Feb 2000 (leap)' },
    { nik: '3204016902960001', sex: 'P', birthDate: '1996-02-29', note: 'woman born 29 Feb 1996' },
    { nik: '9601017112990009', sex: 'P', birthDate: '1999-12-31', note: 'Papua Barat Daya (96), woman 31 Dec' },
    { nik: '1101010107709999', sex: 'L', birthDate: '1970-07-01', note: 'Aceh, sequence 9999' },
    { nik: '3204 0141 0190 0001', sex: 'P', birthDate: '1990-01-01', note: 'spaces ignored' },
    {
      nik: '3204014101900001',
      sex: 'P',
      birthDate: '2090-01-01',
      today: '2090-06-01',
      note: 'century follows today: on 1 Jun 2090, YY 90 → 2090',
    },
    {
      nik: '3204014101900001',
      sex: 'P',
      birthDate: '1990-01-01',
      today: '2089-12-31',
      note: 'century follows today: on 31 Dec 2089, YY 90 → 1990',
    },
  ];
  for (const row of valid) {
    test(`valid: ${row.note}`, () => {
      const result = validateNik(row.nik, row.today ?? TODAY);
      assert.equal(result.valid, true, JSON.stringify(result));
      if (!result.valid) return;
      assert.equal(result.sex, row.sex);
      assert.equal(result.birthDate, row.birthDate);
      assert.equal(result.nik, row.nik.replace(/\s/g, ''));
    });
  }

  const invalid: { nik: string; code: NikErrorCode; note: string }[] = [
    { nik: '320401410190001', code: 'NOT_16_DIGITS', note: '15 digits' },
    { nik: '32040141019000011', code: 'NOT_16_DIGITS', note: '17 digits' },
    { nik: '32040141019000A1', code: 'NOT_16_DIGITS', note: 'letter' },
    { nik: '9904014101900001', code: 'UNKNOWN_PROVINCE', note: 'province 99' },
    { nik: '2004014101900001', code: 'UNKNOWN_PROVINCE', note: 'province 20' },
    { nik: '0004014101900001', code: 'UNKNOWN_PROVINCE', note: 'province 00' },
    { nik: '3200014101900001', code: 'INVALID_REGENCY', note: 'regency 00' },
    { nik: '3204004101900001', code: 'INVALID_DISTRICT', note: 'district 00' },
    { nik: '3204013201900001', code: 'INVALID_BIRTH_DATE', note: 'day 32' },
    { nik: '3204010001900001', code: 'INVALID_BIRTH_DATE', note: 'day 00' },
    { nik: '3204014001900001', code: 'INVALID_BIRTH_DATE', note: 'day 40 (neither man nor woman)' },
    { nik: '3204017201900001', code: 'INVALID_BIRTH_DATE', note: 'woman day 32' },
    { nik: '3204011513900001', code: 'INVALID_BIRTH_DATE', note: 'month 13' },
    { nik: '3204012902010001', code: 'INVALID_BIRTH_DATE', note: '29 Feb 2001' },
    { nik: '3204017002010001', code: 'INVALID_BIRTH_DATE', note: 'woman 30 Feb' },
    { nik: '3204013104900001', code: 'INVALID_BIRTH_DATE', note: '31 Apr' },
    { nik: '3204012508250003', code: 'BIRTH_DATE_IN_FUTURE', note: '25 Aug 2025 after today' },
    { nik: '3204014101900000', code: 'INVALID_SEQUENCE', note: 'sequence 0000' },
  ];
  for (const row of invalid) {
    test(`invalid: ${row.note} → ${row.code}`, () => {
      const result = validateNik(row.nik, TODAY);
      assert.equal(result.valid, false);
      if (result.valid) return;
      assert.equal(result.code, row.code);
      assert.ok(result.reason.id.length > 0 && result.reason.en.length > 0);
    });
  }

  test('derived region codes and a Date as today', () => {
    const result = validateNik('3204014101900001', new Date('2025-06-01T00:00:00Z'));
    assert.equal(result.valid, true);
    if (!result.valid) return;
    assert.equal(result.provinceCode, '32');
    assert.equal(result.regencyCode, '32.04');
    assert.equal(result.districtCode, '32.04.01');
    assert.equal(result.sequence, '0001');
  });
});

describe('NIP validation', () => {
  const rows: { nip: string; code?: NipErrorCode; sex?: 'L' | 'P'; note: string }[] = [
    { nip: '198503152010011001', sex: 'L', note: 'valid man' },
    { nip: '199212302019032002', sex: 'P', note: 'valid woman' },
    { nip: '19850315 201001 1 001', sex: 'L', note: 'spaces ignored' },
    { nip: '19850315201001100', code: 'NOT_18_DIGITS', note: '17 digits' },
    { nip: '199002302015032001', code: 'INVALID_BIRTH_DATE', note: '30 Feb' },
    { nip: '198503152010131001', code: 'INVALID_APPOINTMENT', note: 'month 13' },
    { nip: '198503152010001001', code: 'INVALID_APPOINTMENT', note: 'month 00' },
    { nip: '198503151980011001', code: 'APPOINTMENT_BEFORE_BIRTH', note: 'appointed before birth' },
    { nip: '198503152030011001', code: 'APPOINTMENT_IN_FUTURE', note: 'appointed in 2030' },
    { nip: '198503152010013001', code: 'INVALID_SEX_DIGIT', note: 'sex digit 3' },
    { nip: '198503152010011000', code: 'INVALID_SEQUENCE', note: 'sequence 000' },
  ];
  for (const row of rows) {
    test(`${row.note}`, () => {
      const result = validateNip(row.nip, TODAY);
      if (row.code) {
        assert.equal(result.valid, false);
        if (!result.valid) assert.equal(result.code, row.code);
        return;
      }
      assert.equal(result.valid, true, JSON.stringify(result));
      if (result.valid) assert.equal(result.sex, row.sex);
    });
  }
  test('derived fields', () => {
    const result = validateNip('198503152010011001');
    assert.deepEqual(result, {
      valid: true,
      nip: '198503152010011001',
      birthDate: '1985-03-15',
      appointment: '2010-01',
      sex: 'L',
      sequence: '001',
    });
  });
});

describe('registration numbers', () => {
  test('format the SIGAPLAPOR example', () => {
    assert.equal(
      formatRegistrationNumber({ sequence: 3, kind: 'LP', level: 'Kab', regionCode: '06.08', month: 12, year: 2024 }),
      '003/LP/PB/Kab/06.08/XII/2024',
    );
    assert.equal(
      formatRegistrationNumber({ sequence: 1234, kind: 'TM', level: 'Prov', regionCode: '06', month: 4, year: 2024 }),
      '1234/TM/PB/Prov/06/IV/2024',
    );
  });
  test('parse both published examples', () => {
    assert.deepEqual(parseRegistrationNumber('003/LP/PB/Kab/06.08/XII/2024'), {
      sequence: 3,
      kind: 'LP',
      electionType: 'PB',
      level: 'Kab',
      regionCode: '06.08',
      month: 12,
      year: 2024,
    });
    assert.deepEqual(parseRegistrationNumber('005/TM/PL/Kab/27.10/V/2024'), {
      sequence: 5,
      kind: 'TM',
      electionType: 'PL',
      level: 'Kab',
      regionCode: '27.10',
      month: 5,
      year: 2024,
    });
  });
  const rejects = [
    '3/LP/PB/Kab/06.08/XII/2024',
    '000/LP/PB/Kab/06.08/XII/2024',
    '0003/LP/PB/Kab/06.08/XII/2024',
    '003/LX/PB/Kab/06.08/XII/2024',
    '003/LP/PB/Kec/06.08/XII/2024',
    '003/LP/PB/Kab/6.8/XII/2024',
    '003/LP/PB/Kab/06.08/XIII/2024',
    '003/LP/PB/Kab/06.08/IIII/2024',
    '003/LP/PB/Kab/06.08/XII/24',
  ];
  for (const value of rejects) {
    test(`rejects ${value}`, () => assert.equal(parseRegistrationNumber(value), null));
  }
  test('round trip for every month and several sequences', () => {
    for (let month = 1; month <= 12; month++) {
      for (const sequence of [1, 42, 999, 1000, 12345]) {
        const text = formatRegistrationNumber({ sequence, kind: 'LP', level: 'Kota', regionCode: '73.71', month, year: 2024 });
        assert.deepEqual(parseRegistrationNumber(text), {
          sequence,
          kind: 'LP',
          electionType: 'PB',
          level: 'Kota',
          regionCode: '73.71',
          month,
          year: 2024,
        });
      }
    }
  });
  test('Roman months', () => {
    assert.deepEqual([...ROMAN_MONTHS], ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII']);
    assert.equal(toRomanMonth(9), 'IX');
    assert.equal(fromRomanMonth('xi'), 11);
    assert.equal(fromRomanMonth('XIII'), null);
    assert.throws(() => toRomanMonth(13));
    assert.throws(() => formatRegistrationNumber({ sequence: 0, kind: 'LP', level: 'Kab', regionCode: '06.08', month: 1, year: 2024 }));
  });
});
