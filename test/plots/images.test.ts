import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { attentionOverImage, featureMapGrid, imageGrid, imageSource, imageToRgbRows } from '../../lib/plots/images';
import { subplotGrid } from '../../lib/plots/grid';
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
  assert.equal(f.data[0].z, undefined, 'no pixel array');
  assert.match(f.data[0].source, /^data:image\/png;base64,/);
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

test('imageSource: a PNG data URI holding exactly the image, far smaller than the pixel array as JSON', async () => {
  const [h, w] = [96, 96];
  const data = new Float32Array(h * w * 3).map((_, i) => 0.5 + 0.4 * Math.sin(i / 300));
  const uri = imageSource({ data, height: h, width: w, channels: 3 });
  const png = Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64');
  const raw = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  assert.deepEqual([raw.info.width, raw.info.height], [w, h]);
  const rows = imageToRgbRows({ data, height: h, width: w, channels: 3 });
  assert.deepEqual([...raw.data.subarray(0, 6)], [...rows[0][0], ...rows[0][1]]);
  assert.ok(uri.length < JSON.stringify(rows).length / 3, `${uri.length} chars vs ${JSON.stringify(rows).length}`);
});

test('imageGrid stores no pixel arrays: a 12-tile 96×96 grid is a few hundred kB of JSON at most', () => {
  const tiles = Array.from({ length: 12 }, (_, k) => ({
    data: new Float32Array(96 * 96 * 3).map((_, i) => 0.3 + 0.3 * Math.sin((i + k * 50) / 500)), height: 96, width: 96, channels: 3,
  }));
  const f = imageGrid(tiles, tiles.map((_, i) => `t${i}`), 6);
  assert.ok(f.data.every((t) => t.z === undefined && /^data:image\/png/.test(t.source)));
  assert.ok(JSON.stringify(f).length < 200_000, `${JSON.stringify(f).length} chars`);
});

test('subplotGrid: panels row by row from the top, axis pairs anchored to each other', () => {
  const g = subplotGrid(5, 3, { gap: [0.1, 0.2] });
  assert.deepEqual(g.cells.map((c) => [c.row, c.col, c.xaxis, c.yKey]), [
    [0, 0, 'x', 'yaxis'], [0, 1, 'x2', 'yaxis2'], [0, 2, 'x3', 'yaxis3'], [1, 0, 'x4', 'yaxis4'], [1, 1, 'x5', 'yaxis5'],
  ]);
  const w = (1 - 2 * 0.1) / 3;
  assert.ok(Math.abs(g.cells[1].x[0] - (w + 0.1)) < 1e-12);
  assert.ok(Math.abs(g.cells[3].y[1] - (1 - 0.4 - 0.2)) < 1e-12); // row height (1 − 0.2)/2 = 0.4
  assert.deepEqual(g.layout.xaxis2, { domain: g.cells[1].x, anchor: 'y2' });
  assert.deepEqual(g.layout.yaxis4, { domain: g.cells[3].y, anchor: 'x4' });
  assert.throws(() => subplotGrid(0, 2), CfcmlError);
});

test('featureMapGrid: photos as PNG sources, maps as heatmaps on one colour axis that is not white at its maximum', () => {
  const img = { data: new Uint8Array(4 * 4 * 3).fill(128), height: 4, width: 4, channels: 3 };
  const f = featureMapGrid([{ image: img }, { map: [[0, 0.5], [1, 0.25]] }, { map: [[1]] }], ['input', 's1', 's4'], 3, { colorbarTitle: 'relative |activation|' });
  assert.deepEqual(f.data.map((t) => t.type), ['image', 'heatmap', 'heatmap']);
  assert.ok(f.data.slice(1).every((t) => t.coloraxis === 'coloraxis'));
  assert.equal(f.layout.coloraxis.colorscale, 'Viridis');
  assert.deepEqual([f.layout.coloraxis.cmin, f.layout.coloraxis.cmax], [0, 1]);
  assert.equal(f.layout.yaxis2.autorange, 'reversed');
  assert.throws(() => featureMapGrid([{ map: [[1, 2], [3]] }], ['bad'], 1), CfcmlError);
});
