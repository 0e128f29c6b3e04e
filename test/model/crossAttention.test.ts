import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { cieStage, createModel, ParamStore } from '../../lib/model';
import { makeCrossAttention } from '../../lib/model/crossAttention';
import { dermLike, maxAbsDiff, randomInputs } from './helpers';

before(async () => {
  await tf.setBackend('cpu');
});

function threeModalities(seed: number): tf.Tensor3D[] {
  return [3, 4, 2].map((L, m) => tf.randomNormal([2, L, 8], 0, 1, 'float32', seed + m) as tf.Tensor3D);
}

test('(C2) attention rows sum to 1 and keys are the other modalities only', () => {
  const store = new ParamStore(1);
  const attn = [0, 1, 2].map((m) => makeCrossAttention(store, `cie/m${m}`, 8, 2));
  const P = threeModalities(10);
  const { completed, attention } = cieStage(P, attn);
  attention.forEach((A, m) => {
    const Lk = [3, 4, 2].reduce((a, b) => a + b, 0) - [3, 4, 2][m];
    assert.deepEqual(A!.shape, [2, 2, [3, 4, 2][m], Lk]);
    const rowSums = tf.sum(A!, -1).dataSync();
    for (const s of rowSums) assert.ok(Math.abs(s - 1) < 1e-5, `row sum ${s}`);
    assert.ok(tf.min(A!).dataSync()[0] >= 0);
  });
  // [P; S]: the first L tokens are P itself.
  completed.forEach((C, m) => assert.equal(maxAbsDiff(tf.slice(C, [0, 0, 0], P[m].shape), P[m]), 0));
  tf.dispose([...P, ...completed, ...(attention as tf.Tensor[])]);
  store.dispose();
});

test('(C2) S_m changes with another modality, and not when its query and the others are fixed', () => {
  const store = new ParamStore(2);
  const attn = [0, 1, 2].map((m) => makeCrossAttention(store, `cie/m${m}`, 8, 2));
  const P = threeModalities(20);
  const S = (tokens: tf.Tensor3D[]) => cieStage(tokens, attn).completed.map((C, m) => tf.slice(C, [0, P[m].shape[1], 0], P[m].shape));
  const base = S(P);
  // Another modality (2) changes: S_0 and S_1 change.
  const P2 = [P[0], P[1], tf.add(P[2], 1) as tf.Tensor3D];
  const moved = S(P2);
  assert.ok(maxAbsDiff(base[0], moved[0]) > 1e-3, 'S_0 must depend on modality 2');
  assert.ok(maxAbsDiff(base[1], moved[1]) > 1e-3, 'S_1 must depend on modality 2');
  // Attention does not see the order of its keys: reversing modality 1's tokens leaves S_0 as it was (up to
  // float rounding) and reverses the rows of S_1 (modality 1 is S_1's query).
  const rev = [P[0], tf.reverse(P[1], 1) as tf.Tensor3D, P[2]];
  const again = S(rev);
  assert.ok(maxAbsDiff(base[0], again[0]) < 1e-5, 'S_0 must not depend on the order of its key tokens');
  const s1rev = tf.reverse(again[1], 1);
  assert.ok(maxAbsDiff(base[1], s1rev) < 1e-5, "S_1's rows follow its query tokens");
  assert.ok(maxAbsDiff(base[1], again[1]) > 1e-3, 'the test must move S_1 at all');
  s1rev.dispose();
  rev[1].dispose();
  tf.dispose([...P, P2[2], ...base, ...moved, ...again]);
  store.dispose();
});

test('(C2) in the model: changing image 1 changes image 0\'s CIE output S but not its own tokens P', () => {
  const config = dermLike(2);
  const model = createModel(config);
  const { images, tabular } = randomInputs(config, 2, 3);
  const a = model.forward(images, tabular, { training: false, intermediates: true }).intermediates!;
  const changed = [images[0], tf.sub(1, images[1])];
  const b = model.forward(changed, tabular, { training: false, intermediates: true }).intermediates!;
  const L = config.model.imgTokens;
  for (let s = 0; s < 4; s++) {
    assert.equal(maxAbsDiff(a.tokens[s][0], b.tokens[s][0]), 0, `P_0 at stage ${s + 1} must not change`);
    const S = (c: tf.Tensor3D) => tf.slice(c, [0, L, 0], [-1, L, -1]);
    assert.ok(maxAbsDiff(S(a.completed[s][0]), S(b.completed[s][0])) > 1e-6, `S_0 at stage ${s + 1} must change`);
  }
  // The tabular modality is among image 0's keys too: a changed record moves S_0 and leaves P_0 alone.
  const otherRecord = tf.reverse(tabular, 0) as tf.Tensor2D;
  const c = model.forward(images, otherRecord, { training: false, intermediates: true }).intermediates!;
  assert.equal(maxAbsDiff(a.tokens[3][0], c.tokens[3][0]), 0, 'P_0 must not change with the record');
  assert.ok(maxAbsDiff(tf.slice(a.completed[3][0], [0, L, 0], [-1, L, -1]), tf.slice(c.completed[3][0], [0, L, 0], [-1, L, -1])) > 1e-6, 'S_0 must change with the record');
  tf.dispose([a, b, c, changed[1], otherRecord, ...images, tabular] as unknown as tf.TensorContainer);
  model.dispose();
});
