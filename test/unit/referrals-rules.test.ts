import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { planTransition, canBlockSiasn, type ReferralState, type ReferralStep } from '../../src/domain/referrals/states.ts';
import { checkDecreeDate, isLighterThanProposed, isValidSanction, validSanctionKeys } from '../../src/domain/referrals/sanctions.ts';
import { canReportStep, canSeeReferral, type ReferralActor, type ReferralFacts } from '../../src/domain/referrals/access.ts';
import { hasConflictOfInterest, ppkContestRegion } from '../../src/domain/referrals/conflict.ts';
import { escalationRecipients, needsEscalation } from '../../src/domain/referrals/escalation.ts';

describe('referral state machine', () => {
  const rows: [string, ReferralState, ReferralStep, 'sanction' | 'not_proven', ReferralState | string][] = [
    ['BKN', 'direkomendasikan', 'verified', 'sanction', 'diverifikasi'],
    ['BKN', 'diverifikasi', 'forwarded_to_ppk', 'sanction', 'diteruskan_ppk'],
    ['BKN', 'diteruskan_ppk', 'sanction', 'sanction', 'diputus'],
    ['BKN', 'diteruskan_ppk', 'sanction', 'not_proven', 'tidak_terbukti'],
    ['BKN', 'diputus', 'sanction_applied', 'sanction', 'sanksi_dilaksanakan'],
    ['BKN', 'direkomendasikan', 'not_proven', 'sanction', 'tidak_terbukti'],
    ['BKN', 'direkomendasikan', 'sanction', 'sanction', 'INVALID_STATE'], // the PPK decides only after BKN forwards
    ['BKN', 'diverifikasi', 'verified', 'sanction', 'INVALID_STATE'],
    ['BKN', 'diputus', 'not_proven', 'sanction', 'INVALID_STATE'],
    ['BKN', 'direkomendasikan', 'received', 'sanction', 'STEP_NOT_FOR_AUTHORITY'],
    ['BUPATI_WALIKOTA', 'direkomendasikan', 'verified', 'sanction', 'STEP_NOT_FOR_AUTHORITY'],
    ['BUPATI_WALIKOTA', 'direkomendasikan', 'sanction', 'sanction', 'diputus'],
    ['PPK_DAERAH', 'direkomendasikan', 'not_proven', 'sanction', 'tidak_terbukti'],
    ['GAKKUMDU', 'direkomendasikan', 'received', 'sanction', 'direkomendasikan'],
    ['GAKKUMDU', 'direkomendasikan', 'sanction', 'sanction', 'diputus'],
    ['KPU', 'sanksi_dilaksanakan', 'sanction_applied', 'sanction', 'INVALID_STATE'],
  ];
  for (const [authority, from, step, outcome, expected] of rows) {
    test(`${authority}: ${from} + ${step}${outcome === 'not_proven' ? ' (tidak terbukti)' : ''} → ${expected}`, () => {
      const result = planTransition(authority, from, step, outcome);
      if (result.ok) assert.equal(result.plan.to, expected);
      else assert.equal(result.error, expected);
    });
  }
  test('forwarding to the PPK starts the PPK follow-up clock', () => {
    const r = planTransition('BKN', 'diverifikasi', 'forwarded_to_ppk');
    assert.ok(r.ok && r.plan.starts.some((s) => s.step === 'tindak_lanjut_ppk' && s.ruleId === 'ppk.tindak_lanjut'));
  });
  test('SIASN block only for ASN referrals the PPK has not acted on', () => {
    assert.equal(canBlockSiasn({ authority: 'BKN', state: 'diteruskan_ppk', siasnBlocked: false }), true);
    assert.equal(canBlockSiasn({ authority: 'BKN', state: 'diteruskan_ppk', siasnBlocked: true }), false);
    assert.equal(canBlockSiasn({ authority: 'BKN', state: 'diputus', siasnBlocked: false }), false);
    assert.equal(canBlockSiasn({ authority: 'BKN', state: 'direkomendasikan', siasnBlocked: false }), false);
    assert.equal(canBlockSiasn({ authority: 'BUPATI_WALIKOTA', state: 'direkomendasikan', siasnBlocked: false }), false);
  });
});

describe('sanction validity by subject and track', () => {
  const rows: { subject: string; authority: string; track: 'kode_etik' | 'disiplin' | null; key: string; valid: boolean }[] = [
    { subject: 'PNS', authority: 'BKN', track: 'disiplin', key: 'pp94.penurunan_jabatan_12_bulan', valid: true },
    { subject: 'PNS', authority: 'BKN', track: 'disiplin', key: 'pp94.teguran_lisan', valid: true },
    { subject: 'PNS', authority: 'BKN', track: 'disiplin', key: 'uu_asn.pemberhentian_tidak_dengan_hormat', valid: true },
    { subject: 'PNS', authority: 'BKN', track: 'disiplin', key: 'moral.pernyataan_terbuka', valid: false },
    { subject: 'PNS', authority: 'BKN', track: 'kode_etik', key: 'moral.pernyataan_tertutup', valid: true },
    { subject: 'PNS', authority: 'BKN', track: 'kode_etik', key: 'pp94.potongan_tukin_25_6_bulan', valid: false },
    { subject: 'PNS', authority: 'BKN', track: null, key: 'moral.pernyataan_terbuka', valid: true },
    { subject: 'PNS', authority: 'BKN', track: null, key: 'pp94.potongan_tukin_25_6_bulan', valid: true },
    { subject: 'PPPK', authority: 'BKN', track: 'disiplin', key: 'pp94.pembebasan_jabatan_12_bulan', valid: true },
    { subject: 'camat', authority: 'BKN', track: 'disiplin', key: 'desa.pemberhentian', valid: false },
    { subject: 'PNS', authority: 'BKN', track: 'disiplin', key: 'pp94.hukuman_mati', valid: false },
    { subject: 'kepala_desa', authority: 'BUPATI_WALIKOTA', track: null, key: 'desa.pemberhentian_sementara', valid: true },
    { subject: 'perangkat_desa', authority: 'BUPATI_WALIKOTA', track: null, key: 'desa.teguran_tertulis', valid: true },
    { subject: 'kepala_desa', authority: 'BUPATI_WALIKOTA', track: null, key: 'pp94.teguran_lisan', valid: false },
    { subject: 'honorer', authority: 'PPK_DAERAH', track: null, key: 'honorer.pemutusan_hubungan_kerja', valid: true },
    { subject: 'honorer', authority: 'PPK_DAERAH', track: null, key: 'pp94.teguran_lisan', valid: false },
    { subject: 'TNI', authority: 'TNI', track: null, key: 'instansi.ditindaklanjuti', valid: true },
    { subject: 'TNI', authority: 'TNI', track: null, key: 'pp94.teguran_lisan', valid: false },
    { subject: 'PNS', authority: 'GAKKUMDU', track: 'disiplin', key: 'instansi.ditindaklanjuti', valid: true },
    { subject: 'kepala_desa', authority: 'BUPATI_WALIKOTA', track: null, key: 'none.tidak_terbukti', valid: true },
  ];
  for (const row of rows) {
    test(`${row.subject} (${row.authority}, ${row.track ?? 'no track'}) × ${row.key} → ${row.valid ? 'valid' : 'invalid'}`, () => {
      assert.equal(isValidSanction({ subjectType: row.subject, authority: row.authority, track: row.track }, row.key), row.valid);
    });
  }
  test('PNS disiplin list is the nine PP 94 penalties, PTDH and not proven', () => {
    assert.equal(validSanctionKeys({ subjectType: 'PNS', authority: 'BKN', track: 'disiplin' }).length, 11);
  });
  test('lighter than proposed', () => {
    assert.equal(isLighterThanProposed('ringan', 'berat'), true);
    assert.equal(isLighterThanProposed('berat', 'berat'), false);
    assert.equal(isLighterThanProposed('moral', 'moral'), false);
    assert.equal(isLighterThanProposed('ringan', null), false);
  });
});

describe('decree date', () => {
  const rows: [string, string, string, string | null][] = [
    ['2024-10-20', '2024-10-18', '2024-11-01', null],
    ['2024-10-18', '2024-10-18', '2024-11-01', null],
    ['2024-10-17', '2024-10-18', '2024-11-01', 'BEFORE_RECOMMENDATION'],
    ['2024-11-02', '2024-10-18', '2024-11-01', 'IN_FUTURE'],
    ['2024-11-01', '2024-10-18', '2024-11-01', null],
    ['20241101', '2024-10-18', '2024-11-01', 'INVALID'],
  ];
  for (const [decree, rec, today, expected] of rows) {
    test(`decree ${decree}, recommended ${rec}, today ${today} → ${expected ?? 'ok'}`, () =>
      assert.equal(checkDecreeDate(decree, rec, today), expected));
  }
});

describe('access: (actor) × (referral) → visible / may act', () => {
  // Referrals are addressed to an instansi catalogue entry (agencyRegionCode, agencyKey).
  const bknRef: ReferralFacts = {
    authority: 'BKN',
    agencyRegionCode: '16.02',
    agencyKey: 'bapenda',
    regionCode: '16.02',
    officeCode: '16.02',
    forwardedToPpk: true,
  };
  const desaRef: ReferralFacts = {
    authority: 'BUPATI_WALIKOTA',
    agencyRegionCode: '16.02',
    agencyKey: 'pemerintah_daerah',
    regionCode: '16.02',
    officeCode: '16.02',
    forwardedToPpk: false,
  };
  const gakkumduRef: ReferralFacts = {
    authority: 'GAKKUMDU',
    agencyRegionCode: null,
    agencyKey: null,
    regionCode: '16.71',
    officeCode: '16.71',
    forwardedToPpk: false,
  };
  // Same instansi key, another kabupaten: Bapenda of Kota Palembang.
  const bknRefPlg: ReferralFacts = { ...bknRef, agencyRegionCode: '16.71', regionCode: '16.71', officeCode: '16.71' };
  // Not addressed to any regional PPK (e.g. a central ministry): BKN only.
  const bknUnaddressed: ReferralFacts = { ...bknRef, agencyRegionCode: null, agencyKey: null };
  const actors: Record<string, ReferralActor> = {
    admin: { kind: 'oversight' },
    bkn: { kind: 'bkn' },
    ppkBapenda: { kind: 'ppk', agencyKey: 'bapenda', regionCode: '16.02' },
    ppkBapendaWrongRegion: { kind: 'ppk', agencyKey: 'bapenda', regionCode: '16.71' },
    ppkBapendaProvince: { kind: 'ppk', agencyKey: 'bapenda', regionCode: '16' },
    pemkabOki: { kind: 'ppk', agencyKey: 'pemerintah_daerah', regionCode: '16.02' },
    bawasluOki: { kind: 'bawaslu', regionCode: '16.02' },
    bawasluSumsel: { kind: 'bawaslu', regionCode: '16' },
    bawasluPalembang: { kind: 'bawaslu', regionCode: '16.71' },
    gakkumdu: { kind: 'authority', authority: 'GAKKUMDU', agencyKey: null, regionCode: null },
  };
  const visible: [string, ReferralFacts, boolean][] = [
    ['admin', bknRef, true],
    ['admin', desaRef, true],
    ['bkn', bknRef, true],
    ['bkn', desaRef, false],
    ['bkn', gakkumduRef, false],
    ['ppkBapenda', bknRef, true],
    ['ppkBapenda', desaRef, false],
    ['ppkBapendaWrongRegion', bknRef, false],
    ['ppkBapenda', bknRefPlg, false],
    ['ppkBapendaWrongRegion', bknRefPlg, true],
    ['ppkBapendaProvince', bknRef, false],
    ['ppkBapenda', bknUnaddressed, false],
    ['bkn', bknUnaddressed, true],
    ['pemkabOki', desaRef, true],
    ['pemkabOki', bknRef, false],
    ['bawasluOki', bknRef, true],
    ['bawasluOki', gakkumduRef, false],
    ['bawasluSumsel', gakkumduRef, true],
    ['bawasluPalembang', bknRef, false],
    ['gakkumdu', gakkumduRef, true],
    ['gakkumdu', bknRef, false],
  ];
  for (const [name, facts, expected] of visible) {
    test(`${name} sees ${facts.authority} referral: ${expected}`, () => assert.equal(canSeeReferral(actors[name], facts), expected));
  }
  test('a PPK does not see an ASN referral before BKN forwards it', () => {
    assert.equal(canSeeReferral(actors.ppkBapenda, { ...bknRef, forwardedToPpk: false }), false);
  });
  const acts: [string, ReferralFacts, ReferralStep, boolean][] = [
    ['bkn', bknRef, 'verified', true],
    ['ppkBapenda', bknRef, 'verified', false],
    ['bkn', bknRef, 'sanction', false],
    ['ppkBapenda', bknRef, 'sanction', true],
    ['bawasluOki', bknRef, 'sanction', false],
    ['admin', bknRef, 'sanction', false],
    ['pemkabOki', desaRef, 'sanction', true],
    ['gakkumdu', gakkumduRef, 'received', true],
    ['gakkumdu', gakkumduRef, 'sanction', true],
  ];
  for (const [name, facts, step, expected] of acts) {
    test(`${name} may report ${step} on ${facts.authority}: ${expected}`, () =>
      assert.equal(canReportStep(actors[name], facts, step), expected));
  }
});

describe('conflict of interest', () => {
  const rows: [string, string, string | null, string | null][] = [
    ['BKN', 'Badan Pendapatan Daerah Kabupaten Ogan Komering Ilir', '16.02', '16.02'],
    ['BKN', 'Dinas Pendidikan Provinsi Sumatera Selatan', '16.02', '16'],
    ['BKN', 'Kementerian Agama', '16.02', null],
    ['BKN', 'Badan Pusat Statistik Nasional', '16.02', null],
    ['BUPATI_WALIKOTA', 'Pemerintah Kabupaten Ogan Komering Ilir', '16.02', '16.02'],
    ['GAKKUMDU', 'Sentra Gakkumdu', '16.02', null],
    ['BKN', 'Dinas X', null, null],
  ];
  for (const [authority, agency, region, expected] of rows) {
    test(`${authority} ${agency} → contest ${expected ?? 'none'}`, () =>
      assert.equal(ppkContestRegion({ authority, agency, regionCode: region }), expected));
  }
  test('flagged only when the contest has an incumbent pair', () => {
    assert.equal(hasConflictOfInterest('16.02', [{ regionCode: '16.02', isIncumbent: true }]), true);
    assert.equal(
      hasConflictOfInterest('16.02', [
        { regionCode: '16.02', isIncumbent: false },
        { regionCode: '16.71', isIncumbent: true },
      ]),
      false,
    );
    assert.equal(hasConflictOfInterest(null, [{ regionCode: '16.02', isIncumbent: true }]), false);
  });
});

describe('escalation decision', () => {
  const due = new Date('2024-10-17T16:59:59.999Z');
  const rows: [string, { dueAt: Date | null; doneAt: Date | null; escalated: boolean }, Date, boolean][] = [
    ['open, past due', { dueAt: due, doneAt: null, escalated: false }, new Date('2024-10-18T00:00:00Z'), true],
    ['open, exactly at due', { dueAt: due, doneAt: null, escalated: false }, due, false],
    ['already escalated', { dueAt: due, doneAt: null, escalated: true }, new Date('2024-10-18T00:00:00Z'), false],
    ['done', { dueAt: due, doneAt: new Date('2024-10-17T00:00:00Z'), escalated: false }, new Date('2024-10-18T00:00:00Z'), false],
    ['no due date', { dueAt: null, doneAt: null, escalated: false }, new Date('2030-01-01T00:00:00Z'), false],
  ];
  for (const [label, step, now, expected] of rows) test(`${label} → ${expected}`, () => assert.equal(needsEscalation(step, now), expected));
  test('recipients: BKN only for ASN referrals; always the forwarding office', () => {
    assert.deepEqual(escalationRecipients({ authority: 'BKN', officeCode: '16.02' }), ['BKN', 'BAWASLU:16.02']);
    assert.deepEqual(escalationRecipients({ authority: 'BUPATI_WALIKOTA', officeCode: '16.02' }), ['BAWASLU:16.02']);
  });
});
