/**
 * Each of this project's wasm kernels against the cpu backend (the reference), on seeded random
 * inputs of several shapes, strides and paddings: relative error ≤ 1e-4.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { COMPUTE_PATHS, computePath, initBackend, useComputePath } from '../../lib/backend';
import { nativeConvRule, patches2d } from '../../lib/backend/kernels/nativeConv';
import { convTrace, nativeConv3dRule, shiftLayout } from '../../lib/backend/kernels/nativeConv3d';
import { evalOn, onPath, randomTensor, relError, withBackend } from '../../lib/backend/testing';
import { Rng } from '../../lib/util/random';

const TOL = 1e-4;

/** Compare f on wasm and cpu for inputs of `shapes` drawn from `seed`. */
async function agree(
  label: string,
  seed: number,
  shapes: number[][],
  f: (...xs: tf.Tensor[]) => tf.Tensor | tf.Tensor[],
): Promise<void> {
  const make = () => {
    const rng = new Rng(seed);
    return shapes.map((s) => randomTensor(rng, s));
  };
  const want = await evalOn('cpu', make, f);
  const got = await evalOn('wasm', make, f);
  assert.equal(got.length, want.length);
  got.forEach((g, i) => {
    const e = relError(g, want[i]);
    assert.ok(e <= TOL, `${label}: output ${i} relative error ${e.toExponential(2)}`);
  });
}

type Pad = 'same' | 'valid' | [[number, number], [number, number], [number, number], [number, number]];

const CONV2D_CASES: { x: number[]; w: number[]; s: number | [number, number]; pad: Pad }[] = [
  { x: [2, 9, 9, 3], w: [3, 3, 3, 4], s: 1, pad: 'same' },
  { x: [2, 9, 9, 3], w: [3, 3, 3, 4], s: 2, pad: 'same' },
  { x: [2, 10, 11, 3], w: [3, 2, 3, 5], s: 2, pad: 'valid' },
  { x: [1, 8, 8, 2], w: [5, 5, 2, 3], s: 3, pad: 'same' },
  { x: [2, 7, 7, 3], w: [1, 1, 3, 2], s: [2, 1], pad: 'valid' },
  { x: [2, 9, 8, 3], w: [3, 3, 3, 4], s: 1, pad: [[0, 0], [1, 2], [2, 0], [0, 0]] },
  { x: [3, 12, 12, 8], w: [4, 4, 8, 6], s: 2, pad: 'same' },
  // The Derm7pt encoder's block convolutions (3×3, stride 1, 'same', channels in = out) down to a 2×2 grid, a
  // stride-1 'valid' one and an even kernel at stride 1 (uneven padding): the shifted products of a depth-1 grid.
  { x: [3, 6, 6, 5], w: [3, 3, 5, 5], s: 1, pad: 'same' },
  { x: [4, 2, 2, 6], w: [3, 3, 6, 6], s: 1, pad: 'same' },
  { x: [2, 7, 6, 3], w: [3, 3, 3, 2], s: 1, pad: 'valid' },
  { x: [2, 5, 6, 2], w: [2, 3, 2, 3], s: 1, pad: 'same' },
  // Kernels that tile x exactly (kernel = stride: the stem, the 2×2 stride-2 downsamplings): the patch products, with
  // few input channels (forward on XNNPACK) and with 16 ('valid' and 'same' agree when the kernel tiles x).
  { x: [2, 8, 12, 3], w: [4, 4, 3, 5], s: 4, pad: 'same' },
  { x: [3, 6, 4, 16], w: [2, 2, 16, 7], s: 2, pad: 'valid' },
  { x: [2, 6, 6, 17], w: [3, 2, 17, 4], s: [3, 2], pad: 'same' },
];

/**
 * The `shift` variants forced by the tests: positions as rows or channel-major (`shiftLayout.positionsAsRows`),
 * each with small blocks (uneven last block) so that every kernel takes several.
 */
const SHIFT_VARIANTS = { shift: { rows: true, block: 7 }, 'shift channel-major': { rows: false, block: 6 } } as const;

/** Force a `shift` variant; returns a function that puts the measured choices back. */
function forceShift(mode: string): () => void {
  const saved = { ...shiftLayout };
  const v = SHIFT_VARIANTS[mode as keyof typeof SHIFT_VARIANTS];
  if (v) {
    shiftLayout.positionsAsRows = () => v.rows;
    shiftLayout.blockRows = () => v.block;
  }
  return () => Object.assign(shiftLayout, saved);
}

/** Data buffers on the wasm backend (tensors and intermediates a kernel forgot to free both count). */
function numDataIds(): number {
  return tf.engine().backend.numDataIds();
}

test('the wasm backend initialises with the project kernels', async () => {
  assert.equal(await initBackend({ backend: 'wasm', quiet: true }), 'wasm');
});

// On native-blas, `im2col` runs every shape through im2col + sgemm (the measured rule would leave some on XNNPACK,
// on shifted products or on patch products), `shift` every stride-1 shape through the shifted products of
// nativeConv3d.ts as depth 1 (positions as rows, or channel-major), `patch` every exact patch grid through the patch
// products, the forward pass with few input channels included.
for (const mode of ['wasm', 'native-blas', 'im2col', 'shift', 'shift channel-major', 'patch'] as const) {
  const cpath = mode === 'wasm' ? 'wasm' : 'native-blas';
  test(`Conv2D, Conv2DBackpropFilter and Conv2DBackpropInput match cpu (${mode})`, onPath(cpath), async () => {
    await initBackend({ backend: 'wasm', quiet: true });
    useComputePath(cpath);
    const rule = { ...nativeConvRule };
    const rule3 = { ...nativeConv3dRule };
    const patches = { ...patches2d };
    const restoreShift = forceShift(mode);
    for (const k of ['forward', 'filter', 'input'] as const) {
      if (mode === 'im2col') [nativeConvRule[k], nativeConv3dRule[k], patches2d.on] = [() => true, () => 'im2col', false];
      if (mode.startsWith('shift')) nativeConv3dRule[k] = () => 'shift';
      if (mode === 'patch') patches2d.forward = () => true;
    }
    const n0 = tf.memory().numTensors;
    const d0 = numDataIds();
    try {
      for (const [i, c] of CONV2D_CASES.entries()) {
        await agree(`conv2d ${JSON.stringify(c)} (${mode})`, 100 + i, [c.x, c.w], (x, w) => {
          const y = tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, c.s, c.pad);
          const dy = tf.sin(tf.range(0, y.size).reshape(y.shape)); // a non-trivial upstream gradient
          return [y, ...tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.s, c.pad).mul(dy).sum())([x, w])];
        });
      }
      await agree(`conv2dTranspose (${mode})`, 7, [[2, 5, 5, 4], [3, 3, 3, 4]], (x, w) =>
        tf.conv2dTranspose(x as tf.Tensor4D, w as tf.Tensor4D, [2, 10, 10, 3], 2, 'same'),
      );
    } finally {
      Object.assign(nativeConvRule, rule);
      Object.assign(nativeConv3dRule, rule3);
      Object.assign(patches2d, patches);
      restoreShift();
    }
    assert.equal(tf.memory().numTensors, n0, 'no tensor left behind');
    assert.equal(numDataIds(), d0, 'no data buffer left behind');
  });
}

// On native-blas, `shift` and `im2col` run every shape through that method of nativeConv3d.ts (`shift` only at
// stride 1; the measured rule picks per shape), `wasm` through the wasm kernels with the BLAS below them.
for (const mode of ['wasm', 'native-blas', 'shift', 'shift channel-major', 'im2col', 'native-wasm'] as const)
test(`Conv3D, Conv3DBackpropFilterV2 and Conv3DBackpropInputV2 match cpu (${mode})`, onPath(mode === 'wasm' ? 'wasm' : 'native-blas'), async () => {
  const cpath = mode === 'wasm' ? 'wasm' : 'native-blas';
  await initBackend({ backend: 'wasm', quiet: true });
  useComputePath(cpath);
  const rule = { ...nativeConv3dRule };
  const restoreShift = forceShift(mode);
  const forced = mode.startsWith('shift') ? 'shift' : mode === 'im2col' ? mode : mode === 'native-wasm' ? 'wasm' : null;
  if (forced) for (const k of ['forward', 'filter', 'input'] as const) nativeConv3dRule[k] = () => forced;
  const cases: { x: number[]; w: number[]; s: number | [number, number, number]; pad: 'same' | 'valid' }[] = [
    { x: [1, 4, 4, 4, 1], w: [3, 3, 3, 1, 1], s: 1, pad: 'same' },
    { x: [2, 6, 6, 6, 2], w: [3, 3, 3, 2, 3], s: 1, pad: 'valid' },
    { x: [2, 8, 8, 8, 2], w: [3, 3, 3, 2, 3], s: 2, pad: 'same' },
    { x: [2, 7, 6, 5, 2], w: [2, 3, 1, 2, 3], s: [2, 1, 2], pad: 'valid' },
    // Patchify (kernel = stride, exact tiling: patchify.ts), as the MEN stem, 'same' and 'valid', 1 and 3 channels;
    // then kernel = stride without exact tiling (the general path).
    { x: [3, 4, 8, 8, 1], w: [2, 4, 4, 1, 5], s: [2, 4, 4], pad: 'same' },
    { x: [2, 6, 6, 9, 3], w: [3, 2, 3, 3, 4], s: [3, 2, 3], pad: 'valid' },
    { x: [2, 5, 8, 8, 1], w: [2, 4, 4, 1, 3], s: [2, 4, 4], pad: 'valid' },
    // The MEN encoder's block convolution (3×3×3, 'same', channels in = out) and its last downsampling
    // (2×2×2 stride 2 on an odd grid: 'same' pads after); an even kernel at stride 1 pads unevenly.
    { x: [3, 4, 5, 6, 4], w: [3, 3, 3, 4, 4], s: 1, pad: 'same' },
    { x: [2, 2, 3, 3, 4], w: [2, 2, 2, 4, 5], s: 2, pad: 'same' },
    { x: [2, 5, 4, 6, 2], w: [2, 3, 2, 2, 3], s: 1, pad: 'same' },
    { x: [1, 3, 4, 5, 2], w: [1, 3, 1, 2, 2], s: 1, pad: 'valid' },
    // More padded-grid rows than a block (shiftLayout.blockRows): the shift filter gradient sums over several row blocks.
    { x: [2, 8, 24, 24, 2], w: [3, 3, 3, 2, 3], s: 1, pad: 'same' },
  ];
  // (10·26·26 − 2·26·26 − 2·26 − 2 rows for the last case)
  assert.ok(2 * (10 * 26 * 26) - (2 * 26 * 26 + 2 * 26 + 2) > shiftLayout.blockRows(2, 3, 'filter'));
  const n0 = tf.memory().numTensors;
  const d0 = numDataIds();
  try {
    for (const [i, c] of cases.entries()) {
      await agree(`conv3d ${JSON.stringify(c)} (${mode})`, 200 + i, [c.x, c.w], (x, w) => {
        const f = (a: tf.Tensor, b: tf.Tensor) => tf.conv3d(a as tf.Tensor5D, b as tf.Tensor5D, c.s, c.pad);
        const y = f(x, w);
        const dy = tf.cos(tf.range(0, y.size).reshape(y.shape));
        return [y, ...tf.grads((a: tf.Tensor, b: tf.Tensor) => f(a, b).mul(dy).sum())([x, w])];
      });
    }
  } finally {
    Object.assign(nativeConv3dRule, rule);
    restoreShift();
  }
  assert.equal(tf.memory().numTensors, n0, 'no tensor left behind');
  assert.equal(numDataIds(), d0, 'no data buffer left behind');
});

/** A 2-D convolution and both its gradients on wasm after the heap grew (every view made before is detached) vs cpu. */
async function conv2dAfterGrowth(label: string, seed: number, shapes: number[][], stride: number, pad: 'same' | 'valid'): Promise<void> {
  const heap = () => (tf.backend() as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.byteLength;
  await agree(label, seed, shapes, (x, w) => {
    const f = (a: tf.Tensor, b: tf.Tensor) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, pad);
    if (tf.getBackend() !== 'wasm') return [f(x, w), ...tf.grads((a: tf.Tensor, b: tf.Tensor) => f(a, b).sum())([x, w])];
    const before = heap();
    const big = tf.zeros([Math.ceil(before / 4) + 1]);
    const out = [f(x, w), ...tf.grads((a: tf.Tensor, b: tf.Tensor) => f(a, b).sum())([x, w])];
    assert.ok(heap() > before, 'the heap grew');
    big.dispose();
    return out;
  });
}

test('native 3-D (and depth-1 2-D) convolutions read the heap after it grew (views taken per call)', onPath('native-blas'), async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  useComputePath('native-blas');
  const rule = { ...nativeConv3dRule };
  const heap = () => (tf.backend() as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.byteLength;
  const patches = { ...patches2d };
  let restoreShift = () => {};
  try {
    for (const mode of ['shift', 'shift channel-major', 'im2col'] as const) {
      const m = mode === 'im2col' ? mode : 'shift';
      restoreShift = forceShift(mode);
      for (const k of ['forward', 'filter', 'input'] as const) nativeConv3dRule[k] = () => m;
      await agree(`conv3d after heap growth (${m})`, 400, [[2, 5, 6, 6, 3], [3, 3, 3, 3, 4]], (x, w) => {
        if (tf.getBackend() !== 'wasm') return tf.conv3d(x as tf.Tensor5D, w as tf.Tensor5D, 1, 'same');
        const before = heap();
        // Allocate past the heap's size: it grows, detaching every view made before; the kernel must take its own.
        const big = tf.zeros([Math.ceil(before / 4) + 1]);
        const y = tf.conv3d(x as tf.Tensor5D, w as tf.Tensor5D, 1, 'same');
        assert.ok(heap() > before, 'the heap grew');
        big.dispose();
        return y;
      });
      // A 2-D convolution and both its gradients, which run as depth 1 through the same kernels.
      await conv2dAfterGrowth(`conv2d after heap growth (${m})`, 401, [[3, 6, 6, 4], [3, 3, 4, 4]], 1, 'same');
      restoreShift();
    }
    // The 2-D patch products (kernel = stride), forward and both gradients.
    patches2d.forward = () => true;
    await conv2dAfterGrowth('conv2d patches after heap growth', 402, [[2, 6, 8, 5], [2, 2, 5, 3]], 2, 'valid');
  } finally {
    Object.assign(nativeConv3dRule, rule);
    Object.assign(patches2d, patches);
    restoreShift();
  }
});

test('the convolution methods are the ones the rules pick on the Derm7pt and MEN shapes', onPath('native-blas'), async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  useComputePath('native-blas');
  const method = (f: () => tf.Tensor) => {
    tf.tidy(f);
    return convTrace.method;
  };
  const x16 = () => tf.zeros([2, 16, 16, 16]) as tf.Tensor4D;
  assert.equal(method(() => tf.conv2d(x16(), tf.zeros([3, 3, 16, 16]) as tf.Tensor4D, 1, 'same')), 'shift, positions as rows');
  assert.equal(method(() => tf.conv2d(x16(), tf.zeros([2, 2, 16, 32]) as tf.Tensor4D, 2, 'same')), 'patch');
  assert.equal(method(() => tf.conv2d(tf.zeros([2, 64, 64, 3]) as tf.Tensor4D, tf.zeros([4, 4, 3, 16]) as tf.Tensor4D, 4, 'same')), 'wasm');
  assert.equal(method(() => tf.conv3d(tf.zeros([2, 8, 12, 12, 8]) as tf.Tensor5D, tf.zeros([3, 3, 3, 8, 8]) as tf.Tensor5D, 1, 'same')), 'shift, channel-major');
  assert.equal(method(() => tf.conv3d(tf.zeros([2, 4, 6, 6, 16]) as tf.Tensor5D, tf.zeros([3, 3, 3, 16, 16]) as tf.Tensor5D, 1, 'same')), 'shift, positions as rows');
});

test('3D pooling and its gradients match cpu', async () => {
  await agree('pool3d', 300, [[2, 6, 6, 6, 3]], (x) => {
    const f = (a: tf.Tensor) => tf.maxPool3d(a as tf.Tensor5D, 3, 2, 'same').sum().add(tf.avgPool3d(a as tf.Tensor5D, 2, 2, 'valid').square().sum());
    return [f(x), tf.grad(f)(x)];
  });
});

for (const path of COMPUTE_PATHS) {
test(`BatchMatMul / _FusedMatMul with and without transposes, and their gradients, match cpu (${path} path)`, onPath(path), async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  useComputePath(path);
  const cases: [number[], number[], boolean, boolean][] = [
    [[64, 32], [32, 48], false, false],
    [[32, 64], [32, 48], true, false],
    [[64, 32], [48, 32], false, true],
    [[32, 64], [48, 32], true, true],
    [[2, 8, 16], [2, 16, 8], false, false], // batch 2: stock path
    [[5, 16, 8], [5, 16, 8], true, false], // batch 5: depthwise path
    [[12, 10, 6], [12, 7, 6], false, true],
    [[2, 3, 8, 16], [2, 3, 8, 16], true, false],
    [[4, 33, 17], [4, 17, 9], false, false],
  ];
  // B shared by the batch (native: one sgemm with M = batch·m where A is not transposed). Values only: tfjs's
  // BatchMatMul gradient does not reduce a broadcast operand's gradient to its shape (the model's products are rank 2).
  const shared: [number[], number[], boolean, boolean][] = [
    [[4, 33, 17], [17, 9], false, false],
    [[2, 3, 8, 16], [8, 16], false, true],
    [[4, 17, 33], [17, 9], true, false],
  ];
  for (const [i, [a, b, ta, tb]] of shared.entries()) {
    await agree(`matMul ${a} ${b} ${ta} ${tb} (${path})`, 430 + i, [a, b], (x, y) => tf.matMul(x, y, ta, tb));
  }
  for (const [i, [a, b, ta, tb]] of cases.entries()) {
    await agree(`matMul ${a} ${b} ${ta} ${tb} (${path})`, 400 + i, [a, b], (x, y) => {
      const f = (p: tf.Tensor, q: tf.Tensor) => tf.matMul(p, q, ta, tb);
      const c = f(x, y);
      const dy = tf.sin(tf.range(0, c.size).reshape(c.shape));
      return [c, ...tf.grads((p: tf.Tensor, q: tf.Tensor) => f(p, q).mul(dy).sum())([x, y])];
    });
  }
  for (const activation of ['linear', 'relu'] as const) {
    await agree(`fused matMul ${activation} (${path})`, 420, [[16, 8], [12, 8], [12]], (x, y, bias) =>
      tf.fused.matMul({ a: x as tf.Tensor2D, b: y as tf.Tensor2D, transposeB: true, bias, activation }),
    );
  }
  assert.equal(computePath().path, path);
});
}

test('Sum and Mean match cpu over several axes and sizes', async () => {
  const cases: [number[], number | number[] | undefined, boolean][] = [
    [[7, 5], 1, false],
    [[4, 300, 5], 1, true],
    [[8, 16, 16, 8], [0, 1, 2], false],
    [[3, 1500], undefined, false],
    [[2, 37, 41, 3], [1, 2], true],
    [[5003], 0, false],
    // The JS path's three layouts (leading, middle, trailing contiguous axes) and the staged one (not contiguous).
    [[8192, 64], 0, false],
    [[3, 4, 5, 6], [1, 2], true],
    [[6, 7, 2000], 2, false],
    [[4, 6, 1200], [0, 2], false],
    [[5, 3, 7], [2, 0], true],
  ];
  for (const [i, [shape, axis, keep]] of cases.entries()) {
    await agree(`sum/mean ${shape} ${axis}`, 500 + i, [shape], (x) => [x.sum(axis, keep), x.mean(axis, keep)]);
  }
});

test('Identity shares the data instead of copying it, and frees it with the last reference', async () => {
  await withBackend('wasm', async () => {
    const before = tf.memory().numBytes;
    const buffers = tf.backend().numDataIds();
    const x = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
    const y = tf.clone(x);
    assert.equal(tf.backend().numDataIds() - buffers, 1, 'one wasm buffer for both tensors');
    x.dispose();
    assert.deepEqual(await y.data(), Float32Array.from([1, 2, 3, 4, 5, 6]), 'the clone outlives the original');
    const g = tf.grad((a: tf.Tensor) => tf.clone(a).mul(a).sum())(y);
    assert.deepEqual(await g.data(), Float32Array.from([2, 4, 6, 8, 10, 12]));
    tf.dispose([y, g]);
    assert.equal(tf.memory().numBytes, before, 'nothing left behind');
    assert.equal(tf.backend().numDataIds(), buffers, 'no wasm buffer left behind');
  });
});

test('Tile matches cpu', async () => {
  const cases: [number[], number[]][] = [
    [[1, 1, 1, 5], [3, 4, 5, 1]],
    [[2, 3], [3, 2]],
    [[2, 1, 3], [1, 4, 2]],
    [[4], [3]],
  ];
  for (const [i, [shape, reps]] of cases.entries()) {
    await agree(`tile ${shape} ${reps}`, 600 + i, [shape], (x) => tf.tile(x, reps));
  }
});

test('UnsortedSegmentSum (the gradient of gather) matches cpu', async () => {
  await agree('gather grad', 700, [[10, 6]], (e) => {
    const ids = tf.tensor2d([[1, 3, 3], [9, 0, 3]], [2, 3], 'int32');
    return tf.grad((t: tf.Tensor) => tf.gather(t, ids).square().sum())(e);
  });
  await agree('unsortedSegmentSum', 701, [[12, 4]], (x) =>
    tf.unsortedSegmentSum(x, tf.tensor1d([0, 2, 2, 4, 1, 0, 7, 4, 4, 3, 3, 2], 'int32'), 6),
  );
});

test('DepthwiseConv2dNativeBackpropFilter / …Input match cpu', async () => {
  const cases: { x: number[]; w: number[]; s: number | [number, number]; pad: Pad }[] = [
    { x: [2, 9, 9, 3], w: [3, 3, 3, 1], s: 1, pad: 'same' },
    { x: [2, 9, 9, 3], w: [3, 3, 3, 2], s: 2, pad: 'same' },
    { x: [2, 10, 11, 3], w: [3, 2, 3, 3], s: 2, pad: 'valid' },
    { x: [2, 9, 9, 3], w: [3, 3, 3, 2], s: [2, 1], pad: [[0, 0], [1, 2], [2, 0], [0, 0]] },
  ];
  for (const [i, c] of cases.entries()) {
    await agree(`depthwise ${JSON.stringify(c)}`, 800 + i, [c.x, c.w], (x, w) => {
      const f = (a: tf.Tensor, b: tf.Tensor) => tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.s, c.pad);
      const dy = tf.sin(tf.range(0, f(x, w).size).reshape(f(x, w).shape));
      return tf.grads((a: tf.Tensor, b: tf.Tensor) => f(a, b).mul(dy).sum())([x, w]);
    });
  }
});

test('nearest-neighbour resize gradient on wasm equals the gradient of the same resize as gathers', async () => {
  // Not compared with cpu: tfjs-backend-cpu 4.22's ResizeNearestNeighborGrad indexes dy with the
  // image's batch stride, so it is wrong for batch > 1 whenever the sizes differ (wasm is right).
  await withBackend('wasm', () => {
    const [B, H, W, OH, OW] = [2, 4, 4, 7, 5];
    const rng = new Rng(900);
    const x = randomTensor(rng, [B, H, W, 3]);
    const dy = randomTensor(rng, [B, OH, OW, 3]);
    const rows = tf.tensor1d([...Array(OH).keys()].map((i) => Math.min(H - 1, Math.floor((i * H) / OH))), 'int32');
    const cols = tf.tensor1d([...Array(OW).keys()].map((i) => Math.min(W - 1, Math.floor((i * W) / OW))), 'int32');
    const got = tf.grad((t: tf.Tensor) => tf.image.resizeNearestNeighbor(t as tf.Tensor4D, [OH, OW]).mul(dy).sum())(x);
    const want = tf.grad((t: tf.Tensor) => tf.gather(tf.gather(t, rows, 1), cols, 2).mul(dy).sum())(x);
    assert.ok(relError(got.dataSync(), want.dataSync()) <= TOL);
    tf.dispose([x, dy, rows, cols, got, want]);
  });
});

test('AvgPoolGrad matches cpu (fast non-overlapping path and stock fallback)', async () => {
  const cases: [number[], number | [number, number], number | [number, number], 'same' | 'valid'][] = [
    [[2, 8, 8, 3], 2, 2, 'valid'],
    [[2, 8, 6, 3], [2, 3], [2, 3], 'same'],
    [[2, 9, 9, 3], 2, 2, 'same'], // padded: stock
    [[2, 8, 8, 3], 3, 2, 'same'], // overlapping: stock
  ];
  for (const [i, [shape, k, s, pad]] of cases.entries()) {
    await agree(`avgPool ${shape} ${k} ${s} ${pad}`, 1000 + i, [shape], (x) => {
      const f = (t: tf.Tensor) => tf.avgPool(t as tf.Tensor4D, k, s, pad);
      const dy = tf.sin(tf.range(0, f(x).size).reshape(f(x).shape));
      return tf.grad((t: tf.Tensor) => f(t).mul(dy).sum())(x);
    });
  }
});

test('Conv3D forward (via XNNPACK Conv2D) matches cpu, with strides and dilations', async () => {
  const cases: { x: number[]; w: number[]; s: number | [number, number, number]; pad: 'same' | 'valid'; d: number | [number, number, number] }[] = [
    { x: [2, 7, 6, 5, 3], w: [3, 3, 3, 3, 4], s: 1, pad: 'same', d: 1 },
    { x: [2, 9, 8, 7, 2], w: [3, 2, 3, 2, 3], s: [2, 1, 3], pad: 'same', d: 1 },
    { x: [1, 9, 9, 9, 2], w: [3, 3, 3, 2, 2], s: 1, pad: 'valid', d: [2, 1, 2] },
    { x: [2, 8, 8, 8, 1], w: [1, 3, 3, 1, 4], s: 2, pad: 'valid', d: 1 },
  ];
  for (const [i, c] of cases.entries()) {
    await agree(`conv3d fwd ${JSON.stringify(c)}`, 1100 + i, [c.x, c.w], (x, w) =>
      tf.conv3d(x as tf.Tensor5D, w as tf.Tensor5D, c.s, c.pad, 'NDHWC', c.d),
    );
  }
});

test('Slice matches cpu for ranks 1–6', async () => {
  const cases: [number[], number[], number[]][] = [
    [[10], [3], [5]],
    [[6, 7], [1, 2], [4, 3]],
    [[4, 5, 6], [0, 1, 0], [4, 3, 6]],
    [[32, 8, 8, 4], [0, 0, 0, 0], [16, 8, 8, 4]],
    [[4, 6, 5, 4, 3], [1, 1, 0, 2, 0], [2, 4, 5, 2, 3]],
    [[2, 3, 4, 3, 2, 5], [0, 1, 1, 0, 1, 2], [2, 2, 2, 3, 1, 3]],
  ];
  for (const [i, [shape, begin, size]] of cases.entries()) {
    await agree(`slice ${shape} ${begin} ${size}`, 1200 + i, [shape], (x) => [x.slice(begin, size), tf.split(x, [1, shape[0] - 1], 0)[1]]);
  }
});

test('SplitV matches cpu: every axis, equal and unequal pieces, -1, and its gradient (Concat)', async () => {
  await agree('split [32,128,64] axis 1 in 2', 1300, [[32, 128, 64]], (x) => tf.split(x, 2, 1));
  await agree('split [4,24,6] axis 1 [16,-1]', 1301, [[4, 24, 6]], (x) => tf.split(x, [16, -1], 1));
  await agree('split [5,6,7] axis 2 [1,2,4]', 1302, [[5, 6, 7]], (x) => tf.split(x, [1, 2, 4], 2));
  await agree('split [6,3] axis 0 in 3', 1303, [[6, 3]], (x) => tf.split(x, 3, 0));
  await agree('split gradient', 1304, [[3, 8, 5]], (x) =>
    tf.grad((a: tf.Tensor) => {
      const [p, q] = tf.split(a, [3, 5], 1);
      return p.sum().add(q.square().sum());
    })(x),
  );
});

test('Sum and Mean over contiguous axes equal one float64 chain per output, in order, bit for bit (every loop layout)', async () => {
  await withBackend('wasm', async () => {
    // [outer, n, inner]: inner 1 (rows four at a time and the rest), inner a multiple of 8 and not (columns eight
    // at a time and the rest), several outers.
    const cases: [number, number, number][] = [
      [7, 300, 1],
      [4, 5, 1],
      [1, 768, 64],
      [3, 50, 13],
      [2, 9, 7],
      [5, 33, 24],
    ];
    const rng = new Rng(77);
    for (const [outer, n, inner] of cases) {
      const data = Float32Array.from({ length: outer * n * inner }, () => rng.normal() * 100 + 3);
      const x = tf.tensor3d(data, [outer, n, inner]);
      const got = [x.sum(1), x.mean(1)].map((t) => {
        const v = t.dataSync();
        t.dispose();
        return v;
      });
      x.dispose();
      for (let o = 0; o < outer; o++)
        for (let i = 0; i < inner; i++) {
          let acc = 0;
          for (let j = 0; j < n; j++) acc += data[(o * n + j) * inner + i];
          assert.equal(got[0][o * inner + i], Math.fround(acc), `sum [${outer},${n},${inner}] at ${o},${i}`);
          assert.equal(got[1][o * inner + i], Math.fround(acc * (1 / n)), `mean [${outer},${n},${inner}] at ${o},${i}`);
        }
    }
  });
});

test('Equal with broadcast operands matches cpu (float32 with NaN and ties, int32, bool), no buffer left behind', async () => {
  const cases: [number[], number[], tf.DataType][] = [
    [[3, 32, 40], [3, 32, 1], 'float32'],
    [[6, 8], [6, 1], 'float32'],
    [[2, 1, 5], [4, 1], 'float32'],
    [[1, 7], [3, 1], 'int32'],
    [[5], [2, 3, 5], 'int32'],
    [[4, 3], [4, 3], 'bool'],
    [[2, 3, 4], [], 'float32'],
    [[0, 3], [1, 3], 'float32'],
  ];
  const make = (shape: number[], dtype: tf.DataType, seed: number): tf.Tensor => {
    const rng = new Rng(seed);
    // Few distinct values so that ties are common; NaN never equals anything.
    const vals = Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (dtype === 'float32' && rng.next() < 0.1 ? NaN : rng.int(3)));
    return dtype === 'bool' ? tf.tensor(vals.map((v) => v === 1), shape, 'bool') : tf.tensor(vals, shape, dtype);
  };
  for (const [i, [sa, sb, dtype]] of cases.entries()) {
    const f = () => {
      const a = make(sa, dtype, 900 + i);
      const b = make(sb, dtype, 950 + i);
      const out = [tf.equal(a, b), tf.equal(b, a)];
      tf.dispose([a, b]);
      return out;
    };
    const on = async (backend: 'cpu' | 'wasm') =>
      withBackend(backend, async () => {
        const [p, q] = f();
        const r = { shape: p.shape, p: Array.from(await p.data()), q: Array.from(await q.data()), dtype: p.dtype };
        tf.dispose([p, q]);
        return r;
      });
    const want = await on('cpu');
    const got = await on('wasm');
    assert.deepEqual(got, want, `equal ${sa} ${sb} ${dtype}`);
    if (want.p.length > 0) assert.ok(want.p.includes(1) && want.p.includes(0), `equal ${sa} ${sb} ${dtype}: the case has ties and differences`);
  }
  await withBackend('wasm', async () => {
    const a = tf.randomNormal([3, 32, 40]);
    const m = tf.max(a, -1, true);
    const tensors = tf.memory().numTensors;
    const buffers = tf.backend().numDataIds();
    const e = tf.equal(a, m);
    assert.equal(tf.tidy(() => e.sum().arraySync()), 96, 'one maximum per row');
    e.dispose();
    tf.tidy(() => void tf.grad((t: tf.Tensor) => tf.max(t, -1).sum())(a).dataSync());
    assert.equal(tf.memory().numTensors, tensors, 'no tensor left behind');
    assert.equal(tf.backend().numDataIds(), buffers, 'no wasm buffer left behind');
    tf.dispose([a, m]);
  });
});
