import { test } from 'node:test';
import assert from 'node:assert/strict';
import { averageProbs, holm, mean, sd } from '../../lib/experiments/stats';
import { close } from '../helpers/reference';

test('holm: worked example, input order kept, monotone running max', () => {
  // sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → running max 0.06
  const adj = holm([0.01, 0.04, 0.03, 0.005]);
  [0.03, 0.06, 0.06, 0.02].forEach((v, i) => close(adj[i], v, `adjusted p[${i}]`, 1e-12));
});

test("holm: R's p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), 'holm') = 0.05 0.08 0.09 0.09 0.09", () => {
  const adj = holm([0.01, 0.02, 0.03, 0.04, 0.05]);
  [0.05, 0.08, 0.09, 0.09, 0.09].forEach((v, i) => close(adj[i], v, `adjusted p[${i}]`, 1e-12));
});

test('holm: capped at 1, NaN (no test) stays out of the family', () => {
  const adj = holm([0.5, NaN, 0.2]);
  close(adj[2], 0.4, 'smallest of 2 tests × 2');
  close(adj[0], 0.5, 'second of 2: max(0.4, 0.5 × 1)');
  close(holm([0.6, 0.7])[0], 1, 'capped at 1: min(1, 0.6 × 2)');
  assert.ok(Number.isNaN(adj[1]));
});

test('holm: a value outside [0, 1] is an error that names it', () => {
  assert.throws(() => holm([0.1, 1.5]), /p-value 1 is 1.5/);
});

test('mean and sample sd', () => {
  close(mean([0.7, 0.8, 0.9]), 0.8, 'mean', 1e-12);
  close(sd([0.7, 0.8, 0.9]), 0.1, 'sd (n − 1)', 1e-12);
  assert.ok(Number.isNaN(sd([0.5])), 'one seed has no sd');
});

test('averageProbs: per-case mean over seeds; shape mismatch refused', () => {
  const m = averageProbs([
    [
      [0.2, 0.8],
      [0.6, 0.4],
    ],
    [
      [0.4, 0.6],
      [0.8, 0.2],
    ],
  ]);
  close(m[0][1], 0.7, 'case 0 class 1', 1e-12);
  close(m[1][0], 0.7, 'case 1 class 0', 1e-12);
  assert.throws(() => averageProbs([[[1, 0]], [[1, 0], [0, 1]]]), /cases/);
});
