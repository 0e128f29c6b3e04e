import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Canvas, ValueNoise } from '../../lib/synth/raster';
import { Rng } from '../../lib/util/random';

test('ValueNoise.grid2d equals at() at every grid point, bit for bit (wrapping outside the extent too)', () => {
  const noise = new ValueNoise(new Rng(7), 8, 1);
  const us = Array.from({ length: 37 }, (_, i) => (2 * i) / 37 - 1.6); // crosses -extent
  const vs = Array.from({ length: 23 }, (_, i) => (3 * i) / 23 - 1.2); // crosses +extent
  const g = noise.grid2d(us, vs);
  assert.equal(g.length, us.length * vs.length);
  let differ = 0;
  for (let y = 0; y < vs.length; y++) for (let x = 0; x < us.length; x++) if (!Object.is(g[y * us.length + x], noise.at(us[x], vs[y]))) differ++;
  assert.equal(differ, 0);
  // Not a constant: the noise spans about [-1, 1].
  assert.ok(Math.max(...g) - Math.min(...g) > 0.5);
});

test('Canvas.toUint8 rounds half up and clamps like Math.round on [0, 255]', () => {
  const c = new Canvas(4, 2);
  const vals = [-0.2, 0, 0.5 / 255, 1.5 / 255, 0.49999 / 255, 127.5 / 255, 254.5 / 255, 0.9999, 1, 1.3, Math.fround(0.1), 0.3, 0.7, 2.5 / 255, 200.49 / 255, 0.5];
  for (let i = 0; i < c.data.length; i++) c.data[i] = vals[i % vals.length];
  const u8 = c.toUint8();
  for (let i = 0; i < c.data.length; i++) {
    const v = c.data[i];
    assert.equal(u8[i], v <= 0 ? 0 : v >= 1 ? 255 : Math.round(v * 255), `value ${v}`);
  }
  // By hand: −0.2 → 0, 1 → 255, 1.3 → 255, float32(0.3)·255 = 76.500003 → 77, float32(0.7)·255 = 178.499997 → 178.
  assert.deepEqual([u8[0], u8[8], u8[9], u8[11], u8[12]], [0, 255, 255, 77, 178]);
});
