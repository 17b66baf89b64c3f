// Registration numbers as seen in SIGAPLAPOR (sigaplapor.bawaslu.go.id/pemeriksaan):
//   {seq}/{LP|TM}/{PL|PB|PP}/{Prov|Kab|Kota}/{region code}/{Roman month}/{year}
//   e.g. 003/LP/PB/Kab/06.08/XII/2024, 005/TM/PL/Kab/27.10/V/2024
// LP = laporan, TM = temuan. PB is taken to mean Pemilihan (Pilkada) and PL Pemilu
// [UNCONFIRMED: exact meaning of PL/PB/PP]; Netra issues PB. The region code in those examples is
// Bawaslu's own numbering, not a Kemendagri code, so it is only checked for shape (2-digit groups).

export const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;

export type RegistrationKind = 'LP' | 'TM';
export type ElectionTypeCode = 'PL' | 'PB' | 'PP';
export type RegistrationLevel = 'Prov' | 'Kab' | 'Kota';

export interface RegistrationNumber {
  sequence: number;
  kind: RegistrationKind;
  electionType: ElectionTypeCode;
  level: RegistrationLevel;
  regionCode: string;
  month: number; // 1..12
  year: number;
}

export function toRomanMonth(month: number): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Bulan tidak sah / invalid month: ${month}`);
  return ROMAN_MONTHS[month - 1];
}

export function fromRomanMonth(roman: string): number | null {
  const index = (ROMAN_MONTHS as readonly string[]).indexOf(roman.toUpperCase());
  return index === -1 ? null : index + 1;
}

const REGION_CODE = /^\d{2}(\.\d{2}){0,3}$/;

export function formatRegistrationNumber(input: Omit<RegistrationNumber, 'electionType'> & { electionType?: ElectionTypeCode }): string {
  if (!Number.isInteger(input.sequence) || input.sequence < 1)
    throw new RangeError(`Nomor urut tidak sah / invalid sequence: ${input.sequence}`);
  if (!REGION_CODE.test(input.regionCode)) throw new RangeError(`Kode wilayah tidak sah / invalid region code: ${input.regionCode}`);
  if (!Number.isInteger(input.year) || input.year < 1000 || input.year > 9999)
    throw new RangeError(`Tahun tidak sah / invalid year: ${input.year}`);
  const seq = String(input.sequence).padStart(3, '0');
  return [seq, input.kind, input.electionType ?? 'PB', input.level, input.regionCode, toRomanMonth(input.month), String(input.year)].join(
    '/',
  );
}

const PATTERN = /^(\d{3,})\/(LP|TM)\/(PL|PB|PP)\/(Prov|Kab|Kota)\/(\d{2}(?:\.\d{2}){0,3})\/([IVX]+)\/(\d{4})$/;

/** Parses a registration number; null when it does not match the format. */
export function parseRegistrationNumber(value: string): RegistrationNumber | null {
  const m = PATTERN.exec(value.trim());
  if (!m) return null;
  const sequence = Number(m[1]);
  const month = fromRomanMonth(m[6]);
  if (sequence < 1 || month === null) return null;
  // Reject non-canonical padding (e.g. "0003"): the number must round-trip.
  if (m[1].length > 3 && m[1].startsWith('0')) return null;
  return {
    sequence,
    kind: m[2] as RegistrationKind,
    electionType: m[3] as ElectionTypeCode,
    level: m[4] as RegistrationLevel,
    regionCode: m[5],
    month,
    year: Number(m[7]),
  };
}
