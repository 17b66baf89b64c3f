// Who may do what with accounts. Each use case opens with one of these; the HTTP layer has
// already established who is signed in (http/auth.ts).
import { AppError, forbidden } from '../../platform/errors.ts';
import type { Principal } from '../../../domain/access/policy.ts';
import { totpRequiredFor, type TotpRequirement } from '../../../domain/access/throttle.ts';
import { setupDone } from './setup.ts';
import type { UserRow } from './repository/users.ts';

/**
 * Staff accounts are managed by administrators. `null` is the operator on the server itself
 * (`netra user`, the setup link), who is trusted by having the machine.
 */
export function assertCanManageUsers(actor: Principal | null): void {
  if (actor && actor.role !== 'admin') throw forbidden();
}

/** The setup link makes the first admin only. */
export function assertSetupOpen(admins: number): void {
  if (admins > 0) throw setupDone();
}

/** Switching TOTP off is refused where policy requires it for the role. */
export function assertMayDisableTotp(user: Pick<UserRow, 'role'>, requireTotp: TotpRequirement): void {
  if (totpRequiredFor(user.role, requireTotp)) {
    throw new AppError('forbidden', {
      id: 'Verifikasi dua langkah wajib untuk peran ini; daftarkan ulang perangkat alih-alih menonaktifkan.',
      en: 'Two-step verification is required for this role; re-enrol a device instead of switching it off.',
    });
  }
}
