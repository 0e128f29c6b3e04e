import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { createModel } from '../../lib/model';
import { DERM7PT, MEN } from '../../lib/data/datasets';
import type { DatasetSpec } from '../../lib/data/spec';
import { modelConfig } from '../../lib/train/build';
import type { CFCMLConfig } from '../../lib/model';
import { dermLike, maxAbsDiff, menLike, randomInputs } from './helpers';

before(async () => {
  await tf.setBackend('cpu');
});

test('save/load round-trips exactly into a fresh instance (same keys, other seed)', () => {
  const config = menLike(3);
  const a = createModel(config);
  const b = createModel({ ...config, seed: 999 });
  const { images, tabular } = randomInputs(config, 3);
  const ya = a.forward(images, tabular, { training: false }).logits;
  const yb0 = b.forward(images, tabular, { training: false }).logits;
  assert.ok(maxAbsDiff(ya, yb0) > 0, 'different seeds give different models');
  const saved = a.getWeightData();
  assert.deepEqual(saved.map((w) => w.key), b.weights.map((w) => w.key), 'keys are stable across instances');
  b.setWeightData(saved);
  const yb = b.forward(images, tabular, { training: false }).logits;
  assert.equal(maxAbsDiff(ya, yb), 0);
  const again = b.getWeightData();
  saved.forEach((w, i) => assert.deepEqual(again[i].data, w.data));
  tf.dispose([ya, yb0, yb, ...images, tabular]);
  a.dispose();
  b.dispose();
});

test('setWeightData names missing, unknown and mis-shaped keys and assigns nothing', () => {
  const model = createModel(dermLike(2));
  const saved = model.getWeightData();
  const before = model.getWeightData();
  const broken = saved.filter((w) => w.key !== 'classifier/out/bias').map((w) => (w.key === 'classifier/out/kernel' ? { ...w, shape: [1, 1], data: new Float32Array(1) } : w));
  broken.push({ key: 'nope/kernel', shape: [1], data: new Float32Array(1) });
  broken[0] = { ...broken[0], data: broken[0].data.map(() => 5) };
  assert.throws(
    () => model.setWeightData(broken),
    (e: Error) => /missing keys: classifier\/out\/bias/.test(e.message) && /unknown keys: nope\/kernel/.test(e.message) && /shape mismatch: classifier\/out\/kernel/.test(e.message),
  );
  const after = model.getWeightData();
  before.forEach((w, i) => assert.deepEqual(after[i].data, w.data));
  model.dispose();
});

test('two instances coexist (unique tf variable names); weights carry groups', () => {
  const a = createModel(dermLike(2));
  const b = createModel(dermLike(2));
  const names = new Set([...a.weights, ...b.weights].map((w) => w.variable.name));
  assert.equal(names.size, a.weights.length + b.weights.length);
  assert.ok(a.weights.some((w) => w.group === 'encoder') && a.weights.some((w) => w.group === 'head'));
  assert.ok(a.weights.filter((w) => w.group === 'encoder').every((w) => w.key.startsWith('encoder')));
  a.dispose();
  b.dispose();
});

test('dispose frees every variable', () => {
  const n = tf.memory().numTensors;
  const model = createModel(menLike(2));
  assert.ok(tf.memory().numTensors > n);
  model.dispose();
  assert.equal(tf.memory().numTensors, n);
});

/** The `cpu` preset's model as the trainer builds it (lib/train/build.ts), every tabular field kept. */
function presetConfig(spec: DatasetSpec, excludedFields: string[] = []): CFCMLConfig {
  return modelConfig(spec, { variant: 'full', seed: 666, train: spec.presets.cpu, excludedFields });
}

test('modelConfig: the tabular fields the run leaves out are not in the model (Derm7pt without management)', () => {
  const all = presetConfig(DERM7PT);
  const without = presetConfig(DERM7PT, ['management']);
  assert.equal(all.tabular.length, DERM7PT.tabular.length);
  assert.equal(without.tabular.length, DERM7PT.tabular.length - 1);
  const i = DERM7PT.tabular.findIndex((f) => f.name === 'management');
  assert.deepEqual(without.tabular, all.tabular.filter((_, k) => k !== i));
  const a = createModel(without);
  const b = createModel(all);
  assert.ok(a.paramCount() < b.paramCount(), `${a.paramCount()} < ${b.paramCount()}`);
  a.dispose();
  b.dispose();
});

test('summary() prints a table with the parameter count (cpu presets of Derm7pt and MEN)', () => {
  for (const spec of [DERM7PT, MEN]) {
    const model = createModel(presetConfig(spec));
    const s = model.summary();
    const total = model.paramCount();
    assert.equal(total, model.weights.reduce((n, w) => n + w.variable.size, 0));
    assert.match(s, new RegExp(`total params:\\s+${total.toLocaleString('en-US')}`));
    assert.match(s, /block\s+shape\s+params/);
    assert.match(s, /encoder0\/stage1\/stem\/conv/);
    console.log(`${spec.name} cpu preset: ${total} parameters`);
    model.dispose();
  }
});
