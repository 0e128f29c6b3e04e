import * as tf from '@tensorflow/tfjs';
import { type HrmWeights } from '../hrm';
import type { ForwardOutput } from '../model';
import type { Variant } from '../model/types';
export type { HrmWeights };
/**
 * The HRM weights a variant trains with. Loss ablations zero one term (or all); the architecture ablations
 * keep the paper's weights; the baselines (image-only, tabular-only, late-fusion) train with cross-entropy
 * alone, as baselines in the paper's comparison do.
 */
export declare function hrmWeightsFor(variant: Variant, base: HrmWeights): HrmWeights;
/**
 * The HRM weights of epoch `epoch` (0-based) under a linear warm-up of `warmupEpochs` (TrainPreset.hrmWarmupEpochs):
 * min(1, epoch / warmupEpochs) of the full weights, so epoch 0 trains on cross-entropy alone. 0 = constant.
 */
export declare function hrmWeightsAt(weights: HrmWeights, epoch: number, warmupEpochs: number): HrmWeights;
/** Mean softmax cross-entropy of logits [B, C] against integer labels [B]. */
export declare function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar;
export interface LossTerms {
    total: tf.Scalar;
    ce: tf.Scalar;
    sam: tf.Scalar;
    up: tf.Scalar;
    cp: tf.Scalar;
}
/**
 * (H8) L = L_CE + w_sam·L_sam + w_up·L_up + w_cp·L_cp for one forward output.
 * HRM terms are computed only when their weight is non-zero (they cost a B×B similarity per modality);
 * a zero-weight term is reported as 0.
 */
export declare function cfcmlLoss(out: ForwardOutput, labels: tf.Tensor1D, hostLabels: number[], opts: {
    numClasses: number;
    weights: HrmWeights;
    tau: number;
}): LossTerms;
