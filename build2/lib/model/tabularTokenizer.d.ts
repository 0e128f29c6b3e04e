import * as tf from '@tensorflow/tfjs';
import type { ParamStore } from './params';
import type { TabularInputSpec } from './types';
/**
 * Tabular tokenizer: one D-wide token per field, in field order.
 *   categorical field k, level v:  t_k = E_k[v]           (a learned embedding row)
 *   numeric field k, value x:      t_k = x · w_k + b_k     (a learned direction and offset)
 *
 * Departure from the authors: they encode one templated sentence per field with a frozen CLIP text encoder
 * (Linear 512→D + ReLU after it), which cannot run offline; this is the FT-Transformer-style tokenizer.
 *
 * The embedding lookup is a one-hot matmul rather than tf.gather: its gradient is a plain matmul, where
 * gather's needs UnsortedSegmentSum (missing on wasm). An index outside 0..levels−1 gives a zero token.
 */
export interface TabularTokenizer {
    /** [B, K] float (level indices in categorical columns) → tokens [B, K, D]. */
    apply(tabular: tf.Tensor2D): tf.Tensor3D;
}
export declare function makeTabularTokenizer(store: ParamStore, key: string, fields: readonly TabularInputSpec[], width: number): TabularTokenizer;
