// The life of one referral (penerusan) after Bawaslu's decision, as data.
//
// ASN (BKN; KASN before 25 Aug 2024): direkomendasikan → diverifikasi (Satgas BKN, ≤ 7 days) →
// diteruskan_ppk (BKN sends the result to the PPK) → diputus (the PPK's decree) →
// sanksi_dilaksanakan; or tidak_terbukti. Source: BKN's 2024 flow (SBT; SE MenPANRB 4/2024) and
// SKB Netralitas ASN 2022. Kepala/perangkat desa (bupati/wali kota, UU 6/2014 Pasal 30/52),
// honorer (PPK daerah) and the other authorities (Gakkumdu, KPU, DKPP, TNI, Polri) decide
// directly: direkomendasikan → diputus → sanksi_dilaksanakan, or tidak_terbukti.
import type { ReferralAuthority } from '../catalogues/routing.ts';

export const REFERRAL_STATES = [
  'direkomendasikan',
  'diverifikasi',
  'diteruskan_ppk',
  'diputus',
  'sanksi_dilaksanakan',
  'tidak_terbukti',
] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

export const REFERRAL_STATE_LABELS: Record<ReferralState, { id: string; en: string }> = {
  direkomendasikan: { id: 'Direkomendasikan', en: 'Recommended' },
  diverifikasi: { id: 'Diverifikasi BKN', en: 'Verified by BKN' },
  diteruskan_ppk: { id: 'Diteruskan ke PPK', en: 'Forwarded to the PPK' },
  diputus: { id: 'Sanksi diputuskan', en: 'Sanction decided' },
  sanksi_dilaksanakan: { id: 'Sanksi dilaksanakan', en: 'Sanction applied' },
  tidak_terbukti: { id: 'Tidak terbukti', en: 'Not proven' },
};

/** What an authority (or its API) reports. */
export const REFERRAL_STEPS = ['verified', 'forwarded_to_ppk', 'received', 'sanction', 'sanction_applied', 'not_proven'] as const;
export type ReferralStep = (typeof REFERRAL_STEPS)[number];

/** Timeline entries (referral_steps.step). */
export type TimelineStep =
  | 'rekomendasi'
  | 'verifikasi_bkn'
  | 'penerusan_ppk'
  | 'tindak_lanjut_ppk'
  | 'penerimaan_instansi'
  | 'tindak_lanjut_instansi'
  | 'pelaksanaan_sanksi';

export const TIMELINE_LABELS: Record<TimelineStep, { id: string; en: string }> = {
  rekomendasi: { id: 'Rekomendasi Bawaslu', en: 'Bawaslu recommendation' },
  verifikasi_bkn: { id: 'Verifikasi BKN', en: 'BKN verification' },
  penerusan_ppk: { id: 'Penerusan ke PPK', en: 'Forwarding to the PPK' },
  tindak_lanjut_ppk: { id: 'Tindak lanjut PPK', en: 'PPK follow-up' },
  penerimaan_instansi: { id: 'Penerimaan oleh instansi', en: 'Receipt by the authority' },
  tindak_lanjut_instansi: { id: 'Tindak lanjut instansi', en: 'Follow-up by the authority' },
  pelaksanaan_sanksi: { id: 'Pelaksanaan sanksi', en: 'Sanction carried out' },
};

/** ASN referrals go through BKN (or KASN before 25 Aug 2024) before reaching the PPK. */
export const isAsnAuthority = (authority: string) => authority === 'BKN' || authority === 'KASN';
/** Authorities whose sanction is decided by a regional PPK / bupati directly. */
export const isRegionalPpkAuthority = (authority: string) => authority === 'BUPATI_WALIKOTA' || authority === 'PPK_DAERAH';

export interface StepStart {
  step: TimelineStep;
  /** Legal-clock rule that sets its due date; null = no legal deadline. */
  ruleId: string | null;
}

/** The first open step after the recommendation, by authority. */
export function initialStep(authority: ReferralAuthority, routeDeadlineRuleId: string | null): StepStart {
  if (authority === 'BKN') return { step: 'verifikasi_bkn', ruleId: 'bkn.verifikasi' };
  // KASN's files before 25 Aug 2024: no verification deadline in the legal clock.
  if (authority === 'KASN') return { step: 'verifikasi_bkn', ruleId: null };
  // Desa and honorer: the PPK follow-up period (SKB 2022 figure, configurable) applies by analogy [UNCONFIRMED].
  if (isRegionalPpkAuthority(authority)) return { step: 'tindak_lanjut_ppk', ruleId: 'ppk.tindak_lanjut' };
  // Pasal 135(2): forwarded to the police (Gakkumdu) within 1×24 jam; receipt closes that step.
  if (authority === 'GAKKUMDU') return { step: 'penerimaan_instansi', ruleId: 'pidana.penerusan_gakkumdu' };
  return { step: 'tindak_lanjut_instansi', ruleId: routeDeadlineRuleId };
}

export type TransitionError = 'STEP_NOT_FOR_AUTHORITY' | 'INVALID_STATE';

export interface TransitionPlan {
  to: ReferralState;
  /** Timeline steps closed by this transition ('*' = every open step). */
  completes: readonly (TimelineStep | '*')[];
  starts: readonly StepStart[];
}

/**
 * The transition for a reported step. `outcome` is 'not_proven' when a sanction report carries
 * the not-proven key. Pure: who may report is access.ts's business.
 */
export function planTransition(
  authority: string,
  state: ReferralState,
  step: ReferralStep,
  outcome: 'sanction' | 'not_proven' = 'sanction',
): { ok: true; plan: TransitionPlan } | { ok: false; error: TransitionError } {
  const asn = isAsnAuthority(authority);
  const fail = (error: TransitionError) => ({ ok: false as const, error });
  const ok = (plan: TransitionPlan) => ({ ok: true as const, plan });
  switch (step) {
    case 'verified':
      if (!asn) return fail('STEP_NOT_FOR_AUTHORITY');
      return state === 'direkomendasikan'
        ? ok({ to: 'diverifikasi', completes: ['verifikasi_bkn'], starts: [{ step: 'penerusan_ppk', ruleId: null }] })
        : fail('INVALID_STATE');
    case 'forwarded_to_ppk':
      if (!asn) return fail('STEP_NOT_FOR_AUTHORITY');
      return state === 'diverifikasi'
        ? ok({ to: 'diteruskan_ppk', completes: ['penerusan_ppk'], starts: [{ step: 'tindak_lanjut_ppk', ruleId: 'ppk.tindak_lanjut' }] })
        : fail('INVALID_STATE');
    case 'received':
      if (authority !== 'GAKKUMDU') return fail('STEP_NOT_FOR_AUTHORITY');
      // Gakkumdu investigation: ≤ 14 hari kerja from receipt of the report (Bawaslu guidance, Aug 2024).
      return state === 'direkomendasikan'
        ? ok({
            to: 'direkomendasikan',
            completes: ['penerimaan_instansi'],
            starts: [{ step: 'tindak_lanjut_instansi', ruleId: 'gakkumdu.penyidikan' }],
          })
        : fail('INVALID_STATE');
    case 'sanction':
    case 'not_proven': {
      const notProven = step === 'not_proven' || outcome === 'not_proven';
      const decidable: readonly ReferralState[] = asn
        ? step === 'not_proven'
          ? ['direkomendasikan', 'diverifikasi', 'diteruskan_ppk']
          : ['diteruskan_ppk']
        : ['direkomendasikan'];
      if (!decidable.includes(state)) return fail('INVALID_STATE');
      return ok(
        notProven
          ? { to: 'tidak_terbukti', completes: ['*'], starts: [] }
          : { to: 'diputus', completes: ['*'], starts: [{ step: 'pelaksanaan_sanksi', ruleId: null }] },
      );
    }
    case 'sanction_applied':
      return state === 'diputus' ? ok({ to: 'sanksi_dilaksanakan', completes: ['pelaksanaan_sanksi'], starts: [] }) : fail('INVALID_STATE');
  }
}

export const isDecidedState = (state: string) => state === 'diputus' || state === 'sanksi_dilaksanakan' || state === 'tidak_terbukti';

/** BKN may block the ASN's SIASN data only while the PPK has not acted (Peraturan BKN 1/2023; SKB 2022). */
export function canBlockSiasn(referral: { authority: string; state: string; siasnBlocked: boolean }): boolean {
  return isAsnAuthority(referral.authority) && referral.state === 'diteruskan_ppk' && !referral.siasnBlocked;
}
