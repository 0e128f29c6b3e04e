import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parsePlan, progress, referenceProgress } from '../../scripts/records/studyProgress';
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
  // A cohort with no finished run of its own (a null control) takes a cohort of its size's seconds per epoch
  // for the same variant, when told which: n1-null is n1's size (full: 10 s per epoch, 4 epochs).
  const text3 = `${text}\n${line(plan, 'null', 'n1-null', 'full', 1, set)}`;
  assert.deepEqual(progress(parsePlan(text3, plan), runs, ledger).at(-1), { sweep: 'null', runs: 1, finished: 0, inLedger: 0, spent: 0, left: 0, noEstimate: 1 });
  assert.deepEqual(progress(parsePlan(text3, plan), runs, ledger, { 'n1-null': 'n1' }).at(-1), { sweep: 'null', runs: 1, finished: 0, inLedger: 0, spent: 0, left: 40, noEstimate: 0 });
});

test('study progress: a train line without its run folder, or outside the plan folder, is an error naming the line', () => {
  assert.throws(() => parsePlan('node cfcml.js train --data d --variant full --seed 1', '/p'), (e: Error) => e instanceof CfcmlError && /line 1/.test(e.message) && /--out/.test(e.message));
  assert.throws(() => parsePlan('x\nnode cfcml.js train --data d --variant full --seed 1 --out /elsewhere/r', '/p'), (e: Error) => e instanceof CfcmlError && /line 2/.test(e.message) && /not under/.test(e.message));
  assert.deepEqual(parsePlan('sweep /p: 0 runs\n', '/p'), []);
});

test('study progress, standard-recipe networks: done per form, those begun (per-form or per-network logs), logged or scaled seconds per epoch, hours left', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-refprogress-'));
  const cohort = (name: string, train: number, valid: number) => {
    const dir = path.join(root, 'data', name);
    fs.mkdirSync(dir, { recursive: true });
    const rows = [...Array(train).fill('train'), ...Array(valid).fill('valid'), 'test'].map((s, i) => `${i + 1},${s},${i % 2},0.5`);
    fs.writeFileSync(path.join(dir, 'oracle.csv'), ['case_num,split,label,p_joint', ...rows].join('\n') + '\n');
    return dir;
  };
  // Work per epoch: n1 3·10 + 4 = 34, n2 3·20 + 4 = 64.
  const cohorts = [cohort('n1', 10, 4), cohort('n2', 20, 4)];
  const [logs, ledger] = [path.join(root, 'logs'), path.join(root, 'ledger')];
  fs.mkdirSync(logs);
  fs.mkdirSync(ledger);
  // n1: joint seeds 1-2 finished, seed 3 at epoch 4 of 10 (a per-form log, 3.4 s per epoch); late: seed 2 at
  // epoch 1 in a per-network log (no seconds yet). n2: late seed 1 at epoch 5 in an older log without seconds.
  fs.writeFileSync(path.join(ledger, 'n1.json'), JSON.stringify({ runs: [{ form: 'joint', seed: 1 }, { form: 'joint', seed: 2 }] }));
  fs.writeFileSync(
    path.join(logs, 'n1-joint.log'),
    [
      'standard recipe: n1: train 10, valid 4, test 1 cases; 3 of 3 networks to train',
      '  joint seed 2: epoch 10/10, best valid AUC 0.7000 (epoch 9)',
      '  joint seed 3: epoch 2/10, best valid AUC 0.6000 (epoch 2), 3.0 s/epoch',
      '  joint seed 3: epoch 4/10, best valid AUC 0.6100 (epoch 3), 3.4 s/epoch',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(logs, 'n1-late-seed2.log'), '  late seed 2: epoch 1/10, best valid AUC 0.5 (epoch 1)\n');
  fs.writeFileSync(path.join(logs, 'n2-late.log'), '  late seed 1: epoch 5/10, best valid AUC 0.5 (epoch 5)\n');
  const jobs = referenceProgress(cohorts, logs, ledger, 10, 3);
  assert.deepEqual(
    jobs.map((j) => [j.cohort, j.form, j.done, j.current, j.measured]),
    [
      ['n1', 'joint', 2, [{ seed: 3, epoch: 4 }], true],
      ['n1', 'late', 0, [{ seed: 2, epoch: 1 }], true],
      ['n2', 'joint', 0, [], false],
      ['n2', 'late', 0, [{ seed: 1, epoch: 5 }], false],
    ],
  );
  const near = (a: number | null, b: number) => assert.ok(a !== null && Math.abs(a - b) < 1e-9, `${a} vs ${b}`);
  near(jobs[0].left, 6 * 3.4); // 6 epochs of seed 3
  near(jobs[1].left, 29 * 3.4); // three networks of 10 epochs, one begun, at n1's own rate
  near(jobs[2].secondsPerEpoch, (3.4 / 34) * 64); // n1's rate per unit of work, scaled to n2's work
  near(jobs[3].left, 25 * (3.4 / 34) * 64);
  // Without any logged rate there is no estimate.
  fs.rmSync(path.join(logs, 'n1-joint.log'));
  assert.deepEqual(referenceProgress(cohorts, logs, ledger, 10, 3).map((j) => j.left), [null, null, null, null]);
});
