import { test } from 'node:test';
import assert from 'node:assert/strict';
import { metricBars } from '../../lib/plots/bars';
import { CfcmlError } from '../../lib/util/errors';

test('metricBars: grouped bars per metric over variants, asymmetric CI error bars', () => {
  const f = metricBars([
    { variant: 'full', metric: 'AUC', value: 0.9, ci: [0.85, 0.93] },
    { variant: 'full', metric: 'ACC', value: 0.8 },
    { variant: 'no HRM', metric: 'AUC', value: 0.85, ci: [0.8, 0.9] },
  ]);
  assert.equal(f.layout.barmode, 'group');
  assert.deepEqual(f.data.map((t) => t.name), ['AUC', 'ACC']);
  assert.deepEqual(f.data[0].x, ['full', 'no HRM']);
  assert.deepEqual(f.data[0].y, [0.9, 0.85]);
  const e = f.data[0].error_y;
  assert.equal(e.symmetric, false);
  assert.deepEqual(e.array.map((v: number) => +v.toFixed(10)), [0.03, 0.05]);
  assert.deepEqual(e.arrayminus.map((v: number) => +v.toFixed(10)), [0.05, 0.05]);
  assert.deepEqual(f.data[1].y, [0.8, null]); // ACC missing for "no HRM": a gap, not 0
  assert.equal(f.data[1].error_y, undefined);
  assert.deepEqual(f.data[0].text, ['0.900', '0.850']);
  assert.throws(() => metricBars([{ variant: 'a', metric: 'm', value: 1 }, { variant: 'a', metric: 'm', value: 2 }]), CfcmlError);
  assert.throws(() => metricBars([{ variant: 'a', metric: 'm', value: 1, ci: [0, 0.5] }]), CfcmlError);
});
