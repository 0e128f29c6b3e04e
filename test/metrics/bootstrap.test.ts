/**
 * Bootstrap confidence intervals: seeded reproducibility, binomial width for accuracy, undefined resamples.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapCI, computeMetrics, rocAuc } from '../../lib/metrics';
import { Rng } from '../../lib/util/random';

test('bootstrapCI: reproducible with a seed, brackets the estimate, about the binomial width for accuracy', () => {
  const rng = new Rng(11);
  const N = 400;
  const labels = Array.from({ length: N }, () => rng.int(2));
  const probs = labels.map((y) => {
    const p = Math.min(0.99, Math.max(0.01, 0.5 + (y === 1 ? 0.2 : -0.2) + 0.3 * rng.normal()));
    return [1 - p, p];
  });
  const acc = (l: number[], p: number[][]) => computeMetrics(l, p).accuracy;
  const a = bootstrapCI(labels, probs, acc, { n: 500, seed: 3 });
  const b = bootstrapCI(labels, probs, acc, { n: 500, seed: 3 });
  assert.deepEqual(a, b);
  assert.ok(a.lower <= a.estimate && a.estimate <= a.upper);
  const binomialSe = Math.sqrt((a.estimate * (1 - a.estimate)) / N);
  assert.ok(Math.abs(a.se / binomialSe - 1) < 0.15, `bootstrap se ${a.se} vs binomial ${binomialSe}`);
  // 95% percentile interval ≈ ±1.96 se
  assert.ok(Math.abs((a.upper - a.lower) / (2 * 1.96 * binomialSe) - 1) < 0.2);
});

test('bootstrapCI skips resamples where the metric is undefined (AUC with one class)', () => {
  const labels = [1, 0, 0, 0, 0, 0];
  const scores = [0.9, 0.1, 0.2, 0.3, 0.4, 0.5];
  const r = bootstrapCI(labels, scores, rocAuc, { n: 200, seed: 1 });
  assert.ok(r.nValid < 200 && r.nValid > 100, `nValid ${r.nValid}`);
  assert.equal(r.estimate, 1);
  const s = bootstrapCI(labels, scores, rocAuc, { n: 200, seed: 1, stratified: true });
  assert.equal(s.nValid, 200);
});
