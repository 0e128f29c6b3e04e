/**
 * The per-head products without head Transposes (lib/backend/kernels/headMatMul.ts, native-blas path): every
 * transpose and layout combination against a float64 product computed here, its gradients against the plain ops
 * (transposes + BatchMatMul) on the stock cpu backend, after the heap grew, without leaking tensors; the attention
 * with the kernel against the attention without it; the wasm path without the kernel.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { initBackend, useComputePath } from '../../lib/backend';
import { HEAD_MATMUL, headMatMul, type HeadMatMulAttrs } from '../../lib/backend/kernels/headMatMul';
import { restoreStock } from '../../lib/backend/kernels/util';
import { evalOn, onPath, randomTensor, relError } from '../../lib/backend/testing';
import { crossAttention, makeCrossAttention } from '../../lib/model/crossAttention';
import { ParamStore } from '../../lib/model';
import { Rng } from '../../lib/util/random';

const B = 3;
const H = 2;

/** Operand shape for an R × c per-head matrix in cols [B, R, h·c] or blocks [B, h, R, c] layout. */
const shapeOf = (R: number, c: number, cols: boolean) => (cols ? [B, R, H * c] : [B, H, R, c]);

/** Element (r, col) of head j of batch entry b of a flat operand. */
function at(x: ArrayLike<number>, R: number, c: number, cols: boolean, b: number, j: number, r: number, col: number): number {
  return cols ? x[(b * R + r) * H * c + j * c + col] : x[((b * H + j) * R + r) * c + col];
}

/** The product in float64, laid out as the kernel's output. */
function reference(A: ArrayLike<number>, Bv: ArrayLike<number>, m: number, k: number, n: number, o: HeadMatMulAttrs): Float64Array {
  const out = new Float64Array(B * H * m * n);
  const [Ra, ca] = o.transposeA ? [k, m] : [m, k];
  const [Rb, cb] = o.transposeB ? [n, k] : [k, n];
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < H; j++) {
      for (let i = 0; i < m; i++) {
        for (let q = 0; q < n; q++) {
          let s = 0;
          for (let l = 0; l < k; l++) {
            const av = o.transposeA ? at(A, Ra, ca, o.aCols, b, j, l, i) : at(A, Ra, ca, o.aCols, b, j, i, l);
            const bv = o.transposeB ? at(Bv, Rb, cb, o.bCols, b, j, q, l) : at(Bv, Rb, cb, o.bCols, b, j, l, q);
            s += av * bv;
          }
          out[o.outCols ? (b * m + i) * H * n + j * n + q : ((b * H + j) * m + i) * n + q] = s;
        }
      }
    }
  }
  return out;
}

/** The same product by plain ops (heads transposed to blocks, BatchMatMul, back): what the model does without the kernel. */
function plain(a: tf.Tensor, b: tf.Tensor, o: HeadMatMulAttrs): tf.Tensor {
  const blocks = (x: tf.Tensor, cols: boolean) => (cols ? tf.transpose(tf.reshape(x, [B, x.shape[1] as number, H, -1]), [0, 2, 1, 3]) : x);
  const c = tf.matMul(blocks(a, o.aCols), blocks(b, o.bCols), o.transposeA, o.transposeB); // [B, h, m, n]
  return o.outCols ? tf.reshape(tf.transpose(c, [0, 2, 1, 3]), [B, c.shape[2] as number, -1]) : c;
}

/** Every combination of transposes and layouts, m = 5, k = 4, n = 3. */
function combos(): HeadMatMulAttrs[] {
  const out: HeadMatMulAttrs[] = [];
  for (let bits = 0; bits < 32; bits++) {
    const f = (i: number) => ((bits >> i) & 1) === 1;
    out.push({ heads: H, transposeA: f(0), transposeB: f(1), aCols: f(2), bCols: f(3), outCols: f(4) });
  }
  return out;
}

function operands(o: HeadMatMulAttrs, m: number, k: number, n: number): [number[], number[]] {
  return [o.transposeA ? shapeOf(k, m, o.aCols) : shapeOf(m, k, o.aCols), o.transposeB ? shapeOf(n, k, o.bCols) : shapeOf(k, n, o.bCols)];
}

const label = (o: HeadMatMulAttrs) =>
  `${o.aCols ? 'cols' : 'blocks'}${o.transposeA ? 'ᵀ' : ''} · ${o.bCols ? 'cols' : 'blocks'}${o.transposeB ? 'ᵀ' : ''} → ${o.outCols ? 'cols' : 'blocks'}`;

test('setup: wasm backend', async () => {
  assert.equal(await initBackend({ backend: 'wasm', quiet: true }), 'wasm');
});

test('per-head products equal a float64 product in every transpose and layout combination (also k = 0)', onPath('native-blas'), () => {
  useComputePath('native-blas');
  const rng = new Rng(41);
  const n0 = tf.memory().numTensors;
  for (const [m, k, n] of [[5, 4, 3], [1, 7, 2], [4, 0, 3]]) {
    for (const o of combos()) {
      const [sa, sb] = operands(o, m, k, n);
      const a = randomTensor(rng, sa);
      const b = randomTensor(rng, sb);
      const c = headMatMul(a, b, o);
      assert.ok(c, 'the kernel is registered on the native path');
      assert.deepEqual(c.shape, o.outCols ? [B, m, H * n] : [B, H, m, n], label(o));
      const want = reference(a.dataSync(), b.dataSync(), m, k, n, o);
      const e = relError(c.dataSync(), want, 1e-6);
      assert.ok(e < 1e-5, `${label(o)} (${m}×${k}×${n}): relative error ${e.toExponential(2)}`);
      tf.dispose([a, b, c]);
    }
  }
  assert.equal(tf.memory().numTensors, n0, 'no tensor left behind');
});

test('per-head products and both gradients match the plain ops on the stock cpu backend', onPath('native-blas'), async () => {
  const [m, k, n] = [5, 4, 3];
  for (const [i, o] of combos().entries()) {
    const [sa, sb] = operands(o, m, k, n);
    const make = () => {
      const rng = new Rng(500 + i);
      return [randomTensor(rng, sa), randomTensor(rng, sb)];
    };
    const f = (useKernel: boolean) => (a: tf.Tensor, b: tf.Tensor) => {
      const g = (p: tf.Tensor, q: tf.Tensor) => (useKernel ? (headMatMul(p, q, o) as tf.Tensor) : plain(p, q, o));
      const c = g(a, b);
      const dy = tf.sin(tf.range(0, c.size).reshape(c.shape));
      return [c, ...tf.grads((p: tf.Tensor, q: tf.Tensor) => g(p, q).mul(dy).sum())([a, b])];
    };
    const want = await evalOn('cpu', make, f(false));
    const got = await evalOn('wasm', make, (a, b) => {
      useComputePath('native-blas');
      return f(true)(a, b);
    });
    got.forEach((g, j) => {
      const e = relError(g, want[j]);
      assert.ok(e < 1e-5, `${label(o)}: output ${j} (${['C', 'dA', 'dB'][j]}) relative error ${e.toExponential(2)}`);
    });
  }
});

test('per-head products read and write the heap as it is after the output grew it', onPath('native-blas'), () => {
  useComputePath('native-blas');
  const rng = new Rng(43);
  const o: HeadMatMulAttrs = { heads: H, transposeA: false, transposeB: true, aCols: true, bCols: true, outCols: false };
  const a = randomTensor(rng, [B, 16, H * 24]);
  const b = randomTensor(rng, [B, 16, H * 24]);
  const heap = () => (tf.backend() as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.byteLength;
  const before = heap();
  const big = tf.zeros([Math.ceil(before / 4) + 1]);
  const c = headMatMul(a, b, o) as tf.Tensor;
  assert.ok(heap() > before, 'the heap grew');
  assert.ok(relError(c.dataSync(), reference(a.dataSync(), b.dataSync(), 16, 24, 16, o), 1e-6) < 1e-5);
  tf.dispose([a, b, c, big]);
});

test('the attention with the per-head kernel equals the attention with head Transposes (values, gradients, no leak)', onPath('native-blas'), () => {
  useComputePath('native-blas');
  const store = new ParamStore(7);
  const p = makeCrossAttention(store, 'cie/m0', 16, 4);
  const rng = new Rng(44);
  const query = randomTensor(rng, [3, 5, 16]) as tf.Tensor3D;
  const context = randomTensor(rng, [3, 7, 16]) as tf.Tensor3D;
  const weightsOf = [p.q.w, p.k.w, p.v.w, p.o.w, p.q.b];
  const run = () =>
    tf.tidy(() => {
      const f = (q: tf.Tensor, c: tf.Tensor, ...w: tf.Tensor[]) => {
        const at = { ...p, q: { w: w[0], b: w[4] }, k: { ...p.k, w: w[1] }, v: { ...p.v, w: w[2] }, o: { ...p.o, w: w[3] } };
        const { S, weights } = crossAttention(q as tf.Tensor3D, c as tf.Tensor3D, at as unknown as typeof p);
        return tf.add(tf.sum(tf.mul(S, tf.sin(S))), tf.sum(tf.mul(weights, tf.cos(weights))));
      };
      const { S, weights } = crossAttention(query, context, p);
      return [S, weights, ...tf.grads(f)([query, context, ...weightsOf])].map((t) => t.dataSync());
    });
  const n0 = tf.memory().numTensors;
  const fused = run();
  assert.equal(tf.memory().numTensors, n0, 'no tensor left behind');
  restoreStock(HEAD_MATMUL); // the model falls back to head Transposes + BatchMatMul on the same BLAS
  assert.equal(headMatMul(query, context, { heads: 4, transposeA: false, transposeB: true, aCols: true, bCols: true, outCols: false }), null);
  const plainOps = run();
  useComputePath('native-blas');
  fused.forEach((g, j) => {
    const e = relError(g, plainOps[j]);
    assert.ok(e < 1e-5, `output ${j}: relative error ${e.toExponential(2)}`);
  });
  tf.dispose([query, context]);
  store.dispose();
});

test('the wasm path has no per-head kernel (the model keeps its plain ops there)', () => {
  useComputePath('wasm');
  const a = tf.zeros([1, 2, 4]);
  assert.equal(headMatMul(a, a, { heads: 2, transposeA: false, transposeB: true, aCols: true, bCols: true, outCols: false }), null);
  a.dispose();
});
