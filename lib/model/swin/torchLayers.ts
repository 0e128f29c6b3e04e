import * as tf from '@tensorflow/tfjs';
import { channelNorm, type ChannelNorm } from '../layers';
import type { EncoderParams } from '../types';

/**
 * Linear and LayerNorm with PyTorch's weight layout and timm's names, so that a timm state dict loads by
 * name without reshaping: `<key>/weight` [out, in] and `<key>/bias` [out] (nn.Linear), `<key>/weight` and
 * `<key>/bias` [C] (nn.LayerNorm, ε = 1e-5). Initialisation as timm's `init_weights_vit_timm`: Linear weights
 * N(0, 0.02²) (timm truncates at ±2σ, a difference of no consequence for a random start), zero biases, unit
 * LayerNorm.
 */
export interface TorchLinear {
  weight: tf.Variable; // [out, in]
  bias: tf.Variable | null; // [out]
}

export function makeTorchLinear(p: EncoderParams, key: string, inDim: number, outDim: number, bias = true): TorchLinear {
  return {
    weight: p.add(`${key}/weight`, [outDim, inDim], { kind: 'normal', std: 0.02 }),
    bias: bias ? p.add(`${key}/bias`, [outDim], { kind: 'zeros' }) : null,
  };
}

/** y = x Wᵀ + b over the last axis of an input of any rank. */
export function torchLinear(x: tf.Tensor, l: TorchLinear): tf.Tensor {
  const [outDim, inDim] = l.weight.shape as [number, number];
  const y = tf.matMul(tf.reshape(x, [-1, inDim]) as tf.Tensor2D, l.weight as tf.Tensor2D, false, true); // [*, out]
  return tf.reshape(l.bias ? tf.add(y, l.bias) : y, [...x.shape.slice(0, -1), outDim]);
}

/** nn.LayerNorm(C) as timm names it; the computation is the project's channelNorm (same ε). */
export function makeLayerNorm(p: EncoderParams, key: string, channels: number): ChannelNorm {
  return { gamma: p.add(`${key}/weight`, [channels], { kind: 'ones' }), beta: p.add(`${key}/bias`, [channels], { kind: 'zeros' }) };
}

export const layerNorm = channelNorm;

/** nn.GELU(): the exact form x·Φ(x) = x/2 · (1 + erf(x/√2)), not the tanh approximation. */
export function gelu(x: tf.Tensor): tf.Tensor {
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.erf(tf.mul(x, Math.SQRT1_2)), 1));
}
