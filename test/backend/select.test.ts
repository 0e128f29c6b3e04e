/**
 * Backend selection: one choice per process, explicit switches, the CFCML_BACKEND override.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { backendReport, initBackend, nativeBlasAvailable } from '../../lib/backend';

test('initBackend picks once and reports the project kernels on wasm', async () => {
  const a = initBackend({ quiet: true });
  const b = initBackend({ quiet: true });
  assert.equal(a, b);
  const name = await a;
  // No native binding is installed here, so the automatic choice is wasm.
  assert.equal(name, 'wasm');
  assert.equal(tf.getBackend(), 'wasm');
  const r = backendReport();
  assert.equal(r.backend, 'wasm');
  for (const k of ['Conv2DBackpropFilter', 'BatchMatMul', 'Sum', 'UnsortedSegmentSum', 'Conv3DBackpropInputV2']) {
    assert.ok(r.projectKernels.includes(k), k);
  }
});

test('an explicit different backend switches; the same one keeps the promise', async () => {
  assert.equal(await initBackend({ backend: 'cpu', quiet: true }), 'cpu');
  assert.equal(tf.getBackend(), 'cpu');
  assert.deepEqual(backendReport(), { backend: 'cpu', projectKernels: [], computePath: null });
  const p = initBackend({ backend: 'cpu', quiet: true });
  assert.equal(p, initBackend({ quiet: true }));
  assert.equal(await initBackend({ backend: 'wasm', quiet: true }), 'wasm');
});

test('CFCML_BACKEND wins and the choice is logged on one stderr line', () => {
  const index = path.join(__dirname, '../../lib/backend/index.js');
  const script = `require(${JSON.stringify(index)}).initBackend().then(b => { require('@tensorflow/tfjs').tensor([1]).dataSync(); console.log(b); })`;
  const run = (env: string) =>
    execFileSync(process.execPath, ['-e', script], {
      env: { ...process.env, CFCML_BACKEND: env },
      cwd: path.join(__dirname, '../../..'),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  assert.equal(run('cpu').trim(), 'cpu');
  assert.throws(() => run('gpu'), /CFCML_BACKEND must be one of/);
});

test('the "install our node backend" nag is silenced', () => {
  const index = path.join(__dirname, '../../lib/backend/index.js');
  const script = `require(${JSON.stringify(index)}).initBackend({backend:'cpu'}).then(() => require('@tensorflow/tfjs').tensor([1]).dataSync())`;
  const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const err = require('node:child_process').spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stderr as string;
  assert.doesNotMatch(out + err, /speed things up/);
  assert.equal(err.trim().split('\n').length, 1, err);
});

test('the tfjs-node alias (plain tfjs 3.21, for danfojs) is never loaded', async () => {
  await initBackend({ quiet: true });
  const loaded = Object.keys(require.cache).some((f) => f.includes(`${path.sep}tfjs-node${path.sep}dist`));
  assert.equal(loaded, false);
});

test('`cfcml backend` says which path the dense products take, and why', () => {
  const cli = path.join(__dirname, '../../bin/cfcml.js');
  const run = (env: Record<string, string>) =>
    execFileSync(process.execPath, [cli, 'backend'], { env: { ...process.env, ...env }, cwd: path.join(__dirname, '../../..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const off = run({ CFCML_BLAS: 'none' });
  assert.match(off, /^dense products: wasm \(no BLAS: CFCML_BLAS=none\)$/m);
  assert.match(off, /^native BLAS: none \(CFCML_BLAS=none\)$/m);
  const fp = (out: string) => /^numerics fingerprint: ([0-9a-f]{16}) \(/m.exec(out)?.[1];
  assert.ok(fp(off), off);
  if (nativeBlasAvailable() || process.env.CI === 'true') {
    const on = run({});
    assert.match(on, /^dense products: native-blas \(default where BLAS loads; OpenBLAS found: \S+ .*1 thread(, operands .*)?\)$/m);
    // The two paths round differently, and the fingerprint tells them apart.
    assert.ok(fp(on) && fp(on) !== fp(off), `${fp(on)} vs ${fp(off)}`);
  }
});
