"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const stats_1 = require("../../lib/experiments/stats");
const reference_1 = require("../helpers/reference");
(0, node_test_1.test)('holm: worked example, input order kept, monotone running max', () => {
    // sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → running max 0.06
    const adj = (0, stats_1.holm)([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((v, i) => (0, reference_1.close)(adj[i], v, `adjusted p[${i}]`, 1e-12));
});
(0, node_test_1.test)("holm: R's p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), 'holm') = 0.05 0.08 0.09 0.09 0.09", () => {
    const adj = (0, stats_1.holm)([0.01, 0.02, 0.03, 0.04, 0.05]);
    [0.05, 0.08, 0.09, 0.09, 0.09].forEach((v, i) => (0, reference_1.close)(adj[i], v, `adjusted p[${i}]`, 1e-12));
});
(0, node_test_1.test)('holm: capped at 1, NaN (no test) stays out of the family', () => {
    const adj = (0, stats_1.holm)([0.5, NaN, 0.2]);
    (0, reference_1.close)(adj[2], 0.4, 'smallest of 2 tests × 2');
    (0, reference_1.close)(adj[0], 0.5, 'second of 2: max(0.4, 0.5 × 1)');
    (0, reference_1.close)((0, stats_1.holm)([0.6, 0.7])[0], 1, 'capped at 1: min(1, 0.6 × 2)');
    strict_1.default.ok(Number.isNaN(adj[1]));
});
(0, node_test_1.test)('holm: a value outside [0, 1] is an error that names it', () => {
    strict_1.default.throws(() => (0, stats_1.holm)([0.1, 1.5]), /p-value 1 is 1.5/);
});
(0, node_test_1.test)('mean and sample sd', () => {
    (0, reference_1.close)((0, stats_1.mean)([0.7, 0.8, 0.9]), 0.8, 'mean', 1e-12);
    (0, reference_1.close)((0, stats_1.sd)([0.7, 0.8, 0.9]), 0.1, 'sd (n − 1)', 1e-12);
    strict_1.default.ok(Number.isNaN((0, stats_1.sd)([0.5])), 'one seed has no sd');
});
(0, node_test_1.test)('averageProbs: per-case mean over seeds; shape mismatch refused', () => {
    const m = (0, stats_1.averageProbs)([
        [
            [0.2, 0.8],
            [0.6, 0.4],
        ],
        [
            [0.4, 0.6],
            [0.8, 0.2],
        ],
    ]);
    (0, reference_1.close)(m[0][1], 0.7, 'case 0 class 1', 1e-12);
    (0, reference_1.close)(m[1][0], 0.7, 'case 1 class 0', 1e-12);
    strict_1.default.throws(() => (0, stats_1.averageProbs)([[[1, 0]], [[1, 0], [0, 1]]]), /cases/);
});
//# sourceMappingURL=stats.test.js.map