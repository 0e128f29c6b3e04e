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
const tf = __importStar(require("@tensorflow/tfjs"));
const curves_1 = require("../../lib/plots/curves");
const lossTerms_1 = require("../../lib/train/lossTerms");
const step_1 = require("../../lib/train/step");
(0, node_test_1.test)('LOSS_TERMS: record order, stacking order, the progress line and curve legends agree', async () => {
    strict_1.default.deepEqual(lossTerms_1.LOSS_TERM_NAMES, ['loss', 'ce', 'sam', 'up', 'cp']);
    const l = { total: tf.scalar(5), ce: tf.scalar(1), sam: tf.scalar(2), up: tf.scalar(3), cp: tf.scalar(4) };
    const t = (0, step_1.stackLossTerms)(l);
    strict_1.default.deepEqual(Array.from(await t.data()), [5, 1, 2, 3, 4]);
    tf.dispose([t, ...Object.values(l)]);
    strict_1.default.equal((0, lossTerms_1.formatLossValues)({ loss: 1.23456, ce: 0.5, sam: 7.0107, up: 11.7982, cp: 3.5148 }), 'loss 1.2346 (ce 0.5000 sam 7.011 up 11.798 cp 3.515)');
    const fig = (0, curves_1.trainingCurves)([
        { epoch: 1, loss: 2, sam: 5 },
        { epoch: 2, loss: 1, sam: 4 },
    ], { labels: lossTerms_1.LOSS_TERM_LABELS });
    strict_1.default.deepEqual(fig.data.map((d) => d.name), ['L (H8)', 'L_sam (H5)']);
});
//# sourceMappingURL=lossTerms.test.js.map