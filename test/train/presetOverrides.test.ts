import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DERM7PT, getPreset } from '../../lib/data/datasets';
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
