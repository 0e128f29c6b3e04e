/**
 * Hierarchical anchor-based relationship mining (HRM): the three anchor losses (H5)–(H7) over the
 * prototypes (H1), (H2), and the weighted total (H8). One vectorised computation for any number of
 * modalities M and classes C: no loop over samples, classes or modalities.
 *
 * How ℓ (H4) is computed. With s(a, b) = (cos(a, b) + 1) / τ the log of (H3)'s similarity,
 *   log ratio r = lse_{p∈P} s(a, p) − lse_{x∈P∪N} s(a, x)  ≤ 0,
 *   ℓ = −log(exp(r) + ε).
 * Both log-sum-exps subtract their maximum, so nothing overflows even at τ = 0.01 (s ≤ 200), and since
 * r ≤ 0, exp(r) ∈ (0, 1] cannot overflow either; the ε of (H4) stays inside the log exactly as in the
 * paper and the authors' code (ℓ ≥ −log(1 + ε) ≈ −1e-8). Sets are chosen by masks: a logit outside the
 * set gets −1e9 added, so exp of it is exactly 0 and so is its gradient.
 *
 * Choices, each a departure from or a reading of the authors' CFCML.py `center_learning`:
 * - Prototypes are not detached (the authors do not detach either): in (H5) the sample anchors pull the
 *   prototypes, and so the whole class, as well as themselves.
 * - A class absent from the batch has no prototype: it is neither an anchor nor a positive nor a negative.
 *   The normalisers stay as in METHOD.md: L_up is Σ/M and L_cp is Σ/C with C = numClasses, whether or
 *   not every class is present (the missing class's term is simply 0).
 * - The authors start L_up and L_cp at ε (not 0); that constant has no gradient and is left out.
 * - A batch holding one class has no negatives: ℓ = −log(1 + ε) ≈ 0 for every anchor, no NaN.
 */
import * as tf from '@tensorflow/tfjs';
import type { PrototypeMemory } from './memory';
/** Options of `hrmLosses`. */
export interface HrmOptions {
    /** Number of classes C (fixed by the dataset, not by the batch). */
    numClasses: number;
    /** Temperature τ of (H3). Default 0.07, the authors' value. */
    tau?: number;
    /** ε inside the log of (H4). Default 1e-8, the authors' value. */
    eps?: number;
    /**
     * Prototypes kept across batches (exponential moving average). Off by default, so that the losses are
     * the paper's per-batch ones. When given, a class seen before uses
     * normalize(β·stored + (1 − β)·batch prototype) with the stored part constant (no gradient); the memory
     * is not changed here. The prototypes this call returns are those blended ones, so folding them in with
     * `memory.update(result)` would blend the batch a second time (m ← normalize(β·m + (1 − β)·normalize(β·m
     * + (1 − β)·p))). Fold in the batch's own prototypes instead: `memory.update(hrmLosses(z, labels,
     * { numClasses }))`, i.e. the result of a call without `memory`.
     */
    memory?: PrototypeMemory;
}
export declare const HRM_DEFAULTS: {
    readonly tau: 0.07;
    readonly eps: 1e-8;
};
/** The result of `hrmLosses`. Every tensor is new: the caller disposes it (or runs inside tf.tidy). */
export interface HrmLosses {
    /** (H5) sample-anchor loss L_sam. */
    sam: tf.Scalar;
    /** (H6) unimodal-prototype-anchor loss L_up. */
    up: tf.Scalar;
    /** (H7) crossmodal-prototype-anchor loss L_cp. */
    cp: tf.Scalar;
    /** (H1) unimodal prototypes p_m^c as used in the losses, [M, C, D]; zero rows for absent classes. */
    unimodal: tf.Tensor3D;
    /** (H2) crossmodal prototypes q^c as used in the losses, [C, D]; zero rows for absent classes. */
    crossmodal: tf.Tensor2D;
    /** Whether class c is in the batch (and so has a prototype and terms). */
    present: boolean[];
}
/**
 * (H4) ℓ for every anchor row at once. `s` holds the log-similarities (cos + 1)/τ, [..., K]; `posMask`
 * and `setMask` (P and P ∪ N) are 0/1 and broadcast against `s`. Returns ℓ, [...].
 */
export declare function anchorLoss(s: tf.Tensor, posMask: tf.Tensor, setMask: tf.Tensor, eps: number): tf.Tensor;
/**
 * The three HRM losses of one batch, (H5)–(H7), with the prototypes they use.
 *
 * @param z one embedding matrix [B, D] per modality (raw; normalised here)
 * @param labels class of each of the B cases (a host array is cheaper: a tensor is read once)
 */
export declare function hrmLosses(z: tf.Tensor2D[], labels: tf.Tensor1D | number[], opts: HrmOptions): HrmLosses;
/** Weights of (H8). */
export interface HrmWeights {
    sam: number;
    up: number;
    cp: number;
}
/** (H8) L = L_CE + w_sam·L_sam + w_up·L_up + w_cp·L_cp. A zero weight drops its term (an ablation). */
export declare function hrmTotal(ce: tf.Scalar, losses: Pick<HrmLosses, 'sam' | 'up' | 'cp'>, weights: HrmWeights): tf.Scalar;
