/**
 * The nested Derm7pt layout (learning curves): the test and validation cases are the same at every training
 * scale, and each scale's training cases are inside every larger scale's; the release layout is untouched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { derm7ptOracleRow, planDerm7pt, type PlannedCase } from '../../lib/synth/derm7ptModel';
import { oracleAucs } from '../../lib/synth/oracle';

const content = (c: PlannedCase) => {
  const { case_num: _n, clinic: _c, derm: _d, case_id: _i, notes: _x, ...meta } = c.meta;
  return JSON.stringify({ label: c.label, record: c.record, findings: c.findings, renderSeed: c.renderSeed, sameFile: c.sameFile, meta });
};

test('nested layout: test and validation rows identical at scales 1 and 2, training of 1 inside 2, class counts as the release × scale', () => {
  const one = planDerm7pt({ seed: 1, scale: 1, nested: { validScale: 2 } });
  const two = planDerm7pt({ seed: 1, scale: 2, nested: { validScale: 2 } });
  for (const split of ['test', 'valid'] as const) {
    const a = one.filter((c) => c.split === split);
    const b = two.filter((c) => c.split === split);
    assert.equal(a.length, b.length, split);
    a.forEach((c, i) => assert.deepEqual(c, b[i], `${split} row ${c.row}`));
  }
  const count = (plan: PlannedCase[], split: string, label: number) => plan.filter((c) => c.split === split && c.label === label).length;
  assert.deepEqual([count(one, 'test', 0), count(one, 'test', 1)], [219, 101]);
  assert.deepEqual([count(one, 'valid', 0), count(one, 'valid', 1)], [200, 122]);
  assert.deepEqual([count(one, 'train', 0), count(one, 'train', 1)], [256, 90]);
  assert.deepEqual([count(two, 'train', 0), count(two, 'train', 1)], [512, 180]);
  // Test rows come first, then validation, then training: the fixed splits never move.
  assert.deepEqual([...new Set(one.map((c) => c.split))], ['test', 'valid', 'train']);
  const bigger = new Set(two.filter((c) => c.split === 'train').map(content));
  const small = one.filter((c) => c.split === 'train');
  assert.equal(small.filter((c) => bigger.has(content(c))).length, small.length, 'every scale-1 training case is in scale 2');
  // ... in the same relative order
  const order2 = two.filter((c) => c.split === 'train').map(content).filter((k) => small.some((c) => content(c) === k));
  assert.deepEqual(order2, small.map(content));
});

test('nested layout: the validation size follows validScale, another seed draws other cases, the release layout is not nested', () => {
  const v1 = planDerm7pt({ seed: 1, scale: 1, nested: { validScale: 1 } });
  assert.equal(v1.filter((c) => c.split === 'valid' && c.label >= 0).length, 161);
  const s2 = planDerm7pt({ seed: 2, scale: 1, nested: { validScale: 2 } });
  const s1 = planDerm7pt({ seed: 1, scale: 1, nested: { validScale: 2 } });
  assert.notEqual(s1[0].renderSeed, s2[0].renderSeed, "another seed, other cases");
  const flat1 = planDerm7pt({ seed: 1, scale: 1 });
  const flat2 = planDerm7pt({ seed: 1, scale: 2 });
  const t1 = flat1.filter((c) => c.split === 'test').map(content);
  const t2 = new Set(flat2.filter((c) => c.split === 'test').map(content));
  assert.ok(t1.filter((k) => t2.has(k)).length < t1.length / 10, 'the release layout redraws every case at another scale');
});

test('nested layout, seed 1: the design\'s oracle numbers, fixed before any network is trained on it (docs/study.md)', () => {
  const auc = (interaction: 'context' | 'none', scale: number) =>
    oracleAucs(planDerm7pt({ seed: 1, scale, interaction, nested: { validScale: 2 } }).filter((c) => c.label >= 0).map((c) => derm7ptOracleRow(c, interaction)), 2);
  const f = (x: number) => x.toFixed(3);
  for (const scale of [1, 4]) {
    const a = auc('context', scale);
    assert.deepEqual([f(a.test.joint), f(a.test.additive), f(a.test.tabular), f(a.test.image)], ['0.877', '0.772', '0.618', '0.758'], `test, scale ${scale}`);
    assert.deepEqual([f(a.valid.joint), f(a.valid.additive), f(a.valid.tabular)], ['0.907', '0.788', '0.646'], `valid, scale ${scale}`);
  }
  const n = auc('none', 4);
  assert.deepEqual([f(n.test.joint), f(n.test.additive)], ['0.966', '0.966'], 'null control: joint = additive');
});
