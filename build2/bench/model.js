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
exports.loss3d = exports.initNet3d = exports.NET3D_DEFAULTS = exports.loss2d = exports.randomBatch2d = exports.initNet2d = exports.NET2D_DEFAULTS = void 0;
/**
 * Small stand-ins for cfcml's networks, written with plain tfjs ops, for benchmarking and testing the
 * backend: a two-image 2D CNN + cross-attention classifier with a tabular embedding, and a 3D CNN.
 * They exercise every op family the real models use (conv, batch/group/layer norm, pooling, resize,
 * pad, gather, batched matmul, softmax, cross-entropy) — not the real architecture.
 *
 * `scripts/bench/step_torch.py` builds the same 2D network in PyTorch for the timing comparison.
 */
const tf = __importStar(require("@tensorflow/tfjs"));
const random_1 = require("../lib/util/random");
exports.NET2D_DEFAULTS = {
    batch: 32,
    size: 64,
    channels: [16, 32, 64],
    heads: 4,
    fields: 8,
    vocab: 10,
    classes: 3,
    groups: 8,
};
function he(rng, shape, fanIn, name) {
    const n = shape.reduce((a, b) => a * b, 1);
    const v = new Float32Array(n);
    const std = Math.sqrt(2 / fanIn);
    for (let i = 0; i < n; i++)
        v[i] = rng.normal(0, std);
    return tf.variable(tf.tensor(v, shape), true, name);
}
function constant(shape, value, name) {
    return tf.variable(tf.fill(shape, value), true, name);
}
/** Parameters of the 2D network, drawn from `seed`. */
function initNet2d(seed, o = exports.NET2D_DEFAULTS) {
    const rng = new random_1.Rng(seed);
    const [c1, c2, c3] = o.channels;
    const p = {};
    const uid = `${seed}_${Math.floor(rng.next() * 1e9)}`;
    const add = (name, v) => (p[name] = v(`${name}_${uid}`));
    for (const img of ['a', 'b']) {
        add(`${img}.w1`, (n) => he(rng, [3, 3, 1, c1], 9, n));
        add(`${img}.g1`, (n) => constant([c1], 1, n));
        add(`${img}.b1`, (n) => constant([c1], 0, n));
        add(`${img}.w2`, (n) => he(rng, [3, 3, c1, c2], 9 * c1, n));
        add(`${img}.g2`, (n) => constant([c2], 1, n));
        add(`${img}.b2`, (n) => constant([c2], 0, n));
        add(`${img}.w3`, (n) => he(rng, [3, 3, c2, c3], 9 * c2, n));
        add(`${img}.bias3`, (n) => constant([c3], 0, n));
    }
    add('emb', (n) => he(rng, [o.fields * o.vocab, c3], 1, n));
    for (const w of ['wq', 'wk', 'wv', 'wo'])
        add(w, (n) => he(rng, [c3, c3], c3, n));
    add('ln.g', (n) => constant([c3], 1, n));
    add('ln.b', (n) => constant([c3], 0, n));
    add('head', (n) => he(rng, [2 * c3, o.classes], 2 * c3, n));
    return p;
}
exports.initNet2d = initNet2d;
/** Group norm over [B, H, W, C] with G groups (statistics per sample and group). */
function groupNorm(x, g, b, groups) {
    const [B, H, W, C] = x.shape;
    const xg = x.reshape([B, H, W, groups, C / groups]);
    const { mean, variance } = tf.moments(xg, [1, 2, 4], true);
    const xn = xg.sub(mean).div(variance.add(1e-5).sqrt()).reshape([B, H, W, C]);
    return xn.mul(g).add(b);
}
/** Layer norm over the last axis. */
function layerNorm(x, g, b) {
    const { mean, variance } = tf.moments(x, -1, true);
    return x.sub(mean).mul(variance.add(1e-5).rsqrt()).mul(g).add(b);
}
/** One image → tokens [B, L, C3]. */
function encode(p, img, x, o) {
    // block 1: conv → batch norm (fused kernel; its gradient uses Tile) → relu → 2×2 max pool
    let h = tf.conv2d(x, p[`${img}.w1`], 1, 'same'); // [B, S, S, c1]
    const m1 = tf.moments(h, [0, 1, 2]);
    h = tf.batchNorm(h, m1.mean, m1.variance, p[`${img}.b1`], p[`${img}.g1`], 1e-5).relu();
    h = tf.maxPool(h, 2, 2, 'same'); // [B, S/2, S/2, c1]
    // block 2: strided conv → group norm → leaky relu
    h = tf.conv2d(h, p[`${img}.w2`], 2, 'same'); // [B, S/4, S/4, c2]
    h = groupNorm(h, p[`${img}.g2`], p[`${img}.b2`], o.groups).leakyRelu(0.1);
    // block 3: explicit pad → valid conv → bias → relu, then a bilinear resize to 8×8 tokens
    h = tf.pad(h, [[0, 0], [1, 1], [1, 1], [0, 0]]);
    h = tf.conv2d(h, p[`${img}.w3`], 1, 'valid').add(p[`${img}.bias3`]).relu(); // [B, S/4, S/4, c3]
    h = tf.image.resizeBilinear(h, [8, 8]); // [B, 8, 8, c3]
    const [B, , , C] = h.shape;
    return h.reshape([B, 64, C]);
}
/** Multi-head attention of queries [B, Lq, D] over keys/values [B, Lk, D]. */
function attention(p, q, kv, heads) {
    const [B, Lq, D] = q.shape;
    const Lk = kv.shape[1];
    const dh = D / heads;
    const split = (t, L) => t.reshape([B, L, heads, dh]).transpose([0, 2, 1, 3]).reshape([B * heads, L, dh]);
    const Q = split(tf.matMul(q.reshape([B * Lq, D]), p.wq), Lq); // [B·h, Lq, dh]
    const K = split(tf.matMul(kv.reshape([B * Lk, D]), p.wk), Lk); // [B·h, Lk, dh]
    const V = split(tf.matMul(kv.reshape([B * Lk, D]), p.wv), Lk); // [B·h, Lk, dh]
    const A = tf.softmax(tf.matMul(Q, K, false, true).mul(1 / Math.sqrt(dh))); // [B·h, Lq, Lk]
    const O = tf.matMul(A, V).reshape([B, heads, Lq, dh]).transpose([0, 2, 1, 3]).reshape([B * Lq, D]);
    return tf.matMul(O, p.wo).reshape([B, Lq, D]);
}
/** A random batch drawn from `seed`. */
function randomBatch2d(seed, o = exports.NET2D_DEFAULTS) {
    const rng = new random_1.Rng(seed);
    const img = () => {
        const v = new Float32Array(o.batch * o.size * o.size);
        for (let i = 0; i < v.length; i++)
            v[i] = rng.normal();
        return tf.tensor4d(v, [o.batch, o.size, o.size, 1]);
    };
    const ids = new Int32Array(o.batch * o.fields);
    for (let i = 0; i < ids.length; i++)
        ids[i] = (i % o.fields) * o.vocab + rng.int(o.vocab);
    const y = new Int32Array(o.batch);
    for (let i = 0; i < o.batch; i++)
        y[i] = rng.int(o.classes);
    return {
        a: img(),
        b: img(),
        tab: tf.tensor2d(ids, [o.batch, o.fields], 'int32'),
        labels: tf.oneHot(tf.tensor1d(y, 'int32'), o.classes).toFloat(),
    };
}
exports.randomBatch2d = randomBatch2d;
/** Mean softmax cross-entropy of the 2D network on a batch (a scalar). */
function loss2d(p, x, o = exports.NET2D_DEFAULTS) {
    const ta = encode(p, 'a', x.a, o); // [B, 64, D]
    const tb = encode(p, 'b', x.b, o); // [B, 64, D]
    const emb = tf.gather(p.emb, x.tab); // [B, fields, D]
    const kv = tf.concat([ta, tb, emb], 1); // [B, 128 + fields, D]
    const att = layerNorm(attention(p, ta, kv, o.heads).add(ta), p['ln.g'], p['ln.b']); // [B, 64, D]
    const pooled = tf.concat([att.mean(1), att.max(1)], 1); // [B, 2D]
    const logits = tf.matMul(pooled, p.head); // [B, classes]
    return tf.losses.softmaxCrossEntropy(x.labels, logits);
}
exports.loss2d = loss2d;
exports.NET3D_DEFAULTS = { batch: 4, size: 16, channels: [8, 16], classes: 3 };
function initNet3d(seed, o = exports.NET3D_DEFAULTS) {
    const rng = new random_1.Rng(seed);
    const [c1, c2] = o.channels;
    const uid = `${seed}_${Math.floor(rng.next() * 1e9)}`;
    return {
        w1: he(rng, [3, 3, 3, 1, c1], 27, `w1_${uid}`),
        w2: he(rng, [3, 3, 3, c1, c2], 27 * c1, `w2_${uid}`),
        head: he(rng, [c2, o.classes], c2, `head3_${uid}`),
    };
}
exports.initNet3d = initNet3d;
/** Mean softmax cross-entropy of the 3D network on volumes [B, S, S, S, 1]. */
function loss3d(p, x, labels) {
    let h = tf.conv3d(x, p.w1, 1, 'same').relu(); // [B, S, S, S, c1]
    h = tf.maxPool3d(h, 2, 2, 'valid'); // [B, S/2, .., c1]
    h = tf.conv3d(h, p.w2, 2, 'same').elu(); // [B, S/4, .., c2]
    h = tf.avgPool3d(h, 2, 2, 'valid'); // [B, S/8, .., c2]
    const logits = tf.matMul(h.mean([1, 2, 3]), p.head); // [B, classes]
    return tf.losses.softmaxCrossEntropy(labels, logits);
}
exports.loss3d = loss3d;
//# sourceMappingURL=model.js.map