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
exports.hrmTotal = exports.hrmLosses = exports.anchorLoss = exports.HRM_DEFAULTS = void 0;
/**
 * Hierarchical anchor-based relationship mining (HRM): the three anchor losses (H5)–(H7) over the
 * prototypes (H1), (H2), and the weighted total (H8). One vectorised computation for any number of
 * modalities M and classes C: no loop over samples, classes or modalities.
 *
 * How ℓ (H4) is computed. With s(a, b) = (cos(a, b) + 1) / τ the log of (H3)'s similarity,
 *   log ratio r = lse_{p∈P} s(a, p) − lse_{x∈P∪N} s(a, x)  ≤ 0,
 *   ℓ = −log(exp(r) + ε).
 * Both log-sum-exps subtract their maximum, so nothing overflows even at τ = 0.01 (s ≤ 200), and since
 * r ≤ 0, exp(r) ∈ (0, 1] cannot overflow either; the ε of (H4) stays inside the log exactly as in the
 * paper and the authors' code (ℓ ≥ −log(1 + ε) ≈ −1e-8). Sets are chosen by masks: a logit outside the
 * set gets −1e9 added, so exp of it is exactly 0 and so is its gradient.
 *
 * Choices, each a departure from or a reading of the authors' CFCML.py `center_learning`:
 * - Prototypes are not detached (the authors do not detach either): in (H5) the sample anchors pull the
 *   prototypes, and so the whole class, as well as themselves.
 * - A class absent from the batch has no prototype: it is neither an anchor nor a positive nor a negative.
 *   The normalisers stay as in METHOD.md: L_up is Σ/M and L_cp is Σ/C with C = numClasses, whether or
 *   not every class is present (the missing class's term is simply 0).
 * - The authors start L_up and L_cp at ε (not 0); that constant has no gradient and is left out.
 * - A batch holding one class has no negatives: ℓ = −log(1 + ε) ≈ 0 for every anchor, no NaN.
 */
const tf = __importStar(require("@tensorflow/tfjs"));
const errors_1 = require("../util/errors");
const prototypes_1 = require("./prototypes");
exports.HRM_DEFAULTS = { tau: 0.07, eps: 1e-8 };
/** Added to a logit to take it out of a set: exp(s − 1e9 − max) is exactly 0 in float32. */
const OUT = -1e9;
/**
 * (H4) ℓ for every anchor row at once. `s` holds the log-similarities (cos + 1)/τ, [..., K]; `posMask`
 * and `setMask` (P and P ∪ N) are 0/1 and broadcast against `s`. Returns ℓ, [...].
 */
function anchorLoss(s, posMask, setMask, eps) {
    return tf.tidy(() => {
        const outBias = (mask) => tf.mul(tf.sub(1, mask), OUT); // 0 inside, −1e9 outside
        const lseP = tf.logSumExp(tf.add(s, outBias(posMask)), -1); // log Σ_P sim
        const lseAll = tf.logSumExp(tf.add(s, outBias(setMask)), -1); // log Σ_{P∪N} sim
        const r = tf.sub(lseP, lseAll); // log ratio ≤ 0 (up to rounding, harmless in exp)
        return tf.neg(tf.log(tf.add(tf.exp(r), eps))); // (H4) −log(ratio + ε)
    });
}
exports.anchorLoss = anchorLoss;
/**
 * The three HRM losses of one batch, (H5)–(H7), with the prototypes they use.
 *
 * @param z one embedding matrix [B, D] per modality (raw; normalised here)
 * @param labels class of each of the B cases (a host array is cheaper: a tensor is read once)
 */
function hrmLosses(z, labels, opts) {
    const { numClasses: C, tau, eps, memory } = { ...exports.HRM_DEFAULTS, ...opts };
    if (z.length < 1)
        throw new errors_1.CfcmlError('need at least one modality', { where: 'hrmLosses' });
    if (!(Number.isInteger(C) && C >= 1))
        throw new errors_1.CfcmlError(`numClasses must be a positive integer, got ${C}`, { where: 'hrmLosses' });
    if (!(tau > 0))
        throw new errors_1.CfcmlError(`tau must be > 0, got ${tau}`, { where: 'hrmLosses' });
    if (!(eps >= 0))
        throw new errors_1.CfcmlError(`eps must be >= 0, got ${eps}`, { where: 'hrmLosses' });
    const [B, D] = z[0].shape;
    for (const [m, zm] of z.entries()) {
        if (zm.rank !== 2 || zm.shape[0] !== B || zm.shape[1] !== D) {
            throw new errors_1.CfcmlError(`modality ${m} has shape [${zm.shape}], expected [${B}, ${D}]`, { where: 'hrmLosses' });
        }
    }
    const M = z.length;
    const y = (0, prototypes_1.labelsToArray)(labels, B, C);
    const present = y.reduce((acc, c) => ((acc[c] = true), acc), new Array(C).fill(false));
    const losses = tf.tidy(() => {
        const layout = (0, prototypes_1.classLayout)(y, C);
        const presentT = tf.tensor1d(present.map(Number)); // [C]
        const Y = layout.onehot; // [B, C]
        const zHat = (0, prototypes_1.l2Normalize)(tf.stack(z)); // ẑ [M, B, D]
        let { unimodal: P, crossmodal: Q } = (0, prototypes_1.computePrototypes)(zHat, layout); // P [M, C, D], Q [C, D]
        if (memory)
            ({ unimodal: P, crossmodal: Q } = memory.blend(P, Q, present));
        const sim = (a, b) => tf.div(tf.add(tf.matMul(a, b, false, true), 1), tau); // (H3) in log
        const eyeC = tf.eye(C); // [C, C]
        const notSameClass = tf.sub(1, eyeC); // [C, C]
        const otherPresent = tf.mul(notSameClass, presentT.reshape([1, C])); // c' ≠ c and c' present, [C, C]
        // (H5) sample anchors z_{m,i}: P = {q^c} ∪ {p_{m'}^c}_{m'}, N = {z_{m,j} : y_j ≠ c}, c = y_i.
        const protos = tf.concat([Q.reshape([1, C, D]), P], 0).reshape([(M + 1) * C, D]); // [(M+1)·C, D]
        const sProto = sim(zHat.reshape([M * B, D]), protos).reshape([M, B, (M + 1) * C]); // [M, B, (M+1)·C]
        const sSample = sim(zHat, zHat); // within modality, [M, B, B]
        const posProto = tf.tile(Y, [1, M + 1]); // column (k, c) is positive iff c = y_i, [B, (M+1)·C]
        const negSample = tf.sub(1, tf.matMul(Y, Y, false, true)); // y_j ≠ y_i, [B, B]
        const sSam = tf.concat([sProto, sSample], 2); // [M, B, (M+1)·C + B]
        const posSam = tf.concat([posProto, tf.zerosLike(negSample)], 1); // [B, (M+1)·C + B]
        const setSam = tf.concat([posProto, negSample], 1);
        const lSam = anchorLoss(sSam, posSam, setSam, eps); // ℓ [M, B]
        // Σ_c mean_{i: y_i = c} = Σ_i ℓ_i / n_{y_i}
        const wSam = tf.tensor1d(y.map((c) => 1 / layout.counts[c])).reshape([1, B]);
        const sam = tf.sum(tf.mul(lSam, wSam));
        // (H6) unimodal-prototype anchors p_m^c: P = {q^c}, N = {p_{m'}^{c'} : all m', c' ≠ c}.
        const Pflat = P.reshape([M * C, D]); // row m·C + c
        const sUp = sim(Pflat, tf.concat([Q, Pflat], 0)); // [M·C, C + M·C]
        const posUp = tf.concat([tf.tile(eyeC, [M, 1]), tf.zeros([M * C, M * C])], 1);
        const setUp = tf.concat([tf.tile(eyeC, [M, 1]), tf.tile(otherPresent, [M, M])], 1);
        const lUp = anchorLoss(sUp, posUp, setUp, eps); // [M·C]
        const up = tf.div(tf.sum(tf.mul(lUp, tf.tile(presentT, [M]))), M);
        // (H7) crossmodal-prototype anchors q^c: P = {p_m^c}_m, N = {q^{c'} : c' ≠ c}.
        const sCp = sim(Q, tf.concat([Pflat, Q], 0)); // [C, M·C + C]
        const posCp = tf.concat([tf.tile(eyeC, [1, M]), tf.zeros([C, C])], 1);
        const setCp = tf.concat([tf.tile(eyeC, [1, M]), otherPresent], 1);
        const lCp = anchorLoss(sCp, posCp, setCp, eps); // [C]
        const cp = tf.div(tf.sum(tf.mul(lCp, presentT)), C);
        return { sam, up, cp, unimodal: P, crossmodal: Q };
    });
    return { ...losses, present };
}
exports.hrmLosses = hrmLosses;
/** (H8) L = L_CE + w_sam·L_sam + w_up·L_up + w_cp·L_cp. A zero weight drops its term (an ablation). */
function hrmTotal(ce, losses, weights) {
    return tf.tidy(() => {
        let total = ce.clone();
        for (const k of ['sam', 'up', 'cp']) {
            if (weights[k] !== 0)
                total = tf.add(total, tf.mul(losses[k], weights[k]));
        }
        return total;
    });
}
exports.hrmTotal = hrmTotal;
//# sourceMappingURL=losses.js.map