// Who may read evidence files. The case is loaded through the cases module, which hides cases
// outside the officer's scope; this is the check on top of it.
import { forbidden } from '../../platform/errors.ts';
import { canHandleCaseIn, type Principal } from '../../../domain/access/policy.ts';

/** Analysts read statistics, not files: evidence is for the staff handling the case. */
export function assertCanReadEvidence(principal: Principal, officeCode: string) {
  if (!canHandleCaseIn(principal, officeCode)) throw forbidden();
}
