// Computes legal deadlines from the rules in rules.ts. Pure: "now" and the calendar are arguments.
//
// Semantics (see docs/LEGAL-CLOCK.md):
//  - "N hari" (calendar): counting starts the day AFTER the event (the event day is not counted,
//    as in KUHPerdata-style computation used by Bawaslu: "sejak" excludes the day of the event),
//    and the deadline ends at 23:59:59.999 local time of day D+N, where D is the event's local
//    date in the region's zone. Pasal 134(4): known 28 Dec 2024 → last filing day 4 Jan 2025.
//  - "N×24 jam" (hours): exact hours from the event instant (Pasal 135(2): 1×24 jam; 2×24 jam
//    completion window), independent of midnight and zone; only the display uses the zone.
//  - "N hari kerja" (working): the Nth working day after D (skipping Saturdays, Sundays and the
//    calendar's holidays), ending at 23:59:59.999 local. Office hours are not applied: a filing
//    late in the evening of the last day is still within the day.
import { NATIONAL_CALENDAR, type Calendar } from '../calendar/holidays.ts';
import { addWorkingDays } from '../calendar/workingDays.ts';
import { addDaysToLocalDate, diffLocalDates, formatLocalDateId, isValidLocalDate, type LocalDate } from '../time/localDate.ts';
import { endOfLocalDay, formatLocalDateTime, localDateOf, zoneForRegion, type ZoneLabel } from '../time/zones.ts';
import { DEADLINE_RULES, LegalClockError, REGULATION_REGIMES, type DeadlineRule, type RegulationRegime } from './rules.ts';

export interface DeadlineInput {
  /** The instant of the start event (diketahui, diterima, keputusan, …). */
  startAt: Date;
  /** Kemendagri code of the region whose Bawaslu handles the case (any level). */
  regionCode: string;
  /** The date that selects the rule version; defaults to startAt. */
  caseDate?: Date | LocalDate;
  /** Apply the rule's extension (e.g. +2 days when more information is requested, Pasal 134(6)). */
  extended?: boolean;
  /** Holidays for working-day rules; defaults to the built-in national calendar (2024–2026). */
  calendar?: Calendar;
}

export interface Deadline {
  ruleId: string;
  versionId: string;
  source: string;
  extensionSource?: string;
  zone: ZoneLabel;
  startAt: Date;
  startLocal: string;
  dueAt: Date;
  dueLocal: string;
  kind: 'calendar' | 'working' | 'hours';
  /** Length actually applied, extension included. */
  length: { value: number; unit: 'days' | 'hours' };
  extended: boolean;
  /** How the date was reached, in Indonesian, for display next to the deadline. */
  basis: string;
  unconfirmed?: string;
}

function isInForce(range: { inForceFrom?: string; inForceUntil?: string }, localDate: LocalDate): boolean {
  return (
    (range.inForceFrom === undefined || range.inForceFrom <= localDate) &&
    (range.inForceUntil === undefined || localDate <= range.inForceUntil)
  );
}

function toCaseLocalDate(date: Date | LocalDate, zone: ZoneLabel): LocalDate {
  if (typeof date === 'string') {
    if (!isValidLocalDate(date)) throw new RangeError(`Tanggal tidak sah / invalid date: ${date}`);
    return date;
  }
  return localDateOf(date, zone);
}

/**
 * Rule versions in force on a date. A Date is read in the region's zone (WIB when no region is
 * given); a 'YYYY-MM-DD' string is taken as is.
 */
export function rulesInForce(
  date: Date | LocalDate,
  options: { regionCode?: string; rules?: readonly DeadlineRule[] } = {},
): DeadlineRule[] {
  const zone = options.regionCode ? zoneForRegion(options.regionCode).label : 'WIB';
  const local = toCaseLocalDate(date, zone);
  return (options.rules ?? DEADLINE_RULES).filter((rule) => isInForce(rule, local));
}

/** The version of `ruleId` that applies on the case's local date, or null when none does. */
export function findRuleVersion(
  ruleId: string,
  caseLocalDate: LocalDate,
  rules: readonly DeadlineRule[] = DEADLINE_RULES,
): DeadlineRule | null {
  const versions = rules.filter((rule) => rule.id === ruleId);
  if (versions.length === 0) throw new LegalClockError('UNKNOWN_RULE', `Aturan tenggat tidak dikenal / unknown rule: ${ruleId}`);
  return versions.find((rule) => isInForce(rule, caseLocalDate)) ?? null;
}

/** Regulation regimes in force on a date (store the Perbawaslu one on each case). */
export function regulationRegimesInForce(date: Date | LocalDate, regionCode?: string): RegulationRegime[] {
  const zone = regionCode ? zoneForRegion(regionCode).label : 'WIB';
  const local = toCaseLocalDate(date, zone);
  return REGULATION_REGIMES.filter((regime) => isInForce(regime, local));
}

export function computeDeadline(ruleId: string, input: DeadlineInput, rules: readonly DeadlineRule[] = DEADLINE_RULES): Deadline {
  const zone = zoneForRegion(input.regionCode);
  const caseLocal = toCaseLocalDate(input.caseDate ?? input.startAt, zone.label);
  const rule = findRuleVersion(ruleId, caseLocal, rules);
  if (!rule) {
    throw new LegalClockError(
      'RULE_NOT_IN_FORCE',
      `Aturan ${ruleId} tidak berlaku untuk perkara bertanggal ${formatLocalDateId(caseLocal)} / rule not in force on ${caseLocal}`,
    );
  }
  const extended = input.extended === true;
  if (extended && !rule.extension) {
    throw new LegalClockError('NO_EXTENSION', `Aturan ${ruleId} tidak mengenal perpanjangan / rule has no extension`);
  }
  const calendar = input.calendar ?? NATIONAL_CALENDAR;
  const startLocalDate = localDateOf(input.startAt, zone);
  const startLocal = formatLocalDateTime(input.startAt, zone);

  let dueAt: Date;
  let kind: Deadline['kind'];
  let length: Deadline['length'];
  let basis: string;
  const extensionText =
    extended && rule.extension
      ? ` + ${rule.extension.value} ${rule.extension.unit === 'days' ? 'hari' : 'jam'} (permintaan keterangan tambahan)`
      : '';

  if (rule.length.unit === 'hours') {
    // "N×24 jam": exact hours from the event instant.
    const extensionHours = extended && rule.extension ? rule.extension.value * (rule.extension.unit === 'days' ? 24 : 1) : 0;
    const hours = rule.length.value + extensionHours;
    dueAt = new Date(input.startAt.getTime() + hours * 3_600_000);
    kind = 'hours';
    length = { value: hours, unit: 'hours' };
    basis = `${hours / 24 === Math.floor(hours / 24) ? `${hours / 24}×24 jam` : `${hours} jam`} sejak ${startLocal}${extensionText}`;
  } else {
    const extensionDays =
      extended && rule.extension ? (rule.extension.unit === 'days' ? rule.extension.value : Math.ceil(rule.extension.value / 24)) : 0;
    const days = rule.length.value + extensionDays;
    const lastDay = rule.kind === 'working' ? addWorkingDays(startLocalDate, days, calendar) : addDaysToLocalDate(startLocalDate, days);
    dueAt = endOfLocalDay(lastDay, zone);
    kind = rule.kind;
    length = { value: days, unit: 'days' };
    const unitText = rule.kind === 'working' ? 'hari kerja' : 'hari kalender';
    basis =
      `${rule.length.value} ${unitText}${extensionText} sejak ${formatLocalDateId(startLocalDate)} ` +
      `(hari peristiwa tidak dihitung; hari ke-1 = ${formatLocalDateId(addDaysToLocalDate(startLocalDate, 1))}), ` +
      `berakhir ${formatLocalDateId(lastDay)} pukul 23.59.59 ${zone.label}`;
  }

  return {
    ruleId: rule.id,
    versionId: rule.versionId,
    source: rule.source,
    ...(extended && rule.extension ? { extensionSource: rule.extension.source } : {}),
    zone: zone.label,
    startAt: input.startAt,
    startLocal,
    dueAt,
    dueLocal: formatLocalDateTime(dueAt, zone),
    kind,
    length,
    extended,
    basis,
    ...(rule.unconfirmed ? { unconfirmed: rule.unconfirmed } : {}),
  };
}

/** True when `at` falls after the deadline (a filing exactly at dueAt is on time). */
export function isLate(deadline: Pick<Deadline, 'dueAt'>, at: Date): boolean {
  return at.getTime() > deadline.dueAt.getTime();
}

export interface RemainingTime {
  overdue: boolean;
  /** Whole days left (or overdue by, when overdue). */
  daysLeft: number;
  /** Hours left after the whole days, 0–23 (or overdue by). */
  hoursLeft: number;
  /** Whole hours left in total (or overdue by). */
  totalHoursLeft: number;
  /** Milliseconds left; negative when overdue. */
  msLeft: number;
}

export function remainingTime(deadline: Pick<Deadline, 'dueAt'>, now: Date): RemainingTime {
  const msLeft = deadline.dueAt.getTime() - now.getTime();
  const overdue = msLeft < 0;
  const abs = Math.abs(msLeft);
  const totalHoursLeft = Math.floor(abs / 3_600_000);
  return {
    overdue,
    daysLeft: Math.floor(totalHoursLeft / 24),
    hoursLeft: totalHoursLeft % 24,
    totalHoursLeft,
    msLeft,
  };
}

export interface FilingTimeliness {
  late: boolean;
  /** Local days from the day the violation was known to the day of filing (region's zone). */
  daysSinceKnown: number;
  deadline: Deadline;
  /** True when the stated known date is after the filing itself (data to check with the pelapor). */
  knownAfterReceipt: boolean;
  /** Proposed reason for non-registration (Indonesian) when late. Never a reason to drop it. */
  proposedReason?: string;
  proposedReasonEn?: string;
}

/**
 * Checks the 7-day filing limit of Pasal 134(4). A late laporan is still received and recorded
 * (syarat formil huruf c, Perbawaslu 8/2020): the result proposes the reason for
 * "tidak diregistrasi", for a person to confirm; the report is never dropped.
 */
export function assessFilingTimeliness(input: { knownAt: Date; receivedAt: Date; regionCode: string }): FilingTimeliness {
  const zone = zoneForRegion(input.regionCode);
  const deadline = computeDeadline('laporan.penyampaian', {
    startAt: input.knownAt,
    regionCode: input.regionCode,
    caseDate: input.receivedAt,
  });
  const knownLocal = localDateOf(input.knownAt, zone);
  const receivedLocal = localDateOf(input.receivedAt, zone);
  const daysSinceKnown = diffLocalDates(knownLocal, receivedLocal);
  const late = isLate(deadline, input.receivedAt);
  const result: FilingTimeliness = {
    late,
    daysSinceKnown,
    deadline,
    knownAfterReceipt: input.receivedAt.getTime() < input.knownAt.getTime(),
  };
  if (late) {
    result.proposedReason =
      `Laporan tidak memenuhi syarat formil karena disampaikan melewati batas waktu paling lama 7 (tujuh) hari ` +
      `sejak diketahui dan/atau ditemukannya dugaan pelanggaran (${deadline.source}). ` +
      `Dugaan pelanggaran diketahui pada ${formatLocalDateId(knownLocal)}, batas akhir penyampaian ${deadline.dueLocal}, ` +
      `laporan disampaikan pada ${formatLocalDateTime(input.receivedAt, zone)} (hari ke-${daysSinceKnown}). ` +
      `Laporan tetap dicatat dan dapat dijadikan informasi awal untuk penelusuran.`;
    result.proposedReasonEn =
      `The report does not meet the formal requirements because it was filed after the 7-day limit from when ` +
      `the alleged violation was known (${deadline.source}): known ${knownLocal}, deadline ${deadline.dueLocal}, ` +
      `filed on day ${daysSinceKnown}. The report is still recorded and may be used as initial information.`;
  }
  return result;
}
