"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const figures_1 = require("../../lib/experiments/figures");
const gap_1 = require("../../lib/experiments/gap");
const metrics_1 = require("../../lib/metrics");
const csv_1 = require("../../lib/util/csv");
(0, node_test_1.test)('tprAt: vertical averaging reads the ROC curve (steps and interpolated segments)', () => {
    // labels/scores with ROC points (0,0) (0,0.5) (0.5,0.5) (0.5,1) (1,1)
    const c = (0, metrics_1.rocCurve)([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1]);
    strict_1.default.equal((0, figures_1.tprAt)(c, 0), 0.5);
    strict_1.default.equal((0, figures_1.tprAt)(c, 0.25), 0.5);
    strict_1.default.equal((0, figures_1.tprAt)(c, 0.5), 1);
    strict_1.default.equal((0, figures_1.tprAt)(c, 1), 1);
    // a diagonal segment (tie between a positive and a negative) is interpolated
    const d = (0, metrics_1.rocCurve)([1, 0], [0.5, 0.5]);
    strict_1.default.equal((0, figures_1.tprAt)(d, 0.3), 0.3);
});
(0, node_test_1.test)('ablationFigure: mean bars with ±sd error bars and one dashed oracle line per oracle score', () => {
    const s = (mean, sd) => ({ mean, sd, values: [] });
    const g = {
        group: '',
        dataset: 'derm7pt',
        metrics: ['auc', 'balanced_accuracy'],
        rows: [
            { variant: 'full', metrics: { auc: s(0.8, 0.05), balanced_accuracy: s(0.7, 0.02) } },
            { variant: 'no-cie', metrics: { auc: s(0.75, 0.1), balanced_accuracy: s(0.68, NaN) } },
        ],
        oracle: { file: 'x', auc: { joint: 0.91, additive: 0.88 } },
    };
    const fig = (0, figures_1.ablationFigure)(g);
    strict_1.default.deepEqual(fig.data.map((t) => t.name), ['AUC', 'Bal. acc.']);
    strict_1.default.deepEqual(fig.data[0].y, [0.8, 0.75]);
    strict_1.default.ok(Math.abs(fig.data[0].error_y.array[1] - 0.1) < 1e-12);
    strict_1.default.equal(fig.data[1].error_y.array[1], 0, 'one seed: no error bar');
    strict_1.default.deepEqual(fig.layout.shapes.map((x) => x.y0), [0.91, 0.88]);
    strict_1.default.match(fig.layout.annotations[0].text, /oracle joint AUC 0\.910/);
});
(0, node_test_1.test)('gap: CSV per run and bars per variant with mean ± sd over seeds', () => {
    const rows = [1, 2].flatMap((seed) => [
        { group: '', variant: 'full', seed, modalities: ['clinic', 'derm', 'tabular'], values: { relativeModalityGap: 0.5 + seed / 10, centroidGap: 0.4, alignment: 0.3 } },
        { group: '', variant: 'late-fusion', seed, modalities: ['clinic', 'derm', 'tabular'], values: { relativeModalityGap: 0.9, centroidGap: 1.2, alignment: 1.8 } },
    ]);
    const t = (0, csv_1.parseCsv)((0, gap_1.gapCsv)(rows));
    strict_1.default.equal(t.rows.length, 4);
    strict_1.default.equal(t.rows[0].relativeModalityGap, '0.6');
    const fig = (0, gap_1.gapFigure)(rows, '');
    strict_1.default.deepEqual(fig.data[0].x, ['full', 'late-fusion']);
    strict_1.default.ok(Math.abs(fig.data[0].y[0] - 0.65) < 1e-12);
    strict_1.default.ok(Math.abs(fig.data[0].error_y.array[0] - Math.SQRT1_2 / 10) < 1e-12, 'sd of 0.6, 0.7');
});
//# sourceMappingURL=figures.test.js.map