import * as tf from '@tensorflow/tfjs';
import { type SafetensorsFile } from '../../util/safetensors';
import type { CFCMLModel } from '../types';
/**
 * Pretrained Swin weights from a timm state dict in safetensors form (the `model.safetensors` of the Hugging
 * Face hub model `timm/swin_tiny_patch4_window7_224.ms_in1k`), by timm's names. The classification head
 * (`head.*`) is skipped, as are the buffers older timm files carry and timm itself drops on load
 * (`relative_position_index`, `attn_mask`). Every other tensor must match one encoder weight by name and
 * shape; otherwise nothing is assigned and one error lists what is missing, unexpected and mis-shaped.
 */
/** timm names that are not encoder weights: the classifier and recomputed buffers. */
export declare function isSkippedTimmName(name: string): boolean;
/** The timm name of an encoder weight key (`layers/0/blocks/1/attn/qkv/weight` → `layers.0.blocks.1.attn.qkv.weight`). */
export declare function timmName(encoderKey: string): string;
export interface NamedVariable {
    /** timm's name. */
    name: string;
    variable: tf.Variable;
}
/**
 * Assign `targets` from the file's tensors of the same names. `expected` says, for the error, what file
 * would fit (e.g. "timm's swin_tiny_patch4_window7_224 state dict").
 */
export declare function assignTimmWeights(file: SafetensorsFile, targets: readonly NamedVariable[], expected: string): void;
/**
 * Load a timm Swin state dict (safetensors) into every image encoder of `model` (one shared, or one per
 * modality: each gets the same weights). `expected` describes the configuration for the error message.
 */
export declare function loadSwinWeights(model: CFCMLModel, path: string, expected: string): void;
