"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const sharp_1 = __importDefault(require("sharp"));
const images_1 = require("../../lib/plots/images");
const grid_1 = require("../../lib/plots/grid");
const errors_1 = require("../../lib/util/errors");
(0, node_test_1.test)('imageToRgbRows: [0,1] floats scaled to 0–255, grey repeated, HWC order', () => {
    const rgb = (0, images_1.imageToRgbRows)({ data: new Float32Array([0, 0.5, 1, 1, 0, 0]), height: 1, width: 2, channels: 3 });
    strict_1.default.deepEqual(rgb, [[[0, 128, 255], [255, 0, 0]]]);
    const grey = (0, images_1.imageToRgbRows)({ data: [0, 200, 100, 50], height: 2, width: 2, channels: 1 });
    strict_1.default.deepEqual(grey, [[[0, 0, 0], [200, 200, 200]], [[100, 100, 100], [50, 50, 50]]]);
    strict_1.default.throws(() => (0, images_1.imageToRgbRows)({ data: [1, 2, 3], height: 2, width: 2, channels: 1 }), errors_1.CfcmlError);
});
(0, node_test_1.test)('attentionOverImage: image trace + heatmap whose cells cover the patches', () => {
    const img = { data: new Float32Array(8 * 4 * 3).fill(0.5), height: 8, width: 4, channels: 3 };
    const att = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]; // grid 4 rows × 2 cols
    const f = (0, images_1.attentionOverImage)(img, att, [4, 2], { opacity: 0.3 });
    strict_1.default.deepEqual(f.data.map((t) => t.type), ['image', 'heatmap']);
    strict_1.default.equal(f.data[0].z, undefined, 'no pixel array');
    strict_1.default.match(f.data[0].source, /^data:image\/png;base64,/);
    const h = f.data[1];
    strict_1.default.deepEqual(h.z, [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6], [0.7, 0.8]]);
    strict_1.default.equal(h.dx, 2); // 4 px / 2 cols
    strict_1.default.equal(h.dy, 2); // 8 px / 4 rows
    strict_1.default.equal(h.x0, 0.5); // centre of pixels 0..1
    strict_1.default.equal(h.opacity, 0.3);
    strict_1.default.deepEqual(f.layout.yaxis.range, [7.5, -0.5]);
    strict_1.default.throws(() => (0, images_1.attentionOverImage)(img, [1, 2, 3], [2, 2]), errors_1.CfcmlError);
});
(0, node_test_1.test)('imageGrid: one axis pair per image, laid out in rows of `cols`, titles as annotations', () => {
    const img = { data: new Uint8Array(2 * 2 * 3).fill(255), height: 2, width: 2, channels: 3 };
    const f = (0, images_1.imageGrid)([img, img, img], ['a', 'b', 'c'], 2);
    strict_1.default.deepEqual(f.data.map((t) => [t.xaxis, t.yaxis]), [['x', 'y'], ['x2', 'y2'], ['x3', 'y3']]);
    strict_1.default.equal(f.layout.xaxis.domain[0], 0);
    strict_1.default.ok(f.layout.xaxis2.domain[0] > f.layout.xaxis.domain[1]);
    strict_1.default.deepEqual(f.layout.xaxis3.domain, f.layout.xaxis.domain); // third image starts row 2
    strict_1.default.ok(f.layout.yaxis3.domain[1] < f.layout.yaxis.domain[0]);
    strict_1.default.deepEqual(f.layout.annotations.map((a) => a.text), ['a', 'b', 'c']);
    strict_1.default.equal(f.layout.yaxis2.scaleanchor, 'x2');
    strict_1.default.throws(() => (0, images_1.imageGrid)([img], ['a', 'b'], 2), errors_1.CfcmlError);
});
(0, node_test_1.test)('imageSource: a PNG data URI holding exactly the image, far smaller than the pixel array as JSON', async () => {
    const [h, w] = [96, 96];
    const data = new Float32Array(h * w * 3).map((_, i) => 0.5 + 0.4 * Math.sin(i / 300));
    const uri = (0, images_1.imageSource)({ data, height: h, width: w, channels: 3 });
    const png = Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64');
    const raw = await (0, sharp_1.default)(png).raw().toBuffer({ resolveWithObject: true });
    strict_1.default.deepEqual([raw.info.width, raw.info.height], [w, h]);
    const rows = (0, images_1.imageToRgbRows)({ data, height: h, width: w, channels: 3 });
    strict_1.default.deepEqual([...raw.data.subarray(0, 6)], [...rows[0][0], ...rows[0][1]]);
    strict_1.default.ok(uri.length < JSON.stringify(rows).length / 3, `${uri.length} chars vs ${JSON.stringify(rows).length}`);
});
(0, node_test_1.test)('imageGrid stores no pixel arrays: a 12-tile 96×96 grid is a few hundred kB of JSON at most', () => {
    const tiles = Array.from({ length: 12 }, (_, k) => ({
        data: new Float32Array(96 * 96 * 3).map((_, i) => 0.3 + 0.3 * Math.sin((i + k * 50) / 500)), height: 96, width: 96, channels: 3,
    }));
    const f = (0, images_1.imageGrid)(tiles, tiles.map((_, i) => `t${i}`), 6);
    strict_1.default.ok(f.data.every((t) => t.z === undefined && /^data:image\/png/.test(t.source)));
    strict_1.default.ok(JSON.stringify(f).length < 200000, `${JSON.stringify(f).length} chars`);
});
(0, node_test_1.test)('subplotGrid: panels row by row from the top, axis pairs anchored to each other', () => {
    const g = (0, grid_1.subplotGrid)(5, 3, { gap: [0.1, 0.2] });
    strict_1.default.deepEqual(g.cells.map((c) => [c.row, c.col, c.xaxis, c.yKey]), [
        [0, 0, 'x', 'yaxis'], [0, 1, 'x2', 'yaxis2'], [0, 2, 'x3', 'yaxis3'], [1, 0, 'x4', 'yaxis4'], [1, 1, 'x5', 'yaxis5'],
    ]);
    const w = (1 - 2 * 0.1) / 3;
    strict_1.default.ok(Math.abs(g.cells[1].x[0] - (w + 0.1)) < 1e-12);
    strict_1.default.ok(Math.abs(g.cells[3].y[1] - (1 - 0.4 - 0.2)) < 1e-12); // row height (1 − 0.2)/2 = 0.4
    strict_1.default.deepEqual(g.layout.xaxis2, { domain: g.cells[1].x, anchor: 'y2' });
    strict_1.default.deepEqual(g.layout.yaxis4, { domain: g.cells[3].y, anchor: 'x4' });
    strict_1.default.throws(() => (0, grid_1.subplotGrid)(0, 2), errors_1.CfcmlError);
});
(0, node_test_1.test)('featureMapGrid: photos as PNG sources, maps as heatmaps on one colour axis that is not white at its maximum', () => {
    const img = { data: new Uint8Array(4 * 4 * 3).fill(128), height: 4, width: 4, channels: 3 };
    const f = (0, images_1.featureMapGrid)([{ image: img }, { map: [[0, 0.5], [1, 0.25]] }, { map: [[1]] }], ['input', 's1', 's4'], 3, { colorbarTitle: 'relative |activation|' });
    strict_1.default.deepEqual(f.data.map((t) => t.type), ['image', 'heatmap', 'heatmap']);
    strict_1.default.ok(f.data.slice(1).every((t) => t.coloraxis === 'coloraxis'));
    strict_1.default.equal(f.layout.coloraxis.colorscale, 'Viridis');
    strict_1.default.deepEqual([f.layout.coloraxis.cmin, f.layout.coloraxis.cmax], [0, 1]);
    strict_1.default.equal(f.layout.yaxis2.autorange, 'reversed');
    strict_1.default.throws(() => (0, images_1.featureMapGrid)([{ map: [[1, 2], [3]] }], ['bad'], 1), errors_1.CfcmlError);
});
//# sourceMappingURL=images.test.js.map