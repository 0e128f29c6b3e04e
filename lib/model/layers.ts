import * as tf from '@tensorflow/tfjs';
import { fusedChannelNorm } from '../backend/kernels/channelNorm';
import { fusedLinear } from '../backend/kernels/linear';
import { fusedTokenTaps } from '../backend/kernels/tokenTaps';
import type { ParamStore, WeightGroup } from './params';

/**
 * The few primitive layers the model is built from, as plain functions of tensors and variables.
 * Plain ops (no tfjs-layers) keep the op count per step small and every weight's key under our control.
 */

export interface Linear {
  w: tf.Variable; // [in, out]
  b: tf.Variable; // [out]
}

/** A Linear(in → out) with PyTorch's default initialisation. */
export function makeLinear(store: ParamStore, key: string, inDim: number, outDim: number, group: WeightGroup): Linear {
  return {
    w: store.add(`${key}/kernel`, [inDim, outDim], { kind: 'uniform', fanIn: inDim }, group),
    b: store.add(`${key}/bias`, [outDim], { kind: 'uniform', fanIn: inDim }, group),
  };
}

/** y = x W + b over the last axis of an input of any rank. */
export function linear(x: tf.Tensor, p: Linear): tf.Tensor {
  const inDim = p.w.shape[0] as number;
  const outDim = p.w.shape[1] as number;
  const flat = tf.reshape(x, [-1, inDim]) as tf.Tensor2D; // [*, in]
  // One kernel (bias folded into the product) where the backend has it (wasm: lib/backend/kernels/linear.ts).
  const y = fusedLinear(flat, p.w, p.b) ?? tf.add(tf.matMul(flat, p.w), p.b); // [*, out]
  return tf.reshape(y, [...x.shape.slice(0, -1), outDim]);
}

export interface ChannelNorm {
  gamma: tf.Variable; // [C]
  beta: tf.Variable; // [C]
}

export function makeChannelNorm(store: ParamStore, key: string, channels: number, group: WeightGroup): ChannelNorm {
  return {
    gamma: store.add(`${key}/gamma`, [channels], { kind: 'ones' }, group),
    beta: store.add(`${key}/beta`, [channels], { kind: 'zeros' }, group),
  };
}

/**
 * Layer normalisation over the channel axis at each position (as in ConvNeXt): a fused kernel on wasm, plain ops
 * elsewhere.
 * It replaces batch-norm: no running statistics, so training and evaluation compute the same function,
 * results do not depend on the batch, and it avoids the fused batch-norm gradient (slow Tile on wasm).
 */
export function channelNorm(x: tf.Tensor, p: { gamma: tf.Tensor; beta: tf.Tensor }, eps = 1e-5): tf.Tensor {
  return tf.tidy(() => {
    const C = x.shape[x.rank - 1];
    // On the 2D view [positions, C]: the γ/β gradients are then a sum over axis 0 of a matrix, which the wasm
    // backend does far faster than the same sum over the first four axes of a 5D volume tensor.
    const x2 = tf.reshape(x, [-1, C]); // [P, C]
    // One kernel each way where the backend has it (wasm: lib/backend/kernels/channelNorm.ts), same function.
    const fused = fusedChannelNorm(x2, p.gamma, p.beta, eps);
    if (fused) return tf.reshape(fused, x.shape);
    const mean = tf.mean(x2, 1, true); // [P, 1]
    const centred = tf.sub(x2, mean);
    const variance = tf.mean(tf.square(centred), 1, true); // [P, 1]
    const y = tf.add(tf.mul(tf.mul(centred, tf.rsqrt(tf.add(variance, eps))), p.gamma), p.beta); // [P, C]
    return tf.reshape(y, x.shape);
  });
}

export interface TokenConv {
  kernel: tf.Variable; // [3, N_in, N_out]
  bias: tf.Variable; // [N_out]
}

/** Conv1d over the token axis, N_in → N_out channels, kernel 3 (PyTorch default initialisation). */
export function makeTokenConv(store: ParamStore, key: string, nIn: number, nOut: number, group: WeightGroup): TokenConv {
  return {
    kernel: store.add(`${key}/kernel`, [3, nIn, nOut], { kind: 'uniform', fanIn: 3 * nIn }, group),
    bias: store.add(`${key}/bias`, [nOut], { kind: 'uniform', fanIn: 3 * nIn }, group),
  };
}

/**
 * The authors' `nn.Conv1d(N_in, N_out, kernel_size=3, padding=1)` applied to tokens [B, N_in, D]: the tokens
 * are the channels and the width axis D is the convolved "length", so
 *   out[b, l, d] = bias[l] + Σ_k Σ_n W[k, n, l] · x[b, n, d + k − 1]   (zero outside 0..D−1).
 * Written as one plain matmul on the big side: Y = xᵀ W_all with xᵀ [B·D, N_in] and W_all [N_in, 3·N_out]
 * (the three taps side by side), then the shift is applied to the small Y [B, D, 3·N_out]:
 *   out[b, l, d] = bias[l] + Σ_k Y[b, d + k − 1, k·N_out + l].
 * On wasm the shift, the sum, the bias and the final transpose are one kernel each way (tokenTaps.ts).
 * Same numbers as tf.conv1d(xᵀ, W, 1, 'same') (tested), but the gradient is matmuls and a few small slices,
 * where conv1d's filter gradient (Conv2DBackpropFilter) is very slow on the cpu backend, and shifting the
 * input instead (im2col) would copy the N_in ≈ 10³ stage-1 tokens three times.
 * Kernel layout [3, N_in, N_out] is PyTorch's weight [N_out, N_in, 3] transposed (2, 1, 0).
 */
export function tokenConv(x: tf.Tensor3D, p: { kernel: tf.Tensor; bias: tf.Tensor }): tf.Tensor3D {
  return tf.tidy(() => {
    const [B, N, D] = x.shape;
    const xT = tf.reshape(tf.transpose(x, [0, 2, 1]), [B * D, N]) as tf.Tensor2D; // [B·D, N_in]
    return tokenConvRows(xT, B, D, false, p);
  });
}

/**
 * tokenConv from its input already transposed: xᵀ as rows [B·D, N_in], row b·D + d, or (`dMajor`) row d·B + b
 * (the image compression computes its projection that way round, with BLAS transpose flags, so that the tokens are
 * never transposed as a tensor, forward or backward).
 */
export function tokenConvRows(xT: tf.Tensor2D, B: number, D: number, dMajor: boolean, p: { kernel: tf.Tensor; bias: tf.Tensor }): tf.Tensor3D {
  return tf.tidy(() => {
    const N = xT.shape[1];
    const L = p.kernel.shape[2] as number;
    const W = tf.reshape(tf.transpose(p.kernel, [1, 0, 2]), [N, 3 * L]); // [N_in, 3·N_out], column k·N_out + l
    const product = tf.reshape(tf.matMul(xT, W), dMajor ? [D, B, 3 * L] : [B, D, 3 * L]) as tf.Tensor3D;
    // The shift, sum, bias and transpose in one kernel each way where the backend has it (wasm:
    // lib/backend/kernels/tokenTaps.ts); the same function as the plain ops below.
    const fused = fusedTokenTaps(product, p.bias, dMajor);
    if (fused) return fused;
    const Y = tf.pad(dMajor ? tf.transpose(product, [1, 0, 2]) : product, [[0, 0], [1, 1], [0, 0]]); // [B, D + 2, 3·N_out]
    const taps = [0, 1, 2].map((k) => tf.slice(Y, [0, k, k * L], [B, D, L])); // tap k at d + k − 1: [B, D, N_out]
    const y = tf.add(tf.addN(taps), p.bias); // [B, D, N_out]
    return tf.transpose(y, [0, 2, 1]) as tf.Tensor3D; // [B, N_out, D]
  });
}

/** Dropout that is the identity outside training and reproducible inside it (seeded mask). */
export function dropout<T extends tf.Tensor>(x: T, rate: number, training: boolean, seed: number): T {
  if (!training || rate <= 0) return x;
  return tf.dropout(x, rate, undefined, seed) as T;
}
