// Issue 12: the web app's form limits come from src/contracts/limits.ts, and the server's request
// schemas enforce exactly those numbers (so a form never lets through what the server refuses).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LEAD_LIMITS, REFERRAL_LIMITS } from '../../src/contracts/limits.ts';
import { dismissBody, leadSourceCreate, manualLeadBody } from '../../src/server/modules/leads/schemas.ts';
import { noteBody, sanctionBody, siasnBlockBody } from '../../src/server/modules/referrals/schemas.ts';

const chars = (n: number) => 'a'.repeat(n);

test('lead forms: the server accepts each limit and refuses one past it', () => {
  const source = (name: string) => leadSourceCreate.safeParse({ kind: 'push', name }).success;
  assert.equal(source(chars(LEAD_LIMITS.sourceName.min)), true);
  assert.equal(source(chars(LEAD_LIMITS.sourceName.min - 1)), false);
  assert.equal(source(chars(LEAD_LIMITS.sourceName.max)), true);
  assert.equal(source(chars(LEAD_LIMITS.sourceName.max + 1)), false);
  assert.equal(leadSourceCreate.parse({ kind: 'push', name: 'Pemindai' }).pollMinutes, LEAD_LIMITS.pollMinutes.default);
  assert.equal(leadSourceCreate.safeParse({ kind: 'push', name: 'Pemindai', pollMinutes: LEAD_LIMITS.pollMinutes.min - 1 }).success, false);
  assert.equal(manualLeadBody.safeParse({ text: chars(LEAD_LIMITS.manualText.min) }).success, true);
  assert.equal(manualLeadBody.safeParse({ text: chars(LEAD_LIMITS.manualText.min - 1) }).success, false);
  assert.equal(dismissBody.safeParse({ reason: chars(LEAD_LIMITS.dismissReason.max + 1) }).success, false);
});

test('referral forms: note, sanction, decree number and SIASN-block reason limits', () => {
  assert.equal(siasnBlockBody.safeParse({ reason: chars(REFERRAL_LIMITS.siasnBlockReason.min) }).success, true);
  assert.equal(siasnBlockBody.safeParse({ reason: chars(REFERRAL_LIMITS.siasnBlockReason.min - 1) }).success, false);
  assert.equal(noteBody.safeParse({ note: chars(REFERRAL_LIMITS.note.max) }).success, true);
  assert.equal(noteBody.safeParse({ note: chars(REFERRAL_LIMITS.note.max + 1) }).success, false);
  const sanction = { sanction: 'x', decreeNumber: '1', decreeDate: '2024-10-10' };
  assert.equal(sanctionBody.safeParse({ ...sanction, sanction: chars(REFERRAL_LIMITS.sanction.max + 1) }).success, false);
  assert.equal(sanctionBody.safeParse({ ...sanction, decreeNumber: chars(REFERRAL_LIMITS.decreeNumber.max + 1) }).success, false);
  assert.equal(sanctionBody.safeParse(sanction).success, true);
});
