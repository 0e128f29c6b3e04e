/**
 * PrototypeMemory: the EMA of prototypes across batches (off by default), its history for notebooks, and
 * the losses computed with it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { hrmLosses, PrototypeMemory } from '../../lib/hrm';
import { Rng } from '../../lib/util/random';

function close(actual: number, expected: number, what: string, rtol = 1e-5, atol = 1e-6): void {
  assert.ok(Math.abs(actual - expected) <= rtol * Math.abs(expected) + atol, `${what}: got ${actual}, expected ${expected}`);
}

function randomZ(rng: Rng, M: number, B: number, D: number): tf.Tensor2D[] {
  return Array.from({ length: M }, () => tf.tensor2d(Array.from({ length: B * D }, () => rng.normal()), [B, D]));
}

test.before(async () => {
  await tf.setBackend('cpu');
});

test('PrototypeMemory: EMA on the sphere; losses with memory use the prototypes the memory will hold', () => {
  const rng = new Rng(7);
  const memory = new PrototypeMemory({ momentum: 0.5, keepHistory: true });
  const labels = [0, 1, 0, 1];
  const z1 = randomZ(rng, 2, 4, 3);
  const z2 = randomZ(rng, 2, 4, 3);
  tf.tidy(() => {
    const first = hrmLosses(z1, labels, { numClasses: 3, memory });
    memory.update(first);
    assert.deepEqual(memory.seen, [true, true, false]);
    const p1 = first.crossmodal.arraySync();
    const second = hrmLosses(z2, labels, { numClasses: 3 }); // batch prototypes of z2
    const blended = hrmLosses(z2, labels, { numClasses: 3, memory }); // losses see the EMA
    memory.update(second);
    const snap = memory.snapshot();
    const p2 = second.crossmodal.arraySync();
    for (let c = 0; c < 2; c++) {
      const raw = p1[c].map((v, d) => 0.5 * v + 0.5 * p2[c][d]);
      const n = Math.hypot(...raw);
      for (let d = 0; d < 3; d++) close(snap.crossmodal[c][d], raw[d] / n, `EMA q[${c}][${d}]`, 1e-5, 1e-6);
      assert.ok(Math.abs(Math.hypot(...snap.unimodal[1][c]) - 1) < 1e-5);
    }
    // the default (no memory) is the paper's per-batch loss; with memory the loss differs
    assert.notEqual(blended.up.dataSync()[0], second.up.dataSync()[0]);
    assert.equal(memory.history.length, 2);
  });
  tf.dispose([...z1, ...z2]);
});

test('PrototypeMemory: a class absent from a batch keeps its stored prototype; reset forgets; bad momentum is an error', () => {
  const rng = new Rng(9);
  const memory = new PrototypeMemory();
  assert.equal(memory.momentum, 0.9);
  const z1 = randomZ(rng, 2, 4, 3);
  const z2 = randomZ(rng, 2, 4, 3);
  tf.tidy(() => {
    memory.update(hrmLosses(z1, [0, 1, 0, 1], { numClasses: 2 }));
    const before = memory.snapshot().crossmodal[1];
    memory.update(hrmLosses(z2, [0, 0, 0, 0], { numClasses: 2 }));
    assert.deepEqual(memory.snapshot().crossmodal[1], before);
  });
  memory.reset();
  assert.equal(memory.shape, null);
  assert.equal(memory.step, 0);
  assert.throws(() => new PrototypeMemory({ momentum: 1 }), /momentum must be in \[0, 1\)/);
  tf.dispose([...z1, ...z2]);
});
