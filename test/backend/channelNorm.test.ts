/**
 * The fused channel LayerNorm (lib/backend/kernels/channelNorm.ts, used by the model's `channelNorm`) against
 * PyTorch: torch.nn.functional.layer_norm and its gradients in float64 (scripts/reference/layer_norm_torch.py →
 * test/fixtures/reference/layer_norm.json), on the wasm backend (the fused kernels) and on the stock cpu backend
 * (the plain-op fallback), and the two against each other.
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
import { initBackend } from '../../lib/backend';
import { toggleWasmKernels } from '../../lib/backend/kernels';
import { CHANNEL_NORM, CHANNEL_NORM_GRAD } from '../../lib/backend/kernels/channelNorm';
import { relError, withBackend } from '../../lib/backend/testing';
import { channelNorm } from '../../lib/model/layers';

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

test('fixture: four cases, PyTorch layer_norm in float64', () => {
  assert.equal(cases.length, 4);
});

test('wasm: the fused kernels run and match PyTorch within 2e-7', async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  const c0 = cases[0];
  const info = await tf.profile(() => {
    run(c0);
  });
  const names = info.kernels.map((k) => k.name);
  assert.ok(names.includes(CHANNEL_NORM) && names.includes(CHANNEL_NORM_GRAD), `kernels run: ${[...new Set(names)].join(' ')}`);
  assert.ok(!names.includes('Rsqrt'), 'the plain ops ran beside the fused kernel');
  for (const c of cases) check('wasm fused', run(c), c, 2e-7);
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

test('the fused norm and its gradient leave no tensor behind', async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  run(cases[1]);
  const before = tf.memory().numTensors;
  for (let i = 0; i < 3; i++) run(cases[1]);
  assert.equal(tf.memory().numTensors, before);
});
