// Who may change the vulnerability index: administrators set weights and import indicators; reads are public.
import type { Principal } from '../../../domain/access/policy.ts';
import { forbidden } from '../../platform/errors.ts';

export function assertCanManageRisk(principal: Principal): void {
  if (principal.role !== 'admin') throw forbidden();
}
