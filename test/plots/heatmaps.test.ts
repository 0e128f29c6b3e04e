import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confusionMatrixFigure, normalizeConfusion, similarityHeatmap } from '../../lib/plots/heatmaps';
import { CfcmlError } from '../../lib/util/errors';

const M = [
  [8, 2, 0],
  [1, 6, 3],
  [0, 0, 0], // a class never seen: must stay 0, not NaN
];
const names = ['BCC', 'NEV', 'MEL'];

test('confusion matrix normalised by true class: rows sum to 1 (empty row stays 0)', () => {
  const f = confusionMatrixFigure(M, names, { normalize: 'true' });
  const z: number[][] = f.data[0].z;
  assert.deepEqual(z[0], [0.8, 0.2, 0]);
  assert.ok(Math.abs(z[1].reduce((a, b) => a + b, 0) - 1) < 1e-12);
  assert.deepEqual(z[2], [0, 0, 0]);
  assert.equal(f.data[0].text[1][2], '0.30<br>(3)');
  assert.deepEqual(f.data[0].x, names);
  assert.deepEqual(f.data[0].y, names);
  assert.equal(f.data[0].zmax, 1);
  assert.equal(f.layout.yaxis.autorange, 'reversed');
  assert.equal(f.layout.xaxis.title.text, 'predicted');
});

test('confusion matrix counts, pred and all normalisation', () => {
  const f = confusionMatrixFigure(M, names);
  assert.deepEqual(f.data[0].z, M);
  assert.equal(f.data[0].text[0][0], '8');
  const pred = normalizeConfusion(M, 'pred');
  assert.deepEqual(pred.map((r) => r[0]), [8 / 9, 1 / 9, 0]);
  const all = normalizeConfusion(M, 'all');
  assert.equal(all.flat().reduce((a, b) => a + b, 0), 1);
  assert.throws(() => confusionMatrixFigure([[1, 2]], names), CfcmlError);
});

test('similarityHeatmap: diverging centred scale for signed values, sequential otherwise', () => {
  const signed = similarityHeatmap([[1, -0.5], [-0.5, 1]], ['p0', 'p1'], { title: 'Prototypes' });
  assert.equal(signed.data[0].zmid, 0);
  assert.equal(signed.data[0].colorscale, 'RdBu');
  assert.deepEqual(signed.data[0].y, ['p0', 'p1']);
  assert.equal(signed.layout.title.text, 'Prototypes');
  const pos = similarityHeatmap([[1, 0.5, 0.2]], ['x'], { colLabels: ['a', 'b', 'c'] });
  assert.equal(pos.data[0].colorscale, 'Viridis');
  assert.equal(pos.data[0].zmid, undefined);
  assert.deepEqual(pos.data[0].x, ['a', 'b', 'c']);
  assert.throws(() => similarityHeatmap([[1, 2]], ['a', 'b']), CfcmlError);
});
