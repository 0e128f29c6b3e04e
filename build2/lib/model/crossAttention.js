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
exports.cieStage = exports.crossAttention = exports.makeCrossAttention = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const errors_1 = require("../util/errors");
const layers_1 = require("./layers");
function makeCrossAttention(store, key, width, heads) {
    if (!(heads >= 1) || width % heads !== 0) {
        throw new errors_1.CfcmlError(`attention heads (${heads}) must divide the token width D (${width})`, { where: 'model.heads' });
    }
    return {
        q: (0, layers_1.makeLinear)(store, `${key}/q`, width, width, 'head'),
        k: (0, layers_1.makeLinear)(store, `${key}/k`, width, width, 'head'),
        v: (0, layers_1.makeLinear)(store, `${key}/v`, width, width, 'head'),
        o: (0, layers_1.makeLinear)(store, `${key}/o`, width, width, 'head'),
        heads,
    };
}
exports.makeCrossAttention = makeCrossAttention;
/** MHCA(query [B, Lq, D], context [B, Lk, D]) → S [B, Lq, D] and the attention weights [B, h, Lq, Lk]. */
function crossAttention(query, context, p) {
    return tf.tidy(() => {
        const [B, Lq, D] = query.shape;
        const Lk = context.shape[1];
        const h = p.heads;
        const dh = D / h;
        const split = (x, L) => tf.reshape(x, [B, L, h, dh]);
        const Q = tf.transpose(split((0, layers_1.linear)(query, p.q), Lq), [0, 2, 1, 3]); // [B, h, Lq, dh]
        // Kᵀ is made by the head transpose itself, so the score product is a plain (untransposed) BatchMatMul.
        const Kt = tf.transpose(split((0, layers_1.linear)(context, p.k), Lk), [0, 2, 3, 1]); // [B, h, dh, Lk]
        const V = tf.transpose(split((0, layers_1.linear)(context, p.v), Lk), [0, 2, 1, 3]); // [B, h, Lk, dh]
        const scores = tf.mul(tf.matMul(Q, Kt), 1 / Math.sqrt(dh)); // [B, h, Lq, Lk]
        const weights = tf.softmax(scores); // rows sum to 1 over Lk
        const heads = tf.matMul(weights, V); // [B, h, Lq, dh]
        const merged = tf.reshape(tf.transpose(heads, [0, 2, 1, 3]), [B, Lq, D]); // [B, Lq, D]
        const S = (0, layers_1.linear)(merged, p.o); // [B, Lq, D]
        return { S, weights };
    });
}
exports.crossAttention = crossAttention;
/**
 * (C2) One stage of CIE over all modalities: tokens[m] = P_m^s. With `attn` null (CIE off, or a single
 * modality with nothing to attend to) the completed tokens are P itself.
 */
function cieStage(tokens, attn) {
    if (!attn)
        return { completed: tokens.slice(), attention: tokens.map(() => null) };
    const completed = [];
    const attention = [];
    tokens.forEach((P, m) => {
        const others = tokens.filter((_, j) => j !== m);
        const context = others.length === 1 ? others[0] : tf.concat(others, 1); // [B, Σ_{m'≠m} L_m', D]
        const { S, weights } = crossAttention(P, context, attn[m]);
        completed.push(tf.concat([P, S], 1)); // [B, 2L_m, D]  [P ; S]
        attention.push(weights);
    });
    return { completed, attention };
}
exports.cieStage = cieStage;
//# sourceMappingURL=crossAttention.js.map