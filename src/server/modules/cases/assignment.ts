// Staff bookkeeping on a case that changes no state: who handles it, internal notes.
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { canHandleCaseIn, STAFF_ROLES, type Principal } from '../../../domain/access/policy.ts';
import { nowOf, type CaseDeps } from './deps.ts';
import { insertCaseEvent } from './repository.ts';
import { findActiveUser, setAssignee } from './repository/handling.ts';
import { loadCaseForStaff } from './staffCase.ts';
import { assertSupervisor } from './policy.ts';

const isStaffRole = (role: string): role is Principal['role'] => (STAFF_ROLES as readonly string[]).includes(role);

/** The assignee exists, is enabled and may handle cases of the office. */
async function assertAssignable(deps: CaseDeps, assigneeId: string, officeCode: string) {
  const user = await findActiveUser(deps.db, assigneeId);
  if (
    !user ||
    !isStaffRole(user.role) ||
    !canHandleCaseIn({ id: user.id, role: user.role, regionCode: user.region_code, agency: null }, officeCode)
  ) {
    throw new AppError(
      'validation_failed',
      { id: 'Petugas tidak ditemukan atau di luar wilayah perkara.', en: 'Officer not found or outside the case’s jurisdiction.' },
      { field: 'assigneeId' },
    );
  }
}

export async function assignCase(deps: CaseDeps, principal: Principal, caseId: string, assigneeId: string | null) {
  assertSupervisor(principal);
  const current = await loadCaseForStaff(deps, principal, caseId, true);
  if (assigneeId) await assertAssignable(deps, assigneeId, current.office_code);
  const now = nowOf(deps);
  await deps.db.transaction(async (tx) => {
    await setAssignee(tx, caseId, assigneeId, now);
    await insertCaseEvent(tx, {
      caseId,
      at: now,
      action: 'tugaskan',
      fromState: current.state,
      toState: current.state,
      actorId: principal.id,
      data: { assigneeId },
    });
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: 'case.assigned',
      entityType: 'case',
      entityId: caseId,
      regionCode: current.office_code,
      at: now,
      data: { assigneeId },
    });
  });
  return { id: caseId, assignedTo: assigneeId };
}

export async function addCaseNote(deps: CaseDeps, principal: Principal, caseId: string, note: string) {
  assertSupervisor(principal);
  const current = await loadCaseForStaff(deps, principal, caseId, true);
  const now = nowOf(deps);
  await deps.db.transaction(async (tx) => {
    await insertCaseEvent(tx, {
      caseId,
      at: now,
      action: 'catatan',
      fromState: current.state,
      toState: current.state,
      actorId: principal.id,
      internalNote: note,
    });
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: 'case.note_added',
      entityType: 'case',
      entityId: caseId,
      regionCode: current.office_code,
      at: now,
    });
  });
  return { ok: true as const };
}
