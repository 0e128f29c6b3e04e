/**
 * Class prototypes of the fine stage (HRM): unimodal prototypes (H1) and crossmodal prototypes (H2),
 * computed from one batch of per-modality embeddings, for any number of modalities and classes.
 *
 * Porting notes (authors' CFCML.py, `calc_prototype`):
 * - They L2-normalise with `F.normalize` (x / max(‖x‖, 1e-12)); so do we (`l2Normalize`).
 * - A class absent from the batch gives `normalize(mean([]))` = NaN there. Here its prototype row is zero
 *   and `present[c]` is false; the losses skip it. The zero row is produced without dividing 0 by 0, so no
 *   NaN reaches values or gradients.
 * - Prototypes are NOT detached: like the authors' code (and METHOD.md), gradients flow from the
 *   prototypes back into every embedding of their class.
 */
import * as tf from '@tensorflow/tfjs';
/** Row-wise L2 normalisation along the last axis: x / max(‖x‖, 1e-12), with a finite gradient at 0. */
export declare function l2Normalize<T extends tf.Tensor>(x: T): T;
/** Labels on the host, checked: integers in [0, numClasses), one per batch row. */
export declare function labelsToArray(labels: tf.Tensor1D | readonly number[], batchSize: number, numClasses: number): number[];
/** What a batch says about its classes, computed once on the host. */
export interface ClassLayout {
    /** Labels, one per row. */
    labels: number[];
    /** Rows per class, [C]. */
    counts: number[];
    /** counts[c] > 0, [C]. */
    present: boolean[];
    /** One-hot labels [B, C] (float32 constant). */
    onehot: tf.Tensor2D;
}
export declare function classLayout(labels: number[], numClasses: number): ClassLayout;
/** Prototypes of one batch. */
export interface Prototypes {
    /** (H1) unimodal prototypes p_m^c, [M, C, D]; zero rows for absent classes. */
    unimodal: tf.Tensor3D;
    /** (H2) crossmodal prototypes q^c, [C, D]; zero rows for absent classes. */
    crossmodal: tf.Tensor2D;
}
/**
 * (H1) p_m^c = normalize(mean_{i: y_i = c} ẑ_{m,i}) and (H2) q^c = normalize(mean_{m, i: y_i = c} ẑ_{m,i}).
 *
 * @param zHat normalised embeddings ẑ, [M, B, D]
 * @param layout the batch's classes (from `classLayout`)
 */
export declare function computePrototypes(zHat: tf.Tensor3D, layout: ClassLayout): Prototypes;
