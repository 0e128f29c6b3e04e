import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { createModel } from '../../lib/model';
import { dermLike, randomInputs } from '../model/helpers';
import { disposeForward, ensureCohort, modalityLabels, pickPerClass } from '../../lib/notebook/helpers';
import { SEVEN_POINT, sevenPointScore } from '../../lib/synth/derm7ptRelease';
import { CfcmlError } from '../../lib/util/errors';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-nbhelpers-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('ensureCohort writes the synthetic cohort once, then reads it; its seven-point scores follow SEVEN_POINT', async () => {
  const dir = path.join(tmp, 'derm7pt');
  const lines: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => void lines.push(a.join(' '));
  try {
    const first = await ensureCohort(dir, { scale: 0.05, seed: 3 });
    const mtime = fs.statSync(path.join(dir, 'meta', 'meta.csv')).mtimeMs;
    const again = await ensureCohort(dir, { scale: 0.05, seed: 3 });
    assert.equal(fs.statSync(path.join(dir, 'meta', 'meta.csv')).mtimeMs, mtime, 'not rewritten');
    assert.equal(again.fingerprint, first.fingerprint);
    assert.equal(lines.length, 1, 'one line, on the first call only');
    assert.match(lines[0], /generated a synthetic Derm7pt cohort \(seed 3\)/);
    assert.ok(first.cases.length > 20);
    for (const c of first.cases) assert.equal(sevenPointScore(c.extra ?? {}), Number(c.extra?.seven_point_score), c.id);
  } finally {
    console.log = log;
  }
  assert.deepEqual(SEVEN_POINT.map((c) => c.points), [2, 2, 2, 1, 1, 1, 1]);
  assert.equal(sevenPointScore({ pigment_network: 'atypical', pigmentation: 'localized irregular' }), 3);
});

test('pickPerClass: the first n of each class, class 0 first; too few is a CfcmlError', () => {
  const items = [1, 0, 1, 1, 0, 0, 1].map((label) => ({ label }));
  assert.deepEqual(pickPerClass(items, 2), [1, 4, 0, 2]);
  assert.deepEqual(pickPerClass(items, 3), [1, 4, 5, 0, 2, 3]);
  assert.throws(() => pickPerClass(items, 4), CfcmlError);
});

test('modalityLabels: image<i> named after the spec, tabular kept', () => {
  const spec = { imageModalities: [{ name: 'clinic' }, { name: 'derm' }] } as unknown as Parameters<typeof modalityLabels>[0];
  assert.deepEqual(modalityLabels(spec), ['clinic', 'derm', 'tabular']);
  assert.deepEqual(modalityLabels(spec, ['image1', 'tabular']), ['derm', 'tabular']);
});

test('disposeForward frees every tensor of a forward pass with intermediates', async () => {
  await tf.setBackend('cpu');
  const config = dermLike(2);
  const model = createModel(config);
  const { images, tabular } = randomInputs(config, 2, 3);
  const before = tf.memory().numTensors;
  const out = model.forward(images, tabular, { training: false, intermediates: true });
  assert.ok(tf.memory().numTensors > before + 10);
  disposeForward(out);
  assert.equal(tf.memory().numTensors, before);
  tf.dispose([...images, tabular]);
});
