import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildGuide } from '../../src/domain/guide/index.ts';
import { SKB_CATALOGUE, NEUTRALITY_ACTS, UU_PILKADA_CATALOGUE } from '../../src/domain/catalogues/index.ts';
import { DEADLINE_RULES } from '../../src/domain/legal-clock/rules.ts';

const guide = buildGuide();

test('the guide lists every SKB 2022 act with its sanction track and source', () => {
  assert.deepEqual(
    guide.acts.map((a) => a.id),
    SKB_CATALOGUE.map((a) => a.id),
  );
  for (const act of guide.acts) {
    assert.ok(act.source.includes('SKB'), act.id);
    assert.ok(act.sanctions.length > 0, act.id);
    assert.ok(act.trackLabel.id && act.trackLabel.en);
  }
  assert.deepEqual(
    guide.neutralityActs.map((a) => a.id),
    NEUTRALITY_ACTS.map((a) => a.id),
  );
});

test('the guide lists UU Pilkada Pasal 70/71 and 188/189', () => {
  const ids = guide.uuPilkada.map((e) => e.id);
  for (const id of UU_PILKADA_CATALOGUE.map((e) => e.id)) assert.ok(ids.includes(id), id);
  for (const id of ['uu_pilkada.70_1', 'uu_pilkada.71_1', 'uu_pilkada.188', 'uu_pilkada.189']) assert.ok(ids.includes(id), id);
});

test('the guide lists every deadline rule id with its source', () => {
  const ruleIds = new Set(guide.deadlines.map((d) => d.id));
  for (const rule of DEADLINE_RULES) assert.ok(ruleIds.has(rule.id), rule.id);
  assert.deepEqual(
    guide.deadlines.map((d) => d.versionId),
    DEADLINE_RULES.map((r) => r.versionId),
  );
  for (const d of guide.deadlines) assert.ok(d.source.length > 5 && d.length.id && d.length.en);
  assert.equal(guide.deadlines.find((d) => d.id === 'laporan.penyampaian')!.length.id, '7 hari kalender');
  assert.match(guide.deadlines.find((d) => d.id === 'laporan.putusan')!.length.id, /^3 hari kalender \(\+2 hari/);
});

test('every deadline named in "what happens next" exists', () => {
  const ids = new Set(DEADLINE_RULES.map((r) => r.id));
  for (const step of guide.whatHappensNext.steps) for (const id of step.deadlineRuleIds) assert.ok(ids.has(id), id);
});

test('how to report, what happens next and the pledge are in Indonesian with English', () => {
  assert.ok(guide.howToReport.steps.length >= 4);
  for (const s of [...guide.howToReport.steps, ...guide.pledge.paragraphs]) assert.ok(s.id.length > 10 && s.en.length > 10);
  assert.ok(guide.howToReport.steps.some((s) => s.source?.includes('Pasal 134 ayat (4)')));
});
