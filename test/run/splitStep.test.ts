import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/backend';
import { relError } from '../../lib/backend/testing';
import { createModel, type CFCMLConfig } from '../../lib/model';
import { fullBatchGradients, planMicroBatch, shardRanges, splitGradients, type StepBatch, type StepLossOptions } from '../../lib/run/splitStep';
import { CfcmlError } from '../../lib/util/errors';
import { dermLike, menLike, randomInputs } from '../model/helpers';

/**
 * The step split at z (lib/run/splitStep.ts) gives the full batch's gradients: shards are forwarded to z,
 * the loss and dL/dz are computed once on the gathered batch, each shard is back-propagated with its rows of
 * dL/dz. Dropout stays on (rate 0.2 in the test configs): the classifier runs once on the gathered batch
 * with the step's seed, so its masks are those of the unsplit step.
 */
test('setup: wasm backend with the project kernels', async () => {
  await initBackend({ backend: 'wasm', quiet: true });
});

function batchOf(config: CFCMLConfig, B: number, seed = 3): StepBatch {
  const { images, tabular } = randomInputs(config, B, seed);
  const hostLabels = Array.from({ length: B }, (_, i) => (i * 7 + seed) % config.numClasses);
  return { images, tabular, labels: tf.tensor1d(hostLabels, 'int32'), hostLabels };
}

const dispose = (b: StepBatch) => tf.dispose([...b.images, b.tabular, b.labels]);

test('shardRanges covers the batch in order, last shard smaller', () => {
  assert.deepEqual(shardRanges(8, 3), [
    [0, 3],
    [3, 3],
    [6, 2],
  ]);
  assert.deepEqual(shardRanges(4, 4), [[0, 4]]);
  assert.throws(() => shardRanges(4, 0), CfcmlError);
});

for (const [label, config, B, micro] of [
  ['2-D full, shards 3+3+2', dermLike(2, 'full'), 8, 3],
  ['3-D full, shards 2+2+2', menLike(3, 'full'), 6, 2],
  ['2-D late-fusion, shards of 1', dermLike(2, 'late-fusion'), 4, 1],
  ['2-D additive (one classifier per modality), shards 2+2', dermLike(2, 'additive'), 4, 2],
] as const) {
  test(`split-at-z gradients equal the full batch's within 1e-5, or within float32's spread where a gradient is ill-conditioned (${label})`, async () => {
    const model = createModel(config);
    const batch = batchOf(config, B);
    const opts: StepLossOptions = { numClasses: config.numClasses, weights: { sam: 0.4, up: 0.6, cp: 1.8 }, tau: 0.07, dropoutSeed: 42 };
    assert.ok(config.model.dropout > 0, 'dropout is on in this test');
    const before = tf.memory().numTensors;
    const full = fullBatchGradients(model, batch, opts);
    const split = splitGradients(model, batch, opts, micro);
    const tf0 = full.terms.dataSync();
    const ts = split.terms.dataSync();
    assert.ok(relError(ts, tf0) <= 1e-5, `loss terms ${Array.from(ts)} vs ${Array.from(tf0)}`);
    assert.ok(tf0[0] - tf0[1] > 1e-3 || config.variant === 'late-fusion' || config.variant === 'additive', 'the HRM terms take part');
    // A micro-batched weight gradient sums the same terms in another order, so it can equal the full batch's only
    // to rounding. 1e-5 holds for almost every weight; a few are ill-conditioned (a LayerNorm over a 1×1×1 stage
    // grid cancels nearly all of its terms), and there float32 rounding alone moves them further: two backends
    // disagree on the *same* full-batch gradient by 1e-4 there. Such a weight must then agree within twice that
    // spread, measured here against the stock cpu backend (its own float32 order), and the spread itself must stay
    // small (≤ 1e-3): a wrong kernel gives O(1) errors, which neither bound admits.
    let reference: Record<string, tf.Tensor> | null = null;
    const spreadOf = async (name: string, b: tf.Tensor): Promise<number> => {
      if (!reference) {
        const path = tf.getBackend();
        await tf.setBackend('cpu');
        const onCpu = fullBatchGradients(model, batch, opts);
        onCpu.terms.dispose();
        reference = onCpu.grads;
        await tf.setBackend(path);
      }
      return relError(b.dataSync(), reference[name].dataSync(), 1e-9);
    };
    const bad: string[] = [];
    for (const w of model.weights) {
      const a = split.grads[w.variable.name];
      const b = full.grads[w.variable.name];
      assert.ok(a && b, `gradient of ${w.key}`);
      // The attention key bias has an exactly zero gradient (softmax ignores a shift): rounding noise only.
      if (w.key.endsWith('/k/bias')) continue;
      const e = relError(a.dataSync(), b.dataSync(), 1e-9);
      if (e <= 1e-5) continue;
      const spread = await spreadOf(w.variable.name, b);
      if (!(spread <= 1e-3 && e <= 2 * spread)) bad.push(`${w.key}: ${e.toExponential(2)} (float32 spread against the cpu backend ${spread.toExponential(2)})`);
    }
    assert.deepEqual(bad, []);
    if (reference) tf.dispose(Object.values(reference));
    assert.equal(Object.keys(split.grads).length, Object.keys(full.grads).length);
    tf.dispose([...Object.values(full.grads), ...Object.values(split.grads), full.terms, split.terms]);
    assert.equal(tf.memory().numTensors, before, 'no tensor leaks');
    dispose(batch);
    model.dispose();
  });
}

test('planMicroBatch: splits when the budget is tight, and says so clearly when even one case cannot fit', async () => {
  const config = dermLike(2, 'full');
  const model = createModel(config);
  const opts: StepLossOptions = { numClasses: 2, weights: { sam: 0.04, up: 0.06, cp: 0.18 }, tau: 0.07, dropoutSeed: 1 };
  const make = (n: number) => batchOf(config, n, 5);
  const roomy = await planMicroBatch(model, make, opts, 16);
  assert.equal(roomy.microBatch, 16, 'a small model at batch 16 fits the default budget unsplit');
  const perRow = roomy.bytesPerCase;
  assert.ok(perRow > 0, 'peak memory grows with the rows');
  const tight = await planMicroBatch(model, make, opts, 16, roomy.peakBytes - 8 * perRow);
  assert.ok(tight.microBatch >= 1 && tight.microBatch < 16, `micro-batch ${tight.microBatch}`);
  await assert.rejects(planMicroBatch(model, make, opts, 16, 1000), (e: unknown) => e instanceof CfcmlError && /micro-batch of 1 case/.test(e.message));
  model.dispose();
});
