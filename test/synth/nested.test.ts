/**
 * The nested layout of Derm7pt and MEN (learning curves): the test and validation cases are the same at every
 * training scale, and each scale's training cases are inside every larger scale's; the default layouts are untouched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { derm7ptOracleRow, planDerm7pt, type PlannedCase } from '../../lib/synth/derm7ptModel';
import { menOracleRow, planMen, type MenInteraction, type PlannedPatient } from '../../lib/synth/menModel';
import { interactionEvidence, oracleAucs, type OracleRow } from '../../lib/synth/oracle';
import { chooseMenScale } from '../../scripts/records/nestedScale';
import { CfcmlError } from '../../lib/util/errors';

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

// MEN: the same generator (lib/synth/nested.ts) with MEN's default counts.
const patient = (p: PlannedPatient) => {
  const { id: _id, ...rest } = p;
  return JSON.stringify(rest);
};
const menCount = (plan: PlannedPatient[], split: string) => [0, 1, 2].map((y) => plan.filter((p) => p.split === split && p.label === y).length);

test('MEN nested layout: test and validation patients identical at scales 0.1, 0.2 and 1 (ids included), training of each inside the next, in order', () => {
  const plans = [0.1, 0.2, 1].map((scale) => planMen({ seed: 1, scale, nested: { validScale: 2 } }));
  for (const split of ['test', 'valid'] as const) {
    const rows = plans.map((plan) => plan.filter((p) => p.split === split));
    for (const other of rows.slice(1)) assert.deepEqual(other, rows[0], `${split} split`);
  }
  assert.deepEqual(menCount(plans[0], 'test'), [60, 20, 28]);
  assert.deepEqual(menCount(plans[0], 'valid'), [60, 20, 28]);
  assert.deepEqual(menCount(plans[0], 'train'), [11, 4, 5]);
  assert.deepEqual(menCount(plans[1], 'train'), [22, 7, 10]);
  assert.deepEqual(menCount(plans[2], 'train'), [108, 36, 48]);
  // The fixed splits come first, so their ids (P0001 …) and folders never move.
  assert.deepEqual([...new Set(plans[2].map((p) => p.split))], ['test', 'valid', 'train']);
  assert.equal(plans[2].filter((p) => p.split === 'test')[0].id, 'P0001');
  for (let i = 0; i + 1 < plans.length; i++) {
    const small = plans[i].filter((p) => p.split === 'train').map(patient);
    const bigger = plans[i + 1].filter((p) => p.split === 'train').map(patient);
    const inBig = new Set(small);
    assert.deepEqual(bigger.filter((k) => inBig.has(k)), small, `training at scale index ${i} is inside the next scale's, in the same order`);
  }
  // Training patients are drawn, not copied: a larger scale adds patients that differ from every smaller one.
  assert.equal(new Set(plans[2].filter((p) => p.split === 'train').map(patient)).size, 192);
});

test('MEN nested layout: validation follows validScale; another seed, other patients; the default layout is untouched by the option', () => {
  assert.deepEqual(menCount(planMen({ seed: 1, scale: 0.1, nested: { validScale: 1 } }), 'valid'), [30, 10, 14]);
  assert.deepEqual(menCount(planMen({ seed: 1, scale: 0.1, nested: { validScale: 0.5 } }), 'valid'), [15, 5, 7]);
  const s1 = planMen({ seed: 1, scale: 0.1, nested: { validScale: 2 } });
  const s2 = planMen({ seed: 2, scale: 0.1, nested: { validScale: 2 } });
  assert.notEqual(s1[0].renderSeed, s2[0].renderSeed);
  // The default (shuffled) layout redraws every patient at another scale; the nested one is another stream.
  const flat = planMen({ seed: 1, scale: 1 });
  assert.deepEqual(menCount(flat, 'test'), [60, 20, 28]);
  const nestedTest = new Set(planMen({ seed: 1, scale: 1, nested: { validScale: 2 } }).filter((p) => p.split === 'test').map(patient));
  assert.equal(flat.filter((p) => p.split === 'test' && nestedTest.has(patient(p))).length, 0);
});

test('nested layout: a scale that is not a finite number > 0 is a CfcmlError naming it, for both datasets', () => {
  for (const [scale, validScale] of [[0, 2], [-1, 2], [Number.NaN, 2], [Number.POSITIVE_INFINITY, 2], [1, 0], [1, -0.5]]) {
    const name = scale === 1 ? 'validScale' : 'scale';
    const bad = scale === 1 ? validScale : scale;
    const expected = (e: unknown) => e instanceof CfcmlError && e.message.includes(`${name} must be a finite number > 0`) && e.message.includes(`got ${bad}`);
    assert.throws(() => planMen({ seed: 1, scale, nested: { validScale } }), expected, `men ${scale} ${validScale}`);
    assert.throws(() => planDerm7pt({ seed: 1, scale, nested: { validScale } }), expected, `derm7pt ${scale} ${validScale}`);
  }
});

test("MEN nested layout, seed 1: the oracle's macro AUCs on the fixed test and validation patients, the same at scales 1 and 5 (docs/study.md)", () => {
  const auc = (interaction: MenInteraction, scale: number) =>
    oracleAucs(planMen({ seed: 1, scale, interaction, nested: { validScale: 2 } }).map((p) => menOracleRow(p, interaction)), 3);
  const f = (x: number) => x.toFixed(3);
  for (const scale of [1, 5]) {
    const a = auc('context', scale);
    assert.deepEqual([f(a.test.joint), f(a.test.additive), f(a.test.tabular), f(a.test.image)], ['0.906', '0.829', '0.755', '0.726'], `test, scale ${scale}`);
    assert.deepEqual([f(a.valid.joint), f(a.valid.additive), f(a.valid.tabular), f(a.valid.image)], ['0.848', '0.756', '0.712', '0.665'], `valid, scale ${scale}`);
  }
  const n = auc('none', 1);
  assert.deepEqual([f(n.test.joint), f(n.test.additive)], ['0.814', '0.814'], 'null control: joint = additive');
});

test('interactionEvidence: Σ log p_joint(y) − log p_additive(y) over the rows; near 0 per case under the null control, not under context', () => {
  const row = (label: number, joint: number[], additive: number[]): OracleRow => ({ id: `r${label}`, split: 'train', label, p: { joint, additive } });
  const rows = [row(1, [0.2, 0.8], [0.5, 0.5]), row(0, [0.9, 0.1], [0.6, 0.4]), row(2, [0.1, 0.2, 0.7], [0.2, 0.3, 0.5])];
  assert.ok(Math.abs(interactionEvidence(rows) - (Math.log(0.8 / 0.5) + Math.log(0.9 / 0.6) + Math.log(0.7 / 0.5))) < 1e-12);
  assert.throws(() => interactionEvidence([row(1, [1, 0], [0.5, 0.5])]), (e: unknown) => e instanceof CfcmlError && /oracle row r1/.test(e.message));
  const perCase = (interaction: MenInteraction) => {
    const train = planMen({ seed: 1, scale: 2, interaction, nested: { validScale: 2 } }).filter((p) => p.split === 'train').map((p) => menOracleRow(p, interaction));
    return interactionEvidence(train) / train.length;
  };
  assert.ok(Math.abs(perCase('none')) < 0.01, `null control ${perCase('none')}`);
  assert.ok(perCase('context') > 0.1, `context ${perCase('context')}`);
});

test("the larger MEN scale of the study: the smallest whose training set holds Derm7pt scale 4's expected interaction evidence is 5 (docs/study.md)", () => {
  const c = chooseMenScale(1, 6);
  assert.equal(c.menScale, 5);
  assert.equal(c.bar.toFixed(1), '179.4');
  const men = (k: number) => c.rows.find((r) => r.dataset === 'men' && r.scale === k)!;
  assert.deepEqual([men(4).trainCases, men(5).trainCases], [768, 960]);
  assert.ok(men(4).expectedEvidence < c.bar && men(5).expectedEvidence >= c.bar);
  assert.deepEqual([men(1).seedEvidence.toFixed(1), men(5).seedEvidence.toFixed(1)], ['26.9', '157.1']);
  // The test cases are fixed, so the oracle there is the same at every scale.
  assert.equal(men(1).oracle.test.joint, men(5).oracle.test.joint);
});
