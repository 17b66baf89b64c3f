// Referral responses (staff inbox, agency API, public timeline and statistics), shared by the
// server (serialisation + OpenAPI), the web app and integrators (BKN, SIASN, SIMPEG).
import { z } from 'zod';
import { bilingual, isoDateTime, listOf, nullableIso } from './common.ts';

/**
 * One authority vocabulary for referrals and agency tokens (it was two lists: tokens had PPK and
 * not KASN, the referral filter the reverse). KASN is a referral's authority for files decided
 * before 25 Aug 2024 and cannot get a token; PPK (an ASN's employing agency) holds tokens and, as
 * a filter, selects the ASN referrals BKN has forwarded to a PPK.
 */
export const AUTHORITIES = [
  'KASN',
  'BKN',
  'PPK',
  'BUPATI_WALIKOTA',
  'PPK_DAERAH',
  'GAKKUMDU',
  'KPU',
  'DKPP',
  'TNI',
  'POLRI',
  'INSTANSI_BERWENANG',
] as const;
export const authoritySchema = z.enum(AUTHORITIES).meta({
  id: 'Authority',
  description:
    "KASN (until 24 Aug 2024), BKN, PPK (an ASN's employing agency), BUPATI_WALIKOTA (kepala/perangkat desa), PPK_DAERAH (honorer), GAKKUMDU, KPU, DKPP, TNI, POLRI, INSTANSI_BERWENANG.",
});
export type Authority = z.infer<typeof authoritySchema>;

/**
 * What an authority reports on a referral, in the referral's own (Indonesian) state words: the
 * state the referral reaches (`diterima_instansi`: Gakkumdu acknowledges receipt, the state stays
 * `direkomendasikan`). The English step names of the first agency API are still accepted.
 */
export const REPORTED_STEPS = [
  'diverifikasi',
  'diteruskan_ppk',
  'diterima_instansi',
  'diputus',
  'sanksi_dilaksanakan',
  'tidak_terbukti',
] as const;
export type ReportedStep = (typeof REPORTED_STEPS)[number];
/** Deprecated English spellings (agency API before issue 12) → the state word. */
export const DEPRECATED_STEP_NAMES = {
  verified: 'diverifikasi',
  forwarded_to_ppk: 'diteruskan_ppk',
  received: 'diterima_instansi',
  sanction: 'diputus',
  sanction_applied: 'sanksi_dilaksanakan',
  not_proven: 'tidak_terbukti',
} as const satisfies Record<string, ReportedStep>;
export const reportedStepSchema = z
  .union([
    z.enum(REPORTED_STEPS),
    z.enum(Object.keys(DEPRECATED_STEP_NAMES) as [keyof typeof DEPRECATED_STEP_NAMES, ...(keyof typeof DEPRECATED_STEP_NAMES)[]]).meta({
      deprecated: true,
      description:
        'Deprecated English spellings (verified → diverifikasi, forwarded_to_ppk → diteruskan_ppk, received → diterima_instansi, sanction → diputus, sanction_applied → sanksi_dilaksanakan, not_proven → tidak_terbukti).',
    }),
  ])
  .transform((step): ReportedStep =>
    step in DEPRECATED_STEP_NAMES ? DEPRECATED_STEP_NAMES[step as keyof typeof DEPRECATED_STEP_NAMES] : (step as ReportedStep),
  );

export const referralSummarySchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    recommendationNumber: z.string(),
    recommendedAt: isoDateTime,
    authority: authoritySchema,
    authorityName: z.string(),
    authorityRegionCode: z.string().nullable(),
    officeCode: z.string(),
    regionCode: z.string().nullable(),
    agency: z.string().nullable(),
    /** The addressed instansi catalogue entry (null: BKN only / not a regional PPK). */
    agencyAddress: z.object({ regionCode: z.string(), key: z.string(), label: z.string() }).nullable(),
    /** Key of the public timeline (/rekomendasi/:publicKey). */
    publicKey: z.string(),
    terlapor: z.object({
      position: z.string().nullable(),
      agency: z.string().nullable(),
      subjectType: z.string(),
      name: z.string().optional(),
      nip: z.string().nullable().optional(),
    }),
    classification: z.string(),
    proposedTrack: z.object({
      regime: z.string().nullable(),
      track: z.string().nullable(),
      level: z.string().nullable(),
      itemId: z.string().nullable(),
      citation: z.string().nullable(),
      stage: z.string().nullable(),
    }),
    state: z.string(),
    stateLabel: bilingual,
    siasnBlocked: z.boolean(),
    conflictOfInterest: z.boolean(),
    nextStep: z.object({ step: z.string(), dueAt: nullableIso, dueLocal: z.string().nullable(), overdue: z.boolean() }).nullable(),
    overdue: z.boolean(),
    verificationDueAt: nullableIso,
    ppkDueAt: nullableIso,
    verifiedAt: nullableIso,
    forwardedAt: nullableIso,
    decidedAt: nullableIso,
    sanctionAppliedAt: nullableIso,
  })
  .meta({ id: 'ReferralSummary' });
export type ReferralSummary = z.infer<typeof referralSummarySchema>;

export const referralStepSchema = z.object({
  step: z.string(),
  label: bilingual,
  ruleId: z.string().nullable(),
  startedAt: nullableIso,
  dueAt: nullableIso,
  dueLocal: z.string().nullable(),
  basis: z.string().nullable(),
  doneAt: nullableIso,
  overdue: z.boolean(),
  late: z.boolean(),
  escalated: z.boolean(),
});
export type ReferralStepView = z.infer<typeof referralStepSchema>;

export const referralDetailSchema = referralSummarySchema
  .extend({
    steps: z.array(referralStepSchema),
    sanction: z
      .object({
        key: z.string(),
        label: z.string(),
        labelEn: z.string(),
        level: z.string().nullable(),
        source: z.string().nullable(),
        decreeNumber: z.string().nullable(),
        decreeDate: z.string().nullable(),
        documentSha256: z.string().nullable(),
        lighterThanProposed: z.boolean().nullable(),
        recordedAt: nullableIso,
        appliedAt: nullableIso,
      })
      .nullable(),
    escalations: z.array(
      z.object({ id: z.number(), step: z.string(), recipients: z.array(z.string()), message: z.string(), createdAt: isoDateTime }),
    ),
    validSanctions: z.array(z.object({ key: z.string(), label: z.string() })),
    conflictRegionCode: z.string().nullable(),
  })
  .meta({ id: 'ReferralDetail' });
export type ReferralDetail = z.infer<typeof referralDetailSchema>;

export const referralListSchema = listOf(referralSummarySchema).meta({ id: 'ReferralList' });
export type ReferralList = z.infer<typeof referralListSchema>;

/** Letter data: the fields of the recommendation letter (kept open: the letter template grows). */
export const referralLetterSchema = z.looseObject({
  referralId: z.string(),
  caseId: z.string(),
  state: z.string(),
  number: z.string(),
  dateLocal: z.string(),
  from: z.looseObject({ officeCode: z.string(), officeName: z.string() }),
  addressee: z.string(),
  authorityName: z.string(),
  subject: z.string(),
  registrationNumber: z.string().nullable(),
  classification: z.looseObject({ id: z.string(), label: z.string() }),
  terlapor: z.looseObject({
    name: z.string(),
    nip: z.string().nullable(),
    position: z.string(),
    agency: z.string(),
    subjectLabel: z.string(),
  }),
  kajianSummary: z.string().nullable(),
  event: z.looseObject({ date: z.string().nullable(), place: z.string().nullable(), regionCode: z.string() }),
  acts: z.array(z.looseObject({ id: z.string(), label: z.string() })),
  proposedTrack: z.looseObject({
    track: z.string().nullable(),
    level: z.string().nullable(),
    citation: z.string().nullable(),
    sanctions: z.array(z.looseObject({ key: z.string(), label: z.string() })),
  }),
  legalBasis: z.string(),
  followUpDeadline: z.looseObject({ dueLocal: z.string(), source: z.string() }).nullable(),
});
export type ReferralLetter = z.infer<typeof referralLetterSchema>;

export const escalationListSchema = listOf(
  z.object({
    id: z.number(),
    referralId: z.string(),
    recommendationNumber: z.string(),
    authority: z.string(),
    officeCode: z.string(),
    step: z.string(),
    dueAt: nullableIso,
    resolvedAt: nullableIso,
    recipients: z.array(z.string()),
    message: z.string(),
    createdAt: isoDateTime,
  }),
);

export const agencyTokenSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    authority: authoritySchema,
    agency: z.string().nullable(),
    regionCode: z.string().nullable(),
    createdAt: isoDateTime,
    revokedAt: nullableIso,
    lastUsedAt: nullableIso,
  })
  .meta({ id: 'AgencyToken' });
export type AgencyToken = z.infer<typeof agencyTokenSchema>;
export const createdAgencyTokenSchema = agencyTokenSchema
  .extend({
    token: z.string().describe('the bearer token; shown once'),
    message: bilingual,
  })
  .meta({ id: 'CreatedAgencyToken' });
export const agencyTokenListSchema = listOf(agencyTokenSchema);

export const publicReferralSchema = z
  .object({
    publicKey: z.string(),
    recommendationNumber: z.string(),
    recommendedAt: isoDateTime,
    authority: z.string(),
    authorityName: z.string(),
    /** 'KASN' when BKN took the referral over on 25 Aug 2024. */
    handedOverFrom: z.string().nullable().optional(),
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
    classification: z.string(),
    state: z.string(),
    stateLabel: bilingual,
    terlapor: z.object({
      position: z.string().nullable(),
      agency: z.string().nullable(),
      subjectType: z.string(),
      name: z.string().optional(),
      nip: z.string().nullable().optional(),
    }),
    proposedTrack: z.object({ track: z.string().nullable(), level: z.string().nullable(), citation: z.string().nullable() }),
    conflictOfInterest: z.boolean(),
    timeline: z.array(
      z.object({
        step: z.string(),
        label: bilingual,
        at: nullableIso,
        done: z.boolean(),
        dueAt: nullableIso,
        overdue: z.boolean(),
        outcome: z
          .object({
            key: z.string(),
            label: z.string(),
            labelEn: z.string(),
            level: z.string().nullable(),
            decreeDate: z.string().nullable(),
          })
          .optional(),
        /** The legal basis of a step the law made (the KASN → BKN handover). */
        source: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'PublicReferral' });
export type PublicReferral = z.infer<typeof publicReferralSchema>;

const complianceFigures = {
  referrals: z.number(),
  due: z.number(),
  decided: z.number(),
  sanctioned: z.number(),
  sanctionApplied: z.number(),
  notProven: z.number(),
  overdueOpen: z.number(),
  complianceRate: z.number().nullable(),
  medianDaysToSanction: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  stepsOnTime: z.number(),
  stepsJudged: z.number(),
};
export const referralStatsSchema = z
  .object({
    asOf: isoDateTime,
    definitions: z.object({ complianceRate: bilingual, onTimeRate: bilingual, medianDaysToSanction: bilingual }),
    overall: z.object(complianceFigures),
    byAuthority: z.array(z.object({ authority: z.string(), authorityName: z.string(), ...complianceFigures })),
    byRegion: z.array(z.object({ regionCode: z.string().nullable(), regionName: z.string().nullable(), ...complianceFigures })),
  })
  .meta({ id: 'ReferralStats' });
export type ReferralStats = z.infer<typeof referralStatsSchema>;

/** A policy setting (admin): public.show_terlapor_names (boolean), ppk.follow_up_days, cases.effective_at_max_days (integers). */
export const policySettingSchema = z
  .object({
    key: z.string(),
    value: z.union([z.boolean(), z.number()]),
    updatedAt: isoDateTime,
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'PolicySetting' });
export const policySettingListSchema = listOf(policySettingSchema);
export type PolicySetting = z.infer<typeof policySettingSchema>;
export const policySettingUpdateSchema = z.object({ key: z.string(), value: z.union([z.boolean(), z.number()]) });

/** The KASN → BKN handover run (POST /api/v1/referrals/kasn-handover): how many moved, which. */
export const kasnHandoverResultSchema = z.object({ handedOver: z.number().int(), referralIds: z.array(z.string()) });
