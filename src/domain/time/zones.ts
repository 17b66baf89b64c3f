// Indonesian time zones by province, and conversions between UTC instants and local wall time.
//
// Legal deadlines are computed in the region's own local time (design.md "Time"): a Bawaslu in
// Jayapura closes its day three hours before one in Medan.
//
// The three zones are fixed offsets with no daylight-saving time (Keppres 41/1987 on the
// division of Indonesia into three time zones): WIB = UTC+7 (Asia/Jakarta), WITA = UTC+8
// (Asia/Makassar), WIT = UTC+9 (Asia/Jayapura). Because the offsets never change, conversions are
// plain millisecond arithmetic; `test/unit/legal-clock.test.ts` cross-checks them against
// Intl.DateTimeFormat with the IANA zone so a future tzdata change would be noticed.
import { addDaysToLocalDate, formatLocalDateId, isValidLocalDate, parseLocalDate, type LocalDate } from './localDate.ts';

export type ZoneLabel = 'WIB' | 'WITA' | 'WIT';

export interface TimeZoneInfo {
  label: ZoneLabel;
  iana: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';
  utcOffsetHours: 7 | 8 | 9;
}

export const ZONES: Readonly<Record<ZoneLabel, TimeZoneInfo>> = {
  WIB: { label: 'WIB', iana: 'Asia/Jakarta', utcOffsetHours: 7 },
  WITA: { label: 'WITA', iana: 'Asia/Makassar', utcOffsetHours: 8 },
  WIT: { label: 'WIT', iana: 'Asia/Jayapura', utcOffsetHours: 9 },
};

/**
 * The 38 province codes (Kemendagri; Kepmendagri 300.2.2-2138/2025, as shipped by idn-area-data)
 * with their zone. WIB: Sumatra, Riau islands, Java, Kalbar (61), Kalteng (62). WITA: Bali, NTB,
 * NTT, Kalsel (63), Kaltim (64), Kaltara (65), all of Sulawesi. WIT: Maluku, Maluku Utara and the
 * six Papua provinces.
 */
export const PROVINCE_ZONES: Readonly<Record<string, ZoneLabel>> = {
  '11': 'WIB',
  '12': 'WIB',
  '13': 'WIB',
  '14': 'WIB',
  '15': 'WIB',
  '16': 'WIB',
  '17': 'WIB',
  '18': 'WIB',
  '19': 'WIB',
  '21': 'WIB',
  '31': 'WIB',
  '32': 'WIB',
  '33': 'WIB',
  '34': 'WIB',
  '35': 'WIB',
  '36': 'WIB',
  '51': 'WITA',
  '52': 'WITA',
  '53': 'WITA',
  '61': 'WIB',
  '62': 'WIB',
  '63': 'WITA',
  '64': 'WITA',
  '65': 'WITA',
  '71': 'WITA',
  '72': 'WITA',
  '73': 'WITA',
  '74': 'WITA',
  '75': 'WITA',
  '76': 'WITA',
  '81': 'WIT',
  '82': 'WIT',
  '91': 'WIT',
  '92': 'WIT',
  '93': 'WIT',
  '94': 'WIT',
  '95': 'WIT',
  '96': 'WIT',
};

export const PROVINCE_CODES: readonly string[] = Object.keys(PROVINCE_ZONES).sort();

export function isValidProvinceCode(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(PROVINCE_ZONES, code);
}

export class UnknownRegionError extends RangeError {
  readonly code = 'UNKNOWN_REGION';
  constructor(readonly regionCode: string) {
    super(`Kode wilayah tidak dikenal / unknown region code: ${JSON.stringify(regionCode)}`);
    this.name = 'UnknownRegionError';
  }
}

/** Province part of any Kemendagri code: '73', '73.71', '7371', '73.71.01.1001' → '73'. */
export function provinceCodeOf(regionCode: string): string {
  return regionCode.replace(/\D/g, '').slice(0, 2);
}

/** The zone of a region code at any level. Throws UnknownRegionError for an unknown province. */
export function zoneForRegion(regionCode: string): TimeZoneInfo {
  const province = provinceCodeOf(regionCode);
  const label = PROVINCE_ZONES[province];
  if (!label) throw new UnknownRegionError(regionCode);
  return ZONES[label];
}

export function zoneInfo(zone: ZoneLabel | TimeZoneInfo): TimeZoneInfo {
  return typeof zone === 'string' ? ZONES[zone] : zone;
}

const HOUR_MS = 3_600_000;

export interface LocalDateTimeParts {
  date: LocalDate;
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday, in local time. */
  weekday: number;
}

/** Wall-clock parts of an instant in a zone (fixed offset, see the header). */
export function localPartsOf(instant: Date, zone: ZoneLabel | TimeZoneInfo): LocalDateTimeParts {
  const shifted = new Date(instant.getTime() + zoneInfo(zone).utcOffsetHours * HOUR_MS);
  const year = shifted.getUTCFullYear();
  const month = shifted.getUTCMonth() + 1;
  const day = shifted.getUTCDate();
  return {
    date: `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`,
    year,
    month,
    day,
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: shifted.getUTCDay(),
  };
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDateOf(instant: Date, zone: ZoneLabel | TimeZoneInfo): LocalDate {
  return localPartsOf(instant, zone).date;
}

/**
 * The UTC instant of a local wall time. `time` is 'HH:mm', 'HH:mm:ss' or 'HH:mm:ss.SSS'
 * (24-hour; '24:00' is not accepted — use the next day's '00:00').
 */
export function toUtcInstant(localDate: LocalDate, time: string, zone: ZoneLabel | TimeZoneInfo): Date {
  const { year, month, day } = parseLocalDate(localDate);
  const match = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(time);
  if (!match) throw new RangeError(`Format jam tidak sah / invalid time: ${JSON.stringify(time)}`);
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = Number(match[3] ?? 0);
  const ms = Number((match[4] ?? '0').padEnd(3, '0'));
  if (hour > 23 || minute > 59 || second > 59) throw new RangeError(`Jam di luar rentang / time out of range: ${time}`);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  return new Date(asUtc - zoneInfo(zone).utcOffsetHours * HOUR_MS);
}

/** First instant of a local day. */
export function startOfLocalDay(localDate: LocalDate, zone: ZoneLabel | TimeZoneInfo): Date {
  return toUtcInstant(localDate, '00:00', zone);
}

/**
 * Last instant of a local day: 23:59:59.999. Deadlines "end at 23:59:59" of their last day; the
 * trailing milliseconds make a filing stamped 23:59:59.500 still on time.
 */
export function endOfLocalDay(localDate: LocalDate, zone: ZoneLabel | TimeZoneInfo): Date {
  return new Date(startOfLocalDay(addDaysToLocalDate(localDate, 1), zone).getTime() - 1);
}

/** "29 November 2024 23.59 WITA" (Indonesian style: dot between hour and minute). */
export function formatLocalDateTime(instant: Date, zone: ZoneLabel | TimeZoneInfo, options: { seconds?: boolean } = {}): string {
  const p = localPartsOf(instant, zone);
  const time = `${pad2(p.hour)}.${pad2(p.minute)}${options.seconds ? `.${pad2(p.second)}` : ''}`;
  return `${formatLocalDateId(p.date)} ${time} ${zoneInfo(zone).label}`;
}

/** Convenience: format an instant in the zone of a region code. */
export function formatForRegion(instant: Date, regionCode: string, options: { seconds?: boolean } = {}): string {
  return formatLocalDateTime(instant, zoneForRegion(regionCode), options);
}

export { isValidLocalDate };

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
