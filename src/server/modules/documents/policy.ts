// Who may print which case document. The case itself is loaded through the cases module, which
// hides cases outside the officer's scope; these are the checks on top of it.
import { forbidden } from '../../platform/errors.ts';
import { canHandleCaseIn, isReadOnly, type Principal } from '../../../domain/access/policy.ts';

/** Staff documents: cases the officer handles; the receipt with the reporter's name also needs write rights (the read is audited). */
export function assertCanPrintDocument(principal: Principal, officeCode: string, revealsReporter: boolean) {
  if (!canHandleCaseIn(principal, officeCode)) throw forbidden();
  if (revealsReporter && isReadOnly(principal)) throw forbidden();
}
