"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const bars_1 = require("../../lib/plots/bars");
const errors_1 = require("../../lib/util/errors");
(0, node_test_1.test)('metricBars: grouped bars per metric over variants, asymmetric CI error bars', () => {
    const f = (0, bars_1.metricBars)([
        { variant: 'full', metric: 'AUC', value: 0.9, ci: [0.85, 0.93] },
        { variant: 'full', metric: 'ACC', value: 0.8 },
        { variant: 'no HRM', metric: 'AUC', value: 0.85, ci: [0.8, 0.9] },
    ]);
    strict_1.default.equal(f.layout.barmode, 'group');
    strict_1.default.deepEqual(f.data.map((t) => t.name), ['AUC', 'ACC']);
    strict_1.default.deepEqual(f.data[0].x, ['full', 'no HRM']);
    strict_1.default.deepEqual(f.data[0].y, [0.9, 0.85]);
    const e = f.data[0].error_y;
    strict_1.default.equal(e.symmetric, false);
    strict_1.default.deepEqual(e.array.map((v) => +v.toFixed(10)), [0.03, 0.05]);
    strict_1.default.deepEqual(e.arrayminus.map((v) => +v.toFixed(10)), [0.05, 0.05]);
    strict_1.default.deepEqual(f.data[1].y, [0.8, null]); // ACC missing for "no HRM": a gap, not 0
    strict_1.default.equal(f.data[1].error_y, undefined);
    strict_1.default.deepEqual(f.data[0].text, ['0.900', '0.850']);
    strict_1.default.throws(() => (0, bars_1.metricBars)([{ variant: 'a', metric: 'm', value: 1 }, { variant: 'a', metric: 'm', value: 2 }]), errors_1.CfcmlError);
    strict_1.default.throws(() => (0, bars_1.metricBars)([{ variant: 'a', metric: 'm', value: 1, ci: [0, 0.5] }]), errors_1.CfcmlError);
});
//# sourceMappingURL=bars.test.js.map