/** Statistics of a sweep: mean ± sd over seeds, paired differences, Holm's step-down correction. */
import { CfcmlError } from '../util/errors';

import { mean, sd } from '../metrics/moments';

export { mean, sd };

/**
 * Holm (1979) step-down adjusted p-values for a family of m tests: sort ascending, p_(i) ↦ min(1, (m − i + 1)·p_(i))
 * (i = 1..m), made monotone by a running maximum; returned in the input order. NaN entries (no test) are
 * left out of the family and stay NaN. Reject H_i at level α iff adjusted p_i ≤ α; this controls the
 * family-wise error rate without any assumption on the dependence between the tests.
 */
export function holm(p: readonly number[]): number[] {
  p.forEach((v, i) => {
    if (!Number.isNaN(v) && !(v >= 0 && v <= 1)) throw new CfcmlError(`p-value ${i} is ${v}, not in [0, 1]`, { where: 'holm' });
  });
  const idx = p.map((_, i) => i).filter((i) => !Number.isNaN(p[i]));
  idx.sort((a, b) => p[a] - p[b]);
  const m = idx.length;
  const out = p.map(() => NaN);
  let running = 0;
  idx.forEach((i, k) => {
    running = Math.max(running, Math.min(1, (m - k) * p[i]));
    out[i] = running;
  });
  return out;
}

/** Per-case mean of several probability matrices given for the same cases in the same order. */
export function averageProbs(runs: readonly (readonly (readonly number[])[])[]): number[][] {
  if (runs.length === 0) throw new CfcmlError('no runs to average', { where: 'averageProbs' });
  const n = runs[0].length;
  for (const r of runs) if (r.length !== n) throw new CfcmlError(`runs have ${r.length} and ${n} cases`, { where: 'averageProbs' });
  return runs[0].map((row, i) => row.map((_, k) => mean(runs.map((r) => r[i][k]))));
}
