import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEADLINE_RULES,
  LegalClockError,
  assessFilingTimeliness,
  computeDeadline,
  isLate,
  regulationRegimesInForce,
  remainingTime,
  rulesInForce,
  withRuleOverride,
  type DeadlineRule,
} from '../../src/domain/legal-clock/index.ts';
import {
  NATIONAL_CALENDAR,
  NATIONAL_HOLIDAYS,
  WEEKENDS_ONLY_CALENDAR,
  addWorkingDays,
  buildCalendar,
  holidaysIn,
  isWorkingDay,
  type Calendar,
} from '../../src/domain/calendar/index.ts';
import {
  PROVINCE_CODES,
  ZONES,
  addDaysToLocalDate,
  diffLocalDates,
  formatLocalDateTime,
  localDateOf,
  toUtcInstant,
  zoneForRegion,
  type ZoneLabel,
} from '../../src/domain/time/index.ts';
import { CASE_GUARDS, blockingGuard, decideGuard, type GuardContext } from '../../src/domain/legal-clock/guards.ts';
import { checkEffectiveAt } from '../../src/domain/cases/effectiveTime.ts';

// Regions used below: Kab. Bandung (WIB), Kota Makassar (WITA), Kota Jayapura (WIT).
const WIB_REGION = '32.04';
const WITA_REGION = '73.71';
const WIT_REGION = '91.71';
const REGION_ZONE: Record<string, ZoneLabel> = {
  [WIB_REGION]: 'WIB',
  [WITA_REGION]: 'WITA',
  [WIT_REGION]: 'WIT',
  '62': 'WIB',
  '63': 'WITA',
  '11.01': 'WIB',
  '82.71': 'WIT',
};

const NO_CUTI_BERSAMA = buildCalendar(NATIONAL_HOLIDAYS, { includeCutiBersama: false });

interface Row {
  name: string;
  rule: string;
  /** Local start 'YYYY-MM-DD HH:mm' in the region's zone, or an ISO UTC instant ending in Z. */
  start: string;
  region: string;
  extended?: boolean;
  caseDate?: string;
  calendar?: Calendar;
  rules?: readonly DeadlineRule[];
  expect?: string;
  expectVersion?: string;
  expectError?: string;
}

function startInstant(row: Row): Date {
  if (row.start.endsWith('Z')) return new Date(row.start);
  const [date, time] = row.start.split(' ');
  return toUtcInstant(date, time, REGION_ZONE[row.region] ?? zoneForRegion(row.region).label);
}

const ppkTenCalendarDays = withRuleOverride(DEADLINE_RULES, 'ppk.tindak_lanjut', { length: { value: 10, unit: 'days' }, kind: 'calendar' });

const ROWS: Row[] = [
  // Pasal 134(4): 7 calendar days from known; month, year and February ends.
  {
    name: 'filing: known 28 Dec 2024 → 4 Jan 2025 (year end)',
    rule: 'laporan.penyampaian',
    start: '2024-12-28 10:00',
    region: WIB_REGION,
    expect: '4 Januari 2025 23.59 WIB',
  },
  {
    name: 'filing: known 31 Dec 2024 → 7 Jan 2025',
    rule: 'laporan.penyampaian',
    start: '2024-12-31 08:00',
    region: WIB_REGION,
    expect: '7 Januari 2025 23.59 WIB',
  },
  {
    name: 'filing: known 25 Feb 2024 (leap) → 3 Mar 2024',
    rule: 'laporan.penyampaian',
    start: '2024-02-25 09:00',
    region: WIB_REGION,
    expect: '3 Maret 2024 23.59 WIB',
  },
  {
    name: 'filing: known 22 Feb 2024 (leap) → 29 Feb 2024',
    rule: 'laporan.penyampaian',
    start: '2024-02-22 09:00',
    region: WIB_REGION,
    expect: '29 Februari 2024 23.59 WIB',
  },
  {
    name: 'filing: known 25 Feb 2025 (not leap) → 4 Mar 2025',
    rule: 'laporan.penyampaian',
    start: '2025-02-25 09:00',
    region: WITA_REGION,
    expect: '4 Maret 2025 23.59 WITA',
  },
  {
    name: 'filing: known 31 Jan 2024 → 7 Feb 2024 (month end)',
    rule: 'laporan.penyampaian',
    start: '2024-01-31 12:00',
    region: WIT_REGION,
    expect: '7 Februari 2024 23.59 WIT',
  },
  {
    name: 'filing: known 30 Sep 2024 → 7 Oct 2024',
    rule: 'laporan.penyampaian',
    start: '2024-09-30 12:00',
    region: WIB_REGION,
    expect: '7 Oktober 2024 23.59 WIB',
  },
  {
    name: 'filing: known on voting day 27 Nov 2024 (holiday irrelevant) → 4 Dec',
    rule: 'laporan.penyampaian',
    start: '2024-11-27 13:00',
    region: WITA_REGION,
    expect: '4 Desember 2024 23.59 WITA',
  },
  {
    name: 'filing: known 28 Dec 2025 → 4 Jan 2026',
    rule: 'laporan.penyampaian',
    start: '2025-12-28 19:00',
    region: WIT_REGION,
    expect: '4 Januari 2026 23.59 WIT',
  },
  {
    name: 'filing: known 00:00 counts the same day',
    rule: 'laporan.penyampaian',
    start: '2024-11-20 00:00',
    region: WIB_REGION,
    expect: '27 November 2024 23.59 WIB',
  },
  {
    name: 'filing: known 23:59 counts the same day',
    rule: 'laporan.penyampaian',
    start: '2024-11-20 23:59',
    region: WIB_REGION,
    expect: '27 November 2024 23.59 WIB',
  },
  // Same instant, different local days near midnight.
  {
    name: 'zones: 2024-11-20T16:30Z in WIB (23:30, 20 Nov) → 27 Nov',
    rule: 'laporan.penyampaian',
    start: '2024-11-20T16:30:00Z',
    region: WIB_REGION,
    expect: '27 November 2024 23.59 WIB',
  },
  {
    name: 'zones: 2024-11-20T16:30Z in WITA (00:30, 21 Nov) → 28 Nov',
    rule: 'laporan.penyampaian',
    start: '2024-11-20T16:30:00Z',
    region: WITA_REGION,
    expect: '28 November 2024 23.59 WITA',
  },
  {
    name: 'zones: 2024-11-20T16:30Z in WIT (01:30, 21 Nov) → 28 Nov',
    rule: 'laporan.penyampaian',
    start: '2024-11-20T16:30:00Z',
    region: WIT_REGION,
    expect: '28 November 2024 23.59 WIT',
  },
  {
    name: 'zones: 2024-11-20T15:30Z in WITA (23:30, 20 Nov) → 27 Nov',
    rule: 'laporan.penyampaian',
    start: '2024-11-20T15:30:00Z',
    region: WITA_REGION,
    expect: '27 November 2024 23.59 WITA',
  },
  {
    name: 'zones: 2024-11-20T15:30Z in WIT (00:30, 21 Nov) → 28 Nov',
    rule: 'laporan.penyampaian',
    start: '2024-11-20T15:30:00Z',
    region: WIT_REGION,
    expect: '28 November 2024 23.59 WIT',
  },
  {
    name: 'zones: Kalteng (62) is WIB',
    rule: 'laporan.penyampaian',
    start: '2024-11-20T16:30:00Z',
    region: '62',
    expect: '27 November 2024 23.59 WIB',
  },
  {
    name: 'zones: Kalsel (63) is WITA',
    rule: 'laporan.penyampaian',
    start: '2024-11-20T16:30:00Z',
    region: '63',
    expect: '28 November 2024 23.59 WITA',
  },
  // Temuan: 7 days from known (Perbawaslu 14/2017 Pasal 5).
  {
    name: 'temuan: known 25 Sep 2024 → 2 Oct 2024',
    rule: 'temuan.penetapan',
    start: '2024-09-25 10:00',
    region: WIB_REGION,
    expect: '2 Oktober 2024 23.59 WIB',
  },
  // Pasal 134(5)-(6): 3 days, +2 when more information is requested.
  {
    name: 'handling: registered 29 Nov 2024 → 2 Dec',
    rule: 'laporan.putusan',
    start: '2024-11-29 10:00',
    region: WITA_REGION,
    expect: '2 Desember 2024 23.59 WITA',
  },
  {
    name: 'handling 3+2: registered 29 Nov 2024 → 4 Dec',
    rule: 'laporan.putusan',
    start: '2024-11-29 10:00',
    region: WITA_REGION,
    extended: true,
    expect: '4 Desember 2024 23.59 WITA',
  },
  {
    name: 'handling: registered 30 Dec 2024 → 2 Jan 2025',
    rule: 'laporan.putusan',
    start: '2024-12-30 15:00',
    region: WIT_REGION,
    expect: '2 Januari 2025 23.59 WIT',
  },
  {
    name: 'handling 3+2: registered 30 Dec 2024 → 4 Jan 2025',
    rule: 'laporan.putusan',
    start: '2024-12-30 15:00',
    region: WIT_REGION,
    extended: true,
    expect: '4 Januari 2025 23.59 WIT',
  },
  {
    name: 'handling: registered 27 Feb 2024 (leap) → 1 Mar',
    rule: 'laporan.putusan',
    start: '2024-02-27 09:00',
    region: WIB_REGION,
    expect: '1 Maret 2024 23.59 WIB',
  },
  {
    name: 'handling 3+2: registered 27 Feb 2024 (leap) → 3 Mar',
    rule: 'laporan.putusan',
    start: '2024-02-27 09:00',
    region: WIB_REGION,
    extended: true,
    expect: '3 Maret 2024 23.59 WIB',
  },
  {
    name: 'handling: registered 27 Feb 2025 → 2 Mar',
    rule: 'laporan.putusan',
    start: '2025-02-27 09:00',
    region: WIB_REGION,
    expect: '2 Maret 2025 23.59 WIB',
  },
  {
    name: 'handling: calendar days run through Idul Fitri 2025',
    rule: 'laporan.putusan',
    start: '2025-03-28 09:00',
    region: WIB_REGION,
    expect: '31 Maret 2025 23.59 WIB',
  },
  {
    name: 'temuan handling 3+2: set 24 Dec 2024 → 29 Dec (through Christmas)',
    rule: 'temuan.putusan',
    start: '2024-12-24 14:00',
    region: WIB_REGION,
    extended: true,
    expect: '29 Desember 2024 23.59 WIB',
  },
  // 2×24 hours: exact hours, across midnight, month and zones.
  {
    name: '2×24h: notified 29 Nov 2024 22:00 WIB → 1 Dec 22.00',
    rule: 'laporan.kelengkapan',
    start: '2024-11-29 22:00',
    region: WIB_REGION,
    expect: '1 Desember 2024 22.00 WIB',
  },
  {
    name: '2×24h: notified 30 Dec 2024 23:30 WITA → 1 Jan 2025 23.30',
    rule: 'laporan.kelengkapan',
    start: '2024-12-30 23:30',
    region: WITA_REGION,
    expect: '1 Januari 2025 23.30 WITA',
  },
  {
    name: '2×24h: same instant shown in WIB',
    rule: 'laporan.kelengkapan',
    start: '2024-11-29T15:30:00Z',
    region: WIB_REGION,
    expect: '1 Desember 2024 22.30 WIB',
  },
  {
    name: '2×24h: same instant shown in WIT (next local day)',
    rule: 'laporan.kelengkapan',
    start: '2024-11-29T15:30:00Z',
    region: WIT_REGION,
    expect: '2 Desember 2024 00.30 WIT',
  },
  {
    name: '2×24h: across 29 Feb 2024',
    rule: 'laporan.kelengkapan',
    start: '2024-02-28 09:15',
    region: WIB_REGION,
    expect: '1 Maret 2024 09.15 WIB',
  },
  // Perbawaslu 8/2020 → 9/2024 (in force 1 Oct 2024, [UNCONFIRMED]).
  {
    name: 'version: 30 Sep 2024 → Perbawaslu 8/2020',
    rule: 'laporan.kelengkapan',
    start: '2024-09-30 10:00',
    region: WIB_REGION,
    expect: '2 Oktober 2024 10.00 WIB',
    expectVersion: 'laporan.kelengkapan@perbawaslu-8-2020',
  },
  {
    name: 'version: 1 Oct 2024 → Perbawaslu 9/2024',
    rule: 'laporan.kelengkapan',
    start: '2024-10-01 10:00',
    region: WIB_REGION,
    expect: '3 Oktober 2024 10.00 WIB',
    expectVersion: 'laporan.kelengkapan@perbawaslu-9-2024',
  },
  {
    name: 'version: 1 Oct 2024 00:30 WIT is still 30 Sep in WIB but the region decides',
    rule: 'laporan.kelengkapan',
    start: '2024-09-30T15:30:00Z',
    region: WIT_REGION,
    expectVersion: 'laporan.kelengkapan@perbawaslu-9-2024',
    expect: '3 Oktober 2024 00.30 WIT',
  },
  // Pasal 135(2): 1×24 hours to Gakkumdu.
  {
    name: '1×24h: decided 30 Nov 2024 16:00 WITA → 1 Dec 16.00',
    rule: 'pidana.penerusan_gakkumdu',
    start: '2024-11-30 16:00',
    region: WITA_REGION,
    expect: '1 Desember 2024 16.00 WITA',
  },
  {
    name: '1×24h: decided 31 Dec 2024 23:59 WIB → 1 Jan 2025 23.59',
    rule: 'pidana.penerusan_gakkumdu',
    start: '2024-12-31 23:59',
    region: WIB_REGION,
    expect: '1 Januari 2025 23.59 WIB',
  },
  {
    name: '1×24h: no extension exists',
    rule: 'pidana.penerusan_gakkumdu',
    start: '2024-12-31 23:59',
    region: WIB_REGION,
    extended: true,
    expectError: 'NO_EXTENSION',
  },
  // KPU 7 days; MK 104/PUU-XXIII/2025 (30 Jul 2025) ends it.
  {
    name: 'KPU: recommendation received 5 Dec 2024 → 12 Dec',
    rule: 'kpu.pemeriksaan_rekomendasi',
    start: '2024-12-05 10:00',
    region: WIB_REGION,
    expect: '12 Desember 2024 23.59 WIB',
  },
  {
    name: 'KPU: case dated 29 Jul 2025 still has the 7 days',
    rule: 'kpu.pemeriksaan_rekomendasi',
    start: '2025-07-29 10:00',
    region: WIB_REGION,
    expect: '5 Agustus 2025 23.59 WIB',
  },
  {
    name: 'KPU: case dated 30 Jul 2025 (MK 104) → not in force',
    rule: 'kpu.pemeriksaan_rekomendasi',
    start: '2025-07-30 10:00',
    region: WIB_REGION,
    expectError: 'RULE_NOT_IN_FORCE',
  },
  {
    name: 'KPU: caseDate decides, not the start',
    rule: 'kpu.pemeriksaan_rekomendasi',
    start: '2025-08-02 10:00',
    region: WIB_REGION,
    caseDate: '2025-07-15',
    expect: '9 Agustus 2025 23.59 WIB',
  },
  // Gakkumdu hari kerja with holidays.
  {
    name: 'investigation 14 hari kerja across Nyepi/Idul Fitri 2025 and Good Friday',
    rule: 'gakkumdu.penyidikan',
    start: '2025-03-24 10:00',
    region: WIB_REGION,
    expect: '23 April 2025 23.59 WIB',
  },
  {
    name: 'investigation 14 hari kerja, weekends only',
    rule: 'gakkumdu.penyidikan',
    start: '2025-03-24 10:00',
    region: WIB_REGION,
    calendar: WEEKENDS_ONLY_CALENDAR,
    expect: '11 April 2025 23.59 WIB',
  },
  {
    name: 'return file 3 hari kerja across Christmas 2024 and cuti bersama',
    rule: 'gakkumdu.pengembalian_berkas',
    start: '2024-12-23 10:00',
    region: WIB_REGION,
    expect: '30 Desember 2024 23.59 WIB',
  },
  {
    name: 'resubmit 3 hari kerja across New Year 2025',
    rule: 'gakkumdu.penyampaian_kembali',
    start: '2024-12-27 10:00',
    region: WIB_REGION,
    expect: '2 Januari 2025 23.59 WIB',
  },
  {
    name: 'court filing 5 hari kerja across voting day 27 Nov 2024 (Keppres 33/2024)',
    rule: 'gakkumdu.pelimpahan_pengadilan',
    start: '2024-11-26 10:00',
    region: WIB_REGION,
    expect: '4 Desember 2024 23.59 WIB',
  },
  {
    name: 'court filing 5 hari kerja, weekends only',
    rule: 'gakkumdu.pelimpahan_pengadilan',
    start: '2024-11-26 10:00',
    region: WIB_REGION,
    calendar: WEEKENDS_ONLY_CALENDAR,
    expect: '3 Desember 2024 23.59 WIB',
  },
  {
    name: 'working days: 19 Dec 23:00 WIB → 24 Dec',
    rule: 'gakkumdu.pengembalian_berkas',
    start: '2024-12-19T16:00:00Z',
    region: WIB_REGION,
    expect: '24 Desember 2024 23.59 WIB',
  },
  {
    name: 'working days: same instant is Fri 20 Dec 01:00 WIT → 27 Dec',
    rule: 'gakkumdu.pengembalian_berkas',
    start: '2024-12-19T16:00:00Z',
    region: WIT_REGION,
    expect: '27 Desember 2024 23.59 WIT',
  },
  {
    name: 'working days starting on a Saturday',
    rule: 'gakkumdu.pengembalian_berkas',
    start: '2024-12-21 10:00',
    region: WIB_REGION,
    expect: '27 Desember 2024 23.59 WIB',
  },
  // BKN track.
  {
    name: 'Bawaslu review 3 hari kerja across Idul Fitri 2026',
    rule: 'bkn.kajian_bawaslu',
    start: '2026-03-17 10:00',
    region: WIB_REGION,
    expect: '27 Maret 2026 23.59 WIB',
  },
  {
    name: 'Bawaslu review 3 hari kerja across cuti bersama 18 Aug 2025',
    rule: 'bkn.kajian_bawaslu',
    start: '2025-08-15 10:00',
    region: WITA_REGION,
    expect: '21 Agustus 2025 23.59 WITA',
  },
  {
    name: 'same without cuti bersama in the calendar',
    rule: 'bkn.kajian_bawaslu',
    start: '2025-08-15 10:00',
    region: WITA_REGION,
    calendar: NO_CUTI_BERSAMA,
    expect: '20 Agustus 2025 23.59 WITA',
  },
  {
    name: 'BKN verification 7 days from 1 Oct 2024',
    rule: 'bkn.verifikasi',
    start: '2024-10-01 10:00',
    region: WIB_REGION,
    expect: '8 Oktober 2024 23.59 WIB',
  },
  {
    name: 'BKN verification: case dated 24 Aug 2024 (KASN era) → not in force',
    rule: 'bkn.verifikasi',
    start: '2024-08-24 10:00',
    region: WIB_REGION,
    expectError: 'RULE_NOT_IN_FORCE',
  },
  {
    name: 'BKN verification: case dated 25 Aug 2024 → in force',
    rule: 'bkn.verifikasi',
    start: '2024-08-25 10:00',
    region: WIB_REGION,
    expect: '1 September 2024 23.59 WIB',
  },
  {
    name: 'PPK follow-up 14 hari kerja (default, [UNCONFIRMED])',
    rule: 'ppk.tindak_lanjut',
    start: '2024-12-02 10:00',
    region: WIB_REGION,
    expect: '20 Desember 2024 23.59 WIB',
  },
  {
    name: 'PPK follow-up configured to 10 calendar days',
    rule: 'ppk.tindak_lanjut',
    start: '2024-12-02 10:00',
    region: WIB_REGION,
    rules: ppkTenCalendarDays,
    expect: '12 Desember 2024 23.59 WIB',
  },
  { name: 'unknown rule', rule: 'tidak.ada', start: '2024-12-02 10:00', region: WIB_REGION, expectError: 'UNKNOWN_RULE' },
];

describe('legal clock: computeDeadline table', () => {
  test('table has at least 45 cases', () => {
    assert.ok(ROWS.length >= 45, `only ${ROWS.length} rows`);
  });
  for (const row of ROWS) {
    test(row.name, () => {
      const input = {
        startAt: startInstant(row),
        regionCode: row.region,
        ...(row.extended ? { extended: true } : {}),
        ...(row.caseDate ? { caseDate: row.caseDate } : {}),
        ...(row.calendar ? { calendar: row.calendar } : {}),
      };
      if (row.expectError) {
        assert.throws(
          () => computeDeadline(row.rule, input, row.rules),
          (error: unknown) => error instanceof LegalClockError && error.code === row.expectError,
        );
        return;
      }
      const deadline = computeDeadline(row.rule, input, row.rules);
      assert.equal(deadline.dueLocal, row.expect);
      assert.equal(deadline.ruleId, row.rule);
      assert.equal(deadline.zone, REGION_ZONE[row.region] ?? zoneForRegion(row.region).label);
      assert.ok(deadline.source.length > 0);
      assert.ok(deadline.basis.length > 0);
      if (row.expectVersion) assert.equal(deadline.versionId, row.expectVersion);
    });
  }
});

describe('legal clock: deadline instants', () => {
  test('a day deadline ends at 23:59:59.999 local, as a UTC instant', () => {
    const d = computeDeadline('laporan.penyampaian', { startAt: new Date('2024-11-20T16:30:00Z'), regionCode: WIT_REGION });
    assert.equal(d.dueAt.toISOString(), '2024-11-28T14:59:59.999Z');
    const w = computeDeadline('laporan.penyampaian', { startAt: new Date('2024-11-20T16:30:00Z'), regionCode: WIB_REGION });
    assert.equal(w.dueAt.toISOString(), '2024-11-27T16:59:59.999Z');
  });
  test('hour deadlines are the same instant in every zone', () => {
    const start = new Date('2024-11-29T15:30:00Z');
    const a = computeDeadline('laporan.kelengkapan', { startAt: start, regionCode: WIB_REGION });
    const b = computeDeadline('laporan.kelengkapan', { startAt: start, regionCode: WIT_REGION });
    assert.equal(a.dueAt.getTime(), b.dueAt.getTime());
    assert.equal(a.dueAt.toISOString(), '2024-12-01T15:30:00.000Z');
  });
  test('the extension is recorded with its source (Pasal 134(6))', () => {
    const d = computeDeadline('laporan.putusan', {
      startAt: toUtcInstant('2024-11-29', '10:00', 'WITA'),
      regionCode: WITA_REGION,
      extended: true,
    });
    assert.equal(d.extended, true);
    assert.deepEqual(d.length, { value: 5, unit: 'days' });
    assert.match(d.extensionSource ?? '', /Pasal 134 ayat \(6\)/);
    assert.match(d.source, /Pasal 134 ayat \(5\)/);
  });
  test('a non-configurable rule cannot be overridden', () => {
    assert.throws(
      () => withRuleOverride(DEADLINE_RULES, 'laporan.penyampaian', { length: { value: 14, unit: 'days' } }),
      /tidak dapat diubah/,
    );
  });
});

describe('legal clock: late filing (Pasal 134(4))', () => {
  const knownAt = toUtcInstant('2024-11-20', '10:00', 'WIB');
  const cases: { name: string; receivedAt: Date; region: string; late: boolean; days: number }[] = [
    {
      name: 'day 7 at 23:59 local is on time',
      receivedAt: toUtcInstant('2024-11-27', '23:59', 'WIB'),
      region: WIB_REGION,
      late: false,
      days: 7,
    },
    {
      name: 'day 7 at 23:59:59.999 local is on time',
      receivedAt: toUtcInstant('2024-11-27', '23:59:59.999', 'WIB'),
      region: WIB_REGION,
      late: false,
      days: 7,
    },
    {
      name: 'day 8 at 00:00 local is late',
      receivedAt: toUtcInstant('2024-11-28', '00:00', 'WIB'),
      region: WIB_REGION,
      late: true,
      days: 8,
    },
    { name: 'same day is on time', receivedAt: toUtcInstant('2024-11-20', '15:00', 'WIB'), region: WIB_REGION, late: false, days: 0 },
    {
      name: 'same instant 16:30Z is 23:30 in WIB: on time',
      receivedAt: new Date('2024-11-27T16:30:00Z'),
      region: WIB_REGION,
      late: false,
      days: 7,
    },
    {
      name: 'same instant 16:30Z is 00:30 next day in WITA: late',
      receivedAt: new Date('2024-11-27T16:30:00Z'),
      region: WITA_REGION,
      late: true,
      days: 8,
    },
    { name: 'a month later is late', receivedAt: toUtcInstant('2024-12-20', '09:00', 'WIB'), region: WIB_REGION, late: true, days: 30 },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const result = assessFilingTimeliness({ knownAt, receivedAt: c.receivedAt, regionCode: c.region });
      assert.equal(result.late, c.late);
      assert.equal(result.daysSinceKnown, c.days);
      if (c.late) {
        assert.match(result.proposedReason ?? '', /Pasal 134 ayat \(4\)/);
        assert.match(result.proposedReason ?? '', /tetap dicatat/);
        assert.ok(result.proposedReasonEn);
      } else {
        assert.equal(result.proposedReason, undefined);
      }
    });
  }
  test('a known date after the filing is flagged, not late', () => {
    const result = assessFilingTimeliness({
      knownAt: toUtcInstant('2024-11-22', '10:00', 'WIB'),
      receivedAt: toUtcInstant('2024-11-21', '10:00', 'WIB'),
      regionCode: WIB_REGION,
    });
    assert.equal(result.late, false);
    assert.equal(result.knownAfterReceipt, true);
    assert.equal(result.daysSinceKnown, -1);
  });
});

describe('legal clock: isLate and remainingTime', () => {
  const deadline = computeDeadline('laporan.putusan', { startAt: toUtcInstant('2024-11-29', '10:00', 'WITA'), regionCode: WITA_REGION });
  test('isLate is strict after dueAt', () => {
    assert.equal(isLate(deadline, deadline.dueAt), false);
    assert.equal(isLate(deadline, new Date(deadline.dueAt.getTime() + 1)), true);
  });
  test('time left before the deadline', () => {
    const r = remainingTime(deadline, toUtcInstant('2024-11-30', '12:00', 'WITA'));
    assert.deepEqual(
      { overdue: r.overdue, daysLeft: r.daysLeft, hoursLeft: r.hoursLeft, totalHoursLeft: r.totalHoursLeft },
      { overdue: false, daysLeft: 2, hoursLeft: 11, totalHoursLeft: 59 },
    );
  });
  test('time overdue after the deadline', () => {
    const r = remainingTime(deadline, toUtcInstant('2024-12-04', '02:00', 'WITA'));
    assert.equal(r.overdue, true);
    assert.equal(r.daysLeft, 1);
    assert.equal(r.hoursLeft, 2);
    assert.ok(r.msLeft < 0);
  });
});

describe('legal clock: rules in force by date', () => {
  const versions = (date: string) => rulesInForce(date).map((r) => r.versionId);
  test('30 Sep 2024: Perbawaslu 8/2020, KPU 7 days', () => {
    assert.ok(versions('2024-09-30').includes('laporan.kelengkapan@perbawaslu-8-2020'));
    assert.ok(!versions('2024-09-30').includes('laporan.kelengkapan@perbawaslu-9-2024'));
    assert.ok(versions('2024-09-30').includes('kpu.pemeriksaan_rekomendasi@sebelum-mk-104'));
  });
  test('1 Oct 2024: Perbawaslu 9/2024', () => {
    assert.ok(versions('2024-10-01').includes('laporan.kelengkapan@perbawaslu-9-2024'));
    assert.ok(!versions('2024-10-01').includes('laporan.kelengkapan@perbawaslu-8-2020'));
  });
  test('after MK 104/PUU-XXIII/2025 the KPU rule is gone', () => {
    assert.ok(versions('2025-07-29').includes('kpu.pemeriksaan_rekomendasi@sebelum-mk-104'));
    assert.ok(!versions('2025-07-30').includes('kpu.pemeriksaan_rekomendasi@sebelum-mk-104'));
  });
  test('KASN → BKN: the BKN verification rule starts 25 Aug 2024', () => {
    assert.ok(!versions('2024-08-24').includes('bkn.verifikasi@2024'));
    assert.ok(versions('2024-08-25').includes('bkn.verifikasi@2024'));
  });
  test('a Date is read in the region zone', () => {
    const instant = new Date('2024-09-30T16:30:00Z'); // 23:30 WIB 30 Sep, 01:30 WIT 1 Oct
    assert.ok(rulesInForce(instant, { regionCode: WIB_REGION }).some((r) => r.versionId === 'laporan.kelengkapan@perbawaslu-8-2020'));
    assert.ok(rulesInForce(instant, { regionCode: WIT_REGION }).some((r) => r.versionId === 'laporan.kelengkapan@perbawaslu-9-2024'));
  });
  test('regulation regimes', () => {
    assert.deepEqual(
      regulationRegimesInForce('2024-09-30').map((r) => r.id),
      ['perbawaslu-8-2020'],
    );
    assert.deepEqual(
      regulationRegimesInForce('2024-10-01').map((r) => r.id),
      ['perbawaslu-9-2024'],
    );
    assert.deepEqual(
      regulationRegimesInForce('2025-07-30').map((r) => r.id),
      ['perbawaslu-9-2024', 'mk-104-puu-xxiii-2025'],
    );
  });
  test('every rule has a source and every version id is unique', () => {
    assert.equal(new Set(DEADLINE_RULES.map((r) => r.versionId)).size, DEADLINE_RULES.length);
    for (const rule of DEADLINE_RULES) assert.ok(rule.source.length > 5, rule.versionId);
    for (const rule of DEADLINE_RULES.filter((r) => r.kind === 'working')) assert.equal(rule.length.unit, 'days');
  });
});

describe('time zones', () => {
  test('every province code maps to the zone named in the brief', () => {
    const wita = ['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76'];
    const wit = ['81', '82', '91', '92', '93', '94', '95', '96'];
    assert.equal(PROVINCE_CODES.length, 38);
    for (const code of PROVINCE_CODES) {
      const expected = wit.includes(code) ? 'WIT' : wita.includes(code) ? 'WITA' : 'WIB';
      assert.equal(zoneForRegion(code).label, expected, code);
    }
  });
  test('any level of code works', () => {
    assert.equal(zoneForRegion('73.71.01.1001').iana, 'Asia/Makassar');
    assert.equal(zoneForRegion('9171').label, 'WIT');
    assert.equal(zoneForRegion('61').label, 'WIB');
    assert.throws(() => zoneForRegion('99.01'), /unknown region/);
  });
  test('fixed offsets agree with Intl.DateTimeFormat for the IANA zones', () => {
    const instants = ['2024-01-01T00:00:00Z', '2024-06-30T17:00:00Z', '2024-11-27T16:59:59Z', '2025-03-31T23:30:00Z'].map(
      (s) => new Date(s),
    );
    for (const zone of Object.values(ZONES)) {
      const fmt = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone.iana,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
      for (const instant of instants) {
        const parts = Object.fromEntries(fmt.formatToParts(instant).map((p) => [p.type, p.value]));
        const local = formatLocalDateTime(instant, zone.label);
        assert.equal(
          localDateOf(instant, zone.label),
          `${parts.year}-${parts.month}-${parts.day}`,
          `${zone.iana} ${instant.toISOString()}`,
        );
        assert.ok(local.includes(`${parts.hour}.${parts.minute}`), `${local} vs ${parts.hour}:${parts.minute}`);
      }
    }
  });
  test('format and round trip', () => {
    const instant = toUtcInstant('2024-11-29', '23:59', 'WITA');
    assert.equal(instant.toISOString(), '2024-11-29T15:59:00.000Z');
    assert.equal(formatLocalDateTime(instant, 'WITA'), '29 November 2024 23.59 WITA');
    assert.equal(formatLocalDateTime(instant, 'WIT'), '30 November 2024 00.59 WIT');
    assert.equal(localDateOf(instant, 'WIB'), '2024-11-29');
    assert.throws(() => toUtcInstant('2024-02-30', '10:00', 'WIB'));
    assert.throws(() => toUtcInstant('2024-02-10', '24:00', 'WIB'));
  });
  test('local date arithmetic', () => {
    assert.equal(addDaysToLocalDate('2024-02-28', 1), '2024-02-29');
    assert.equal(addDaysToLocalDate('2023-02-28', 1), '2023-03-01');
    assert.equal(diffLocalDates('2024-12-28', '2025-01-04'), 7);
  });
});

describe('holiday calendar', () => {
  test('counts per SKB: 2024 17+1 libur and 10 cuti, 2025 17 and 11, 2026 17 and 8', () => {
    const count = (year: number, kind: string) => holidaysIn(year).filter((h) => h.kind === kind).length;
    assert.deepEqual([count(2024, 'libur'), count(2024, 'cuti_bersama')], [18, 10]);
    assert.deepEqual([count(2025, 'libur'), count(2025, 'cuti_bersama')], [17, 11]);
    assert.deepEqual([count(2026, 'libur'), count(2026, 'cuti_bersama')], [17, 8]);
  });
  test('Pilkada voting day 27 Nov 2024 is a national holiday (Keppres 33/2024)', () => {
    assert.equal(NATIONAL_CALENDAR.isHoliday('2024-11-27'), true);
    assert.equal(isWorkingDay('2024-11-27', NATIONAL_CALENDAR), false);
  });
  test('working-day helpers', () => {
    assert.equal(addWorkingDays('2025-03-27', 1, NATIONAL_CALENDAR), '2025-04-08');
    assert.equal(addWorkingDays('2025-03-27', 1, NO_CUTI_BERSAMA), '2025-03-28');
    assert.equal(addWorkingDays('2025-03-27', 0, NATIONAL_CALENDAR), '2025-03-27');
  });
  test('an editable calendar from the database can replace the built-in one', () => {
    const regional = buildCalendar([...NATIONAL_HOLIDAYS, { date: '2024-12-02', kind: 'libur' }]);
    assert.equal(addWorkingDays('2024-11-29', 1, regional), '2024-12-03');
  });
  test('every holiday date is a valid, unique date with a source', () => {
    const seen = new Set<string>();
    for (const h of NATIONAL_HOLIDAYS) {
      assert.ok(!seen.has(h.date), `duplicate ${h.date}`);
      seen.add(h.date);
      assert.ok(h.source.length > 0);
      assert.equal(addDaysToLocalDate(h.date, 0), h.date);
    }
  });
});

// Guards the law implies on case actions (src/domain/legal-clock/guards.ts): one row per guard
// and edge. `at` is when the action takes effect; clocks are the case's deadlines.

interface GuardRow {
  name: string;
  ctx: GuardContext;
  override?: { reason: string };
  expect: 'allowed' | 'blocked' | 'not_overridable' | 'override_reason_no_content' | 'overridden';
  guard?: string;
  until?: string;
  since?: string;
}

const notified = new Date('2024-10-10T03:00:00Z');
const completionDue = new Date('2024-10-12T03:00:00Z');
const completionClock = { ruleId: 'laporan.kelengkapan', dueAt: completionDue, stoppedAt: null };
const temuanDue = new Date('2024-10-17T16:59:59.999Z'); // 17 Oct 2024 23:59:59.999 WIB
const temuanClock = { ruleId: 'temuan.penetapan', dueAt: temuanDue, stoppedAt: null };
const REASON = 'Kajian awal menemukan tanggal diketahui yang sebenarnya lebih akhir dari formulir.';

const GUARD_ROWS: GuardRow[] = [
  // laporan.kelengkapan.window (2×24 jam from the completion notice)
  {
    name: 'completion: stop 0 s after the notice → not yet, until the window ends',
    ctx: { action: 'kelengkapan_tidak_dipenuhi', kind: 'laporan', state: 'menunggu_kelengkapan', at: notified, clocks: [completionClock] },
    expect: 'blocked',
    guard: 'laporan.kelengkapan.window',
    until: completionDue.toISOString(),
  },
  {
    name: 'completion: exactly at 48 h → still the reporter’s time',
    ctx: {
      action: 'kelengkapan_tidak_dipenuhi',
      kind: 'laporan',
      state: 'menunggu_kelengkapan',
      at: completionDue,
      clocks: [completionClock],
    },
    expect: 'blocked',
    guard: 'laporan.kelengkapan.window',
  },
  {
    name: 'completion: 48 h + 1 ms → allowed',
    ctx: {
      action: 'kelengkapan_tidak_dipenuhi',
      kind: 'laporan',
      state: 'menunggu_kelengkapan',
      at: new Date(completionDue.getTime() + 1),
      clocks: [completionClock],
    },
    expect: 'allowed',
  },
  {
    name: 'completion: an override does not shorten the reporter’s window',
    ctx: { action: 'kelengkapan_tidak_dipenuhi', kind: 'laporan', state: 'menunggu_kelengkapan', at: notified, clocks: [completionClock] },
    override: { reason: REASON },
    expect: 'not_overridable',
  },
  {
    name: 'completion: the reporter may still withdraw within the window',
    ctx: { action: 'cabut', kind: 'laporan', state: 'menunggu_kelengkapan', at: notified, clocks: [completionClock] },
    expect: 'allowed',
  },
  // laporan.penyampaian.late (Pasal 134(4), syarat formil c)
  {
    name: 'late laporan: registration refused',
    ctx: {
      action: 'registrasi',
      kind: 'laporan',
      state: 'diterima',
      at: notified,
      clocks: [],
      filedLate: true,
      filingDueAt: new Date('2024-10-08T16:59:59.999Z'),
    },
    expect: 'blocked',
    guard: 'laporan.penyampaian.late',
    since: '2024-10-08T16:59:59.999Z',
  },
  {
    name: 'late laporan: override with a meaningless reason refused',
    ctx: { action: 'registrasi', kind: 'laporan', state: 'diterima', at: notified, clocks: [], filedLate: true },
    override: { reason: '..........aaaaaaaa' },
    expect: 'override_reason_no_content',
  },
  {
    name: 'late laporan: override with a real reason proceeds',
    ctx: { action: 'registrasi', kind: 'laporan', state: 'diterima', at: notified, clocks: [], filedLate: true },
    override: { reason: REASON },
    expect: 'overridden',
    guard: 'laporan.penyampaian.late',
  },
  {
    name: 'late laporan: refusing registration is never blocked',
    ctx: { action: 'tolak_registrasi', kind: 'laporan', state: 'diterima', at: notified, clocks: [], filedLate: true },
    expect: 'allowed',
  },
  {
    name: 'on-time laporan: registration allowed',
    ctx: { action: 'registrasi', kind: 'laporan', state: 'diterima', at: notified, clocks: [], filedLate: false },
    expect: 'allowed',
  },
  // temuan.penetapan.late (Perbawaslu 14/2017 Pasal 5 [verify])
  {
    name: 'temuan: pleno on day 7, 23:59 WIB → allowed',
    ctx: { action: 'tetapkan_temuan', kind: 'temuan', state: 'penelusuran', at: new Date('2024-10-17T16:59:00Z'), clocks: [temuanClock] },
    expect: 'allowed',
  },
  {
    name: 'temuan: pleno on day 9 → refused, since the limit',
    ctx: { action: 'tetapkan_temuan', kind: 'temuan', state: 'penelusuran', at: new Date('2024-10-19T03:00:00Z'), clocks: [temuanClock] },
    expect: 'blocked',
    guard: 'temuan.penetapan.late',
    since: temuanDue.toISOString(),
  },
  {
    name: 'temuan: pleno on day 9 with an audited reason → proceeds',
    ctx: { action: 'tetapkan_temuan', kind: 'temuan', state: 'penelusuran', at: new Date('2024-10-19T03:00:00Z'), clocks: [temuanClock] },
    override: { reason: REASON },
    expect: 'overridden',
    guard: 'temuan.penetapan.late',
  },
  {
    name: 'temuan: stopping the inquiry after day 7 is not blocked',
    ctx: {
      action: 'hentikan_penelusuran',
      kind: 'temuan',
      state: 'penelusuran',
      at: new Date('2024-10-19T03:00:00Z'),
      clocks: [temuanClock],
    },
    expect: 'allowed',
  },
];

describe('legal clock: guards on case actions (not yet / no longer)', () => {
  for (const row of GUARD_ROWS) {
    test(row.name, () => {
      const decision = decideGuard(row.ctx, row.override);
      if (row.expect === 'allowed') {
        assert.deepEqual(decision, { ok: true, override: null });
        return;
      }
      if (row.expect === 'overridden') {
        assert.equal(decision.ok, true);
        assert.equal(decision.ok && decision.override?.guard, row.guard);
        return;
      }
      assert.equal(decision.ok, false);
      if (decision.ok) return;
      assert.equal(decision.problem, row.expect);
      if (row.guard) assert.equal(decision.block.guard, row.guard);
      if (row.until) assert.equal(decision.block.until?.toISOString(), row.until);
      if (row.since) assert.equal(decision.block.since?.toISOString(), row.since);
      assert.ok(decision.block.reason.id && decision.block.reason.en, 'explains why, in both languages');
    });
  }
  test('every guard has a source and a row; the temuan guard records its [verify]', () => {
    for (const guard of CASE_GUARDS) {
      assert.ok(guard.source.length > 10, guard.id);
      assert.ok(
        GUARD_ROWS.some((r) => r.guard === guard.id),
        `row for ${guard.id}`,
      );
      assert.ok(
        DEADLINE_RULES.some((r) => r.id === guard.ruleId),
        `rule ${guard.ruleId}`,
      );
    }
    assert.match(CASE_GUARDS.find((g) => g.id === 'temuan.penetapan.late')!.unconfirmed!, /\[verify\]/);
    assert.equal(blockingGuard({ action: 'klarifikasi', kind: 'laporan', state: 'diregistrasi', at: notified, clocks: [] }), null);
  });
});

describe('effectiveAt: when an action took effect', () => {
  const now = new Date('2024-08-26T02:00:00Z');
  const cases: { name: string; effectiveAt?: string; previous?: string; reason?: string; expect: string }[] = [
    { name: 'none → now', expect: 'ok:2024-08-26T02:00:00.000Z' },
    { name: 'in the future → refused', effectiveAt: '2024-08-26T03:00:00Z', expect: 'in_future' },
    { name: 'a browser one minute ahead is read as now', effectiveAt: '2024-08-26T02:01:00Z', expect: 'ok:2024-08-26T02:00:00.000Z' },
    { name: 'two hours back, no reason needed', effectiveAt: '2024-08-26T00:00:00Z', expect: 'ok:2024-08-26T00:00:00.000Z' },
    { name: 'pleno 24 Aug 20:00 WIB, no reason → reason required', effectiveAt: '2024-08-24T13:00:00Z', expect: 'reason_required' },
    {
      name: 'pleno 24 Aug 20:00 WIB with a reason',
      effectiveAt: '2024-08-24T13:00:00Z',
      reason: 'Pleno malam hari, dientri setelah akhir pekan.',
      expect: 'ok:2024-08-24T13:00:00.000Z',
    },
    {
      name: 'before the previous step → refused',
      effectiveAt: '2024-08-24T13:00:00Z',
      previous: '2024-08-25T00:00:00Z',
      reason: 'Pleno malam hari, dientri kemudian.',
      expect: 'before_previous_step',
    },
    {
      name: 'more than 7 days back → refused',
      effectiveAt: '2024-08-18T00:00:00Z',
      reason: 'Pleno malam hari, dientri kemudian.',
      expect: 'too_far_back',
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const r = checkEffectiveAt({
        effectiveAt: c.effectiveAt ? new Date(c.effectiveAt) : null,
        now,
        previousStepAt: c.previous ? new Date(c.previous) : null,
        reason: c.reason,
      });
      assert.equal(r.ok ? `ok:${r.at.toISOString()}` : r.problem, c.expect);
    });
  }
});
