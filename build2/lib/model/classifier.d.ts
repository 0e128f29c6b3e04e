import * as tf from '@tensorflow/tfjs';
import { type Linear } from './layers';
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
export declare function makeClassifier(store: ParamStore, key: string, modalities: number, width: number, classes: number, rate: number): Classifier;
/** z: one [B, D] per modality → logits [B, C]. Dropout masks come from `seed` (two independent streams). */
export declare function classify(z: tf.Tensor2D[], p: Classifier, training: boolean, seed: number): tf.Tensor2D;
