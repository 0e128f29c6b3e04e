"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const figure_1 = require("../../lib/plots/figure");
const fig = () => ({
    data: [{ type: 'scatter', x: [1, 2], y: [3, 4] }, { type: 'heatmap', z: [[1]] }],
    layout: { title: { text: 'T' }, font: { size: 20 }, xaxis: { title: { text: 'epoch' } }, xaxis2: { domain: [0.5, 1] } },
});
(0, node_test_1.test)('applyTheme lays the theme under the figure: figure keys win, theme fills the rest', () => {
    const f = fig();
    const t = (0, figure_1.applyTheme)(f, figure_1.paperTheme);
    strict_1.default.equal(t.layout.font.size, 20); // the figure's own
    strict_1.default.equal(t.layout.font.family, figure_1.paperTheme.layout.font.family); // from the theme
    strict_1.default.deepEqual(t.layout.colorway, [...figure_1.OKABE_ITO]);
    strict_1.default.equal(t.layout.xaxis.title.text, 'epoch');
    strict_1.default.equal(t.layout.xaxis.ticks, 'outside');
    strict_1.default.equal(t.layout.xaxis2.ticks, 'outside', 'theme axis style reaches numbered axes');
    strict_1.default.deepEqual(t.layout.xaxis2.domain, [0.5, 1]);
    strict_1.default.equal(t.layout.yaxis.showgrid, false);
    strict_1.default.equal(t.config?.displayModeBar, false);
    strict_1.default.deepEqual(f, fig(), 'input not changed');
    strict_1.default.equal((0, figure_1.applyTheme)(f, figure_1.notebookTheme).layout.yaxis.showgrid, true);
});
(0, node_test_1.test)('Okabe–Ito palette cycles', () => {
    strict_1.default.equal(figure_1.OKABE_ITO.length, 8);
    strict_1.default.equal((0, figure_1.paletteColor)(0), '#E69F00');
    strict_1.default.equal((0, figure_1.paletteColor)(8), (0, figure_1.paletteColor)(0));
});
(0, node_test_1.test)('describeFigure names title and trace kinds', () => {
    strict_1.default.equal((0, figure_1.describeFigure)(fig()), 'Figure "T": 2 trace(s) (1 scatter, 1 heatmap)');
});
//# sourceMappingURL=figure.test.js.map