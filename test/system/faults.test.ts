import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/backend';
import { synthDerm7pt } from '../../lib/synth';
import { loadCheckpoint } from '../../lib/run/checkpoint';
import type { RunCheckpointMeta } from '../../lib/run/checkpoint';
import { Trainer, train, type EpochRecord } from '../../lib/train';
import {
  checkFiniteLoss,
  LOCK_FILE,
  NonFiniteLossError,
  probeRunDir,
  readLock,
  removeStaleTempFiles,
  RunInterruptedError,
  RunLock,
  type StopSignal,
} from '../../lib/run/runGuard';
import { Rng } from '../../lib/util/random';
import { formatCsv, parseCsv } from '../../lib/util/csv';
import { CfcmlError } from '../../lib/util/errors';

// Faults during a run: kill -9 at random moments, SIGINT/SIGTERM, a read-only run directory,
// a NaN loss, two processes on one run directory. The CLI tests run the real `cfcml` binary as a child.

const bin = path.join(__dirname, '../../bin/cfcml.js');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-faults-'));
const data = path.join(root, 'derm7pt');
const env = { ...process.env, CFCML_BACKEND: 'wasm' };

before(async () => {
  await initBackend({ quiet: true });
  await synthDerm7pt({ out: data, seed: 4, scale: 0.1 });
});

const strip = (h: EpochRecord[]) => h.map(({ seconds: _s, ...rest }) => rest);

function cfcml(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** Every file a run directory holds parses: JSON files, checkpoints (magic, header, arrays). */
function assertRunDirSound(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const f of fs.readdirSync(dir)) {
    const file = path.join(dir, f);
    if (f.endsWith('.json')) assert.doesNotThrow(() => JSON.parse(fs.readFileSync(file, 'utf8')), `${f} parses`);
    if (f.endsWith('.ckpt')) assert.doesNotThrow(() => loadCheckpoint(file), `${f} loads`);
    if (f.endsWith('.csv')) assert.ok(fs.readFileSync(file, 'utf8').endsWith('\n'), `${f} is complete`);
  }
}

function weightsOf(file: string): Buffer {
  const ck = loadCheckpoint<RunCheckpointMeta>(file);
  return Buffer.concat(ck.arrays.filter((a) => a.name.startsWith('w:')).map((a) => Buffer.from(a.data.buffer, a.data.byteOffset, a.data.byteLength)));
}

const TRAIN_ARGS = ['--data', data, '--preset', 'tiny', '--epochs', '3', '--seed', '9', '--checkpoint-every', '1', '--progress', 'line'];

test('kill -9 at random moments: the run directory stays sound, --resume continues, final weights and metrics equal an uninterrupted run', async () => {
  const ref = path.join(root, 'ref');
  const a = cfcml('train', ...TRAIN_ARGS, '--out', ref, '--json');
  assert.equal(a.code, 0, a.err);

  const out = path.join(root, 'killed');
  const rng = new Rng(2026);
  let kills = 0;
  let takeovers = 0;
  let partialResumes = 0;
  for (let attempt = 0; attempt < 30; attempt++) {
    const child: ChildProcess = spawn(process.execPath, [bin, 'train', ...TRAIN_ARGS, '--out', out, '--resume', '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    // The first four starts are killed during training, whatever a step costs (milliseconds with native BLAS,
    // much longer on a loaded machine): after a random number (1–3) of the checkpoints it writes every step,
    // plus a random 0–40 ms, so that each kill lands in a different place of the run.
    const ckpt = path.join(out, 'last.ckpt');
    const stamp = () => {
      const st = fs.statSync(ckpt, { throwIfNoEntry: false });
      return st ? `${st.ino}:${st.mtimeMs}:${st.size}` : '';
    };
    const target = 1 + Math.floor(rng.uniform(0, 3));
    let seen: string | null = null;
    let written = 0;
    const poll = setInterval(() => {
      if (kills >= 4 || timer || readLock(path.join(out, LOCK_FILE))?.pid !== child.pid) return;
      const now = stamp();
      if (seen === null) seen = now;
      else if (now !== seen) {
        seen = now;
        written++;
      }
      if (written >= target) timer = setTimeout(() => child.kill('SIGKILL'), rng.uniform(0, 40));
    }, 5);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    clearInterval(poll);
    if (timer) clearTimeout(timer);
    if (/taking over the stale lock of process \d+/.test(stderr)) takeovers++;
    if (/resumed .* step \d+ of epoch/.test(stdout + stderr)) partialResumes++;
    assertRunDirSound(out);
    if (code === 0) {
      const summary = JSON.parse(stdout.trim().split('\n').pop()!);
      assert.equal(summary.runDir, out);
      break;
    }
    assert.equal(code, null, `killed, not failed: ${stderr}`);
    kills++;
  }
  assert.ok(kills >= 3, `${kills} kills`);
  assert.ok(takeovers >= 1, 'a kill -9 leaves a stale lock that the next start takes over with a warning');
  const refMetrics = JSON.parse(fs.readFileSync(path.join(ref, 'metrics.json'), 'utf8'));
  const gotMetrics = JSON.parse(fs.readFileSync(path.join(out, 'metrics.json'), 'utf8'));
  assert.deepEqual(gotMetrics, refMetrics);
  assert.deepEqual(strip(JSON.parse(fs.readFileSync(path.join(out, 'history.json'), 'utf8'))), strip(JSON.parse(fs.readFileSync(path.join(ref, 'history.json'), 'utf8'))));
  assert.ok(weightsOf(path.join(out, 'best.ckpt')).equals(weightsOf(path.join(ref, 'best.ckpt'))), 'selected weights bit-identical');
  assert.equal(fs.readFileSync(path.join(out, 'predictions_test.csv'), 'utf8'), fs.readFileSync(path.join(ref, 'predictions_test.csv'), 'utf8'));
  assert.ok(!fs.existsSync(path.join(out, LOCK_FILE)), 'lock released at the end');
  assert.deepEqual(fs.readdirSync(out).filter((f) => f.endsWith('.tmp')), [], 'no temp files left');
  console.log(`# kill -9: ${kills} kills, ${takeovers} stale-lock takeovers, ${partialResumes} mid-epoch resumes`);
});

test('SIGINT/SIGTERM/SIGUSR1: the step finishes, a checkpoint is written, the exact resume command is printed, exit 130/143/138; resuming gives the uninterrupted result', async () => {
  const ref = path.join(root, 'ref'); // from the kill -9 test (same arguments)
  if (!fs.existsSync(path.join(ref, 'metrics.json'))) assert.equal(cfcml('train', ...TRAIN_ARGS, '--out', ref).code, 0);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGUSR1'] as const) {
    const out = path.join(root, `sig-${sig}`);
    const child = spawn(process.execPath, [bin, 'train', ...TRAIN_ARGS, '--out', out], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let all = '';
    let stderr = '';
    child.stdout.on('data', (d) => (all += d));
    child.stderr.on('data', (d) => {
      all += d;
      stderr += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Signal as soon as the first epoch is done, so that it lands in the second: an epoch of this tiny run takes
    // a fraction of a second on a fast path, and a signal sent later can find the run already finished.
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (/epoch 1\/3/.test(all)) {
          clearInterval(t);
          child.kill(sig);
          resolve();
        }
      }, 5);
    });
    const code = await exited;
    assert.equal(code, { SIGINT: 130, SIGTERM: 143, SIGUSR1: 138 }[sig], all);
    assert.match(stderr, new RegExp(`interrupted by ${sig} in epoch \\d after step \\d+; checkpoint written to .*last\\.ckpt`));
    const resume = /resume with: (.*)/.exec(stderr)?.[1];
    assert.ok(resume, stderr);
    assertRunDirSound(out);
    const meta = loadCheckpoint<RunCheckpointMeta>(path.join(out, 'last.ckpt')).meta;
    assert.ok(meta.partial || meta.epoch >= 1, 'a checkpoint of where it stopped');
    assert.ok(!fs.existsSync(path.join(out, LOCK_FILE)), 'lock released on the way out');
    // The printed command, run as printed (`cfcml` → the built binary), finishes the run.
    const words = resume.split(' ').map((w) => w.replace(/^'(.*)'$/, '$1'));
    assert.equal(words[0], 'cfcml');
    assert.ok(words.includes('--resume') && words.includes('--out') && words.includes(out), resume);
    const r = cfcml(...words.slice(1));
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(out, 'metrics.json'), 'utf8')), JSON.parse(fs.readFileSync(path.join(ref, 'metrics.json'), 'utf8')));
  }
});

test('read-only / impossible run directory: a clear error before any training, nothing written', () => {
  const file = path.join(root, 'a-file');
  fs.writeFileSync(file, 'x');
  const r = cfcml('train', ...TRAIN_ARGS, '--out', path.join(file, 'run'));
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, /run directory is not writable: cannot create it \(a part of the path is a file, not a folder/);
  assert.doesNotMatch(r.out + r.err, /epoch 1\//);
  assert.throws(() => probeRunDir(path.join(root, 'roomy'), Number.MAX_SAFE_INTEGER), /not enough free space for the checkpoints: .* MiB free/);
  if (process.getuid && process.getuid() !== 0) {
    const ro = path.join(root, 'ro');
    fs.mkdirSync(ro);
    fs.chmodSync(ro, 0o555);
    assert.throws(() => probeRunDir(ro), /not writable: cannot write a file in it \(permission denied/);
  }
});

test('a bad folder: train refuses listing every problem, and no run directory is made', () => {
  const bad = path.join(root, 'bad');
  fs.cpSync(data, bad, { recursive: true });
  const meta = path.join(bad, 'meta', 'meta.csv');
  const t = parseCsv(fs.readFileSync(meta, 'utf8'));
  const train = new Set(parseCsv(fs.readFileSync(path.join(bad, 'meta', 'train_indexes.csv'), 'utf8')).rows.map((r) => Number(r.indexes)));
  const [i, j] = t.rows.map((r, k) => [r, k] as const).filter(([r, k]) => train.has(k) && /nevus|melanoma/.test(r.diagnosis)).map(([, k]) => k);
  t.rows[i].sex = 'alien';
  t.rows[j].sex = 'm/f';
  fs.writeFileSync(meta, formatCsv(t.header, t.rows));
  const out = path.join(root, 'bad-run');
  const r = cfcml('train', '--data', bad, '--preset', 'tiny', '--out', out);
  assert.equal(r.code, 2);
  assert.match(r.err, /2 problems in the Derm7pt folder/);
  assert.match(r.err, new RegExp(`meta\\.csv: row ${i + 2}, column 'sex': unknown category 'alien'`));
  assert.match(r.err, new RegExp(`meta\\.csv: row ${j + 2}, column 'sex': unknown category 'm/f'`));
  assert.ok(!fs.existsSync(out));
});

test('two processes on one run directory: the second is refused naming the owner; a stale lock is taken over with a warning', async () => {
  const dir = path.join(root, 'locked');
  const lock = RunLock.acquire(dir);
  assert.equal(readLock(path.join(dir, LOCK_FILE))?.pid, process.pid);
  // Another process (the CLI) is refused while this one holds the lock.
  const r = cfcml('train', ...TRAIN_ARGS, '--out', dir);
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, new RegExp(`run directory is in use by process ${process.pid} on host ${os.hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  assert.doesNotMatch(r.out, /epoch 1\//);
  // The same process may take its own lock again (a notebook re-running a cell).
  const again = RunLock.acquire(dir);
  lock.release();
  assert.ok(fs.existsSync(path.join(dir, LOCK_FILE)), "releasing the superseded lock leaves the new owner's file");
  again.release();
  assert.ok(!fs.existsSync(path.join(dir, LOCK_FILE)));
  // A lock of a process that has exited is stale.
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const deadPid = Number(dead.stdout);
  fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid, host: os.hostname(), started: '2026-12-01T00:00:00Z', command: 'cfcml train' }));
  fs.writeFileSync(path.join(dir, `.last.ckpt.${deadPid}.1234.tmp`), 'half a checkpoint');
  const warnings: string[] = [];
  const taken = RunLock.acquire(dir, { warn: (m) => warnings.push(m) });
  assert.match(warnings.join('\n'), new RegExp(`taking over the stale lock of process ${deadPid} on .* which no longer runs`));
  assert.deepEqual(removeStaleTempFiles(dir), [`.last.ckpt.${deadPid}.1234.tmp`]);
  taken.release();
  // A lock from another host cannot be checked: refused, with how to clear it.
  fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: 'other-node-7', started: '2026-12-01T00:00:00Z', command: 'cfcml train' }));
  assert.throws(
    () => RunLock.acquire(dir),
    (e: unknown) => e instanceof CfcmlError && /in use by process 1 on host other-node-7/.test(e.message) && /delete .*\.lock/.test(e.hint ?? ''),
  );
});

test('checkFiniteLoss names the epoch, the step and the term that went non-finite', () => {
  const ok = { loss: 1, ce: 0.7, sam: 1, up: 1, cp: 1 };
  assert.doesNotThrow(() => checkFiniteLoss(ok, 0, 0));
  assert.throws(
    () => checkFiniteLoss({ ...ok, loss: NaN, up: NaN }, 2, 4),
    (e: unknown) => e instanceof NonFiniteLossError && e.term === 'up' && /epoch 3, step 5: loss term 'up' \(unimodal prototype contrast\) is NaN/.test(e.message),
  );
  assert.throws(() => checkFiniteLoss({ ...ok, loss: Infinity }, 0, 0), /loss term 'loss' \(total training loss, \(H8\)\) is Infinity/);
});

test('in process: a NaN loss stops the run naming epoch, step and term; best.ckpt and last.ckpt keep the last good epoch', async () => {
  const out = path.join(root, 'nan');
  let trainer: Trainer | undefined;
  trainer = await Trainer.create({
    data,
    preset: 'tiny',
    epochs: 3,
    seed: 9,
    out,
    progress: 'none',
    onStep: (s) => {
      // Poison the weights after the 2nd step of epoch 2: step 3's loss is NaN.
      if (s.epoch === 1 && s.step === 1) tf.tidy(() => trainer!.model.weights.forEach((w) => w.variable.assign(w.variable.mul(NaN))));
    },
  });
  try {
    await assert.rejects(trainer.fit(), (e: unknown) => e instanceof NonFiniteLossError && /epoch 2, step 3: loss term 'ce'/.test(e.message) && e.epoch === 1 && e.step === 2);
  } finally {
    trainer.dispose();
  }
  const best = loadCheckpoint<RunCheckpointMeta>(path.join(out, 'best.ckpt'));
  const last = loadCheckpoint<RunCheckpointMeta>(path.join(out, 'last.ckpt'));
  assert.equal(best.meta.epoch, 1);
  assert.equal(last.meta.epoch, 1);
  assert.equal(last.meta.partial, undefined);
  for (const ck of [best, last]) for (const a of ck.arrays) assert.ok(a.data.every(Number.isFinite), `${a.name} finite`);
  assert.ok(!fs.existsSync(path.join(out, LOCK_FILE)));
});

test('in process: a stop request mid-epoch writes a partial checkpoint; the same Trainer continues, and so does a resumed one, equal to an uninterrupted run', async () => {
  const opts = { data, preset: 'tiny' as const, epochs: 2, seed: 13, progress: 'none' as const };
  const ref = await train({ ...opts, out: path.join(root, 'p-ref') });
  const stopAt = (epoch: number, step: number) => {
    const s: Pick<StopSignal, 'requested'> = { requested: undefined };
    return { s, onStep: (r: { epoch: number; step: number }) => void (r.epoch === epoch && r.step === step ? (s.requested = 'SIGINT') : undefined) };
  };
  // The same Trainer object, stopped and continued (a notebook's kernel interrupt).
  const a = stopAt(1, 2);
  const t = await Trainer.create({ ...opts, out: path.join(root, 'p-same'), onStep: a.onStep });
  t.stopSignal = a.s as StopSignal;
  await assert.rejects(t.fit(), (e: unknown) => e instanceof RunInterruptedError && e.epoch === 1 && e.step === 3 && e.exitCode === 130);
  const mid = loadCheckpoint<RunCheckpointMeta>(path.join(root, 'p-same', 'last.ckpt')).meta;
  assert.deepEqual([mid.epoch, mid.partial?.epoch, mid.partial?.step], [1, 1, 3]);
  a.s.requested = undefined;
  const same = await t.fit();
  t.dispose();
  assert.deepEqual(strip(same.history), strip(ref.history));
  assert.deepEqual(same.testMetrics, ref.testMetrics);
  // A new process resuming from the partial checkpoint.
  const b = stopAt(0, 1);
  const t2 = await Trainer.create({ ...opts, out: path.join(root, 'p-resume'), onStep: b.onStep });
  t2.stopSignal = b.s as StopSignal;
  await assert.rejects(t2.fit(), RunInterruptedError);
  t2.dispose();
  const resumed = await train({ ...opts, out: path.join(root, 'p-resume'), resume: true });
  assert.deepEqual(strip(resumed.history), strip(ref.history));
  assert.deepEqual(resumed.testMetrics, ref.testMetrics);
  // checkpointEvery: last.ckpt is written inside the epoch, the numbers do not change.
  const every = await train({ ...opts, out: path.join(root, 'p-every'), checkpointEvery: 2 });
  assert.deepEqual(strip(every.history), strip(ref.history));
});
