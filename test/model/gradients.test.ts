import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { createModel } from '../../lib/model';
import { ceLoss, dermLike, menLike, randomInputs } from './helpers';

before(async () => {
  await tf.setBackend('cpu');
});

// All four encoder stages are trained (the authors read Derm7pt's stages 1–3 under no_grad): every weight,
// encoder stages 1–3 included, must get a non-zero gradient from the classification loss.
for (const [label, config] of [
  ['2D, shared encoder', dermLike(2)],
  ['3D, one encoder per volume', menLike(3)],
] as const) {
  test(`gradients reach every trainable weight (${label})`, () => {
    const model = createModel(config);
    const { images, tabular } = randomInputs(config, 6, 2);
    const labels = [0, 1, 0, 1, 0, config.numClasses - 1];
    const { value, grads } = tf.variableGrads(() => ceLoss(model, images, tabular, labels), model.weights.map((w) => w.variable));
    const dead: string[] = [];
    for (const w of model.weights) {
      const g = grads[w.variable.name];
      assert.ok(g, `no gradient for ${w.key}`);
      const norm = tf.tidy(() => tf.sum(tf.abs(g)).dataSync()[0]);
      if (!(norm > 0)) dead.push(w.key);
    }
    assert.deepEqual(dead, [], `weights without gradient: ${dead.join(', ')}`);
    assert.ok(model.weights.some((w) => w.key.startsWith('encoder0/stage1/')), 'stage 1 is among the trained weights');
    tf.dispose([value, ...Object.values(grads), ...images, tabular]);
    model.dispose();
  });
}
