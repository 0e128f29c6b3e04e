import * as tf from '@tensorflow/tfjs';
import type { ChannelNorm } from '../layers';
import type { EncoderParams } from '../types';
import { type TorchLinear } from './torchLayers';
import { type WindowAttention } from './windowAttention';
import type { StageGeometry } from './config';
/**
 * One Swin block (timm's SwinTransformerBlock), on a token grid [B, H, W, C]:
 *   x ← x + SW-MSA(LN₁(x))         (cyclic shift, pad to whole windows, window attention, undo both)
 *   x ← x + FC₂(GELU(FC₁(LN₂(x))))  (MLP, hidden width mlpRatio·C)
 * Even blocks of a stage use plain windows (W-MSA), odd blocks shifted ones. No stochastic depth: training
 * and evaluation compute the same function.
 */
export interface SwinBlock {
    norm1: ChannelNorm;
    attn: WindowAttention;
    norm2: ChannelNorm;
    fc1: TorchLinear;
    fc2: TorchLinear;
    window: [number, number];
    shift: [number, number];
    /** The shifted block's attention mask on the padded grid (null without a shift). */
    mask: {
        data: Float32Array;
        shape: [number, number, number];
    } | null;
}
export declare function makeSwinBlock(p: EncoderParams, key: string, dim: number, heads: number, mlpRatio: number, geometry: StageGeometry, shifted: boolean): SwinBlock;
export declare function swinBlock(x: tf.Tensor4D, b: SwinBlock): tf.Tensor4D;
