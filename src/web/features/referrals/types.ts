// Shapes of the referral responses (mirrors src/server/modules/referrals/present.ts and service.ts).
import type { Bilingual } from '../cases/labels.ts';

export interface ReferralSummary {
  id: string;
  caseId: string;
  recommendationNumber: string;
  recommendedAt: string;
  authority: string;
  authorityName: string;
  authorityRegionCode: string | null;
  officeCode: string;
  regionCode: string | null;
  agency: string;
  /** The addressed instansi catalogue entry (null: BKN only / not a regional PPK). */
  agencyAddress: { regionCode: string; key: string; label: string } | null;
  /** Key of the public timeline (/rekomendasi/:publicKey). */
  publicKey: string;
  terlapor: { position: string; agency: string; subjectType: string; name?: string; nip?: string | null };
  classification: string;
  proposedTrack: { regime: string | null; track: string | null; level: string | null; itemId: string | null; citation: string | null; stage: string | null };
  state: string;
  stateLabel: Bilingual;
  siasnBlocked: boolean;
  conflictOfInterest: boolean;
  nextStep: { step: string; dueAt: string | null; dueLocal: string | null; overdue: boolean } | null;
  overdue: boolean;
  verifiedAt: string | null;
  forwardedAt: string | null;
  decidedAt: string | null;
  sanctionAppliedAt: string | null;
}

export interface ReferralStepView {
  step: string;
  label: Bilingual;
  ruleId: string | null;
  startedAt: string | null;
  dueAt: string | null;
  dueLocal: string | null;
  basis: string | null;
  doneAt: string | null;
  overdue: boolean;
  late: boolean;
  escalated: boolean;
}

export interface ReferralDetail extends ReferralSummary {
  steps: ReferralStepView[];
  sanction: { key: string; label: string; labelEn: string; level: string; source: string | null; decreeNumber: string | null; decreeDate: string | null; lighterThanProposed: boolean; recordedAt: string | null; appliedAt: string | null } | null;
  escalations: { id: number; step: string; recipients: string[]; message: string; createdAt: string }[];
  validSanctions: { key: string; label: string }[];
  conflictRegionCode: string | null;
}

export interface ReferralLetter {
  referralId: string;
  number: string;
  dateLocal: string;
  from: { officeCode: string; officeName: string };
  addressee: string;
  authorityName: string;
  subject: string;
  registrationNumber: string | null;
  classification: { id: string; label: string };
  terlapor: { name: string; nip: string | null; position: string; agency: string; subjectLabel: string };
  kajianSummary: string | null;
  event: { date: string | null; place: string | null; regionCode: string };
  acts: { id: string; label: string }[];
  proposedTrack: { track: string | null; level: string | null; citation: string | null; sanctions: { key: string; label: string }[] };
  legalBasis: string;
  followUpDeadline: { dueLocal: string; source: string } | null;
}

export interface PublicReferral {
  publicKey: string;
  recommendationNumber: string;
  recommendedAt: string;
  authority: string;
  authorityName: string;
  regionCode: string | null;
  regionName: string | null;
  classification: string;
  state: string;
  stateLabel: Bilingual;
  terlapor: { position: string; agency: string; subjectType: string };
  proposedTrack: { track: string | null; level: string | null; citation: string | null };
  conflictOfInterest: boolean;
  timeline: { step: string; label: Bilingual; at: string | null; done: boolean; dueAt: string | null; overdue: boolean; outcome?: { label: string; labelEn: string; level: string; decreeDate: string | null } }[];
}
