import * as tf from '@tensorflow/tfjs';
import type { EncoderParams } from './types';
/**
 * Frozen encoder stages (`model.freezeStages`): an encoder creates its weights through these params, which
 * note the stage (0-based, from the key) of each; `freeze(n)` then marks the variables of stages 0..n−1
 * non-trainable. tf.variableGrads gives no gradient for them (the backward pass stops at the first trainable
 * stage) and the optimiser is never given them (lib/train/build.ts), so neither a step nor weight decay moves them.
 */
export declare function freezableParams(p: EncoderParams, stageOf: (key: string) => number): {
    params: EncoderParams;
    freeze(n: number): void;
};
/**
 * `f` run off the gradient tape: tf.customGrad runs its forward function as one kernel, so the ops inside
 * record nothing and keep no tensors for a backward pass (a frozen stage's activations are freed as soon as
 * its tidies end, not held until the step's gradient is done). Its gradient is zero: nothing upstream of a
 * frozen stage trains.
 */
export declare function withoutGradient(f: (x: tf.Tensor) => tf.Tensor): (x: tf.Tensor) => tf.Tensor;
