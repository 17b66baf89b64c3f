// Public intake responses: the receipt of a laporan, the tracking view (code + PIN), the
// withdrawal, evidence uploads and the public status announcements.
import { z } from 'zod';
import { bilingual, isoDateTime, listOf } from './common.ts';
import { publicReferralSchema } from './referrals.ts';

export const receiptSchema = z
  .object({
    id: z.string(),
    trackingCode: z.string().describe('kode pelacakan; with the PIN it opens POST /api/v1/lacak'),
    pin: z.string().describe('shown once; stored only as a keyed hash'),
    state: z.string(),
    receivedAt: isoDateTime,
    receivedLocal: z.string(),
    officeCode: z.string(),
    officeName: z.string(),
    late: z.boolean(),
    proposedReason: z.string().nullable(),
    filingDeadlineLocal: z.string(),
    /** Who was reported, by position and agency (no names); absent on receipts replayed from before it existed. */
    terlapor: z.array(z.object({ jabatan: z.string(), instansi: z.string() })).optional(),
    message: bilingual,
  })
  .meta({
    id: 'Receipt',
    examples: [
      {
        id: '3f2b8c1e-6a4d-4e2b-9f10-1c2d3e4f5a6b',
        trackingCode: 'NTR-7K2M-9QXD',
        pin: '482913',
        state: 'diterima',
        receivedAt: '2024-10-10T03:00:00.000Z',
        receivedLocal: '10 Oktober 2024 10.00 WIB',
        officeCode: '16.02',
        officeName: 'Bawaslu Kabupaten Ogan Komering Ilir',
        late: false,
        proposedReason: null,
        filingDeadlineLocal: '14 Oktober 2024',
        message: { id: 'Laporan diterima.', en: 'Report received.' },
      },
    ],
  });
export type Receipt = z.infer<typeof receiptSchema>;

export const trackingResultSchema = z
  .object({
    trackingCode: z.string().nullable(),
    registrationNumber: z.string().nullable(),
    state: z.string(),
    stateLabel: bilingual,
    officeName: z.string(),
    receivedLocal: z.string(),
    late: z.boolean(),
    canWithdraw: z.boolean(),
    timeline: z.array(
      z.object({
        at: isoDateTime,
        atLocal: z.string(),
        action: z.string(),
        state: z.string(),
        stateLabel: bilingual,
        note: z.string().nullable(),
      }),
    ),
    /** `en`: the same notice in English where it has an English text (the Indonesian stays the record). */
    notices: z.array(
      z.object({
        at: isoDateTime,
        atLocal: z.string(),
        kind: z.string(),
        title: z.string(),
        body: z.string(),
        en: z.object({ title: z.string(), body: z.string() }).nullable(),
      }),
    ),
    deadlines: z.array(z.object({ ruleId: z.string(), dueAt: isoDateTime, dueLocal: z.string(), zone: z.string(), source: z.string() })),
    /** Follow-up by the authority after forwarding (public view: position and agency only). */
    referrals: z.array(publicReferralSchema),
  })
  .meta({ id: 'TrackingResult' });
export type TrackingResult = z.infer<typeof trackingResultSchema>;

export const withdrawalSchema = z.object({ state: z.string() });

export const uploadResultSchema = z
  .object({
    id: z.string().describe('put this id in the laporan\'s "bukti"'),
    sha256: z.string(),
    mimeType: z.string(),
    size: z.number().int(),
    kind: z.string(),
  })
  .meta({ id: 'UploadResult' });
export type UploadResult = z.infer<typeof uploadResultSchema>;

export const announcementSchema = z.object({
  at: isoDateTime,
  atLocal: z.string(),
  office: z.string(),
  officeCode: z.string(),
  kind: z.string(),
  registrationNumber: z.string().nullable(),
  action: z.string(),
  state: z.string(),
  stateLabel: bilingual,
  classification: z.string().nullable(),
  terlapor: z.array(z.object({ position: z.string().nullable(), agency: z.string().nullable() })),
});
export type Announcement = z.infer<typeof announcementSchema>;
export const announcementListSchema = listOf(announcementSchema);
