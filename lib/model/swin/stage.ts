import * as tf from '@tensorflow/tfjs';
import type { EncoderParams } from '../types';
import { makeSwinBlock, swinBlock, type SwinBlock } from './block';
import type { StageGeometry } from './config';
import { makePatchMerging, patchMerging, type PatchMerging } from './patchMerging';

/**
 * One Swin stage (timm's SwinTransformerStage): patch merging first (stages 2–4; stage 1 follows the patch
 * embedding), then `depth` blocks alternating plain and shifted windows.
 */
export interface SwinStage {
  downsample: PatchMerging | null;
  blocks: SwinBlock[];
}

export function makeSwinStage(
  p: EncoderParams,
  key: string,
  inDim: number,
  dim: number,
  depth: number,
  heads: number,
  mlpRatio: number,
  geometry: StageGeometry,
  downsample: boolean,
): SwinStage {
  return {
    downsample: downsample ? makePatchMerging(p, `${key}/downsample`, inDim, dim) : null,
    blocks: Array.from({ length: depth }, (_, i) => makeSwinBlock(p, `${key}/blocks/${i}`, dim, heads, mlpRatio, geometry, i % 2 === 1)),
  };
}

/** [B, H, W, C_in] → [B, h, w, C]. */
export function swinStage(x: tf.Tensor4D, s: SwinStage): tf.Tensor4D {
  let h = s.downsample ? patchMerging(x, s.downsample) : x;
  // One tidy per block: only what the gradient tape saved outlives it, not every intermediate of the stage.
  for (const b of s.blocks) h = tf.tidy(() => swinBlock(h, b));
  return h;
}
