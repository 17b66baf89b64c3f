// Local calendar dates as 'YYYY-MM-DD' strings, with arithmetic that never touches a time zone.
// A local date is a day in some region's wall-clock calendar; pairing it with a zone turns it into
// instants (see zones.ts). Day arithmetic runs on UTC midnights, which has no DST and no offset.

export type LocalDate = string;

export const INDONESIAN_MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

export const INDONESIAN_WEEKDAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidLocalDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function parseLocalDate(value: LocalDate): { year: number; month: number; day: number } {
  if (!isValidLocalDate(value)) throw new RangeError(`Tanggal tidak sah / invalid date: ${JSON.stringify(value)}`);
  const m = LOCAL_DATE.exec(value)!;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function toDayNumber(value: LocalDate): number {
  const { year, month, day } = parseLocalDate(value);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function fromDayNumber(dayNumber: number): LocalDate {
  const d = new Date(dayNumber * DAY_MS);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export function addDaysToLocalDate(value: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer: ${days}`);
  return fromDayNumber(toDayNumber(value) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function diffLocalDates(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfLocalDate(value: LocalDate): number {
  return new Date(toDayNumber(value) * DAY_MS).getUTCDay();
}

/** "29 November 2024". */
export function formatLocalDateId(value: LocalDate): string {
  const { year, month, day } = parseLocalDate(value);
  return `${day} ${INDONESIAN_MONTHS[month - 1]} ${year}`;
}
