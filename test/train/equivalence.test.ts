import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { initBackend } from '../../lib/backend';
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
 * A deliberate change of the numbers (a kernel, the loss, the data pipeline) must rewrite the fixture and say
 * so in its commit: `CFCML_WRITE_FIXTURES=1 node --test build/test/train/equivalence.test.js`.
 */
const FIXTURES = path.join(__dirname, '../../../test/fixtures/equivalence');
const DATA = path.join(FIXTURES, 'derm7pt');
const FILE = path.join(FIXTURES, 'tiny-run.json');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-equiv-'));

before(async () => {
  await initBackend({ quiet: true });
});

/** JSON round trip: what the fixture can hold (NaN → null), compared exactly (doubles round-trip in JSON). */
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

test('a tiny seeded run reproduces the stored numbers bit for bit', async () => {
  const steps: StepRecord[] = [];
  const r = await train({
    data: DATA,
    dataset: 'derm7pt',
    preset: 'tiny',
    epochs: 2,
    seed: 7,
    out: path.join(root, 'run'),
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
  });
  if (process.env.CFCML_WRITE_FIXTURES === '1') {
    fs.writeFileSync(FILE, JSON.stringify(actual, null, 1) + '\n');
    return;
  }
  const expected = JSON.parse(fs.readFileSync(FILE, 'utf8'));
  assert.deepEqual(actual, expected);
});
