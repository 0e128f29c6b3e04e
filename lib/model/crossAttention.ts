import * as tf from '@tensorflow/tfjs';
import { headMatMul } from '../backend/kernels/headMatMul';
import { CfcmlError } from '../util/errors';
import { linear, makeLinear, type Linear } from './layers';
import type { ParamStore } from './params';

/**
 * (C2) Crossmodal information enhancement (CIE). At stage s, for each modality m,
 *   S_m^s = MHCA_{s,m}(Q = P_m^s, K = V = concat_{m'≠m} P_{m'}^s),   completed tokens [P_m^s ; S_m^s].
 * MHCA is torch.nn.MultiheadAttention without dropout: in-projections W_q, W_k, W_v (with bias), h heads of
 * width D/h, softmax(Q Kᵀ / √(D/h)) V, out-projection W_o. A modality never attends to its own tokens.
 */

export interface CrossAttention {
  q: Linear;
  k: Linear;
  v: Linear;
  o: Linear;
  heads: number;
}

export function makeCrossAttention(store: ParamStore, key: string, width: number, heads: number): CrossAttention {
  if (!(heads >= 1) || width % heads !== 0) {
    throw new CfcmlError(`attention heads (${heads}) must divide the token width D (${width})`, { where: 'model.heads' });
  }
  return {
    q: makeLinear(store, `${key}/q`, width, width, 'head'),
    k: makeLinear(store, `${key}/k`, width, width, 'head'),
    v: makeLinear(store, `${key}/v`, width, width, 'head'),
    o: makeLinear(store, `${key}/o`, width, width, 'head'),
    heads,
  };
}

/** MHCA(query [B, Lq, D], context [B, Lk, D]) → S [B, Lq, D] and the attention weights [B, h, Lq, Lk]. */
export function crossAttention(query: tf.Tensor3D, context: tf.Tensor3D, p: CrossAttention): { S: tf.Tensor3D; weights: tf.Tensor4D } {
  return tf.tidy(() => {
    const [B, Lq, D] = query.shape;
    const Lk = context.shape[1];
    const h = p.heads;
    const dh = D / h;
    const q = linear(query, p.q); // [B, Lq, D]: head j is columns j·dh … (j + 1)·dh − 1
    const k = linear(context, p.k); // [B, Lk, D]
    const v = linear(context, p.v);
    // Where the backend has the per-head product kernel (native-blas: lib/backend/kernels/headMatMul.ts), the heads
    // are read and written in place in the projections' columns: no head Transposes, forward or backward.
    const scoresFused = headMatMul(q, k, { heads: h, transposeA: false, transposeB: true, aCols: true, bCols: true, outCols: false });
    if (scoresFused) {
      const weights = tf.softmax(tf.mul(scoresFused, 1 / Math.sqrt(dh))) as tf.Tensor4D; // [B, h, Lq, Lk]
      const merged = headMatMul(weights, v, { heads: h, transposeA: false, transposeB: false, aCols: false, bCols: true, outCols: true }) as tf.Tensor3D; // [B, Lq, D]
      return { S: linear(merged, p.o) as tf.Tensor3D, weights };
    }
    const split = (x: tf.Tensor, L: number) => tf.reshape(x, [B, L, h, dh]);
    const Q = tf.transpose(split(q, Lq), [0, 2, 1, 3]); // [B, h, Lq, dh]
    // Kᵀ is made by the head transpose itself, so the score product is a plain (untransposed) BatchMatMul.
    const Kt = tf.transpose(split(k, Lk), [0, 2, 3, 1]); // [B, h, dh, Lk]
    const V = tf.transpose(split(v, Lk), [0, 2, 1, 3]); // [B, h, Lk, dh]
    const scores = tf.mul(tf.matMul(Q, Kt), 1 / Math.sqrt(dh)); // [B, h, Lq, Lk]
    const weights = tf.softmax(scores) as tf.Tensor4D; // rows sum to 1 over Lk
    const heads = tf.matMul(weights, V); // [B, h, Lq, dh]
    const merged = tf.reshape(tf.transpose(heads, [0, 2, 1, 3]), [B, Lq, D]); // [B, Lq, D]
    const S = linear(merged, p.o) as tf.Tensor3D; // [B, Lq, D]
    return { S, weights };
  });
}

/**
 * (C2) One stage of CIE over all modalities: tokens[m] = P_m^s. With `attn` null (CIE off, or a single
 * modality with nothing to attend to) the completed tokens are P itself.
 */
export function cieStage(
  tokens: tf.Tensor3D[],
  attn: CrossAttention[] | null,
): { completed: tf.Tensor3D[]; attention: (tf.Tensor4D | null)[] } {
  if (!attn) return { completed: tokens.slice(), attention: tokens.map(() => null) };
  const completed: tf.Tensor3D[] = [];
  const attention: tf.Tensor4D[] = [];
  tokens.forEach((P, m) => {
    const others = tokens.filter((_, j) => j !== m);
    const context = others.length === 1 ? others[0] : (tf.concat(others, 1) as tf.Tensor3D); // [B, Σ_{m'≠m} L_m', D]
    const { S, weights } = crossAttention(P, context, attn[m]);
    completed.push(tf.concat([P, S], 1) as tf.Tensor3D); // [B, 2L_m, D]  [P ; S]
    attention.push(weights);
  });
  return { completed, attention };
}
