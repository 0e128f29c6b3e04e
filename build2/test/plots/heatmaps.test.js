"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const heatmaps_1 = require("../../lib/plots/heatmaps");
const errors_1 = require("../../lib/util/errors");
const M = [
    [8, 2, 0],
    [1, 6, 3],
    [0, 0, 0], // a class never seen: must stay 0, not NaN
];
const names = ['BCC', 'NEV', 'MEL'];
(0, node_test_1.test)('confusion matrix normalised by true class: rows sum to 1 (empty row stays 0)', () => {
    const f = (0, heatmaps_1.confusionMatrixFigure)(M, names, { normalize: 'true' });
    const z = f.data[0].z;
    strict_1.default.deepEqual(z[0], [0.8, 0.2, 0]);
    strict_1.default.ok(Math.abs(z[1].reduce((a, b) => a + b, 0) - 1) < 1e-12);
    strict_1.default.deepEqual(z[2], [0, 0, 0]);
    strict_1.default.equal(f.data[0].text[1][2], '0.30<br>(3)');
    strict_1.default.deepEqual(f.data[0].x, names);
    strict_1.default.deepEqual(f.data[0].y, names);
    strict_1.default.equal(f.data[0].zmax, 1);
    strict_1.default.equal(f.layout.yaxis.autorange, 'reversed');
    strict_1.default.equal(f.layout.xaxis.title.text, 'predicted');
});
(0, node_test_1.test)('confusion matrix counts, pred and all normalisation', () => {
    const f = (0, heatmaps_1.confusionMatrixFigure)(M, names);
    strict_1.default.deepEqual(f.data[0].z, M);
    strict_1.default.equal(f.data[0].text[0][0], '8');
    const pred = (0, heatmaps_1.normalizeConfusion)(M, 'pred');
    strict_1.default.deepEqual(pred.map((r) => r[0]), [8 / 9, 1 / 9, 0]);
    const all = (0, heatmaps_1.normalizeConfusion)(M, 'all');
    strict_1.default.equal(all.flat().reduce((a, b) => a + b, 0), 1);
    strict_1.default.throws(() => (0, heatmaps_1.confusionMatrixFigure)([[1, 2]], names), errors_1.CfcmlError);
});
(0, node_test_1.test)('similarityHeatmap: diverging centred scale for signed values, sequential otherwise', () => {
    const signed = (0, heatmaps_1.similarityHeatmap)([[1, -0.5], [-0.5, 1]], ['p0', 'p1'], { title: 'Prototypes' });
    strict_1.default.equal(signed.data[0].zmid, 0);
    strict_1.default.equal(signed.data[0].colorscale, 'RdBu');
    strict_1.default.deepEqual(signed.data[0].y, ['p0', 'p1']);
    strict_1.default.equal(signed.layout.title.text, 'Prototypes');
    const pos = (0, heatmaps_1.similarityHeatmap)([[1, 0.5, 0.2]], ['x'], { colLabels: ['a', 'b', 'c'] });
    strict_1.default.equal(pos.data[0].colorscale, 'Viridis');
    strict_1.default.equal(pos.data[0].zmid, undefined);
    strict_1.default.deepEqual(pos.data[0].x, ['a', 'b', 'c']);
    strict_1.default.throws(() => (0, heatmaps_1.similarityHeatmap)([[1, 2]], ['a', 'b']), errors_1.CfcmlError);
});
//# sourceMappingURL=heatmaps.test.js.map