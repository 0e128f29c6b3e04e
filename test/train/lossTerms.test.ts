import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { trainingCurves } from '../../lib/plots/curves';
import { formatLossValues, LOSS_TERM_LABELS, LOSS_TERM_NAMES } from '../../lib/train/lossTerms';
import { stackLossTerms } from '../../lib/train/step';

test('LOSS_TERMS: record order, stacking order, the progress line and curve legends agree', async () => {
  assert.deepEqual(LOSS_TERM_NAMES, ['loss', 'ce', 'sam', 'up', 'cp']);
  const l = { total: tf.scalar(5), ce: tf.scalar(1), sam: tf.scalar(2), up: tf.scalar(3), cp: tf.scalar(4) };
  const t = stackLossTerms(l);
  assert.deepEqual(Array.from(await t.data()), [5, 1, 2, 3, 4]);
  tf.dispose([t, ...Object.values(l)]);
  assert.equal(formatLossValues({ loss: 1.23456, ce: 0.5, sam: 7.0107, up: 11.7982, cp: 3.5148 }), 'loss 1.2346 (ce 0.5000 sam 7.011 up 11.798 cp 3.515)');
  const fig = trainingCurves(
    [
      { epoch: 1, loss: 2, sam: 5 },
      { epoch: 2, loss: 1, sam: 4 },
    ],
    { labels: LOSS_TERM_LABELS },
  );
  assert.deepEqual(
    fig.data.map((d) => (d as { name: string }).name),
    ['L (H8)', 'L_sam (H5)'],
  );
});
