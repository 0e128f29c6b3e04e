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
const backend_1 = require("../../lib/backend");
const testing_1 = require("../../lib/backend/testing");
const model_1 = require("../../lib/model");
const splitStep_1 = require("../../lib/run/splitStep");
const errors_1 = require("../../lib/util/errors");
const helpers_1 = require("../model/helpers");
/**
 * The step split at z (lib/run/splitStep.ts) gives the full batch's gradients: shards are forwarded to z,
 * the loss and dL/dz are computed once on the gathered batch, each shard is back-propagated with its rows of
 * dL/dz. Dropout stays on (rate 0.2 in the test configs): the classifier runs once on the gathered batch
 * with the step's seed, so its masks are those of the unsplit step.
 */
(0, node_test_1.test)('setup: wasm backend with the project kernels', async () => {
    await (0, backend_1.initBackend)({ backend: 'wasm', quiet: true });
});
function batchOf(config, B, seed = 3) {
    const { images, tabular } = (0, helpers_1.randomInputs)(config, B, seed);
    const hostLabels = Array.from({ length: B }, (_, i) => (i * 7 + seed) % config.numClasses);
    return { images, tabular, labels: tf.tensor1d(hostLabels, 'int32'), hostLabels };
}
const dispose = (b) => tf.dispose([...b.images, b.tabular, b.labels]);
(0, node_test_1.test)('shardRanges covers the batch in order, last shard smaller', () => {
    strict_1.default.deepEqual((0, splitStep_1.shardRanges)(8, 3), [
        [0, 3],
        [3, 3],
        [6, 2],
    ]);
    strict_1.default.deepEqual((0, splitStep_1.shardRanges)(4, 4), [[0, 4]]);
    strict_1.default.throws(() => (0, splitStep_1.shardRanges)(4, 0), errors_1.CfcmlError);
});
for (const [label, config, B, micro] of [
    ['2-D full, shards 3+3+2', (0, helpers_1.dermLike)(2, 'full'), 8, 3],
    ['3-D full, shards 2+2+2', (0, helpers_1.menLike)(3, 'full'), 6, 2],
    ['2-D late-fusion, shards of 1', (0, helpers_1.dermLike)(2, 'late-fusion'), 4, 1],
]) {
    (0, node_test_1.test)(`split-at-z gradients equal the full batch's within 1e-5 (${label})`, () => {
        const model = (0, model_1.createModel)(config);
        const batch = batchOf(config, B);
        const opts = { numClasses: config.numClasses, weights: { sam: 0.4, up: 0.6, cp: 1.8 }, tau: 0.07, dropoutSeed: 42 };
        strict_1.default.ok(config.model.dropout > 0, 'dropout is on in this test');
        const before = tf.memory().numTensors;
        const full = (0, splitStep_1.fullBatchGradients)(model, batch, opts);
        const split = (0, splitStep_1.splitGradients)(model, batch, opts, micro);
        const tf0 = full.terms.dataSync();
        const ts = split.terms.dataSync();
        strict_1.default.ok((0, testing_1.relError)(ts, tf0) <= 1e-5, `loss terms ${Array.from(ts)} vs ${Array.from(tf0)}`);
        strict_1.default.ok(tf0[0] - tf0[1] > 1e-3 || config.variant === 'late-fusion', 'the HRM terms take part');
        const bad = [];
        for (const w of model.weights) {
            const a = split.grads[w.variable.name];
            const b = full.grads[w.variable.name];
            strict_1.default.ok(a && b, `gradient of ${w.key}`);
            // The attention key bias has an exactly zero gradient (softmax ignores a shift): rounding noise only.
            if (w.key.endsWith('/k/bias'))
                continue;
            const e = (0, testing_1.relError)(a.dataSync(), b.dataSync(), 1e-9);
            if (!(e <= 1e-5))
                bad.push(`${w.key}: ${e.toExponential(2)}`);
        }
        strict_1.default.deepEqual(bad, []);
        strict_1.default.equal(Object.keys(split.grads).length, Object.keys(full.grads).length);
        tf.dispose([...Object.values(full.grads), ...Object.values(split.grads), full.terms, split.terms]);
        strict_1.default.equal(tf.memory().numTensors, before, 'no tensor leaks');
        dispose(batch);
        model.dispose();
    });
}
(0, node_test_1.test)('planMicroBatch: splits when the budget is tight, and says so clearly when even one case cannot fit', async () => {
    const config = (0, helpers_1.dermLike)(2, 'full');
    const model = (0, model_1.createModel)(config);
    const opts = { numClasses: 2, weights: { sam: 0.04, up: 0.06, cp: 0.18 }, tau: 0.07, dropoutSeed: 1 };
    const make = (n) => batchOf(config, n, 5);
    const roomy = await (0, splitStep_1.planMicroBatch)(model, make, opts, 16);
    strict_1.default.equal(roomy.microBatch, 16, 'a small model at batch 16 fits the default budget unsplit');
    const perRow = roomy.bytesPerCase;
    strict_1.default.ok(perRow > 0, 'peak memory grows with the rows');
    const tight = await (0, splitStep_1.planMicroBatch)(model, make, opts, 16, roomy.peakBytes - 8 * perRow);
    strict_1.default.ok(tight.microBatch >= 1 && tight.microBatch < 16, `micro-batch ${tight.microBatch}`);
    await strict_1.default.rejects((0, splitStep_1.planMicroBatch)(model, make, opts, 16, 1000), (e) => e instanceof errors_1.CfcmlError && /micro-batch of 1 case/.test(e.message));
    model.dispose();
});
//# sourceMappingURL=splitStep.test.js.map