// Referral handling after Bawaslu's decision: inbox, detail, letter data (and its PDF), the SIASN
// block and the escalations list. The steps authorities report are in steps.ts. Every change
// writes an audit record in the same transaction; bad input throws before anything is written.
import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { buildRecommendationLetter, renderDocument } from '../documents/index.ts';
import type { SkbTrack } from '../../../domain/catalogues/skb2022.ts';
import { canBlockSiasn } from '../../../domain/referrals/states.ts';
import { referralSanctionByKey, validSanctionKeys } from '../../../domain/referrals/sanctions.ts';
import { formatForRegion } from '../../../domain/time/zones.ts';
import type { ReferralLetter } from '../../../contracts/referrals.ts';
import { presentReferralSummary, presentSanction, presentStep } from './present.ts';
import { assertCanBlockSiasn, assertCanReadLetter, assertCanSee, type ReferralCaller } from './policy.ts';
import {
  findReferral,
  findSanction,
  listReferralRows,
  listSteps,
  terlaporIdentity,
  updateReferral,
  type ReferralFilter,
  type ReferralRow,
} from './repository.ts';
import { listEscalationRows, listEscalationsOf } from './repository/escalations.ts';
import { storedLetterSchema } from './schemas.ts';

export async function listReferrals(db: Queryable, caller: ReferralCaller, filter: ReferralFilter, now: Date) {
  // The caller's scope is part of the query's WHERE clause (referralScopeClause).
  const { rows, total } = await listReferralRows(db, caller.actor, filter, now);
  return { items: rows.map((r) => presentReferralSummary(r, now)), total };
}

export async function referralDetail(db: Queryable, caller: ReferralCaller, id: string, now: Date) {
  const row = await findReferral(db, id);
  assertCanSee(caller, row);
  return presentDetail(db, caller, row, now);
}

export async function presentDetail(db: Queryable, caller: ReferralCaller, row: ReferralRow, now: Date) {
  const steps = (await listSteps(db, row.id)).map((s) => presentStep(s, now));
  const open = steps.filter((s) => !s.doneAt && s.dueAt).sort((a, b) => (a.dueAt! < b.dueAt! ? -1 : 1))[0];
  const summary = presentReferralSummary(
    { ...row, next_step: open?.step ?? null, next_due: open?.dueAt ? new Date(open.dueAt) : null, next_due_local: open?.dueLocal ?? null },
    now,
  );
  const identity = caller.showIdentity ? await terlaporIdentity(db, row.terlapor_id) : null;
  return {
    ...summary,
    terlapor: { ...summary.terlapor, ...(identity ? { name: identity.name, nip: identity.nip } : {}) },
    steps,
    sanction: presentSanction(await findSanction(db, row.id)),
    escalations: (await listEscalationsOf(db, row.id)).map((e) => ({
      id: e.id,
      step: e.step,
      recipients: e.recipients,
      message: e.message,
      createdAt: new Date(e.created_at).toISOString(),
    })),
    validSanctions: validSanctionKeys({
      subjectType: row.subject_type,
      authority: row.authority,
      track: row.proposed_track as SkbTrack | null,
    }).map((key) => ({ key, label: referralSanctionByKey(key)?.label ?? key })),
    conflictRegionCode: row.conflict_region_code,
  };
}

export async function referralLetter(db: Queryable, caller: ReferralCaller, id: string): Promise<ReferralLetter> {
  const row = await findReferral(db, id);
  assertCanReadLetter(caller, row);
  // The letter is stored as built at recommendation time (jsonb), read through its declared shape.
  return { referralId: row.id, caseId: row.case_id, state: row.state, ...storedLetterSchema.parse(row.letter) };
}

/** The recommendation letter as a PDF, dated in the forwarding office's zone. */
export async function referralLetterPdf(db: Queryable, caller: ReferralCaller, id: string, now: Date) {
  const letter = await referralLetter(db, caller, id);
  return renderDocument(buildRecommendationLetter(letter, formatForRegion(now, letter.from.officeCode), now));
}

/** BKN blocks the ASN's personnel data in SIASN while the PPK has not acted (Peraturan BKN 1/2023). */
export async function blockSiasn(db: Db, caller: ReferralCaller, id: string, reason: string, now: Date) {
  const initial = await findReferral(db, id);
  assertCanBlockSiasn(caller, initial);
  await db.transaction(async (tx) => {
    const row = (await findReferral(tx, id, true))!;
    if (!canBlockSiasn({ authority: row.authority, state: row.state, siasnBlocked: row.siasn_blocked })) {
      throw new AppError(
        'invalid_state_transition',
        {
          id: 'Blokir SIASN hanya dapat dilakukan selama PPK belum menindaklanjuti rekomendasi.',
          en: 'A SIASN block is only possible while the PPK has not acted on the referral.',
        },
        { field: 'state', details: { state: row.state, siasnBlocked: row.siasn_blocked } },
      );
    }
    await updateReferral(tx, id, { siasn_blocked: true, siasn_blocked_at: now, updated_at: now });
    await appendAudit(tx, {
      actor: caller.audit,
      action: 'referral.siasn_blocked',
      entityType: 'referral',
      entityId: id,
      regionCode: row.office_code,
      at: now,
      data: { caseId: row.case_id, reason },
    });
  });
  return presentDetail(db, caller, (await findReferral(db, id))!, now);
}

export async function listEscalations(db: Queryable, caller: ReferralCaller, limit: number, offset: number) {
  // The caller's scope is part of the query's WHERE clause; every list answers { items, total } (issue 12).
  const { rows, total } = await listEscalationRows(db, caller.actor, limit, offset);
  return {
    total,
    items: rows.map((e) => ({
      id: e.id,
      referralId: e.referral_id,
      recommendationNumber: e.recommendation_number,
      authority: e.authority,
      officeCode: e.office_code,
      step: e.step,
      dueAt: e.due_at ? new Date(e.due_at).toISOString() : null,
      resolvedAt: e.done_at ? new Date(e.done_at).toISOString() : null,
      recipients: e.recipients,
      message: e.message,
      createdAt: new Date(e.created_at).toISOString(),
    })),
  };
}
