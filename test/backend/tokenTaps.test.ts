/**
 * The fused shift-and-sum of tokenConv (lib/backend/kernels/tokenTaps.ts) on wasm against a Conv1d on the stock
 * cpu backend (tf.conv1d, 'same' padding, on [B, D, N] — what tokenConv computes, test/model/layers.test.ts):
 * values and the gradients for x, the kernel and the bias, relative error ≤ 1e-5 (float32 products, sums of
 * three taps and a bias rounded once); and the plain-op path on wasm (fused kernels removed) against the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/backend';
import { toggleWasmKernels } from '../../lib/backend/kernels';
import { TOKEN_TAPS, TOKEN_TAPS_GRAD } from '../../lib/backend/kernels/tokenTaps';
import { evalOn, randomTensor, relError } from '../../lib/backend/testing';
import { tokenConv, tokenConvRows } from '../../lib/model/layers';
import { Rng } from '../../lib/util/random';

const TOL = 1e-5;
const FUSED = [TOKEN_TAPS, TOKEN_TAPS_GRAD];
/** [B, N_in, D, N_out]; D = 1 leaves taps 0 and 2 in the padding only. */
const CASES: [number, number, number, number][] = [
  [2, 5, 7, 3],
  [3, 9, 4, 2],
  [2, 4, 1, 3],
  [4, 24, 16, 8],
];

function make(c: [number, number, number, number]): () => tf.Tensor[] {
  const [B, N, D, L] = c;
  return () => {
    const rng = new Rng(c.reduce((a, b) => a * 31 + b, 7));
    return [randomTensor(rng, [B, N, D]), randomTensor(rng, [3, N, L]), randomTensor(rng, [L]), randomTensor(rng, [B, L, D])];
  };
}

/** tokenConv, or tokenConvRows on x transposed to d-major rows [D·B, N] (as the image compression calls it). */
function conv(xx: tf.Tensor, kk: tf.Tensor, bb: tf.Tensor, dMajor: boolean): tf.Tensor {
  if (!dMajor) return tokenConv(xx as tf.Tensor3D, { kernel: kk, bias: bb });
  const [B, N, D] = xx.shape;
  return tokenConvRows(tf.reshape(tf.transpose(xx, [2, 0, 1]), [D * B, N]) as tf.Tensor2D, B, D, true, { kernel: kk, bias: bb });
}

/** out, dx, dkernel, dbias of tokenConv with the loss Σ out·w. */
function viaTokenConv(x: tf.Tensor, kernel: tf.Tensor, bias: tf.Tensor, w: tf.Tensor, dMajor = false): tf.Tensor[] {
  const f = (xx: tf.Tensor, kk: tf.Tensor, bb: tf.Tensor) => conv(xx, kk, bb, dMajor);
  return [f(x, kernel, bias), ...tf.grads((xx: tf.Tensor, kk: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(f(xx, kk, bb), w)))([x, kernel, bias])];
}

/** The same with tf.conv1d on x transposed to [B, D, N] ('same' padding), transposed back. */
function viaConv1d(x: tf.Tensor, kernel: tf.Tensor, bias: tf.Tensor, w: tf.Tensor): tf.Tensor[] {
  const f = (xx: tf.Tensor, kk: tf.Tensor, bb: tf.Tensor) =>
    tf.transpose(tf.add(tf.conv1d(tf.transpose(xx, [0, 2, 1]) as tf.Tensor3D, kk as tf.Tensor3D, 1, 'same'), bb), [0, 2, 1]);
  return [f(x, kernel, bias), ...tf.grads((xx: tf.Tensor, kk: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(f(xx, kk, bb), w)))([x, kernel, bias])];
}

test('wasm: the fused kernels run for tokenConv', async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  const xs = make(CASES[0])();
  const info = await tf.profile(() => tf.dispose(viaTokenConv(xs[0], xs[1], xs[2], xs[3])));
  const names = info.kernels.map((k) => k.name);
  assert.ok(names.includes(TOKEN_TAPS) && names.includes(TOKEN_TAPS_GRAD), `kernels run: ${[...new Set(names)].join(' ')}`);
  assert.ok(!names.includes('PadV2') && !names.includes('AddN'), 'the plain ops ran beside the fused kernel');
  tf.dispose(xs);
});

for (const fused of [true, false]) for (const dMajor of [false, true]) {
  test(`tokenConv${dMajor ? 'Rows (d-major rows)' : ''} on wasm (${fused ? 'fused kernels' : 'plain ops'}) equals Conv1d on cpu: values and gradients`, async () => {
    for (const c of CASES) {
      const want = await evalOn('cpu', make(c), (x, k, b, w) => viaConv1d(x, k, b, w));
      await initBackend({ backend: 'wasm', quiet: true });
      toggleWasmKernels(FUSED, fused);
      try {
        const got = await evalOn('wasm', make(c), (x, k, b, w) => viaTokenConv(x, k, b, w, dMajor));
        ['out', 'dx', 'dkernel', 'dbias'].forEach((name, i) => {
          const e = relError(got[i], want[i]);
          assert.ok(e <= TOL, `[${c}]${dMajor ? ' d-major' : ''} ${name}: relative error ${e.toExponential(2)}`);
        });
      } finally {
        toggleWasmKernels(FUSED, true);
      }
    }
  });
}

test('the fused token taps and their gradient leave no tensor behind', async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  const xs = make(CASES[3])();
  tf.dispose(viaTokenConv(xs[0], xs[1], xs[2], xs[3]));
  const before = tf.memory().numTensors;
  for (let i = 0; i < 3; i++) tf.dispose(viaTokenConv(xs[0], xs[1], xs[2], xs[3]));
  assert.equal(tf.memory().numTensors, before);
  tf.dispose(xs);
});
