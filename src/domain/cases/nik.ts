// NIK (Nomor Induk Kependudukan) structure check. UU 23/2006 jo. UU 24/2013 (Adminduk) and
// Permendagri on NIK: 16 digits = region of first registration prov(2)+kab/kota(2)+kec(2),
// birth date DDMMYY with DD+40 for women, and a 4-digit sequence. A structurally valid NIK can
// still be unassigned: only Dukcapil can confirm it exists.
import { isValidProvinceCode, localDateOf } from '../time/zones.ts';
import { isValidLocalDate, type LocalDate } from '../time/localDate.ts';

export type NikErrorCode =
  | 'NOT_16_DIGITS'
  | 'UNKNOWN_PROVINCE'
  | 'INVALID_REGENCY'
  | 'INVALID_DISTRICT'
  | 'INVALID_BIRTH_DATE'
  | 'BIRTH_DATE_IN_FUTURE'
  | 'INVALID_SEQUENCE';

const MESSAGES: Record<NikErrorCode, { id: string; en: string }> = {
  NOT_16_DIGITS: { id: 'NIK harus terdiri atas 16 angka.', en: 'A NIK must be exactly 16 digits.' },
  UNKNOWN_PROVINCE: {
    id: 'Dua angka pertama NIK bukan kode provinsi yang sah.',
    en: 'The first two digits are not a valid province code.',
  },
  INVALID_REGENCY: { id: 'Kode kabupaten/kota pada NIK (angka 3–4) tidak boleh 00.', en: 'The regency part (digits 3–4) must not be 00.' },
  INVALID_DISTRICT: { id: 'Kode kecamatan pada NIK (angka 5–6) tidak boleh 00.', en: 'The district part (digits 5–6) must not be 00.' },
  INVALID_BIRTH_DATE: { id: 'Tanggal lahir pada NIK (angka 7–12) bukan tanggal yang sah.', en: 'Digits 7–12 are not a real birth date.' },
  BIRTH_DATE_IN_FUTURE: { id: 'Tanggal lahir pada NIK berada di masa depan.', en: 'The birth date in the NIK is in the future.' },
  INVALID_SEQUENCE: { id: 'Nomor urut pada NIK (angka 13–16) tidak boleh 0000.', en: 'The sequence (digits 13–16) must not be 0000.' },
};

export type NikResult =
  | {
      valid: true;
      nik: string;
      provinceCode: string;
      /** Dotted Kemendagri codes: '32.04', '32.04.01'. */
      regencyCode: string;
      districtCode: string;
      sex: 'L' | 'P';
      birthDate: LocalDate;
      sequence: string;
    }
  | { valid: false; code: NikErrorCode; reason: { id: string; en: string } };

function fail(code: NikErrorCode): NikResult {
  return { valid: false, code, reason: MESSAGES[code] };
}

/**
 * Validates a NIK. `today` (a Date, read in WIB, or 'YYYY-MM-DD') decides the century: when
 * YY > today's two-digit year the birth year is 19YY, otherwise 20YY. Spaces and dots are ignored.
 */
export function validateNik(input: string, today: Date | LocalDate): NikResult {
  const nik = input.replace(/[\s.]/g, '');
  if (!/^\d{16}$/.test(nik)) return fail('NOT_16_DIGITS');
  const province = nik.slice(0, 2);
  if (!isValidProvinceCode(province)) return fail('UNKNOWN_PROVINCE');
  const regency = nik.slice(2, 4);
  if (regency === '00') return fail('INVALID_REGENCY');
  const district = nik.slice(4, 6);
  if (district === '00') return fail('INVALID_DISTRICT');
  const todayLocal = typeof today === 'string' ? today : localDateOf(today, 'WIB');
  let dd = Number(nik.slice(6, 8));
  const mm = nik.slice(8, 10);
  const yy = Number(nik.slice(10, 12));
  const sex: 'L' | 'P' = dd > 40 ? 'P' : 'L';
  if (dd > 40) dd -= 40;
  const currentYY = Number(todayLocal.slice(2, 4));
  const century = yy > currentYY ? 1900 : 2000;
  const birthDate = `${century + yy}-${mm}-${String(dd).padStart(2, '0')}`;
  if (!isValidLocalDate(birthDate)) return fail('INVALID_BIRTH_DATE');
  if (birthDate > todayLocal) return fail('BIRTH_DATE_IN_FUTURE');
  const sequence = nik.slice(12, 16);
  if (sequence === '0000') return fail('INVALID_SEQUENCE');
  return {
    valid: true,
    nik,
    provinceCode: province,
    regencyCode: `${province}.${regency}`,
    districtCode: `${province}.${regency}.${district}`,
    sex,
    birthDate,
    sequence,
  };
}
