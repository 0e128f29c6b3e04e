import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parsePlan, progress } from '../../scripts/records/studyProgress';
import { CfcmlError } from '../../lib/util/errors';

/** A run folder with what the progress reads: options (cohort, variant), per-epoch seconds, and metrics when finished. */
function fakeRun(dir: string, cohort: string, variant: string, seconds: number[], finished: boolean): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'options.json'), JSON.stringify({ dataset: 'derm7pt', data: `/x/${cohort}`, variant, preset: 'cpu', seed: 1, excludedFields: [] }));
  fs.writeFileSync(path.join(dir, 'history.json'), JSON.stringify(seconds.map((s, i) => ({ epoch: i + 1, seconds: s }))));
  if (finished) fs.writeFileSync(path.join(dir, 'metrics.json'), '{}');
}

const line = (plan: string, sweep: string, cohort: string, variant: string, seed: number, extra = '') =>
  `/usr/bin/node /b/dist/bin/cfcml.js train --data /d/${cohort} --preset cpu --variant ${variant} --seed ${seed} --out ${plan}/${sweep}/runs/${cohort}/${variant}/seed${seed} --progress line --resume${extra}`;

test('study progress: runs finished per sweep (ledger or working folder), each once; CPU time spent and left from the finished peers', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-progress-'));
  const [plan, runs, ledger] = ['plan', 'runs', 'ledger'].map((d) => path.join(root, d));
  const set = ' --set schedule=cosine,epochs=4,patience=0';
  const text = [
    'sweep /x: 4 runs (2 variants × 2 seeds)',
    line(plan, 'curve', 'n1', 'full', 1, set),
    line(plan, 'curve', 'n1', 'late-fusion', 1, set),
    // The second call of a sweep lists the first call's runs again.
    line(plan, 'curve', 'n1', 'full', 1, set),
    line(plan, 'curve', 'n1', 'late-fusion', 1, set),
    line(plan, 'curve', 'n1', 'full', 2, set),
    line(plan, 'curve', 'n1', 'late-fusion', 2, set),
    line(plan, 'men', 'm1', 'full', 1),
  ].join('\n');
  const p = parsePlan(text, plan);
  assert.deepEqual(p.map((r) => `${r.sweep} ${r.cohort} ${r.variant} ${r.seed} ${r.epochs}`), [
    'curve n1 full 1 4',
    'curve n1 late-fusion 1 4',
    'curve n1 full 2 4',
    'curve n1 late-fusion 2 4',
    'men m1 full 1 undefined',
  ]);
  // full seed 1 finished and archived (4 epochs of 10 s); late-fusion seed 1 finished, not archived yet (4 × 5 s);
  // full seed 2 has 1 of its 4 epochs in its working folder; late-fusion seed 2 not started; MEN has no peer.
  fakeRun(path.join(ledger, 'curve/runs/n1/full/seed1'), 'n1', 'full', [10, 10, 10, 10], true);
  fakeRun(path.join(runs, 'curve/runs/n1/late-fusion/seed1'), 'n1', 'late-fusion', [5, 5, 5, 5], true);
  fakeRun(path.join(runs, 'curve/runs/n1/full/seed2'), 'n1', 'full', [12], false);
  const [curve, men] = progress(p, runs, ledger);
  assert.deepEqual(curve, { sweep: 'curve', runs: 4, finished: 2, inLedger: 1, spent: 60, left: 3 * 10 + 4 * 5, noEstimate: 0 });
  assert.deepEqual(men, { sweep: 'men', runs: 1, finished: 0, inLedger: 0, spent: 0, left: 0, noEstimate: 1 });
  // A peer of another sweep (same cohort and variant) gives the seconds per epoch; the epochs come from a
  // finished run of the same sweep and cohort when the line does not say.
  fakeRun(path.join(ledger, 'tune/runs/full/seed101'), 'm1', 'full', [3, 3], true);
  assert.deepEqual(progress(p, runs, ledger)[1], { sweep: 'men', runs: 1, finished: 0, inLedger: 0, spent: 0, left: 0, noEstimate: 1 });
  const text2 = `${text}\n${line(plan, 'men', 'm1', 'full', 2)}`;
  fakeRun(path.join(ledger, 'men/runs/m1/full/seed1'), 'm1', 'full', [7, 7, 7], true);
  // Same sweep's peer first: 7 s per epoch (not the tuning run's 3), 3 epochs.
  assert.deepEqual(progress(parsePlan(text2, plan), runs, ledger)[1], { sweep: 'men', runs: 2, finished: 1, inLedger: 1, spent: 21, left: 21, noEstimate: 0 });
});

test('study progress: a train line without its run folder, or outside the plan folder, is an error naming the line', () => {
  assert.throws(() => parsePlan('node cfcml.js train --data d --variant full --seed 1', '/p'), (e: Error) => e instanceof CfcmlError && /line 1/.test(e.message) && /--out/.test(e.message));
  assert.throws(() => parsePlan('x\nnode cfcml.js train --data d --variant full --seed 1 --out /elsewhere/r', '/p'), (e: Error) => e instanceof CfcmlError && /line 2/.test(e.message) && /not under/.test(e.message));
  assert.deepEqual(parsePlan('sweep /p: 0 runs\n', '/p'), []);
});
