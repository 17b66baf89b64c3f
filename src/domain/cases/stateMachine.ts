// The case state machine for laporan (public reports) and temuan (supervisors' findings), from
// receipt to outcome, under UU 1/2015 jo. UU 10/2016 Pasal 134-135 and Perbawaslu 8/2020 as
// amended by Perbawaslu 9/2024.
//
//   laporan: diterima ─┬─ minta_kelengkapan → menunggu_kelengkapan ─┬─ lengkapi → diterima
//                      │                                              ├─ kelengkapan_tidak_dipenuhi → dihentikan
//                      │                                              └─ cabut → dihentikan
//                      ├─ tolak_registrasi → tidak_diregistrasi
//                      ├─ cabut → dihentikan
//                      └─ registrasi → diregistrasi
//   temuan:  informasi_awal ─ telusuri → penelusuran ─┬─ tetapkan_temuan (pleno) → diregistrasi
//                                                      └─ hentikan_penelusuran → dihentikan
//   both:    diregistrasi → klarifikasi → kajian ─┬─ teruskan → diteruskan (KPU/DKPP/Gakkumdu/instansi)
//            diregistrasi → kajian               └─ nyatakan_bukan_pelanggaran → bukan_pelanggaran
//
// "Diputus" is not a state: the decision is the transition into diteruskan or bukan_pelanggaran.
// "Dilimpahkan" (transfer to another Bawaslu) is an action that keeps the state and the clock.
import type { ViolationClassification } from '../catalogues/classifications.ts';

export const CASE_STATES = [
  'informasi_awal',
  'penelusuran',
  'diterima',
  'menunggu_kelengkapan',
  'dihentikan',
  'tidak_diregistrasi',
  'diregistrasi',
  'klarifikasi',
  'kajian',
  'diteruskan',
  'bukan_pelanggaran',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export type CaseKind = 'laporan' | 'temuan';

export const TERMINAL_STATES: readonly CaseState[] = ['dihentikan', 'tidak_diregistrasi', 'diteruskan', 'bukan_pelanggaran'];

export const STATE_LABELS: Readonly<Record<CaseState, { id: string; en: string }>> = {
  informasi_awal: { id: 'Informasi awal', en: 'Initial information' },
  penelusuran: { id: 'Penelusuran', en: 'Inquiry' },
  diterima: { id: 'Diterima (kajian awal)', en: 'Received (initial review)' },
  menunggu_kelengkapan: { id: 'Menunggu kelengkapan', en: 'Awaiting completion' },
  dihentikan: { id: 'Dihentikan', en: 'Stopped' },
  tidak_diregistrasi: { id: 'Tidak diregistrasi', en: 'Not registered' },
  diregistrasi: { id: 'Diregistrasi', en: 'Registered' },
  klarifikasi: { id: 'Klarifikasi', en: 'Clarification' },
  kajian: { id: 'Kajian', en: 'Legal assessment' },
  diteruskan: { id: 'Diteruskan', en: 'Forwarded' },
  bukan_pelanggaran: { id: 'Bukan pelanggaran', en: 'Not a violation' },
};

export const CASE_ACTIONS = [
  'minta_kelengkapan',
  'lengkapi',
  'kelengkapan_tidak_dipenuhi',
  'tolak_registrasi',
  'registrasi',
  'cabut',
  'telusuri',
  'tetapkan_temuan',
  'hentikan_penelusuran',
  'klarifikasi',
  'kaji',
  'minta_keterangan_tambahan',
  'teruskan',
  'nyatakan_bukan_pelanggaran',
  'limpahkan',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export interface Transition {
  action: CaseAction;
  from: readonly CaseState[];
  /** Next state; 'same' keeps the current state (limpahkan, minta_keterangan_tambahan). */
  to: CaseState | 'same';
  /** Deadline rules (legal-clock ids) this action starts. */
  starts: readonly string[];
  /** Deadline rules this action stops (whichever of them is running). */
  stops: readonly string[];
  /** Deadline rules this action extends (their `extension` applies from now on). */
  extends?: readonly string[];
  /** Extra rules started depending on the decision's classification. */
  startsByClassification?: Partial<Record<ViolationClassification, readonly string[]>>;
  /** The action needs a written reason (tidak diregistrasi, dihentikan, bukan pelanggaran). */
  requiresReason?: boolean;
  /** The action needs a classification (teruskan). */
  requiresClassification?: boolean;
  source: string;
}

const ALL_OPEN: readonly CaseState[] = CASE_STATES.filter((s) => !TERMINAL_STATES.includes(s));
const HANDLING_CLOCKS = ['laporan.putusan', 'temuan.putusan'] as const;

export const TRANSITIONS: readonly Transition[] = [
  {
    // Kajian awal finds formal/material items missing: the pelapor has 2×24 jam to complete them.
    action: 'minta_kelengkapan',
    from: ['diterima'],
    to: 'menunggu_kelengkapan',
    starts: ['laporan.kelengkapan'],
    stops: [],
    source: 'Perbawaslu 8/2020 jo. 9/2024 (pemberitahuan kelengkapan laporan)',
  },
  {
    action: 'lengkapi',
    from: ['menunggu_kelengkapan'],
    to: 'diterima',
    starts: [],
    stops: ['laporan.kelengkapan'],
    source: 'Perbawaslu 8/2020 jo. 9/2024 (kelengkapan laporan)',
  },
  {
    // Not completed within 2×24 jam: the laporan is "tidak ditindaklanjuti/dihentikan".
    action: 'kelengkapan_tidak_dipenuhi',
    from: ['menunggu_kelengkapan'],
    to: 'dihentikan',
    starts: [],
    stops: ['laporan.kelengkapan', 'laporan.kajian_awal'],
    requiresReason: true,
    source: 'Perbawaslu 8/2020 jo. 9/2024 (kelengkapan laporan)',
  },
  {
    // Fails syarat formil/materiil (e.g. filed after 7 days, Pasal 134(4)); recorded, not dropped.
    action: 'tolak_registrasi',
    from: ['diterima'],
    to: 'tidak_diregistrasi',
    starts: [],
    stops: ['laporan.kajian_awal'],
    requiresReason: true,
    source: 'UU 1/2015 jo. UU 10/2016 Pasal 134 ayat (3)-(4); Perbawaslu 8/2020 (syarat formil dan materiil)',
  },
  {
    // Entered in the buku registrasi: only now does the laporan count as received, and the
    // 3-day handling period of Pasal 134(5) starts.
    action: 'registrasi',
    from: ['diterima'],
    to: 'diregistrasi',
    starts: ['laporan.putusan'],
    stops: ['laporan.kajian_awal'],
    source: 'UU 1/2015 jo. UU 10/2016 Pasal 134 ayat (5); Perbawaslu 8/2020 (registrasi laporan)',
  },
  {
    // Withdrawal only before registration: a registered laporan cannot be withdrawn.
    action: 'cabut',
    from: ['diterima', 'menunggu_kelengkapan'],
    to: 'dihentikan',
    starts: [],
    stops: ['laporan.kelengkapan', 'laporan.kajian_awal'],
    requiresReason: true,
    source: 'Perbawaslu 8/2020 (laporan yang telah diregistrasi tidak dapat dicabut)',
  },
  {
    action: 'telusuri',
    from: ['informasi_awal'],
    to: 'penelusuran',
    starts: [],
    stops: [],
    source: 'Perbawaslu 8/2020 (penelusuran informasi awal)',
  },
  {
    // The pleno sets the temuan (within 7 days of it being known, Perbawaslu 14/2017 Pasal 5).
    action: 'tetapkan_temuan',
    from: ['penelusuran'],
    to: 'diregistrasi',
    starts: ['temuan.putusan'],
    stops: ['temuan.penetapan'],
    source: 'Perbawaslu 14/2017 Pasal 5 jo. Perbawaslu 8/2020 (penetapan temuan dalam rapat pleno)',
  },
  {
    action: 'hentikan_penelusuran',
    from: ['informasi_awal', 'penelusuran'],
    to: 'dihentikan',
    starts: [],
    stops: ['temuan.penetapan'],
    requiresReason: true,
    source: 'Perbawaslu 8/2020 (hasil penelusuran tidak memenuhi syarat temuan)',
  },
  {
    action: 'klarifikasi',
    from: ['diregistrasi'],
    to: 'klarifikasi',
    starts: [],
    stops: [],
    source: 'Perbawaslu 8/2020 (klarifikasi pelapor, terlapor, saksi)',
  },
  {
    action: 'kaji',
    from: ['diregistrasi', 'klarifikasi'],
    to: 'kajian',
    starts: [],
    stops: [],
    source: 'Perbawaslu 8/2020 (kajian dugaan pelanggaran)',
  },
  {
    // Pasal 134(6): more information may be requested, extending the period by 2 days.
    action: 'minta_keterangan_tambahan',
    from: ['diregistrasi', 'klarifikasi', 'kajian'],
    to: 'same',
    starts: [],
    stops: [],
    extends: HANDLING_CLOCKS,
    source: 'UU 1/2015 jo. UU 10/2016 Pasal 134 ayat (6)',
  },
  {
    // Decision that a violation occurred, forwarded by classification (Pasal 135(1)). Pidana must
    // reach Gakkumdu within 1×24 jam of the decision (Pasal 135(2)). The receiving body's own
    // clock (KPU 7 days before MK 104/2025, BKN verification, …) depends on subject and date:
    // take it from routeReferral(...).deadlineRuleId in catalogues/routing.ts.
    action: 'teruskan',
    from: ['kajian'],
    to: 'diteruskan',
    starts: [],
    stops: HANDLING_CLOCKS,
    requiresClassification: true,
    startsByClassification: { pidana: ['pidana.penerusan_gakkumdu'] },
    source: 'UU 1/2015 jo. UU 10/2016 Pasal 135 ayat (1)-(2), Pasal 139',
  },
  {
    action: 'nyatakan_bukan_pelanggaran',
    from: ['kajian'],
    to: 'bukan_pelanggaran',
    starts: [],
    stops: HANDLING_CLOCKS,
    requiresReason: true,
    source: 'Perbawaslu 8/2020 (status laporan/temuan: bukan pelanggaran, dihentikan)',
  },
  {
    // Pelimpahan to the Bawaslu with jurisdiction (Pasal 22A jo. 134(1)): same state, same clock.
    action: 'limpahkan',
    from: ALL_OPEN,
    to: 'same',
    starts: [],
    stops: [],
    source: 'UU 1/2015 jo. UU 10/2016 Pasal 22A; Perbawaslu 8/2020 (pelimpahan)',
  },
];

/** Alias of TRANSITIONS (the brief's name). */
export const transitions = TRANSITIONS;

export function initialState(kind: CaseKind): CaseState {
  return kind === 'laporan' ? 'diterima' : 'informasi_awal';
}

/** Clocks running from creation: the temuan's 7-day pleno limit counts from "diketahui". */
export const INITIAL_CLOCKS: Readonly<Record<CaseKind, readonly string[]>> = {
  laporan: ['laporan.kajian_awal'],
  temuan: ['temuan.penetapan'],
};

export function isTerminal(state: CaseState): boolean {
  return TERMINAL_STATES.includes(state);
}

export function canTransition(from: CaseState, action: CaseAction): boolean {
  return TRANSITIONS.some((t) => t.action === action && t.from.includes(from));
}

export function actionsFrom(state: CaseState): CaseAction[] {
  return TRANSITIONS.filter((t) => t.from.includes(state)).map((t) => t.action);
}

export type TransitionErrorCode =
  | 'UNKNOWN_STATE'
  | 'UNKNOWN_ACTION'
  | 'TERMINAL_STATE'
  | 'CANNOT_WITHDRAW_REGISTERED'
  | 'INVALID_TRANSITION'
  | 'REASON_REQUIRED'
  | 'CLASSIFICATION_REQUIRED'
  | 'CLASSIFICATION_NOT_A_VIOLATION';

export interface ActionDetails {
  reason?: string;
  classification?: ViolationClassification;
}

export type TransitionResult =
  | { ok: true; from: CaseState; to: CaseState; action: CaseAction; starts: string[]; stops: string[]; extends: string[] }
  | { ok: false; error: TransitionErrorCode; from: CaseState; action: string };

const REGISTERED_OR_LATER: readonly CaseState[] = ['diregistrasi', 'klarifikasi', 'kajian', 'diteruskan', 'bukan_pelanggaran'];

/** Applies an action: the next state and the clocks to start/stop, or an error code. */
export function applyAction(state: CaseState, action: CaseAction | string, details: ActionDetails = {}): TransitionResult {
  const fail = (error: TransitionErrorCode): TransitionResult => ({ ok: false, error, from: state, action });
  if (!(CASE_STATES as readonly string[]).includes(state)) return fail('UNKNOWN_STATE');
  if (!(CASE_ACTIONS as readonly string[]).includes(action)) return fail('UNKNOWN_ACTION');
  // Perbawaslu 8/2020: once registered, the pelapor cannot withdraw the laporan.
  if (action === 'cabut' && REGISTERED_OR_LATER.includes(state)) return fail('CANNOT_WITHDRAW_REGISTERED');
  if (isTerminal(state)) return fail('TERMINAL_STATE');
  const transition = TRANSITIONS.find((t) => t.action === action && t.from.includes(state));
  if (!transition) return fail('INVALID_TRANSITION');
  if (transition.requiresReason && !details.reason?.trim()) return fail('REASON_REQUIRED');
  let starts = [...transition.starts];
  if (transition.requiresClassification) {
    if (!details.classification) return fail('CLASSIFICATION_REQUIRED');
    if (details.classification === 'bukan_pelanggaran') return fail('CLASSIFICATION_NOT_A_VIOLATION');
    starts = [...starts, ...(transition.startsByClassification?.[details.classification] ?? [])];
  }
  return {
    ok: true,
    from: state,
    to: transition.to === 'same' ? state : transition.to,
    action: transition.action,
    starts,
    stops: [...transition.stops],
    extends: [...(transition.extends ?? [])],
  };
}
