import * as tf from '@tensorflow/tfjs';
import { CfcmlError } from '../util/errors';
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
 *
 * Missing cells (fields with `missing: true`): field k has a learned token m_k (`${key}/missing`, [K, D],
 * initialised to zeros, so it draws nothing from the seeded stream and a model trained without missing cells
 * trains exactly as without it: m_k then gets a zero gradient). A cell is missing when it holds the level
 * count (categorical: one past the last level) or NaN (numeric); its token is m_k in place of the embedding
 * row or x · w_k + b_k, which are computed on a cleaned input (0) so no NaN reaches the arithmetic:
 *   t_k = (1 − μ) · token(clean x) + μ · m_k,  μ = 1 when the cell is missing.
 */
export interface TabularTokenizer {
  /** [B, K] float (level indices in categorical columns) → tokens [B, K, D]. */
  apply(tabular: tf.Tensor2D): tf.Tensor3D;
}

export function makeTabularTokenizer(store: ParamStore, key: string, fields: readonly TabularInputSpec[], width: number): TabularTokenizer {
  if (fields.length === 0) throw new CfcmlError('the tabular modality needs at least one field', { where: 'config.tabular' });
  const catCols: number[] = [];
  const offsets: number[] = [];
  const numCols: number[] = [];
  let totalLevels = 0;
  const withMissing = fields.filter((f) => f.missing === true).length;
  if (withMissing !== 0 && withMissing !== fields.length) {
    throw new CfcmlError(`${withMissing} of ${fields.length} tabular fields have a missing token; the tokenizer needs all or none`, { where: 'config.tabular' });
  }
  fields.forEach((f, k) => {
    if (f.kind === 'categorical') {
      if (!(f.levels !== undefined && f.levels >= 1)) throw new CfcmlError(`categorical field ${k} needs levels >= 1`, { where: 'config.tabular' });
      catCols.push(k);
      offsets.push(totalLevels);
      totalLevels += f.levels;
    } else {
      numCols.push(k);
    }
  });
  // All categorical fields share one table: field k's rows are offsets[k] .. offsets[k] + levels_k − 1.
  const E = catCols.length ? store.add(`${key}/embedding`, [totalLevels, width], { kind: 'normal', std: 1 }, 'head') : null; // [ΣV, D]
  const w = numCols.length ? store.add(`${key}/numeric/scale`, [numCols.length, width], { kind: 'normal', std: 1 }, 'head') : null; // [Kn, D]
  const b = numCols.length ? store.add(`${key}/numeric/bias`, [numCols.length, width], { kind: 'zeros' }, 'head') : null; // [Kn, D]
  const M = withMissing ? store.add(`${key}/missing`, [fields.length, width], { kind: 'zeros' }, 'head') : null; // [K, D]
  // A cell at or past this bound is missing: the level count for categorical columns; numeric columns mark it with NaN.
  const bounds = fields.map((f) => (f.kind === 'categorical' ? f.levels! : Infinity));
  // Tokens come out as [categorical…, numeric…]; this permutation puts them back in field order.
  const order = [...catCols, ...numCols];
  const inverse = fields.map((_, k) => order.indexOf(k));
  const identity = inverse.every((v, i) => v === i);

  return {
    apply(tabular: tf.Tensor2D): tf.Tensor3D {
      if (tabular.shape[1] !== fields.length) {
        throw new CfcmlError(`tabular input has ${tabular.shape[1]} columns, the model expects ${fields.length}`);
      }
      return tf.tidy(() => {
        const B = tabular.shape[0];
        let mask: tf.Tensor2D | null = null; // [B, K] 1 = missing
        if (M) {
          const missing = tf.logicalOr(tf.isNaN(tabular), tf.greaterEqual(tabular, tf.tensor1d(bounds)));
          mask = tf.cast(missing, 'float32') as tf.Tensor2D;
          tabular = tf.where(missing, tf.zerosLike(tabular), tabular);
        }
        const parts: tf.Tensor3D[] = [];
        if (E) {
          const idx = tf.add(tf.cast(tf.gather(tabular, catCols, 1), 'int32'), tf.tensor1d(offsets, 'int32')); // [B, Kc]
          const oneHot = tf.oneHot(tf.reshape(idx, [-1]), totalLevels); // [B·Kc, ΣV]
          parts.push(tf.reshape(tf.matMul(tf.cast(oneHot, 'float32'), E), [B, catCols.length, width])); // [B, Kc, D]
        }
        if (w && b) {
          const x = tf.expandDims(tf.gather(tabular, numCols, 1), 2); // [B, Kn, 1]
          parts.push(tf.add(tf.mul(x, w), b) as tf.Tensor3D); // [B, Kn, D]
        }
        const tokens = parts.length === 1 ? parts[0] : tf.concat(parts, 1); // [B, K, D] (categorical first)
        // Split + concat rather than gather: its gradient needs no UnsortedSegmentSum (missing on wasm).
        let ordered = tokens;
        if (!identity) {
          const slices = tf.split(tokens, fields.length, 1);
          ordered = tf.concat(inverse.map((i) => slices[i]), 1) as tf.Tensor3D; // [B, K, D] field order
        }
        if (!M || !mask) return ordered;
        const mu = tf.expandDims(mask, 2); // [B, K, 1]
        return tf.add(tf.mul(ordered, tf.sub(1, mu)), tf.mul(mu, M)) as tf.Tensor3D;
      });
    },
  };
}
