import * as tf from '@tensorflow/tfjs';
import type { ChannelNorm } from '../layers';
import type { EncoderParams } from '../types';
/**
 * timm's PatchEmbed: a p×p convolution of stride p (non-overlapping patches) to C channels, then LayerNorm,
 * output channels last [B, H/p, W/p, C]. The kernel keeps PyTorch's layout [C, C_in, p, p]
 * (`patch_embed.proj.weight`) and is transposed to tfjs' [p, p, C_in, C] in the forward pass.
 */
export interface PatchEmbed {
    weight: tf.Variable;
    bias: tf.Variable;
    norm: ChannelNorm;
    patch: number;
}
export declare function makePatchEmbed(p: EncoderParams, key: string, inChannels: number, channels: number, patch: number): PatchEmbed;
/** [B, H, W, C_in] → [B, H/p, W/p, C]. */
export declare function patchEmbed(x: tf.Tensor4D, e: PatchEmbed): tf.Tensor4D;
