import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { initBackend } from '../../lib/backend';
import { synthDerm7pt } from '../../lib/synth';
import { train, type EpochRecord } from '../../lib/train';
import { cheapestRuleWithin, isImprovement, replayEarlyStopping, shouldStop } from '../../lib/train/earlyStopping';
import { CfcmlError } from '../../lib/util/errors';

const rows = (aucs: number[], losses?: number[]) => aucs.map((a, i) => ({ epoch: i + 1, val_auc: a, val_loss: losses?.[i] ?? 0.5 }));

test('selection: higher AUC wins, a tie goes to the lower validation loss', () => {
  assert.equal(isImprovement(null, 0.5, 1), true);
  assert.equal(isImprovement({ epoch: 1, auc: 0.7, loss: 0.6 }, 0.71, 0.9), true);
  assert.equal(isImprovement({ epoch: 1, auc: 0.7, loss: 0.6 }, 0.7, 0.59), true);
  assert.equal(isImprovement({ epoch: 1, auc: 0.7, loss: 0.6 }, 0.7, 0.6), false);
  assert.equal(isImprovement({ epoch: 1, auc: 0.7, loss: 0.6 }, 0.69, 0.1), false);
});

test('stopping: the budget always stops; patience stops only past minEpochs', () => {
  assert.equal(shouldStop(30, 0, { epochs: 30, patience: 10 }), true);
  assert.equal(shouldStop(12, 10, { epochs: 30, patience: 10 }), true);
  assert.equal(shouldStop(12, 9, { epochs: 30, patience: 10 }), false);
  assert.equal(shouldStop(12, 10, { epochs: 30, patience: 10, minEpochs: 15 }), false);
  assert.equal(shouldStop(15, 13, { epochs: 30, patience: 10, minEpochs: 15 }), true);
  assert.equal(shouldStop(29, 29, { epochs: 30, patience: 0 }), false);
});

test('replay: selected epoch, stop epoch and whether it was early, on a known history', () => {
  // Best at epoch 3 (0.8); a tie at epoch 6 with a lower loss moves the selection; then a plateau.
  const h = rows([0.6, 0.7, 0.8, 0.75, 0.79, 0.8, 0.7, 0.7, 0.7, 0.9], [0.5, 0.5, 0.5, 0.5, 0.5, 0.4, 0.5, 0.5, 0.5, 0.5]);
  const a = replayEarlyStopping(h, { epochs: 10, patience: 3 });
  assert.deepEqual(a, { selected: { epoch: 6, auc: 0.8, loss: 0.4 }, epochsRun: 9, early: true });
  // Patience 2 stops at epoch 5, before the tie.
  assert.deepEqual(replayEarlyStopping(h, { epochs: 10, patience: 2 }), { selected: { epoch: 3, auc: 0.8, loss: 0.5 }, epochsRun: 5, early: true });
  // A minimum of 10 epochs lets the late improvement at epoch 10 be found.
  const b = replayEarlyStopping(h, { epochs: 10, patience: 3, minEpochs: 10 });
  assert.deepEqual(b, { selected: { epoch: 10, auc: 0.9, loss: 0.5 }, epochsRun: 10, early: false });
  // A shorter budget stops at the budget.
  assert.deepEqual(replayEarlyStopping(h, { epochs: 4, patience: 0 }), { selected: { epoch: 3, auc: 0.8, loss: 0.5 }, epochsRun: 4, early: false });
});

test('cheapest rule within a tolerance: worked by hand on two histories', () => {
  const loss = Array(10).fill(0.5);
  // Run A: best 0.80 at epoch 2, a late 0.84 at epoch 9. Run B: climbs to 0.76 by epoch 4, flat after.
  const a = rows([0.7, 0.8, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.84, 0.7], loss);
  const b = rows([0.6, 0.7, 0.75, 0.76, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7], loss);
  const histories = [{ where: 'A', history: a }, { where: 'B', history: b }];
  const incumbent = { epochs: 10, patience: 8 };
  // Incumbent: A stops at 10 (0.84), B at 10 (0.76, epoch 4 + 6 < 8): mean AUC 0.80, 10 epochs.
  // (10, 3): A stops at 5 (0.80), B at 7 (0.76): 0.78, 6 epochs. (10, 6): A at 8 (0.80), B at 10: 0.78, 9 epochs.
  // (5, 3): A 5 (0.80), B 5 (0.76): 0.78, 5 epochs.
  const cands = [{ epochs: 10, patience: 3 }, { epochs: 10, patience: 6 }, { epochs: 5, patience: 3 }];
  const loose = cheapestRuleWithin(histories, cands, incumbent, 0.03);
  assert.equal(loose.incumbent.meanEpochs, 10);
  assert.ok(Math.abs(loose.incumbent.meanAuc - 0.8) < 1e-12);
  assert.deepEqual(loose.scores.map((s) => s.epochsRun), [[5, 7], [8, 10], [5, 5]]);
  assert.deepEqual(loose.chosen.rule, { epochs: 5, patience: 3, minEpochs: 0 });
  // 0.02 below the incumbent is outside a tolerance of 0.01: the incumbent stays.
  const tight = cheapestRuleWithin(histories, cands, incumbent, 0.01);
  assert.deepEqual(tight.chosen.rule, { epochs: 10, patience: 8, minEpochs: 0 });
  // Equal cost and AUC: the larger patience wins.
  const tie = cheapestRuleWithin(histories, [{ epochs: 5, patience: 3 }, { epochs: 5, patience: 4 }], incumbent, 0.03);
  assert.deepEqual(tie.chosen.rule, { epochs: 5, patience: 4, minEpochs: 0 });
  assert.throws(() => cheapestRuleWithin([], cands, incumbent, 0.01), CfcmlError);
});

test('replay refuses a history that ends before the rule stops, and malformed rows', () => {
  assert.throws(() => replayEarlyStopping(rows([0.6, 0.7, 0.8]), { epochs: 10, patience: 5 }, 'runs/x/history.csv'), (e: unknown) => {
    assert.ok(e instanceof CfcmlError);
    assert.match(String(e), /runs\/x\/history\.csv: 3 epochs recorded.*epochs 10, patience 5/);
    return true;
  });
  assert.throws(() => replayEarlyStopping([{ epoch: 2, val_auc: 0.5, val_loss: 1 }], { epochs: 1, patience: 0 }), /row 1 is epoch 2/);
  assert.throws(() => replayEarlyStopping(rows([Number.NaN]), { epochs: 1, patience: 0 }), /val_auc NaN/);
});

// The replay's premise, on real training: a run with no early stopping passes through exactly the states a
// run with early stopping visits, so replaying its history gives the early-stopped run's selection.
let data = '';
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-early-'));
before(async () => {
  await initBackend({ quiet: true });
  data = path.join(root, 'derm7pt');
  await synthDerm7pt({ out: data, seed: 3, scale: 0.1 });
});
const strip = (h: EpochRecord[]) => h.map(({ seconds: _s, ...rest }) => rest);

test('trainer: early-stopped runs equal the replay of one long run (patience, minEpochs)', async () => {
  const common = { data, preset: 'tiny' as const, epochs: 7, seed: 4, progress: 'none' as const };
  const long = await train({ ...common, out: path.join(root, 'long'), overrides: { patience: 0 } });
  assert.equal(long.history.length, 7);
  for (const [name, rule] of [
    ['p1', { patience: 1 }],
    ['p1min5', { patience: 1, minEpochs: 5 }],
  ] as const) {
    const short = await train({ ...common, out: path.join(root, name), overrides: rule });
    const replay = replayEarlyStopping(long.history, { epochs: 7, ...rule });
    assert.equal(short.history.length, replay.epochsRun, `${name}: epochs trained`);
    assert.equal(short.bestEpoch, replay.selected.epoch, `${name}: selected epoch`);
    assert.deepEqual(strip(short.history), strip(long.history.slice(0, replay.epochsRun)), `${name}: the same trajectory`);
    if (name === 'p1') assert.ok(replay.early && replay.epochsRun < 7, `patience 1 stops early (ran ${replay.epochsRun})`);
    if (name === 'p1min5') assert.ok(replay.epochsRun >= 5, 'minEpochs 5 holds the run to 5 epochs at least');
  }
});
