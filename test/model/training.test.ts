import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { createModel, type CFCMLModel } from '../../lib/model';
import { ceLoss, dermLike, menLike, randomInputs } from './helpers';

before(async () => {
  await tf.setBackend('cpu');
});

function step(model: CFCMLModel, opt: tf.Optimizer, images: tf.Tensor[], tabular: tf.Tensor2D, labels: number[], seed: number): number {
  const vars = model.weights.map((w) => w.variable);
  const { value, grads } = tf.variableGrads(() => ceLoss(model, images, tabular, labels, true, seed), vars);
  opt.applyGradients(grads);
  const loss = value.dataSync()[0];
  tf.dispose([value, ...Object.values(grads)]);
  return loss;
}

for (const [label, config] of [
  ['2D', dermLike(2)],
  ['3D', menLike(3)],
] as const) {
  test(`one training step leaks no tensors (${label}, with intermediates-free forward)`, () => {
    const model = createModel(config);
    const { images, tabular } = randomInputs(config, 4);
    const opt = tf.train.adam(1e-3);
    step(model, opt, images, tabular, [0, 1, 0, 1], 1); // creates Adam's slots
    const before = tf.memory().numTensors;
    step(model, opt, images, tabular, [0, 1, 0, 1], 2);
    assert.equal(tf.memory().numTensors, before);
    // A forward with intermediates inside tf.tidy leaks nothing either.
    tf.tidy(() => {
      model.forward(images, tabular, { training: false, intermediates: true });
    });
    assert.equal(tf.memory().numTensors, before);
    opt.dispose();
    tf.dispose([...images, tabular]);
    model.dispose();
  });
}

// Done-when: a tiny model overfits a handful of synthetic cases (random inputs, random labels).
for (const [label, config, steps] of [
  ['2D, Derm7pt-like, 2 classes', dermLike(2, 'full', { dropout: 0 }), 80],
  ['3D, MEN-like, 3 classes', menLike(3, 'full', { dropout: 0 }), 80],
] as const) {
  test(`a tiny model overfits 6 synthetic cases (${label})`, () => {
    const model = createModel(config);
    const { images, tabular } = randomInputs(config, 6, 9);
    const labels = [0, 1, 1, 0, 1, 0].map((y, i) => (config.numClasses === 3 ? i % 3 : y));
    const opt = tf.train.adam(3e-3); // 1e-2 can stall on a plateau with these 8-wide models
    const losses: number[] = [];
    for (let s = 0; s < steps; s++) losses.push(step(model, opt, images, tabular, labels, s));
    const final = tf.tidy(() => ceLoss(model, images, tabular, labels).dataSync()[0]);
    assert.ok(final < 0.05, `loss ${losses[0].toFixed(3)} → ${final.toFixed(4)} after ${steps} steps`);
    const pred = tf.tidy(() => tf.argMax(model.forward(images, tabular, { training: false }).logits, 1).arraySync() as number[]);
    assert.deepEqual(pred, labels);
    opt.dispose();
    tf.dispose([...images, tabular]);
    model.dispose();
  });
}
