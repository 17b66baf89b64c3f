// NIP (Nomor Induk Pegawai) structure check for PNS: 18 digits = birth date YYYYMMDD (8),
// appointment (TMT CPNS) YYYYMM (6), sex 1 = male / 2 = female (1), sequence (3). Structure per
// PP 11/2017 jo. Peraturan BKN on NIP; a valid structure does not prove the NIP exists (SIASN).
import { isValidLocalDate, type LocalDate } from '../time/localDate.ts';
import { localDateOf } from '../time/zones.ts';

export type NipErrorCode =
  | 'NOT_18_DIGITS'
  | 'INVALID_BIRTH_DATE'
  | 'INVALID_APPOINTMENT'
  | 'APPOINTMENT_BEFORE_BIRTH'
  | 'APPOINTMENT_IN_FUTURE'
  | 'INVALID_SEX_DIGIT'
  | 'INVALID_SEQUENCE';

const MESSAGES: Record<NipErrorCode, { id: string; en: string }> = {
  NOT_18_DIGITS: { id: 'NIP harus terdiri atas 18 angka.', en: 'A NIP must be exactly 18 digits.' },
  INVALID_BIRTH_DATE: { id: 'Tanggal lahir pada NIP (angka 1–8) bukan tanggal yang sah.', en: 'Digits 1–8 are not a real birth date.' },
  INVALID_APPOINTMENT: {
    id: 'Bulan dan tahun pengangkatan pada NIP (angka 9–14) tidak sah.',
    en: 'Digits 9–14 are not a valid appointment year and month.',
  },
  APPOINTMENT_BEFORE_BIRTH: {
    id: 'Tanggal pengangkatan pada NIP mendahului tanggal lahir.',
    en: 'The appointment precedes the birth date.',
  },
  APPOINTMENT_IN_FUTURE: { id: 'Tanggal pengangkatan pada NIP berada di masa depan.', en: 'The appointment date is in the future.' },
  INVALID_SEX_DIGIT: { id: 'Angka ke-15 NIP (jenis kelamin) harus 1 atau 2.', en: 'Digit 15 (sex) must be 1 or 2.' },
  INVALID_SEQUENCE: { id: 'Nomor urut pada NIP (angka 16–18) tidak boleh 000.', en: 'The sequence (digits 16–18) must not be 000.' },
};

export type NipResult =
  | { valid: true; nip: string; birthDate: LocalDate; appointment: string; sex: 'L' | 'P'; sequence: string }
  | { valid: false; code: NipErrorCode; reason: { id: string; en: string } };

function fail(code: NipErrorCode): NipResult {
  return { valid: false, code, reason: MESSAGES[code] };
}

/** Validates a NIP's structure; pass `today` to reject an appointment in the future. */
export function validateNip(input: string, today?: Date | LocalDate): NipResult {
  const nip = input.replace(/[\s.]/g, '');
  if (!/^\d{18}$/.test(nip)) return fail('NOT_18_DIGITS');
  const birthDate = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  if (!isValidLocalDate(birthDate) || Number(nip.slice(0, 4)) < 1900) return fail('INVALID_BIRTH_DATE');
  const appointmentYear = Number(nip.slice(8, 12));
  const appointmentMonth = Number(nip.slice(12, 14));
  if (appointmentYear < 1900 || appointmentMonth < 1 || appointmentMonth > 12) return fail('INVALID_APPOINTMENT');
  const appointment = `${nip.slice(8, 12)}-${nip.slice(12, 14)}`;
  if (appointment < birthDate.slice(0, 7)) return fail('APPOINTMENT_BEFORE_BIRTH');
  if (today !== undefined) {
    const todayLocal = typeof today === 'string' ? today : localDateOf(today, 'WIB');
    if (appointment > todayLocal.slice(0, 7)) return fail('APPOINTMENT_IN_FUTURE');
  }
  const sexDigit = nip[14];
  if (sexDigit !== '1' && sexDigit !== '2') return fail('INVALID_SEX_DIGIT');
  const sequence = nip.slice(15, 18);
  if (sequence === '000') return fail('INVALID_SEQUENCE');
  return { valid: true, nip, birthDate, appointment, sex: sexDigit === '1' ? 'L' : 'P', sequence };
}
