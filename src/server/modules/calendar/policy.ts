// Who may change the national calendar: administrators only (everyone may read it).
import type { Principal } from '../../../domain/access/policy.ts';
import { forbidden } from '../../platform/errors.ts';

export function assertCanEditCalendar(principal: Principal): void {
  if (principal.role !== 'admin') throw forbidden();
}
