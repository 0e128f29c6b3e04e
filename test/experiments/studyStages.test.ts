import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { adopt, decide, decideStage1, type Arm, type Scored } from '../../scripts/records/studyStages';
import { CfcmlError } from '../../lib/util/errors';

const arm = (folder: string): Arm => ({ stage: 1, name: folder, folder, set: folder, expect: { schedule: 'step', epochs: 40, patience: 15, lr: 5e-4 } });
const s = (folder: string, score: number | null): Scored => ({ arm: arm(folder), score, aucs: {}, missing: score === null ? ['x'] : [], numerics: {} });

test('adopt: the best candidate only if it clears the incumbent by the threshold; undecided while a score is missing', () => {
  const inc = s('inc', 0.82);
  assert.equal(adopt(inc, [s('a', 0.8249), s('b', 0.821)])?.arm.folder, 'inc'); // +0.0049: not enough
  assert.equal(adopt(inc, [s('a', 0.8251), s('b', 0.83)])?.arm.folder, 'b'); // the best of those that clear it
  assert.equal(adopt(inc, [s('a', 0.9), s('b', null)]), null);
  assert.equal(adopt(s('inc', null), [s('a', 0.9)]), null);
});

test('stage 1: the longer cosine needs +0.005 over the shorter, and the cosine winner +0.005 over StepLR', () => {
  // cos100 is +0.006 over StepLR but only +0.003 over cos60, which is +0.003 over StepLR: StepLR stays.
  assert.equal(decideStage1(s('step40', 0.82), s('cos60', 0.823), s('cos100', 0.826))?.arm.folder, 'step40');
  // cos100 clears cos60 and StepLR.
  assert.equal(decideStage1(s('step40', 0.82), s('cos60', 0.82), s('cos100', 0.826))?.arm.folder, 'cos100');
  // cos60 clears StepLR; cos100 does not clear cos60.
  assert.equal(decideStage1(s('step40', 0.81), s('cos60', 0.82), s('cos100', 0.824))?.arm.folder, 'cos60');
  assert.equal(decideStage1(s('step40', 0.82), s('cos60', null), s('cos100', 0.9)), null);
});

/** A finished tuning sweep as `cfcml sweep` leaves it, with only what the decision reads. */
function fakeSweep(root: string, folder: string, train: Record<string, unknown>, aucs: Record<string, number[]>, numerics = 'a427443263a8703b'): void {
  const runs: { index: number; id: string; group: string; data: string; preset: string; variant: string; seed: number; dir: string }[] = [];
  for (const [variant, vals] of Object.entries(aucs)) {
    vals.forEach((auc, i) => {
      const seed = 101 + i;
      const dir = `runs/${variant}/seed${seed}`;
      runs.push({ index: runs.length, id: `${variant}/seed${seed}`, group: '', data: 'd', preset: 'cpu', variant, seed, dir });
      const abs = path.join(root, folder, dir);
      fs.mkdirSync(abs, { recursive: true });
      fs.writeFileSync(path.join(abs, 'options.json'), JSON.stringify({ dataset: 'derm7pt', variant, preset: 'cpu', seed, excludedFields: [], train, numerics }));
      fs.writeFileSync(path.join(abs, 'metrics.json'), JSON.stringify({ bestEpoch: 1, epochs: 1, valid: { auc }, test: null }));
      fs.writeFileSync(path.join(abs, 'history.json'), '[]');
    });
  }
  fs.writeFileSync(path.join(root, folder, 'sweep.json'), JSON.stringify({ version: 1, data: ['d'], presets: ['cpu'], variants: Object.keys(aucs), seeds: [101, 102, 103], trainArgs: [], runs }));
}

test('decide: reads the stage folders, checks what each run was trained with, and builds the next stage on the winner', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-stages-'));
  const step = { schedule: 'step', epochs: 40, patience: 15, lr: 5e-4 };
  const cos = (epochs: number) => ({ schedule: 'cosine', epochs, patience: 0, lr: 5e-4 });
  fakeSweep(root, 'tune-n4-step40', step, { full: [0.8, 0.8, 0.8], 'late-fusion': [0.8, 0.8, 0.8] });
  fakeSweep(root, 'tune-n4-cos60', cos(60), { full: [0.81, 0.81, 0.81], 'late-fusion': [0.81, 0.81, 0.81] });
  // cos100 is one seed short: stage 1 cannot be decided yet.
  fakeSweep(root, 'tune-n4-cos100', cos(100), { full: [0.9, 0.9], 'late-fusion': [0.9, 0.9, 0.9] });
  let stages = decide(root);
  assert.equal(stages.length, 1);
  assert.equal(stages[0].winner, null);
  assert.deepEqual(stages[0].arms[2].missing, ['tune-n4-cos100/full/seed103']);
  // Complete, cos100 only +0.003 over cos60: cos60 (+0.01 over StepLR) wins, and stage 2 is built on it.
  fakeSweep(root, 'tune-n4-cos100', cos(100), { full: [0.813, 0.813, 0.813], 'late-fusion': [0.813, 0.813, 0.813] });
  stages = decide(root);
  assert.equal(stages[0].winner?.arm.folder, 'tune-n4-cos60');
  assert.equal(stages.length, 2);
  assert.deepEqual(stages[1].arms.map((a) => [a.arm.folder, a.arm.set]), [
    ['tune-n4-s2-lr5e-4', 'schedule=cosine,epochs=60,patience=0,lr=5e-4'],
    ['tune-n4-s2-lr1e-3', 'schedule=cosine,epochs=60,patience=0,lr=1e-3'],
    ['tune-n4-s2-lr2e-3', 'schedule=cosine,epochs=60,patience=0,lr=2e-3'],
  ]);
  assert.equal(stages[1].winner, null);
  // A stage-2 run trained with another lr than its arm's is refused, naming its folder.
  fakeSweep(root, 'tune-n4-s2-lr1e-3', { ...cos(60), lr: 2e-3 }, { full: [0.8] });
  assert.throws(() => decide(root), (e: Error) => e instanceof CfcmlError && /lr 0\.002.*expects.*lr 0\.001/.test(e.message) && /tune-n4-s2-lr1e-3/.test(e.message));
});

test('decide: a stage whose runs were trained on two arithmetics is refused, naming both fingerprints', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-stages-'));
  const all = { full: [0.8, 0.8, 0.8], 'late-fusion': [0.8, 0.8, 0.8] };
  fakeSweep(root, 'tune-n4-step40', { schedule: 'step', epochs: 40, patience: 15, lr: 5e-4 }, all);
  fakeSweep(root, 'tune-n4-cos60', { schedule: 'cosine', epochs: 60, patience: 0, lr: 5e-4 }, all);
  fakeSweep(root, 'tune-n4-cos100', { schedule: 'cosine', epochs: 100, patience: 0, lr: 5e-4 }, all, '3cac639786c299dd');
  assert.throws(
    () => decide(root),
    (e: Error) => e instanceof CfcmlError && /stage 1's runs were trained on 2 different arithmetics/.test(e.message) && /3cac639786c299dd: 6 run/.test(e.message) && /a427443263a8703b: 12 run/.test(e.message),
  );
});
