// Dates as offices write them in their recap sheets (day-month-year with numbers or month names,
// Indonesian and English, old spellings; ISO), for the history import (importCases.ts).
import { isValidLocalDate, type LocalDate } from '../time/localDate.ts';

/** Month names and abbreviations as offices write them (Indonesian and English; old spellings). */
const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  january: 1,
  februari: 2,
  pebruari: 2,
  feb: 2,
  peb: 2,
  february: 2,
  maret: 3,
  mar: 3,
  march: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  jun: 6,
  june: 6,
  juli: 7,
  jul: 7,
  july: 7,
  agustus: 8,
  agu: 8,
  agt: 8,
  ags: 8,
  aug: 8,
  august: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  oct: 10,
  october: 10,
  november: 11,
  nopember: 11,
  nov: 11,
  nop: 11,
  desember: 12,
  des: 12,
  dec: 12,
  december: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function dateOf(year: number, month: number, day: number): LocalDate | null {
  if (year < 100) year += 2000;
  const value = `${year}-${pad(month)}-${pad(day)}`;
  return year >= 2000 && year <= 2100 && isValidLocalDate(value) ? value : null;
}

/**
 * A date as offices write it: '27/11/2024', '27-11-2024', '27.11.2024', '2024-11-27',
 * '27 November 2024', '27 Nov 2024', '27 Nopember 2024', 'Rabu, 27 November 2024'. Day first
 * (Indonesian order); a two-digit year is 20xx. Null when it is not a real date.
 */
export function parseOfficeDate(input: string): LocalDate | null {
  const text = input
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+,\s*/, '')
    .replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return dateOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (m) return dateOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[ -]([a-z]+)\.?[ -](\d{4})$/.exec(text);
  if (m && MONTHS[m[2]]) return dateOf(Number(m[3]), MONTHS[m[2]], Number(m[1]));
  return null;
}
