/**
 * Float32 reductions on wasm: the stock Sum/Mean add every element into one accumulator.
 * Reference: the mean of 393,216 copies of 100.5 is 100.5 (stock wasm 4.22 gave 100.213).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { withBackend } from '../../lib/backend/testing';
import { Rng } from '../../lib/util/random';

test('mean of 393,216 × 100.5 is 100.5 on wasm', async () => {
  await withBackend('wasm', () => {
    const x = tf.fill([32, 64, 64, 3], 100.5);
    assert.ok(Math.abs(x.mean().dataSync()[0] - 100.5) < 1e-4);
    assert.ok(Math.abs(x.sum().dataSync()[0] / 393216 - 100.5) < 1e-4);
    // per-channel (batch-norm statistics): reduce over B, H, W
    const m = x.mean([0, 1, 2]).dataSync();
    for (const v of m) assert.ok(Math.abs(v - 100.5) < 1e-4, `channel mean ${v}`);
    x.dispose();
  });
});

test('sum of 1e6 random values matches a float64 sum to 1e-6 relative', async () => {
  const rng = new Rng(11);
  const v = new Float32Array(1_000_000);
  let exact = 0;
  for (let i = 0; i < v.length; i++) {
    v[i] = rng.uniform(0, 2);
    exact += v[i];
  }
  await withBackend('wasm', () => {
    const x = tf.tensor1d(v);
    const got = x.sum().dataSync()[0];
    assert.ok(Math.abs(got - exact) / exact < 1e-6, `got ${got}, exact ${exact}`);
    x.dispose();
  });
});
