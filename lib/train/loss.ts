import * as tf from '@tensorflow/tfjs';
import { hrmLosses, hrmTotal, type HrmWeights } from '../hrm';
import type { ForwardOutput } from '../model';
import type { Variant } from '../model/types';
import { assertNever } from '../util/errors';

export type { HrmWeights };

/**
 * The HRM weights a variant trains with. Loss ablations zero one term (or all); the architecture ablations
 * keep the paper's weights; the baselines (image-only, tabular-only, late-fusion) train with cross-entropy
 * alone, as baselines in the paper's comparison do.
 */
export function hrmWeightsFor(variant: Variant, base: HrmWeights): HrmWeights {
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
    case 'additive':
      return { sam: 0, up: 0, cp: 0 };
    default:
      return assertNever(variant, 'variant');
  }
}

/**
 * The HRM weights of epoch `epoch` (0-based) under a linear warm-up of `warmupEpochs` (TrainPreset.hrmWarmupEpochs):
 * min(1, epoch / warmupEpochs) of the full weights, so epoch 0 trains on cross-entropy alone. 0 = constant.
 */
export function hrmWeightsAt(weights: HrmWeights, epoch: number, warmupEpochs: number): HrmWeights {
  if (!(warmupEpochs > 0)) return weights;
  const f = Math.min(1, epoch / warmupEpochs);
  return { sam: weights.sam * f, up: weights.up * f, cp: weights.cp * f };
}

/** Mean softmax cross-entropy of logits [B, C] against integer labels [B]. */
export function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const numClasses = logits.shape[1];
    const oneHot = tf.oneHot(tf.cast(labels, 'int32'), numClasses); // [B, C]
    const logp = tf.logSoftmax(logits); // [B, C]
    return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, logp), 1))) as tf.Scalar;
  });
}

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
export function cfcmlLoss(
  out: ForwardOutput,
  labels: tf.Tensor1D,
  hostLabels: number[],
  opts: { numClasses: number; weights: HrmWeights; tau: number },
): LossTerms {
  const ce = crossEntropy(out.logits, labels);
  const { weights } = opts;
  const useHrm = (weights.sam > 0 || weights.up > 0 || weights.cp > 0) && out.z.length > 0;
  if (!useHrm) {
    const zero = tf.scalar(0);
    return { total: ce, ce, sam: zero, up: zero, cp: zero };
  }
  const h = hrmLosses(out.z, hostLabels, { numClasses: opts.numClasses, tau: opts.tau });
  h.unimodal.dispose();
  h.crossmodal.dispose();
  return { total: hrmTotal(ce, h, weights), ce, sam: h.sam, up: h.up, cp: h.cp };
}
