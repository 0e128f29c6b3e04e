import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prCurveFigure, rocCurveFigure, trainingCurves } from '../../lib/plots/curves';
import { OKABE_ITO } from '../../lib/plots/figure';
import { CfcmlError } from '../../lib/util/errors';

test('trainingCurves: one trace per series, gaps as null, val dashed', () => {
  const h = [
    { epoch: 1, loss: 1.0, val_loss: 1.2 },
    { epoch: 2, loss: 0.5 },
    { epoch: 3, loss: 0.25, val_loss: 0.4 },
  ];
  const f = trainingCurves(h, { title: 'Training' });
  assert.deepEqual(f.data.map((t) => t.name), ['loss', 'val_loss']);
  assert.deepEqual(f.data[0].x, [1, 2, 3]);
  assert.deepEqual(f.data[0].y, [1.0, 0.5, 0.25]);
  assert.deepEqual(f.data[1].y, [1.2, null, 0.4]);
  assert.equal(f.data[1].line.dash, 'dash');
  assert.equal(f.data[0].line.dash, undefined);
  assert.equal(f.layout.title.text, 'Training');
  assert.equal(f.layout.xaxis.title.text, 'epoch');
  assert.deepEqual(trainingCurves(h, { series: ['val_loss'] }).data.map((t) => t.name), ['val_loss']);
  assert.equal(f.data[1].connectgaps, true);
});

test('trainingCurves: sparse series get markers; secondary series go to a right-hand y axis', () => {
  const h = Array.from({ length: 10 }, (_, i) => ({ epoch: i, loss: 1 / (i + 1), ...(i % 5 === 4 ? { val_auc: 0.5 + i / 20 } : {}) }));
  const f = trainingCurves(h, { secondary: ['val_auc'], y2Title: 'AUC' });
  assert.equal(f.data[0].mode, 'lines');
  assert.equal(f.data[1].mode, 'lines+markers');
  assert.equal(f.data[1].yaxis, 'y2');
  assert.equal(f.data[0].yaxis, undefined);
  assert.deepEqual([f.layout.yaxis2.overlaying, f.layout.yaxis2.side, f.layout.yaxis2.title.text], ['y', 'right', 'AUC']);
  assert.equal(trainingCurves(h).layout.yaxis2, undefined);
});

test('rocCurveFigure: x/y are the input, AUC and CI in the legend, chance diagonal', () => {
  const fpr = [0, 0.1, 0.3, 1];
  const tpr = [0, 0.6, 0.9, 1];
  const f = rocCurveFigure([
    { name: 'CFCML', fpr, tpr, auc: 0.9123, ci: [0.881, 0.94] },
    { name: 'image only', fpr: [0, 1], tpr: [0, 1] },
  ]);
  assert.equal(f.data.length, 3);
  assert.deepEqual(f.data[0].x, fpr);
  assert.deepEqual(f.data[0].y, tpr);
  assert.equal(f.data[0].name, 'CFCML (AUC 0.912 [0.881, 0.940])');
  assert.equal(f.data[1].name, 'image only');
  assert.equal(f.data[0].line.color, OKABE_ITO[0]);
  assert.equal(f.data[1].line.color, OKABE_ITO[1]);
  assert.deepEqual([f.data[2].x, f.data[2].y, f.data[2].showlegend], [[0, 1], [0, 1], false]);
  assert.equal(f.layout.xaxis.title.text, 'false-positive rate');
  assert.equal(f.layout.yaxis.scaleanchor, 'x');
  assert.throws(() => rocCurveFigure([{ name: 'bad', fpr: [0, 1], tpr: [0] }]), CfcmlError);
});

test('prCurveFigure: AP in legend, scikit-learn (decreasing recall) order drawn increasing, prevalence line', () => {
  // sklearn.metrics.precision_recall_curve order: recall decreasing, ending (0, 1).
  const f = prCurveFigure([{ name: 'm', recall: [1, 0.5, 0], precision: [0.5, 0.8, 1], ap: 0.75, ci: [0.7, 0.8] }], { prevalence: 0.3 });
  assert.deepEqual(f.data[0].x, [0, 0.5, 1]);
  assert.deepEqual(f.data[0].y, [1, 0.8, 0.5]);
  assert.equal(f.data[0].line.shape, 'vh');
  assert.equal(f.data[0].name, 'm (AP 0.750 [0.700, 0.800])');
  assert.deepEqual(f.data[1].y, [0.3, 0.3]);
  const inc = prCurveFigure([{ name: 'm', recall: [0, 0.5, 1], precision: [1, 0.8, 0.5] }]);
  assert.deepEqual(inc.data[0].x, [0, 0.5, 1]);
  assert.equal(inc.data.length, 1);
});

test('trainingCurves: logY puts the first axis on a log scale only when asked', () => {
  const h = [{ epoch: 1, sam: 12, cp: 0.8 }, { epoch: 2, sam: 6, cp: 0.1 }];
  assert.equal(trainingCurves(h, { logY: true }).layout.yaxis.type, 'log');
  assert.equal(trainingCurves(h).layout.yaxis.type, undefined);
});
