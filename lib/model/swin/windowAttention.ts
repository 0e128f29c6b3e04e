import * as tf from '@tensorflow/tfjs';
import type { EncoderParams } from '../types';
import { makeTorchLinear, torchLinear, type TorchLinear } from './torchLayers';

/**
 * Window multi-head self-attention with a relative position bias (timm's WindowAttention), on windows
 * [B·nW, N, C], N = wh·ww:
 *   q, k, v = split(x W_qkvᵀ + b) into heads;  A = softmax(q kᵀ/√d + bias + mask);  y = (A v) W_projᵀ + b.
 * The bias of the pair (i, j) is a learnt table entry per head, indexed by their relative offset
 * (Δrow, Δcol) ∈ (−wh, wh) × (−ww, ww): `relative_position_bias_table` [(2wh−1)(2ww−1), heads].
 */
export interface WindowAttention {
  qkv: TorchLinear;
  proj: TorchLinear;
  table: tf.Variable; // [(2wh−1)(2ww−1), heads]
  heads: number;
  window: [number, number];
  /** Row of the table for each token pair (i, j) of a window, i-major: [N·N]. */
  index: Int32Array;
}

/** timm's `get_relative_position_index`: (Δrow + wh − 1)·(2ww − 1) + (Δcol + ww − 1) for tokens i, j (row-major). */
export function relativePositionIndex(wh: number, ww: number): Int32Array {
  const N = wh * ww;
  const index = new Int32Array(N * N);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const dr = Math.floor(i / ww) - Math.floor(j / ww) + wh - 1;
      const dc = (i % ww) - (j % ww) + ww - 1;
      index[i * N + j] = dr * (2 * ww - 1) + dc;
    }
  }
  return index;
}

export function makeWindowAttention(p: EncoderParams, key: string, dim: number, heads: number, window: [number, number]): WindowAttention {
  const [wh, ww] = window;
  return {
    table: p.add(`${key}/relative_position_bias_table`, [(2 * wh - 1) * (2 * ww - 1), heads], { kind: 'normal', std: 0.02 }),
    qkv: makeTorchLinear(p, `${key}/qkv`, dim, 3 * dim),
    proj: makeTorchLinear(p, `${key}/proj`, dim, dim),
    heads,
    window,
    index: relativePositionIndex(wh, ww),
  };
}

/** The bias of every head and token pair, [heads, N, N]. */
export function relativePositionBias(a: WindowAttention): tf.Tensor3D {
  const N = a.window[0] * a.window[1];
  const gathered = tf.gather(a.table, tf.tensor1d(a.index, 'int32')); // [N·N, heads]
  return tf.transpose(tf.reshape(gathered, [N, N, a.heads]), [2, 0, 1]) as tf.Tensor3D;
}

/**
 * x: windows [B·nW, N, C]; mask: [nW, N, N] additive (shifted blocks) or null. Returns [B·nW, N, C].
 */
export function windowAttention(x: tf.Tensor3D, a: WindowAttention, mask: tf.Tensor3D | null): tf.Tensor3D {
  const [Bw, N, C] = x.shape;
  const h = a.heads;
  const d = C / h;
  const heads = (t: tf.Tensor) => tf.transpose(tf.reshape(t, [Bw, N, h, d]), [0, 2, 1, 3]) as tf.Tensor4D; // [B·nW, h, N, d]
  const [q, k, v] = tf.split(torchLinear(x, a.qkv), 3, 2).map(heads); // timm's qkv layout: [q | k | v], each head-major
  let scores = tf.matMul(tf.mul(q, 1 / Math.sqrt(d)), k, false, true) as tf.Tensor4D; // [B·nW, h, N, N]
  const bias = relativePositionBias(a); // [h, N, N]
  if (mask) {
    const nW = mask.shape[0];
    const biasMask = tf.reshape(tf.add(tf.expandDims(bias, 0), tf.expandDims(mask, 1)), [nW * h, N, N]); // [nW·h, N, N]
    scores = tf.reshape(tf.add(tf.reshape(scores, [Bw / nW, nW * h, N, N]), biasMask), [Bw, h, N, N]) as tf.Tensor4D;
  } else {
    scores = tf.add(scores, bias);
  }
  const out = tf.matMul(tf.softmax(scores), v); // [B·nW, h, N, d]
  return torchLinear(tf.reshape(tf.transpose(out, [0, 2, 1, 3]), [Bw, N, C]), a.proj) as tf.Tensor3D;
}
