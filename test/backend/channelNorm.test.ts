/**
 * The fused channel LayerNorm (lib/backend/kernels/channelNorm.ts, used by the model's `channelNorm`) against
 * PyTorch: torch.nn.functional.layer_norm and its gradients in float64 (scripts/reference/layer_norm_torch.py →
 * test/fixtures/reference/layer_norm.json), on the wasm backend (the fused kernels) and on the stock cpu backend
 * (the plain-op fallback), and the two against each other; the fused kernels both ways they run: the WebAssembly
 * SIMD module (channelNormWasm.ts, the default) and the JavaScript loops (its fallback), on both compute paths.
 *
 * Tolerances, per tensor as max |ours − torch| / max |torch|: the fused kernels compute each row's statistics and
 * the γ/β sums in float64 and round each output once, so every output is its float64 value rounded to float32
 * (measured: ≤ 5e-8, under float32's ε = 6e-8): 2e-7. The plain ops round every intermediate to float32 and lose
 * digits where a row's spread is small against its mean (the 2-channel case's dx: 5e-5; the offset case's
 * y: 2e-5): 2e-4 for them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initBackend, useComputePath } from '../../lib/backend';
import { toggleWasmKernels } from '../../lib/backend/kernels';
import { CHANNEL_NORM, CHANNEL_NORM_GRAD, channelNormKernelPath, channelNormSimd } from '../../lib/backend/kernels/channelNorm';
import { evalOn, onPath, randomTensor, relError, withBackend } from '../../lib/backend/testing';
import { channelNorm } from '../../lib/model/layers';
import { Rng } from '../../lib/util/random';

interface Case {
  name: string;
  shape: number[];
  eps: number;
  x: number[];
  gamma: number[];
  beta: number[];
  w: number[];
  y: number[];
  dx: number[];
  dgamma: number[];
  dbeta: number[];
}
const FIXTURE = path.join(__dirname, '../../../test/fixtures/reference/layer_norm.json');
const cases = (JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as { cases: Case[] }).cases;

/** y, dx, dγ, dβ of channelNorm on the active backend, with the loss Σ y·w of the fixture. */
function run(c: Case): Float32Array[] {
  const x = tf.tensor(c.x, c.shape);
  const gamma = tf.tensor1d(c.gamma);
  const beta = tf.tensor1d(c.beta);
  const w = tf.tensor(c.w, c.shape);
  const out = tf.tidy(() => {
    const y = channelNorm(x, { gamma, beta }, c.eps);
    const g = tf.grads((xx: tf.Tensor, gg: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(channelNorm(xx, { gamma: gg, beta: bb }, c.eps), w)));
    return [y, ...g([x, gamma, beta])];
  });
  const data = out.map((t) => t.dataSync() as Float32Array);
  tf.dispose([x, gamma, beta, w, ...out]);
  return data;
}

function check(label: string, got: Float32Array[], c: Case, tol: number): void {
  const want = [c.y, c.dx, c.dgamma, c.dbeta];
  ['y', 'dx', 'dgamma', 'dbeta'].forEach((k, i) => {
    const e = relError(got[i], want[i]);
    assert.ok(e <= tol, `${label}, ${c.name}: ${k} relative error ${e.toExponential(2)} > ${tol}`);
  });
}

const FUSED = [CHANNEL_NORM, CHANNEL_NORM_GRAD];

/** `fn` on wasm with the fused kernels removed (channelNorm then takes the plain ops), then put back. */
function withoutFused<T>(fn: () => T): T {
  toggleWasmKernels(FUSED, false);
  try {
    return fn();
  } finally {
    toggleWasmKernels(FUSED, true);
  }
}

/** `fn` with the fused kernels' SIMD module on or off (off: the JavaScript loops), then on again. */
function withSimd<T>(on: boolean, fn: () => T): T {
  channelNormSimd.enabled = on;
  try {
    return fn();
  } finally {
    channelNormSimd.enabled = true;
  }
}

test('fixture: six cases, PyTorch layer_norm in float64', () => {
  assert.equal(cases.length, 6);
});

for (const cpath of ['native-blas', 'wasm'] as const) {
  for (const simd of [true, false]) {
    const how = simd ? 'SIMD module' : 'JavaScript loops';
    test(`wasm (${cpath} path, ${how}): the fused kernels run and match PyTorch within 2e-7`, onPath(cpath), async () => {
      await initBackend({ backend: 'wasm', quiet: true });
      useComputePath(cpath);
      withSimd(simd, () => {
        assert.match(channelNormKernelPath(), simd ? /^WebAssembly SIMD/ : /^JavaScript loops/);
        for (const c of cases) check(`wasm fused, ${how}`, run(c), c, 2e-7);
      });
      const info = await tf.profile(() => {
        withSimd(simd, () => run(cases[0]));
      });
      const names = info.kernels.map((k) => k.name);
      assert.ok(names.includes(CHANNEL_NORM) && names.includes(CHANNEL_NORM_GRAD), `kernels run: ${[...new Set(names)].join(' ')}`);
      assert.ok(!names.includes('Rsqrt'), 'the plain ops ran beside the fused kernel');
    });
  }
}

/** Shapes [P, C]: the model's (C = 8 … 64) and every channel remainder of the SIMD loops (C mod 4 = 0 … 3, C = 1). */
const SHAPES: [number, number][] = [[300, 8], [64, 16], [20, 48], [17, 1], [13, 2], [11, 3], [9, 5], [7, 6], [5, 7], [4, 130]];

/** y and the gradients of Σ y·w of channelNorm on shape [P, C] (inputs from seed 7, rows offset by 3). */
function randomCase(P: number, C: number): () => tf.Tensor[] {
  return () => {
    const rng = new Rng(7 + P * C);
    const x = tf.add(randomTensor(rng, [P, C]), 3);
    return [x, tf.add(randomTensor(rng, [C]), 1), randomTensor(rng, [C]), randomTensor(rng, [P, C])];
  };
}
const normAndGrads = (x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, w: tf.Tensor): tf.Tensor[] => {
  const g = tf.grads((xx: tf.Tensor, gg: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(channelNorm(xx, { gamma: gg, beta: bb }), w)));
  return [channelNorm(x, { gamma, beta }), ...g([x, gamma, beta])];
};

// The cpu backend's plain float32 ops lose digits where a row's spread is small against its mean; with C = 2, x̂ = ±1
// and dx is ε-small, all rounding (the fixture's 2-channel case checks it against PyTorch): compared from C = 3 on.
test('SIMD module and JavaScript loops agree within a float32 rounding, and with the stock cpu backend within 1e-5', async () => {
  for (const [P, C] of SHAPES) {
    const simd = await evalOn('wasm', randomCase(P, C), normAndGrads);
    const js = await withSimd(false, () => evalOn('wasm', randomCase(P, C), normAndGrads));
    const cpu = C >= 3 ? await evalOn('cpu', randomCase(P, C), normAndGrads) : null;
    ['y', 'dx', 'dgamma', 'dbeta'].forEach((k, i) => {
      const e = relError(simd[i], js[i]);
      assert.ok(e <= 1.2e-7, `[${P}, ${C}] ${k}: SIMD vs JS loops ${e.toExponential(2)}`);
      if (!cpu) return;
      const ec = relError(simd[i], cpu[i]);
      assert.ok(ec <= 1e-5, `[${P}, ${C}] ${k}: SIMD vs cpu ${ec.toExponential(2)}`);
    });
  }
});

test('the SIMD module reads the heap where it is after the heap grew', async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  const before = await evalOn('wasm', randomCase(300, 8), normAndGrads);
  const mem = (tf.backend() as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm;
  const bytes = mem.HEAPU8.buffer.byteLength;
  const big = tf.zeros([bytes / 2]); // more floats than the heap has bytes: the heap must grow
  assert.ok(mem.HEAPU8.buffer.byteLength > bytes, 'the heap did not grow');
  const after = await evalOn('wasm', randomCase(300, 8), normAndGrads);
  big.dispose();
  before.forEach((b, i) => assert.deepEqual(after[i], b));
});

test('wasm without the fused kernels (plain ops) matches PyTorch within 2e-4, and the fused kernels within 2e-4', async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  for (const c of cases) {
    const plain = withoutFused(() => run(c));
    check('wasm plain ops', plain, c, 2e-4);
    const fused = run(c);
    plain.forEach((p, i) => assert.ok(relError(fused[i], p) <= 2e-4, `${c.name}: output ${i} fused vs plain ${relError(fused[i], p).toExponential(2)}`));
  }
});

test('cpu backend (no fused kernel: plain ops) matches PyTorch within 2e-4', async () => {
  await withBackend('cpu', () => {
    assert.equal(tf.getKernel(CHANNEL_NORM, 'cpu'), undefined);
    for (const c of cases) check('cpu', run(c), c, 2e-4);
  });
});

test('the fused norm and its gradient leave no tensor and no heap scratch behind (SIMD module and JS loops)', async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  for (const simd of [true, false]) {
    withSimd(simd, () => run(cases[1]));
    const tensors = tf.memory().numTensors;
    const data = tf.backend().numDataIds(); // the backend's own buffers too (the gradient's float64 scratch)
    for (let i = 0; i < 3; i++) withSimd(simd, () => run(cases[1]));
    assert.equal(tf.memory().numTensors, tensors);
    assert.equal(tf.backend().numDataIds(), data);
  }
});
