/**
 * Bootstrap confidence intervals for any metric: resample the test cases with replacement, recompute the
 * metric, take the α/2 and 1 − α/2 percentiles (the percentile method; Efron & Tibshirani 1993, ch. 13).
 * Seeded through `Rng`, so an interval is reproducible.
 */
import { Rng } from '../util/random';
import { CfcmlError } from '../util/errors';

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

export const BOOTSTRAP_DEFAULTS: Required<BootstrapOptions> = { n: 1000, alpha: 0.05, seed: 0, stratified: false };

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
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Percentile bootstrap interval of `metricFn(labels, probs)`. `probs` may be anything indexed per case
 * (scores, probability rows). A resample on which the metric throws or is NaN is skipped and counted out
 * of `nValid`.
 */
export function bootstrapCI<P>(
  labels: readonly number[],
  probs: readonly P[],
  metricFn: (labels: number[], probs: P[]) => number,
  opts: BootstrapOptions = {},
): BootstrapResult {
  const { n, alpha, seed, stratified } = { ...BOOTSTRAP_DEFAULTS, ...opts };
  if (labels.length !== probs.length) throw new CfcmlError(`${labels.length} labels but ${probs.length} predictions`, { where: 'bootstrapCI' });
  if (labels.length === 0) throw new CfcmlError('empty input', { where: 'bootstrapCI' });
  if (!(alpha > 0 && alpha < 1)) throw new CfcmlError(`alpha must be in (0, 1), got ${alpha}`, { where: 'bootstrapCI' });
  const estimate = metricFn(labels.slice(), probs.slice());
  const rng = new Rng(seed);
  const N = labels.length;
  const groups = stratified ? Array.from(new Set(labels)).map((c) => labels.map((y, i) => (y === c ? i : -1)).filter((i) => i >= 0)) : [labels.map((_, i) => i)];
  const values: number[] = [];
  const idx = new Array<number>(N);
  for (let b = 0; b < n; b++) {
    let k = 0;
    for (const g of groups) for (let j = 0; j < g.length; j++) idx[k++] = g[rng.int(g.length)];
    let v: number;
    try {
      v = metricFn(idx.map((i) => labels[i]), idx.map((i) => probs[i]));
    } catch {
      v = NaN;
    }
    if (!Number.isNaN(v)) values.push(v);
  }
  values.sort((a, b) => a - b);
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const se = values.length > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1)) : NaN;
  return { estimate, lower: quantile(values, alpha / 2), upper: quantile(values, 1 - alpha / 2), alpha, nValid: values.length, n, se };
}
