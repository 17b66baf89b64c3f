// Shapes of the case, tracking and announcement responses (mirrors src/server/modules/cases/*).
import type { Bilingual } from './labels.ts';

// Public intake shapes are the server's contracts (src/contracts/laporan.ts), not copies.
export type { Announcement, Receipt, TrackingResult, UploadResult } from '../../../contracts/laporan.ts';

export interface NextDeadline {
  dueAt: string;
  dueLocal: string | null;
  ruleId: string | null;
  overdue: boolean;
}

export interface CaseSummary {
  id: string;
  kind: 'laporan' | 'temuan';
  /** 'publik' (laporan), 'informasi_publik' (identity-free informasi), or a supervisor's source. */
  source?: string;
  state: string;
  stateLabel: Bilingual;
  trackingCode: string | null;
  registrationNumber: string | null;
  title: string;
  officeCode: string;
  eventRegionCode: string;
  receivedAt: string;
  late: boolean;
  assignedTo: string | null;
  acts: string[];
  stageCode: string | null;
  terlapor: { position: string; agency: string; subjectType: string }[];
  nextDeadline: NextDeadline | null;
}

export interface CaseDeadline {
  ruleId: string;
  startedAt: string;
  dueAt: string;
  dueLocal: string;
  zone: string;
  source: string;
  basis: string;
  extended: boolean;
  stoppedAt: string | null;
  overdue: boolean;
}

export interface CaseDetail {
  id: string;
  kind: 'laporan' | 'temuan';
  state: string;
  stateLabel: Bilingual;
  source: string;
  trackingCode: string | null;
  registrationNumber: string | null;
  registeredAt: string | null;
  officeCode: string;
  officeName: string;
  eventRegionCode: string;
  /** "Kecamatan, Kabupaten, Provinsi"; null when the code is not in the region table. */
  eventRegionName: string | null;
  eventPlace: string | null;
  eventDate: string | null;
  knownDate: string | null;
  receivedAt: string;
  electionId: string | null;
  stageCode: string | null;
  title: string;
  narrative: string;
  acts: string[];
  evidenceUrls: string[];
  late: boolean;
  proposedReason: string | null;
  stateReason: string | null;
  classification: string | null;
  decisionSummary: string | null;
  assignedTo: string | null;
  availableActions: string[];
  /** Actions the state allows but a legal deadline forbids now: why, and until/since when. */
  blockedActions?: { action: string; guard: string; mode: 'not_yet' | 'no_longer'; overridable: boolean; reason: { id: string; en: string }; until: string | null; since: string | null; source: string }[];
  terlapor: { id: number; name: string; nip: string | null; position: string; agency: string; subjectType: string; regionCode: string | null }[];
  witnesses: { name: string; address: string; phone: string | null }[];
  evidence: { sha256: string; name: string; mimeType: string; size: number }[];
  deadlines: CaseDeadline[];
  timeline: { at: string; recordedAt?: string; action: string; fromState: string | null; toState: string; actorId: string | null; publicNote: string | null; internalNote: string | null; data: unknown }[];
  notices: { at: string; kind: string; title: string; body: string; emailState: 'none' | 'queued' | 'retrying' | 'sent' | 'failed'; emailAttempts: number; emailLastError: string | null; emailUpdatedAt: string | null }[];
}

export interface CaseLink {
  id: number;
  otherCaseId: string;
  reason: string;
  score: number;
  state: 'suggested' | 'merged' | 'rejected' | 'unmerged';
  other: { title?: string; registrationNumber?: string | null; state?: string; officeCode: string };
}

