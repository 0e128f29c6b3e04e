import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { ParamStore } from '../../lib/model';
import { channelNorm, makeChannelNorm, makeTokenConv, tokenConv } from '../../lib/model/layers';
import { maxAbsDiff } from './helpers';

before(async () => {
  await tf.setBackend('cpu');
});

test('tokenConv (im2col matmul) equals Conv1d over the token axis (tf.conv1d on [B, D, N], same padding)', () => {
  const store = new ParamStore(3);
  const p = makeTokenConv(store, 'c', 5, 3, 'head');
  const x = tf.randomNormal([2, 5, 7], 0, 1, 'float32', 1) as tf.Tensor3D; // [B, N_in, D]
  const y = tokenConv(x, p); // [B, N_out, D]
  const ref = tf.transpose(tf.add(tf.conv1d(tf.transpose(x, [0, 2, 1]) as tf.Tensor3D, p.kernel as tf.Tensor3D, 1, 'same'), p.bias), [0, 2, 1]);
  assert.deepEqual(y.shape, [2, 3, 7]);
  assert.ok(maxAbsDiff(y, ref) < 1e-5);
  // One hand-computed entry: out[0, l, 0] = b[l] + Σ_n (W[1, n, l] x[0, n, 0] + W[2, n, l] x[0, n, 1]) (d − 1 is padding).
  const W = p.kernel.arraySync() as number[][][];
  const X = x.arraySync();
  const b = p.bias.arraySync() as number[];
  let want = b[1];
  for (let n = 0; n < 5; n++) want += W[1][n][1] * X[0][n][0] + W[2][n][1] * X[0][n][1];
  assert.ok(Math.abs((y.arraySync() as number[][][])[0][1][0] - want) < 1e-5);
  tf.dispose([x, y, ref]);
  store.dispose();
});

test('channelNorm normalises each position over channels (no batch statistics)', () => {
  const store = new ParamStore(4);
  const p = makeChannelNorm(store, 'n', 6, 'encoder');
  const x = tf.randomNormal([3, 4, 4, 6], 2, 3, 'float32', 2);
  const y = channelNorm(x, p);
  const { mean, variance } = tf.moments(y, -1);
  assert.ok(tf.max(tf.abs(mean)).dataSync()[0] < 1e-5);
  assert.ok(tf.max(tf.abs(tf.sub(variance, 1))).dataSync()[0] < 1e-3);
  // Batch-independent: the first case alone gives the same output.
  const y0 = channelNorm(tf.slice(x, [0], [1]), p);
  assert.ok(maxAbsDiff(y0, tf.slice(y, [0], [1])) < 1e-6);
  store.dispose();
});
