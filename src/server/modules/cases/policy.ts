// Who may do what with a case, on the request side: each use case of the module opens with one of
// these (src/domain/access/policy.ts holds the rules). 404 and 403 stay distinct in code.
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { canHandleCaseIn, isReadOnly, isSupervisor, jurisdictionOf, type Principal } from '../../../domain/access/policy.ts';
import type { CaseRow } from './repository.ts';
import type { LinkForDecisionRow } from './repository/links.ts';

const caseNotFound = () => new AppError('not_found', { id: 'Perkara tidak ditemukan.', en: 'Case not found.' });

/** Supervisors (read-only ones included: the write check on the case follows). */
export function assertSupervisor(principal: Principal) {
  if (!isSupervisor(principal)) throw forbidden();
}

/** Supervisors who may write (not read-only). */
export function assertWritingSupervisor(principal: Principal) {
  if (!isSupervisor(principal) || isReadOnly(principal)) throw forbidden();
}

/** A supervisor who may write records something new for the office in charge of `officeCode`. */
export function assertCanCreateIn(principal: Principal, officeCode: string) {
  assertWritingSupervisor(principal);
  if (!canHandleCaseIn(principal, officeCode)) throw forbidden();
}

/**
 * Staff read or change a case of their jurisdiction (analysts read every case). A case outside it
 * answers like a missing one; imported history is read-only.
 */
export function assertCanHandleCase(principal: Principal, found: CaseRow | null, forWrite: boolean): asserts found is CaseRow {
  if (!found) throw notFound({ id: 'Perkara tidak ditemukan.', en: 'Case not found.' });
  const allowed = forWrite
    ? canHandleCaseIn(principal, found.office_code) && !isReadOnly(principal)
    : canHandleCaseIn(principal, found.office_code) || principal.role === 'analyst';
  if (!allowed)
    throw new AppError(
      'not_found',
      { id: 'Perkara tidak ditemukan.', en: 'Case not found.' },
      { details: { reason: 'outside_jurisdiction' } },
    );
  // Imported history keeps the outcome it had: no actions, assignments, notes or clocks.
  if (forWrite && found.imported_from) {
    throw new AppError(
      'conflict',
      { id: 'Perkara ini adalah riwayat impor dan hanya dapat dibaca.', en: 'This case is imported history and is read-only.' },
      { field: 'id', details: { reason: 'imported_read_only' } },
    );
  }
}

/** A writing supervisor dismisses public informasi of their jurisdiction. */
export function assertCanDismissInformasi(principal: Principal, found: CaseRow | null): asserts found is CaseRow {
  assertWritingSupervisor(principal);
  if (!found || !canHandleCaseIn(principal, found.office_code)) throw caseNotFound();
}

/**
 * Lists of cases (queue, a person's history) are for Bawaslu staff and analysts: the region they
 * may see, or null for national. Agencies (BKN, PPK) see referrals, not cases.
 */
export function assertCaseListScope(principal: Principal): string | null {
  const j = jurisdictionOf(principal);
  if (j.kind === 'national') return null;
  if (j.kind === 'region') return j.regionCode;
  throw forbidden();
}

/** A supervisor decides a duplicate link when either of its cases is in their jurisdiction. */
export function assertCanDecideLink(principal: Principal, link: LinkForDecisionRow | null): asserts link is LinkForDecisionRow {
  assertSupervisor(principal);
  if (!link || !(canHandleCaseIn(principal, link.a_office) || canHandleCaseIn(principal, link.b_office))) {
    throw new AppError('not_found', { id: 'Tautan perkara tidak ditemukan.', en: 'Case link not found.' });
  }
}

/** Case-history import: admins anywhere; supervisors (Bawaslu RI, provinsi, kab/kota) for their own office and below. */
export function assertCanImport(principal: Principal) {
  if (!isSupervisor(principal) || principal.role === 'pengawas_kecamatan') throw forbidden();
}
