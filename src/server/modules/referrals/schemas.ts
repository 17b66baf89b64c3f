// zod schemas for the referral routes; inferred types are exported for callers.
import { z } from 'zod';
import { REFERRAL_STATES, type ReferralStep } from '../../../domain/referrals/states.ts';
import { authoritySchema, referralLetterSchema, reportedStepSchema, type ReportedStep } from '../../../contracts/referrals.ts';
import { REFERRAL_LIMITS as L } from '../../../contracts/limits.ts';
import { SETTING_KEYS } from './settings.ts';
import { INSTANSI_KEYS } from '../../../domain/catalogues/instansi.ts';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'tanggal YYYY-MM-DD / date YYYY-MM-DD');
const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const regionCode = z.string().regex(/^\d{2}(\.\d{2}){0,2}(\.\d{4})?$/, 'kode wilayah Kemendagri / Kemendagri region code');

export const referralIdParams = z.object({ id: z.string().uuid('id rekomendasi (UUID)') });
export const publicKeyParams = z.object({ key: z.string().min(1).max(200) });
const instansiKey = z.enum(INSTANSI_KEYS, { message: 'kunci instansi dari katalog / instansi catalogue key' });

export const referralListQuery = z.object({
  state: z.enum(REFERRAL_STATES).optional(),
  authority: authoritySchema.optional(),
  region: regionCode.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  caseId: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ReferralListQuery = z.infer<typeof referralListQuery>;

// When the step took effect, if not now (domain/cases/effectiveTime.ts: not in the future, not
// before the previous step, at most cases.effective_at_max_days back, a reason beyond a few hours).
const effectiveTime = {
  effectiveAt: z.string().datetime({ offset: true, message: 'waktu ISO 8601 dengan zona / ISO 8601 instant with offset' }).optional(),
  effectiveAtReason: text(L.effectiveAtReason.min, L.effectiveAtReason.max).optional(),
};
export const noteBody = z.object({ note: text(L.note.min, L.note.max).optional(), ...effectiveTime }).default({});
export const sanctionBody = z.object({
  sanction: text(L.sanction.min, L.sanction.max),
  decreeNumber: text(L.decreeNumber.min, L.decreeNumber.max),
  decreeDate: localDate,
  documentSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'SHA-256 (64 heksadesimal huruf kecil) / SHA-256 (64 lower-case hex digits)')
    .optional(),
  note: text(L.note.min, L.note.max).optional(),
  ...effectiveTime,
});
export const notProvenBody = z
  .object({
    decreeNumber: text(L.decreeNumber.min, L.decreeNumber.max).optional(),
    decreeDate: localDate.optional(),
    note: text(L.note.min, L.note.max).optional(),
    ...effectiveTime,
  })
  .default({});
export const siasnBlockBody = z.object({ reason: text(L.siasnBlockReason.min, L.siasnBlockReason.max) });

export const agencyStatusBody = z.object({
  step: reportedStepSchema,
  sanction: text(L.sanction.min, L.sanction.max).optional(),
  decreeNumber: text(L.decreeNumber.min, L.decreeNumber.max).optional(),
  decreeDate: localDate.optional(),
  documentSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  note: text(L.note.min, L.note.max).optional(),
  ...effectiveTime,
});
export type AgencyStatusBody = z.infer<typeof agencyStatusBody>;

/** The agency API speaks the referral's state words; the domain's step names stay internal (they key notices and audit rows). */
export const DOMAIN_STEP_OF: Record<ReportedStep, ReferralStep> = {
  diverifikasi: 'verified',
  diteruskan_ppk: 'forwarded_to_ppk',
  diterima_instansi: 'received',
  diputus: 'sanction',
  sanksi_dilaksanakan: 'sanction_applied',
  tidak_terbukti: 'not_proven',
};

export const agencyTokenBody = z.object({
  authority: authoritySchema,
  /** An instansi catalogue key (catalogues/instansi.ts); a PPK token also needs regionCode. */
  agency: instansiKey.optional(),
  regionCode: regionCode.optional(),
  label: text(2, 200),
});

export const settingParams = z.object({ key: z.enum(SETTING_KEYS) });
export const settingBody = z.object({ value: z.union([z.boolean(), z.number()]) });
export const statsQuery = z.object({ electionId: z.string().max(100).optional() });
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The letter as stored with the referral (jsonb, built by create.ts): the contract's letter without the referral's own fields. */
export const storedLetterSchema = referralLetterSchema
  .omit({ referralId: true, caseId: true, state: true })
  .extend({ conflictOfInterest: z.boolean().optional() });
