import { Rng } from '../util/random';
/** One replicate's draws: indices into the seed list (with repeats) and into the cases (with repeats). */
export interface SeedCaseDraw {
    seeds: number[];
    cases: number[];
}
export interface SeedCaseBootstrapOptions {
    /** Number of replicates. Default 2000. */
    n?: number;
    /** 1 − confidence level. Default 0.05. */
    alpha?: number;
    /** Seed of the resampling. Default 0. */
    seed?: number;
    /** The draws to use instead of drawing (for reference tests); `n` is then their count. */
    draws?: readonly SeedCaseDraw[];
}
export interface SeedCaseBootstrapResult {
    /** Δ on the data as it is: the mean over seeds of the per-seed differences. */
    estimate: number;
    /** The per-seed differences, in the order given. */
    perSeed: number[];
    lower: number;
    upper: number;
    p: number;
    alpha: number;
    /** Replicates drawn and replicates whose Δ was defined. */
    n: number;
    nValid: number;
    /** Bootstrap standard error (sd of the valid replicates). */
    se: number;
}
/**
 * Draw one replicate: `S` seed indices with replacement, then every class's cases with replacement within
 * the class (classes in increasing label order, each class's cases in their original order).
 */
export declare function drawSeedsAndCases(rng: Rng, S: number, byClass: readonly (readonly number[])[]): SeedCaseDraw;
/**
 * A metric of one model's predictions on weighted cases (weight = how often a replicate drew the case):
 * `prepare(preds)` does the per-model work once (sorting), the returned function evaluates one weighting.
 */
export type WeightedMetric<P> = (preds: readonly P[]) => (weights: Float64Array) => number;
/**
 * ROC AUC on weighted cases (`labels` 1 positive, 0 negative): the Mann–Whitney statistic with half credit for
 * ties, which is the trapezoidal area scikit-learn's roc_auc_score computes; with all weights 1, the plain AUC.
 * O(N) per weighting after one sort.
 */
export declare function weightedAuc(labels: readonly number[]): WeightedMetric<number>;
/** Binary AUC of probability rows (the positive class's column). */
export declare function weightedAucOfRows(labels: readonly number[], positiveClass?: number): WeightedMetric<readonly number[]>;
/** Macro one-vs-rest AUC of probability rows (scikit-learn's multi_class='ovr', average='macro'). */
export declare function weightedMacroAuc(labels: readonly number[], numClasses: number): WeightedMetric<readonly number[]>;
/**
 * The paired seed × case bootstrap of `mean_s [metric(a[s]) − metric(b[s])]`. `a[s]` and `b[s]` are per-case
 * predictions (scores or probability rows, as `metric` reads them) of seed `s`'s two models on the cases of
 * `labels`, in the same order.
 */
export declare function seedCaseBootstrap<P>(labels: readonly number[], a: readonly (readonly P[])[], b: readonly (readonly P[])[], metric: WeightedMetric<P>, opts?: SeedCaseBootstrapOptions): SeedCaseBootstrapResult;
