"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const embedding_1 = require("../../lib/plots/embedding");
const figure_1 = require("../../lib/plots/figure");
const errors_1 = require("../../lib/util/errors");
(0, node_test_1.test)('umapScatter: colour = modality, symbol = class, one trace per occurring pair', () => {
    const pts = [[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]];
    const f = (0, embedding_1.umapScatter)(pts, { modality: ['img', 'img', 'tab', 'tab', 'img'], cls: ['a', 'b', 'a', 'a', 'a'] }, { title: 'UMAP' });
    strict_1.default.deepEqual(f.data.map((t) => t.name), ['img · a', 'img · b', 'tab · a']);
    strict_1.default.deepEqual(f.data[0].x, [0, 4]);
    strict_1.default.deepEqual(f.data[0].y, [0, 4]);
    strict_1.default.deepEqual(f.data[0].customdata, [0, 4]);
    strict_1.default.equal(f.data[0].marker.color, figure_1.OKABE_ITO[0]);
    strict_1.default.equal(f.data[1].marker.color, figure_1.OKABE_ITO[0]);
    strict_1.default.equal(f.data[2].marker.color, figure_1.OKABE_ITO[1]);
    strict_1.default.equal(f.data[0].marker.symbol, 'circle');
    strict_1.default.equal(f.data[1].marker.symbol, 'square');
    strict_1.default.equal(f.data[2].marker.symbol, 'circle');
    strict_1.default.equal(f.layout.title.text, 'UMAP');
    strict_1.default.throws(() => (0, embedding_1.umapScatter)(pts, { modality: ['img'], cls: ['a'] }), errors_1.CfcmlError);
});
//# sourceMappingURL=embedding.test.js.map