import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * tfjs-wasm's threaded build in Node (lib/backend/threads.ts): with CFCML_WASM_THREADS=2 the backend really runs
 * 2 XNNPACK threads, the process still exits by itself, and a training step's loss and every weight gradient
 * are bit-identical to the single-threaded build's, with the channel LayerNorm's SIMD module on either build's heap. The backend is chosen once per process, so each setting
 * runs in a child process.
 */
const LIB = path.join(__dirname, '../../lib');
const CHILD = `
const tf = require('@tensorflow/tfjs');
const crypto = require('crypto');
const { initBackend } = require(${JSON.stringify(path.join(LIB, 'backend'))});
const { channelNormKernelPath } = require(${JSON.stringify(path.join(LIB, 'backend/kernels/channelNorm'))});
const { createModel } = require(${JSON.stringify(path.join(LIB, 'model'))});
const { fullBatchGradients, randomStepBatch } = require(${JSON.stringify(path.join(LIB, 'run/splitStep'))});
(async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  const threads = require('@tensorflow/tfjs-backend-wasm').getThreadsCount();
  const config = { images: [{ kind: '2d', channels: 3 }, { kind: '2d', channels: 3 }], imageSize: [32, 32],
    tabular: [3, 3, 9].map((levels) => ({ kind: 'categorical', levels })), numClasses: 2, variant: 'full',
    model: { width: 16, imgTokens: 4, tabTokens: 4, heads: 2, encoderWidths: [8, 16, 16, 24], sharedEncoder: true, dropout: 0.2 }, seed: 3 };
  const model = createModel(config);
  const b = randomStepBatch(config, 8, 2);
  const r = fullBatchGradients(model, b, { numClasses: 2, weights: { sam: 0.4, up: 0.6, cp: 1.8 }, tau: 0.07, dropoutSeed: 5 });
  const h = crypto.createHash('sha256');
  h.update(Buffer.from(r.terms.dataSync().buffer));
  for (const w of model.weights) h.update(Buffer.from(r.grads[w.variable.name].dataSync().buffer));
  console.log(JSON.stringify({ threads, hash: h.digest('hex'), norm: channelNormKernelPath() }));
})();
`;

function runChild(threads: string): { threads: number; hash: string; norm: string } {
  const r = spawnSync(process.execPath, ['-e', CHILD], {
    encoding: 'utf8',
    env: { ...process.env, CFCML_WASM_THREADS: threads },
    timeout: 240_000,
    cwd: path.join(__dirname, '../../..'),
  });
  assert.equal(r.status, 0, `child (CFCML_WASM_THREADS=${threads}) failed or hung: ${r.error?.message ?? ''} ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string);
}

test('threaded wasm: 2 XNNPACK threads in Node, same loss and gradients bit for bit as 1 thread, exits by itself', () => {
  const one = runChild('1');
  const two = runChild('2');
  assert.equal(one.threads, 1);
  assert.equal(two.threads, 2, 'the threaded build runs 2 threads');
  // The channel LayerNorm's SIMD module imports the heap, a shared memory in the threaded build.
  for (const r of [one, two]) assert.match(r.norm, /^WebAssembly SIMD/, `channel LayerNorm with ${r.threads} thread(s)`);
  assert.equal(two.hash, one.hash, 'loss and gradients identical with 1 and 2 threads');
});
