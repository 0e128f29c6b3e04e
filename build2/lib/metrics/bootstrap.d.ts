export interface BootstrapOptions {
    /** Number of resamples. Default 1000. */
    n?: number;
    /** 1 − confidence level. Default 0.05 (a 95% interval). */
    alpha?: number;
    /** Seed of the resampling. Default 0. */
    seed?: number;
    /**
     * Resample within each class, keeping the class counts (useful when a class is rare and a plain
     * resample could miss it). Default false (plain bootstrap).
     */
    stratified?: boolean;
}
export declare const BOOTSTRAP_DEFAULTS: Required<BootstrapOptions>;
export interface BootstrapResult {
    /** The metric on the full data. */
    estimate: number;
    lower: number;
    upper: number;
    alpha: number;
    /** Resamples whose metric was defined (a resample holding one class can make e.g. the AUC undefined). */
    nValid: number;
    /** Resamples drawn. */
    n: number;
    /** Standard deviation of the valid resampled values (the bootstrap standard error). */
    se: number;
}
/** Quantile with linear interpolation between order statistics (numpy's default). */
export declare function quantile(sorted: readonly number[], q: number): number;
/**
 * Percentile bootstrap interval of `metricFn(labels, probs)`. `probs` may be anything indexed per case
 * (scores, probability rows). A resample on which the metric throws or is NaN is skipped and counted out
 * of `nValid`.
 */
export declare function bootstrapCI<P>(labels: readonly number[], probs: readonly P[], metricFn: (labels: number[], probs: P[]) => number, opts?: BootstrapOptions): BootstrapResult;
