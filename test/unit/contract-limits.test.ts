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

test('laporan form: pelapor, peristiwa and saksi limits are the ones the server enforces', async () => {
  const { laporanBody } = await import('../../src/server/modules/cases/schemas.ts');
  const { PELAPOR_LIMITS, PERISTIWA_LIMITS, SAKSI_LIMITS, PHONE_PATTERN } = await import('../../src/contracts/limits.ts');
  const { buildLaporanInput } = await import('../support/factories.ts');
  const base = buildLaporanInput() as unknown as {
    pelapor: Record<string, unknown>;
    peristiwa: Record<string, unknown>;
    saksi?: unknown[];
  };
  const ok = (patch: (b: typeof base) => void) => {
    const b = structuredClone(base);
    patch(b);
    return laporanBody.safeParse(b).success;
  };
  assert.equal(
    ok(() => {}),
    true,
  );
  for (const field of ['nama', 'alamat', 'pekerjaan'] as const) {
    assert.equal(
      ok((b) => {
        b.pelapor[field] = chars(PELAPOR_LIMITS[field].min);
      }),
      true,
      field,
    );
    assert.equal(
      ok((b) => {
        b.pelapor[field] = chars(PELAPOR_LIMITS[field].min - 1);
      }),
      false,
      field,
    );
    assert.equal(
      ok((b) => {
        b.pelapor[field] = chars(PELAPOR_LIMITS[field].max + 1);
      }),
      false,
      field,
    );
  }
  for (const field of ['uraian', 'tempat'] as const) {
    assert.equal(
      ok((b) => {
        b.peristiwa[field] = chars(PERISTIWA_LIMITS[field].min);
      }),
      true,
      field,
    );
    assert.equal(
      ok((b) => {
        b.peristiwa[field] = chars(PERISTIWA_LIMITS[field].min - 1);
      }),
      false,
      field,
    );
  }
  const saksi = { nama: chars(SAKSI_LIMITS.nama.min), alamat: chars(SAKSI_LIMITS.alamat.min) };
  assert.equal(
    ok((b) => {
      b.saksi = [saksi];
    }),
    true,
  );
  assert.equal(
    ok((b) => {
      b.saksi = Array.from({ length: SAKSI_LIMITS.count.max + 1 }, () => saksi);
    }),
    false,
  );
  assert.equal(
    ok((b) => {
      b.saksi = [{ ...saksi, nama: chars(SAKSI_LIMITS.nama.min - 1) }];
    }),
    false,
  );
  const phone = new RegExp(PHONE_PATTERN);
  for (const number of ['081234567890', '6281234567890', '+6281234567890']) {
    assert.equal(phone.test(number), true, number);
    assert.equal(
      ok((b) => {
        b.pelapor.telepon = number;
      }),
      true,
      number,
    );
  }
  assert.equal(
    ok((b) => {
      b.pelapor.telepon = '0212345678';
    }),
    false,
    'a landline is not a mobile number',
  );
});
