import * as tf from '@tensorflow/tfjs';
import type { EncoderParams } from '../types';
import { type TorchLinear } from './torchLayers';
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
    table: tf.Variable;
    heads: number;
    window: [number, number];
    /** Row of the table for each token pair (i, j) of a window, i-major: [N·N]. */
    index: Int32Array;
}
/** timm's `get_relative_position_index`: (Δrow + wh − 1)·(2ww − 1) + (Δcol + ww − 1) for tokens i, j (row-major). */
export declare function relativePositionIndex(wh: number, ww: number): Int32Array;
export declare function makeWindowAttention(p: EncoderParams, key: string, dim: number, heads: number, window: [number, number]): WindowAttention;
/** The bias of every head and token pair, [heads, N, N]. */
export declare function relativePositionBias(a: WindowAttention): tf.Tensor3D;
/**
 * x: windows [B·nW, N, C]; mask: [nW, N, N] additive (shifted blocks) or null. Returns [B·nW, N, C].
 */
export declare function windowAttention(x: tf.Tensor3D, a: WindowAttention, mask: tf.Tensor3D | null): tf.Tensor3D;
