// Overdue steps are escalated once each: to BKN (ASN referrals, which BKN supervises and may
// answer with a SIASN block) and to the Bawaslu office that forwarded the case.
import { isAsnAuthority } from './states.ts';

export interface OpenStep {
  dueAt: Date | null;
  doneAt: Date | null;
  escalated: boolean;
}

/** A step is escalated when it has a due date, is still open past it, and was not escalated yet. */
export function needsEscalation(step: OpenStep, now: Date): boolean {
  return step.dueAt !== null && step.doneAt === null && !step.escalated && now.getTime() > step.dueAt.getTime();
}

export function isOverdue(step: { dueAt: Date | null; doneAt: Date | null }, now: Date): boolean {
  return step.dueAt !== null && step.doneAt === null && now.getTime() > step.dueAt.getTime();
}

export function escalationRecipients(referral: { authority: string; officeCode: string }): string[] {
  return [...(isAsnAuthority(referral.authority) ? ['BKN'] : []), `BAWASLU:${referral.officeCode}`];
}
