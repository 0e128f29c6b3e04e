import * as tf from '@tensorflow/tfjs';
import type { Batch } from '../data/types';
import type { CFCMLModel } from '../model';
import { cfcmlLoss, type HrmWeights, type LossTerms } from './loss';
import { LOSS_TERMS, LOSS_TERM_NAMES } from './lossTerms';

/** What one gradient computation is given: the model, a training batch and how to score it. */
export interface GradientInput {
  model: CFCMLModel;
  batch: Pick<Batch, 'images' | 'tabular' | 'labels'>;
  /** The batch's labels on the host (the HRM losses group by class without a device read). */
  hostLabels: number[];
  /** Seed of this step's dropout masks. */
  dropoutSeed: number;
  numClasses: number;
  weights: HrmWeights;
  tau: number;
}

/** d L / d weights, keyed by tf variable name (as `Adam.apply` takes them), and the loss terms [LOSS_TERM_NAMES]. */
export interface Gradients {
  grads: tf.NamedTensorMap;
  /** The step's loss terms in LOSS_TERM_NAMES order, kept (the caller disposes it). */
  terms: tf.Tensor1D;
}

/** The loss terms of LOSS_TERM_NAMES, stacked into one tensor (one device read per step). */
export function stackLossTerms(l: LossTerms): tf.Tensor1D {
  return tf.stack(LOSS_TERM_NAMES.map((k) => l[LOSS_TERMS[k].tensor])) as tf.Tensor1D;
}

/**
 * One step's gradient, the plain way: forward in training mode over the whole batch → loss (H8) →
 * gradient of the total with respect to every model weight. Call inside `tf.tidy`; `terms` survives it.
 *
 * This is the function to replace for another way of computing the same gradient (micro-batches, a split
 * at the embeddings, workers): the trainer calls it through `Trainer.gradientFn`.
 */
export function lossGradients(input: GradientInput): Gradients {
  const { model, batch } = input;
  const vars = model.weights.map((w) => w.variable).filter((v) => v.trainable); // frozen stages: no gradient
  let terms: tf.Tensor1D | undefined;
  const { grads } = tf.variableGrads(() => {
    const out = model.forward(batch.images, batch.tabular, { training: true, seed: input.dropoutSeed });
    const l = cfcmlLoss(out, batch.labels, input.hostLabels, { numClasses: input.numClasses, weights: input.weights, tau: input.tau });
    terms = tf.keep(stackLossTerms(l));
    return l.total;
  }, vars);
  return { grads, terms: terms! };
}

export type GradientFn = (input: GradientInput) => Gradients;
