import * as tf from '@tensorflow/tfjs';
import type { Linear } from '../model/layers';
import type { CFCMLModel } from '../model/types';
import { imageSizeOf } from '../model/cfcml';
import { CfcmlError } from '../util/errors';
import { Rng } from '../util/random';
import { cfcmlLoss, type HrmWeights } from '../train/loss';
import { lossGradients, stackLossTerms } from '../train/step';

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

/** The unsplit step: the trainer's plain gradient (step.ts `lossGradients`), for a StepBatch. */
export function fullBatchGradients(model: CFCMLModel, batch: StepBatch, opts: StepLossOptions): StepGradients {
  let terms: tf.Tensor1D | null = null;
  const grads = tf.tidy(() => {
    const r = lossGradients({ model, batch, hostLabels: batch.hostLabels, ...opts });
    terms = r.terms; // kept by lossGradients: survives the tidy
    return r.grads;
  });
  return { grads, terms: terms as unknown as tf.Tensor1D };
}

/** [start, size] of each shard of a batch of B rows in shards of at most `micro` rows. */
export function shardRanges(B: number, micro: number): [number, number][] {
  if (!(Number.isInteger(micro) && micro >= 1)) throw new CfcmlError(`micro-batch size must be a whole number ≥ 1, got ${micro}`);
  const out: [number, number][] = [];
  for (let s = 0; s < B; s += micro) out.push([s, Math.min(micro, B - s)]);
  return out;
}

function sliceRows<T extends tf.Tensor>(x: T, start: number, size: number): T {
  return tf.slice(x, [start, ...x.shape.slice(1).map(() => 0)], [size, ...x.shape.slice(1)]) as T;
}

let zCounter = 0;

/**
 * The step's gradients with the batch run as shards of at most `microBatch` rows, split at z (see above).
 * With microBatch ≥ B it is the unsplit step. Gradients equal the unsplit ones up to float32 rounding.
 */
export function splitGradients(model: CFCMLModel, batch: StepBatch, opts: StepLossOptions, microBatch: number): StepGradients {
  const B = batch.hostLabels.length;
  if (microBatch >= B) return fullBatchGradients(model, batch, opts);
  const ranges = shardRanges(B, microBatch);
  const shard = (start: number, size: number) => ({
    images: batch.images.map((x) => sliceRows(x, start, size)),
    tabular: sliceRows(batch.tabular, start, size),
  });

  // 1. z of every shard, no tape.
  const zParts: tf.Tensor2D[][] = ranges.map(([start, size]) =>
    tf.tidy(() => {
      const s = shard(start, size);
      return model.forward(s.images, s.tabular, { training: true, seed: opts.dropoutSeed }).z;
    }),
  );
  const M = zParts[0].length;

  // 2. Loss on the gathered batch: classifier gradients and dL/dz.
  const clfVars = model.classifierVariables;
  const id = zCounter++;
  const zVars = Array.from({ length: M }, (_, m) =>
    tf.tidy(() => tf.variable(tf.concat(zParts.map((p) => p[m]), 0), true, `splitStep${id}/z${m}`)),
  );
  tf.dispose(zParts.flat());
  let terms: tf.Tensor1D | null = null;
  const head = tf.tidy(() => {
    const r = tf.variableGrads(() => {
      const z = zVars as unknown as tf.Tensor2D[];
      const logits = model.classify(z, true, opts.dropoutSeed);
      const l = cfcmlLoss({ z, logits }, batch.labels, batch.hostLabels, { numClasses: opts.numClasses, weights: opts.weights, tau: opts.tau });
      terms = tf.keep(stackLossTerms(l));
      return l.total;
    }, [...clfVars, ...zVars]);
    r.value.dispose();
    return r.grads;
  });
  const dz = zVars.map((v) => head[v.name]);
  const sizes = ranges.map(([, size]) => size);
  const dzShards: tf.Tensor2D[][] = dz.map((g) => tf.split(g, sizes, 0) as tf.Tensor2D[]); // [m][shard]
  tf.dispose(dz);
  zVars.forEach((v) => v.dispose());
  const grads: tf.NamedTensorMap = {};
  for (const v of clfVars) grads[v.name] = head[v.name];

  // 3. Back-propagate each shard with its rows of dL/dz; sum the weight gradients.
  const clfNames = new Set(clfVars.map((v) => v.name));
  const encVars = model.weights.map((w) => w.variable).filter((v) => v.trainable && !clfNames.has(v.name));
  ranges.forEach(([start, size], k) => {
    const g = tf.tidy(() => {
      const r = tf.variableGrads(() => {
        const s = shard(start, size);
        const out = model.forward(s.images, s.tabular, { training: true, seed: opts.dropoutSeed });
        return tf.addN(out.z.map((zm, m) => tf.sum(tf.mul(zm, dzShards[m][k])))) as tf.Scalar;
      }, encVars);
      r.value.dispose();
      return r.grads;
    });
    for (const [name, t] of Object.entries(g)) {
      const prev = grads[name];
      if (prev) {
        grads[name] = tf.add(prev, t);
        prev.dispose();
        t.dispose();
      } else grads[name] = t;
    }
  });
  tf.dispose(dzShards.flat());
  return { grads, terms: terms as unknown as tf.Tensor1D };
}

/**
 * Peak tensor memory (bytes) of one split step with shards of `microBatch` rows, measured with tf.profile on
 * a batch made by `makeBatch(n)` (n rows, `n` = 2·microBatch so that the split path runs).
 */
export async function stepPeakBytes(
  model: CFCMLModel,
  makeBatch: (n: number) => StepBatch,
  opts: StepLossOptions,
  microBatch: number,
): Promise<number> {
  const batch = makeBatch(2 * microBatch);
  try {
    const info = await tf.profile(() => {
      const { grads, terms } = splitGradients(model, batch, opts, microBatch);
      tf.dispose([...Object.values(grads), terms]);
    });
    return info.peakBytes;
  } finally {
    tf.dispose([...batch.images, batch.tabular, batch.labels]);
  }
}

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
export async function planMicroBatch(
  model: CFCMLModel,
  makeBatch: (n: number) => StepBatch,
  opts: StepLossOptions,
  batchSize: number,
  budgetBytes = 3 * 2 ** 30,
): Promise<MicroBatchPlan> {
  const p1 = await stepPeakBytes(model, makeBatch, opts, 1);
  const p2 = await stepPeakBytes(model, makeBatch, opts, 2);
  const perRow = Math.max(p2 - p1, 1);
  const fixed = p1 - perRow;
  const weightsBytes = model.weights.reduce((n, w) => n + w.variable.size * 4, 0) * 4; // weights, grads, Adam m and v
  const peakOf = (n: number) => fixed + perRow * n + weightsBytes;
  if (peakOf(1) > budgetBytes) {
    throw new CfcmlError(
      `even a micro-batch of 1 case needs about ${(peakOf(1) / 2 ** 30).toFixed(2)} GiB of tensor memory, over the ${(budgetBytes / 2 ** 30).toFixed(2)} GiB budget of the wasm backend; use a smaller --image-size or a smaller model`,
      { where: 'micro-batching' },
    );
  }
  const largestFitting = Math.max(1, Math.floor((budgetBytes - fixed - weightsBytes) / perRow));
  const microBatch = Math.min(batchSize, largestFitting);
  return { microBatch, peakBytes: peakOf(microBatch), largestFitting, bytesPerCase: perRow };
}

/**
 * A batch of `n` random cases shaped for `config` (images, level indices, labels over all classes): what
 * planMicroBatch needs to measure memory before any real batch is drawn. Seeded, so planning is reproducible.
 */
export function randomStepBatch(config: CFCMLModel['config'], n: number, seed = 1): StepBatch {
  const { images, tabular } = randomInputs(config, n, seed);
  const hostLabels = Array.from({ length: n }, (_, i) => i % config.numClasses);
  return { images, tabular, labels: tf.tensor1d(hostLabels, 'int32'), hostLabels };
}

/** Random model inputs for `config`, seeded: images in [0, 1), categorical level indices, standard-normal numerics. */
export function randomInputs(config: CFCMLModel['config'], n: number, seed = 1): { images: tf.Tensor[]; tabular: tf.Tensor2D } {
  const rng = new Rng(seed);
  const images = config.images.map((img, m) => {
    const shape = [n, ...imageSizeOf(config, m), img.channels];
    const size = shape.reduce((a, b) => a * b, 1);
    return tf.tensor(Float32Array.from({ length: size }, () => rng.next()), shape);
  });
  const K = config.tabular.length;
  const tab = new Float32Array(n * K);
  for (let b = 0; b < n; b++) config.tabular.forEach((f, k) => (tab[b * K + k] = f.kind === 'categorical' ? rng.int(f.levels ?? 1) : rng.normal()));
  return { images, tabular: tf.tensor2d(tab, [n, K]) };
}
