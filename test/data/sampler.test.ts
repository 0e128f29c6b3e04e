import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BatchSampler } from '../../lib/data';

const labels = [...Array(90).fill(0), ...Array(10).fill(1), ...Array(20).fill(2)];

test('balanced batches take one case per class per draw, deterministically', () => {
  const s = new BatchSampler(labels, { batchSize: 12, balanced: true, numClasses: 3, seed: 4 });
  assert.equal(s.stepsPerEpoch, 10);
  const e0 = s.batches(0);
  assert.equal(e0.length, 10);
  for (const b of e0) {
    assert.equal(b.length, 12);
    assert.deepEqual([0, 1, 2].map((y) => b.filter((i) => labels[i] === y).length), [4, 4, 4]);
  }
  assert.deepEqual(s.batches(0), e0);
  assert.notDeepEqual(s.batches(1), e0);
  assert.notDeepEqual(new BatchSampler(labels, { batchSize: 12, balanced: true, numClasses: 3, seed: 5 }).batches(0), e0);
  assert.throws(() => new BatchSampler([0, 0, 2], { batchSize: 2, balanced: true, numClasses: 3, seed: 1 }), /class\(es\) 1 have no case/);
});

test('plain batches cover every case exactly once per epoch', () => {
  const s = new BatchSampler(labels, { batchSize: 32, balanced: false, numClasses: 3, seed: 4 });
  const e = s.batches(2);
  assert.deepEqual(e.map((b) => b.length), [32, 32, 32, 24]);
  assert.deepEqual(e.flat().sort((a, b) => a - b), labels.map((_, i) => i));
  assert.deepEqual(s.batches(2), e);
});
