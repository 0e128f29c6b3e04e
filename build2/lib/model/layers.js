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
exports.dropout = exports.tokenConv = exports.makeTokenConv = exports.channelNorm = exports.makeChannelNorm = exports.linear = exports.makeLinear = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
/** A Linear(in → out) with PyTorch's default initialisation. */
function makeLinear(store, key, inDim, outDim, group) {
    return {
        w: store.add(`${key}/kernel`, [inDim, outDim], { kind: 'uniform', fanIn: inDim }, group),
        b: store.add(`${key}/bias`, [outDim], { kind: 'uniform', fanIn: inDim }, group),
    };
}
exports.makeLinear = makeLinear;
/** y = x W + b over the last axis of an input of any rank. */
function linear(x, p) {
    const inDim = p.w.shape[0];
    const outDim = p.w.shape[1];
    const flat = tf.reshape(x, [-1, inDim]); // [*, in]
    const y = tf.add(tf.matMul(flat, p.w), p.b); // [*, out]
    return tf.reshape(y, [...x.shape.slice(0, -1), outDim]);
}
exports.linear = linear;
function makeChannelNorm(store, key, channels, group) {
    return {
        gamma: store.add(`${key}/gamma`, [channels], { kind: 'ones' }, group),
        beta: store.add(`${key}/beta`, [channels], { kind: 'zeros' }, group),
    };
}
exports.makeChannelNorm = makeChannelNorm;
/**
 * Layer normalisation over the channel axis at each position (as in ConvNeXt), written with plain ops.
 * It replaces batch-norm: no running statistics, so training and evaluation compute the same function,
 * results do not depend on the batch, and it avoids the fused batch-norm gradient (slow Tile on wasm).
 */
function channelNorm(x, p, eps = 1e-5) {
    return tf.tidy(() => {
        const C = x.shape[x.rank - 1];
        // On the 2D view [positions, C]: the γ/β gradients are then a sum over axis 0 of a matrix, which the wasm
        // backend does far faster than the same sum over the first four axes of a 5D volume tensor.
        const x2 = tf.reshape(x, [-1, C]); // [P, C]
        const mean = tf.mean(x2, 1, true); // [P, 1]
        const centred = tf.sub(x2, mean);
        const variance = tf.mean(tf.square(centred), 1, true); // [P, 1]
        const y = tf.add(tf.mul(tf.mul(centred, tf.rsqrt(tf.add(variance, eps))), p.gamma), p.beta); // [P, C]
        return tf.reshape(y, x.shape);
    });
}
exports.channelNorm = channelNorm;
/** Conv1d over the token axis, N_in → N_out channels, kernel 3 (PyTorch default initialisation). */
function makeTokenConv(store, key, nIn, nOut, group) {
    return {
        kernel: store.add(`${key}/kernel`, [3, nIn, nOut], { kind: 'uniform', fanIn: 3 * nIn }, group),
        bias: store.add(`${key}/bias`, [nOut], { kind: 'uniform', fanIn: 3 * nIn }, group),
    };
}
exports.makeTokenConv = makeTokenConv;
/**
 * The authors' `nn.Conv1d(N_in, N_out, kernel_size=3, padding=1)` applied to tokens [B, N_in, D]: the tokens
 * are the channels and the width axis D is the convolved "length", so
 *   out[b, l, d] = bias[l] + Σ_k Σ_n W[k, n, l] · x[b, n, d + k − 1]   (zero outside 0..D−1).
 * Written as one plain matmul on the big side: Y = xᵀ W_all with xᵀ [B·D, N_in] and W_all [N_in, 3·N_out]
 * (the three taps side by side), then the shift is applied to the small Y [B, D, 3·N_out]:
 *   out[b, l, d] = bias[l] + Σ_k Y[b, d + k − 1, k·N_out + l].
 * Same numbers as tf.conv1d(xᵀ, W, 1, 'same') (tested), but the gradient is matmuls and a few small slices,
 * where conv1d's filter gradient (Conv2DBackpropFilter) is very slow on the cpu backend, and shifting the
 * input instead (im2col) would copy the N_in ≈ 10³ stage-1 tokens three times.
 * Kernel layout [3, N_in, N_out] is PyTorch's weight [N_out, N_in, 3] transposed (2, 1, 0).
 */
function tokenConv(x, p) {
    return tf.tidy(() => {
        const [B, N, D] = x.shape;
        const L = p.kernel.shape[2];
        const xT = tf.reshape(tf.transpose(x, [0, 2, 1]), [B * D, N]); // [B·D, N_in]
        const W = tf.reshape(tf.transpose(p.kernel, [1, 0, 2]), [N, 3 * L]); // [N_in, 3·N_out], column k·N_out + l
        const Y = tf.pad(tf.reshape(tf.matMul(xT, W), [B, D, 3 * L]), [[0, 0], [1, 1], [0, 0]]); // [B, D + 2, 3·N_out]
        const taps = [0, 1, 2].map((k) => tf.slice(Y, [0, k, k * L], [B, D, L])); // tap k at d + k − 1: [B, D, N_out]
        const y = tf.add(tf.addN(taps), p.bias); // [B, D, N_out]
        return tf.transpose(y, [0, 2, 1]); // [B, N_out, D]
    });
}
exports.tokenConv = tokenConv;
/** Dropout that is the identity outside training and reproducible inside it (seeded mask). */
function dropout(x, rate, training, seed) {
    if (!training || rate <= 0)
        return x;
    return tf.dropout(x, rate, undefined, seed);
}
exports.dropout = dropout;
//# sourceMappingURL=layers.js.map