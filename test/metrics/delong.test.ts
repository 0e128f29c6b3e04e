/**
 * DeLong's test against an independent O(m·n) DeLong (placement values) and a bootstrap of the AUC
 * difference, and the normal CDF against scipy (scripts/reference/metrics_reference.py).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { close, reference } from '../helpers/reference';
import { delongTest, normalCdf } from '../../lib/metrics';

const ref = reference('metrics');

test('DeLong matches an independent O(m·n) DeLong and a bootstrap of the AUC difference', () => {
  for (const [k, d] of ref.delong.entries()) {
    const r = delongTest(d.labels, d.scoresA, d.scoresB);
    for (const key of ['aucA', 'aucB', 'diff', 'se', 'z'] as const) close(r[key], d.expected[key], `case ${k} ${key}`, 1e-10);
    close(r.p, d.expected.p, `case ${k} p`, 1e-7);
    // the DeLong standard error agrees with a 4000-resample bootstrap within 10%
    assert.ok(Math.abs(r.se / d.expected.bootstrap_se - 1) < 0.1, `case ${k}: se ${r.se} vs bootstrap ${d.expected.bootstrap_se}`);
  }
});

test('DeLong: identical models give z = 0, p = 1; a single class is a clear error', () => {
  const y = [0, 1, 0, 1, 1, 0];
  const s = [0.1, 0.8, 0.3, 0.6, 0.6, 0.2];
  const r = delongTest(y, s, s);
  assert.equal(r.diff, 0);
  assert.equal(r.z, 0);
  assert.equal(r.p, 1);
  assert.throws(() => delongTest([1, 1, 1], [0.1, 0.2, 0.3], [0.3, 0.2, 0.1]), /needs both classes/);
});

test('normal CDF matches scipy to 1e-12 absolute, and its tails relatively', () => {
  ref.normal.x.forEach((x: number, i: number) => {
    const expected = ref.normal.cdf[i];
    const got = normalCdf(x);
    assert.ok(Math.abs(got - expected) <= 1e-14 + 1e-12 * expected, `Φ(${x}) = ${got}, scipy ${expected}`);
  });
});
