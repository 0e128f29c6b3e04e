import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { Adam } from '../../lib/train/optimizer';
import { reference } from '../helpers/reference';

// Reference: torch.optim.Adam(weight_decay=0.1) on the same weights and gradients,
// made by scripts/reference/adam_torch.py.
const ref = reference('adam');

test('Adam with L2 weight decay matches torch.optim.Adam step by step', async () => {
  await tf.setBackend('cpu');
  const w = tf.variable(tf.tensor2d(ref.w0), true, 'adam_test_w');
  const opt = new Adam([{ key: 'w', variable: w, lrScale: 1 }], { weightDecay: ref.weight_decay });
  for (let s = 0; s < ref.grads.length; s++) {
    const g = tf.tensor2d(ref.grads[s]);
    opt.apply({ [w.name]: g }, ref.lrs[s]);
    g.dispose();
    const got = (await w.array()) as number[][];
    const want = ref.trace[s] as number[][];
    for (let i = 0; i < want.length; i++)
      for (let j = 0; j < want[i].length; j++) assert.ok(Math.abs(got[i][j] - want[i][j]) < 1e-6, `step ${s} [${i},${j}]: ${got[i][j]} vs ${want[i][j]}`);
  }
  assert.equal(opt.step, 3);
  opt.dispose();
  w.dispose();
});

test('Adam state round-trips: a restored optimiser continues exactly like the original', async () => {
  await tf.setBackend('cpu');
  const a = tf.variable(tf.tensor2d(ref.w0), true, 'adam_rt_a');
  const b = tf.variable(tf.tensor2d(ref.w0), true, 'adam_rt_b');
  const optA = new Adam([{ key: 'w', variable: a, lrScale: 0.5 }], { weightDecay: 0.01 });
  const g0 = tf.tensor2d(ref.grads[0]);
  const g1 = tf.tensor2d(ref.grads[1]);
  optA.apply({ [a.name]: g0 }, 0.01);
  const optB = new Adam([{ key: 'w', variable: b, lrScale: 0.5 }], { weightDecay: 0.01 });
  b.assign(a);
  optB.setState(optA.getState());
  const before = tf.memory().numTensors;
  optA.apply({ [a.name]: g1 }, 0.01);
  optB.apply({ [b.name]: g1 }, 0.01);
  assert.equal(tf.memory().numTensors, before, 'apply() leaks no tensors');
  assert.deepEqual(Array.from(await a.data()), Array.from(await b.data()));
  assert.throws(() => optB.setState({ step: 1, slots: [] }), /no slot for weight 'w'/);
  tf.dispose([g0, g1, a, b]);
  optA.dispose();
  optB.dispose();
});

test('Adam: construction and dispose() leave no tensor behind (the zeros its moments start from included)', () => {
  const w = tf.variable(tf.ones([3, 2]), true, 'adamLeakCheck/w');
  const before = tf.memory().numTensors;
  const opt = new Adam([{ key: 'w', variable: w, lrScale: 1 }]);
  assert.equal(tf.memory().numTensors, before + 2, 'one m and one v per weight, nothing else');
  opt.dispose();
  assert.equal(tf.memory().numTensors, before);
  w.dispose();
});
