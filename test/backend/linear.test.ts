/**
 * The linear layer's kernel (lib/backend/kernels/linear.ts) on both compute paths: y = x·W + b and its three
 * gradients against the plain ops on the cpu backend (float32) and against float64 sums; on the wasm path the same
 * bits as the plain ops there; no tensor or backend buffer left behind.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { COMPUTE_PATHS, initBackend, useComputePath } from '../../lib/backend';
import { fusedLinear, LINEAR } from '../../lib/backend/kernels/linear';
import { evalOn, onPath, randomTensor, relError, withBackend } from '../../lib/backend/testing';
import { Rng } from '../../lib/util/random';

/** [rows, in, out]: one row, rows that are not a power of two (the bias rows' doubling copies), the model's. */
const SHAPES: [number, number, number][] = [
  [1, 5, 3],
  [37, 16, 24],
  [768, 64, 64],
  [6, 1, 7],
];

/** y and dy·∂y/∂(x, W, b) for a fixed dy: the kernel where registered (wasm), else the plain ops (cpu). */
function layer(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor, dy: tf.Tensor): tf.Tensor[] {
  const f = (p: tf.Tensor, q: tf.Tensor, r: tf.Tensor) => fusedLinear(p as tf.Tensor2D, q, r) ?? tf.add(tf.matMul(p as tf.Tensor2D, q as tf.Tensor2D), r);
  return [f(x, w, b), ...tf.grads((p: tf.Tensor, q: tf.Tensor, r: tf.Tensor) => f(p, q, r).mul(dy).sum())([x, w, b])];
}

test('the wasm backend has the linear kernel, the cpu backend does not (the model takes the plain ops there)', async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  assert.ok(tf.getKernel(LINEAR, 'wasm'));
  assert.equal(tf.getKernel(LINEAR, 'cpu'), undefined);
});

for (const path of COMPUTE_PATHS) {
  test(`x·W + b and its gradients match the plain ops on cpu and float64 (${path} path)`, onPath(path), async () => {
    for (const [i, [R, K, N]] of SHAPES.entries()) {
      const make = () => {
        const rng = new Rng(40 + i);
        return [randomTensor(rng, [R, K]), randomTensor(rng, [K, N]), randomTensor(rng, [N]), randomTensor(rng, [R, N])];
      };
      const want = await evalOn('cpu', make, layer);
      const got = await withBackend('wasm', async () => {
        useComputePath(path);
        return evalOn('wasm', make, layer);
      });
      ['y', 'dx', 'dW', 'db'].forEach((name, k) => {
        const e = relError(got[k], want[k]);
        assert.ok(e <= 1e-5, `[${R},${K}]·[${K},${N}] ${name}: relative error ${e.toExponential(2)}`);
      });
      // y and db in float64 from the same inputs.
      const [x, w, b, dy] = (await evalOn('cpu', make, (...t) => t)).map((a) => Array.from(a));
      for (let r = 0; r < R; r += Math.max(1, R >> 3))
        for (let n = 0; n < N; n++) {
          let s = b[n];
          for (let k = 0; k < K; k++) s += x[r * K + k] * w[k * N + n];
          assert.ok(Math.abs(got[0][r * N + n] - s) <= 1e-5 * (1 + Math.abs(s)), `y[${r},${n}] = ${got[0][r * N + n]}, float64 ${s}`);
        }
      for (let n = 0; n < N; n++) {
        let s = 0;
        for (let r = 0; r < R; r++) s += dy[r * N + n];
        assert.equal(got[3][n], Math.fround(s), `db[${n}]: one float64 sum over the rows, rounded once`);
      }
    }
  });
}

test('on the wasm path the kernel gives the plain ops\' bits, forward and backward', async () => {
  await withBackend('wasm', async () => {
    useComputePath('wasm');
    const rng = new Rng(9);
    const [x, w, b, dy] = [randomTensor(rng, [37, 16]), randomTensor(rng, [16, 24]), randomTensor(rng, [24]), randomTensor(rng, [37, 24])];
    const plain = (p: tf.Tensor, q: tf.Tensor, r: tf.Tensor) => tf.add(tf.matMul(p as tf.Tensor2D, q as tf.Tensor2D), r);
    const fused = (p: tf.Tensor, q: tf.Tensor, r: tf.Tensor) => fusedLinear(p as tf.Tensor2D, q, r) as tf.Tensor;
    const run = (f: typeof plain) =>
      tf.tidy(() => [f(x, w, b), ...tf.grads((p: tf.Tensor, q: tf.Tensor, r: tf.Tensor) => f(p, q, r).mul(dy).sum())([x, w, b])].map((t) => Array.from(t.dataSync())));
    assert.deepEqual(run(fused), run(plain));
    tf.dispose([x, w, b, dy]);
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
      assert.equal(tf.memory().numTensors, tensors, 'no tensor left behind');
      assert.equal(tf.backend().numDataIds(), buffers, 'no wasm buffer left behind');
      tf.dispose([x, w, b]);
      useComputePath('auto');
    });
  });
}
