import { test } from 'node:test';
import assert from 'node:assert/strict';
import { learningRateAt } from '../../lib/train/schedule';
import { reference } from '../helpers/reference';

interface ScheduleCase {
  lr: number;
  warmupEpochs: number;
  stepEvery: number;
  stepGamma: number;
  epochs: number;
  /** The lr each epoch of the authors' protocol trains at (torch 1.13, scripts/reference/schedule_torch.py). */
  authorsLr: number[];
}

const { cases } = reference<{ cases: ScheduleCase[] }>('schedule');

test("the authors' warm-up starts at lr 0; ours is theirs one epoch on: learningRateAt(e) = authors(e + 1)", () => {
  assert.equal(cases.length, 3);
  for (const c of cases) {
    assert.equal(c.authorsLr[0], 0, 'their first epoch trains at lr 0');
    assert.ok(learningRateAt(0, c) > 0, 'ours does not');
    for (let e = 0; e + 1 < c.epochs; e++) {
      const want = c.authorsLr[e + 1];
      const got = learningRateAt(e, c);
      assert.ok(Math.abs(got - want) <= 1e-12 * want, `lr ${c.lr}, warm-up ${c.warmupEpochs}, epoch ${e}: ${got} vs authors' epoch ${e + 1} ${want}`);
    }
  }
});

test('the shape of the schedule: linear warm-up to lr, then × gamma every stepEvery epochs', () => {
  const o = { lr: 1e-3, warmupEpochs: 5, stepEvery: 5, stepGamma: 0.8 };
  const got = [0, 1, 4, 5, 9, 10, 14, 15, 49].map((e) => learningRateAt(e, o));
  const want = [2e-4, 4e-4, 1e-3, 1e-3, 1e-3, 8e-4, 8e-4, 6.4e-4, 1e-3 * Math.pow(0.8, 8)];
  got.forEach((g, i) => assert.ok(Math.abs(g - want[i]) < 1e-12, `epoch index ${i}: ${g} vs ${want[i]}`));
});

test('no warm-up starts at the full rate', () => {
  assert.equal(learningRateAt(0, { lr: 0.01, warmupEpochs: 0, stepEvery: 2, stepGamma: 0.5 }), 0.01);
  assert.equal(learningRateAt(2, { lr: 0.01, warmupEpochs: 0, stepEvery: 2, stepGamma: 0.5 }), 0.005);
});

interface CosineCase {
  lr: number;
  warmupEpochs: number;
  epochs: number;
  /** torch 1.13 CosineAnnealingLR(T_max = epochs − warmupEpochs): the lr of each epoch after warm-up. */
  torchLr: number[];
}

test("schedule 'cosine': after warm-up, torch's CosineAnnealingLR over the rest of the budget, epoch by epoch", () => {
  const { cosine } = reference<{ cosine: CosineCase[] }>('schedule');
  assert.equal(cosine.length, 2);
  for (const c of cosine) {
    const o = { ...c, stepEvery: 4, stepGamma: 0.8, schedule: 'cosine' as const };
    for (let e = 0; e < c.warmupEpochs; e++) assert.ok(Math.abs(learningRateAt(e, o) - (c.lr * (e + 1)) / c.warmupEpochs) < 1e-15);
    c.torchLr.forEach((want, t) => {
      const got = learningRateAt(c.warmupEpochs + t, o);
      assert.ok(Math.abs(got - want) <= 1e-12 * c.lr, `lr ${c.lr}, epoch ${c.warmupEpochs + t}: ${got} vs torch ${want}`);
    });
    assert.equal(learningRateAt(c.epochs + 3, o), 0, 'past the budget the rate stays 0');
  }
  assert.throws(() => learningRateAt(3, { lr: 1, warmupEpochs: 2, stepEvery: 1, stepGamma: 1, schedule: 'cosine', epochs: 2 }), /schedule 'cosine' needs epochs \(2\) greater than warmupEpochs \(2\)/);
});
