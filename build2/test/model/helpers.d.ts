import * as tf from '@tensorflow/tfjs';
import type { ModelPreset } from '../../lib/data/spec';
import type { CFCMLConfig, CFCMLModel, Variant } from '../../lib/model';
/** Tiny model sizes for tests (the cpu backend's conv gradients are slow). */
export declare const TINY: ModelPreset;
/** Derm7pt-like: 2 colour images (2D, shared encoder), 5 categorical fields. */
export declare function dermLike(numClasses: number, variant?: Variant, model?: Partial<ModelPreset>): CFCMLConfig;
/** MEN-like: 3 single-channel volumes (3D, one encoder each), 2 categorical + 4 numeric fields. */
export declare function menLike(numClasses: number, variant?: Variant, model?: Partial<ModelPreset>): CFCMLConfig;
/** Random inputs matching a config: images in [0, 1), categorical level indices, standardised numerics. */
export { randomInputs } from '../../lib/run/splitStep';
/** Softmax cross-entropy of a forward pass (the trainer's CE term, enough for model tests). */
export declare function ceLoss(model: CFCMLModel, images: tf.Tensor[], tabular: tf.Tensor2D, labels: number[], training?: boolean, seed?: number): tf.Scalar;
export declare function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number;
