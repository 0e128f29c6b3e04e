import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adopt, decideStage1, type Arm, type Scored } from '../../scripts/records/studyStages';

const arm = (folder: string): Arm => ({ stage: 1, name: folder, folder, set: folder, expect: { schedule: 'step', epochs: 40, patience: 15, lr: 5e-4 } });
const s = (folder: string, score: number | null): Scored => ({ arm: arm(folder), score, aucs: {}, missing: score === null ? ['x'] : [] });

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
