// Following a laporan with tracking code + PIN: status timeline and the notices sent. Wrong
// PINs are counted per (tracking code, address) and, with a generous ceiling, per address (a whole
// mobile carrier can share one). Never per code alone: a stranger guessing elsewhere must not
// lock the reporter out of their own laporan.
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { STATE_LABELS, applyAction } from '../../../domain/cases/stateMachine.ts';
import { formatLocalDateTime, zoneForRegion } from '../../../domain/time/zones.ts';
import { nowOf, type CaseDeps } from './deps.ts';
import { findCaseByTrackingCode, insertCaseEvent, listClocks, officeName, type CaseRow } from './repository.ts';
import { insertNotice, listNoticesForReporter } from '../notices/index.ts';
import {
  countTrackingFailures,
  insertTrackingFailure,
  listPublicEvents,
  listReferralPublicKeys,
  markWithdrawn,
} from './repository/tracking.ts';
import { noticeForAction } from '../../../domain/cases/notices.ts';
import { publicReferral } from '../referrals/index.ts';

import {
  MAX_PIN_FAILURES_PER_ADDRESS,
  MAX_PIN_FAILURES_PER_CODE_AND_ADDRESS,
  PIN_WINDOW_MINUTES,
} from '../../../domain/access/throttle.ts';

export const MAX_PIN_FAILURES = MAX_PIN_FAILURES_PER_CODE_AND_ADDRESS;
export const PIN_FAILURE_WINDOW_MINUTES = PIN_WINDOW_MINUTES;

const wrongCredentials = () =>
  new AppError(
    'invalid_credentials',
    {
      id: 'Kode pelacakan atau PIN salah.',
      en: 'Wrong tracking code or PIN.',
    },
    { field: 'pin' },
  );

/** `address` is the client address as Fastify sees it (the socket unless NETRA_TRUST_PROXY is set). */
export async function authenticateTracking(deps: CaseDeps, code: string, pin: string, address: string): Promise<CaseRow> {
  const { db, vault } = deps;
  const now = nowOf(deps);
  const since = new Date(now.getTime() - PIN_FAILURE_WINDOW_MINUTES * 60_000);
  const failures = await countTrackingFailures(db, code, address, since);
  if (failures.pair >= MAX_PIN_FAILURES || failures.address >= MAX_PIN_FAILURES_PER_ADDRESS) {
    throw new AppError(
      'rate_limited',
      {
        id: `Terlalu banyak percobaan PIN yang salah dari alamat ini. Coba lagi dalam ${PIN_FAILURE_WINDOW_MINUTES} menit.`,
        en: `Too many wrong PINs from this address. Try again in ${PIN_FAILURE_WINDOW_MINUTES} minutes.`,
      },
      { field: 'pin' },
    );
  }
  const found = await findCaseByTrackingCode(db, code);
  if (!found || !found.pin_hash || !vault.macEquals(`${code}:${pin}`, found.pin_hash)) {
    await insertTrackingFailure(db, code, address, now);
    throw wrongCredentials();
  }
  return found;
}

// Read-your-writes: tracking reads the primary (deps.db), never the replica. A reporter looks a
// report up seconds after the receipt; a replica that has not replayed that commit yet would answer
// "wrong code or PIN" for a report that exists (test/integration/standby.test.ts).
export async function trackLaporan(deps: CaseDeps, code: string, pin: string, address: string) {
  const { db } = deps;
  const found = await authenticateTracking(deps, code, pin, address);
  const zone = zoneForRegion(found.office_code);
  const events = await listPublicEvents(db, found.id);
  const notices = await listNoticesForReporter(db, found.id);
  const clocks = (await listClocks(db, found.id)).filter((c) => !c.stopped_at);
  // After forwarding, the reporter follows the authority's steps too (recommended → verified →
  // decided → sanction applied), with the terlapor shown only by position and agency.
  const referrals = [];
  // Each carries its publicKey: the reporter's link to the public timeline.
  for (const key of await listReferralPublicKeys(db, found.id)) referrals.push(await publicReferral(db, key, nowOf(deps)));
  return {
    trackingCode: found.tracking_code,
    registrationNumber: found.registration_number,
    state: found.state,
    stateLabel: STATE_LABELS[found.state],
    officeName: await officeName(db, found.office_code),
    receivedLocal: formatLocalDateTime(new Date(found.received_at), zone),
    late: found.is_late,
    canWithdraw: applyAction(found.state, 'cabut', { reason: 'x' }).ok,
    timeline: events.map((e) => ({
      at: new Date(e.occurred_at).toISOString(),
      atLocal: formatLocalDateTime(new Date(e.occurred_at), zone),
      action: e.action,
      state: e.to_state,
      stateLabel: STATE_LABELS[e.to_state],
      note: e.public_note,
    })),
    notices: notices.map((n) => ({
      at: new Date(n.created_at).toISOString(),
      atLocal: formatLocalDateTime(new Date(n.created_at), zone),
      kind: n.kind,
      title: n.title,
      body: n.body,
      en: n.title_en && n.body_en ? { title: n.title_en, body: n.body_en } : null,
    })),
    deadlines: clocks.map((c) => ({
      ruleId: c.rule_id,
      dueAt: new Date(c.due_at).toISOString(),
      dueLocal: c.due_local,
      zone: c.zone,
      source: c.source,
    })),
    referrals,
  };
}

/** The reporter withdraws the laporan; only possible before registration (Perbawaslu 8/2020). */
export async function withdrawLaporan(deps: CaseDeps, code: string, pin: string, reason: string, address: string) {
  const found = await authenticateTracking(deps, code, pin, address);
  const now = nowOf(deps);
  const result = applyAction(found.state, 'cabut', { reason });
  if (!result.ok) {
    throw new AppError(
      'invalid_state_transition',
      result.error === 'CANNOT_WITHDRAW_REGISTERED'
        ? { id: 'Laporan yang sudah diregistrasi tidak dapat dicabut.', en: 'A registered report cannot be withdrawn.' }
        : { id: 'Laporan tidak dapat dicabut pada status ini.', en: 'The report cannot be withdrawn in this state.' },
      { field: 'action' },
    );
  }
  const office = await officeName(deps.db, found.office_code);
  await deps.db.transaction(async (tx) => {
    await markWithdrawn(tx, found.id, result.to, reason, now);
    await insertCaseEvent(tx, {
      caseId: found.id,
      at: now,
      action: 'cabut',
      fromState: found.state,
      toState: result.to,
      actorId: null,
      publicNote: 'Laporan dicabut oleh pelapor.',
    });
    const notice = noticeForAction('cabut', {
      kind: 'laporan',
      trackingCode: found.tracking_code,
      registrationNumber: null,
      state: result.to,
      reason,
      officeName: office,
    });
    if (notice) await insertNotice(tx, { caseId: found.id, at: now, ...notice, email: true });
    await appendAudit(tx, {
      actor: { id: null, role: 'public' },
      action: 'laporan.withdrawn',
      entityType: 'case',
      entityId: found.id,
      regionCode: found.office_code,
      at: now,
    });
  });
  return { state: result.to };
}
