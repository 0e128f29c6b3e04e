import * as tf from '@tensorflow/tfjs';
import type { CaseRecord, DatasetSpec } from '../data';
import { disposeBatch, ImageCache, makeBatch, TabularEncoder } from '../data';
import { computeMetrics, type Metrics } from '../metrics';
import type { CFCMLModel } from '../model';

/** Class probabilities (and optionally per-modality embeddings) of a list of cases, without augmentation. */
export interface Predictions {
  ids: string[];
  labels: number[];
  /** [n][C] softmax probabilities. */
  probs: number[][];
  /** Mean cross-entropy over the cases. */
  loss: number;
  /** Per-modality embeddings z_m, [M][n][D], when asked for. */
  embeddings?: number[][][];
}

export interface PredictOptions {
  batchSize?: number;
  embeddings?: boolean;
}

export async function predict(
  model: CFCMLModel,
  spec: DatasetSpec,
  cases: CaseRecord[],
  images: ImageCache,
  tabular: TabularEncoder,
  opts: PredictOptions = {},
): Promise<Predictions> {
  const batchSize = opts.batchSize ?? 64;
  const out: Predictions = { ids: [], labels: [], probs: [], loss: 0 };
  const emb: number[][][] = [];
  let lossSum = 0;
  for (let start = 0; start < cases.length; start += batchSize) {
    const idx = [];
    for (let i = start; i < Math.min(cases.length, start + batchSize); i++) idx.push(i);
    const batch = makeBatch(spec, cases, idx, images, tabular, { augment: false });
    const [probsT, lossT, zs] = tf.tidy(() => {
      const f = model.forward(batch.images, batch.tabular, { training: false });
      const logp = tf.logSoftmax(f.logits);
      const oneHot = tf.oneHot(tf.cast(batch.labels, 'int32'), f.logits.shape[1]);
      const nll = tf.neg(tf.sum(tf.mul(oneHot, logp))); // summed over the batch
      return [tf.exp(logp), nll, opts.embeddings ? f.z : []] as [tf.Tensor2D, tf.Scalar, tf.Tensor2D[]];
    });
    const p = (await probsT.array()) as number[][];
    lossSum += (await lossT.data())[0];
    if (opts.embeddings) {
      for (let m = 0; m < zs.length; m++) {
        const zm = (await zs[m].array()) as number[][];
        (emb[m] ??= []).push(...zm);
      }
    }
    tf.dispose([probsT, lossT, ...zs]);
    disposeBatch(batch);
    for (let k = 0; k < idx.length; k++) {
      out.ids.push(cases[idx[k]].id);
      out.labels.push(cases[idx[k]].label);
      out.probs.push(p[k]);
    }
  }
  out.loss = cases.length > 0 ? lossSum / cases.length : NaN;
  if (opts.embeddings) out.embeddings = emb;
  return out;
}

/** The metrics of a set of predictions (keys in snake_case, see lib/metrics): binary or multi-class by the class count. */
export function metricsOf(pred: Predictions, spec: DatasetSpec): Metrics {
  return computeMetrics(pred.labels, pred.probs, { positiveClass: spec.positiveClass, classNames: [...spec.classes] });
}
