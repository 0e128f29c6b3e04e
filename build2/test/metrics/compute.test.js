"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * computeMetrics, the ROC / PR curves and formatMetricsTable against scikit-learn 1.2 on fixed vectors
 * (scripts/reference/metrics_reference.py → test/fixtures/reference/metrics.json), ties included, and
 * the edge cases (empty input, one class, mismatched lengths).
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const reference_1 = require("../helpers/reference");
const metrics_1 = require("../../lib/metrics");
const ref = (0, reference_1.reference)('metrics');
function closeArray(actual, expected, what, tol = 1e-12) {
    strict_1.default.equal(actual.length, expected.length, `${what}: length`);
    actual.forEach((v, i) => (0, reference_1.close)(v, expected[i], `${what}[${i}]`, tol));
}
for (const c of ref.binary) {
    (0, node_test_1.test)(`binary metrics match scikit-learn: ${c.name}`, () => {
        const m = (0, metrics_1.computeMetrics)(c.labels, c.probs, { positiveClass: c.positiveClass });
        strict_1.default.equal(m.kind, 'binary');
        for (const k of ['auc', 'auprc', 'accuracy', 'balanced_accuracy', 'sensitivity', 'specificity', 'g_mean', 'mcc', 'f1']) {
            (0, reference_1.close)(m[k], c.expected[k], k);
        }
        strict_1.default.deepEqual(m.confusion, c.expected.confusion);
        if (c.roc) {
            const y = c.labels.map((v) => (v === c.positiveClass ? 1 : 0));
            const s = c.probs.map((r) => r[c.positiveClass]);
            const roc = (0, metrics_1.rocCurve)(y, s);
            closeArray(roc.fpr, c.roc.fpr, 'fpr');
            closeArray(roc.tpr, c.roc.tpr, 'tpr');
            strict_1.default.equal(roc.thresholds[0], Infinity);
            closeArray(roc.thresholds.slice(1), c.roc.thresholds, 'roc thresholds');
            const pr = (0, metrics_1.prCurve)(y, s);
            closeArray(pr.precision, c.pr.precision, 'precision');
            closeArray(pr.recall, c.pr.recall, 'recall');
            closeArray(pr.thresholds, c.pr.thresholds, 'pr thresholds');
            (0, reference_1.close)((0, metrics_1.rocAuc)(y, s), c.expected.auc, 'rocAuc');
            (0, reference_1.close)((0, metrics_1.averagePrecision)(y, s), c.expected.auprc, 'averagePrecision');
        }
    });
}
for (const c of ref.multiclass) {
    (0, node_test_1.test)(`multi-class metrics match scikit-learn: ${c.name}`, () => {
        const m = (0, metrics_1.computeMetrics)(c.labels, c.probs);
        strict_1.default.equal(m.kind, 'multiclass');
        for (const k of ['accuracy', 'balanced_accuracy', 'macro_f1', 'weighted_f1', 'macro_auc', 'mcc'])
            (0, reference_1.close)(m[k], c.expected[k], k);
        (0, reference_1.close)(m.auc, c.expected.macro_auc, 'auc = macro_auc');
        closeArray(m.per_class_accuracy, c.expected.per_class_accuracy, 'per_class_accuracy');
        strict_1.default.deepEqual(m.confusion, c.expected.confusion);
    });
}
(0, node_test_1.test)('edge cases: empty input, one class, mismatched lengths', () => {
    strict_1.default.throws(() => (0, metrics_1.computeMetrics)([], []), /empty input/);
    strict_1.default.throws(() => (0, metrics_1.computeMetrics)([0, 1], [[0.2, 0.8]]), /2 labels but 1 probability rows/);
    strict_1.default.throws(() => (0, metrics_1.computeMetrics)([0, 1], [[1], [1]]), /at least 2 columns/);
    strict_1.default.throws(() => (0, metrics_1.computeMetrics)([0, 3], [[0.5, 0.5], [0.5, 0.5]]), /label 3/);
    strict_1.default.throws(() => (0, metrics_1.rocAuc)([1, 1], [0.2, 0.3]), /only one class present/);
    strict_1.default.throws(() => (0, metrics_1.averagePrecision)([0, 0], [0.2, 0.3]), /no positive case/);
    strict_1.default.throws(() => (0, metrics_1.rocAuc)([], []), /empty input/);
});
(0, node_test_1.test)('formatMetricsTable: one run or several side by side, with per-class rows and confusion matrices', () => {
    const c = ref.multiclass[0];
    const m = (0, metrics_1.computeMetrics)(c.labels, c.probs, { classNames: ['G1', 'G2-inv', 'G2-noninv'] });
    const one = (0, metrics_1.formatMetricsTable)(m);
    strict_1.default.match(one, /per_class_accuracy\[G2-inv\]/);
    strict_1.default.match(one, /macro_auc\s+0\.\d{4}/);
    strict_1.default.match(one, /confusion \(value; rows true, columns predicted\)/);
    const b = ref.binary[1];
    const mb = (0, metrics_1.computeMetrics)(b.labels, b.probs);
    const two = (0, metrics_1.formatMetricsTable)({ CFCML: mb, baseline: mb });
    const header = two.split('\n')[0];
    strict_1.default.match(header, /metric\s+CFCML\s+baseline/);
    strict_1.default.match(two, /g_mean/);
});
//# sourceMappingURL=compute.test.js.map