// Shapes of the case, tracking and announcement responses: the server's contracts
// (src/contracts/cases.ts, src/contracts/laporan.ts), not copies.
export type { Announcement, Receipt, TrackingResult, UploadResult } from '../../../contracts/laporan.ts';
export type {
  BlockedAction,
  CaseActionResult,
  CaseDeadline,
  CaseDetail,
  CaseImportResult,
  CaseImportTemplate,
  CaseLink,
  CaseLinkList,
  CaseList,
  CaseSummary,
  CreatedTemuan,
  InformasiReceipt,
  NextDeadline,
  ReporterIdentity,
  TerlaporHistory,
} from '../../../contracts/cases.ts';
