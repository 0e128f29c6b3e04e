/**
 * Small stand-ins for cfcml's networks, written with plain tfjs ops, for benchmarking and testing the
 * backend: a two-image 2D CNN + cross-attention classifier with a tabular embedding, and a 3D CNN.
 * They exercise every op family the real models use (conv, batch/group/layer norm, pooling, resize,
 * pad, gather, batched matmul, softmax, cross-entropy) — not the real architecture.
 *
 * `scripts/bench/step_torch.py` builds the same 2D network in PyTorch for the timing comparison.
 */
import * as tf from '@tensorflow/tfjs';
export interface Net2dOptions {
    /** Images per batch. Default 32 (the paper's batch size). */
    batch: number;
    /** Height = width of each of the two grey-scale images. Default 64. */
    size: number;
    /** Channels of the three conv blocks. Default [16, 32, 64]. */
    channels: [number, number, number];
    /** Attention heads (model width is channels[2]). Default 4. */
    heads: number;
    /** Tabular fields (each an id into its own vocabulary of `vocab`). Default 8 fields, 10 values. */
    fields: number;
    vocab: number;
    /** Output classes. Default 3. */
    classes: number;
    /** Groups of the group norm in block 2. Default 8. */
    groups: number;
}
export declare const NET2D_DEFAULTS: Net2dOptions;
export type Params = Record<string, tf.Variable>;
/** Parameters of the 2D network, drawn from `seed`. */
export declare function initNet2d(seed: number, o?: Net2dOptions): Params;
export interface Batch2d {
    a: tf.Tensor4D;
    b: tf.Tensor4D;
    tab: tf.Tensor2D;
    labels: tf.Tensor2D;
}
/** A random batch drawn from `seed`. */
export declare function randomBatch2d(seed: number, o?: Net2dOptions): Batch2d;
/** Mean softmax cross-entropy of the 2D network on a batch (a scalar). */
export declare function loss2d(p: Params, x: Batch2d, o?: Net2dOptions): tf.Scalar;
export interface Net3dOptions {
    batch: number;
    /** Depth = height = width of the volume. Default 16. */
    size: number;
    channels: [number, number];
    classes: number;
}
export declare const NET3D_DEFAULTS: Net3dOptions;
export declare function initNet3d(seed: number, o?: Net3dOptions): Params;
/** Mean softmax cross-entropy of the 3D network on volumes [B, S, S, S, 1]. */
export declare function loss3d(p: Params, x: tf.Tensor5D, labels: tf.Tensor2D): tf.Scalar;
