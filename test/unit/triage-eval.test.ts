import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readProvinces, readRegencies } from '../../src/server/reference/idnArea.ts';
import { buildGazetteer } from '../../src/domain/triage/index.ts';
import { evaluateSystems, loadEvalSets } from '../../scripts/eval-triage.ts';

// Computed on the labelled sets, not hard-coded: Netra must beat the keyword baseline by a
// clear margin on every field, on all items and on the hold-out split alone.
test('Netra beats the keyword baseline on the eval set', () => {
  const gazetteer = buildGazetteer([...readProvinces(), ...readRegencies()]);
  const results = evaluateSystems(loadEvalSets(), gazetteer);
  for (const split of ['all', 'holdout']) {
    const result = results.get(split);
    assert.ok(result, split);
    const { netra, baseline } = result;
    for (const field of ['relevance', 'regions', 'actors', 'acts', 'numbers'] as const) {
      assert.ok(
        netra[field].f1 >= baseline[field].f1 + 0.1,
        `${split} ${field}: Netra ${netra[field].f1.toFixed(3)} vs baseline ${baseline[field].f1.toFixed(3)}`,
      );
    }
    assert.ok(netra.kindAccuracy >= baseline.kindAccuracy + 0.2, `${split} kind`);
    assert.ok(netra.dateAccuracy >= baseline.dateAccuracy + 0.2, `${split} date`);
  }
});
