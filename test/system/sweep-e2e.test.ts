import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { delongTest, rocAuc } from '../../lib/metrics';
import { averageProbs, holm, mean } from '../../lib/experiments/stats';
import { sweepGap } from '../../lib/experiments/gap';
import { archivedCohortDir } from '../../lib/experiments/report';
import { readSweep } from '../../lib/experiments/sweep';
import { parseCsv } from '../../lib/util/csv';

// The real CLI end to end on a tiny grid: sweep (with an interrupted run to resume and a run that
// crashes), report, rerun (nothing redone), oracle ceiling; the report's numbers recomputed from the runs.
const bin = path.join(__dirname, '../../bin/cfcml.js');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-e2e-sweep-'));
const data = path.join(root, 'derm7pt');
const sweep = path.join(root, 'sweep');
const run = (v: string, s: number) => path.join(sweep, 'runs', v, `seed${s}`);
const VARIANTS = ['full', 'late-fusion', 'image-only'];

function cfcml(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, CFCML_BACKEND: 'wasm' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
const sweepArgs = ['sweep', '--data', data, '--variants', VARIANTS.join(','), '--seeds', '1-2', '--preset', 'tiny', '--epochs', '2', '--out', sweep, '--jobs', '2'];
const json = (f: string) => JSON.parse(fs.readFileSync(f, 'utf8'));
const testPreds = (dir: string) => parseCsv(fs.readFileSync(path.join(dir, 'predictions_test.csv'), 'utf8')).rows;

before(() => {
  const s = cfcml('synth', 'derm7pt', '--out', data, '--seed', '4', '--scale', '0.1');
  assert.equal(s.code, 0, s.err);
  // late-fusion/seed1 interrupted after epoch 1 of 2 (the sweep must resume it) ...
  const t = cfcml('train', '--data', data, '--preset', 'tiny', '--variant', 'late-fusion', '--seed', '1', '--epochs', '2', '--stop-after', '1', '--out', run('late-fusion', 1), '--progress', 'none');
  assert.equal(t.code, 0, t.err);
  assert.ok(fs.existsSync(path.join(run('late-fusion', 1), 'last.ckpt')) && !fs.existsSync(path.join(run('late-fusion', 1), 'metrics.json')));
  // ... and image-only/seed2 has a corrupt checkpoint (its train command will crash).
  fs.mkdirSync(run('image-only', 2), { recursive: true });
  fs.writeFileSync(path.join(run('image-only', 2), 'last.ckpt'), 'not a checkpoint');
});

test('a crashing run does not stop the sweep; the report names it and why; a rerun trains only what is missing', () => {
  const first = cfcml(...sweepArgs);
  assert.equal(first.code, 1, 'exit 1: one run failed\n' + first.out + first.err);
  assert.match(first.out, /5 trained, 0 already finished, 1 failed/);
  assert.match(first.out, /image-only\/seed2: FAILED/);
  const failure = json(path.join(run('image-only', 2), 'failed.json'));
  assert.equal(failure.exitCode, 2);
  assert.match(failure.tail, /error/);
  assert.match(fs.readFileSync(path.join(run('late-fusion', 1), 'train.log'), 'utf8'), /resumed .* after epoch 1/);
  assert.equal(json(path.join(run('late-fusion', 1), 'metrics.json')).epochs, 2, 'resumed to the full budget');

  const rep = cfcml('report', sweep);
  assert.equal(rep.code, 1, 'report exits 1 while a run has failed');
  const md = fs.readFileSync(path.join(sweep, 'report', 'table.md'), 'utf8');
  assert.match(md, /Runs not in the table \(1\)/);
  assert.match(md, /\| image-only\/seed2 \| failed \| exit 2: /);

  fs.rmSync(path.join(run('image-only', 2), 'last.ckpt'));
  const stamp = fs.statSync(path.join(run('full', 1), 'metrics.json')).mtimeMs;
  const second = cfcml(...sweepArgs);
  assert.equal(second.code, 0, second.out + second.err);
  assert.match(second.out, /1 trained, 5 already finished, 0 failed/);
  assert.equal(fs.statSync(path.join(run('full', 1), 'metrics.json')).mtimeMs, stamp, 'a finished run is never redone');
  assert.ok(!fs.existsSync(path.join(run('image-only', 2), 'failed.json')));
});

test('report: mean ± sd, DeLong on seed-averaged probabilities, Holm, oracle ceiling, tabular fields — recomputed from the runs', () => {
  // An oracle file as the cohort writer makes it (test rows count; the valid row must be ignored).
  const full1 = testPreds(run('full', 1));
  const labels = full1.map((r) => Number(r.label));
  const joint = labels.map((y, i) => (i === 0 ? 1 - y : y) * 0.8 + 0.1);
  const lines = ['case_num,split,label,p_joint,p_additive', '9999,valid,1,0.0,0.0', ...full1.map((r, i) => `${r.id},test,${r.label},${joint[i]},0.5`)];
  fs.writeFileSync(path.join(data, 'oracle.csv'), lines.join('\n') + '\n');

  const rep = cfcml('report', sweep);
  assert.equal(rep.code, 0, rep.err);
  const table = parseCsv(fs.readFileSync(path.join(sweep, 'report', 'table.csv'), 'utf8'));
  assert.deepEqual(table.rows.map((r) => r.variant), VARIANTS);
  for (const [i, v] of VARIANTS.entries()) {
    const aucs = [1, 2].map((s) => json(path.join(run(v, s), 'metrics.json')).test.auc as number);
    assert.ok(Math.abs(Number(table.rows[i].auc_mean) - mean(aucs)) < 1e-5, `${v} auc_mean ${table.rows[i].auc_mean} vs ${mean(aucs)}`);
    assert.equal(table.rows[i].n_seeds, '2');
  }
  // DeLong on the seed-averaged probabilities, recomputed here.
  const ens = (v: string) => averageProbs([1, 2].map((s) => testPreds(run(v, s)).map((r) => [Number(r.prob_0), Number(r.prob_1)])));
  const pFull = ens('full').map((p) => p[1]);
  const ps = ['late-fusion', 'image-only'].map((v) => delongTest(labels, ens(v).map((p) => p[1]), pFull).p);
  ps.forEach((p, k) => assert.ok(Math.abs(Number(table.rows[k + 1].p_delong) - p) <= 1e-5 * Math.max(p, 1e-3), `p_delong ${table.rows[k + 1].p_delong} vs ${p}`));
  const adj = holm(ps);
  adj.forEach((p, k) => assert.ok(Math.abs(Number(table.rows[k + 1].p_holm) - p) <= 1e-5 * Math.max(p, 1e-3), `p_holm ${table.rows[k + 1].p_holm} vs ${p}`));
  assert.equal(table.rows[0].p_delong, '');

  const report = json(path.join(sweep, 'report', 'report.json'));
  const g = report.groups[0];
  assert.ok(Math.abs(g.oracle.auc.joint - rocAuc(labels, joint)) < 1e-12);
  assert.equal(g.oracle.auc.additive, 0.5);
  assert.ok(!g.rows[0].tabularUsed.includes('management') && g.rows[0].tabularExcluded.includes('management'), 'leak-aware: management left out');
  assert.deepEqual(g.rows[2].tabularUsed, [], 'image-only uses no tabular field');
  assert.deepEqual(report.problems, []);
  const tex = fs.readFileSync(path.join(sweep, 'report', 'table.tex'), 'utf8');
  assert.match(tex, /\\emph\{oracle \(joint\)\}/);
  assert.match(tex, /\\textbf\{/);
});

test('one budget per sweep: a run trained with other settings stops the report and the sweep, naming run and field', () => {
  // As if the preset's patience had changed after full/seed2 was trained.
  const file = path.join(run('full', 2), 'options.json');
  const original = fs.readFileSync(file, 'utf8');
  const options = JSON.parse(original);
  const was = options.train.patience;
  options.train.patience = was + 5;
  fs.writeFileSync(file, JSON.stringify(options, null, 2));
  try {
    const rep = cfcml('report', sweep);
    assert.notEqual(rep.code, 0, 'the report refuses a mix of budgets');
    assert.match(rep.err, new RegExp(`full/seed2 differs from full/seed1 in patience \\(${was + 5} vs ${was}\\)|full/seed1 differs from full/seed2 in patience \\(${was} vs ${was + 5}\\)`));
    const again = cfcml(...sweepArgs);
    assert.notEqual(again.code, 0, 'the sweep refuses to add runs to a mixed sweep');
    assert.match(again.err, /trained with different settings.*patience/);
  } finally {
    fs.writeFileSync(file, original);
  }
  assert.equal(cfcml('report', sweep).code, 0, 'restored: the report runs again');
});

test('one arithmetic per sweep: every run records the numerics fingerprint, and a run trained with other numerics is refused', () => {
  const fps = VARIANTS.flatMap((v) => [1, 2].map((s) => json(path.join(run(v, s), 'options.json')).numerics));
  assert.match(fps[0], /^[0-9a-f]{16}$/);
  assert.deepEqual(new Set(fps), new Set([fps[0]]), 'one process kind, one fingerprint');
  const file = path.join(run('late-fusion', 2), 'options.json');
  const original = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, original.replace(fps[0], '0123456789abcdef'));
  try {
    const rep = cfcml('report', sweep);
    assert.notEqual(rep.code, 0);
    assert.match(rep.err, /late-fusion\/seed2 differs from full\/seed1 in numerics \(0123456789abcdef vs [0-9a-f]{16}: another backend/);
  } finally {
    fs.writeFileSync(file, original);
  }
});

test('archive: finished runs without checkpoints; the archive reports the same table; a second result of a run is refused', async () => {
  const arch = path.join(root, 'archive');
  const first = cfcml('archive', sweep, '--out', arch);
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /6 run\(s\) copied .* 0 already there, 0 not finished/);
  const files = fs.readdirSync(arch, { recursive: true, encoding: 'utf8' });
  assert.deepEqual(files.filter((f) => f.endsWith('.ckpt')), [], 'no checkpoint in the archive');
  for (const v of VARIANTS) for (const s of [1, 2]) {
    const dir = path.join(arch, 'runs', v, `seed${s}`);
    for (const f of ['options.json', 'metrics.json', 'history.json', 'predictions_valid.csv', 'predictions_test.csv']) {
      assert.equal(fs.readFileSync(path.join(dir, f), 'utf8'), fs.readFileSync(path.join(run(v, s), f), 'utf8'), `${v}/seed${s}/${f}`);
    }
  }
  assert.equal(cfcml('report', sweep).code, 0);
  const rep = cfcml('report', arch);
  assert.equal(rep.code, 0, rep.err);
  assert.equal(fs.readFileSync(path.join(arch, 'report', 'table.csv'), 'utf8'), fs.readFileSync(path.join(sweep, 'report', 'table.csv'), 'utf8'), 'same table from the archive');
  // The cohort's oracle travels with the archive: without the cohort, the archive's report keeps the ceiling.
  const copy = archivedCohortDir(arch, data);
  assert.match(first.out, /the oracle of /);
  assert.equal(fs.readFileSync(path.join(copy, 'oracle.csv'), 'utf8'), fs.readFileSync(path.join(data, 'oracle.csv'), 'utf8'));
  const withCohort = json(path.join(arch, 'report', 'report.json')).groups[0].oracle;
  fs.renameSync(path.join(data, 'oracle.csv'), path.join(data, 'oracle.csv.away'));
  try {
    const away = cfcml('report', arch, '--json');
    assert.equal(away.code, 0, away.err);
    const o = JSON.parse(away.out).groups[0].oracle;
    assert.deepEqual(o.auc, withCohort.auc, 'the same ceiling from the archived copy');
    assert.equal(o.file, path.join(copy, 'oracle.csv'));
    fs.renameSync(path.join(copy, 'oracle.csv'), path.join(copy, 'oracle.csv.away'));
    const none = JSON.parse(cfcml('report', arch, '--json').out);
    assert.equal(none.groups[0].oracle, null);
    assert.ok(none.notes.some((n: string) => n.startsWith(`no oracle ceiling for ${data}: no oracle.csv there`)), none.notes.join('\n'));
    fs.renameSync(path.join(copy, 'oracle.csv.away'), path.join(copy, 'oracle.csv'));
  } finally {
    fs.renameSync(path.join(data, 'oracle.csv.away'), path.join(data, 'oracle.csv'));
  }
  // The gap figures need best.ckpt: every archived run is named as left out, none is read.
  const gap = await sweepGap(arch, readSweep(arch), path.join(arch, 'report', 'cache'));
  assert.deepEqual(gap.rows, []);
  assert.equal(gap.withoutCheckpoint.length, 6);

  const again = cfcml('archive', sweep, '--out', arch);
  assert.equal(again.code, 0, again.err);
  assert.match(again.out, /0 run\(s\) copied .* 6 already there/);
  const m = path.join(arch, 'runs', 'full', 'seed1', 'metrics.json');
  fs.writeFileSync(m, fs.readFileSync(m, 'utf8').replace('"bestEpoch"', '"bestEpoch" ').replace(/"auc": 0\.\d/, '"auc": 0.0'));
  const refused = cfcml('archive', sweep, '--out', arch);
  assert.notEqual(refused.code, 0);
  assert.match(refused.err, /full\/seed1 is in the archive already with a different metrics\.json/);
});

test('the study ledger: an archive copied back into an empty working folder is resumed by the same sweep, which retrains nothing', () => {
  // scripts/study.sh on a fresh machine: `cfcml archive <ledger> --out <runs>`, then the sweep.
  const ledger = path.join(root, 'ledger');
  const work = path.join(root, 'ledger-work');
  assert.equal(cfcml('archive', sweep, '--out', ledger).code, 0);
  const restored = cfcml('archive', ledger, '--out', work);
  assert.equal(restored.code, 0, restored.err);
  assert.match(restored.out, /6 run\(s\) copied/);
  const again = cfcml(...sweepArgs.slice(0, sweepArgs.indexOf('--out')), '--out', work, '--jobs', '2');
  assert.equal(again.code, 0, again.out + again.err);
  assert.match(again.out, /0 trained, 6 already finished, 0 failed/);
  for (const v of VARIANTS) for (const s of [1, 2]) {
    const f = path.join('runs', v, `seed${s}`, 'metrics.json');
    assert.equal(fs.readFileSync(path.join(work, f), 'utf8'), fs.readFileSync(path.join(sweep, f), 'utf8'), f);
  }
});

test('one budget, checked after each run too: a sweep that finishes a run unlike the finished ones stops there, naming both', () => {
  // One finished run whose recorded settings differ from what this sweep now trains (as if the preset had
  // changed after it finished): the check at the start has nothing to compare it with, so it falls to the
  // check after the next run.
  const small = path.join(root, 'sweep-budget');
  const args = (seeds: string) => ['sweep', '--data', data, '--variants', 'late-fusion', '--seeds', seeds, '--preset', 'tiny', '--epochs', '1', '--out', small, '--jobs', '1'];
  assert.equal(cfcml(...args('1')).code, 0);
  const file = path.join(small, 'runs', 'late-fusion', 'seed1', 'options.json');
  const options = json(file);
  options.train.lr = options.train.lr * 2;
  fs.writeFileSync(file, JSON.stringify(options, null, 2));
  const again = cfcml(...args('1-3'));
  assert.notEqual(again.code, 0, again.out);
  assert.match(again.err, /late-fusion\/seed2 differs from late-fusion\/seed1 in lr/);
  assert.ok(fs.existsSync(path.join(small, 'runs', 'late-fusion', 'seed2', 'metrics.json')), 'the run that revealed the mix finished');
  assert.ok(!fs.existsSync(path.join(small, 'runs', 'late-fusion', 'seed3')), 'nothing more was started');
});

test('a sweep file with named settings: one group per setting, each run trained with its overrides, finished runs skipped', () => {
  const out = path.join(root, 'sweep-settings');
  const file = path.join(root, 'grid.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      data,
      out,
      variants: 'late-fusion',
      seeds: '3',
      preset: 'tiny',
      set: 'epochs=1',
      settings: [
        { name: 'slow', set: 'lr=1e-4' },
        { name: 'fast', set: 'lr=2e-3' },
      ],
    }),
  );
  const first = cfcml('sweep', '--config', file);
  assert.equal(first.code, 0, first.out + first.err);
  assert.match(first.out, /2 runs \(2 settings × 1 variants × 1 seeds\)/);
  assert.match(first.out, /2 trained, 0 already finished, 0 failed/);
  const lr = (setting: string) => json(path.join(out, 'runs', setting, 'late-fusion', 'seed3', 'options.json')).train;
  assert.deepEqual([lr('slow').lr, lr('fast').lr, lr('slow').epochs], [1e-4, 2e-3, 1]);
  assert.deepEqual(readSweep(out).settings?.map((s) => s.name), ['slow', 'fast']);
  // The report keeps the settings apart (one budget per group), and a second invocation trains nothing.
  const rep = cfcml('report', out);
  assert.equal(rep.code, 0, rep.out + rep.err);
  assert.match(fs.readFileSync(path.join(out, 'report', 'table.md'), 'utf8'), /— slow \(preset tiny[\s\S]*— fast \(preset tiny/);
  const again = cfcml('sweep', '--config', file, '--seeds', '3');
  assert.equal(again.code, 0, again.out + again.err);
  assert.match(again.out, /0 trained, 2 already finished, 0 failed/);
});
