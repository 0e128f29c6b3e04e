/**
 * The local sweep runner: up to `jobs` runs at once, each a child process running the real `cfcml train`
 * (its own tfjs backend, one wasm thread), output appended to `<run>/train.log`. A finished run
 * (metrics.json) is skipped, an interrupted one resumes from last.ckpt, a crash writes `<run>/failed.json`
 * (exit code and the log's tail) and the sweep goes on.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CfcmlError } from '../util/errors';
import { RunDirectory, type RunFailure } from '../run/runDirectory';
import { checkOneBudget, finishedRunSettings } from './settings';
import { trainCommand, type SweepRun, type SweepSpec } from './sweep';

export interface RunOutcome {
  run: SweepRun;
  status: 'skipped' | 'done' | 'failed';
  seconds: number;
  exitCode?: number | null;
}

export interface LocalRunOptions {
  /** Runs at once. Default 1. */
  jobs?: number;
  /** Only these run indices (default: all). */
  only?: number[];
  /** Called when a run starts and when it ends. */
  onEvent?: (e: { kind: 'start' | 'end'; run: SweepRun; outcome?: RunOutcome; running: number }) => void;
}

function tailOf(file: string, lines = 20): string {
  if (!fs.existsSync(file)) return '';
  const text = fs.readFileSync(file, 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '').slice(-lines).join('\n');
}

/** Run one grid cell through `cfcml train` in a child process. */
export function runOne(root: string, spec: SweepSpec, run: SweepRun): Promise<RunOutcome> {
  const runDir = new RunDirectory(path.resolve(root, run.dir));
  if (runDir.state() === 'done') return Promise.resolve({ run, status: 'skipped', seconds: 0 });
  fs.mkdirSync(runDir.dir, { recursive: true });
  runDir.clearFailure();
  const log = runDir.file(RunDirectory.FILES.log);
  const cmd = trainCommand(root, run, spec.trainArgs);
  fs.appendFileSync(log, `\n== ${new Date().toISOString()} ${cmd.join(' ')}\n`);
  const fd = fs.openSync(log, 'a');
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { stdio: ['ignore', fd, fd], env: process.env });
    const finish = (code: number | null, signal: string | null, err?: Error) => {
      fs.closeSync(fd);
      const seconds = (Date.now() - started) / 1000;
      if (code === 0 && runDir.state() === 'done') return resolve({ run, status: 'done', seconds, exitCode: 0 });
      const failure: RunFailure = {
        exitCode: code,
        signal,
        tail: err ? `could not start: ${err.message}` : code === 0 ? 'exited 0 without writing metrics.json' : tailOf(log),
        at: new Date().toISOString(),
      };
      runDir.writeFailure(failure);
      resolve({ run, status: 'failed', seconds, exitCode: code });
    };
    child.on('error', (e) => finish(null, null, e));
    child.on('exit', (code, signal) => finish(code, signal));
  });
}

/** The order runLocal starts runs in: seed by seed (in the sweep's seed order), then the grid's order. */
export function executionOrder(spec: Pick<SweepSpec, 'runs' | 'seeds'>, only?: readonly number[]): SweepRun[] {
  const seedRank = new Map(spec.seeds.map((sd, i) => [sd, i]));
  return spec.runs
    .filter((r) => !only || only.includes(r.index))
    .sort((a, b) => (seedRank.get(a.seed) ?? 0) - (seedRank.get(b.seed) ?? 0) || a.index - b.index);
}

/**
 * Run the sweep's runs (or `only`), `jobs` at a time; resolves when all have ended. Runs start seed by seed
 * (every variant of the first seed, then of the second, …), so a sweep stopped part-way leaves complete seeds
 * that a report can already compare, not some variants with every seed and others with none.
 */
export async function runLocal(root: string, spec: SweepSpec, opts: LocalRunOptions = {}): Promise<RunOutcome[]> {
  const jobs = opts.jobs ?? 1;
  if (!Number.isInteger(jobs) || jobs < 1) throw new CfcmlError(`--jobs must be a whole number ≥ 1, got ${jobs}`);
  const queue = executionOrder(spec, opts.only);
  // One budget per sweep (settings.ts): refuse to add to runs trained with other settings, and stop as soon
  // as a newly finished run differs from the finished ones (a preset changed since they were trained). The
  // finished runs' settings are read once; each newly finished run adds its own.
  const finished = finishedRunSettings(root, spec.runs);
  checkOneBudget(finished, root);
  const outcomes: RunOutcome[] = [];
  let running = 0;
  let next = 0;
  let mixed: unknown = null;
  await new Promise<void>((resolveAll) => {
    const launch = () => {
      if (next >= queue.length && running === 0) return resolveAll();
      while (running < jobs && next < queue.length) {
        const run = queue[next++];
        running++;
        opts.onEvent?.({ kind: 'start', run, running });
        void runOne(root, spec, run).then((o) => {
          running--;
          outcomes.push(o);
          opts.onEvent?.({ kind: 'end', run, outcome: o, running });
          if (o.status === 'done' && mixed === null) {
            try {
              finished.push(...finishedRunSettings(root, [run]));
              checkOneBudget(finished, root);
            } catch (e) {
              mixed = e;
              next = queue.length; // start nothing more; let the running ones end
            }
          }
          launch();
        });
      }
    };
    launch();
  });
  if (mixed !== null) throw mixed;
  return outcomes.sort((a, b) => a.run.index - b.run.index);
}
