/**
 * A paired hierarchical bootstrap over training seeds × test cases, for the quantity a sweep table shows:
 * the mean over seeds of a per-seed metric difference, `Δ = mean_s [m(A_s) − m(B_s)]` (e.g. the test AUC of
 * a variant minus that of `full`, both trained with seed `s`, on the same test cases).
 *
 * Each replicate draws the seeds with replacement (a pair (A_s, B_s) travels together: same seed, same data
 * order and initialisation stream), then the test cases with replacement within each class (the class
 * counts are kept, so every replicate has both classes and the AUC is defined), one case draw shared by
 * every seed and both arms of the replicate (paired), and recomputes Δ. Both sources of variation the
 * table's ± reflects — which seeds were trained and which cases were tested — enter the interval, unlike
 * DeLong on the seed-averaged probabilities, which tests the ensemble of the seeds on fixed cases.
 *
 * Interval: percentile (numpy's linear quantile). p: two-sided, from the bootstrap distribution,
 * `min(1, 2·min((1 + #{Δ* ≤ 0}) / (B + 1), (1 + #{Δ* ≥ 0}) / (B + 1)))`, so that the (1 − α) interval
 * excludes 0 about when p < α. A replicate is a weighting of the cases (how often each was drawn), so the
 * AUC of a model is one O(N) pass over its cases sorted once (`weightedAuc`), not a re-sort per replicate.
 * scripts/reference/seed_case_bootstrap.py recomputes every replicate with scikit-learn's roc_auc_score on
 * the same draws (test/metrics/seedCaseBootstrap.test.ts).
 */
import { CfcmlError } from '../util/errors';
import { Rng } from '../util/random';
import { quantile } from './bootstrap';

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
export function drawSeedsAndCases(rng: Rng, S: number, byClass: readonly (readonly number[])[]): SeedCaseDraw {
  const seeds = Array.from({ length: S }, () => rng.int(S));
  const cases: number[] = [];
  for (const g of byClass) for (let j = 0; j < g.length; j++) cases.push(g[rng.int(g.length)]);
  return { seeds, cases };
}

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
export function weightedAuc(labels: readonly number[]): WeightedMetric<number> {
  return (scores) => {
    const order = Array.from(scores.keys()).sort((i, j) => scores[i] - scores[j]);
    return (w) => {
      let below = 0;
      let area = 0;
      let pos = 0;
      for (let k = 0; k < order.length; ) {
        let gp = 0;
        let gn = 0;
        const s = scores[order[k]];
        for (; k < order.length && scores[order[k]] === s; k++) {
          const i = order[k];
          if (labels[i] === 1) gp += w[i];
          else gn += w[i];
        }
        area += gp * below + 0.5 * gp * gn;
        below += gn;
        pos += gp;
      }
      return pos > 0 && below > 0 ? area / (pos * below) : NaN;
    };
  };
}

/** Binary AUC of probability rows (the positive class's column). */
export function weightedAucOfRows(labels: readonly number[], positiveClass = 1): WeightedMetric<readonly number[]> {
  const y = labels.map((v) => (v === positiveClass ? 1 : 0));
  const auc = weightedAuc(y);
  return (rows) => auc(rows.map((r) => r[positiveClass]));
}

/** Macro one-vs-rest AUC of probability rows (scikit-learn's multi_class='ovr', average='macro'). */
export function weightedMacroAuc(labels: readonly number[], numClasses: number): WeightedMetric<readonly number[]> {
  const perClass = Array.from({ length: numClasses }, (_, k) => weightedAuc(labels.map((v) => (v === k ? 1 : 0))));
  return (rows) => {
    const fs = perClass.map((f, k) => f(rows.map((r) => r[k])));
    return (w) => fs.reduce((sum, f) => sum + f(w), 0) / numClasses;
  };
}

/**
 * The paired seed × case bootstrap of `mean_s [metric(a[s]) − metric(b[s])]`. `a[s]` and `b[s]` are per-case
 * predictions (scores or probability rows, as `metric` reads them) of seed `s`'s two models on the cases of
 * `labels`, in the same order.
 */
export function seedCaseBootstrap<P>(
  labels: readonly number[],
  a: readonly (readonly P[])[],
  b: readonly (readonly P[])[],
  metric: WeightedMetric<P>,
  opts: SeedCaseBootstrapOptions = {},
): SeedCaseBootstrapResult {
  const where = 'seedCaseBootstrap';
  const alpha = opts.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new CfcmlError(`alpha must be in (0, 1), got ${alpha}`, { where });
  const S = a.length;
  if (S === 0) throw new CfcmlError('no seeds to compare', { where });
  if (b.length !== S) throw new CfcmlError(`${S} seeds for one arm but ${b.length} for the other: the arms must be paired by seed`, { where });
  const N = labels.length;
  for (let s = 0; s < S; s++) {
    if (a[s].length !== N || b[s].length !== N) throw new CfcmlError(`seed ${s}: ${a[s].length} and ${b[s].length} predictions for ${N} cases`, { where });
  }
  const fa = a.map((p) => metric(p));
  const fb = b.map((p) => metric(p));
  const ones = new Float64Array(N).fill(1);
  const perSeed = fa.map((f, s) => f(ones) - fb[s](ones));
  const estimate = perSeed.reduce((x, y) => x + y, 0) / S;

  const classes = [...new Set(labels)].sort((x, y) => x - y);
  const byClass = classes.map((c) => labels.map((y, i) => (y === c ? i : -1)).filter((i) => i >= 0));
  const rng = new Rng(opts.seed ?? 0);
  const n = opts.draws ? opts.draws.length : (opts.n ?? 2000);
  const values: number[] = [];
  const w = new Float64Array(N);
  const diff = new Float64Array(S);
  for (let r = 0; r < n; r++) {
    const draw = opts.draws ? opts.draws[r] : drawSeedsAndCases(rng, S, byClass);
    if (draw.seeds.length !== S || draw.cases.length !== N) throw new CfcmlError(`draw ${r} has ${draw.seeds.length} seeds and ${draw.cases.length} cases; expected ${S} and ${N}`, { where });
    w.fill(0);
    for (const i of draw.cases) w[i] += 1;
    diff.fill(NaN);
    let sum = 0;
    for (const s of draw.seeds) {
      if (Number.isNaN(diff[s])) diff[s] = fa[s](w) - fb[s](w);
      sum += diff[s];
    }
    const v = sum / S;
    if (!Number.isNaN(v)) values.push(v);
  }
  const sorted = values.slice().sort((x, y) => x - y);
  const B = sorted.length;
  const below = sorted.filter((v) => v <= 0).length;
  const above = sorted.filter((v) => v >= 0).length;
  const mu = B > 0 ? sorted.reduce((x, y) => x + y, 0) / B : NaN;
  const se = B > 1 ? Math.sqrt(sorted.reduce((x, v) => x + (v - mu) ** 2, 0) / (B - 1)) : NaN;
  return {
    estimate,
    perSeed,
    lower: quantile(sorted, alpha / 2),
    upper: quantile(sorted, 1 - alpha / 2),
    p: B > 0 ? Math.min(1, 2 * Math.min((1 + below) / (B + 1), (1 + above) / (B + 1))) : NaN,
    alpha,
    n,
    nValid: B,
    se,
  };
}
