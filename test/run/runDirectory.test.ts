import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DERM7PT, MEN } from '../../lib/data/datasets';
import type { CaseRecord, Cohort } from '../../lib/data/types';
import { packRunCheckpoint, unpackOptimizerState, unpackWeights, type RunCheckpointMeta } from '../../lib/run/checkpoint';
import { resolveTrainConfig, runDirFor, splitCases, TRAIN_DEFAULTS } from '../../lib/train/config';
import { RunDirectory } from '../../lib/run/runDirectory';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-rundir-'));

test('predictions written by a RunDirectory read back with ids, labels and probabilities', () => {
  const run = new RunDirectory(tmp());
  run.reset();
  const p = { ids: ['a', 'b,c'], labels: [1, 0], probs: [[0.25, 0.75], [0.9, 0.1]], loss: 0.3 };
  const file = run.writePredictions('test', p, DERM7PT);
  assert.equal(path.basename(file), 'predictions_test.csv');
  assert.equal(fs.readFileSync(file, 'utf8').split('\n')[0], 'id,label,prob_0,prob_1');
  const back = run.readPredictions('test');
  assert.deepEqual(back, { ids: ['a', 'b,c'], labels: [1, 0], probs: [[0.25, 0.75], [0.9, 0.1]] });
  fs.writeFileSync(file, 'id,label,prob_0,prob_1\nx,2,0.5,0.5\n');
  assert.throws(() => run.readPredictions('test'), /row 2, column 'label': '2' is not a class index in 0..1/);
});

test('history, metrics and options round-trip; reset removes only the run outputs', () => {
  const dir = tmp();
  const run = new RunDirectory(dir);
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'keep me');
  fs.writeFileSync(path.join(dir, 'metrics.json'), '{}');
  run.reset();
  assert.deepEqual(fs.readdirSync(dir), ['notes.txt']);
  const rec = { epoch: 1, lr: 1e-3, loss: 1.5, ce: 0.7, sam: 5, up: 4, cp: 2, val_loss: 0.6, val_auc: 0.75, val_accuracy: 0.5, val_balanced_accuracy: 0.5, seconds: 1, best: true };
  run.writeHistory([rec]);
  assert.deepEqual(run.readHistory(), [rec]);
  assert.equal(fs.readFileSync(run.file('history.csv'), 'utf8').split('\n')[0], 'epoch,lr,loss,ce,sam,up,cp,val_loss,val_auc,val_accuracy,val_balanced_accuracy,seconds,best');
  assert.throws(() => run.readMetrics(), /no metrics.json in the run directory/);
});

test('a run checkpoint keeps weights and Adam moments apart and names a missing slot', () => {
  const w = [{ key: 'enc/k', shape: [2], data: new Float32Array([1, 2]) }];
  const meta = { adamStep: 7 } as RunCheckpointMeta;
  const last = packRunCheckpoint(meta, w, { step: 7, slots: [{ key: 'enc/k', shape: [2], m: new Float32Array([3, 4]), v: new Float32Array([5, 6]) }] });
  assert.deepEqual(last.arrays.map((a) => a.name), ['w:enc/k', 'm:enc/k', 'v:enc/k']);
  assert.deepEqual(unpackWeights(last).map((x) => [x.key, Array.from(x.data)]), [['enc/k', [1, 2]]]);
  const st = unpackOptimizerState(last, ['enc/k'], 'last.ckpt');
  assert.equal(st.step, 7);
  assert.deepEqual(Array.from(st.slots[0].v), [5, 6]);
  const best = packRunCheckpoint(meta, w);
  assert.throws(() => unpackOptimizerState(best, ['enc/k'], 'best.ckpt'), /no optimizer state for 'enc\/k'/);
});

function cohortOf(spec = DERM7PT): Cohort {
  const cases = ['train', 'train', 'valid', 'test'].map((split, i) => ({ id: `c${i}`, split, label: i % 2, tabular: {}, images: [] }) as unknown as CaseRecord);
  return { spec, root: '/nowhere', cases, excluded: [], fingerprint: 'f' };
}

test('resolveTrainConfig: the defaults come from TRAIN_DEFAULTS and the preset; shorthands override it', () => {
  const cohort = cohortOf();
  const c = resolveTrainConfig({ data: 'd', excludeFields: 'none' }, cohort, []);
  assert.equal(c.seed, 666);
  assert.equal(c.seed, TRAIN_DEFAULTS.seed);
  assert.equal(c.preset, 'cpu');
  assert.equal(c.variant, 'full');
  assert.deepEqual(c.train, DERM7PT.presets.cpu);
  assert.deepEqual(c.hrmWeights, DERM7PT.presets.cpu.hrm);
  const d = resolveTrainConfig({ data: 'd', preset: 'tiny', variant: 'no-sam', epochs: 3, imageSize: 24, overrides: { model: { width: 8 } }, excludeFields: ['sex'] }, cohort, []);
  assert.equal(d.train.epochs, 3);
  assert.deepEqual(d.train.imageSize, [24, 24]);
  assert.equal(d.train.model.width, 8);
  assert.equal(d.train.model.heads, DERM7PT.presets.tiny.model.heads);
  assert.equal(d.hrmWeights.sam, 0);
  assert.deepEqual(d.excludedFields, ['sex']);
  // 3D: one number sets H = W, the preset's depth stays.
  assert.deepEqual(resolveTrainConfig({ data: 'd', preset: 'tiny', imageSize: 20, excludeFields: 'none' }, cohortOf(MEN), []).train.imageSize, [8, 20, 20]);
  assert.equal(runDirFor({}, d), path.resolve('runs/derm7pt-no-sam-seed666'));
  assert.throws(() => resolveTrainConfig({ data: 'd', lr: -1, excludeFields: 'none' }, cohort, []), /lr must be > 0, got -1/);
});

test('splitCases refuses an empty valid split and a class absent from train', () => {
  const c = cohortOf();
  assert.deepEqual(Object.values(splitCases(c)).map((s) => s.length), [2, 1, 1]);
  assert.throws(() => splitCases({ ...c, cases: c.cases.filter((x) => x.split !== 'valid') }), /the valid split is empty/);
  assert.throws(() => splitCases({ ...c, cases: c.cases.filter((x) => !(x.split === 'train' && x.label === 1)) }), /class 'MEL' has no case in the train split/);
});

test('state follows metrics.json > failed.json > last.ckpt; the failure record and the readers check their files', () => {
  const run = new RunDirectory(tmp());
  assert.equal(run.state(), 'missing');
  fs.writeFileSync(run.checkpointFile('last'), '');
  assert.equal(run.state(), 'partial');
  const failure = { exitCode: 3, signal: null, tail: 'boom', at: '2026-12-02T00:00:00.000Z' };
  assert.equal(run.readFailure(), null);
  run.writeFailure(failure);
  assert.equal(run.state(), 'failed');
  assert.deepEqual(run.readFailure(), failure);
  fs.writeFileSync(run.file('metrics.json'), JSON.stringify({ bestEpoch: 1, epochs: 2, test: null }));
  assert.equal(run.state(), 'done');
  assert.throws(() => run.readMetrics(), /metrics\.json: field 'valid' is missing/);
  run.clearFailure();
  assert.equal(run.readFailure(), null);
  fs.writeFileSync(run.file('options.json'), JSON.stringify({ dataset: 'derm7pt', variant: 'full', preset: 'cpu' }));
  assert.throws(() => run.readOptions(), /options\.json: field 'excludedFields' is missing or not a list/);
  fs.writeFileSync(run.predictionsFile('valid'), 'label,prob_0,prob_1\n1,0.2,0.8\n');
  assert.throws(() => run.readPredictions('valid'), /missing column\(s\) 'id'/);
});
