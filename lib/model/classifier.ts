import * as tf from '@tensorflow/tfjs';
import { deriveSeed } from '../util/random';
import { dropout, linear, makeLinear, type Linear } from './layers';
import type { ParamStore } from './params';

/**
 * (C4) Classifier over the concatenated modality embeddings:
 *   concat(z_1..z_M) → Linear(M·D → D) + ReLU + Dropout → Linear(D → D/8) + ReLU + Dropout → Linear(D/8 → C).
 * D/8 is rounded down and kept ≥ 16 (the paper's D = 128 gives exactly 16): a narrower ReLU bottleneck can
 * die entirely — with D = 32 (4 units) one seed of three never left chance on synthetic Derm7pt.
 */
export interface Classifier {
  fc1: Linear;
  fc2: Linear;
  out: Linear;
  dropout: number;
}

export function makeClassifier(store: ParamStore, key: string, modalities: number, width: number, classes: number, rate: number): Classifier {
  const hidden = Math.max(16, Math.floor(width / 8));
  return {
    fc1: makeLinear(store, `${key}/fc1`, modalities * width, width, 'head'),
    fc2: makeLinear(store, `${key}/fc2`, width, hidden, 'head'),
    out: makeLinear(store, `${key}/out`, hidden, classes, 'head'),
    dropout: rate,
  };
}

/** z: one [B, D] per modality → logits [B, C]. Dropout masks come from `seed` (two independent streams). */
export function classify(z: tf.Tensor2D[], p: Classifier, training: boolean, seed: number): tf.Tensor2D {
  return tf.tidy(() => {
    const x = z.length === 1 ? z[0] : tf.concat(z, 1); // [B, M·D]
    const h1 = dropout(tf.relu(linear(x, p.fc1)), p.dropout, training, deriveSeed(seed, 'classifier', 1)); // [B, D]
    const h2 = dropout(tf.relu(linear(h1, p.fc2)), p.dropout, training, deriveSeed(seed, 'classifier', 2)); // [B, D/8]
    return linear(h2, p.out) as tf.Tensor2D; // [B, C]
  });
}
