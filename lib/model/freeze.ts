import * as tf from '@tensorflow/tfjs';
import { CfcmlError } from '../util/errors';
import type { EncoderParams } from './types';

/**
 * Frozen encoder stages (`model.freezeStages`): an encoder creates its weights through these params, which
 * note the stage (0-based, from the key) of each; `freeze(n)` then marks the variables of stages 0..n−1
 * non-trainable. tf.variableGrads gives no gradient for them (the backward pass stops at the first trainable
 * stage) and the optimiser is never given them (lib/train/build.ts), so neither a step nor weight decay moves them.
 */
export function freezableParams(p: EncoderParams, stageOf: (key: string) => number): { params: EncoderParams; freeze(n: number): void } {
  const byStage: tf.Variable[][] = [[], [], [], []];
  const note = (key: string, v: tf.Variable): void => {
    const s = stageOf(key);
    if (!(s >= 0 && s < 4)) throw new CfcmlError(`encoder weight '${key}' belongs to no stage 1–4`, { where: 'model.freezeStages' });
    byStage[s].push(v);
  };
  return {
    params: {
      add: (key, shape, init) => {
        const v = p.add(key, shape, init);
        note(key, v);
        return v;
      },
      adopt: (key, v) => {
        p.adopt(key, v);
        note(key, v);
      },
    },
    freeze(n: number): void {
      if (!(Number.isInteger(n) && n >= 0 && n <= 4)) throw new CfcmlError(`freezeStages must be a whole number 0–4, got ${n}`, { where: 'model.freezeStages' });
      for (let s = 0; s < n; s++) for (const v of byStage[s]) v.trainable = false;
    },
  };
}

/**
 * `f` run off the gradient tape: tf.customGrad runs its forward function as one kernel, so the ops inside
 * record nothing and keep no tensors for a backward pass (a frozen stage's activations are freed as soon as
 * its tidies end, not held until the step's gradient is done). Its gradient is zero: nothing upstream of a
 * frozen stage trains.
 */
export function withoutGradient(f: (x: tf.Tensor) => tf.Tensor): (x: tf.Tensor) => tf.Tensor {
  const g = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const x = args[0] as tf.Tensor;
    return { value: f(x), gradFunc: () => tf.zerosLike(x) };
  });
  return (x) => g(x);
}
