/**
 * The robustness curve of a sweep: test AUC against the fraction of record cells masked at evaluation
 * (`cfcml eval --mask-fields 0,0.25,…`, stored per run in robustness.json), mean ± sd over the seeds of each
 * variant, with the oracle's own curve (its posterior given the unmasked cells, on synthetic cohorts) as the
 * ceiling. Only fraction masks with the same mask seed and split are pooled.
 */
import * as path from 'path';
import { formatCsv } from '../util/csv';
import { paletteColor, referenceLine, type Figure, type PlotlyObject } from '../plots';
import type { GroupReport } from './report';
import { readRunRobustness, runState } from './runFiles';
import { mean, sd } from './stats';
import type { SweepSpec } from './sweep';

export interface RobustnessCurve {
  variant: string;
  /** Masked fractions, ascending. */
  fractions: number[];
  mean: number[];
  sd: number[];
  /** Seeds averaged at each fraction. */
  n: number[];
}

export interface RobustnessCurves {
  dataset: string;
  group: string;
  split: string;
  maskSeed: number;
  variants: RobustnessCurve[];
  /** Oracle AUC per evidence subset at each fraction (the same cells masked as for the models). */
  oracle: { key: string; fractions: number[]; auc: number[] }[];
}

/** The curves of one report group, or null when none of its runs has fraction masks on `split` with `maskSeed`. */
export function robustnessCurves(root: string, spec: SweepSpec, g: GroupReport, split = 'test', maskSeed = 1): RobustnessCurves | null {
  const variants: RobustnessCurve[] = [];
  const oracle = new Map<string, Map<number, number[]>>();
  for (const r of g.rows) {
    const byFraction = new Map<number, number[]>();
    for (const run of spec.runs.filter((x) => x.group === g.group && x.variant === r.variant)) {
      const dir = path.resolve(root, run.dir);
      if (runState(dir) !== 'done') continue;
      const file = readRunRobustness(dir);
      for (const p of file?.points ?? []) {
        if (p.split !== split || p.seed !== maskSeed || p.fraction === undefined) continue;
        (byFraction.get(p.fraction) ?? byFraction.set(p.fraction, []).get(p.fraction)!).push(p.auc);
        for (const [key, auc] of Object.entries(p.oracle ?? {})) {
          const m = oracle.get(key) ?? oracle.set(key, new Map()).get(key)!;
          (m.get(p.fraction) ?? m.set(p.fraction, []).get(p.fraction)!).push(auc);
        }
      }
    }
    if (byFraction.size === 0) continue;
    const fractions = [...byFraction.keys()].sort((a, b) => a - b);
    const aucs = fractions.map((f) => byFraction.get(f)!);
    variants.push({ variant: r.variant, fractions, mean: aucs.map((a) => mean(a)), sd: aucs.map((a) => (a.length > 1 ? sd(a) : NaN)), n: aucs.map((a) => a.length) });
  }
  if (variants.length === 0) return null;
  return {
    dataset: g.dataset,
    group: g.group,
    split,
    maskSeed,
    variants,
    // Every run masks the same cells, so the oracle's AUC at a fraction is one number (the mean of equal values).
    oracle: [...oracle.entries()].map(([key, m]) => {
      const fractions = [...m.keys()].sort((a, b) => a - b);
      return { key, fractions, auc: fractions.map((f) => mean(m.get(f)!)) };
    }),
  };
}

/** One row per (variant or oracle, fraction): `series, fraction, auc_mean, auc_sd, seeds`. */
export function robustnessCsv(c: RobustnessCurves): string {
  const rows: (string | number)[][] = [];
  for (const v of c.variants) v.fractions.forEach((f, i) => rows.push([v.variant, f, v.mean[i].toFixed(4), Number.isFinite(v.sd[i]) ? v.sd[i].toFixed(4) : '', v.n[i]]));
  for (const o of c.oracle) o.fractions.forEach((f, i) => rows.push([`oracle ${o.key}`, f, o.auc[i].toFixed(4), '', '']));
  return formatCsv(['series', 'masked_fraction', 'auc_mean', 'auc_sd', 'seeds'], rows);
}

/** The oracle subsets drawn as ceilings: the joint posterior first (dashed), then the record-only one. */
const ORACLE_DRAWN = ['joint', 'additive', 'tabular'];

/** Test AUC against the masked fraction: a line with ±1 sd error bars per variant, the oracle's curves as reference lines. */
export function robustnessFigure(c: RobustnessCurves): Figure {
  const data: PlotlyObject[] = c.variants.map((v, i) => ({
    type: 'scatter',
    mode: 'lines+markers',
    name: `${v.variant} (${Math.max(...v.n)} seed${Math.max(...v.n) === 1 ? '' : 's'})`,
    x: v.fractions,
    y: v.mean,
    error_y: { type: 'data', array: v.sd.map((s) => (Number.isFinite(s) ? s : 0)), visible: true, thickness: 1 },
    line: { color: paletteColor(i), width: 2 },
  }));
  ORACLE_DRAWN.map((k) => c.oracle.find((o) => o.key === k))
    .filter((o): o is RobustnessCurves['oracle'][number] => o !== undefined)
    .forEach((o, i) => data.push({ type: 'scatter', mode: 'lines', name: `oracle ${o.key}`, x: o.fractions, y: o.auc, line: referenceLine(i) }));
  return {
    data,
    layout: {
      title: { text: `${c.dataset}${c.group ? ` (${c.group})` : ''}: ${c.split} AUC with record cells masked` },
      xaxis: { title: { text: 'fraction of record cells masked' }, range: [-0.03, 1.03] },
      yaxis: { title: { text: `${c.split} AUC` } },
      // Outside the plot: the curves span the whole width.
      legend: { x: 1.02, xanchor: 'left', y: 0.5, yanchor: 'middle' },
    },
  };
}
