// Dates as people in Indonesia write them ("27 November 2024"), in either language.
import type { Language } from './messages.ts';

const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** Formats a calendar date ("2024-11-27") without shifting it through a time zone. */
export function formatDate(isoDate: string, language: Language): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locales[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function formatDateRange(startsOn: string, endsOn: string, language: Language): string {
  if (startsOn.slice(0, 10) === endsOn.slice(0, 10)) return formatDate(startsOn, language);
  return `${formatDate(startsOn, language)} – ${formatDate(endsOn, language)}`;
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(locales[language]).format(value);
}

const IANA = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' } as const;
export type ZoneLabel = keyof typeof IANA;

/**
 * An instant ("2026-12-07T17:36:22.087Z") as people in Indonesia read it, in a region's zone:
 * "8 Desember 2026 00.36 WIB". National pages pass WIB. Never a raw ISO string on a page.
 */
export function formatInstant(iso: string, language: Language, zone: string = 'WIB'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const label: ZoneLabel = zone in IANA ? (zone as ZoneLabel) : 'WIB';
  const text = new Intl.DateTimeFormat(locales[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: IANA[label],
  }).format(date);
  return `${text} ${label}`;
}
