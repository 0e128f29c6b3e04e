import * as tf from '@tensorflow/tfjs';
import type { ModelPreset } from '../../lib/data/spec';
import type { CFCMLConfig, CFCMLModel, Variant } from '../../lib/model';

/** Tiny model sizes for tests (the cpu backend's conv gradients are slow). */
export const TINY: ModelPreset = {
  width: 8,
  imgTokens: 3,
  tabTokens: 2,
  heads: 2,
  encoderWidths: [2, 4, 4, 6],
  sharedEncoder: true,
  dropout: 0.2,
};

/** Derm7pt-like: 2 colour images (2D, shared encoder), 5 categorical fields. */
export function dermLike(numClasses: number, variant: Variant = 'full', model: Partial<ModelPreset> = {}): CFCMLConfig {
  return {
    images: [
      { kind: '2d', channels: 3 },
      { kind: '2d', channels: 3 },
    ],
    imageSize: [16, 16],
    tabular: [3, 3, 9, 2, 3].map((levels) => ({ kind: 'categorical' as const, levels })),
    numClasses,
    variant,
    model: { ...TINY, ...model },
    seed: 7,
  };
}

/** MEN-like: 3 single-channel volumes (3D, one encoder each), 2 categorical + 4 numeric fields. */
export function menLike(numClasses: number, variant: Variant = 'full', model: Partial<ModelPreset> = {}): CFCMLConfig {
  return {
    images: [
      { kind: '3d', channels: 1 },
      { kind: '3d', channels: 1 },
      { kind: '3d', channels: 1 },
    ],
    imageSize: [4, 8, 8],
    tabular: [
      { kind: 'categorical', levels: 5 },
      { kind: 'categorical', levels: 2 },
      { kind: 'numeric' },
      { kind: 'numeric' },
      { kind: 'numeric' },
      { kind: 'numeric' },
    ],
    numClasses,
    variant,
    model: { ...TINY, sharedEncoder: false, ...model },
    seed: 11,
  };
}

/** Random inputs matching a config: images in [0, 1), categorical level indices, standardised numerics. */
export { randomInputs } from '../../lib/run/splitStep';

/** Softmax cross-entropy of a forward pass (the trainer's CE term, enough for model tests). */
export function ceLoss(model: CFCMLModel, images: tf.Tensor[], tabular: tf.Tensor2D, labels: number[], training = false, seed = 0): tf.Scalar {
  return tf.tidy(() => {
    const { logits } = model.forward(images, tabular, { training, seed });
    const y = tf.oneHot(tf.tensor1d(labels, 'int32'), model.config.numClasses);
    return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
  });
}

export function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
}
