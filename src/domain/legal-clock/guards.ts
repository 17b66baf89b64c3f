// Guards the law implies on case actions, AS DATA next to their sources (like rules.ts). Pure:
// the time an action takes effect (`at`: its effectiveAt, or now) and the case's clocks are
// arguments. docs/LEGAL-CLOCK.md ("Guards") lists the same rows for readers.
//
//  - laporan.kelengkapan.window: the pelapor's 2×24 jam to complete missing items must run out
//    before the laporan may be stopped as "kelengkapan tidak dipenuhi". Not overridable: the time
//    is the pelapor's, not the office's.
//  - laporan.penyampaian.late: a laporan filed after the 7 days of Pasal 134(4) fails syarat
//    formil huruf c. Registering it is refused unless a supervisor overrides with a reason of real
//    content (e.g. the kajian awal established a later "diketahui" date than the form states);
//    the override is audited and printed on the kajian.
//  - temuan.penetapan.late: the pleno sets a temuan within 7 days of the violation being known
//    (Perbawaslu 14/2017 Pasal 5). Same rule: refused, or overridden with an audited reason. The
//    provision's survival in Perbawaslu 8/2020 / 9/2024 is UNVERIFIED and recorded below.
import type { CaseAction, CaseKind, CaseState } from '../cases/stateMachine.ts';
import { checkRevealReason } from '../access/revealReason.ts';
import { formatLocalDateTime, zoneForRegion } from '../time/zones.ts';

export type GuardId = 'laporan.kelengkapan.window' | 'laporan.penyampaian.late' | 'temuan.penetapan.late';

export interface CaseGuard {
  id: GuardId;
  action: CaseAction;
  kind: CaseKind;
  /** 'not_yet': the action opens when a clock runs out; 'no_longer': a clock ran out before it. */
  mode: 'not_yet' | 'no_longer';
  /** The legal-clock rule whose due date decides the guard. */
  ruleId: string;
  /** A supervisor may proceed with `override: { reason }` (audited, printed on the kajian). */
  overridable: boolean;
  source: string;
  unconfirmed?: string;
}

export const CASE_GUARDS: readonly CaseGuard[] = [
  {
    id: 'laporan.kelengkapan.window',
    action: 'kelengkapan_tidak_dipenuhi',
    kind: 'laporan',
    mode: 'not_yet',
    ruleId: 'laporan.kelengkapan',
    overridable: false,
    source: 'Perbawaslu 8/2020 jo. Perbawaslu 9/2024 (pemberitahuan kelengkapan: pelapor melengkapi paling lama 2×24 jam)',
    unconfirmed: 'Nomor pasal 2×24 jam belum diverifikasi terhadap teks BN (lihat aturan laporan.kelengkapan).',
  },
  {
    id: 'laporan.penyampaian.late',
    action: 'registrasi',
    kind: 'laporan',
    mode: 'no_longer',
    ruleId: 'laporan.penyampaian',
    overridable: true,
    source: 'UU 1/2015 jo. UU 8/2015 jo. UU 10/2016 Pasal 134 ayat (4); Perbawaslu 8/2020 jo. 9/2024 (syarat formil huruf c)',
  },
  {
    id: 'temuan.penetapan.late',
    action: 'tetapkan_temuan',
    kind: 'temuan',
    mode: 'no_longer',
    ruleId: 'temuan.penetapan',
    overridable: true,
    source: 'Perbawaslu 14/2017 Pasal 5 (temuan paling lama 7 hari sejak diketahui/ditemukan)',
    unconfirmed: '[verify] Dianggap dipertahankan dalam Perbawaslu 8/2020 jo. 9/2024; pasal padanannya belum diverifikasi.',
  },
];

export interface GuardClock {
  ruleId: string;
  dueAt: Date;
  stoppedAt: Date | null;
}

export interface GuardContext {
  action: CaseAction | string;
  kind: CaseKind;
  state: CaseState;
  /** When the action takes effect (its effectiveAt, or now). */
  at: Date;
  clocks: readonly GuardClock[];
  /** The laporan was filed after the 7 days of Pasal 134(4) (flagged at intake). */
  filedLate?: boolean;
  /** The filing deadline that was missed, for "no longer since". */
  filingDueAt?: Date | null;
  /** The handling office, to word times in its zone. */
  regionCode?: string;
}

export interface GuardBlock {
  guard: GuardId;
  action: string;
  mode: 'not_yet' | 'no_longer';
  overridable: boolean;
  /** not_yet: the action becomes available at this instant. */
  until: Date | null;
  /** no_longer: the deadline that was missed. */
  since: Date | null;
  reason: { id: string; en: string };
  source: string;
  unconfirmed?: string;
}

/** Local time in the office's zone for the explanation ("13 Oktober 2024 10.00 WIB"); ISO without a region. */
const fmtIn = (regionCode: string | undefined) => (d: Date) =>
  regionCode ? formatLocalDateTime(d, zoneForRegion(regionCode)) : d.toISOString();

function openClock(ctx: GuardContext, ruleId: string): GuardClock | undefined {
  // The open clock; when it was stopped by this very action's state (none here), the latest one.
  return ctx.clocks.filter((c) => c.ruleId === ruleId && !c.stoppedAt).sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime())[0];
}

/** The guard that blocks the action at `ctx.at`, or null when the law lets it proceed. */
export function blockingGuard(ctx: GuardContext): GuardBlock | null {
  const fmt = fmtIn(ctx.regionCode);
  for (const guard of CASE_GUARDS) {
    if (guard.action !== ctx.action || guard.kind !== ctx.kind) continue;
    const base = {
      guard: guard.id,
      action: guard.action,
      mode: guard.mode,
      overridable: guard.overridable,
      source: guard.source,
      ...(guard.unconfirmed ? { unconfirmed: guard.unconfirmed } : {}),
    };
    if (guard.id === 'laporan.kelengkapan.window') {
      const clock = openClock(ctx, guard.ruleId);
      if (clock && ctx.at.getTime() <= clock.dueAt.getTime()) {
        return {
          ...base,
          until: clock.dueAt,
          since: null,
          reason: {
            id: `Pelapor masih berhak melengkapi laporan selama 2×24 jam sejak pemberitahuan kelengkapan; laporan baru dapat dihentikan setelah ${fmt(clock.dueAt)}.`,
            en: `The reporter still has the 2×24 hours from the completion notice; the report can be stopped only after ${fmt(clock.dueAt)}.`,
          },
        };
      }
    }
    if (guard.id === 'laporan.penyampaian.late' && ctx.filedLate) {
      return {
        ...base,
        until: null,
        since: ctx.filingDueAt ?? null,
        reason: {
          id: 'Laporan disampaikan melewati 7 hari sejak diketahui (Pasal 134 ayat (4)) dan tidak memenuhi syarat formil huruf c; registrasi hanya dengan pengecualian beralasan yang diaudit dan dicantumkan dalam kajian.',
          en: 'The report was filed after the 7 days from when the violation was known (Article 134(4)) and fails formal requirement (c); registration needs an audited, reasoned override printed on the assessment.',
        },
      };
    }
    if (guard.id === 'temuan.penetapan.late') {
      const clock = ctx.clocks.filter((c) => c.ruleId === guard.ruleId).sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime())[0];
      if (clock && ctx.at.getTime() > clock.dueAt.getTime()) {
        return {
          ...base,
          until: null,
          since: clock.dueAt,
          reason: {
            id: `Batas 7 hari penetapan temuan berakhir ${fmt(clock.dueAt)} (Perbawaslu 14/2017 Pasal 5 [verify]); penetapan hanya dengan pengecualian beralasan yang diaudit dan dicantumkan dalam kajian.`,
            en: `The 7-day limit to set the finding ended ${fmt(clock.dueAt)} (Perbawaslu 14/2017 Art. 5 [verify]); setting it needs an audited, reasoned override printed on the assessment.`,
          },
        };
      }
    }
  }
  return null;
}

export type GuardDecision =
  | { ok: true; override: { guard: GuardId; reason: string } | null }
  | { ok: false; block: GuardBlock; problem: 'blocked' | 'not_overridable' | 'override_reason_no_content' };

/**
 * Applies the guards with an optional override. An override is only honoured for an overridable
 * guard that actually blocks, and only with a reason of real content (same check as identity reveals).
 */
export function decideGuard(ctx: GuardContext, override?: { reason: string } | null): GuardDecision {
  const block = blockingGuard(ctx);
  if (!block) return { ok: true, override: null };
  if (!override) return { ok: false, block, problem: 'blocked' };
  if (!block.overridable) return { ok: false, block, problem: 'not_overridable' };
  const checked = checkRevealReason(override.reason);
  if (!checked.ok) return { ok: false, block, problem: 'override_reason_no_content' };
  return { ok: true, override: { guard: block.guard, reason: checked.reason } };
}
