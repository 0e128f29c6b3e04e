import * as tf from '@tensorflow/tfjs';
import type { ParamStore, WeightGroup } from './params';
/**
 * The few primitive layers the model is built from, as plain functions of tensors and variables.
 * Plain ops (no tfjs-layers) keep the op count per step small and every weight's key under our control.
 */
export interface Linear {
    w: tf.Variable;
    b: tf.Variable;
}
/** A Linear(in → out) with PyTorch's default initialisation. */
export declare function makeLinear(store: ParamStore, key: string, inDim: number, outDim: number, group: WeightGroup): Linear;
/** y = x W + b over the last axis of an input of any rank. */
export declare function linear(x: tf.Tensor, p: Linear): tf.Tensor;
export interface ChannelNorm {
    gamma: tf.Variable;
    beta: tf.Variable;
}
export declare function makeChannelNorm(store: ParamStore, key: string, channels: number, group: WeightGroup): ChannelNorm;
/**
 * Layer normalisation over the channel axis at each position (as in ConvNeXt), written with plain ops.
 * It replaces batch-norm: no running statistics, so training and evaluation compute the same function,
 * results do not depend on the batch, and it avoids the fused batch-norm gradient (slow Tile on wasm).
 */
export declare function channelNorm(x: tf.Tensor, p: ChannelNorm, eps?: number): tf.Tensor;
export interface TokenConv {
    kernel: tf.Variable;
    bias: tf.Variable;
}
/** Conv1d over the token axis, N_in → N_out channels, kernel 3 (PyTorch default initialisation). */
export declare function makeTokenConv(store: ParamStore, key: string, nIn: number, nOut: number, group: WeightGroup): TokenConv;
/**
 * The authors' `nn.Conv1d(N_in, N_out, kernel_size=3, padding=1)` applied to tokens [B, N_in, D]: the tokens
 * are the channels and the width axis D is the convolved "length", so
 *   out[b, l, d] = bias[l] + Σ_k Σ_n W[k, n, l] · x[b, n, d + k − 1]   (zero outside 0..D−1).
 * Written as one plain matmul on the big side: Y = xᵀ W_all with xᵀ [B·D, N_in] and W_all [N_in, 3·N_out]
 * (the three taps side by side), then the shift is applied to the small Y [B, D, 3·N_out]:
 *   out[b, l, d] = bias[l] + Σ_k Y[b, d + k − 1, k·N_out + l].
 * Same numbers as tf.conv1d(xᵀ, W, 1, 'same') (tested), but the gradient is matmuls and a few small slices,
 * where conv1d's filter gradient (Conv2DBackpropFilter) is very slow on the cpu backend, and shifting the
 * input instead (im2col) would copy the N_in ≈ 10³ stage-1 tokens three times.
 * Kernel layout [3, N_in, N_out] is PyTorch's weight [N_out, N_in, 3] transposed (2, 1, 0).
 */
export declare function tokenConv(x: tf.Tensor3D, p: TokenConv): tf.Tensor3D;
/** Dropout that is the identity outside training and reproducible inside it (seeded mask). */
export declare function dropout<T extends tf.Tensor>(x: T, rate: number, training: boolean, seed: number): T;
