// Case handling by Bawaslu staff: the queue, a case as staff see it (no reporter identity), the
// handling actions and their answer, duplicates around the person, a terlapor's history, temuan,
// public informasi without identity, and the import of past cases from an office recap.
import { z } from 'zod';
import { CASE_ACTIONS, CASE_STATES } from '../domain/cases/stateMachine.ts';
import { bilingual, isoDateTime, listOf, nullableIso } from './common.ts';

const localDate = z.string().describe('YYYY-MM-DD');
export const caseKindSchema = z.enum(['laporan', 'temuan']);
export const caseStateSchema = z.enum(CASE_STATES);
export const caseActionSchema = z.enum(CASE_ACTIONS);

// ---- the queue ------------------------------------------------------------------------------

export const nextDeadlineSchema = z.object({
  dueAt: isoDateTime,
  dueLocal: z.string().nullable(),
  ruleId: z.string().nullable(),
  overdue: z.boolean(),
});
export type NextDeadline = z.infer<typeof nextDeadlineSchema>;

export const caseSummarySchema = z
  .object({
    id: z.string(),
    kind: caseKindSchema,
    source: z.string().describe("'publik' (laporan), 'informasi_publik' (identity-free informasi), or a supervisor's source"),
    state: caseStateSchema,
    stateLabel: bilingual,
    trackingCode: z.string().nullable(),
    registrationNumber: z.string().nullable(),
    title: z.string(),
    officeCode: z.string(),
    eventRegionCode: z.string(),
    receivedAt: isoDateTime,
    late: z.boolean(),
    assignedTo: z.string().nullable(),
    acts: z.array(z.string()),
    stageCode: z.string().nullable(),
    terlapor: z.array(z.object({ position: z.string(), agency: z.string(), subjectType: z.string() })),
    nextDeadline: nextDeadlineSchema.nullable(),
  })
  .meta({ id: 'CaseSummary' });
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseListSchema = listOf(caseSummarySchema).meta({ id: 'CaseList' });
export type CaseList = z.infer<typeof caseListSchema>;

// ---- one case -------------------------------------------------------------------------------

export const caseDeadlineSchema = z.object({
  ruleId: z.string(),
  startedAt: isoDateTime,
  dueAt: isoDateTime,
  dueLocal: z.string(),
  zone: z.string(),
  source: z.string(),
  basis: z.string(),
  extended: z.boolean(),
  stoppedAt: nullableIso,
  overdue: z.boolean(),
});
export type CaseDeadline = z.infer<typeof caseDeadlineSchema>;

export const blockedActionSchema = z.object({
  action: caseActionSchema,
  guard: z.string(),
  mode: z.enum(['not_yet', 'no_longer']),
  overridable: z.boolean(),
  reason: bilingual,
  until: nullableIso.describe('not_yet: the action becomes available at this instant'),
  since: nullableIso.describe('no_longer: the deadline that was missed'),
  source: z.string(),
  unconfirmed: z.string().optional().describe('the legal basis is not yet verified against the official text'),
});
export type BlockedAction = z.infer<typeof blockedActionSchema>;

export const caseTerlaporSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  nip: z.string().nullable(),
  position: z.string(),
  agency: z.string(),
  subjectType: z.string(),
  regionCode: z.string().nullable(),
});

export const caseDetailSchema = z
  .object({
    id: z.string(),
    kind: caseKindSchema,
    state: caseStateSchema,
    stateLabel: bilingual,
    source: z.string(),
    trackingCode: z.string().nullable(),
    registrationNumber: z.string().nullable(),
    registeredAt: nullableIso,
    officeCode: z.string(),
    officeName: z.string(),
    eventRegionCode: z.string(),
    eventRegionName: z.string().nullable().describe('"Kecamatan, Kabupaten, Provinsi"; null when the code is not in the region table'),
    eventPlace: z.string().nullable(),
    eventDate: localDate.nullable(),
    knownDate: localDate.nullable(),
    receivedAt: isoDateTime,
    electionId: z.string().nullable(),
    stageCode: z.string().nullable(),
    regimeId: z.string(),
    title: z.string(),
    narrative: z.string(),
    acts: z.array(z.string()),
    evidenceUrls: z.array(z.string()),
    late: z.boolean(),
    proposedReason: z.string().nullable(),
    stateReason: z.string().nullable(),
    classification: z.string().nullable(),
    decisionSummary: z.string().nullable(),
    assignedTo: z.string().nullable(),
    availableActions: z.array(caseActionSchema).describe('what this user may do now (the state allows it; a deadline may still block it)'),
    blockedActions: z
      .array(blockedActionSchema)
      .describe('actions the state allows but a legal deadline forbids now: why, and until/since when'),
    terlapor: z.array(caseTerlaporSchema),
    witnesses: z
      .array(z.object({ name: z.string(), address: z.string(), phone: z.string().nullable() }))
      .describe('empty for those who may not read witness identity'),
    witnessCount: z.number().int(),
    evidence: z.array(z.object({ sha256: z.string(), name: z.string(), mimeType: z.string(), size: z.number().int() })),
    deadlines: z.array(caseDeadlineSchema),
    timeline: z.array(
      z.object({
        at: isoDateTime.describe('when the step took effect'),
        recordedAt: isoDateTime.describe('when it was entered (differs for back-dated steps)'),
        action: z.string(),
        fromState: z.string().nullable(),
        toState: z.string(),
        actorId: z.string().nullable(),
        publicNote: z.string().nullable(),
        internalNote: z.string().nullable(),
        data: z.unknown(),
      }),
    ),
    notices: z.array(
      z.object({
        at: isoDateTime,
        kind: z.string(),
        title: z.string(),
        body: z.string(),
        emailState: z.enum(['none', 'queued', 'retrying', 'sent', 'failed']),
        emailAttempts: z.number().int(),
        emailLastError: z.string().nullable(),
        emailUpdatedAt: isoDateTime.nullable(),
      }),
    ),
  })
  .meta({ id: 'CaseDetail' });
export type CaseDetail = z.infer<typeof caseDetailSchema>;

// ---- handling -------------------------------------------------------------------------------

export const caseActionResultSchema = z
  .object({
    id: z.string(),
    state: caseStateSchema,
    stateLabel: bilingual,
    registrationNumber: z.string().nullable(),
    officeCode: z.string().describe('the handling office after the action (limpahkan changes it)'),
    effectiveAt: isoDateTime.describe('when the action took effect'),
    recordedAt: isoDateTime,
    override: z.object({ guard: z.string(), reason: z.string() }).optional().describe('a legal-deadline guard passed with a stated reason'),
    referrals: z
      .array(
        z.object({
          terlaporId: z.number().int(),
          authority: z.string(),
          authorityName: z.string(),
          source: z.string(),
          deadlineRuleId: z.string().nullable(),
        }),
      )
      .optional()
      .describe("teruskan: where each terlapor's recommendation goes"),
    kajian: z.string().optional(),
    fromOffice: z.string().optional(),
    toOffice: z.string().optional(),
  })
  .meta({ id: 'CaseActionResult' });
export type CaseActionResult = z.infer<typeof caseActionResultSchema>;

export const caseAssignmentSchema = z.object({ id: z.string(), assignedTo: z.string().nullable() });

export const reporterIdentitySchema = z.object({
  identity: z.record(z.string(), z.string()).describe('the pelapor as filed (nama, nik, alamat, telepon, …); every read is audited'),
});
export type ReporterIdentity = z.infer<typeof reporterIdentitySchema>;

// ---- duplicates and history -----------------------------------------------------------------

export const CASE_LINK_STATES = ['suggested', 'merged', 'rejected', 'unmerged'] as const;

export const caseLinkSchema = z
  .object({
    id: z.number().int(),
    otherCaseId: z.string(),
    reason: z.string(),
    score: z.number(),
    state: z.enum(CASE_LINK_STATES),
    other: z
      .object({
        title: z.string().optional(),
        registrationNumber: z.string().nullable().optional(),
        state: z.string().optional(),
        officeCode: z.string(),
      })
      .describe("outside the viewer's jurisdiction: only the office"),
  })
  .meta({ id: 'CaseLink' });
export type CaseLink = z.infer<typeof caseLinkSchema>;
export const caseLinkListSchema = listOf(caseLinkSchema);
export type CaseLinkList = z.infer<typeof caseLinkListSchema>;

export const caseLinkDecisionSchema = z.object({ id: z.number().int(), state: z.enum(CASE_LINK_STATES) });

export const terlaporHistorySchema = listOf(
  z.object({
    caseId: z.string(),
    name: z.string(),
    position: z.string(),
    agency: z.string(),
    subjectType: z.string(),
    state: z.string(),
    registrationNumber: z.string().nullable(),
    eventDate: localDate.nullable(),
    officeCode: z.string(),
  }),
);
export type TerlaporHistory = z.infer<typeof terlaporHistorySchema>;

// ---- temuan and public informasi ------------------------------------------------------------

export const createdTemuanSchema = z.object({ id: z.string(), state: z.literal('informasi_awal'), officeCode: z.string() });
export type CreatedTemuan = z.infer<typeof createdTemuanSchema>;

export const informasiReceiptSchema = z
  .object({
    receiptCode: z.string().describe("'INF-…': a receipt, not a tracking code (no PIN, no progress updates)"),
    receivedLocal: z.string(),
    officeName: z.string(),
    folded: z.boolean().describe("this repeated an earlier submission; the earlier one's code is returned"),
    message: bilingual,
  })
  .meta({ id: 'InformasiReceipt' });
export type InformasiReceipt = z.infer<typeof informasiReceiptSchema>;

// ---- importing past cases -------------------------------------------------------------------

export const caseImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    format: z.enum(['csv', 'xlsx']),
    fileName: z.string(),
    fileSha256: z.string(),
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    cycles: z.record(z.string(), z.number().int()).describe('rows per election cycle'),
    preview: z
      .array(
        z.object({
          line: z.number().int(),
          registrationNumber: z.string(),
          kind: z.string(),
          regionCode: z.string(),
          regionName: z.string(),
          receivedOn: localDate,
          state: z.string(),
          decidedOn: localDate.nullable(),
          referredTo: z.string().nullable(),
          cycle: z.string(),
          action: z.enum(['baru', 'diperbarui', 'tetap']),
        }),
      )
      .describe('the first 100 rows'),
  })
  .meta({ id: 'CaseImportResult' });
export type CaseImportResult = z.infer<typeof caseImportResultSchema>;

export const caseImportTemplateSchema = z
  .object({
    columns: z.array(
      z.object({
        key: z.string(),
        header: z.string(),
        aliases: z.array(z.string()),
        required: z.boolean(),
        description: z.string(),
        example: z.string(),
      }),
    ),
    documentation: z.string(),
    sample: z.string(),
  })
  .meta({ id: 'CaseImportTemplate' });
export type CaseImportTemplate = z.infer<typeof caseImportTemplateSchema>;
