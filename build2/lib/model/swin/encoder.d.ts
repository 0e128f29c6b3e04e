import type { ImageEncoderFactory } from '../types';
import { type SwinOptions } from './config';
/** ImageNet's per-channel mean and standard deviation (timm's IMAGENET_DEFAULT_MEAN / _STD), RGB. */
export declare const IMAGENET_MEAN: readonly [0.485, 0.456, 0.406];
export declare const IMAGENET_STD: readonly [0.229, 0.224, 0.225];
/**
 * A Swin Transformer image encoder (timm's SwinTransformer without its head) as a pluggable ImageEncoder.
 * Its four stage maps, channels last [B, h_s, w_s, C_s], are the outputs of timm's `layers.0`–`layers.2` and,
 * for stage 4, of `forward_features` (`layers.3`, then the final LayerNorm `norm`): the features timm's
 * classifier pools. Weight keys are timm's state-dict names with `/` for `.` (`layers/1/blocks/0/attn/qkv/weight`),
 * in PyTorch's layouts, so a timm file loads by name (lib/model/swin/weights.ts).
 *
 * Inputs are RGB in [0, 1], normalised here with ImageNet's mean and std, as timm's pretrained Swin expects.
 * Stage s of `freezeStages` holds `patch_embed` (stage 1), `layers.{s−1}` (its patch merging and blocks) and,
 * for stage 4, `norm`.
 */
export declare function swinEncoder(options?: Partial<SwinOptions>): ImageEncoderFactory;
/** The stage (0-based) of a Swin weight key. */
export declare function swinStageOf(key: string): number;
