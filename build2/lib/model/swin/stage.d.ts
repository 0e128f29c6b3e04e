import * as tf from '@tensorflow/tfjs';
import type { EncoderParams } from '../types';
import { type SwinBlock } from './block';
import type { StageGeometry } from './config';
import { type PatchMerging } from './patchMerging';
/**
 * One Swin stage (timm's SwinTransformerStage): patch merging first (stages 2–4; stage 1 follows the patch
 * embedding), then `depth` blocks alternating plain and shifted windows.
 */
export interface SwinStage {
    downsample: PatchMerging | null;
    blocks: SwinBlock[];
}
export declare function makeSwinStage(p: EncoderParams, key: string, inDim: number, dim: number, depth: number, heads: number, mlpRatio: number, geometry: StageGeometry, downsample: boolean): SwinStage;
/** [B, H, W, C_in] → [B, h, w, C]. */
export declare function swinStage(x: tf.Tensor4D, s: SwinStage): tf.Tensor4D;
