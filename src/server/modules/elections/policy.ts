// Who may change election reference data: administrators import candidate pairs; reads are public.
import type { Principal } from '../../../domain/access/policy.ts';
import { forbidden } from '../../platform/errors.ts';

export function assertCanImportCandidates(principal: Principal): void {
  if (principal.role !== 'admin') throw forbidden();
}
