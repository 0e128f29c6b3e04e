import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { initBackend, useComputePath, type ComputePath } from '../../lib/backend';
import { onPath } from '../../lib/backend/testing';
import { evaluateRun, train, type StepRecord } from '../../lib/train';

/**
 * The same seed gives the same numbers, to the last bit, before and after a change of the code's layout.
 *
 * The fixture `test/fixtures/equivalence/tiny-run.json` was written by this test (CFCML_WRITE_FIXTURES=1) on the
 * code before the trainer was split into config / model / checkpoint / run-directory modules.
 * The cohort is committed beside it (102 cases of a synthetic Derm7pt at 40×40 pixels), so a change of the
 * synthetic generator does not move it. What it pins: every step's loss terms, the epoch history, the
 * leakage audit's excluded fields, the selected epoch, valid and test metrics, the predictions file, and a
 * re-evaluation of best.ckpt from the run directory alone.
 *
 * The fixture pins the wasm path of the dense products (XNNPACK: the same bits on every CPU); the native-blas path
 * is checked below against itself and against this fixture within float32 drift.
 *
 * A deliberate change of the numbers (a kernel, the loss, the data pipeline) must rewrite the fixture and say
 * so in its commit: `CFCML_WRITE_FIXTURES=1 node --test build/test/train/equivalence.test.js`.
 */
const FIXTURES = path.join(__dirname, '../../../test/fixtures/equivalence');
const DATA = path.join(FIXTURES, 'derm7pt');
const FILE = path.join(FIXTURES, 'tiny-run.json');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-equiv-'));

before(async () => {
  await initBackend({ backend: 'wasm', quiet: true });
});

/** JSON round trip: what the fixture can hold (NaN → null), compared exactly (doubles round-trip in JSON). */
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

/** The tiny seeded run on the dense-product path `cpath`, as the fixture holds it. */
async function tinyRun(cpath: ComputePath, name: string) {
  useComputePath(cpath);
  const steps: StepRecord[] = [];
  const r = await train({
    data: DATA,
    dataset: 'derm7pt',
    preset: 'tiny',
    epochs: 2,
    seed: 7,
    out: path.join(root, name),
    progress: 'none',
    onStep: (s) => {
      steps.push(s);
    },
  });
  const ev = await evaluateRun(r.runDir, { split: 'test' });
  const actual = plain({
    excludedFields: r.config.excludedFields,
    steps,
    history: r.history.map(({ seconds: _s, ...rest }) => rest),
    bestEpoch: r.bestEpoch,
    validMetrics: r.validMetrics,
    testMetrics: r.testMetrics,
    predictionsTest: fs.readFileSync(path.join(r.runDir, 'predictions_test.csv'), 'utf8'),
    predictionsValid: fs.readFileSync(path.join(r.runDir, 'predictions_valid.csv'), 'utf8'),
    reevaluatedTestMetrics: ev.metrics,
  }) as { steps: StepRecord[] } & Record<string, unknown>;
  return actual;
}

test('a tiny seeded run reproduces the stored numbers bit for bit (wasm path, pinned)', async () => {
  const actual = await tinyRun('wasm', 'run');
  if (process.env.CFCML_WRITE_FIXTURES === '1') {
    fs.writeFileSync(FILE, JSON.stringify(actual, null, 1) + '\n');
    return;
  }
  const expected = JSON.parse(fs.readFileSync(FILE, 'utf8'));
  assert.deepEqual(actual, expected);
});

/**
 * The native-blas path rounds the dense products differently (and per CPU: OpenBLAS picks its kernels at run
 * time), so a stored bit pattern would hold on one machine only. What holds everywhere: the same seed gives the
 * same bits twice on one machine, and every step's loss terms stay within float32 drift of the wasm fixture.
 */
test('native-blas path: a tiny seeded run repeats bit for bit and stays close to the wasm fixture', onPath('native-blas'), async () => {
  const a = await tinyRun('native-blas', 'native-a');
  const b = await tinyRun('native-blas', 'native-b');
  assert.deepEqual(a, b);
  const expected = JSON.parse(fs.readFileSync(FILE, 'utf8')) as { steps: StepRecord[] };
  assert.equal(a.steps.length, expected.steps.length);
  a.steps.forEach((s, i) => {
    for (const [k, v] of Object.entries(s)) {
      const w = (expected.steps[i] as unknown as Record<string, unknown>)[k];
      if (typeof v === 'number' && typeof w === 'number') assert.ok(Math.abs(v - w) <= 1e-3 * Math.max(1, Math.abs(w)), `step ${i} ${k}: ${v} vs wasm ${w}`);
    }
  });
});
