"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Bootstrap confidence intervals: seeded reproducibility, binomial width for accuracy, undefined resamples.
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const metrics_1 = require("../../lib/metrics");
const random_1 = require("../../lib/util/random");
(0, node_test_1.test)('bootstrapCI: reproducible with a seed, brackets the estimate, about the binomial width for accuracy', () => {
    const rng = new random_1.Rng(11);
    const N = 400;
    const labels = Array.from({ length: N }, () => rng.int(2));
    const probs = labels.map((y) => {
        const p = Math.min(0.99, Math.max(0.01, 0.5 + (y === 1 ? 0.2 : -0.2) + 0.3 * rng.normal()));
        return [1 - p, p];
    });
    const acc = (l, p) => (0, metrics_1.computeMetrics)(l, p).accuracy;
    const a = (0, metrics_1.bootstrapCI)(labels, probs, acc, { n: 500, seed: 3 });
    const b = (0, metrics_1.bootstrapCI)(labels, probs, acc, { n: 500, seed: 3 });
    strict_1.default.deepEqual(a, b);
    strict_1.default.ok(a.lower <= a.estimate && a.estimate <= a.upper);
    const binomialSe = Math.sqrt((a.estimate * (1 - a.estimate)) / N);
    strict_1.default.ok(Math.abs(a.se / binomialSe - 1) < 0.15, `bootstrap se ${a.se} vs binomial ${binomialSe}`);
    // 95% percentile interval ≈ ±1.96 se
    strict_1.default.ok(Math.abs((a.upper - a.lower) / (2 * 1.96 * binomialSe) - 1) < 0.2);
});
(0, node_test_1.test)('bootstrapCI skips resamples where the metric is undefined (AUC with one class)', () => {
    const labels = [1, 0, 0, 0, 0, 0];
    const scores = [0.9, 0.1, 0.2, 0.3, 0.4, 0.5];
    const r = (0, metrics_1.bootstrapCI)(labels, scores, metrics_1.rocAuc, { n: 200, seed: 1 });
    strict_1.default.ok(r.nValid < 200 && r.nValid > 100, `nValid ${r.nValid}`);
    strict_1.default.equal(r.estimate, 1);
    const s = (0, metrics_1.bootstrapCI)(labels, scores, metrics_1.rocAuc, { n: 200, seed: 1, stratified: true });
    strict_1.default.equal(s.nValid, 200);
});
//# sourceMappingURL=bootstrap.test.js.map