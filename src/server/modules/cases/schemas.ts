// Request schemas for laporan intake, tracking and case handling. Field names follow the
// Perbawaslu 9/2024 report form (formulir laporan): pelapor, terlapor, peristiwa, saksi, bukti.
import { z } from 'zod';
import { PELAPOR_CATEGORIES } from '../../../domain/catalogues/pelapor.ts';
import { SUBJECT_TYPES } from '../../../domain/catalogues/subjects.ts';
import { NEUTRALITY_ACTS } from '../../../domain/catalogues/skb2022.ts';
import { VIOLATION_CLASSIFICATIONS } from '../../../domain/catalogues/classifications.ts';
import { CASE_ACTIONS, CASE_STATES } from '../../../domain/cases/stateMachine.ts';
import { normalizeTrackingCode } from '../../../domain/cases/trackingCode.ts';
import { INSTANSI_KEYS } from '../../../domain/catalogues/instansi.ts';
import { REVEAL_REASON_MAX, REVEAL_REASON_MIN, checkRevealReason } from '../../../domain/access/revealReason.ts';
import { isoDate, plainText, regionCode } from '../../shared/schemas.ts';
// Limits shared with the web app's forms.
import {
  CASE_ACTION_LIMITS as A,
  PELAPOR_LIMITS as P,
  PERISTIWA_LIMITS as E,
  PHONE_PATTERN,
  REPORT_COUNT_LIMITS as N,
  SAKSI_LIMITS as S,
  TEMUAN_LIMITS as TM,
  TERLAPOR_LIMITS as TL,
} from '../../../contracts/limits.ts';

// Kept for callers that still import them from here; new code imports src/server/shared/schemas.ts.
export { isoDate, plainText, regionCode };

/** A reason for reading protected data: plain text with real content (it goes into the audit trail). */
export const revealReason = plainText(REVEAL_REASON_MIN, REVEAL_REASON_MAX).refine((v) => checkRevealReason(v).ok, {
  message:
    'alasan harus bermakna, bukan huruf berulang atau tanda baca / the reason must say something, not repeated characters or punctuation',
});

export const ACT_IDS = ['lainnya', ...NEUTRALITY_ACTS.map((a) => a.id)] as [string, ...string[]];

export const pelaporSchema = z.object({
  nama: plainText(P.nama.min, P.nama.max),
  nik: z.string().trim().max(32),
  tempatLahir: plainText(P.tempatLahir.min, P.tempatLahir.max),
  tanggalLahir: isoDate,
  jenisKelamin: z.enum(['L', 'P']),
  pekerjaan: plainText(P.pekerjaan.min, P.pekerjaan.max),
  kewarganegaraan: plainText(P.kewarganegaraan.min, P.kewarganegaraan.max).default('Indonesia'),
  alamat: plainText(P.alamat.min, P.alamat.max),
  telepon: z
    .string()
    .trim()
    .regex(new RegExp(PHONE_PATTERN), 'nomor HP Indonesia, mis. 081234567890 / Indonesian mobile number, e.g. 081234567890'),
  email: z.string().trim().email().max(P.email.max).optional(),
  kategori: z.enum(PELAPOR_CATEGORIES),
  nomorAkreditasi: plainText(P.nomorAkreditasi.min, P.nomorAkreditasi.max).optional(),
  timKampanye: plainText(P.timKampanye.min, P.timKampanye.max).optional(),
});

export const terlaporSchema = z.object({
  nama: plainText(TL.nama.min, TL.nama.max),
  nip: z.string().trim().max(TL.nip.max).optional(),
  jabatan: plainText(TL.jabatan.min, TL.jabatan.max),
  instansi: plainText(TL.instansi.min, TL.instansi.max),
  jenisSubjek: z.enum(SUBJECT_TYPES),
  kodeWilayah: regionCode.optional(),
});

export const laporanBody = z.object({
  pelapor: pelaporSchema,
  terlapor: z.array(terlaporSchema).min(N.terlapor.min).max(N.terlapor.max),
  peristiwa: z.object({
    judul: plainText(E.judul.min, E.judul.max).optional(),
    uraian: plainText(E.uraian.min, E.uraian.max),
    kodeWilayah: regionCode,
    tempat: plainText(E.tempat.min, E.tempat.max),
    tanggalKejadian: isoDate,
    tanggalDiketahui: isoDate,
  }),
  perbuatan: z.array(z.enum(ACT_IDS)).min(N.perbuatan.min).max(N.perbuatan.max),
  saksi: z
    .array(
      z.object({
        nama: plainText(S.nama.min, S.nama.max),
        alamat: plainText(S.alamat.min, S.alamat.max),
        telepon: z.string().trim().max(S.telepon.max).optional(),
      }),
    )
    .max(S.count.max)
    .default([]),
  bukti: z
    .array(z.string().regex(/^[a-zA-Z0-9_-]{10,64}$/, 'id unggahan / upload id'))
    .max(10)
    .default([]),
  buktiTautan: z
    .array(
      z
        .string()
        .trim()
        .url()
        .max(1000)
        .refine((u) => /^https?:\/\//i.test(u), 'hanya tautan http/https / http/https links only'),
    )
    .max(N.buktiTautan.max)
    .default([]),
});
export type LaporanInput = z.infer<typeof laporanBody>;

// Informasi awal from the public: the laporan's what/where/when/who/evidence with the same rules
// and limits, and no pelapor at all (unknown keys such as a 'pelapor' object are dropped unread).
export const informasiBody = laporanBody.omit({ pelapor: true, saksi: true });
export type InformasiInput = z.infer<typeof informasiBody>;

export const trackingBody = z.object({
  // 'ntr 45by 84mv' is the same code: case, spaces and dashes are normalised before the check.
  kode: z
    .string()
    .max(64)
    .transform(normalizeTrackingCode)
    .pipe(z.string().regex(/^NTR-[0-9A-Z]{4}-[0-9A-Z]{4}$/, 'kode pelacakan, mis. NTR-7K3M-Q9XP / tracking code, e.g. NTR-7K3M-Q9XP')),
  pin: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'PIN 6 angka / 6-digit PIN'),
});

export const temuanBody = z.object({
  sumber: z.enum(['pengawasan_lapangan', 'patroli_siber', 'media', 'laporan_tidak_memenuhi_syarat']),
  judul: plainText(TM.judul.min, TM.judul.max),
  uraian: plainText(TM.uraian.min, TM.uraian.max),
  kodeWilayah: regionCode,
  tempat: plainText(TM.tempat.min, TM.tempat.max),
  tanggalKejadian: isoDate,
  tanggalDiketahui: isoDate,
  perbuatan: z.array(z.enum(ACT_IDS)).min(N.perbuatan.min).max(N.perbuatan.max),
  terlapor: z.array(terlaporSchema).min(N.terlapor.min).max(N.terlapor.max),
  // Same rule as laporan: http/https only (no javascript:, data:, file: links in staff pages).
  buktiTautan: z
    .array(
      z
        .string()
        .trim()
        .url()
        .max(1000)
        .refine((u) => /^https?:\/\//i.test(u), 'hanya tautan http/https'),
    )
    .max(N.buktiTautan.max)
    .default([]),
  leadId: z.string().max(64).optional(),
});
export type TemuanInput = z.infer<typeof temuanBody>;

export const caseActionBody = z.object({
  action: z.enum(CASE_ACTIONS),
  reason: plainText(A.reason.min, A.reason.max).optional(),
  classification: z.enum(VIOLATION_CLASSIFICATIONS).optional(),
  summary: plainText(A.summary.min, A.summary.max).optional(),
  // 'kaji': the assessment text (facts, provisions, opinion), printed in the kajian PDF.
  kajian: plainText(A.kajian.min, A.kajian.max).optional(),
  targetOfficeCode: regionCode.optional(),
  // 'teruskan': the instansi catalogue entry each terlapor's referral is addressed to, as chosen
  // or confirmed by the supervisor (omitted: the catalogue's suggestion from the free text).
  alamatInstansi: z
    .array(
      z.object({
        terlaporId: z.coerce.number().int().positive(),
        kodeWilayah: regionCode,
        instansi: z.enum(INSTANSI_KEYS),
      }),
    )
    .max(20)
    .optional(),
  // When the action took effect, if not now (a pleno or registration done on paper): an ISO
  // instant with offset. Never in the future, never before the previous step, at most
  // cases.effective_at_max_days back; a reason beyond a few hours (domain/cases/effectiveTime.ts).
  effectiveAt: z
    .string()
    .datetime({ offset: true, message: 'waktu ISO 8601 dengan zona, mis. 2024-08-24T20:00:00+07:00 / ISO 8601 instant with offset' })
    .optional(),
  effectiveAtReason: plainText(A.effectiveAtReason.min, A.effectiveAtReason.max).optional(),
  // Proceed past an overridable legal-deadline guard (late laporan, late temuan); audited and
  // printed on the kajian. The content check runs in the guard (domain/legal-clock/guards.ts).
  override: z.object({ reason: plainText(A.overrideReason.min, A.overrideReason.max) }).optional(),
});

export const caseListQuery = z.object({
  state: z.enum(CASE_STATES).optional(),
  kind: z.enum(['laporan', 'temuan']).optional(),
  region: regionCode.optional(),
  q: z.string().trim().min(2).max(200).optional(),
  subjectType: z.enum(SUBJECT_TYPES).optional(),
  act: z.enum(ACT_IDS).optional(),
  stage: z.string().max(60).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  dueBefore: z.string().datetime().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;
