/**
 * computeMetrics, the ROC / PR curves and formatMetricsTable against scikit-learn 1.2 on fixed vectors
 * (scripts/reference/metrics_reference.py → test/fixtures/reference/metrics.json), ties included, and
 * the edge cases (empty input, one class, mismatched lengths).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { close, reference } from '../helpers/reference';
import { averagePrecision, computeMetrics, formatMetricsTable, prCurve, rocAuc, rocCurve } from '../../lib/metrics';
import type { BinaryMetrics, MulticlassMetrics } from '../../lib/metrics';

const ref = reference('metrics');

function closeArray(actual: number[], expected: (number | null)[], what: string, tol = 1e-12): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  actual.forEach((v, i) => close(v, expected[i], `${what}[${i}]`, tol));
}

for (const c of ref.binary) {
  test(`binary metrics match scikit-learn: ${c.name}`, () => {
    const m = computeMetrics(c.labels, c.probs, { positiveClass: c.positiveClass }) as BinaryMetrics;
    assert.equal(m.kind, 'binary');
    for (const k of ['auc', 'auprc', 'accuracy', 'balanced_accuracy', 'sensitivity', 'specificity', 'g_mean', 'mcc', 'f1'] as const) {
      close(m[k], c.expected[k], k);
    }
    assert.deepEqual(m.confusion, c.expected.confusion);
    if (c.roc) {
      const y = c.labels.map((v: number) => (v === c.positiveClass ? 1 : 0));
      const s = c.probs.map((r: number[]) => r[c.positiveClass]);
      const roc = rocCurve(y, s);
      closeArray(roc.fpr, c.roc.fpr, 'fpr');
      closeArray(roc.tpr, c.roc.tpr, 'tpr');
      assert.equal(roc.thresholds[0], Infinity);
      closeArray(roc.thresholds.slice(1), c.roc.thresholds, 'roc thresholds');
      const pr = prCurve(y, s);
      closeArray(pr.precision, c.pr.precision, 'precision');
      closeArray(pr.recall, c.pr.recall, 'recall');
      closeArray(pr.thresholds, c.pr.thresholds, 'pr thresholds');
      close(rocAuc(y, s), c.expected.auc, 'rocAuc');
      close(averagePrecision(y, s), c.expected.auprc, 'averagePrecision');
    }
  });
}

for (const c of ref.multiclass) {
  test(`multi-class metrics match scikit-learn: ${c.name}`, () => {
    const m = computeMetrics(c.labels, c.probs) as MulticlassMetrics;
    assert.equal(m.kind, 'multiclass');
    for (const k of ['accuracy', 'balanced_accuracy', 'macro_f1', 'weighted_f1', 'macro_auc', 'mcc'] as const) close(m[k], c.expected[k], k);
    close(m.auc, c.expected.macro_auc, 'auc = macro_auc');
    closeArray(m.per_class_accuracy, c.expected.per_class_accuracy, 'per_class_accuracy');
    assert.deepEqual(m.confusion, c.expected.confusion);
  });
}

test('edge cases: empty input, one class, mismatched lengths', () => {
  assert.throws(() => computeMetrics([], []), /empty input/);
  assert.throws(() => computeMetrics([0, 1], [[0.2, 0.8]]), /2 labels but 1 probability rows/);
  assert.throws(() => computeMetrics([0, 1], [[1], [1]]), /at least 2 columns/);
  assert.throws(() => computeMetrics([0, 3], [[0.5, 0.5], [0.5, 0.5]]), /label 3/);
  assert.throws(() => rocAuc([1, 1], [0.2, 0.3]), /only one class present/);
  assert.throws(() => averagePrecision([0, 0], [0.2, 0.3]), /no positive case/);
  assert.throws(() => rocAuc([], []), /empty input/);
});

test('formatMetricsTable: one run or several side by side, with per-class rows and confusion matrices', () => {
  const c = ref.multiclass[0];
  const m = computeMetrics(c.labels, c.probs, { classNames: ['G1', 'G2-inv', 'G2-noninv'] });
  const one = formatMetricsTable(m);
  assert.match(one, /per_class_accuracy\[G2-inv\]/);
  assert.match(one, /macro_auc\s+0\.\d{4}/);
  assert.match(one, /confusion \(value; rows true, columns predicted\)/);
  const b = ref.binary[1];
  const mb = computeMetrics(b.labels, b.probs);
  const two = formatMetricsTable({ CFCML: mb, baseline: mb });
  const header = two.split('\n')[0];
  assert.match(header, /metric\s+CFCML\s+baseline/);
  assert.match(two, /g_mean/);
});
