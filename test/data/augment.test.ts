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

/**
 * The resampling written out as its definition, one case for every sample: the reflection folded for every
 * coordinate and the full bilinear form (weights (1 − w), w on both axes), then brightness/contrast.
 */
function reference(src: Float32Array, [D, H, W, C]: [number, number, number, number], tr: CaseTransform, clip: boolean): Float32Array {
  const reflect = (t: number, L: number): number => {
    const period = 2 * L;
    let m = t - Math.floor(t / period) * period;
    if (m >= L) m = period - 1 - m;
    return m < 0 ? 0 : m > L - 1 ? L - 1 : m;
  };
  const [a, b, c, d] = tr.m;
  const cx = (W - 1) / 2;
  const cy = (H - 1) / 2;
  const out = new Float32Array(src.length);
  let sum = 0;
  for (let z = 0; z < D; z++)
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const inX = reflect(a * x + b * y + (cx + tr.shift[0] * W - a * cx - b * cy), W);
        const inY = reflect(c * x + d * y + (cy + tr.shift[1] * H - c * cx - d * cy), H);
        const x0 = Math.floor(inX);
        const y0 = Math.floor(inY);
        const wx = inX - x0;
        const wy = inY - y0;
        const x1 = Math.min(x0 + 1, W - 1);
        const y1 = Math.min(y0 + 1, H - 1);
        const s = (yy: number, xx: number, k: number) => src[(((tr.flipDepth ? D - 1 - z : z) * H + yy) * W + xx) * C + k];
        for (let k = 0; k < C; k++) {
          const v = (s(y0, x0, k) * (1 - wx) + s(y0, x1, k) * wx) * (1 - wy) + (s(y1, x0, k) * (1 - wx) + s(y1, x1, k) * wx) * wy;
          out[((z * H + y) * W + x) * C + k] = v;
          sum += v;
        }
      }
  if (tr.contrast === 1 && tr.brightness === 0) return out;
  const mean = sum / src.length;
  return out.map((v) => {
    const u = (v - mean) * tr.contrast + mean + tr.brightness;
    return clip ? Math.min(Math.max(u, 0), 1) : u;
  });
}

test('the resampling equals its definition bit for bit: every transform kind, photos and volumes, samples outside the image', () => {
  const rng = new Rng(11);
  const shapes: [number, number, number, number][] = [
    [1, 9, 9, 3],
    [1, 7, 10, 3],
    [3, 6, 6, 1],
    [2, 5, 8, 2],
  ];
  const kinds: Partial<typeof NONE>[] = [
    { flip: 0.5, rotate90: 0.5 },
    // Large shifts, scales and angles: many samples fall outside the image and are folded back.
    { ssr: 1, shift: 0.4, scale: 0.5, degrees: 45 },
    { flip: 0.5, rotate90: 0.5, ssr: 0.5, shift: 0.1, scale: 0.1, degrees: 15, brightnessContrast: 1, brightness: 0.1, contrast: 0.1 },
  ];
  let bilinear = 0;
  for (const shape of shapes)
    for (const kind of kinds)
      for (let seed = 0; seed < 8; seed++) {
        const src = Float32Array.from({ length: shape.reduce((p, q) => p * q, 1) }, () => rng.next());
        const tr = drawTransform(new Rng(seed), shape[1] === shape[2], { ...NONE, ...kind });
        const clip = shape[0] === 1;
        const got = apply(src, shape, tr, clip);
        const want = reference(src, shape, tr, clip);
        got.forEach((v, i) => assert.ok(Object.is(v, want[i]), `${shape} ${JSON.stringify(kind)} seed ${seed}: value ${i} is ${v}, expected ${want[i]}`));
        if (!Number.isInteger(tr.m[0] * 2)) bilinear++;
      }
  assert.ok(bilinear >= 20, 'enough transforms that interpolate');
});
