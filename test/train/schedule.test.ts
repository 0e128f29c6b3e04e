import { test } from 'node:test';
import assert from 'node:assert/strict';
import { learningRateAt } from '../../lib/train/schedule';

test('warm-up is linear, then the rate steps down by gamma every stepEvery epochs', () => {
  const o = { lr: 1e-3, warmupEpochs: 5, stepEvery: 5, stepGamma: 0.8 };
  const got = [0, 1, 4, 5, 9, 10, 14, 15, 49].map((e) => learningRateAt(e, o));
  const want = [2e-4, 4e-4, 1e-3, 1e-3, 1e-3, 8e-4, 8e-4, 6.4e-4, 1e-3 * Math.pow(0.8, 8)];
  got.forEach((g, i) => assert.ok(Math.abs(g - want[i]) < 1e-12, `epoch index ${i}: ${g} vs ${want[i]}`));
});

test('no warm-up starts at the full rate', () => {
  assert.equal(learningRateAt(0, { lr: 0.01, warmupEpochs: 0, stepEvery: 2, stepGamma: 0.5 }), 0.01);
  assert.equal(learningRateAt(2, { lr: 0.01, warmupEpochs: 0, stepEvery: 2, stepGamma: 0.5 }), 0.005);
});
