import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/backend';
import { createModel, VARIANTS, type CFCMLConfig } from '../../lib/model';
import { ceLoss, dermLike, menLike, randomInputs } from './helpers';

/** Largest |a − b| relative to the largest |b| (logits and embeddings are O(1)). */
function relErr(a: number[], b: number[]): number {
  let num = 0;
  let den = 1e-12;
  a.forEach((v, i) => {
    num = Math.max(num, Math.abs(v - b[i]));
    den = Math.max(den, Math.abs(b[i]));
  });
  return num / den;
}

function forwardValues(config: CFCMLConfig): number[] {
  const model = createModel(config); // same seed → same weights on every backend (initialised in JS)
  const { images, tabular } = randomInputs(config, 3, 4);
  const values = tf.tidy(() => {
    const out = model.forward(images, tabular, { training: true, seed: 12 }); // dropout masks are seeded too
    return [...out.logits.dataSync(), ...out.z.flatMap((z) => [...z.dataSync()])];
  });
  tf.dispose([...images, tabular]);
  model.dispose();
  return values;
}

const CASES: [string, CFCMLConfig][] = [
  ['2D', dermLike(2)],
  ['3D', menLike(3)],
];

// lib/backend's initBackend registers this project's wasm kernels (gradients tfjs-backend-wasm lacks).
const useBackend = (name: 'cpu' | 'wasm') => initBackend({ backend: name, quiet: true });

test('forward on wasm equals forward on cpu (≤ 1e-4 relative), 2D and 3D', async () => {
  await useBackend('cpu');
  const onCpu = CASES.map(([, c]) => forwardValues(c));
  await useBackend('wasm');
  assert.equal(tf.getBackend(), 'wasm');
  CASES.forEach(([label, c], i) => {
    const onWasm = forwardValues(c);
    const err = relErr(onWasm, onCpu[i]);
    assert.ok(err <= 1e-4, `${label}: relative difference ${err}`);
  });
});

test('every variant runs forward on wasm (2D and 3D)', async () => {
  await useBackend('wasm');
  for (const [, base] of CASES) {
    for (const variant of VARIANTS) {
      const config = { ...base, variant };
      const model = createModel(config);
      const { images, tabular } = randomInputs(config, 2);
      const logits = tf.tidy(() => model.forward(images, tabular, { training: true, seed: 1 }).logits.arraySync() as number[][]);
      assert.ok(logits.flat().every(Number.isFinite), variant);
      tf.dispose([...images, tabular]);
      model.dispose();
    }
  }
});

// Done-when: forward + backward of every variant on the wasm backend, 2D and 3D.
test('forward + backward on wasm with every variant (2D and 3D), gradients finite and non-trivial', async () => {
  await useBackend('wasm');
  assert.equal(tf.getBackend(), 'wasm');
  for (const [label, base] of CASES) {
    for (const variant of VARIANTS) {
      const config = { ...base, variant };
      const model = createModel(config);
      const { images, tabular } = randomInputs(config, 2);
      const { value, grads } = tf.variableGrads(() => ceLoss(model, images, tabular, [0, 1], true, 3), model.weights.map((w) => w.variable));
      assert.ok(Number.isFinite(value.dataSync()[0]), `${label} ${variant}: loss`);
      const total = tf.tidy(() => tf.addN(Object.values(grads).map((g) => tf.sum(tf.abs(g)))).dataSync()[0]);
      assert.ok(Number.isFinite(total) && total > 0, `${label} ${variant}: gradient norm ${total}`);
      tf.dispose([value, ...Object.values(grads), ...images, tabular]);
      model.dispose();
    }
  }
});

test('wasm backward equals cpu backward (full model, 2D and 3D, ≤ 1e-3 relative)', async () => {
  const grads = async (name: 'cpu' | 'wasm', config: CFCMLConfig): Promise<number[]> => {
    await useBackend(name);
    const model = createModel(config);
    const { images, tabular } = randomInputs(config, 2);
    const { value, grads: g } = tf.variableGrads(() => ceLoss(model, images, tabular, [0, 1], false), model.weights.map((w) => w.variable));
    const flat = model.weights.flatMap((w) => [...g[w.variable.name].dataSync()]);
    tf.dispose([value, ...Object.values(g), ...images, tabular]);
    model.dispose();
    return flat;
  };
  for (const [label, config] of CASES) {
    const err = relErr(await grads('wasm', config), await grads('cpu', config));
    assert.ok(err <= 1e-3, `${label}: relative gradient difference ${err}`);
  }
  await useBackend('cpu');
});
