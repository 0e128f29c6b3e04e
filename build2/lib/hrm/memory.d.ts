/**
 * Prototypes kept across batches: an exponential moving average (EMA) of the per-batch prototypes
 * (H1), (H2), on the unit sphere. Not part of the paper (its prototypes live for one batch); off unless a
 * `PrototypeMemory` is passed to `hrmLosses`. Also the way for a notebook to watch prototypes move:
 * `update` after each step, read `snapshot()` or `history`.
 *
 * The rule, for a class present in the batch: m ← normalize(β·m + (1 − β)·p_batch); the first time a
 * class is seen, m ← p_batch. A class absent from the batch keeps its stored value.
 * Storage is on the host (Float32Array), so the memory owns no tensors and cannot leak any.
 */
import * as tf from '@tensorflow/tfjs';
export interface PrototypeMemoryOptions {
    /** EMA momentum β ∈ [0, 1): the weight of the stored prototype. Default 0.9. */
    momentum?: number;
    /** Keep a copy of the prototypes after every `update` in `history` (for plots). Default false. */
    keepHistory?: boolean;
}
export declare const PROTOTYPE_MEMORY_DEFAULTS: Required<PrototypeMemoryOptions>;
/** One stored state, as plain arrays: unimodal [M][C][D], crossmodal [C][D], seen [C]. */
export interface PrototypeSnapshot {
    step: number;
    unimodal: number[][][];
    crossmodal: number[][];
    seen: boolean[];
}
export declare class PrototypeMemory {
    readonly momentum: number;
    readonly keepHistory: boolean;
    /** Number of `update` calls so far. */
    step: number;
    /** [M, C, D] once the first update has fixed the shape. */
    shape: [number, number, number] | null;
    /** Whether class c has been stored. */
    seen: boolean[];
    /** Snapshots after each update, when `keepHistory`. */
    readonly history: PrototypeSnapshot[];
    private unimodal;
    private crossmodal;
    constructor(opts?: PrototypeMemoryOptions);
    /**
     * The prototypes the losses use: the EMA the memory will hold after `update` with this batch. Stored
     * values are constants (no gradient). Tensors in, tensors out; call inside tf.tidy.
     */
    blend(P: tf.Tensor3D, Q: tf.Tensor2D, present: boolean[]): {
        unimodal: tf.Tensor3D;
        crossmodal: tf.Tensor2D;
    };
    /** Fold one batch's prototypes (as returned by `hrmLosses`) into the memory. Reads them once from the device. */
    update(batch: {
        unimodal: tf.Tensor3D;
        crossmodal: tf.Tensor2D;
        present: boolean[];
    }): void;
    /** The stored prototypes as plain arrays (rows of unseen classes are zero). */
    snapshot(): PrototypeSnapshot;
    /** Forget everything (e.g. between folds). */
    reset(): void;
    private checkShape;
}
