import * as tf from '@tensorflow/tfjs';
import { type Classifier } from '../model/classifier';
import type { CFCMLModel } from '../model/types';
import { type HrmWeights } from '../train/loss';
/**
 * The exact gradient of one training step, split at the embeddings z (METHOD.md: the HRM losses and their
 * prototypes are defined over the whole batch, so shards cannot each compute their own loss):
 *   1. forward every shard (micro-batch) of the batch to z, without a tape: only z is kept;
 *   2. on the gathered z of the whole batch: classifier (C4) + (H8) loss, its gradient for the classifier's
 *      weights, and the upstream gradient dL/dz;
 *   3. for each shard again: forward to z with a tape and back-propagate ⟨z, dL/dz⟩ (so the shard receives
 *      exactly its rows of dL/dz); the shards' weight gradients are summed.
 * Everything before z is per-sample (LayerNorm, not batch-norm; no dropout before the classifier), so the sum
 * over shards is the full batch's gradient, up to float32 summation order. Dropout lives only in the
 * classifier, which runs once on the gathered batch with the step's seed: the masks are those of the unsplit
 * step. Memory: one shard's activations at a time, plus z. Cost: one extra forward of the encoders per step.
 */
/** A training batch as the step sees it. */
export interface StepBatch {
    images: tf.Tensor[];
    tabular: tf.Tensor2D;
    labels: tf.Tensor1D;
    hostLabels: number[];
}
export interface StepLossOptions {
    numClasses: number;
    weights: HrmWeights;
    tau: number;
    /** The step's dropout seed (classifier). */
    dropoutSeed: number;
}
export interface StepGradients {
    /** Gradient per weight, keyed by tf variable name (what tf.variableGrads returns and Adam.apply takes). */
    grads: tf.NamedTensorMap;
    /** The loss terms in LOSS_TERM_NAMES order. */
    terms: tf.Tensor1D;
}
/** The classifier's weights (C4), found by key, to run it on the gathered embeddings. */
export declare function classifierOf(model: CFCMLModel): Classifier;
/** The unsplit step: the trainer's plain gradient (step.ts `lossGradients`), for a StepBatch. */
export declare function fullBatchGradients(model: CFCMLModel, batch: StepBatch, opts: StepLossOptions): StepGradients;
/** [start, size] of each shard of a batch of B rows in shards of at most `micro` rows. */
export declare function shardRanges(B: number, micro: number): [number, number][];
/**
 * The step's gradients with the batch run as shards of at most `microBatch` rows, split at z (see above).
 * With microBatch ≥ B it is the unsplit step. Gradients equal the unsplit ones up to float32 rounding.
 */
export declare function splitGradients(model: CFCMLModel, batch: StepBatch, opts: StepLossOptions, microBatch: number): StepGradients;
/**
 * Peak tensor memory (bytes) of one split step with shards of `microBatch` rows, measured with tf.profile on
 * a batch made by `makeBatch(n)` (n rows, `n` = 2·microBatch so that the split path runs).
 */
export declare function stepPeakBytes(model: CFCMLModel, makeBatch: (n: number) => StepBatch, opts: StepLossOptions, microBatch: number): Promise<number>;
/** What planMicroBatch decided. */
export interface MicroBatchPlan {
    /** Rows per shard (= the batch size when no split is needed). */
    microBatch: number;
    /** Estimated peak bytes of a step with it. */
    peakBytes: number;
    /** The largest shard that fits the budget (estimated). */
    largestFitting: number;
    /** Estimated peak bytes added per case of a shard (activations). */
    bytesPerCase: number;
}
/**
 * Choose the micro-batch: measure the peak memory of split steps with shards of 1 and 2 rows, extrapolate
 * linearly (activations grow with the rows; the weights do not), and take the largest shard ≤ batchSize
 * under `budgetBytes`. Throws a CfcmlError before training when even one row does not fit.
 * Default budget 3 GiB: the wasm heap cannot grow past 4 GiB (tfjs-wasm then faults with "memory access out of
 * bounds", e.g. the paper preset at batch 36 unsplit, ≈14 GiB); a split step with 3.37 GiB of peak tensor
 * memory was measured to run (paper preset, shards of 8), the rest is headroom for the heap's fragmentation.
 */
export declare function planMicroBatch(model: CFCMLModel, makeBatch: (n: number) => StepBatch, opts: StepLossOptions, batchSize: number, budgetBytes?: number): Promise<MicroBatchPlan>;
/**
 * A batch of `n` random cases shaped for `config` (images, level indices, labels over all classes): what
 * planMicroBatch needs to measure memory before any real batch is drawn. Seeded, so planning is reproducible.
 */
export declare function randomStepBatch(config: CFCMLModel['config'], n: number, seed?: number): StepBatch;
/** Random model inputs for `config`, seeded: images in [0, 1), categorical level indices, standard-normal numerics. */
export declare function randomInputs(config: CFCMLModel['config'], n: number, seed?: number): {
    images: tf.Tensor[];
    tabular: tf.Tensor2D;
};
