import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  ALL_SANCTIONS,
  CLASSIFICATIONS,
  DESA_SANCTIONS,
  MEDIA_ACTS,
  MORAL_SANCTIONS,
  NEUTRALITY_ACTS,
  PELAPOR_CATALOGUE,
  PILKADA_2024_STAGES,
  PP94_PENALTIES,
  ROUTING_RULES,
  SKB_CATALOGUE,
  SKB_DISIPLIN,
  SKB_KODE_ETIK,
  SUBJECT_TYPES,
  SUBJECT_TYPE_CATALOGUE,
  UU_PILKADA_CATALOGUE,
  VIOLATION_CLASSIFICATIONS,
  catalogueItemsForMediaAct,
  checkPelaporCategory,
  isAsnSubject,
  levelOfRegionCode,
  routeReferral,
  sanctionTrackFor,
  type ReferralAuthority,
  type SubjectType,
  type ViolationClassification,
} from '../../src/domain/catalogues/index.ts';
import { DEADLINE_RULES } from '../../src/domain/legal-clock/index.ts';
import { toUtcInstant } from '../../src/domain/time/index.ts';

describe('subjects, pelapor and classifications', () => {
  test('subject types and ASN status', () => {
    assert.deepEqual(
      [...SUBJECT_TYPES],
      ['PNS', 'PPPK', 'kepala_desa', 'perangkat_desa', 'camat', 'lurah', 'TNI', 'Polri', 'penjabat_kepala_daerah', 'honorer', 'lainnya'],
    );
    const asn = SUBJECT_TYPES.filter(isAsnSubject);
    assert.deepEqual(asn, ['PNS', 'PPPK', 'camat', 'lurah', 'penjabat_kepala_daerah']);
    for (const s of SUBJECT_TYPE_CATALOGUE) assert.ok(s.label && s.labelEn && s.source, s.id);
  });
  test('pelapor categories: pemantau needs accreditation, peserta acts through its team', () => {
    assert.deepEqual(
      PELAPOR_CATALOGUE.map((p) => p.id),
      ['pemilih', 'pemantau', 'peserta'],
    );
    assert.deepEqual(checkPelaporCategory({ category: 'pemantau' }), ['ACCREDITATION_NUMBER_REQUIRED']);
    assert.deepEqual(checkPelaporCategory({ category: 'pemantau', accreditationNumber: '12/PP.02.2-Kpt/3204/2024' }), []);
    assert.deepEqual(checkPelaporCategory({ category: 'peserta' }), ['PESERTA_REPRESENTATIVE_REQUIRED']);
    assert.deepEqual(checkPelaporCategory({ category: 'peserta', campaignTeamName: 'Tim Kampanye Paslon 1' }), []);
    assert.deepEqual(checkPelaporCategory({ category: 'pemilih' }), []);
  });
  test('classifications', () => {
    assert.deepEqual(
      [...VIOLATION_CLASSIFICATIONS],
      ['administrasi', 'kode_etik_penyelenggara', 'pidana', 'peraturan_lainnya', 'bukan_pelanggaran'],
    );
    for (const c of CLASSIFICATIONS) assert.ok(c.source.length > 0);
  });
});

describe('sanctions', () => {
  test('PP 94/2021 penalties by level', () => {
    const byLevel = (level: string) => PP94_PENALTIES.filter((p) => p.level === level).map((p) => p.id);
    assert.deepEqual(byLevel('ringan'), ['teguran_lisan', 'teguran_tertulis', 'pernyataan_tidak_puas']);
    assert.deepEqual(byLevel('sedang'), ['potongan_tukin_25_6_bulan', 'potongan_tukin_25_9_bulan', 'potongan_tukin_25_12_bulan']);
    assert.deepEqual(byLevel('berat'), [
      'penurunan_jabatan_12_bulan',
      'pembebasan_jabatan_12_bulan',
      'pemberhentian_dengan_hormat_tidak_atas_permintaan_sendiri',
    ]);
  });
  test('moral, desa and not-proven', () => {
    assert.deepEqual(
      MORAL_SANCTIONS.map((s) => s.id),
      ['pernyataan_terbuka', 'pernyataan_tertutup'],
    );
    assert.deepEqual(
      DESA_SANCTIONS.map((s) => s.id),
      ['teguran_lisan', 'teguran_tertulis', 'pemberhentian_sementara', 'pemberhentian'],
    );
    assert.ok(ALL_SANCTIONS.some((s) => s.id === 'tidak_terbukti'));
    assert.equal(new Set(ALL_SANCTIONS.map((s) => s.key)).size, ALL_SANCTIONS.length);
  });
});

describe('SKB 2022 catalogue', () => {
  test('7 kode etik items and 12 disiplin items with stable ids', () => {
    assert.deepEqual(
      SKB_KODE_ETIK.map((i) => i.id),
      [1, 2, 3, 4, 5, 6, 7].map((n) => `skb2022.kode_etik.${n}`),
    );
    assert.deepEqual(
      SKB_DISIPLIN.map((i) => i.id),
      Array.from({ length: 12 }, (_, n) => `skb2022.disiplin.${n + 1}`),
    );
  });
  test('disiplin levels per Lampiran II', () => {
    const levels = SKB_DISIPLIN.map((i) => i.level);
    assert.deepEqual(levels, ['berat', 'berat', 'sedang', 'berat', 'ptdh', 'berat', 'berat', 'berat', 'sedang', 'berat', 'berat', 'berat']);
    for (const item of SKB_KODE_ETIK) assert.equal(item.level, 'moral');
  });
  test('every item has texts, a source, known sanctions and media acts', () => {
    const keys = new Set(ALL_SANCTIONS.map((s) => s.key));
    for (const item of SKB_CATALOGUE) {
      assert.ok(item.text && item.textEn, item.id);
      assert.match(item.source, /SKB Netralitas ASN 2022/);
      assert.ok(item.sanctionKeys.length > 0 && item.sanctionKeys.every((k) => keys.has(k)), item.id);
      assert.ok(item.mediaActs.length > 0 && item.mediaActs.every((a) => (MEDIA_ACTS as readonly string[]).includes(a)), item.id);
    }
  });
  test('every media act except the catch-all maps to at least one catalogue entry', () => {
    for (const act of MEDIA_ACTS) {
      const inSkb = catalogueItemsForMediaAct(act).length;
      const inUu = UU_PILKADA_CATALOGUE.filter((e) => e.mediaActs.includes(act)).length;
      assert.ok(inSkb + inUu > 0, act);
    }
    assert.deepEqual(
      catalogueItemsForMediaAct('foto_bersama').map((i) => i.id),
      ['skb2022.kode_etik.5', 'skb2022.disiplin.7'],
    );
  });
  test('UU Pilkada entries: Pasal 70(1), 71(1)-(3), 188, 189', () => {
    assert.deepEqual(
      UU_PILKADA_CATALOGUE.map((e) => e.id),
      ['uu_pilkada.70_1', 'uu_pilkada.71_1', 'uu_pilkada.71_2', 'uu_pilkada.71_3', 'uu_pilkada.188', 'uu_pilkada.189'],
    );
    const p188 = UU_PILKADA_CATALOGUE.find((e) => e.id === 'uu_pilkada.188')!;
    assert.deepEqual(p188.penalty, { prisonMonths: { min: 1, max: 6 }, fineRupiah: { min: 600_000, max: 6_000_000 } });
    assert.equal(UU_PILKADA_CATALOGUE.find((e) => e.id === 'uu_pilkada.71_1')!.criminalSanctionId, 'uu_pilkada.188');
    assert.equal(UU_PILKADA_CATALOGUE.find((e) => e.id === 'uu_pilkada.70_1')!.criminalSanctionId, 'uu_pilkada.189');
  });
});

describe('SKB stage rule: sanctionTrackFor around 22 Sep 2024', () => {
  const rows: { act: string; date: string; track: string; item: string; level: string; stage: string }[] = [
    {
      act: 'kampanye_media_sosial',
      date: '2024-09-21',
      track: 'kode_etik',
      item: 'skb2022.kode_etik.2',
      level: 'moral',
      stage: 'bakal_calon',
    },
    { act: 'kampanye_media_sosial', date: '2024-09-22', track: 'disiplin', item: 'skb2022.disiplin.2', level: 'berat', stage: 'calon' },
    { act: 'alat_peraga', date: '2024-08-01', track: 'kode_etik', item: 'skb2022.kode_etik.1', level: 'moral', stage: 'bakal_calon' },
    { act: 'alat_peraga', date: '2024-10-15', track: 'disiplin', item: 'skb2022.disiplin.1', level: 'berat', stage: 'calon' },
    { act: 'foto_bersama', date: '2024-09-21', track: 'kode_etik', item: 'skb2022.kode_etik.5', level: 'moral', stage: 'bakal_calon' },
    { act: 'foto_bersama', date: '2024-11-27', track: 'disiplin', item: 'skb2022.disiplin.7', level: 'berat', stage: 'calon' },
    {
      act: 'hadir_deklarasi_kampanye',
      date: '2024-09-21',
      track: 'kode_etik',
      item: 'skb2022.kode_etik.3',
      level: 'moral',
      stage: 'bakal_calon',
    },
    { act: 'hadir_deklarasi_kampanye', date: '2024-09-23', track: 'disiplin', item: 'skb2022.disiplin.4', level: 'berat', stage: 'calon' },
    {
      act: 'interaksi_akun_pemenangan',
      date: '2024-09-01',
      track: 'kode_etik',
      item: 'skb2022.kode_etik.4',
      level: 'moral',
      stage: 'bakal_calon',
    },
    { act: 'interaksi_akun_pemenangan', date: '2024-09-22', track: 'disiplin', item: 'skb2022.disiplin.6', level: 'berat', stage: 'calon' },
    { act: 'anggota_partai', date: '2024-09-21', track: 'disiplin', item: 'skb2022.disiplin.5', level: 'ptdh', stage: 'bakal_calon' },
    { act: 'anggota_partai', date: '2024-09-22', track: 'disiplin', item: 'skb2022.disiplin.5', level: 'ptdh', stage: 'calon' },
    { act: 'tim_pemenangan', date: '2024-09-21', track: 'disiplin', item: 'skb2022.disiplin.9', level: 'sedang', stage: 'bakal_calon' },
    { act: 'tim_pemenangan', date: '2024-09-22', track: 'disiplin', item: 'skb2022.disiplin.10', level: 'berat', stage: 'calon' },
    // Catalogue item ids are accepted too and resolve to their act.
    { act: 'skb2022.kode_etik.2', date: '2024-09-25', track: 'disiplin', item: 'skb2022.disiplin.2', level: 'berat', stage: 'calon' },
    {
      act: 'skb2022.disiplin.1',
      date: '2024-09-20',
      track: 'kode_etik',
      item: 'skb2022.kode_etik.1',
      level: 'moral',
      stage: 'bakal_calon',
    },
  ];
  for (const row of rows) {
    test(`${row.act} on ${row.date} → ${row.item}`, () => {
      const result = sanctionTrackFor(row.act, row.date, PILKADA_2024_STAGES);
      assert.equal(result.track, row.track);
      assert.equal(result.item.id, row.item);
      assert.equal(result.level, row.level);
      assert.equal(result.stage, row.stage);
      assert.equal(result.candidateDeterminationDate, '2024-09-22');
      assert.ok(result.sanctions.length > 0);
    });
  }
  test('kode etik track proposes the moral sanctions; party membership PTDH', () => {
    assert.deepEqual(
      sanctionTrackFor('alat_peraga', '2024-09-01', PILKADA_2024_STAGES).sanctions.map((s) => s.key),
      ['moral.pernyataan_terbuka', 'moral.pernyataan_tertutup'],
    );
    assert.deepEqual(
      sanctionTrackFor('anggota_partai', '2024-01-01', PILKADA_2024_STAGES).sanctions.map((s) => s.key),
      ['uu_asn.pemberhentian_tidak_dengan_hormat'],
    );
  });
  test('a Date event is read in the election region zone (21 Sep 23:30 WIB = 22 Sep 01:30 WIT)', () => {
    const instant = toUtcInstant('2024-09-21', '23:30', 'WIB');
    assert.equal(sanctionTrackFor('alat_peraga', instant, { ...PILKADA_2024_STAGES, regionCode: '32.04' }).track, 'kode_etik');
    assert.equal(sanctionTrackFor('alat_peraga', instant, { ...PILKADA_2024_STAGES, regionCode: '91.71' }).track, 'disiplin');
  });
  test('stages come from the election passed in', () => {
    const pilkada2029 = { stages: [{ code: 'penetapan_paslon', startsOn: '2029-09-20' }] };
    assert.equal(sanctionTrackFor('alat_peraga', '2029-09-19', pilkada2029).track, 'kode_etik');
    assert.equal(sanctionTrackFor('alat_peraga', '2029-09-20', pilkada2029).track, 'disiplin');
    assert.throws(() => sanctionTrackFor('alat_peraga', '2029-09-20', { stages: [] }), /no candidate-determination stage/);
    assert.throws(() => sanctionTrackFor('tidak_ada', '2029-09-20', pilkada2029), /unknown act/);
  });
  test('every neutrality act resolves to catalogue items', () => {
    const ids = new Set(SKB_CATALOGUE.map((i) => i.id));
    for (const act of NEUTRALITY_ACTS) assert.ok(ids.has(act.before) && ids.has(act.onOrAfter), act.id);
  });
});

describe('routing: every subject type × classification, before and after 24 Aug 2024', () => {
  const ASN: SubjectType[] = ['PNS', 'PPPK', 'camat', 'lurah', 'penjabat_kepala_daerah'];
  function expected(classification: ViolationClassification, subject: SubjectType, after: boolean): ReferralAuthority {
    switch (classification) {
      case 'pidana':
        return 'GAKKUMDU';
      case 'administrasi':
        return 'KPU';
      case 'kode_etik_penyelenggara':
        return 'DKPP';
      case 'bukan_pelanggaran':
        return 'TIDAK_ADA';
      case 'peraturan_lainnya':
        if (ASN.includes(subject)) return after ? 'BKN' : 'KASN';
        if (subject === 'kepala_desa' || subject === 'perangkat_desa') return 'BUPATI_WALIKOTA';
        if (subject === 'honorer') return 'PPK_DAERAH';
        if (subject === 'TNI') return 'TNI';
        if (subject === 'Polri') return 'POLRI';
        return 'INSTANSI_BERWENANG';
    }
  }
  const dates: { label: string; decidedAt: string | Date; after: boolean }[] = [
    { label: '24 Aug 2024', decidedAt: '2024-08-24', after: false },
    { label: '25 Aug 2024', decidedAt: '2024-08-25', after: true },
  ];
  for (const classification of VIOLATION_CLASSIFICATIONS) {
    for (const subjectType of SUBJECT_TYPES) {
      for (const { label, decidedAt, after } of dates) {
        test(`${classification} × ${subjectType} × ${label}`, () => {
          const route = routeReferral({ classification, subjectType, decidedAt, regionCode: '32.04' });
          assert.equal(route.authority, expected(classification, subjectType, after));
          assert.ok(route.source.length > 0);
        });
      }
    }
  }
  test('deadline rules attached to routes exist in the legal clock', () => {
    const ruleIds = new Set(DEADLINE_RULES.map((r) => r.id));
    for (const rule of ROUTING_RULES) if (rule.deadlineRuleId) assert.ok(ruleIds.has(rule.deadlineRuleId), rule.id);
  });
  test('pidana → Gakkumdu within 1×24 jam (Pasal 135(2))', () => {
    const route = routeReferral({
      classification: 'pidana',
      subjectType: 'kepala_desa',
      decidedAt: '2024-11-01',
      regionCode: '32.04.01.2001',
    });
    assert.equal(route.deadlineRuleId, 'pidana.penerusan_gakkumdu');
    assert.match(route.source, /Pasal 135 ayat \(1\) huruf d dan ayat \(2\)/);
    assert.equal(route.level, 'kabupaten');
  });
  test('BKN route cites SE MenPANRB 4/2024 and starts the BKN verification clock', () => {
    const route = routeReferral({ classification: 'peraturan_lainnya', subjectType: 'PNS', decidedAt: '2024-10-01' });
    assert.match(route.source, /SE MenPANRB 4\/2024/);
    assert.equal(route.deadlineRuleId, 'bkn.verifikasi');
    assert.equal(route.level, 'pusat');
  });
  test('a Date decision is read in the region zone: 24 Aug 23:30 WIB is 25 Aug in WIT', () => {
    const instant = toUtcInstant('2024-08-24', '23:30', 'WIB');
    assert.equal(
      routeReferral({ classification: 'peraturan_lainnya', subjectType: 'camat', decidedAt: instant, regionCode: '32.04' }).authority,
      'KASN',
    );
    assert.equal(
      routeReferral({ classification: 'peraturan_lainnya', subjectType: 'camat', decidedAt: instant, regionCode: '91.71' }).authority,
      'BKN',
    );
  });
  test('administrasi → KPU of the level; 7-day rule only before MK 104/2025', () => {
    const before = routeReferral({ classification: 'administrasi', subjectType: 'lainnya', decidedAt: '2025-07-29', regionCode: '73' });
    assert.equal(before.level, 'provinsi');
    assert.equal(before.deadlineRuleId, 'kpu.pemeriksaan_rekomendasi');
    const after = routeReferral({ classification: 'administrasi', subjectType: 'lainnya', decidedAt: '2025-07-30', regionCode: '73.71' });
    assert.equal(after.level, 'kota');
    assert.equal(after.deadlineRuleId, undefined);
    assert.match(after.source, /MK 104\/PUU-XXIII\/2025/);
  });
  test('region levels', () => {
    assert.equal(levelOfRegionCode('32'), 'provinsi');
    assert.equal(levelOfRegionCode('32.04'), 'kabupaten');
    assert.equal(levelOfRegionCode('32.73'), 'kota');
  });
});
