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
exports.computePrototypes = exports.classLayout = exports.labelsToArray = exports.l2Normalize = void 0;
/**
 * Class prototypes of the fine stage (HRM): unimodal prototypes (H1) and crossmodal prototypes (H2),
 * computed from one batch of per-modality embeddings, for any number of modalities and classes.
 *
 * Porting notes (authors' CFCML.py, `calc_prototype`):
 * - They L2-normalise with `F.normalize` (x / max(‖x‖, 1e-12)); so do we (`l2Normalize`).
 * - A class absent from the batch gives `normalize(mean([]))` = NaN there. Here its prototype row is zero
 *   and `present[c]` is false; the losses skip it. The zero row is produced without dividing 0 by 0, so no
 *   NaN reaches values or gradients.
 * - Prototypes are NOT detached: like the authors' code (and METHOD.md), gradients flow from the
 *   prototypes back into every embedding of their class.
 */
const tf = __importStar(require("@tensorflow/tfjs"));
const errors_1 = require("../util/errors");
/** Norm floor, as torch.nn.functional.normalize (eps = 1e-12). */
const NORM_EPS = 1e-12;
/** Row-wise L2 normalisation along the last axis: x / max(‖x‖, 1e-12), with a finite gradient at 0. */
function l2Normalize(x) {
    return tf.tidy(() => {
        const sumSq = tf.sum(tf.square(x), -1, true);
        // sqrt(max(Σx², eps²)) = max(‖x‖, eps); taking the max before the sqrt keeps d sqrt finite at x = 0.
        const norm = tf.sqrt(tf.maximum(sumSq, NORM_EPS * NORM_EPS));
        return tf.div(x, norm);
    });
}
exports.l2Normalize = l2Normalize;
/** Labels on the host, checked: integers in [0, numClasses), one per batch row. */
function labelsToArray(labels, batchSize, numClasses) {
    const y = Array.isArray(labels) ? Array.from(labels) : Array.from(labels.dataSync());
    if (y.length !== batchSize) {
        throw new errors_1.CfcmlError(`labels has ${y.length} entries but the embeddings have ${batchSize} rows`, { where: 'hrm' });
    }
    for (let i = 0; i < y.length; i++) {
        if (!Number.isInteger(y[i]) || y[i] < 0 || y[i] >= numClasses) {
            throw new errors_1.CfcmlError(`label ${y[i]} at row ${i} is not an integer in [0, ${numClasses})`, { where: 'hrm' });
        }
    }
    return y;
}
exports.labelsToArray = labelsToArray;
function classLayout(labels, numClasses) {
    const counts = new Array(numClasses).fill(0);
    for (const y of labels)
        counts[y] += 1;
    const present = counts.map((n) => n > 0);
    const onehot = tf.oneHot(tf.tensor1d(labels, 'int32'), numClasses).toFloat(); // [B, C]
    return { labels, counts, present, onehot };
}
exports.classLayout = classLayout;
/**
 * (H1) p_m^c = normalize(mean_{i: y_i = c} ẑ_{m,i}) and (H2) q^c = normalize(mean_{m, i: y_i = c} ẑ_{m,i}).
 *
 * @param zHat normalised embeddings ẑ, [M, B, D]
 * @param layout the batch's classes (from `classLayout`)
 */
function computePrototypes(zHat, layout) {
    return tf.tidy(() => {
        const [M, B, D] = zHat.shape;
        const C = layout.counts.length;
        // Class sums for every modality at once: Yᵀ [C, B] · ẑ as [B, M·D]  →  [C, M, D]
        const zFlat = tf.reshape(tf.transpose(zHat, [1, 0, 2]), [B, M * D]); // [B, M·D]
        const sums = tf.reshape(tf.matMul(layout.onehot, zFlat, true, false), [C, M, D]); // [C, M, D]
        // Absent classes divide by 1: their sum is 0, so their mean is the zero vector (normalised to 0 below).
        const invCount = tf.tensor1d(layout.counts.map((n) => 1 / Math.max(n, 1))).reshape([C, 1, 1]);
        const invCountAll = tf.tensor1d(layout.counts.map((n) => 1 / Math.max(n * M, 1))).reshape([C, 1]);
        const unimodal = l2Normalize(tf.transpose(tf.mul(sums, invCount), [1, 0, 2])); // (H1) [M, C, D]
        const crossmodal = l2Normalize(tf.mul(tf.sum(sums, 1), invCountAll)); // (H2) [C, D]
        return { unimodal, crossmodal };
    });
}
exports.computePrototypes = computePrototypes;
//# sourceMappingURL=prototypes.js.map