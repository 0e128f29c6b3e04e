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
    weight: tf.Variable;
    bias: tf.Variable | null;
}
export declare function makeTorchLinear(p: EncoderParams, key: string, inDim: number, outDim: number, bias?: boolean): TorchLinear;
/** y = x Wᵀ + b over the last axis of an input of any rank. */
export declare function torchLinear(x: tf.Tensor, l: TorchLinear): tf.Tensor;
/** nn.LayerNorm(C) as timm names it; the computation is the project's channelNorm (same ε). */
export declare function makeLayerNorm(p: EncoderParams, key: string, channels: number): ChannelNorm;
export declare const layerNorm: typeof channelNorm;
/** nn.GELU(): the exact form x·Φ(x) = x/2 · (1 + erf(x/√2)), not the tanh approximation. */
export declare function gelu(x: tf.Tensor): tf.Tensor;
