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
const crossAttention_1 = require("../../lib/model/crossAttention");
const helpers_1 = require("./helpers");
(0, node_test_1.before)(async () => {
    await tf.setBackend('cpu');
});
function threeModalities(seed) {
    return [3, 4, 2].map((L, m) => tf.randomNormal([2, L, 8], 0, 1, 'float32', seed + m));
}
(0, node_test_1.test)('(C2) attention rows sum to 1 and keys are the other modalities only', () => {
    const store = new model_1.ParamStore(1);
    const attn = [0, 1, 2].map((m) => (0, crossAttention_1.makeCrossAttention)(store, `cie/m${m}`, 8, 2));
    const P = threeModalities(10);
    const { completed, attention } = (0, model_1.cieStage)(P, attn);
    attention.forEach((A, m) => {
        const Lk = [3, 4, 2].reduce((a, b) => a + b, 0) - [3, 4, 2][m];
        strict_1.default.deepEqual(A.shape, [2, 2, [3, 4, 2][m], Lk]);
        const rowSums = tf.sum(A, -1).dataSync();
        for (const s of rowSums)
            strict_1.default.ok(Math.abs(s - 1) < 1e-5, `row sum ${s}`);
        strict_1.default.ok(tf.min(A).dataSync()[0] >= 0);
    });
    // [P; S]: the first L tokens are P itself.
    completed.forEach((C, m) => strict_1.default.equal((0, helpers_1.maxAbsDiff)(tf.slice(C, [0, 0, 0], P[m].shape), P[m]), 0));
    tf.dispose([...P, ...completed, ...attention]);
    store.dispose();
});
(0, node_test_1.test)('(C2) S_m changes with another modality, and not when its query and the others are fixed', () => {
    const store = new model_1.ParamStore(2);
    const attn = [0, 1, 2].map((m) => (0, crossAttention_1.makeCrossAttention)(store, `cie/m${m}`, 8, 2));
    const P = threeModalities(20);
    const S = (tokens) => (0, model_1.cieStage)(tokens, attn).completed.map((C, m) => tf.slice(C, [0, P[m].shape[1], 0], P[m].shape));
    const base = S(P);
    // Another modality (2) changes: S_0 and S_1 change.
    const P2 = [P[0], P[1], tf.add(P[2], 1)];
    const moved = S(P2);
    strict_1.default.ok((0, helpers_1.maxAbsDiff)(base[0], moved[0]) > 1e-3, 'S_0 must depend on modality 2');
    strict_1.default.ok((0, helpers_1.maxAbsDiff)(base[1], moved[1]) > 1e-3, 'S_1 must depend on modality 2');
    // Attention does not see the order of its keys: reversing modality 1's tokens leaves S_0 as it was (up to
    // float rounding) and reverses the rows of S_1 (modality 1 is S_1's query).
    const rev = [P[0], tf.reverse(P[1], 1), P[2]];
    const again = S(rev);
    strict_1.default.ok((0, helpers_1.maxAbsDiff)(base[0], again[0]) < 1e-5, 'S_0 must not depend on the order of its key tokens');
    const s1rev = tf.reverse(again[1], 1);
    strict_1.default.ok((0, helpers_1.maxAbsDiff)(base[1], s1rev) < 1e-5, "S_1's rows follow its query tokens");
    strict_1.default.ok((0, helpers_1.maxAbsDiff)(base[1], again[1]) > 1e-3, 'the test must move S_1 at all');
    s1rev.dispose();
    rev[1].dispose();
    tf.dispose([...P, P2[2], ...base, ...moved, ...again]);
    store.dispose();
});
(0, node_test_1.test)('(C2) in the model: changing image 1 changes image 0\'s CIE output S but not its own tokens P', () => {
    const config = (0, helpers_1.dermLike)(2);
    const model = (0, model_1.createModel)(config);
    const { images, tabular } = (0, helpers_1.randomInputs)(config, 2, 3);
    const a = model.forward(images, tabular, { training: false, intermediates: true }).intermediates;
    const changed = [images[0], tf.sub(1, images[1])];
    const b = model.forward(changed, tabular, { training: false, intermediates: true }).intermediates;
    const L = config.model.imgTokens;
    for (let s = 0; s < 4; s++) {
        strict_1.default.equal((0, helpers_1.maxAbsDiff)(a.tokens[s][0], b.tokens[s][0]), 0, `P_0 at stage ${s + 1} must not change`);
        const S = (c) => tf.slice(c, [0, L, 0], [-1, L, -1]);
        strict_1.default.ok((0, helpers_1.maxAbsDiff)(S(a.completed[s][0]), S(b.completed[s][0])) > 1e-6, `S_0 at stage ${s + 1} must change`);
    }
    // The tabular modality is among image 0's keys too: a changed record moves S_0 and leaves P_0 alone.
    const otherRecord = tf.reverse(tabular, 0);
    const c = model.forward(images, otherRecord, { training: false, intermediates: true }).intermediates;
    strict_1.default.equal((0, helpers_1.maxAbsDiff)(a.tokens[3][0], c.tokens[3][0]), 0, 'P_0 must not change with the record');
    strict_1.default.ok((0, helpers_1.maxAbsDiff)(tf.slice(a.completed[3][0], [0, L, 0], [-1, L, -1]), tf.slice(c.completed[3][0], [0, L, 0], [-1, L, -1])) > 1e-6, 'S_0 must change with the record');
    tf.dispose([a, b, c, changed[1], otherRecord, ...images, tabular]);
    model.dispose();
});
//# sourceMappingURL=crossAttention.test.js.map