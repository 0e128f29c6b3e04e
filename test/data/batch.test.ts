import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { ImageCache, TabularEncoder, disposeBatch, loadCohort, makeBatch } from '../../lib/data';
import { synthDerm7pt, synthMen } from '../../lib/synth';
import { decodePhoto } from '../../lib/data/imageCache';
import { tmpDir } from './fixtures';

test('makeBatch: shapes, no tensor leak, seeded augmentation, one transform for all images of a case', async () => {
  await tf.setBackend('cpu');
  const root = tmpDir('batch');
  await synthDerm7pt({ out: root, seed: 2, scale: 0.03 });
  const cohort = await loadCohort(root);
  const cache = await ImageCache.load(cohort, { size: [24, 24] });
  const enc = TabularEncoder.fit(cohort.spec, cohort.cases.filter((c) => c.split === 'train'), { exclude: ['management'] });
  const same = cohort.cases.findIndex((c) => c.imagePaths[0] === c.imagePaths[1]);
  assert.ok(same >= 0, 'a case with one file for both images');
  const idx = [same, 0, 1, 2];
  const before = tf.memory().numTensors;

  const plain = makeBatch(cohort.spec, cohort.cases, idx, cache, enc);
  assert.deepEqual(plain.images.map((t) => t.shape), [[4, 24, 24, 3], [4, 24, 24, 3]]);
  assert.deepEqual(plain.tabular.shape, [4, 4]);
  assert.equal(plain.labels.dtype, 'int32');
  const firstDerm = tf.tidy(() => Array.from(plain.images[1].slice([1, 0, 0, 0], [1, 24, 24, 3]).dataSync()));
  assert.deepEqual(firstDerm, Array.from(cache.get(cohort.cases[0].id, 1)));

  const a1 = makeBatch(cohort.spec, cohort.cases, idx, cache, enc, { augment: true, seed: 11 });
  const a2 = makeBatch(cohort.spec, cohort.cases, idx, cache, enc, { augment: true, seed: 11 });
  const a3 = makeBatch(cohort.spec, cohort.cases, idx, cache, enc, { augment: true, seed: 12 });
  assert.deepEqual(Array.from(a1.images[0].dataSync()), Array.from(a2.images[0].dataSync()));
  assert.notDeepEqual(Array.from(a1.images[0].dataSync()), Array.from(a3.images[0].dataSync()));
  // The shared-file case has identical clinic and derm inputs, so one transform gives identical outputs.
  for (const b of [a1, a3]) {
    const [c0, c1] = tf.tidy(() => b.images.map((t) => Array.from(t.slice([0, 0, 0, 0], [1, 24, 24, 3]).dataSync())));
    assert.deepEqual(c0, c1);
  }
  const [min, max] = tf.tidy(() => [a1.images[0].min().dataSync()[0], a1.images[0].max().dataSync()[0]]);
  assert.ok(min >= 0 && max <= 1);
  // Every case of the batch is transformed, not only the first (tfjs 4.22's CPU tf.image.transform fills
  // all but the first image with zeros): flips alone keep each image's sum.
  const flips = makeBatch(cohort.spec, cohort.cases, idx, cache, enc, {
    augment: true,
    seed: 5,
    augmentOptions: { flip: 1, rotate90: 0, ssr: 0, brightnessContrast: 0 },
  });
  const sums = (t: tf.Tensor) => tf.tidy(() => Array.from(t.sum([1, 2, 3]).dataSync()));
  sums(flips.images[1]).forEach((v, k) => assert.ok(Math.abs(v - sums(plain.images[1])[k]) < 1e-2, `case ${k}: ${v}`));
  assert.notDeepEqual(tf.tidy(() => Array.from(flips.images[1].dataSync())), tf.tidy(() => Array.from(plain.images[1].dataSync())));
  disposeBatch(flips);
  for (const b of [plain, a1, a2, a3]) disposeBatch(b);
  assert.equal(tf.memory().numTensors, before);
});

test('makeBatch on 3D volumes with augmentation keeps shapes and leaks nothing', async () => {
  await tf.setBackend('cpu');
  const root = tmpDir('batch3d');
  await synthMen({ out: root, seed: 2, scale: 0.03, size: [6, 12, 12] });
  const cohort = await loadCohort(root);
  const cache = await ImageCache.load(cohort, { size: [4, 8, 8] });
  const enc = TabularEncoder.fit(cohort.spec, cohort.cases.filter((c) => c.split === 'train'));
  const before = tf.memory().numTensors;
  const b = makeBatch(cohort.spec, cohort.cases, [0, 1, 2], cache, enc, { augment: true, seed: 1 });
  assert.deepEqual(b.images.map((t) => t.shape), [[3, 4, 8, 8, 1], [3, 4, 8, 8, 1], [3, 4, 8, 8, 1]]);
  assert.deepEqual(b.tabular.shape, [3, 6]);
  assert.ok(tf.tidy(() => b.images.every((t) => Number.isFinite(t.sum().dataSync()[0]))));
  disposeBatch(b);
  assert.equal(tf.memory().numTensors, before);
});

test('views of different sizes (viewSizes): each view cached and batched at its own size; a non-square view turns by half turns only', async () => {
  await tf.setBackend('cpu');
  const root = tmpDir('batchviews');
  await synthDerm7pt({ out: root, seed: 2, scale: 0.03 });
  const cohort = await loadCohort(root);
  // The synthetic clinical photo is 192 wide and 128 high: H×W 16×24 keeps its shape.
  const cache = await ImageCache.load(cohort, { size: [24, 24], viewSizes: { clinic: [16, 24] } });
  const square = await ImageCache.load(cohort, { size: [24, 24] });
  assert.deepEqual(cache.sizes, [[16, 24], [24, 24]]);
  const c0 = cohort.cases[0];
  const photo = await decodePhoto(c0.imagePaths[0], [16, 24]);
  assert.deepEqual(cache.get(c0.id, 0), Float32Array.from(photo.data, (v) => v / 255));
  assert.deepEqual(Array.from(cache.get(c0.id, 1)), Array.from(square.get(c0.id, 1)), 'the square view is as without viewSizes');
  // A file both views use is decoded once per size.
  const same = cohort.cases.findIndex((c) => c.imagePaths[0] === c.imagePaths[1]);
  assert.ok(same >= 0, 'a case with one file for both images');
  const sameId = cohort.cases[same].id;
  assert.deepEqual([cache.get(sameId, 0).length, cache.get(sameId, 1).length], [16 * 24 * 3, 24 * 24 * 3]);
  assert.deepEqual(Array.from(cache.get(sameId, 1)), Array.from(square.get(sameId, 1)));

  const enc = TabularEncoder.fit(cohort.spec, cohort.cases.filter((c) => c.split === 'train'), { exclude: ['management'] });
  const idx = [same, 0, 1, 2];
  const before = tf.memory().numTensors;
  const plain = makeBatch(cohort.spec, cohort.cases, idx, cache, enc);
  assert.deepEqual(plain.images.map((t) => t.shape), [[4, 16, 24, 3], [4, 24, 24, 3]]);
  // rotate90 alone: with a non-square view a quarter turn would change its shape, so every case turns by 180°,
  // both views alike (one transform per case); over 8 seeds × 4 cases a quarter turn would have shown.
  for (let seed = 0; seed < 8; seed++) {
    const turned = makeBatch(cohort.spec, cohort.cases, idx, cache, enc, { augment: true, seed, augmentOptions: { flip: 0, rotate90: 1, ssr: 0, brightnessContrast: 0 } });
    turned.images.forEach((t, m) => {
      const want = tf.tidy(() => Array.from(tf.reverse(plain.images[m], [1, 2]).dataSync()));
      assert.deepEqual(Array.from(t.dataSync()), want, `seed ${seed}, view ${m}`);
    });
    disposeBatch(turned);
  }
  disposeBatch(plain);
  assert.equal(tf.memory().numTensors, before);
});
