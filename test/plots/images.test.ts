import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attentionOverImage, imageGrid, imageToRgbRows } from '../../lib/plots/images';
import { CfcmlError } from '../../lib/util/errors';

test('imageToRgbRows: [0,1] floats scaled to 0–255, grey repeated, HWC order', () => {
  const rgb = imageToRgbRows({ data: new Float32Array([0, 0.5, 1, 1, 0, 0]), height: 1, width: 2, channels: 3 });
  assert.deepEqual(rgb, [[[0, 128, 255], [255, 0, 0]]]);
  const grey = imageToRgbRows({ data: [0, 200, 100, 50], height: 2, width: 2, channels: 1 });
  assert.deepEqual(grey, [[[0, 0, 0], [200, 200, 200]], [[100, 100, 100], [50, 50, 50]]]);
  assert.throws(() => imageToRgbRows({ data: [1, 2, 3], height: 2, width: 2, channels: 1 }), CfcmlError);
});

test('attentionOverImage: image trace + heatmap whose cells cover the patches', () => {
  const img = { data: new Float32Array(8 * 4 * 3).fill(0.5), height: 8, width: 4, channels: 3 };
  const att = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]; // grid 4 rows × 2 cols
  const f = attentionOverImage(img, att, [4, 2], { opacity: 0.3 });
  assert.deepEqual(f.data.map((t) => t.type), ['image', 'heatmap']);
  assert.equal(f.data[0].z.length, 8);
  assert.equal(f.data[0].z[0].length, 4);
  const h = f.data[1];
  assert.deepEqual(h.z, [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6], [0.7, 0.8]]);
  assert.equal(h.dx, 2); // 4 px / 2 cols
  assert.equal(h.dy, 2); // 8 px / 4 rows
  assert.equal(h.x0, 0.5); // centre of pixels 0..1
  assert.equal(h.opacity, 0.3);
  assert.deepEqual(f.layout.yaxis.range, [7.5, -0.5]);
  assert.throws(() => attentionOverImage(img, [1, 2, 3], [2, 2]), CfcmlError);
});

test('imageGrid: one axis pair per image, laid out in rows of `cols`, titles as annotations', () => {
  const img = { data: new Uint8Array(2 * 2 * 3).fill(255), height: 2, width: 2, channels: 3 };
  const f = imageGrid([img, img, img], ['a', 'b', 'c'], 2);
  assert.deepEqual(f.data.map((t) => [t.xaxis, t.yaxis]), [['x', 'y'], ['x2', 'y2'], ['x3', 'y3']]);
  assert.equal(f.layout.xaxis.domain[0], 0);
  assert.ok(f.layout.xaxis2.domain[0] > f.layout.xaxis.domain[1]);
  assert.deepEqual(f.layout.xaxis3.domain, f.layout.xaxis.domain); // third image starts row 2
  assert.ok(f.layout.yaxis3.domain[1] < f.layout.yaxis.domain[0]);
  assert.deepEqual(f.layout.annotations.map((a: { text: string }) => a.text), ['a', 'b', 'c']);
  assert.equal(f.layout.yaxis2.scaleanchor, 'x2');
  assert.throws(() => imageGrid([img], ['a', 'b'], 2), CfcmlError);
});
