/**
 * Class prototypes of the fine stage (HRM): unimodal prototypes (H1) and crossmodal prototypes (H2),
 * computed from one batch of per-modality embeddings, for any number of modalities and classes.
 *
 * Porting notes (authors' CFCML.py, `calc_prototype`):
 * - They L2-normalise with `F.normalize` (x / max(‖x‖, 1e-12)); so do we (`l2Normalize`).
 * - A class absent from the batch gives `normalize(mean([]))` = NaN there. Here its prototype row is zero
 *   and `present[c]` is false; the losses skip it. The zero row is produced without dividing 0 by 0, so no
 *   NaN reaches values or gradients.
 * - Prototypes are NOT detached: like the authors' code (and METHOD.md), gradients flow from the
 *   prototypes back into every embedding of their class.
 */
import * as tf from '@tensorflow/tfjs';
import { CfcmlError } from '../util/errors';

/** Norm floor, as torch.nn.functional.normalize (eps = 1e-12). */
const NORM_EPS = 1e-12;

/** Row-wise L2 normalisation along the last axis: x / max(‖x‖, 1e-12), with a finite gradient at 0. */
export function l2Normalize<T extends tf.Tensor>(x: T): T {
  return tf.tidy(() => {
    const sumSq = tf.sum(tf.square(x), -1, true);
    // sqrt(max(Σx², eps²)) = max(‖x‖, eps); taking the max before the sqrt keeps d sqrt finite at x = 0.
    const norm = tf.sqrt(tf.maximum(sumSq, NORM_EPS * NORM_EPS));
    return tf.div(x, norm) as T;
  });
}

/** Labels on the host, checked: integers in [0, numClasses), one per batch row. */
export function labelsToArray(labels: tf.Tensor1D | readonly number[], batchSize: number, numClasses: number): number[] {
  const y = Array.isArray(labels) ? Array.from(labels as readonly number[]) : Array.from((labels as tf.Tensor1D).dataSync());
  if (y.length !== batchSize) {
    throw new CfcmlError(`labels has ${y.length} entries but the embeddings have ${batchSize} rows`, { where: 'hrm' });
  }
  for (let i = 0; i < y.length; i++) {
    if (!Number.isInteger(y[i]) || y[i] < 0 || y[i] >= numClasses) {
      throw new CfcmlError(`label ${y[i]} at row ${i} is not an integer in [0, ${numClasses})`, { where: 'hrm' });
    }
  }
  return y;
}

/** What a batch says about its classes, computed once on the host. */
export interface ClassLayout {
  /** Labels, one per row. */
  labels: number[];
  /** Rows per class, [C]. */
  counts: number[];
  /** counts[c] > 0, [C]. */
  present: boolean[];
  /** One-hot labels [B, C] (float32 constant). */
  onehot: tf.Tensor2D;
}

export function classLayout(labels: number[], numClasses: number): ClassLayout {
  const counts = new Array<number>(numClasses).fill(0);
  for (const y of labels) counts[y] += 1;
  const present = counts.map((n) => n > 0);
  const onehot = tf.oneHot(tf.tensor1d(labels, 'int32'), numClasses).toFloat() as tf.Tensor2D; // [B, C]
  return { labels, counts, present, onehot };
}

/** Prototypes of one batch. */
export interface Prototypes {
  /** (H1) unimodal prototypes p_m^c, [M, C, D]; zero rows for absent classes. */
  unimodal: tf.Tensor3D;
  /** (H2) crossmodal prototypes q^c, [C, D]; zero rows for absent classes. */
  crossmodal: tf.Tensor2D;
}

/**
 * (H1) p_m^c = normalize(mean_{i: y_i = c} ẑ_{m,i}) and (H2) q^c = normalize(mean_{m, i: y_i = c} ẑ_{m,i}).
 *
 * @param zHat normalised embeddings ẑ, [M, B, D]
 * @param layout the batch's classes (from `classLayout`)
 */
export function computePrototypes(zHat: tf.Tensor3D, layout: ClassLayout): Prototypes {
  return tf.tidy(() => {
    const [M, B, D] = zHat.shape;
    const C = layout.counts.length;
    // Class sums for every modality at once: Yᵀ [C, B] · ẑ as [B, M·D]  →  [C, M, D]
    const zFlat = tf.reshape(tf.transpose(zHat, [1, 0, 2]), [B, M * D]); // [B, M·D]
    const sums = tf.reshape(tf.matMul(layout.onehot, zFlat, true, false), [C, M, D]); // [C, M, D]
    // Absent classes divide by 1: their sum is 0, so their mean is the zero vector (normalised to 0 below).
    const invCount = tf.tensor1d(layout.counts.map((n) => 1 / Math.max(n, 1))).reshape([C, 1, 1]);
    const invCountAll = tf.tensor1d(layout.counts.map((n) => 1 / Math.max(n * M, 1))).reshape([C, 1]);
    const unimodal = l2Normalize(tf.transpose(tf.mul(sums, invCount), [1, 0, 2])) as tf.Tensor3D; // (H1) [M, C, D]
    const crossmodal = l2Normalize(tf.mul(tf.sum(sums, 1), invCountAll)) as tf.Tensor2D; // (H2) [C, D]
    return { unimodal, crossmodal };
  });
}
