"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const data_1 = require("../../lib/data");
// Reference values from scikit-learn 1.2.1:
//   from sklearn.metrics import roc_auc_score
//   roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])            -> 0.75
//   roc_auc_score([0, 1, 0, 1, 1], [0.5, 0.5, 0.2, 0.9, 0.5])     -> 0.8333333333333334
(0, node_test_1.test)('aucOf matches scikit-learn, ties counting half', () => {
    strict_1.default.equal((0, data_1.aucOf)([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 0.75);
    strict_1.default.ok(Math.abs((0, data_1.aucOf)([0.5, 0.5, 0.2, 0.9, 0.5], [false, true, false, true, true]) - 0.8333333333333334) < 1e-12);
    strict_1.default.equal((0, data_1.aucOf)([1, 2, 3], [true, true, true]), 0.5);
});
(0, node_test_1.test)('a strong but legitimate numeric predictor is not flagged for a pure extreme quartile', async () => {
    const { auditLeakage, MEN } = await Promise.resolve().then(() => __importStar(require('../../lib/data')));
    // 40 cases: high ADC value → Grade_1 (the whole top quartile is Grade_1), yet the field alone is far
    // from giving the label away (AUC < 0.9).
    const cases = Array.from({ length: 40 }, (_, i) => {
        const label = i >= 30 ? 0 : i % 3;
        return {
            id: `p${i}`,
            split: 'train',
            label,
            imagePaths: [],
            source: `row ${i + 2}`,
            tabular: { location: 'convexity', sex: i % 2 ? 'male' : 'female', age: 50 + (i % 7), adc: i >= 30 ? 1.2 + i / 100 : 0.6 + ((i * 7) % 13) / 20, tumour_area: 10, oedema_area: 5 },
        };
    });
    const report = auditLeakage({ spec: MEN, root: '<mem>', cases, excluded: [], fingerprint: '' });
    const adc = report.fields.find((f) => f.name === 'adc');
    strict_1.default.ok(adc.auc < 0.9, `auc ${adc.auc}`);
    strict_1.default.ok(adc.levels.some((l) => l.purity === 1 && l.count >= 4), 'the top quartile is pure');
    strict_1.default.equal(adc.flagged, false);
    strict_1.default.deepEqual(report.flagged, []);
});
//# sourceMappingURL=audit.test.js.map