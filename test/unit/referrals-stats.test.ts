import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { complianceFigures, groupFigures, median, type StatReferral } from '../../src/domain/referrals/stats.ts';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const now = d('2024-12-01');

function ref(partial: Partial<StatReferral>): StatReferral {
  return {
    authority: 'BKN',
    regionCode: '16.02',
    state: 'direkomendasikan',
    recommendedAt: d('2024-10-01'),
    decidedAt: null,
    steps: [],
    ...partial,
  };
}

describe('median', () => {
  const rows: [number[], number | null][] = [
    [[], null],
    [[5], 5],
    [[1, 9, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ];
  for (const [values, expected] of rows) test(`${JSON.stringify(values)} → ${expected}`, () => assert.equal(median(values), expected));
});

describe('compliance figures', () => {
  test('empty → rates null, not zero', () => {
    const f = complianceFigures([], now);
    assert.equal(f.complianceRate, null);
    assert.equal(f.onTimeRate, null);
    assert.equal(f.medianDaysToSanction, null);
  });

  test('decided ÷ due; not-yet-due referrals are not counted; open overdue steps count as late', () => {
    const rows: StatReferral[] = [
      // Decided on time after 10 days.
      ref({
        state: 'diputus',
        decidedAt: d('2024-10-11'),
        steps: [
          { dueAt: d('2024-10-08'), doneAt: d('2024-10-05') },
          { dueAt: d('2024-10-25'), doneAt: d('2024-10-11') },
        ],
      }),
      // Sanction applied, decided late after 30 days.
      ref({ state: 'sanksi_dilaksanakan', decidedAt: d('2024-10-31'), steps: [{ dueAt: d('2024-10-08'), doneAt: d('2024-10-20') }] }),
      // Open and overdue: due but not decided.
      ref({
        state: 'diteruskan_ppk',
        steps: [
          { dueAt: d('2024-10-08'), doneAt: d('2024-10-07') },
          { dueAt: d('2024-11-10'), doneAt: null },
        ],
      }),
      // Open, still within its deadline: not due.
      ref({ state: 'direkomendasikan', recommendedAt: d('2024-11-28'), steps: [{ dueAt: d('2024-12-05'), doneAt: null }] }),
      // Not proven: decided, but no sanction days.
      ref({ state: 'tidak_terbukti', decidedAt: d('2024-10-03'), steps: [{ dueAt: null, doneAt: d('2024-10-03') }] }),
    ];
    const f = complianceFigures(rows, now);
    assert.equal(f.referrals, 5);
    assert.equal(f.due, 4);
    assert.equal(f.decided, 3);
    assert.equal(f.complianceRate, 0.75);
    assert.equal(f.sanctioned, 2);
    assert.equal(f.sanctionApplied, 1);
    assert.equal(f.notProven, 1);
    assert.equal(f.medianDaysToSanction, 20);
    // Judged steps: 3 done on time, 1 done late, 1 open overdue (the step due 5 Dec is not judged).
    assert.equal(f.stepsJudged, 5);
    assert.equal(f.stepsOnTime, 3);
    assert.equal(f.onTimeRate, 0.6);
    assert.equal(f.overdueOpen, 1);
  });

  test('a step done exactly at its due instant is on time', () => {
    const f = complianceFigures([ref({ steps: [{ dueAt: d('2024-10-08'), doneAt: d('2024-10-08') }] })], now);
    assert.equal(f.onTimeRate, 1);
  });

  test('grouped per authority and region, sorted by key', () => {
    const rows = [
      ref({ authority: 'BKN', regionCode: '16.71' }),
      ref({ authority: 'BUPATI_WALIKOTA', regionCode: '16.02' }),
      ref({ authority: 'BKN', regionCode: '16.02' }),
    ];
    assert.deepEqual(
      groupFigures(rows, (r) => r.authority, now).map((g) => [g.key, g.figures.referrals]),
      [
        ['BKN', 2],
        ['BUPATI_WALIKOTA', 1],
      ],
    );
    assert.deepEqual(
      groupFigures(rows, (r) => r.regionCode, now).map((g) => [g.key, g.figures.referrals]),
      [
        ['16.02', 2],
        ['16.71', 1],
      ],
    );
  });
});
