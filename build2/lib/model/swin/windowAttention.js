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
Object.defineProperty(exports, "__esModule", { value: true });
exports.windowAttention = exports.relativePositionBias = exports.makeWindowAttention = exports.relativePositionIndex = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const torchLayers_1 = require("./torchLayers");
/** timm's `get_relative_position_index`: (Δrow + wh − 1)·(2ww − 1) + (Δcol + ww − 1) for tokens i, j (row-major). */
function relativePositionIndex(wh, ww) {
    const N = wh * ww;
    const index = new Int32Array(N * N);
    for (let i = 0; i < N; i++) {
        for (let j = 0; j < N; j++) {
            const dr = Math.floor(i / ww) - Math.floor(j / ww) + wh - 1;
            const dc = (i % ww) - (j % ww) + ww - 1;
            index[i * N + j] = dr * (2 * ww - 1) + dc;
        }
    }
    return index;
}
exports.relativePositionIndex = relativePositionIndex;
function makeWindowAttention(p, key, dim, heads, window) {
    const [wh, ww] = window;
    return {
        table: p.add(`${key}/relative_position_bias_table`, [(2 * wh - 1) * (2 * ww - 1), heads], { kind: 'normal', std: 0.02 }),
        qkv: (0, torchLayers_1.makeTorchLinear)(p, `${key}/qkv`, dim, 3 * dim),
        proj: (0, torchLayers_1.makeTorchLinear)(p, `${key}/proj`, dim, dim),
        heads,
        window,
        index: relativePositionIndex(wh, ww),
    };
}
exports.makeWindowAttention = makeWindowAttention;
/** The bias of every head and token pair, [heads, N, N]. */
function relativePositionBias(a) {
    const N = a.window[0] * a.window[1];
    const gathered = tf.gather(a.table, tf.tensor1d(a.index, 'int32')); // [N·N, heads]
    return tf.transpose(tf.reshape(gathered, [N, N, a.heads]), [2, 0, 1]);
}
exports.relativePositionBias = relativePositionBias;
/**
 * x: windows [B·nW, N, C]; mask: [nW, N, N] additive (shifted blocks) or null. Returns [B·nW, N, C].
 */
function windowAttention(x, a, mask) {
    const [Bw, N, C] = x.shape;
    const h = a.heads;
    const d = C / h;
    const heads = (t) => tf.transpose(tf.reshape(t, [Bw, N, h, d]), [0, 2, 1, 3]); // [B·nW, h, N, d]
    const [q, k, v] = tf.split((0, torchLayers_1.torchLinear)(x, a.qkv), 3, 2).map(heads); // timm's qkv layout: [q | k | v], each head-major
    let scores = tf.matMul(tf.mul(q, 1 / Math.sqrt(d)), k, false, true); // [B·nW, h, N, N]
    const bias = relativePositionBias(a); // [h, N, N]
    if (mask) {
        const nW = mask.shape[0];
        const biasMask = tf.reshape(tf.add(tf.expandDims(bias, 0), tf.expandDims(mask, 1)), [nW * h, N, N]); // [nW·h, N, N]
        scores = tf.reshape(tf.add(tf.reshape(scores, [Bw / nW, nW * h, N, N]), biasMask), [Bw, h, N, N]);
    }
    else {
        scores = tf.add(scores, bias);
    }
    const out = tf.matMul(tf.softmax(scores), v); // [B·nW, h, N, d]
    return (0, torchLayers_1.torchLinear)(tf.reshape(tf.transpose(out, [0, 2, 1, 3]), [Bw, N, C]), a.proj);
}
exports.windowAttention = windowAttention;
//# sourceMappingURL=windowAttention.js.map