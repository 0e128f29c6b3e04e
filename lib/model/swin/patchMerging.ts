import * as tf from '@tensorflow/tfjs';
import type { ChannelNorm } from '../layers';
import type { EncoderParams } from '../types';
import { layerNorm, makeLayerNorm, makeTorchLinear, torchLinear, type TorchLinear } from './torchLayers';

/**
 * timm's PatchMerging: each 2×2 block of tokens becomes one token of 4C channels, LayerNorm, then a Linear
 * without bias to C_out: [B, H, W, C] → [B, H/2, W/2, C_out]. The 4C channels are ordered (column offset,
 * row offset, channel), as timm's `permute(0, 1, 3, 4, 2, 5)` lays them out; pretrained reductions depend on it.
 */
export interface PatchMerging {
  norm: ChannelNorm;
  reduction: TorchLinear;
}

export function makePatchMerging(p: EncoderParams, key: string, inDim: number, outDim: number): PatchMerging {
  return { norm: makeLayerNorm(p, `${key}/norm`, 4 * inDim), reduction: makeTorchLinear(p, `${key}/reduction`, 4 * inDim, outDim, false) };
}

export function patchMerging(x: tf.Tensor4D, m: PatchMerging): tf.Tensor4D {
  const [B, H, W, C] = x.shape;
  const blocks = tf.transpose(tf.reshape(x, [B, H / 2, 2, W / 2, 2, C]), [0, 1, 3, 4, 2, 5]); // [B, H/2, W/2, 2 (col), 2 (row), C]
  return torchLinear(layerNorm(tf.reshape(blocks, [B, H / 2, W / 2, 4 * C]), m.norm), m.reduction) as tf.Tensor4D;
}
