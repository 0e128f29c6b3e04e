"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const curves_1 = require("../../lib/plots/curves");
const figure_1 = require("../../lib/plots/figure");
const errors_1 = require("../../lib/util/errors");
(0, node_test_1.test)('trainingCurves: one trace per series, gaps as null, val dashed', () => {
    const h = [
        { epoch: 1, loss: 1.0, val_loss: 1.2 },
        { epoch: 2, loss: 0.5 },
        { epoch: 3, loss: 0.25, val_loss: 0.4 },
    ];
    const f = (0, curves_1.trainingCurves)(h, { title: 'Training' });
    strict_1.default.deepEqual(f.data.map((t) => t.name), ['loss', 'val_loss']);
    strict_1.default.deepEqual(f.data[0].x, [1, 2, 3]);
    strict_1.default.deepEqual(f.data[0].y, [1.0, 0.5, 0.25]);
    strict_1.default.deepEqual(f.data[1].y, [1.2, null, 0.4]);
    strict_1.default.equal(f.data[1].line.dash, 'dash');
    strict_1.default.equal(f.data[0].line.dash, undefined);
    strict_1.default.equal(f.layout.title.text, 'Training');
    strict_1.default.equal(f.layout.xaxis.title.text, 'epoch');
    strict_1.default.deepEqual((0, curves_1.trainingCurves)(h, { series: ['val_loss'] }).data.map((t) => t.name), ['val_loss']);
    strict_1.default.equal(f.data[1].connectgaps, true);
});
(0, node_test_1.test)('trainingCurves: sparse series get markers; secondary series go to a right-hand y axis', () => {
    const h = Array.from({ length: 10 }, (_, i) => ({ epoch: i, loss: 1 / (i + 1), ...(i % 5 === 4 ? { val_auc: 0.5 + i / 20 } : {}) }));
    const f = (0, curves_1.trainingCurves)(h, { secondary: ['val_auc'], y2Title: 'AUC' });
    strict_1.default.equal(f.data[0].mode, 'lines');
    strict_1.default.equal(f.data[1].mode, 'lines+markers');
    strict_1.default.equal(f.data[1].yaxis, 'y2');
    strict_1.default.equal(f.data[0].yaxis, undefined);
    strict_1.default.deepEqual([f.layout.yaxis2.overlaying, f.layout.yaxis2.side, f.layout.yaxis2.title.text], ['y', 'right', 'AUC']);
    strict_1.default.equal((0, curves_1.trainingCurves)(h).layout.yaxis2, undefined);
});
(0, node_test_1.test)('rocCurveFigure: x/y are the input, AUC and CI in the legend, chance diagonal', () => {
    const fpr = [0, 0.1, 0.3, 1];
    const tpr = [0, 0.6, 0.9, 1];
    const f = (0, curves_1.rocCurveFigure)([
        { name: 'CFCML', fpr, tpr, auc: 0.9123, ci: [0.881, 0.94] },
        { name: 'image only', fpr: [0, 1], tpr: [0, 1] },
    ]);
    strict_1.default.equal(f.data.length, 3);
    strict_1.default.deepEqual(f.data[0].x, fpr);
    strict_1.default.deepEqual(f.data[0].y, tpr);
    strict_1.default.equal(f.data[0].name, 'CFCML (AUC 0.912 [0.881, 0.940])');
    strict_1.default.equal(f.data[1].name, 'image only');
    strict_1.default.equal(f.data[0].line.color, figure_1.OKABE_ITO[0]);
    strict_1.default.equal(f.data[1].line.color, figure_1.OKABE_ITO[1]);
    strict_1.default.deepEqual([f.data[2].x, f.data[2].y, f.data[2].showlegend], [[0, 1], [0, 1], false]);
    strict_1.default.equal(f.layout.xaxis.title.text, 'false-positive rate');
    strict_1.default.equal(f.layout.yaxis.scaleanchor, 'x');
    strict_1.default.throws(() => (0, curves_1.rocCurveFigure)([{ name: 'bad', fpr: [0, 1], tpr: [0] }]), errors_1.CfcmlError);
});
(0, node_test_1.test)('prCurveFigure: AP in legend, scikit-learn (decreasing recall) order drawn increasing, prevalence line', () => {
    // sklearn.metrics.precision_recall_curve order: recall decreasing, ending (0, 1).
    const f = (0, curves_1.prCurveFigure)([{ name: 'm', recall: [1, 0.5, 0], precision: [0.5, 0.8, 1], ap: 0.75, ci: [0.7, 0.8] }], { prevalence: 0.3 });
    strict_1.default.deepEqual(f.data[0].x, [0, 0.5, 1]);
    strict_1.default.deepEqual(f.data[0].y, [1, 0.8, 0.5]);
    strict_1.default.equal(f.data[0].line.shape, 'vh');
    strict_1.default.equal(f.data[0].name, 'm (AP 0.750 [0.700, 0.800])');
    strict_1.default.deepEqual(f.data[1].y, [0.3, 0.3]);
    const inc = (0, curves_1.prCurveFigure)([{ name: 'm', recall: [0, 0.5, 1], precision: [1, 0.8, 0.5] }]);
    strict_1.default.deepEqual(inc.data[0].x, [0, 0.5, 1]);
    strict_1.default.equal(inc.data.length, 1);
});
(0, node_test_1.test)('trainingCurves: logY puts the first axis on a log scale only when asked', () => {
    const h = [{ epoch: 1, sam: 12, cp: 0.8 }, { epoch: 2, sam: 6, cp: 0.1 }];
    strict_1.default.equal((0, curves_1.trainingCurves)(h, { logY: true }).layout.yaxis.type, 'log');
    strict_1.default.equal((0, curves_1.trainingCurves)(h).layout.yaxis.type, undefined);
});
//# sourceMappingURL=curves.test.js.map