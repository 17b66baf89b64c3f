// Input limits and rules the server's request schemas are built from, kept free of zod so the
// web app's forms import the same numbers without bundling the validator. Change a limit here
// and both the API (400 naming the field) and the form (hint, minLength, client check) follow.
import { TRANSITIONS, type CaseAction } from '../domain/cases/stateMachine.ts';

export interface TextLimit {
  readonly min: number;
  readonly max: number;
}

/** Staff accounts (POST /users, POST /auth/setup, POST /auth/login). */
export const ACCOUNT_LIMITS = {
  username: { min: 3, max: 100 },
  displayName: { min: 1, max: 200 },
  password: { min: 10, max: 500 },
  agency: { min: 0, max: 200 },
  /** Recovery codes are shown as "abcde-fghij"; typed spaces and dashes are tolerated. */
  recoveryCode: { min: 8, max: 40 },
} as const satisfies Record<string, TextLimit>;
/** TOTP codes: 6 digits. */
export const TOTP_CODE_PATTERN = '^\\d{6}$';
export const TOTP_CODE_LENGTH = 6;

/** Why a step is entered with an earlier effective time (case actions and referral steps alike). */
const EFFECTIVE_AT_REASON: TextLimit = { min: 5, max: 1000 };

/** POST /cases/{id}/actions: the texts an action may carry. */
export const CASE_ACTION_LIMITS = {
  reason: { min: 5, max: 5000 },
  summary: { min: 5, max: 20_000 },
  kajian: { min: 20, max: 20_000 },
  effectiveAtReason: EFFECTIVE_AT_REASON,
  overrideReason: { min: 10, max: 2000 },
} as const satisfies Record<string, TextLimit>;

/** Actions refused without a written reason (tidak diregistrasi, dihentikan, bukan pelanggaran, dicabut). */
export const REASON_REQUIRED_ACTIONS: readonly CaseAction[] = TRANSITIONS.filter((t) => t.requiresReason).map((t) => t.action);
/** Actions that need a violation classification (teruskan). */
export const CLASSIFICATION_REQUIRED_ACTIONS: readonly CaseAction[] = TRANSITIONS.filter((t) => t.requiresClassification).map(
  (t) => t.action,
);

/** POST /cases/{id}/notes. */
export const CASE_NOTE_LIMITS: TextLimit = { min: 2, max: 10_000 };

/** POST /temuan (informasi awal recorded by a supervisor). */
export const TEMUAN_LIMITS = {
  judul: { min: 5, max: 200 },
  uraian: { min: 20, max: 20_000 },
  tempat: { min: 2, max: 300 },
} as const satisfies Record<string, TextLimit>;

/** How many of each a laporan, informasi or temuan may list. */
export const REPORT_COUNT_LIMITS = {
  terlapor: { min: 1, max: 20 },
  perbuatan: { min: 1, max: 13 },
  buktiTautan: { min: 0, max: 10 },
} as const satisfies Record<string, TextLimit>;

/** A terlapor in a laporan, informasi or temuan. */
export const TERLAPOR_LIMITS = {
  nama: { min: 2, max: 200 },
  jabatan: { min: 2, max: 200 },
  instansi: { min: 2, max: 200 },
  nip: { min: 0, max: 30 },
} as const satisfies Record<string, TextLimit>;

/** PUT /calendar/{date}. */
export const CALENDAR_LIMITS = {
  name: { min: 2, max: 200 },
  source: { min: 3, max: 500 },
} as const satisfies Record<string, TextLimit>;

/** Media monitoring: lead sources, pasted articles, dismissals. */
export const LEAD_LIMITS = {
  sourceName: { min: 2, max: 200 },
  pollMinutes: { min: 5, max: 1440, default: 30 },
  manualTitle: { min: 3, max: 1000 },
  manualText: { min: 20, max: 2 * 1024 * 1024 },
  dismissReason: { min: 3, max: 2000 },
  url: { max: 2000 },
} as const;

export const HIGHLIGHT_KINDS = ['region', 'actor', 'act', 'number', 'date', 'person'] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

/** Referral steps (staff and agency API). */
export const REFERRAL_LIMITS = {
  note: { min: 1, max: 2000 },
  sanction: { min: 1, max: 120 },
  decreeNumber: { min: 1, max: 200 },
  siasnBlockReason: { min: 5, max: 2000 },
  effectiveAtReason: EFFECTIVE_AT_REASON,
} as const;

/** POST /laporan and /informasi: the reporter (pelapor). */
export const PELAPOR_LIMITS = {
  nama: { min: 2, max: 200 },
  tempatLahir: { min: 2, max: 100 },
  pekerjaan: { min: 2, max: 100 },
  kewarganegaraan: { min: 2, max: 60 },
  alamat: { min: 5, max: 500 },
  email: { min: 0, max: 200 },
  nomorAkreditasi: { min: 3, max: 100 },
  timKampanye: { min: 3, max: 200 },
} as const satisfies Record<string, TextLimit>;
/** An Indonesian mobile number after spaces and dashes are removed: 08…, 628… or +628…. */
export const PHONE_PATTERN = '^(\\+62|62|0)8\\d{7,12}$';

/** The event (peristiwa) of a laporan or informasi. */
export const PERISTIWA_LIMITS = {
  judul: { min: 5, max: 200 },
  uraian: { min: 30, max: 20_000 },
  tempat: { min: 2, max: 300 },
} as const satisfies Record<string, TextLimit>;

/** Witnesses (saksi) of a laporan: how many, and each one's fields. */
export const SAKSI_LIMITS = {
  count: { min: 0, max: 20 },
  nama: { min: 2, max: 200 },
  alamat: { min: 2, max: 500 },
  telepon: { min: 0, max: 20 },
} as const satisfies Record<string, TextLimit>;
