import * as tf from '@tensorflow/tfjs';
import type { ChannelNorm } from '../layers';
import type { EncoderParams } from '../types';
import { layerNorm, makeLayerNorm } from './torchLayers';

/**
 * timm's PatchEmbed: a p×p convolution of stride p (non-overlapping patches) to C channels, then LayerNorm,
 * output channels last [B, H/p, W/p, C]. The kernel keeps PyTorch's layout [C, C_in, p, p]
 * (`patch_embed.proj.weight`) and is transposed to tfjs' [p, p, C_in, C] in the forward pass.
 */
export interface PatchEmbed {
  weight: tf.Variable; // [C, C_in, p, p]
  bias: tf.Variable; // [C]
  norm: ChannelNorm;
  patch: number;
}

export function makePatchEmbed(p: EncoderParams, key: string, inChannels: number, channels: number, patch: number): PatchEmbed {
  const fanIn = inChannels * patch * patch; // nn.Conv2d's default initialisation (timm leaves it)
  return {
    weight: p.add(`${key}/proj/weight`, [channels, inChannels, patch, patch], { kind: 'uniform', fanIn }),
    bias: p.add(`${key}/proj/bias`, [channels], { kind: 'uniform', fanIn }),
    norm: makeLayerNorm(p, `${key}/norm`, channels),
    patch,
  };
}

/** [B, H, W, C_in] → [B, H/p, W/p, C]. */
export function patchEmbed(x: tf.Tensor4D, e: PatchEmbed): tf.Tensor4D {
  const kernel = tf.transpose(e.weight, [2, 3, 1, 0]) as tf.Tensor4D; // [p, p, C_in, C]
  const y = tf.add(tf.conv2d(x, kernel, e.patch, 'valid'), e.bias);
  return layerNorm(y, e.norm) as tf.Tensor4D;
}
