import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aucOf } from '../../lib/data';

// Reference values from scikit-learn 1.2.1:
//   from sklearn.metrics import roc_auc_score
//   roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])            -> 0.75
//   roc_auc_score([0, 1, 0, 1, 1], [0.5, 0.5, 0.2, 0.9, 0.5])     -> 0.8333333333333334
test('aucOf matches scikit-learn, ties counting half', () => {
  assert.equal(aucOf([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 0.75);
  assert.ok(Math.abs(aucOf([0.5, 0.5, 0.2, 0.9, 0.5], [false, true, false, true, true]) - 0.8333333333333334) < 1e-12);
  assert.equal(aucOf([1, 2, 3], [true, true, true]), 0.5);
});

test('a strong but legitimate numeric predictor is not flagged for a pure extreme quartile', async () => {
  const { auditLeakage, MEN } = await import('../../lib/data');
  // 40 cases: high ADC value → Grade_1 (the whole top quartile is Grade_1), yet the field alone is far
  // from giving the label away (AUC < 0.9).
  const cases = Array.from({ length: 40 }, (_, i) => {
    const label = i >= 30 ? 0 : i % 3;
    return {
      id: `p${i}`,
      split: 'train' as const,
      label,
      imagePaths: [],
      source: `row ${i + 2}`,
      tabular: { location: 'convexity', sex: i % 2 ? 'male' : 'female', age: 50 + (i % 7), adc: i >= 30 ? 1.2 + i / 100 : 0.6 + ((i * 7) % 13) / 20, tumour_area: 10, oedema_area: 5 },
    };
  });
  const report = auditLeakage({ spec: MEN, root: '<mem>', cases, excluded: [], fingerprint: '' });
  const adc = report.fields.find((f) => f.name === 'adc')!;
  assert.ok(adc.auc < 0.9, `auc ${adc.auc}`);
  assert.ok(adc.levels.some((l) => l.purity === 1 && l.count >= 4), 'the top quartile is pure');
  assert.equal(adc.flagged, false);
  assert.deepEqual(report.flagged, []);
});
