"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const oracle_1 = require("../../lib/synth/oracle");
const metrics_1 = require("../../lib/metrics");
const plots_1 = require("../../lib/plots");
(0, node_test_1.test)('withCeilings: one line per ceiling at its value (first dashed, then dotted), labelled; the input figure is untouched', () => {
    const bars = (0, plots_1.metricBars)([{ variant: 'full', metric: 'AUC', value: 0.7 }]);
    bars.layout.shapes = [{ type: 'rect' }];
    const fig = (0, plots_1.withCeilings)(bars, [['joint', 0.891], ['additive', 0.777]]);
    strict_1.default.equal(bars.layout.shapes.length, 1, 'input unchanged');
    strict_1.default.equal(fig.layout.shapes.length, 3, 'existing shapes kept');
    strict_1.default.deepEqual(fig.layout.shapes.slice(1).map((s) => [s.y0, s.y1]), [[0.891, 0.891], [0.777, 0.777]]);
    strict_1.default.deepEqual(fig.layout.shapes.slice(1).map((s) => s.line.dash), ['dash', 'dot']);
    strict_1.default.deepEqual(fig.layout.annotations.map((a) => a.text), ['oracle joint AUC 0.891', 'oracle additive AUC 0.777']);
});
(0, node_test_1.test)('withCeilings: near-equal ceilings share one label above the highest line, so labels do not overprint', () => {
    const bars = (0, plots_1.metricBars)([{ variant: 'full', metric: 'AUC', value: 0.9 }]);
    // The null cohort's oracles (0.976, 0.975), listed in either order; a third line close below; a far one.
    const fig = (0, plots_1.withCeilings)(bars, [['additive', 0.975], ['tabular', 0.6], ['joint', 0.976], ['image', 0.95]]);
    strict_1.default.equal(fig.layout.shapes.length, 4, 'every ceiling keeps its own line');
    strict_1.default.deepEqual(fig.layout.annotations.map((a) => [a.text, a.y]), [['oracle joint AUC 0.976 · additive AUC 0.975 · image AUC 0.950', 0.976], ['oracle tabular AUC 0.600', 0.6]]);
    // 4% of the axis span: on a 0–0.5 axis, 0.05 apart is far enough; on 0–1.5, 0.05 apart is not.
    const narrow = (0, plots_1.metricBars)([{ variant: 'full', metric: 'AUC', value: 0.3 }], { yRange: [0, 0.5] });
    strict_1.default.equal((0, plots_1.withCeilings)(narrow, [['a', 0.45], ['b', 0.4]]).layout.annotations.length, 2);
    const wide = (0, plots_1.metricBars)([{ variant: 'full', metric: 'AUC', value: 0.3 }], { yRange: [0, 1.5] });
    strict_1.default.equal((0, plots_1.withCeilings)(wide, [['a', 0.45], ['b', 0.4]]).layout.annotations.length, 1);
});
(0, node_test_1.test)('oracleRocSeries: the ROC of each oracle column on one split, AUC equal to rocAuc, drawn as grey references', () => {
    const rows = [
        { id: '1', split: 'test', label: 1, p: { joint: [0.1, 0.9], additive: [0.4, 0.6] } },
        { id: '2', split: 'test', label: 0, p: { joint: [0.8, 0.2], additive: [0.3, 0.7] } },
        { id: '3', split: 'test', label: 1, p: { joint: [0.3, 0.7], additive: [0.5, 0.5] } },
        { id: '4', split: 'test', label: 0, p: { joint: [0.6, 0.4], additive: [0.6, 0.4] } },
        { id: '5', split: 'valid', label: 0, p: { joint: [0.0, 1.0], additive: [0.0, 1.0] } },
    ];
    const series = (0, oracle_1.oracleRocSeries)(rows, 'test', ['joint', 'additive', 'absent']);
    strict_1.default.deepEqual(series.map((s) => s.name), ['oracle joint', 'oracle additive']);
    strict_1.default.equal(series[0].auc, 1);
    strict_1.default.equal(series[1].auc, (0, metrics_1.rocAuc)([1, 0, 1, 0], [0.6, 0.7, 0.5, 0.4]));
    strict_1.default.equal(series[1].auc, 0.5);
    strict_1.default.throws(() => (0, oracle_1.oracleRocSeries)(rows, 'train'), /no case in split 'train'/);
    const fig = (0, plots_1.rocCurveFigure)([{ name: 'model', fpr: [0, 1], tpr: [0, 1], auc: 0.5 }, ...series]);
    strict_1.default.equal(fig.data[0].line.dash, undefined, 'the model is a solid palette line');
    strict_1.default.deepEqual(fig.data.slice(1, 3).map((d) => d.line.dash), ['dash', 'dot']);
    strict_1.default.match(fig.data[1].name, /oracle joint \(AUC 1\.000\)/);
});
//# sourceMappingURL=ceiling.test.js.map