import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  computeRiskIndex,
  riskCategory,
  checkRiskWeights,
  DEFAULT_RISK_WEIGHTS,
  RISK_COMPONENTS,
  RISK_COMPONENT_KEYS,
  type RiskInput,
  type RiskLevel,
} from '../../src/domain/risk/index.ts';

const src = (value: number, source = 'uji') => ({ value, source });

describe('risk index: category thresholds (IKP 2024)', () => {
  const cases: [RiskLevel, number, string][] = [
    ['provinsi', 100, 'tinggi'],
    ['provinsi', 68.5, 'tinggi'],
    ['provinsi', 68.49, 'sedang'],
    ['provinsi', 21.7, 'sedang'],
    ['provinsi', 21.69, 'rendah'],
    ['provinsi', 0, 'rendah'],
    ['kabupaten_kota', 49.33, 'tinggi'],
    ['kabupaten_kota', 49.32, 'sedang'],
    ['kabupaten_kota', 13.47, 'sedang'],
    ['kabupaten_kota', 13.46, 'rendah'],
    ['kabupaten_kota', 13.465, 'rendah'],
    ['kabupaten_kota', 100, 'tinggi'],
  ];
  for (const [level, score, expected] of cases) {
    test(`${level} ${score} → ${expected}`, () => assert.equal(riskCategory(level, score), expected));
  }
});

describe('risk index: components', () => {
  test('default weights are published with a rationale and sum to 1', () => {
    const sum = Object.values(DEFAULT_RISK_WEIGHTS).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) < 1e-9, `sum ${sum}`);
    for (const c of RISK_COMPONENTS) {
      assert.ok(c.rationale.length > 20);
      assert.ok(c.normalization.length > 5);
    }
    assert.deepEqual(
      RISK_COMPONENTS.map((c) => c.key),
      [...RISK_COMPONENT_KEYS],
    );
  });

  const full: RiskInput = {
    regionCode: '16.02',
    level: 'kabupaten_kota',
    ikpScore: src(60, 'IKP 2024'),
    pastCases: src(10, 'Pilkada 2020'),
    liveCases: src(4, 'Netra'),
    mediaLeads: src(20, 'leads'),
    pledgeSignatories: src(2500, 'Netra'),
    asnHeadcount: src(10_000, 'BKN'),
    incumbentRunning: { value: true, source: 'paslon' },
    votersWithoutEktpPercent: src(5, 'Disdukcapil'),
    candidatePairs: src(2, 'paslon'),
  };

  const table: { name: string; key: string; value: number; normalized: number }[] = [
    { name: 'IKP score / 100', key: 'ikp', value: 60, normalized: 0.6 },
    { name: 'past cases per 1,000 ASN / 2', key: 'past_cases', value: 1, normalized: 0.5 },
    { name: 'live cases per 1,000 ASN / 2', key: 'live_cases', value: 0.4, normalized: 0.2 },
    { name: 'media leads / 20', key: 'media_leads', value: 20, normalized: 1 },
    { name: 'pledge gap = 1 − coverage', key: 'pledge_gap', value: 25, normalized: 0.75 },
    { name: 'incumbent yes → 1', key: 'incumbent', value: 1, normalized: 1 },
    { name: 'e-KTP 5% / 10%', key: 'voters_without_ektp', value: 5, normalized: 0.5 },
    { name: 'two pairs → 1', key: 'candidate_pairs', value: 2, normalized: 1 },
  ];
  const result = computeRiskIndex(full);
  for (const row of table) {
    test(row.name, () => {
      const c = result.components.find((x) => x.key === row.key)!;
      assert.ok(c, `component ${row.key}`);
      assert.equal(c.value, row.value);
      assert.equal(c.normalized, row.normalized);
      assert.equal(c.weight, DEFAULT_RISK_WEIGHTS[row.key as keyof typeof DEFAULT_RISK_WEIGHTS]);
      assert.equal(c.contribution, Math.round(row.normalized * c.weight * 100 * 100) / 100);
      assert.ok(c.source.length > 0);
    });
  }

  test('score is the sum of contributions, with the category', () => {
    // 0.6*.3 + 0.5*.15 + 0.2*.2 + 1*.1 + .75*.05 + 1*.1 + .5*.05 + 1*.05 = 0.6075
    assert.equal(result.score, 60.75);
    assert.equal(result.category, 'tinggi');
    assert.deepEqual(result.missing, []);
    assert.equal(result.renormalized, false);
    const sum = result.components.reduce((s, c) => s + c.contribution, 0);
    assert.ok(Math.abs(sum - result.score!) < 0.05);
    // Sorted by contribution, largest first.
    assert.equal(result.components[0].key, 'ikp');
  });

  test('values saturate at 1 and counts without ASN headcount use the per-level cap', () => {
    const r = computeRiskIndex({ regionCode: '16', level: 'provinsi', liveCases: src(300), ikpScore: src(150) });
    assert.equal(r.components.find((c) => c.key === 'live_cases')!.normalized, 1);
    assert.equal(r.components.find((c) => c.key === 'ikp')!.normalized, 1);
    const k = computeRiskIndex({ regionCode: '16.02', level: 'kabupaten_kota', liveCases: src(5) });
    assert.equal(k.components[0].normalized, 0.25);
    assert.match(k.components[0].note!, /Jumlah ASN tidak tersedia/);
  });

  test('contest shapes: 1 pair 0.75, 2 pairs 1, 3+ pairs 0.5', () => {
    for (const [pairs, expected] of [
      [1, 0.75],
      [2, 1],
      [3, 0.5],
      [5, 0.5],
    ] as const) {
      const r = computeRiskIndex({ regionCode: '16.02', level: 'kabupaten_kota', candidatePairs: src(pairs) });
      assert.equal(r.components[0].normalized, expected);
    }
  });
});

describe('risk index: missing inputs', () => {
  test('missing components are excluded and weights renormalised, and the output says so', () => {
    const r = computeRiskIndex({ regionCode: '16.02', level: 'kabupaten_kota', ikpScore: src(50), liveCases: src(10) });
    assert.deepEqual(
      r.missing.sort(),
      ['candidate_pairs', 'incumbent', 'media_leads', 'past_cases', 'pledge_gap', 'voters_without_ektp'].sort(),
    );
    assert.equal(r.renormalized, true);
    const ikp = r.components.find((c) => c.key === 'ikp')!;
    const live = r.components.find((c) => c.key === 'live_cases')!;
    assert.equal(ikp.weight, 0.6); // 0.30 / 0.50
    assert.equal(live.weight, 0.4); // 0.20 / 0.50
    assert.equal(r.score, 50); // 0.5*0.6 + 0.5*0.4
    assert.equal(r.category, 'tinggi'); // kab/kota: ≥ 49.33
    assert.match(r.note.id, /dinormalkan ulang/);
    assert.match(r.note.en, /renormalised/);
    assert.ok(r.missingNotes.media_leads);
  });

  test('the data layer can explain why a component is missing (leads table absent)', () => {
    const r = computeRiskIndex({
      regionCode: '16.02',
      level: 'kabupaten_kota',
      ikpScore: src(10),
      notes: { media_leads: 'tabel leads belum ada' },
    });
    assert.equal(r.missingNotes.media_leads, 'tabel leads belum ada');
  });

  test('no data at all → no score and no category', () => {
    const r = computeRiskIndex({ regionCode: '16.02', level: 'kabupaten_kota' });
    assert.equal(r.score, null);
    assert.equal(r.category, null);
    assert.equal(r.missing.length, RISK_COMPONENT_KEYS.length);
  });

  test('pledge gap needs the ASN headcount', () => {
    const r = computeRiskIndex({ regionCode: '16.02', level: 'kabupaten_kota', pledgeSignatories: src(100), ikpScore: src(20) });
    assert.ok(r.missing.includes('pledge_gap'));
  });

  test('weight 0 switches a component off without reporting it missing', () => {
    const r = computeRiskIndex({ regionCode: '16', level: 'provinsi', ikpScore: src(80) }, { ...DEFAULT_RISK_WEIGHTS, media_leads: 0 });
    assert.ok(!r.missing.includes('media_leads'));
    assert.equal(r.score, 80);
    assert.equal(r.category, 'tinggi');
  });

  test('weights are checked', () => {
    assert.equal(checkRiskWeights({ ikp: 0.5 }), null);
    assert.match(checkRiskWeights({ ikp: -1 })!, /between 0 and 1/);
    assert.match(checkRiskWeights({ nope: 0.1 })!, /unknown/);
  });
});

test('no category from a sliver of the inputs: below 40% of the weight with data the score is provisional', async () => {
  const { computeRiskIndex, MIN_WEIGHT_WITH_DATA } = await import('../../src/domain/risk/index.ts');
  assert.equal(MIN_WEIGHT_WITH_DATA, 0.4);
  const thin = computeRiskIndex({ regionCode: '16.02', level: 'kabupaten_kota', liveCases: { count: 3, source: 'Netra' } } as never);
  assert.equal(thin.category, null);
  assert.match(thin.note.id, /Data belum cukup/);
});
