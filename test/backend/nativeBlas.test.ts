/**
 * The native dense products (lib/backend/blas.ts, kernels/nativeMatMul.ts): cblas_sgemm on the wasm heap
 * against a float64 product computed here, for plain, transposed, batched, broadcast and fused products, after
 * the heap grew, and without leaking tensors; the BLAS search order's switches (CFCML_BLAS) in child processes;
 * the numerics fingerprint telling the paths apart. Skipped where no BLAS loads, except under CI=true.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { computePath, initBackend, useComputePath } from '../../lib/backend';
import { blas } from '../../lib/backend/blas';
import { nativeMatMulOptions } from '../../lib/backend/kernels/nativeMatMul';
import { onPath, randomTensor } from '../../lib/backend/testing';
import { numericsFingerprint } from '../../lib/run/numerics';
import { Rng } from '../../lib/util/random';

/** op(A)·op(B) in float64 over the batch (operands broadcast where one batch is 1), as a flat array. */
function reference(a: tf.Tensor, b: tf.Tensor, ta: boolean, tb: boolean): { data: Float64Array; shape: number[] } {
  const A = a.dataSync();
  const B = b.dataSync();
  const ra = a.rank;
  const rb = b.rank;
  const m = ta ? a.shape[ra - 1] : a.shape[ra - 2];
  const k = ta ? a.shape[ra - 2] : a.shape[ra - 1];
  const n = tb ? b.shape[rb - 2] : b.shape[rb - 1];
  const batchA = a.size / (m * k);
  const batchB = b.size / (k * n);
  const batch = Math.max(batchA, batchB);
  const out = new Float64Array(batch * m * n);
  for (let q = 0; q < batch; q++) {
    const oa = batchA === 1 ? 0 : q * m * k;
    const ob = batchB === 1 ? 0 : q * k * n;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let l = 0; l < k; l++) s += A[oa + (ta ? l * m + i : i * k + l)] * B[ob + (tb ? j * k + l : l * n + j)];
        out[q * m * n + i * n + j] = s;
      }
    }
  }
  const batchShape = (batchA >= batchB ? a.shape.slice(0, ra - 2) : b.shape.slice(0, rb - 2));
  return { data: out, shape: [...batchShape, m, n] };
}

/** max |got − want| / max |want|. */
function rel(got: ArrayLike<number>, want: ArrayLike<number>): number {
  let num = 0;
  let den = 1e-12;
  for (let i = 0; i < want.length; i++) {
    num = Math.max(num, Math.abs(got[i] - want[i]));
    den = Math.max(den, Math.abs(want[i]));
  }
  return num / den;
}

const CASES: [number[], number[], boolean, boolean][] = [
  [[64, 32], [32, 48], false, false],
  [[32, 64], [32, 48], true, false],
  [[64, 32], [48, 32], false, true],
  [[32, 64], [48, 32], true, true],
  [[1, 7], [7, 1], false, false],
  [[5, 16, 8], [5, 16, 8], true, false],
  [[2, 3, 8, 16], [2, 3, 8, 16], false, true],
  [[4, 33, 17], [17, 9], false, false], // B shared by every batch entry
  [[33, 17], [4, 17, 9], false, false], // A shared
  [[1, 6, 5], [3, 5, 2], false, false],
  // B shared, A not transposed: one sgemm with M = batch·m (nativeMatMul.ts), also with B transposed and rank 4
  [[4, 33, 17], [9, 17], false, true],
  [[2, 3, 5, 7], [1, 7, 4], false, false],
  [[3, 1, 6], [6, 5], false, false], // m = 1
  // B shared but A transposed: one sgemm per entry
  [[4, 17, 33], [17, 9], true, false],
  [[4, 17, 33], [9, 17], true, true],
  [[17, 33], [4, 9, 17], true, true], // A shared, both transposed
  // attention's per-head products (batch 2·4 entries of 16 × 24 × 16) and batch 1 at rank 3
  [[2, 4, 16, 24], [2, 4, 24, 16], false, false],
  [[2, 4, 16, 16], [2, 4, 16, 24], true, false],
  [[2, 4, 16, 16], [2, 4, 24, 16], false, true],
  [[1, 9, 4], [1, 9, 5], true, false],
];

test('setup: wasm backend', async () => {
  assert.equal(await initBackend({ backend: 'wasm', quiet: true }), 'wasm');
});

test('native-blas: matMul with and without transposes, batched and broadcast, equals a float64 product', onPath('native-blas'), () => {
  assert.equal(useComputePath('native-blas'), 'native-blas');
  const rng = new Rng(31);
  const n0 = tf.memory().numTensors;
  for (const [sa, sb, ta, tb] of CASES) {
    const a = randomTensor(rng, sa);
    const b = randomTensor(rng, sb);
    const c = tf.matMul(a, b, ta, tb);
    const want = reference(a, b, ta, tb);
    assert.deepEqual(c.shape, want.shape, `${sa} × ${sb}`);
    const e = rel(c.dataSync(), want.data);
    assert.ok(e < 1e-5, `${sa} ${ta ? 'ᵀ' : ''}× ${sb}${tb ? 'ᵀ' : ''}: relative error ${e.toExponential(2)}`);
    tf.dispose([a, b, c]);
  }
  assert.equal(tf.memory().numTensors, n0, 'no tensor left behind');
});

test('native-blas: operands by address (the default here) and by view give the same bits; so does the folded batch', onPath('native-blas'), () => {
  useComputePath('native-blas');
  assert.ok(blas()?.at, 'koffi gives heap addresses (the address form passed its probe)');
  const rng = new Rng(35);
  const n0 = tf.memory().numTensors;
  const saved = { ...nativeMatMulOptions };
  try {
    for (const [sa, sb, ta, tb] of CASES) {
      const a = randomTensor(rng, sa);
      const b = randomTensor(rng, sb);
      const run = (o: typeof saved) => {
        Object.assign(nativeMatMulOptions, o);
        const c = tf.matMul(a, b, ta, tb);
        const data = c.dataSync();
        c.dispose();
        return data;
      };
      const byAddress = run({ byAddress: true, foldBatch: false });
      assert.deepEqual(run({ byAddress: false, foldBatch: false }), byAddress, `${sa} × ${sb}: views`);
      const folded = run({ byAddress: true, foldBatch: true });
      const want = reference(a, b, ta, tb).data;
      assert.ok(rel(folded, want) < 1e-5, `${sa} × ${sb}: folded, relative error ${rel(folded, want).toExponential(2)}`);
      tf.dispose([a, b]);
    }
  } finally {
    Object.assign(nativeMatMulOptions, saved);
  }
  assert.equal(tf.memory().numTensors, n0, 'no tensor left behind');
});

for (const cpath of ['native-blas', 'wasm'] as const) test(`${cpath}: k = 0 gives zeros, an empty product an empty tensor, on every batch pattern`, onPath(cpath), () => {
  // (the wasm BatchMatMul once left a k = 0 output unwritten: whatever the heap held)
  useComputePath(cpath);
  const n0 = tf.memory().numTensors;
  for (const [sa, sb] of [[[3, 0], [0, 4]], [[2, 3, 0], [0, 4]], [[2, 3, 0], [2, 0, 4]], [[2, 0, 5], [5, 4]]]) {
    const c = tf.tidy(() => tf.matMul(tf.ones(sa), tf.ones(sb)));
    const m = sa[sa.length - 2];
    assert.deepEqual(c.shape, [...(sa.length === 3 ? [2] : []), m, 4]);
    assert.deepEqual(Array.from(c.dataSync()), new Array(c.size).fill(0));
    c.dispose();
  }
  assert.equal(tf.memory().numTensors, n0);
});

test('native-blas: fused matMul adds the bias (and falls back for an activation)', onPath('native-blas'), () => {
  useComputePath('native-blas');
  const rng = new Rng(32);
  const a = randomTensor(rng, [16, 8]);
  const b = randomTensor(rng, [12, 8]);
  const bias = randomTensor(rng, [12]);
  const want = reference(a, b, false, true).data;
  const bv = bias.dataSync();
  const linear = tf.fused.matMul({ a: a as tf.Tensor2D, b: b as tf.Tensor2D, transposeB: true, bias });
  const relu = tf.fused.matMul({ a: a as tf.Tensor2D, b: b as tf.Tensor2D, transposeB: true, bias, activation: 'relu' });
  const withBias = want.map((v, i) => v + bv[i % 12]);
  assert.ok(rel(linear.dataSync(), withBias) < 1e-5);
  assert.ok(rel(relu.dataSync(), withBias.map((v) => Math.max(v, 0))) < 1e-5);
  tf.dispose([a, b, bias, linear, relu]);
});

test('native-blas: a product right after the heap grew reads and writes the new heap', onPath('native-blas'), () => {
  useComputePath('native-blas');
  const rng = new Rng(33);
  const a = randomTensor(rng, [3, 1500]);
  const b = randomTensor(rng, [1500, 3000]);
  const heap = () => (tf.backend() as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.byteLength;
  const before = heap();
  // Big enough intermediates that the allocation of the output grows the heap (detaching old views).
  const big = tf.zeros([Math.ceil(before / 4) + 1]);
  const c = tf.matMul(a, b);
  assert.ok(heap() > before, 'the heap grew');
  assert.ok(rel(c.dataSync(), reference(a, b, false, false).data) < 1e-5);
  // And batched (addresses taken per call, after the output's allocation): per entry, then with B shared (folded).
  for (const [sa, sb] of [[[64, 16, 24], [64, 24, 16]], [[64, 16, 24], [24, 16]]]) {
    const p = randomTensor(rng, sa);
    const q = randomTensor(rng, sb);
    const grown = heap();
    const big2 = tf.zeros([Math.ceil(grown / 4) + 1]);
    const r = tf.matMul(p, q);
    assert.ok(heap() > grown, 'the heap grew again');
    assert.ok(rel(r.dataSync(), reference(p, q, false, false).data) < 1e-5, `${sa} × ${sb} after growth`);
    tf.dispose([p, q, r, big2]);
  }
  tf.dispose([a, b, c, big]);
});

test('both paths agree to float32 rounding, and the numerics fingerprint tells them apart', onPath('native-blas'), () => {
  const rng = new Rng(34);
  const a = randomTensor(rng, [4, 24, 40]);
  const b = randomTensor(rng, [4, 40, 16]);
  useComputePath('wasm');
  const w = tf.matMul(a, b);
  const fw = numericsFingerprint();
  useComputePath('native-blas');
  const n = tf.matMul(a, b);
  const fn = numericsFingerprint();
  assert.ok(rel(n.dataSync(), w.dataSync()) < 1e-5);
  assert.notEqual(fn, fw, 'one fingerprint per path');
  assert.equal(numericsFingerprint(), fn, 'stable on the same path');
  useComputePath('wasm');
  assert.equal(numericsFingerprint(), fw);
  tf.dispose([a, b, w, n]);
});

test('useComputePath("wasm") pins the XNNPACK path and computePath says so', () => {
  assert.equal(useComputePath('wasm'), 'wasm');
  const cp = computePath();
  assert.equal(cp.path, 'wasm');
  assert.equal(cp.reason, 'asked for');
});

/** blasStatus() in a fresh process under `env` (the library is looked up once per process). */
function statusIn(env: Record<string, string>, hideKoffi = false): { library: string | null; reason: string } {
  const blasJs = path.join(__dirname, '../../lib/backend/blas.js');
  // hideKoffi: require('koffi') fails as it does where the optional package did not install.
  const hide = hideKoffi
    ? `const M = require('module'); const load = M._load; M._load = function (r, ...a) { if (r === 'koffi') throw new Error("Cannot find module 'koffi'"); return load.call(this, r, ...a); };`
    : '';
  const r = spawnSync(process.execPath, ['-e', `${hide} console.log(JSON.stringify(require(${JSON.stringify(blasJs)}).blasStatus()))`], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim());
}

test('CFCML_BLAS=none turns the native path off; a CFCML_BLAS that does not load is named in the reason', () => {
  const off = statusIn({ CFCML_BLAS: 'none' });
  assert.equal(off.library, null);
  assert.equal(off.reason, 'CFCML_BLAS=none');
  const bad = statusIn({ CFCML_BLAS: '/nonexistent/libcblas.so' });
  assert.equal(bad.library, null);
  assert.match(bad.reason, /\/nonexistent\/libcblas\.so/);
  const noKoffi = statusIn({}, true);
  assert.equal(noKoffi.library, null);
  assert.match(noKoffi.reason, /^koffi \(optional npm dependency\) did not load: Cannot find module 'koffi'/);
});

test('without koffi the wasm backend runs as before, on the wasm path, and says why', () => {
  const selectJs = path.join(__dirname, '../../lib/backend/index.js');
  const hide = `const M = require('module'); const load = M._load; M._load = function (r, ...a) { if (r === 'koffi') throw new Error("Cannot find module 'koffi'"); return load.call(this, r, ...a); };`;
  const prog = `${hide} const tf = require('@tensorflow/tfjs'); const b = require(${JSON.stringify(selectJs)});
    b.initBackend({ backend: 'wasm', quiet: true }).then(() => { const c = tf.matMul(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[5], [6]]));
    console.log(JSON.stringify({ c: Array.from(c.dataSync()), path: b.computePath() })); });`;
  const r = spawnSync(process.execPath, ['-e', prog], { encoding: 'utf8', cwd: path.join(__dirname, '../../..') });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout.trim().split('\n').pop() as string);
  assert.deepEqual(out.c, [17, 39]);
  assert.equal(out.path.path, 'wasm');
  assert.match(out.path.reason, /^no BLAS: koffi \(optional npm dependency\) did not load/);
});

test('the default search finds OpenBLAS (CI installs it)', onPath('native-blas'), () => {
  const s = statusIn({});
  assert.ok(s.library, s.reason);
  assert.equal(s.reason, 'OpenBLAS found');
});
