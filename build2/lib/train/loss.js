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
exports.cfcmlLoss = exports.crossEntropy = exports.hrmWeightsAt = exports.hrmWeightsFor = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const hrm_1 = require("../hrm");
const errors_1 = require("../util/errors");
/**
 * The HRM weights a variant trains with. Loss ablations zero one term (or all); the architecture ablations
 * keep the paper's weights; the baselines (image-only, tabular-only, late-fusion) train with cross-entropy
 * alone, as baselines in the paper's comparison do.
 */
function hrmWeightsFor(variant, base) {
    switch (variant) {
        case 'full':
        case 'no-mg':
        case 'no-cie':
        case 'single-head':
        case 'no-tabular':
            return { ...base };
        case 'no-sam':
            return { ...base, sam: 0 };
        case 'no-up':
            return { ...base, up: 0 };
        case 'no-cp':
            return { ...base, cp: 0 };
        case 'no-hrm':
        case 'image-only':
        case 'tabular-only':
        case 'late-fusion':
            return { sam: 0, up: 0, cp: 0 };
        default:
            return (0, errors_1.assertNever)(variant, 'variant');
    }
}
exports.hrmWeightsFor = hrmWeightsFor;
/**
 * The HRM weights of epoch `epoch` (0-based) under a linear warm-up of `warmupEpochs` (TrainPreset.hrmWarmupEpochs):
 * min(1, epoch / warmupEpochs) of the full weights, so epoch 0 trains on cross-entropy alone. 0 = constant.
 */
function hrmWeightsAt(weights, epoch, warmupEpochs) {
    if (!(warmupEpochs > 0))
        return weights;
    const f = Math.min(1, epoch / warmupEpochs);
    return { sam: weights.sam * f, up: weights.up * f, cp: weights.cp * f };
}
exports.hrmWeightsAt = hrmWeightsAt;
/** Mean softmax cross-entropy of logits [B, C] against integer labels [B]. */
function crossEntropy(logits, labels) {
    return tf.tidy(() => {
        const numClasses = logits.shape[1];
        const oneHot = tf.oneHot(tf.cast(labels, 'int32'), numClasses); // [B, C]
        const logp = tf.logSoftmax(logits); // [B, C]
        return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, logp), 1)));
    });
}
exports.crossEntropy = crossEntropy;
/**
 * (H8) L = L_CE + w_sam·L_sam + w_up·L_up + w_cp·L_cp for one forward output.
 * HRM terms are computed only when their weight is non-zero (they cost a B×B similarity per modality);
 * a zero-weight term is reported as 0.
 */
function cfcmlLoss(out, labels, hostLabels, opts) {
    const ce = crossEntropy(out.logits, labels);
    const { weights } = opts;
    const useHrm = (weights.sam > 0 || weights.up > 0 || weights.cp > 0) && out.z.length > 0;
    if (!useHrm) {
        const zero = tf.scalar(0);
        return { total: ce, ce, sam: zero, up: zero, cp: zero };
    }
    const h = (0, hrm_1.hrmLosses)(out.z, hostLabels, { numClasses: opts.numClasses, tau: opts.tau });
    h.unimodal.dispose();
    h.crossmodal.dispose();
    return { total: (0, hrm_1.hrmTotal)(ce, h, weights), ce, sam: h.sam, up: h.up, cp: h.cp };
}
exports.cfcmlLoss = cfcmlLoss;
//# sourceMappingURL=loss.js.map