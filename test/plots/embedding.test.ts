import { test } from 'node:test';
import assert from 'node:assert/strict';
import { umapScatter } from '../../lib/plots/embedding';
import { OKABE_ITO } from '../../lib/plots/figure';
import { CfcmlError } from '../../lib/util/errors';

test('umapScatter: colour = modality, symbol = class, one trace per occurring pair', () => {
  const pts = [[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]];
  const f = umapScatter(pts, { modality: ['img', 'img', 'tab', 'tab', 'img'], cls: ['a', 'b', 'a', 'a', 'a'] }, { title: 'UMAP' });
  assert.deepEqual(f.data.map((t) => t.name), ['img · a', 'img · b', 'tab · a']);
  assert.deepEqual(f.data[0].x, [0, 4]);
  assert.deepEqual(f.data[0].y, [0, 4]);
  assert.deepEqual(f.data[0].customdata, [0, 4]);
  assert.equal(f.data[0].marker.color, OKABE_ITO[0]);
  assert.equal(f.data[1].marker.color, OKABE_ITO[0]);
  assert.equal(f.data[2].marker.color, OKABE_ITO[1]);
  assert.equal(f.data[0].marker.symbol, 'circle');
  assert.equal(f.data[1].marker.symbol, 'square');
  assert.equal(f.data[2].marker.symbol, 'circle');
  assert.equal(f.layout.title.text, 'UMAP');
  assert.throws(() => umapScatter(pts, { modality: ['img'], cls: ['a'] }), CfcmlError);
});
