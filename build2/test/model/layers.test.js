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
const model_1 = require("../../lib/model");
const layers_1 = require("../../lib/model/layers");
const helpers_1 = require("./helpers");
(0, node_test_1.before)(async () => {
    await tf.setBackend('cpu');
});
(0, node_test_1.test)('tokenConv (im2col matmul) equals Conv1d over the token axis (tf.conv1d on [B, D, N], same padding)', () => {
    const store = new model_1.ParamStore(3);
    const p = (0, layers_1.makeTokenConv)(store, 'c', 5, 3, 'head');
    const x = tf.randomNormal([2, 5, 7], 0, 1, 'float32', 1); // [B, N_in, D]
    const y = (0, layers_1.tokenConv)(x, p); // [B, N_out, D]
    const ref = tf.transpose(tf.add(tf.conv1d(tf.transpose(x, [0, 2, 1]), p.kernel, 1, 'same'), p.bias), [0, 2, 1]);
    strict_1.default.deepEqual(y.shape, [2, 3, 7]);
    strict_1.default.ok((0, helpers_1.maxAbsDiff)(y, ref) < 1e-5);
    // One hand-computed entry: out[0, l, 0] = b[l] + Σ_n (W[1, n, l] x[0, n, 0] + W[2, n, l] x[0, n, 1]) (d − 1 is padding).
    const W = p.kernel.arraySync();
    const X = x.arraySync();
    const b = p.bias.arraySync();
    let want = b[1];
    for (let n = 0; n < 5; n++)
        want += W[1][n][1] * X[0][n][0] + W[2][n][1] * X[0][n][1];
    strict_1.default.ok(Math.abs(y.arraySync()[0][1][0] - want) < 1e-5);
    tf.dispose([x, y, ref]);
    store.dispose();
});
(0, node_test_1.test)('channelNorm normalises each position over channels (no batch statistics)', () => {
    const store = new model_1.ParamStore(4);
    const p = (0, layers_1.makeChannelNorm)(store, 'n', 6, 'encoder');
    const x = tf.randomNormal([3, 4, 4, 6], 2, 3, 'float32', 2);
    const y = (0, layers_1.channelNorm)(x, p);
    const { mean, variance } = tf.moments(y, -1);
    strict_1.default.ok(tf.max(tf.abs(mean)).dataSync()[0] < 1e-5);
    strict_1.default.ok(tf.max(tf.abs(tf.sub(variance, 1))).dataSync()[0] < 1e-3);
    // Batch-independent: the first case alone gives the same output.
    const y0 = (0, layers_1.channelNorm)(tf.slice(x, [0], [1]), p);
    strict_1.default.ok((0, helpers_1.maxAbsDiff)(y0, tf.slice(y, [0], [1])) < 1e-6);
    store.dispose();
});
//# sourceMappingURL=layers.test.js.map