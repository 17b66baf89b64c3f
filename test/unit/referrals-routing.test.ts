import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { routeReferral } from '../../src/domain/catalogues/routing.ts';
import { SUBJECT_TYPES, type SubjectType } from '../../src/domain/catalogues/subjects.ts';
import { VIOLATION_CLASSIFICATIONS, type ViolationClassification } from '../../src/domain/catalogues/classifications.ts';
import { PILKADA_2024_STAGES } from '../../src/domain/catalogues/skb2022.ts';
import { initialStep } from '../../src/domain/referrals/states.ts';
import { proposeTrack } from '../../src/domain/referrals/proposal.ts';
import { formatRecommendationNumber, RECOMMENDATION_NUMBER_PATTERN } from '../../src/domain/referrals/numbering.ts';

// Expected authority for peraturan_lainnya by subject, before / from 25 Aug 2024.
const OTHER_LAWS: Record<SubjectType, [string, string]> = {
  PNS: ['KASN', 'BKN'],
  PPPK: ['KASN', 'BKN'],
  camat: ['KASN', 'BKN'],
  lurah: ['KASN', 'BKN'],
  penjabat_kepala_daerah: ['KASN', 'BKN'],
  kepala_desa: ['BUPATI_WALIKOTA', 'BUPATI_WALIKOTA'],
  perangkat_desa: ['BUPATI_WALIKOTA', 'BUPATI_WALIKOTA'],
  honorer: ['PPK_DAERAH', 'PPK_DAERAH'],
  TNI: ['TNI', 'TNI'],
  Polri: ['POLRI', 'POLRI'],
  lainnya: ['INSTANSI_BERWENANG', 'INSTANSI_BERWENANG'],
};
const BY_CLASSIFICATION: Partial<Record<ViolationClassification, string>> = {
  pidana: 'GAKKUMDU',
  administrasi: 'KPU',
  kode_etik_penyelenggara: 'DKPP',
  bukan_pelanggaran: 'TIDAK_ADA',
};

describe('referral routing: subject × classification × date around 24 Aug 2024', () => {
  for (const [label, date, index] of [
    ['24 Aug 2024 (KASN last day)', '2024-08-24', 0],
    ['25 Aug 2024 (BKN)', '2024-08-25', 1],
  ] as const) {
    for (const classification of VIOLATION_CLASSIFICATIONS) {
      for (const subjectType of SUBJECT_TYPES) {
        const expected = classification === 'peraturan_lainnya' ? OTHER_LAWS[subjectType][index] : BY_CLASSIFICATION[classification]!;
        test(`${classification} × ${subjectType} on ${label} → ${expected}`, () => {
          assert.equal(routeReferral({ classification, subjectType, decidedAt: date, regionCode: '16.02' }).authority, expected);
        });
      }
    }
  }
});

describe('first step and its legal clock per authority', () => {
  const rows: [string, string | null, string, string | null][] = [
    ['BKN', 'bkn.verifikasi', 'verifikasi_bkn', 'bkn.verifikasi'],
    ['KASN', null, 'verifikasi_bkn', null],
    ['BUPATI_WALIKOTA', null, 'tindak_lanjut_ppk', 'ppk.tindak_lanjut'],
    ['PPK_DAERAH', null, 'tindak_lanjut_ppk', 'ppk.tindak_lanjut'],
    ['GAKKUMDU', 'pidana.penerusan_gakkumdu', 'penerimaan_instansi', 'pidana.penerusan_gakkumdu'],
    ['KPU', 'kpu.pemeriksaan_rekomendasi', 'tindak_lanjut_instansi', 'kpu.pemeriksaan_rekomendasi'],
    ['DKPP', null, 'tindak_lanjut_instansi', null],
  ];
  for (const [authority, routeRule, step, rule] of rows) {
    test(`${authority} → ${step} (${rule ?? 'no deadline'})`, () => {
      assert.deepEqual(initialStep(authority as never, routeRule), { step, ruleId: rule });
    });
  }
});

describe('proposed track: SKB 2022 stage rule on both sides of 22 Sep 2024', () => {
  const rows: { acts: string[]; date: string; track: string | null; level: string | null; item: string | null; stage: string | null }[] = [
    {
      acts: ['kampanye_media_sosial'],
      date: '2024-09-21',
      track: 'kode_etik',
      level: 'moral',
      item: 'skb2022.kode_etik.2',
      stage: 'bakal_calon',
    },
    { acts: ['kampanye_media_sosial'], date: '2024-09-22', track: 'disiplin', level: 'berat', item: 'skb2022.disiplin.2', stage: 'calon' },
    {
      acts: ['hadir_deklarasi_kampanye'],
      date: '2024-09-21',
      track: 'kode_etik',
      level: 'moral',
      item: 'skb2022.kode_etik.3',
      stage: 'bakal_calon',
    },
    {
      acts: ['hadir_deklarasi_kampanye'],
      date: '2024-10-07',
      track: 'disiplin',
      level: 'berat',
      item: 'skb2022.disiplin.4',
      stage: 'calon',
    },
    { acts: ['tim_pemenangan'], date: '2024-09-21', track: 'disiplin', level: 'sedang', item: 'skb2022.disiplin.9', stage: 'bakal_calon' },
    { acts: ['tim_pemenangan'], date: '2024-09-22', track: 'disiplin', level: 'berat', item: 'skb2022.disiplin.10', stage: 'calon' },
    // Several acts: the heaviest is proposed (B9 sedang beats A2 moral before determination).
    {
      acts: ['kampanye_media_sosial', 'tim_pemenangan'],
      date: '2024-09-01',
      track: 'disiplin',
      level: 'sedang',
      item: 'skb2022.disiplin.9',
      stage: 'bakal_calon',
    },
    { acts: ['anggota_partai'], date: '2024-09-01', track: 'disiplin', level: 'ptdh', item: 'skb2022.disiplin.5', stage: 'bakal_calon' },
    { acts: ['tidak_dikenal'], date: '2024-10-01', track: null, level: null, item: null, stage: null },
  ];
  for (const row of rows) {
    test(`${row.acts.join('+')} on ${row.date} → ${row.item ?? 'none'}`, () => {
      const p = proposeTrack({ subjectType: 'PNS', acts: row.acts, eventDate: row.date, stages: PILKADA_2024_STAGES });
      assert.equal(p.track, row.track);
      assert.equal(p.level, row.level);
      assert.equal(p.itemId, row.item);
      assert.equal(p.stage, row.stage);
      if (row.item) assert.match(p.citation, /SKB Netralitas ASN 2022/);
    });
  }
  test('desa and honorer cite their own laws; non-ASN others propose nothing', () => {
    assert.match(
      proposeTrack({ subjectType: 'kepala_desa', acts: [], eventDate: '2024-10-01', stages: PILKADA_2024_STAGES }).citation,
      /UU 6\/2014.*Pasal 30/,
    );
    assert.match(
      proposeTrack({ subjectType: 'perangkat_desa', acts: [], eventDate: '2024-10-01', stages: PILKADA_2024_STAGES }).citation,
      /Pasal 52/,
    );
    assert.equal(
      proposeTrack({ subjectType: 'honorer', acts: [], eventDate: '2024-10-01', stages: PILKADA_2024_STAGES }).regime,
      'honorer',
    );
    assert.equal(
      proposeTrack({ subjectType: 'TNI', acts: ['foto_bersama'], eventDate: '2024-10-01', stages: PILKADA_2024_STAGES }).regime,
      'none',
    );
  });
});

test('recommendation numbers', () => {
  const n = formatRecommendationNumber({ sequence: 7, officeCode: '16.02', month: 10, year: 2024 });
  assert.equal(n, '007/PP.01.00/K.16.02/10/2024');
  assert.match(n, RECOMMENDATION_NUMBER_PATTERN);
  assert.equal(formatRecommendationNumber({ sequence: 1234, officeCode: '16', month: 1, year: 2025 }), '1234/PP.01.00/K.16/01/2025');
});
