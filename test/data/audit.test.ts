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
