import * as tf from '@tensorflow/tfjs';
import type { ImageEncoderFactory } from './types';
/**
 * The built-in four-stage residual image encoder, 2D (colour images, NHWC) or 3D (volumes, NDHWC).
 *
 *   stage 1: stem  = patchify conv (kernel = stride = `stemStride`) + norm, then `blocksPerStage` blocks
 *   stage s: down  = conv 2×2(×2) stride 2 + norm (Swin's patch merging as a conv), then the blocks
 *   block:   y = ReLU(x + norm(conv3(ReLU(norm(conv3(x))))))          (ResNet basic block, identity shortcut)
 *
 * Departures from the authors: they use a pretrained Swin-T (Derm7pt, stride-4 patches like our stem) and a
 * ResNet+Mamba per MRI sequence, and train only Derm7pt's stage 4; here every stage is trained from scratch.
 * The normalisation is LayerNorm over channels (no running statistics: train = eval, batch-independent).
 * 2D inputs in [0, 1] are centred and scaled to (x − 0.5)·4 before the stem (see `apply`).
 * Convolutions followed by a norm have no bias.
 */
export interface ResidualEncoderOptions {
    /** Residual blocks per stage (depth). Default 1: the `cpu` preset trains in minutes on 2 cores. */
    blocksPerStage?: number;
    /**
     * Stem stride per spatial axis (kernel = stride). Default [4, 4] for 2D (Swin-T's patch size) and
     * [2, 4, 4] for 3D (MRI volumes have few slices, so depth is downsampled less).
     */
    stemStride?: readonly number[];
}
/** A factory for the built-in encoder; it builds a 2D or 3D one to match the modality's `kind`. */
export declare function residualEncoder(opts?: ResidualEncoderOptions): ImageEncoderFactory;
/**
 * Wrap a tfjs LayersModel with four outputs (the stage maps, channels last) as an encoder, e.g. a pretrained
 * backbone loaded with tf.loadLayersModel. Its trainable weights join the model under `encoderN/<weight name>`;
 * the wrapped model stays owned by the caller (not disposed with the CFCML model).
 */
export declare function layersModelEncoder(model: tf.LayersModel): ImageEncoderFactory;
