/**
 * Whole training steps on wasm: gradients of small 2D (CNN + attention + norms + embedding) and 3D
 * conv nets equal those on cpu, and repeated optimiser steps leak no tensors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initNet2d, initNet3d, loss2d, loss3d, NET2D_DEFAULTS, NET3D_DEFAULTS, Params, randomBatch2d } from '../../bench/model';
import { canRunKernels, cpuFlags, type KernelFamily } from '../../lib/backend/blas';
import { withBackend, relError, randomTensor } from '../../lib/backend/testing';
import { Rng } from '../../lib/util/random';

const SMALL_2D = { ...NET2D_DEFAULTS, batch: 4, size: 16, channels: [4, 8, 16] as [number, number, number], groups: 4 };

/** Loss and gradients (by parameter name) of `loss` on `backend`. */
async function gradsOn(backend: 'cpu' | 'wasm', build: () => { p: Params; loss: () => tf.Scalar; dispose: () => void }) {
  return withBackend(backend, () => {
    const { p, loss, dispose } = build();
    const { value, grads } = tf.variableGrads(loss, Object.values(p));
    const out: Record<string, Float32Array> = { loss: value.dataSync() as Float32Array };
    for (const [k, v] of Object.entries(p)) out[k] = grads[v.name].dataSync() as Float32Array;
    tf.dispose([value, ...Object.values(grads), ...Object.values(p)]);
    dispose();
    return out;
  });
}

function assertSameGrads(got: Record<string, Float32Array>, want: Record<string, Float32Array>, tol: number): void {
  for (const k of Object.keys(want)) {
    const e = relError(got[k], want[k]);
    assert.ok(e <= tol, `${k}: relative error ${e.toExponential(2)}`);
  }
}

const build2d = () => {
  const p = initNet2d(1, SMALL_2D);
  const x = randomBatch2d(2, SMALL_2D);
  return { p, loss: () => loss2d(p, x, SMALL_2D), dispose: () => tf.dispose(Object.values(x)) };
};

const build3d = () => {
  const p = initNet3d(3, NET3D_DEFAULTS);
  const { batch, size } = NET3D_DEFAULTS;
  const x = randomTensor(new Rng(4), [batch, size, size, size, 1]) as tf.Tensor5D;
  const y = tf.oneHot(tf.tensor1d([0, 1, 2, 1], 'int32'), 3).toFloat() as tf.Tensor2D;
  return { p, loss: () => loss3d(p, x, y), dispose: () => tf.dispose([x, y]) };
};

test('2D CNN + attention gradients are equal on wasm and cpu', async () => {
  const want = await gradsOn('cpu', build2d);
  const got = await gradsOn('wasm', build2d);
  assertSameGrads(got, want, 1e-4);
});

test('3D CNN gradients are equal on wasm and cpu', async () => {
  const want = await gradsOn('cpu', build3d);
  const got = await gradsOn('wasm', build3d);
  assertSameGrads(got, want, 1e-4);
});

test('repeated training steps on wasm do not grow tf.memory().numTensors', async () => {
  await withBackend('wasm', () => {
    const { p, loss, dispose } = build2d();
    const opt = tf.train.adam(1e-3);
    const step = () => tf.dispose(opt.minimize(loss, true, Object.values(p)) ?? []);
    step(); // the optimiser creates its slot variables on the first step
    const before = tf.memory().numTensors;
    const bytes = tf.memory().numBytes;
    for (let i = 0; i < 5; i++) step();
    assert.equal(tf.memory().numTensors, before);
    assert.equal(tf.memory().numBytes, bytes);
    opt.dispose();
    tf.dispose(Object.values(p));
    dispose();
  });
});

test('the wasm heap does not grow over repeated steps (no leak inside project kernels)', async () => {
  for (const build of [build2d, build3d]) await withBackend('wasm', () => {
    const { p, loss, dispose } = build();
    const backend = tf.backend() as unknown as { dataIdMap: { numDataIds(): number } };
    const step = () => {
      const { value, grads } = tf.variableGrads(loss, Object.values(p));
      tf.dispose([value, ...Object.values(grads)]);
    };
    step();
    const before = backend.dataIdMap.numDataIds();
    for (let i = 0; i < 3; i++) step();
    assert.equal(backend.dataIdMap.numDataIds(), before);
    tf.dispose(Object.values(p));
    dispose();
  });
});

// The native path's arithmetic follows OpenBLAS's kernel family, which the CPU (or a machine-wide
// OPENBLAS_CORETYPE) picks: the 2-D check above runs again under each family this CPU can run, so a machine of
// one kind tests the others' too (on Haswell kernels the native BatchMatMul failed it: lib/backend/path.ts).
const flags = cpuFlags();
/** Tests that run a child per kernel family: skipped in that child, and where this CPU cannot run the family. */
const perFamily = (core: KernelFamily) => ({
  skip: process.env.CFCML_CORETYPE_CHILD ? 'in the child' : canRunKernels(core, flags) ? false : `this CPU cannot run ${core} kernels`,
});
for (const core of ['Haswell', 'SkylakeX'] as const) {
  test(`the 2-D gradients equal cpu's under OpenBLAS's ${core} kernels too`, perFamily(core), () => {
    const r = spawnSync(process.execPath, ['--test', '--test-name-pattern', '^2D CNN \\+ attention gradients', __filename], {
      encoding: 'utf8',
      // (without NODE_TEST_CONTEXT the child reports in TAP, not to this runner)
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_TEST_CONTEXT')), OPENBLAS_CORETYPE: core, CFCML_CORETYPE_CHILD: '1' },
    });
    assert.equal(r.status, 0, r.stdout.split('\n').filter((l) => /not ok|error:/.test(l)).join('\n'));
    assert.match(r.stdout, /# pass 1\b/);
  });
}


/**
 * Why the native BatchMatMul stays on wasm under the Haswell and Zen kernels (AVX2_ONLY_CORES, lib/backend/path.ts):
 * there OpenBLAS's sgemm rounds a row of the product according to where the row falls in its register blocking, so
 * equal rows of A give products that differ in the last bits. Exact ties then break where a network must keep
 * them: the 2-D network above repeats tokens (bilinear upsampling), and max's gradient goes to every tied maximum,
 * so broken ties move whole gradient contributions (5–10% of the gradients); a record with every cell masked gives
 * every case the same input, whose scores must tie (AUC 0.5). The SkylakeX and Sandybridge kernels keep equal rows
 * equal. The product is correct to rounding either way; what breaks is the tie. Run in a child per family
 * (OPENBLAS_CORETYPE is read when OpenBLAS loads).
 */
function distinctRows(core: string): { core: string; rows: number } | null {
  const script = `
    const { blas, CBLAS_ROW_MAJOR, CBLAS_NO_TRANS } = require(${JSON.stringify(path.join(__dirname, '../../lib/backend/blas'))});
    const lib = blas();
    if (!lib) { console.log('none'); process.exit(0); }
    const n = 64, k = 16, m = 16;
    const row = Float32Array.from({ length: k }, (_, i) => Math.sin(i + 1));
    const A = new Float32Array(n * k);
    for (let i = 0; i < n; i++) A.set(row, i * k);
    const B = Float32Array.from({ length: k * m }, (_, i) => Math.cos(3 * i + 1));
    const C = new Float32Array(n * m);
    lib.sgemm(CBLAS_ROW_MAJOR, CBLAS_NO_TRANS, CBLAS_NO_TRANS, n, m, k, 1, A, k, B, m, 0, C, m);
    const rows = new Set();
    for (let i = 0; i < n; i++) rows.add(Buffer.from(C.buffer, i * m * 4, m * 4).toString('hex'));
    console.log(lib.status.core + ' ' + rows.size);`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, OPENBLAS_CORETYPE: core } });
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout.trim();
  if (out === 'none') return null;
  const [got, rows] = out.split(' ');
  return { core: got, rows: Number(rows) };
}

const tieFamilies = [
  ['Sandybridge', true],
  ['Haswell', false],
  ['SkylakeX', true],
] as const;
for (const [core, keepsTies] of tieFamilies) {
  test(`OpenBLAS's ${core} kernels ${keepsTies ? 'keep' : 'break'} exact ties: 64 equal rows of A give ${keepsTies ? 'one' : 'more than one'} distinct row of A·B`, perFamily(core), (t) => {
    const r = distinctRows(core);
    if (!r) return t.skip('no system BLAS here');
    assert.equal(r.core, core, 'OpenBLAS loaded the kernels asked for');
    if (keepsTies) assert.equal(r.rows, 1);
    else assert.ok(r.rows > 1, `${core} kernels now keep equal rows equal: AVX2_ONLY_CORES (lib/backend/path.ts) may let the native BatchMatMul run there again`);
  });
}
