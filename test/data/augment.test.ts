import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { drawTransform, transformInto } from '../../lib/data';
import type { CaseTransform } from '../../lib/data';
import { Rng } from '../../lib/util/random';

const NONE = { flip: 0, rotate90: 0, ssr: 0, shift: 0, scale: 0, degrees: 0, brightnessContrast: 0, brightness: 0, contrast: 0 };
const ramp = Float32Array.from({ length: 5 * 5 }, (_, i) => i / 25);

function apply(src: Float32Array, shape: [number, number, number, number], tr: CaseTransform, clip = true): number[] {
  const out = new Float32Array(src.length);
  transformInto(src, shape, tr, clip, out, 0);
  return Array.from(out);
}

test('flips and quarter turns are exact and agree with tf.reverse / transpose', async () => {
  await tf.setBackend('cpu');
  const x = tf.tensor4d(ramp, [1, 5, 5, 1]);
  // flip probability 1: horizontal and vertical together = a half turn.
  const half = apply(ramp, [1, 5, 5, 1], drawTransform(new Rng(1), true, { ...NONE, flip: 1 }));
  assert.deepEqual(half, Array.from(tf.reverse(x, [1, 2]).dataSync()));
  const t = x.transpose([0, 2, 1, 3]);
  const exact = [tf.reverse(t, 1), tf.reverse(x, [1, 2]), tf.reverse(t, 2)].map((c) => Array.from(c.dataSync()));
  const seen = new Set<number>();
  for (let seed = 0; seed < 12; seed++) {
    const r = apply(ramp, [1, 5, 5, 1], drawTransform(new Rng(seed), true, { ...NONE, rotate90: 1 }));
    const k = exact.findIndex((c) => c.every((v, i) => v === r[i]));
    assert.ok(k >= 0, 'a quarter turn, exactly');
    seen.add(k);
  }
  assert.equal(seen.size, 3, 'all three turns occur');
  tf.dispose([x, t]);
});

test('shift-scale-rotate stays in range; depth flip reverses slices; brightness/contrast formula', () => {
  const tr = drawTransform(new Rng(3), true, { ...NONE, ssr: 1, shift: 0.2, scale: 0.2, degrees: 30 });
  const y = apply(ramp, [1, 5, 5, 1], tr);
  assert.ok(y.every((v) => v >= 0 && v <= 24 / 25));
  assert.notDeepEqual(y, Array.from(ramp));

  const vol = Float32Array.from({ length: 3 * 2 * 2 }, (_, i) => Math.floor(i / 4)); // slice z holds z
  const id: CaseTransform = { m: [1, 0, 0, 1], shift: [0, 0], flipDepth: true, contrast: 1, brightness: 0 };
  assert.deepEqual(apply(vol, [3, 2, 2, 1], id, false), [2, 2, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0]);

  const bc: CaseTransform = { m: [1, 0, 0, 1], shift: [0, 0], flipDepth: false, contrast: 2, brightness: 0.1 };
  // mean 0.5: (−0.3·2, −0.1·2, 0.1·2, 0.3·2) + 0.6 = (0, 0.4, 0.8, 1.2 → 1)
  const z = apply(Float32Array.from([0.2, 0.4, 0.6, 0.8]), [1, 2, 2, 1], bc);
  [0, 0.4, 0.8, 1].forEach((v, i) => assert.ok(Math.abs(z[i] - v) < 1e-6, `${z[i]} vs ${v}`));
});

test('one transform on views of different sizes: the shift is the same fraction of each view\'s width and height', () => {
  const tr = drawTransform(new Rng(4), false, { ...NONE, ssr: 1, shift: 0.2 });
  assert.ok(Math.abs(tr.shift[0]) > 0.01 && Math.abs(tr.shift[1]) > 0.01, `shift ${tr.shift}`);
  for (const [H, W] of [
    [16, 16],
    [16, 24],
    [24, 40],
  ]) {
    // src = x + 100·y: bilinear resampling of a linear ramp is exact, so the centre pixel reads its source position.
    const src = Float32Array.from({ length: H * W }, (_, i) => (i % W) + 100 * Math.floor(i / W));
    const out = apply(src, [1, H, W, 1], tr, false);
    const [y, x] = [H / 2, W / 2];
    const v = out[y * W + x];
    assert.ok(Math.abs(v - (x + tr.shift[0] * W + 100 * (y + tr.shift[1] * H))) < 1e-3, `${H}×${W}: ${v}`);
  }
});
