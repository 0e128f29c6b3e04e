/**
 * The linear layer's kernel (lib/backend/kernels/linear.ts) on both compute paths: y = op(a)·op(b) + bias (every
 * transpose combination, the bias per column and per row) and its three gradients against the plain ops on the cpu
 * backend (float32) and against float64 sums; on the wasm path the same bits as the plain ops there; no tensor or
 * backend buffer left behind.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { COMPUTE_PATHS, initBackend, useComputePath } from '../../lib/backend';
import { fusedLinear, LINEAR, type LinearAttrs } from '../../lib/backend/kernels/linear';
import { evalOn, onPath, randomTensor, relError, withBackend } from '../../lib/backend/testing';
import { Rng } from '../../lib/util/random';

/** [M, K, N]: one row, rows that are not a power of two (the bias rows' doubling copies), the model's. */
const SHAPES: [number, number, number][] = [
  [1, 5, 3],
  [37, 16, 24],
  [768, 64, 64],
  [6, 1, 7],
];

const OPTS: LinearAttrs[] = [false, true].flatMap((transposeA) =>
  [false, true].flatMap((transposeB) => [false, true].map((biasPerRow) => ({ transposeA, transposeB, biasPerRow }))),
);

/** The plain ops of op(a)·op(b) + bias. */
function plain(a: tf.Tensor, b: tf.Tensor, bias: tf.Tensor, o: LinearAttrs): tf.Tensor {
  return tf.add(tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D, o.transposeA, o.transposeB), o.biasPerRow ? tf.reshape(bias, [-1, 1]) : bias);
}

/** y and dy·∂y/∂(a, b, bias) for a fixed dy: the kernel where registered (wasm), else the plain ops (cpu). */
function layer(o: LinearAttrs) {
  return (a: tf.Tensor, b: tf.Tensor, bias: tf.Tensor, dy: tf.Tensor): tf.Tensor[] => {
    const f = (p: tf.Tensor, q: tf.Tensor, r: tf.Tensor) => fusedLinear(p as tf.Tensor2D, q, r, o) ?? plain(p, q, r, o);
    return [f(a, b, bias), ...tf.grads((p: tf.Tensor, q: tf.Tensor, r: tf.Tensor) => f(p, q, r).mul(dy).sum())([a, b, bias])];
  };
}

/** Inputs of `o`'s layouts for [M, K]·[K, N] from `seed`. */
function inputs(o: LinearAttrs, [M, K, N]: [number, number, number], seed: number) {
  return () => {
    const rng = new Rng(seed);
    return [randomTensor(rng, o.transposeA ? [K, M] : [M, K]), randomTensor(rng, o.transposeB ? [N, K] : [K, N]), randomTensor(rng, [o.biasPerRow ? M : N]), randomTensor(rng, [M, N])];
  };
}

test('the wasm backend has the linear kernel, the cpu backend does not (the model takes the plain ops there)', async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  assert.ok(tf.getKernel(LINEAR, 'wasm'));
  assert.equal(tf.getKernel(LINEAR, 'cpu'), undefined);
});

for (const path of COMPUTE_PATHS) {
  test(`op(a)·op(b) + bias and its gradients match the plain ops on cpu and float64 (${path} path)`, onPath(path), async () => {
    for (const o of OPTS)
      for (const [i, shape] of SHAPES.entries()) {
        const [M, K, N] = shape;
        const label = `[${M},${K}]·[${K},${N}] ${JSON.stringify(o)}`;
        const make = inputs(o, shape, 40 + i);
        const want = await evalOn('cpu', make, layer(o));
        const got = await withBackend('wasm', async () => {
          useComputePath(path);
          return evalOn('wasm', make, layer(o));
        });
        ['y', 'da', 'db', 'dbias'].forEach((name, k) => {
          const e = relError(got[k], want[k]);
          assert.ok(e <= 1e-5, `${label} ${name}: relative error ${e.toExponential(2)}`);
        });
        // y and dbias in float64 from the same inputs.
        const [a, b, bias, dy] = (await evalOn('cpu', make, (...t) => t)).map((x) => Array.from(x));
        const A = (m: number, k: number) => (o.transposeA ? a[k * M + m] : a[m * K + k]);
        const B = (k: number, n: number) => (o.transposeB ? b[n * K + k] : b[k * N + n]);
        for (let m = 0; m < M; m += Math.max(1, M >> 3))
          for (let n = 0; n < N; n++) {
            let s = bias[o.biasPerRow ? m : n];
            for (let k = 0; k < K; k++) s += A(m, k) * B(k, n);
            assert.ok(Math.abs(got[0][m * N + n] - s) <= 1e-5 * (1 + Math.abs(s)), `${label} y[${m},${n}] = ${got[0][m * N + n]}, float64 ${s}`);
          }
        const [L, R] = o.biasPerRow ? [M, N] : [N, M];
        for (let l = 0; l < L; l++) {
          let s = 0;
          for (let r = 0; r < R; r++) s += o.biasPerRow ? dy[l * N + r] : dy[r * N + l];
          assert.equal(got[3][l], Math.fround(s), `${label} dbias[${l}]: one float64 sum, in order, rounded once`);
        }
      }
  });
}

test("on the wasm path the kernel gives the plain ops' bits, forward and backward", async () => {
  await withBackend('wasm', async () => {
    useComputePath('wasm');
    for (const o of OPTS) {
      const [a, b, bias, dy] = inputs(o, [37, 16, 24], 9)();
      const run = (f: (p: tf.Tensor, q: tf.Tensor, r: tf.Tensor) => tf.Tensor) =>
        tf.tidy(() => [f(a, b, bias), ...tf.grads((p: tf.Tensor, q: tf.Tensor, r: tf.Tensor) => f(p, q, r).mul(dy).sum())([a, b, bias])].map((t) => Array.from(t.dataSync())));
      const fused = run((p, q, r) => fusedLinear(p as tf.Tensor2D, q, r, o) as tf.Tensor);
      assert.deepEqual(fused, run((p, q, r) => plain(p, q, r, o)), JSON.stringify(o));
      tf.dispose([a, b, bias, dy]);
    }
    useComputePath('auto');
  });
});

for (const path of COMPUTE_PATHS) {
  test(`no tensor and no backend buffer left behind, forward and backward (${path} path)`, onPath(path), async () => {
    await withBackend('wasm', async () => {
      useComputePath(path);
      const rng = new Rng(3);
      const [x, w, b] = [randomTensor(rng, [37, 16]), randomTensor(rng, [16, 24]), randomTensor(rng, [24])];
      const tensors = tf.memory().numTensors;
      const buffers = tf.backend().numDataIds();
      tf.tidy(() => void (fusedLinear(x as tf.Tensor2D, w, b) as tf.Tensor).dataSync());
      tf.tidy(() => tf.grads((p: tf.Tensor, q: tf.Tensor, r: tf.Tensor) => (fusedLinear(p as tf.Tensor2D, q, r) as tf.Tensor).square().sum())([x, w, b]).forEach((g) => g.dataSync()));
      // The image compression's form: both operands transposed, the bias per row.
      const perRow = { transposeA: true, transposeB: true, biasPerRow: true };
      tf.tidy(() => tf.grads((p: tf.Tensor, q: tf.Tensor, r: tf.Tensor) => (fusedLinear(p as tf.Tensor2D, q, r, perRow) as tf.Tensor).square().sum())([w, x, tf.ones([24])]).forEach((g) => g.dataSync()));
      assert.equal(tf.memory().numTensors, tensors, 'no tensor left behind');
      assert.equal(tf.backend().numDataIds(), buffers, 'no wasm buffer left behind');
      tf.dispose([x, w, b]);
      useComputePath('auto');
    });
  });
}
