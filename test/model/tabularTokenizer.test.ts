import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { makeTabularTokenizer, ParamStore } from '../../lib/model';

before(async () => {
  await tf.setBackend('cpu');
});

test('one D-wide token per field: categorical = embedding row, numeric = x·w + b, in field order', () => {
  const store = new ParamStore(5);
  // numeric, categorical(3), numeric, categorical(2): exercises the reordering
  const tok = makeTabularTokenizer(store, 't', [{ kind: 'numeric' }, { kind: 'categorical', levels: 3 }, { kind: 'numeric' }, { kind: 'categorical', levels: 2 }], 4);
  const x = tf.tensor2d([
    [0.5, 2, -1, 1],
    [2.0, 2, 0, 0],
  ]);
  const T = tok.apply(x);
  assert.deepEqual(T.shape, [2, 4, 4]);
  const t = T.arraySync() as number[][][];
  const E = (store.entries.find((e) => e.key === 't/embedding')!.variable.arraySync() as number[][]);
  const w = store.entries.find((e) => e.key === 't/numeric/scale')!.variable.arraySync() as number[][];
  const close = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]) < 1e-6);
  // field 1, level 2 → row 2; field 3 level 1 → row 3 + 1 (shared table, offsets)
  assert.ok(close(t[0][1], E[2]) && close(t[1][1], E[2]));
  assert.ok(close(t[0][3], E[4]) && close(t[1][3], E[3]));
  // numeric: bias starts at 0, so the token is x · w
  assert.ok(close(t[0][0], w[0].map((v) => 0.5 * v)));
  assert.ok(close(t[1][0], w[0].map((v) => 2 * v)));
  assert.ok(close(t[1][2], [0, 0, 0, 0]));
  assert.throws(() => tok.apply(tf.zeros([2, 3]) as tf.Tensor2D), /3 columns, the model expects 4/);
  store.dispose();
});
