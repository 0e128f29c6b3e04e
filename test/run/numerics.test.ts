import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The numerics fingerprint (lib/run/numerics.ts) is a property of the arithmetic: the same in two processes
 * with the same kernels, different as soon as one kernel rounds differently (here the stock wasm Sum/Mean,
 * which accumulate in float32, instead of the project's float64 ones), and it leaves no tensor behind.
 * The backend is set up once per process, so each case runs in a child.
 */
const LIB = path.join(__dirname, '../../lib');
const child = (stockSum: boolean) => `
const tf = require('@tensorflow/tfjs');
const { initBackend } = require(${JSON.stringify(path.join(LIB, 'backend'))});
const k = require(${JSON.stringify(path.join(LIB, 'backend/kernels'))});
const { numericsFingerprint } = require(${JSON.stringify(path.join(LIB, 'run/numerics'))});
(async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  if (${stockSum}) {
    const names = k.registeredWasmKernels();
    k.unregisterWasmKernels();
    k.registerWasmKernels(names.filter((n) => n !== 'Sum' && n !== 'Mean'));
  }
  const before = tf.memory().numTensors;
  const t0 = Date.now();
  const fp = numericsFingerprint();
  const ms = Date.now() - t0;
  console.log(JSON.stringify({ fp, again: numericsFingerprint(), leaked: tf.memory().numTensors - before, ms }));
})();
`;

function run(stockSum: boolean): { fp: string; again: string; leaked: number; ms: number } {
  const r = spawnSync(process.execPath, ['-e', child(stockSum)], { encoding: 'utf8', timeout: 240_000, cwd: path.join(__dirname, '../../..') });
  assert.equal(r.status, 0, `child failed: ${r.error?.message ?? ''} ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string);
}

test('numerics fingerprint: equal across processes with the same kernels, different with one kernel changed, no tensor left', () => {
  const a = run(false);
  const b = run(false);
  const stock = run(true);
  assert.match(a.fp, /^[0-9a-f]{16}$/);
  assert.equal(a.again, a.fp, 'computed once per process');
  assert.equal(b.fp, a.fp, 'same kernels, same fingerprint');
  assert.notEqual(stock.fp, a.fp, 'float32 Sum/Mean instead of float64: another fingerprint');
  assert.equal(a.leaked, 0);
  assert.equal(stock.leaked, 0);
});

test('a run started with other numerics is not resumed: the error names both fingerprints', () => {
  const bin = path.join(__dirname, '../../bin/cfcml.js');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-numerics-'));
  const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, CFCML_BACKEND: 'wasm' } });
  const data = path.join(root, 'derm7pt');
  const out = path.join(root, 'run');
  assert.equal(cli('synth', 'derm7pt', '--out', data, '--seed', '2', '--scale', '0.1').status, 0);
  const args = ['train', '--data', data, '--preset', 'tiny', '--variant', 'late-fusion', '--epochs', '2', '--out', out, '--progress', 'none'];
  const first = cli(...args, '--stop-after', '1');
  assert.equal(first.status, 0, first.stderr);
  const file = path.join(out, 'options.json');
  const options = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.match(options.numerics, /^[0-9a-f]{16}$/);
  fs.writeFileSync(file, JSON.stringify({ ...options, numerics: 'fedcba9876543210' }));
  const resumed = cli(...args, '--resume');
  assert.notEqual(resumed.status, 0);
  assert.match(resumed.stderr, new RegExp(`started with other numerics \\(fingerprint fedcba9876543210, now ${options.numerics}`));
  fs.writeFileSync(file, JSON.stringify(options));
  const ok = cli(...args, '--resume');
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(JSON.parse(fs.readFileSync(path.join(out, 'metrics.json'), 'utf8')).epochs, 2);
  fs.rmSync(root, { recursive: true, force: true });
});
