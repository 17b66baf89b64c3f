// National holidays (hari libur nasional) and collective leave (cuti bersama) as data.
//
// Sources, one per year (Keputusan Bersama Menteri Agama, Menteri Ketenagakerjaan dan MenPANRB,
// the "SKB 3 Menteri"):
//   2024: SKB No. 855/2023, 3/2023, 4/2023 (12 Sep 2023): 17 libur + 10 cuti bersama; plus
//         Keppres 33/2024 (21 Nov 2024) making 27 Nov 2024, Pilkada voting day, a national
//         holiday (UU 1/2015 Pasal 84 jo. UU 6/2020: voting is held on a holiday or a day made one).
//   2025: SKB No. 1017/2024, 2/2024, 2/2024 (14 Oct 2024): 17 libur + 10 cuti bersama; amended by
//         SKB No. 933/2025, 1/2025, 3/2025 (7 Aug 2025) adding cuti bersama on 18 Aug 2025.
//   2026: SKB No. 1497/2025, 2/2025, 5/2025 (19 Sep 2025): 17 libur + 8 cuti bersama.
// Islamic dates are the government's forecasts as printed in the SKB; if the isbat session moves
// a date, the editable calendar in the database (same shape) replaces this list.
import type { LocalDate } from '../time/localDate.ts';

export type HolidayKind = 'libur' | 'cuti_bersama';

export interface HolidayEntry {
  date: LocalDate;
  name: string;
  kind: HolidayKind;
  source: string;
}

/**
 * A working-day calendar. Working-day arithmetic (hari kerja) takes one of these, so an editable
 * calendar from the database — including regional holidays — can be passed instead of the
 * built-in national list.
 */
export interface Calendar {
  isHoliday(localDate: LocalDate): boolean;
}

const SKB_2024 = 'SKB Menag, Menaker, MenPANRB No. 855/2023, 3/2023, 4/2023';
const KEPPRES_33_2024 = 'Keppres 33/2024 (hari pemungutan suara Pemilihan 2024 sebagai hari libur nasional)';
const SKB_2025 = 'SKB Menag, Menaker, MenPANRB No. 1017/2024, 2/2024, 2/2024';
const SKB_2025_AMENDED = 'SKB Menag, Menaker, MenPANRB No. 933/2025, 1/2025, 3/2025 (perubahan SKB 2025)';
const SKB_2026 = 'SKB Menag, Menaker, MenPANRB No. 1497/2025, 2/2025, 5/2025';

function entries(source: string, kind: HolidayKind, list: [LocalDate, string][]): HolidayEntry[] {
  return list.map(([date, name]) => ({ date, name, kind, source }));
}

export const HOLIDAYS_2024: readonly HolidayEntry[] = [
  ...entries(SKB_2024, 'libur', [
    ['2024-01-01', 'Tahun Baru 2024 Masehi'],
    ['2024-02-08', 'Isra Mikraj Nabi Muhammad SAW'],
    ['2024-02-10', 'Tahun Baru Imlek 2575 Kongzili'],
    ['2024-03-11', 'Hari Suci Nyepi Tahun Baru Saka 1946'],
    ['2024-03-29', 'Wafat Isa Al Masih'],
    ['2024-03-31', 'Hari Paskah'],
    ['2024-04-10', 'Hari Raya Idul Fitri 1445 Hijriah'],
    ['2024-04-11', 'Hari Raya Idul Fitri 1445 Hijriah'],
    ['2024-05-01', 'Hari Buruh Internasional'],
    ['2024-05-09', 'Kenaikan Isa Al Masih'],
    ['2024-05-23', 'Hari Raya Waisak 2568 BE'],
    ['2024-06-01', 'Hari Lahir Pancasila'],
    ['2024-06-17', 'Hari Raya Idul Adha 1445 Hijriah'],
    ['2024-07-07', 'Tahun Baru Islam 1446 Hijriah'],
    ['2024-08-17', 'Hari Kemerdekaan Republik Indonesia'],
    ['2024-09-16', 'Maulid Nabi Muhammad SAW'],
    ['2024-12-25', 'Hari Raya Natal'],
  ]),
  ...entries(KEPPRES_33_2024, 'libur', [['2024-11-27', 'Hari Pemungutan Suara Pemilihan Serentak 2024']]),
  ...entries(SKB_2024, 'cuti_bersama', [
    ['2024-02-09', 'Cuti Bersama Tahun Baru Imlek'],
    ['2024-03-12', 'Cuti Bersama Hari Suci Nyepi'],
    ['2024-04-08', 'Cuti Bersama Idul Fitri'],
    ['2024-04-09', 'Cuti Bersama Idul Fitri'],
    ['2024-04-12', 'Cuti Bersama Idul Fitri'],
    ['2024-04-15', 'Cuti Bersama Idul Fitri'],
    ['2024-05-10', 'Cuti Bersama Kenaikan Isa Al Masih'],
    ['2024-05-24', 'Cuti Bersama Hari Raya Waisak'],
    ['2024-06-18', 'Cuti Bersama Idul Adha'],
    ['2024-12-26', 'Cuti Bersama Hari Raya Natal'],
  ]),
];

export const HOLIDAYS_2025: readonly HolidayEntry[] = [
  ...entries(SKB_2025, 'libur', [
    ['2025-01-01', 'Tahun Baru 2025 Masehi'],
    ['2025-01-27', 'Isra Mikraj Nabi Muhammad SAW'],
    ['2025-01-29', 'Tahun Baru Imlek 2576 Kongzili'],
    ['2025-03-29', 'Hari Suci Nyepi Tahun Baru Saka 1947'],
    ['2025-03-31', 'Hari Raya Idul Fitri 1446 Hijriah'],
    ['2025-04-01', 'Hari Raya Idul Fitri 1446 Hijriah'],
    ['2025-04-18', 'Wafat Yesus Kristus'],
    ['2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)'],
    ['2025-05-01', 'Hari Buruh Internasional'],
    ['2025-05-12', 'Hari Raya Waisak 2569 BE'],
    ['2025-05-29', 'Kenaikan Yesus Kristus'],
    ['2025-06-01', 'Hari Lahir Pancasila'],
    ['2025-06-06', 'Hari Raya Idul Adha 1446 Hijriah'],
    ['2025-06-27', 'Tahun Baru Islam 1447 Hijriah'],
    ['2025-08-17', 'Hari Kemerdekaan Republik Indonesia'],
    ['2025-09-05', 'Maulid Nabi Muhammad SAW'],
    ['2025-12-25', 'Kelahiran Yesus Kristus (Natal)'],
  ]),
  ...entries(SKB_2025, 'cuti_bersama', [
    ['2025-01-28', 'Cuti Bersama Tahun Baru Imlek'],
    ['2025-03-28', 'Cuti Bersama Hari Suci Nyepi'],
    ['2025-04-02', 'Cuti Bersama Idul Fitri'],
    ['2025-04-03', 'Cuti Bersama Idul Fitri'],
    ['2025-04-04', 'Cuti Bersama Idul Fitri'],
    ['2025-04-07', 'Cuti Bersama Idul Fitri'],
    ['2025-05-13', 'Cuti Bersama Hari Raya Waisak'],
    ['2025-05-30', 'Cuti Bersama Kenaikan Yesus Kristus'],
    ['2025-06-09', 'Cuti Bersama Idul Adha'],
    ['2025-12-26', 'Cuti Bersama Kelahiran Yesus Kristus'],
  ]),
  ...entries(SKB_2025_AMENDED, 'cuti_bersama', [['2025-08-18', 'Cuti Bersama HUT ke-80 Kemerdekaan RI']]),
];

export const HOLIDAYS_2026: readonly HolidayEntry[] = [
  ...entries(SKB_2026, 'libur', [
    ['2026-01-01', 'Tahun Baru 2026 Masehi'],
    ['2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'],
    ['2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'],
    ['2026-03-19', 'Hari Suci Nyepi Tahun Baru Saka 1948'],
    ['2026-03-21', 'Hari Raya Idul Fitri 1447 Hijriah'],
    ['2026-03-22', 'Hari Raya Idul Fitri 1447 Hijriah'],
    ['2026-04-03', 'Wafat Yesus Kristus'],
    ['2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'],
    ['2026-05-01', 'Hari Buruh Internasional'],
    ['2026-05-14', 'Kenaikan Yesus Kristus'],
    ['2026-05-27', 'Hari Raya Idul Adha 1447 Hijriah'],
    ['2026-05-31', 'Hari Raya Waisak 2570 BE'],
    ['2026-06-01', 'Hari Lahir Pancasila'],
    ['2026-06-16', 'Tahun Baru Islam 1448 Hijriah'],
    ['2026-08-17', 'Hari Kemerdekaan Republik Indonesia'],
    ['2026-08-25', 'Maulid Nabi Muhammad SAW'],
    ['2026-12-25', 'Kelahiran Yesus Kristus (Natal)'],
  ]),
  ...entries(SKB_2026, 'cuti_bersama', [
    ['2026-02-16', 'Cuti Bersama Tahun Baru Imlek'],
    ['2026-03-18', 'Cuti Bersama Hari Suci Nyepi'],
    ['2026-03-20', 'Cuti Bersama Idul Fitri'],
    ['2026-03-23', 'Cuti Bersama Idul Fitri'],
    ['2026-03-24', 'Cuti Bersama Idul Fitri'],
    ['2026-05-15', 'Cuti Bersama Kenaikan Yesus Kristus'],
    ['2026-05-28', 'Cuti Bersama Idul Adha'],
    ['2026-12-24', 'Cuti Bersama Kelahiran Yesus Kristus'],
  ]),
];

export const NATIONAL_HOLIDAYS: readonly HolidayEntry[] = [...HOLIDAYS_2024, ...HOLIDAYS_2025, ...HOLIDAYS_2026]
  .slice()
  .sort((a, b) => a.date.localeCompare(b.date));

/** Years the built-in list covers; outside them only weekends are non-working days. */
export const COVERED_YEARS: readonly number[] = [2024, 2025, 2026];

export interface CalendarOptions {
  /**
   * Count cuti bersama as non-working days (default true): for ASN, cuti bersama is set by
   * Keppres and offices close, so "hari kerja" deadlines of Gakkumdu, BKN and Bawaslu skip them.
   */
  includeCutiBersama?: boolean;
}

/** Builds a Calendar from holiday entries (built-in or loaded from the database). */
export function buildCalendar(list: readonly Pick<HolidayEntry, 'date' | 'kind'>[], options: CalendarOptions = {}): Calendar {
  const includeCutiBersama = options.includeCutiBersama ?? true;
  const dates = new Set(list.filter((h) => includeCutiBersama || h.kind === 'libur').map((h) => h.date));
  return { isHoliday: (localDate) => dates.has(localDate) };
}

/** The built-in national calendar (libur nasional and cuti bersama, 2024–2026). */
export const NATIONAL_CALENDAR: Calendar = buildCalendar(NATIONAL_HOLIDAYS);

/** A calendar with no holidays: only weekends are skipped. */
export const WEEKENDS_ONLY_CALENDAR: Calendar = { isHoliday: () => false };

export function holidaysIn(year: number, list: readonly HolidayEntry[] = NATIONAL_HOLIDAYS): HolidayEntry[] {
  return list.filter((h) => h.date.startsWith(`${year}-`));
}
