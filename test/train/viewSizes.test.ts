/**
 * A run whose views differ in size (`--set viewSizes.clinic=…`): it trains, records the sizes in options.json and
 * its checkpoints, and an evaluation from the run directory alone rebuilds the same model and reproduces the
 * run's test predictions and metrics.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { initBackend } from '../../lib/backend';
import { synthDerm7pt } from '../../lib/synth';
import { evaluateRun, loadRunModel, train } from '../../lib/train';
import { parsePresetOverrides } from '../../lib/train/config';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-viewsizes-'));
let data = '';

before(async () => {
  await initBackend({ quiet: true });
  data = path.join(root, 'derm7pt');
  await synthDerm7pt({ out: data, seed: 3, scale: 0.1 });
});

test('a tiny run with the clinical photo at an aspect-preserving 32×48 and the dermoscopic view square trains and re-evaluates to the same numbers', async () => {
  const out = path.join(root, 'run');
  const overrides = parsePresetOverrides('viewSizes.clinic=32x48');
  const r = await train({ data, preset: 'tiny', epochs: 2, seed: 4, out, progress: 'none', overrides });
  assert.equal(r.history.length, 2);
  assert.ok(r.history.every((h) => Number.isFinite(h.loss) && h.loss > 0));
  const options = JSON.parse(fs.readFileSync(path.join(out, 'options.json'), 'utf8'));
  assert.deepEqual(options.train.imageSize, [32, 32]);
  assert.deepEqual(options.train.viewSizes, { clinic: [32, 48] });

  const loaded = await loadRunModel(out);
  try {
    assert.deepEqual(
      loaded.model.config.images.map((i) => [i.name, i.size]),
      [
        ['clinic', [32, 48]],
        ['derm', [32, 32]],
      ],
    );
  } finally {
    loaded.model.dispose();
  }
  const trained = fs.readFileSync(path.join(out, 'predictions_test.csv'), 'utf8');
  const ev = await evaluateRun(out);
  assert.deepEqual(ev.metrics, r.testMetrics);
  assert.equal(fs.readFileSync(ev.predictionsFile, 'utf8'), trained);

  // The same seed at the square size is another run: the size reached the model.
  const square = await train({ data, preset: 'tiny', epochs: 2, seed: 4, out: path.join(root, 'square'), progress: 'none' });
  assert.notDeepEqual(
    square.history.map((h) => h.loss),
    r.history.map((h) => h.loss),
  );
});
