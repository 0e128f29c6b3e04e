"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * DeLong's test against an independent O(m·n) DeLong (placement values) and a bootstrap of the AUC
 * difference, and the normal CDF against scipy (scripts/reference/metrics_reference.py).
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const reference_1 = require("../helpers/reference");
const metrics_1 = require("../../lib/metrics");
const ref = (0, reference_1.reference)('metrics');
(0, node_test_1.test)('DeLong matches an independent O(m·n) DeLong and a bootstrap of the AUC difference', () => {
    for (const [k, d] of ref.delong.entries()) {
        const r = (0, metrics_1.delongTest)(d.labels, d.scoresA, d.scoresB);
        for (const key of ['aucA', 'aucB', 'diff', 'se', 'z'])
            (0, reference_1.close)(r[key], d.expected[key], `case ${k} ${key}`, 1e-10);
        (0, reference_1.close)(r.p, d.expected.p, `case ${k} p`, 1e-7);
        // the DeLong standard error agrees with a 4000-resample bootstrap within 10%
        strict_1.default.ok(Math.abs(r.se / d.expected.bootstrap_se - 1) < 0.1, `case ${k}: se ${r.se} vs bootstrap ${d.expected.bootstrap_se}`);
    }
});
(0, node_test_1.test)('DeLong: identical models give z = 0, p = 1; a single class is a clear error', () => {
    const y = [0, 1, 0, 1, 1, 0];
    const s = [0.1, 0.8, 0.3, 0.6, 0.6, 0.2];
    const r = (0, metrics_1.delongTest)(y, s, s);
    strict_1.default.equal(r.diff, 0);
    strict_1.default.equal(r.z, 0);
    strict_1.default.equal(r.p, 1);
    strict_1.default.throws(() => (0, metrics_1.delongTest)([1, 1, 1], [0.1, 0.2, 0.3], [0.3, 0.2, 0.1]), /needs both classes/);
});
(0, node_test_1.test)('normal CDF matches scipy to 1e-12 absolute, and its tails relatively', () => {
    ref.normal.x.forEach((x, i) => {
        const expected = ref.normal.cdf[i];
        const got = (0, metrics_1.normalCdf)(x);
        strict_1.default.ok(Math.abs(got - expected) <= 1e-14 + 1e-12 * expected, `Φ(${x}) = ${got}, scipy ${expected}`);
    });
});
//# sourceMappingURL=delong.test.js.map