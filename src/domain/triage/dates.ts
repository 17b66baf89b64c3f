// Event date.
//
// Rule: the first date in the story (title, dateline, body, in reading order) that is not a
// schedule reference. Recognised forms: "27 November 2024", "Senin, 14 Oktober 2024",
// "14 Okt 2024", "Selasa (17/9/2024)", "(17/9)", "17/9/2024", "17-09-2024", and "H-17"/"H+1"
// counted from voting day (27 November 2024 for Pilkada 2024, configurable). A schedule
// reference is a date framed as future or as a period bound: "akan digelar pada 27
// November", "27 November mendatang", "hingga 23 November", "pemungutan suara 27 November".
// A date without a year takes the year of voting day. Weekday names alone ("Selasa") and
// "kemarin" give no date, except "kemarin" after a publication stamp ("14/10/2024 10:00
// WIB"), which gives the day before. No date → null.

import type { Doc } from './text.ts';

export interface DateOptions {
  /** ISO date of voting day, the anchor of "H-n". */
  votingDay: string;
}

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  februari: 2,
  pebruari: 2,
  feb: 2,
  peb: 2,
  maret: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  agustus: 8,
  agu: 8,
  agt: 8,
  ags: 8,
  agust: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nopember: 11,
  nov: 11,
  desember: 12,
  des: 12,
  dec: 12,
};
const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const TEXT_DATE_RE = new RegExp(String.raw`(?<![a-z0-9])(\d{1,2})\s+(${MONTH_NAMES})\.?(?:\s+(\d{4}))?(?![a-z])`, 'g');
const NUMERIC_DATE_RE = /(?<![\d/.-])(\d{1,2})([/\-.])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/-])/g;
const H_MINUS_RE = /(?<![a-z0-9])h\s?([-+])\s?(\d{1,3})(?![0-9])/g;

const SCHEDULE_BEFORE_RE =
  /\b(?:digelar|dilaksanakan|diselenggarakan|berlangsung|jatuh|pemungutan suara|pencoblosan|hari h|hari pemungutan|jadwal|dijadwalkan|berakhir|batas|paling lambat|akan|mendatang|nanti|periode|lahir|kelahiran|pilkada(?: serentak)?(?: \d{4})?(?: pada)?(?: tanggal)?|pemilihan(?: serentak)?(?: pada)?(?: tanggal)?|pemilu(?: pada)?(?: tanggal)?)\s*(?:(?:pada|tanggal|tgl\.?)\s*)?(?:(?:hari\s+)?(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)\s*,?\s*)?\(?$/;
const SCHEDULE_AFTER_RE = /^\)?\s*,?\s*(?:mendatang|nanti|yang akan datang|hingga|sampai|s\.?\s?d\.?|-\s*\d{1,2}\s)/;
const PUBLICATION_STAMP_AFTER_RE = /^[,\s|-]*(?:pukul\s*)?\d{1,2}[:.]\d{2}\s*(?:wib|wita|wit)?/;
const YESTERDAY_RE = /\bkemarin\b/;

interface Candidate {
  index: number;
  end: number;
  iso: string;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function addDays(iso: string, days: number): string {
  const [year, month, day] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function fullYear(raw: string | undefined, fallback: number): number {
  if (!raw) return fallback;
  const year = Number(raw);
  return raw.length === 2 ? 2000 + year : year;
}

// A year-less date ("Minggu (28/6)", "Senin 3 Juli") takes the year of the article's dated
// mentions, then of its election ("Pilkada 2020", "tahun 2020"), and only then voting day's.
const FULL_DATE_YEAR_RE =
  /\b\d{1,2}(?:\s+(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|jan|feb|mar|apr|jun|jul|agu|agt|sep|sept|okt|nov|des)\.?\s+|\/\d{1,2}\/)(20\d\d)\b/;
// "Pilkada Demak 2020", "Pemilu 2019", "pemilihan bupati 2024": up to two words between.
const ELECTION_YEAR_RE =
  /\b(?:(?:pilkada|pemilu|pilgub|pilbup|pilwalkot|pilwako|pileg|pilpres|pilkades|pilur)(?: [a-z]+){0,2}?|pemilihan(?: \w+){0,2}|tahun)(?: serentak)? (20\d\d)\b/;

function articleYear(lower: string, fallback: number): number {
  const dated = FULL_DATE_YEAR_RE.exec(lower) ?? ELECTION_YEAR_RE.exec(lower);
  return dated ? Number(dated[1]) : fallback;
}

export function findDateCandidates(lower: string, options: DateOptions): Candidate[] {
  const defaultYear = articleYear(lower, Number(options.votingDay.slice(0, 4)));
  const candidates: Candidate[] = [];
  for (const match of lower.matchAll(TEXT_DATE_RE)) {
    const iso = isoDate(fullYear(match[3], defaultYear), MONTHS[match[2]], Number(match[1]));
    if (iso) candidates.push({ index: match.index!, end: match.index! + match[0].length, iso });
  }
  for (const match of lower.matchAll(NUMERIC_DATE_RE)) {
    const separator = match[2];
    const index = match.index!;
    const end = index + match[0].length;
    // Without a year, only the parenthesised news form "(17/9)" is a date.
    if (!match[4] && !(lower[index - 1] === '(' && lower[end] === ')' && separator === '/')) continue;
    // "10.00" is a time, "1.010" a number.
    if (separator === '.' && !match[4]) continue;
    const iso = isoDate(fullYear(match[4], defaultYear), Number(match[3]), Number(match[1]));
    if (iso) candidates.push({ index, end, iso });
  }
  for (const match of lower.matchAll(H_MINUS_RE)) {
    const days = Number(match[2]) * (match[1] === '-' ? -1 : 1);
    candidates.push({ index: match.index!, end: match.index! + match[0].length, iso: addDays(options.votingDay, days) });
  }
  return candidates.sort((a, b) => a.index - b.index);
}

// "hingga 28 Oktober 2024" after a count is "as of" (kept); after a period word or another
// date it bounds a period ("kampanye berlangsung 25 September hingga 23 November").
const UNTIL_BEFORE_RE =
  /\b(?:hingga|sampai(?: dengan)?|s\.?\s?d\.?)\s*(?:(?:hari\s+)?(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)\s*,?\s*)?\(?$/;
const PERIOD_WORDS_RE =
  /\b(?:berlangsung|dimulai|mulai|masa|periode|batas|jadwal|dijadwalkan|sejak|dari tanggal|\d{1,2}\s+(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember))\b/;

function isSchedule(lower: string, candidate: Candidate): boolean {
  const before = lower.slice(Math.max(0, candidate.index - 60), candidate.index);
  const after = lower.slice(candidate.end, candidate.end + 30);
  if (/^h[-+\s]/.test(lower.slice(candidate.index, candidate.index + 2))) return false;
  if (UNTIL_BEFORE_RE.test(before)) return PERIOD_WORDS_RE.test(before);
  return SCHEDULE_BEFORE_RE.test(before) || SCHEDULE_AFTER_RE.test(after);
}

export function extractEventDate(doc: Doc, options: DateOptions): string | null {
  const { lower } = doc;
  const candidates = findDateCandidates(lower, options).filter((candidate) => !isSchedule(lower, candidate));
  if (candidates.length === 0) return null;
  const first = candidates[0];
  const stamp = PUBLICATION_STAMP_AFTER_RE.test(lower.slice(first.end, first.end + 20));
  if (stamp && candidates.length === 1 && YESTERDAY_RE.test(lower.slice(first.end))) return addDays(first.iso, -1);
  return first.iso;
}
