import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DERM7PT, getPreset, MEN } from '../../lib/data/datasets';
import { imageSizesOf } from '../../lib/data/spec';
import { parsePresetOverrides, resolveTrainPreset } from '../../lib/train/config';
import { hrmWeightsAt } from '../../lib/train/loss';
import { CfcmlError } from '../../lib/util/errors';

test('--set parses typed preset overrides, nested model.* and hrm.* included, and they reach the resolved preset', () => {
  const ov = parsePresetOverrides('model.tokenNorm=false, hrmWarmupEpochs=5,hrm.sam=0.01,tau=0.1,augment=false');
  assert.deepEqual(ov, { hrmWarmupEpochs: 5, tau: 0.1, augment: false, model: { tokenNorm: false }, hrm: { sam: 0.01 } });
  const p = resolveTrainPreset({ data: '.', preset: 'cpu', overrides: ov }, DERM7PT);
  const base = getPreset(DERM7PT, 'cpu');
  assert.equal(p.model.tokenNorm, false);
  assert.equal(p.model.width, base.model.width); // the rest of the model preset is kept
  assert.deepEqual(p.hrm, { ...base.hrm, sam: 0.01 });
  assert.equal(p.hrmWarmupEpochs, 5);
  assert.equal(p.tau, 0.1);
  assert.equal(p.augment, false);
});

test('--set refuses unknown keys and mistyped values, naming them', () => {
  const fails = (text: string, pattern: RegExp) =>
    assert.throws(() => parsePresetOverrides(text), (e: unknown) => e instanceof CfcmlError && pattern.test(e.message), text);
  fails('model.tokennorm=true', /unknown preset field 'model\.tokennorm'.*model\.tokenNorm/);
  fails('model.tokenNorm=yes', /model\.tokenNorm: expected true or false, got 'yes'/);
  fails('epochs=2.5', /epochs: expected a whole number ≥ 0, got '2\.5'/);
  fails('lr=abc', /lr: expected a finite number ≥ 0, got 'abc'/);
  fails('lr', /expects key=value, got 'lr'/);
  fails('schedule=linear', /schedule: expected one of step, cosine, got 'linear'/);
});

test('--set schedule=cosine reaches the resolved preset (a string field with its choices)', () => {
  const ov = parsePresetOverrides('schedule=cosine,epochs=80');
  assert.deepEqual(ov, { schedule: 'cosine', epochs: 80 });
  const p = resolveTrainPreset({ data: '.', preset: 'cpu', overrides: ov }, DERM7PT);
  assert.equal(p.schedule, 'cosine');
  assert.equal(p.epochs, 80);
});

test('HRM warm-up: epoch e trains with min(1, e/n) of the weights; 0 = constant', () => {
  const w = { sam: 0.04, up: 0.06, cp: 0.18 };
  assert.deepEqual(hrmWeightsAt(w, 0, 4), { sam: 0, up: 0, cp: 0 });
  const half = hrmWeightsAt(w, 2, 4);
  assert.ok(Math.abs(half.sam - 0.02) < 1e-12 && Math.abs(half.up - 0.03) < 1e-12 && Math.abs(half.cp - 0.09) < 1e-12);
  assert.deepEqual(hrmWeightsAt(w, 4, 4), w);
  assert.deepEqual(hrmWeightsAt(w, 9, 4), w);
  assert.equal(hrmWeightsAt(w, 0, 0), w);
});

test('--set viewSizes.<view>=HxW gives one view its own size; the others keep imageSize; without it the preset is unchanged', () => {
  const ov = parsePresetOverrides('viewSizes.clinic=64x96,epochs=3');
  assert.deepEqual(ov, { viewSizes: { clinic: [64, 96] }, epochs: 3 });
  const p = resolveTrainPreset({ data: '.', preset: 'cpu', overrides: ov }, DERM7PT);
  assert.deepEqual(p.viewSizes, { clinic: [64, 96] });
  assert.deepEqual(imageSizesOf(DERM7PT, p), [[64, 96], [64, 64]]); // clinic, derm (the spec's order)
  // --image-size sets the views without their own size.
  const q = resolveTrainPreset({ data: '.', preset: 'cpu', imageSize: 32, overrides: ov }, DERM7PT);
  assert.deepEqual(imageSizesOf(DERM7PT, q), [[64, 96], [32, 32]]);
  // Without viewSizes the resolved preset has no such key (options.json and fingerprints as before).
  const plain = resolveTrainPreset({ data: '.', preset: 'cpu' }, DERM7PT);
  assert.equal('viewSizes' in plain, false);
  assert.deepEqual(plain, { ...getPreset(DERM7PT, 'cpu') });
  // imageSize itself, and a 3D view's D×H×W.
  assert.deepEqual(parsePresetOverrides('imageSize=48x48,viewSizes.t1c=8x32x32'), { imageSize: [48, 48], viewSizes: { t1c: [8, 32, 32] } });
  const men = resolveTrainPreset({ data: '.', preset: 'tiny', overrides: parsePresetOverrides('viewSizes.t1c=8x32x32') }, MEN);
  assert.deepEqual(imageSizesOf(MEN, men), [[8, 32, 32], ...MEN.imageModalities.slice(1).map(() => getPreset(MEN, 'tiny').imageSize)]);
});

test('viewSizes: bad sizes and unknown views are refused, naming the view, the size and what is expected', () => {
  const fails = (text: string, pattern: RegExp) =>
    assert.throws(() => parsePresetOverrides(text), (e: unknown) => e instanceof CfcmlError && pattern.test(e.message), text);
  fails('viewSizes.clinic=64', /viewSizes\.clinic: expected an image size, whole numbers ≥ 1 joined by 'x' \(H×W, or D×H×W for volumes\), e\.g\. 64x96; got '64'/);
  fails('viewSizes.clinic=0x64', /got '0x64'/);
  fails('viewSizes.clinic=64x', /got '64x'/);
  fails('viewSizes.clinic=6.5x64', /got '6\.5x64'/);
  fails('viewSizes=64x64', /unknown preset field 'viewSizes'.*viewSizes\.<view>/);
  const resolveFails = (text: string, pattern: RegExp) =>
    assert.throws(
      () => resolveTrainPreset({ data: '.', preset: 'cpu', overrides: parsePresetOverrides(text) }, DERM7PT),
      (e: unknown) => e instanceof CfcmlError && pattern.test(e.message),
      text,
    );
  resolveFails('viewSizes.clinc=64x96', /viewSizes\.clinc: derm7pt has no image modality 'clinc'; its views: clinic, derm/);
  resolveFails('viewSizes.derm=8x64x64', /viewSizes\.derm: the 2d view 'derm' needs a size of 2 whole numbers ≥ 1 \(H×W\), got 8×64×64/);
  resolveFails('imageSize=8x64x64', /imageSize: the 2d view 'clinic' needs a size of 2 whole numbers ≥ 1 \(H×W\), got 8×64×64/);
});
