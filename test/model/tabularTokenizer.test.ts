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

test('missing cells: the field\'s learned token replaces the level row or x·w + b; same tokens as without it when nothing is missing; gradients reach it; no leak', () => {
  const spec = [{ kind: 'numeric' as const }, { kind: 'categorical' as const, levels: 3 }, { kind: 'numeric' as const }, { kind: 'categorical' as const, levels: 2 }];
  const plain = new ParamStore(5);
  const tokPlain = makeTabularTokenizer(plain, 't', spec, 4);
  const store = new ParamStore(5);
  const tok = makeTabularTokenizer(store, 't', spec.map((f) => ({ ...f, missing: true })), 4);
  // The missing table is zeros: it draws nothing, so every other weight equals the model without it.
  for (const e of plain.entries) assert.deepEqual(store.entries.find((x) => x.key === e.key)!.variable.arraySync(), e.variable.arraySync(), e.key);
  const M = store.entries.find((e) => e.key === 't/missing')!.variable;
  assert.deepEqual(M.shape, [4, 4]);
  assert.ok((M.arraySync() as number[][]).every((r) => r.every((v) => v === 0)));
  const complete = tf.tensor2d([[0.5, 2, -1, 1], [2.0, 0, 0, 0]]);
  assert.deepEqual(tf.tidy(() => tok.apply(complete).arraySync()), tf.tidy(() => tokPlain.apply(complete).arraySync()), 'exactly the same tokens without missing cells');
  // Give the missing tokens distinct values, then mask: row 0 numeric field 0 (NaN) and categorical field 3 (index = levels = 2);
  // row 1 categorical field 1 (index 3 = its level count) and numeric field 2.
  const Mv = [[1, 1, 1, 1], [2, 2, 2, 2], [3, 3, 3, 3], [4, 4, 4, 4]];
  M.assign(tf.tensor2d(Mv));
  const x = tf.tensor2d([[NaN, 2, -1, 2], [2.0, 3, NaN, 0]]);
  const before = tf.memory().numTensors;
  const T = tok.apply(x);
  const t = T.arraySync() as number[][][];
  const ref = tf.tidy(() => tokPlain.apply(tf.tensor2d([[0, 2, -1, 0], [2.0, 0, 0, 0]])).arraySync() as number[][][]);
  assert.deepEqual(t[0][0], Mv[0]);
  assert.deepEqual(t[0][3], Mv[3]);
  assert.deepEqual(t[1][1], Mv[1]);
  assert.deepEqual(t[1][2], Mv[2]);
  // Observed cells keep their tokens (no NaN leaks from a neighbour).
  for (const [i, k] of [[0, 1], [0, 2], [1, 0], [1, 3]]) assert.ok(t[i][k].every((v, d) => Math.abs(v - ref[i][k][d]) < 1e-6), `cell ${i},${k}`);
  assert.equal(tf.memory().numTensors, before + 1, 'only the output tensor is kept');
  // d sum(tokens) / d m_k = number of rows where field k is missing × 1 per channel; the embedding gets no NaN gradient.
  const vars = store.entries.map((e) => e.variable);
  const { grads } = tf.variableGrads(() => tf.sum(tok.apply(x)) as tf.Scalar, vars);
  assert.deepEqual(grads[M.name].arraySync(), [[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]]);
  for (const g of Object.values(grads)) assert.ok((g.dataSync() as Float32Array).every(Number.isFinite));
  assert.throws(() => makeTabularTokenizer(new ParamStore(1), 'u', [{ kind: 'numeric', missing: true }, { kind: 'numeric' }], 4), /all or none/);
  tf.dispose([T, complete, x, ...Object.values(grads)]);
  plain.dispose();
  store.dispose();
});
