import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/backend';
import { synthDerm7pt } from '../../lib/synth';
import { Trainer, train, type EpochRecord } from '../../lib/train';

// A small synthetic Derm7pt cohort (about 80 NEV/MEL cases) and the `tiny` preset: a few seconds per run.
let data = '';
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-train-'));

before(async () => {
  await initBackend({ quiet: true });
  data = path.join(root, 'derm7pt');
  await synthDerm7pt({ out: data, seed: 3, scale: 0.1 });
});

const base = () => ({ data, preset: 'tiny' as const, epochs: 3, progress: 'none' as const });
const strip = (h: EpochRecord[]) => h.map(({ seconds: _s, ...rest }) => rest);

test('same seed → identical history and metrics; another seed → different', async () => {
  const a = await train({ ...base(), seed: 5, out: path.join(root, 'a') });
  const b = await train({ ...base(), seed: 5, out: path.join(root, 'b') });
  const c = await train({ ...base(), seed: 6, out: path.join(root, 'c') });
  assert.equal(a.history.length, 3);
  assert.deepEqual(strip(a.history), strip(b.history));
  assert.deepEqual(a.testMetrics, b.testMetrics);
  assert.notDeepEqual(strip(a.history), strip(c.history));
  for (const r of a.history) {
    assert.ok(Number.isFinite(r.loss) && r.loss > 0, `loss ${r.loss}`);
    assert.ok(r.ce > 0 && r.sam > 0 && r.up >= 0 && r.cp >= 0, 'every loss term is computed');
    assert.ok(r.val_auc >= 0 && r.val_auc <= 1);
  }
  // (H8): the total is CE plus the weighted HRM terms (tiny preset: 0.04, 0.06, 0.18), averaged per step.
  const r0 = a.history[0];
  assert.ok(Math.abs(r0.loss - (r0.ce + 0.04 * r0.sam + 0.06 * r0.up + 0.18 * r0.cp)) < 1e-4);
  // The selected epoch is the best validation AUC.
  const bestAuc = Math.max(...a.history.map((r) => r.val_auc));
  assert.equal(a.history[a.bestEpoch - 1].val_auc, bestAuc);
  // The test split is evaluated once, with the selected weights, and written with the metrics.
  const metrics = JSON.parse(fs.readFileSync(path.join(a.runDir, 'metrics.json'), 'utf8'));
  assert.equal(metrics.bestEpoch, a.bestEpoch);
  assert.deepEqual(metrics.test, JSON.parse(JSON.stringify(a.testMetrics)));
});

test('an interrupted run resumed from last.ckpt has the same history as an uninterrupted one', async () => {
  const full = await train({ ...base(), seed: 9, out: path.join(root, 'full') });
  const out = path.join(root, 'resumed');
  const first = await train({ ...base(), seed: 9, out, stopAfterEpoch: 1 });
  assert.equal(first.interrupted, true);
  assert.equal(first.history.length, 1);
  assert.ok(fs.existsSync(path.join(out, 'last.ckpt')));
  const resumed = await train({ ...base(), seed: 9, out, resume: true });
  assert.equal(resumed.interrupted, false);
  assert.deepEqual(strip(resumed.history), strip(full.history));
  assert.deepEqual(resumed.testMetrics, full.testMetrics);
  // Resuming with different options is refused.
  await assert.rejects(train({ ...base(), seed: 10, out, resume: true }), /options differ from the interrupted run/);
});

test('tf.memory().numTensors does not grow across epochs', async () => {
  const trainer = await Trainer.create({ ...base(), seed: 1, out: path.join(root, 'mem') });
  try {
    await trainer.trainEpoch();
    const after1 = tf.memory().numTensors;
    await trainer.trainEpoch();
    const after2 = tf.memory().numTensors;
    await trainer.trainEpoch();
    assert.equal(tf.memory().numTensors, after1);
    assert.equal(after2, after1);
  } finally {
    trainer.dispose();
  }
});

test('bad options are refused with clear messages', async () => {
  await assert.rejects(train({ ...base(), epochs: 0, out: path.join(root, 'bad') }), /epochs must be a whole number ≥ 1, got 0/);
  await assert.rejects(train({ ...base(), excludeFields: ['weight'], out: path.join(root, 'bad') }), /cannot exclude unknown tabular field 'weight'/);
  await assert.rejects(train({ ...base(), data: path.join(root, 'nowhere') }), /nowhere/);
});

test('MEN (three 3D volumes, three classes): a tiny run trains, evaluates and reports multi-class metrics', async () => {
  const { synthMen } = await import('../../lib/synth');
  const men = path.join(root, 'men');
  await synthMen({ out: men, seed: 2, scale: 0.15 });
  const r = await train({ data: men, preset: 'tiny', epochs: 1, seed: 3, out: path.join(root, 'men-run'), progress: 'none' });
  assert.equal(r.config.dataset, 'men');
  assert.equal(r.history.length, 1);
  assert.ok(Number.isFinite(r.history[0].loss) && r.history[0].cp >= 0);
  const m = r.testMetrics;
  assert.ok(m && m.kind === 'multiclass', 'three classes give multi-class metrics');
  assert.equal(m.per_class_accuracy.length, 3);
  assert.ok(m.macro_auc >= 0 && m.macro_auc <= 1);
  const probs = fs.readFileSync(path.join(r.runDir, 'predictions_test.csv'), 'utf8').split('\n')[0];
  assert.equal(probs, 'id,label,prob_0,prob_1,prob_2');
});

test('hrmWarmupEpochs: epoch 1 trains on cross-entropy alone, epoch 2 with half the HRM weights, epoch 3 with all of them', async () => {
  const r = await train({ ...base(), seed: 5, out: path.join(root, 'warm'), overrides: { hrmWarmupEpochs: 2, model: { tokenNorm: true } } });
  const [e1, e2, e3] = r.history;
  assert.equal(e1.sam, 0, 'a zero-weight HRM term is not computed (reported as 0)');
  assert.ok(e2.sam > 0 && e3.sam > 0);
  assert.ok(Math.abs(e1.loss - e1.ce) < 1e-5, `epoch 1: loss ${e1.loss} = ce ${e1.ce}`);
  assert.ok(Math.abs(e2.loss - (e2.ce + 0.5 * (0.04 * e2.sam + 0.06 * e2.up + 0.18 * e2.cp))) < 1e-4, 'epoch 2: half weights');
  assert.ok(Math.abs(e3.loss - (e3.ce + 0.04 * e3.sam + 0.06 * e3.up + 0.18 * e3.cp)) < 1e-4, 'epoch 3: full weights');
});
