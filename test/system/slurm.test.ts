import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { needTool } from '../helpers/tools';

// A real single-node SLURM on this machine (scripts/slurm/start-slurm.sh installs and starts it): a
// 2 variants × 2 seeds job array of the tiny preset, submitted with sbatch, read back with `cfcml report`.
// Skipped, with the reason, only where SLURM cannot be started (not root, no apt-get) or CFCML_SKIP_SLURM=1;
// under CI=true either is a failure (test/helpers/tools.ts).
const repo = path.join(__dirname, '../../..');
const script = path.join(repo, 'scripts', 'slurm', 'test-array.sh');

test('SLURM job array: sbatch → runs in the shared sweep folder → cfcml report', (t) => {
  if (!needTool(t, process.env.CFCML_SKIP_SLURM !== '1', 'CFCML_SKIP_SLURM=1')) return;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-slurm-test-'));
  const r = spawnSync('bash', [script, work], {
    encoding: 'utf8',
    env: { ...process.env, CFCML_CLI: path.join(__dirname, '../../bin/cfcml.js'), CFCML_BACKEND: 'wasm' },
    timeout: 15 * 60 * 1000,
  });
  if (!needTool(t, r.status !== 3, `SLURM not available here: ${r.stdout.trim().split('\n').pop()}`)) return;
  assert.equal(r.status, 0, `test-array.sh exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /table\.csv: 2 variants × 2 seeds/);
  const outs = fs.readdirSync(path.join(work, 'sweep', 'slurm')).filter((f) => /^out-\d+_\d\.txt$/.test(f));
  assert.equal(outs.length, 4, `one SLURM output file per array task: ${outs.join(', ')}`);
  for (const v of ['full', 'late-fusion']) {
    for (const s of [1, 2]) {
      const m = JSON.parse(fs.readFileSync(path.join(work, 'sweep', 'runs', v, `seed${s}`, 'metrics.json'), 'utf8'));
      assert.equal(m.epochs, 1);
      assert.ok(m.test.auc >= 0 && m.test.auc <= 1);
    }
  }
});

// Preemption on the same real SLURM (scripts/slurm/test-requeue.sh): one array task `scontrol requeue`d
// twice mid-training, another sent SIGUSR1 as before a time limit (it requeues itself); the sweep's report,
// metrics and predictions must equal an uninterrupted sweep's byte for byte. Under CI=true a SLURM that
// cannot be started fails the test instead of skipping it.
test('SLURM preemption: requeued array tasks resume from last.ckpt; the report equals an uninterrupted sweep', (t) => {
  if (process.env.CFCML_SKIP_SLURM === '1') return t.skip('CFCML_SKIP_SLURM=1');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-slurm-requeue-'));
  const r = spawnSync('bash', [path.join(repo, 'scripts', 'slurm', 'test-requeue.sh'), work], {
    encoding: 'utf8',
    env: { ...process.env, CFCML_CLI: path.join(__dirname, '../../bin/cfcml.js'), CFCML_BACKEND: 'wasm' },
    timeout: 15 * 60 * 1000,
  });
  if (r.status === 3) {
    const why = r.stdout.trim().split('\n').pop();
    if (process.env.CI === 'true') assert.fail(`CI=true and SLURM cannot be started here: ${why}`);
    return t.skip(`SLURM not available here: ${why}`);
  }
  assert.equal(r.status, 0, `test-requeue.sh exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /slurm: scontrol requeue \d+_0 \(2\)/);
  assert.match(r.stdout, /^PASS: 3 stops mid-training/m);
  // Each resume continued a part-done run: the second requeue of task 0 resumed later than the first.
  const resumed = /slurm: task 0: after epoch (\d+), step (\d+) of epoch \d+;after epoch (\d+), step (\d+)/.exec(r.stdout);
  assert.ok(resumed, r.stdout);
  const [e1, s1, e2, s2] = resumed.slice(1).map(Number);
  assert.ok(e2 > e1 || (e2 === e1 && s2 > s1), `second resume (${e2}/${s2}) after the first (${e1}/${s1})`);
  for (const s of [1, 2]) {
    const dir = path.join(work, 'sweep', 'runs', 'full', `seed${s}`);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'metrics.json')), fs.readFileSync(path.join(work, 'ref', 'runs', 'full', `seed${s}`, 'metrics.json')));
    assert.ok(!fs.existsSync(path.join(dir, 'failed.json')));
  }
});
