import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CfcmlError } from '../util/errors';
import { RunDirectory } from './runDirectory';
import { LOSS_TERM_NAMES, LOSS_TERMS, type LossValues } from '../train/lossTerms';
import type { PartialEpoch } from '../train/options';

export type { PartialEpoch };

/**
 * Guards of a training run against the faults of long, unattended runs:
 * - `RunLock`: one process per run directory (a lock file holding pid, host and start time; a stale lock of
 *   a dead process on this host is taken over with a warning);
 * - `probeRunDir`: the run directory is writable and has room for the checkpoints, checked before training;
 * - `StopSignal`: SIGINT/SIGTERM/SIGUSR1 ask the run to stop after the current step (a checkpoint is written, the
 *   exact resume command printed, and the process exits non-zero); a second signal exits at once;
 * - `checkFiniteLoss`: a NaN/Inf loss stops the run naming the epoch, step and loss term, before anything
 *   is saved, so the last good checkpoint stays the selected one.
 */

/** What a lock file holds. */
export interface LockOwner {
  pid: number;
  host: string;
  started: string;
  command: string;
}

export const LOCK_FILE = RunDirectory.FILES.lock;

/** Whether a process with this pid exists on this machine. */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

const held = new Set<RunLock>();
let exitHookInstalled = false;

/** The lock of a run directory, held by this process until `release()` (or the process exits). */
export class RunLock {
  private released = false;

  private constructor(
    readonly file: string,
    readonly owner: LockOwner,
  ) {}

  /**
   * Take the lock of `dir` (created if needed). Refused, naming the owner, when another live process on
   * this host holds it, or any process on another host. A lock whose process is gone is taken over, and
   * `warn` is told so; a lock of this same process (a notebook re-creating its Trainer) is taken silently.
   */
  static acquire(dir: string, opts: { warn?: (message: string) => void; command?: string } = {}): RunLock {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, LOCK_FILE);
    const owner: LockOwner = { pid: process.pid, host: os.hostname(), started: new Date().toISOString(), command: opts.command ?? process.argv.slice(1).join(' ') };
    for (let attempt = 0; attempt < 3; attempt++) {
      // Write the whole record to a temp file, then hard-link it into place: link fails if a lock exists,
      // and a lock file is never seen half-written.
      const tmp = path.join(dir, `.lock.${process.pid}.${Date.now()}.tmp`);
      fs.writeFileSync(tmp, JSON.stringify(owner) + '\n');
      try {
        fs.linkSync(tmp, file);
        fs.unlinkSync(tmp);
        const lock = new RunLock(file, owner);
        held.add(lock);
        installExitHook();
        return lock;
      } catch (e) {
        fs.rmSync(tmp, { force: true });
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const other = readLock(file);
      if (other && other.pid === process.pid && other.host === owner.host) {
        for (const l of held) if (l.file === file) l.released = true;
        fs.rmSync(file, { force: true });
        continue;
      }
      if (other && (other.host !== owner.host || pidAlive(other.pid))) {
        throw new CfcmlError(
          `run directory is in use by process ${other.pid} on host ${other.host} (since ${other.started}: ${other.command}); a second process may not train into it`,
          {
            where: dir,
            hint:
              other.host !== owner.host
                ? `if no process on ${other.host} is using it any more, delete ${file}`
                : `wait for process ${other.pid} to finish, stop it, or use another --out`,
          },
        );
      }
      opts.warn?.(
        other
          ? `warning: taking over the stale lock of process ${other.pid} on ${other.host} (started ${other.started}), which no longer runs: ${file}`
          : `warning: taking over an unreadable lock file: ${file}`,
      );
      fs.rmSync(file, { force: true });
    }
    throw new CfcmlError('could not take the run directory lock (another process keeps taking it)', { where: file });
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    held.delete(this);
    const now = readLock(this.file);
    if (now && now.pid === this.owner.pid && now.started === this.owner.started) fs.rmSync(this.file, { force: true });
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const l of [...held]) l.release();
  });
}

/** The owner recorded in a lock file; undefined when missing or unreadable. */
export function readLock(file: string): LockOwner | undefined {
  try {
    const o = JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
    return typeof o.pid === 'number' && typeof o.host === 'string' ? o : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Remove temp files that atomic writes of dead processes left behind (`.<name>.<pid>.<time>.tmp`, see
 * lib/util/fs.ts): a kill -9 between write and rename leaves one. Returns the names removed.
 */
export function removeStaleTempFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const m = /^\..*\.(\d+)\.\d+\.tmp$/.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || pidAlive(pid)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Check, before training, that the run directory can be created and written (a probe file is written,
 * fsynced and removed) and that its file system has at least `needBytes` free. The error names the folder,
 * the system's reason (EACCES, EROFS, ENOSPC, ENOTDIR) and what to do.
 */
export function probeRunDir(dir: string, needBytes = 0): void {
  const fail = (what: string, e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const why: Record<string, string> = {
      EACCES: 'permission denied',
      EPERM: 'operation not permitted',
      EROFS: 'read-only file system',
      ENOSPC: 'no space left on the device',
      EDQUOT: 'disk quota exceeded',
      ENOTDIR: 'a part of the path is a file, not a folder',
    };
    throw new CfcmlError(`run directory is not writable: cannot ${what} (${why[code] ?? code}: ${(e as Error).message})`, {
      where: dir,
      hint: 'choose a writable --out folder; nothing was trained',
      cause: e,
    });
  };
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    fail('create it', e);
  }
  const probe = path.join(dir, `.write-probe.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = fs.openSync(probe, 'w');
    try {
      fs.writeSync(fd, Buffer.alloc(64 * 1024, 1));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    fs.rmSync(probe, { force: true });
    fail('write a file in it', e);
  }
  fs.rmSync(probe, { force: true });
  if (needBytes > 0 && typeof fs.statfsSync === 'function') {
    const st = fs.statfsSync(dir);
    const free = Number(st.bavail) * Number(st.bsize);
    if (free < needBytes) {
      throw new CfcmlError(`not enough free space for the checkpoints: ${(free / 2 ** 20).toFixed(1)} MiB free, about ${(needBytes / 2 ** 20).toFixed(1)} MiB needed`, {
        where: dir,
        hint: 'free some space or choose another --out folder; nothing was trained',
      });
    }
  }
}

/**
 * Bytes the run directory needs: best.ckpt (weights) + last.ckpt (weights + two Adam moments), each three
 * times while a new one is written (the current one, the previous one kept, the new one), + slack.
 */
export function checkpointBytes(paramCount: number): number {
  return 3 * (4 * paramCount + 12 * paramCount) + 4 * 2 ** 20;
}

/**
 * The signals that stop a run at a step boundary. A listener on SIGUSR1 also keeps Node from starting its
 * inspector on it.
 */
export const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGUSR1'];

/** 128 + the signal's number: the exit status a shell reports for a process a signal ended. */
export function signalExitCode(sig: NodeJS.Signals): number {
  return 128 + (os.constants.signals[sig] ?? 0);
}

/** A training run stopped by a signal; the CLI prints `message` and exits with `exitCode` (128 + signal number). */
export class RunInterruptedError extends CfcmlError {
  constructor(
    readonly signal: NodeJS.Signals,
    readonly runDir: string,
    readonly epoch: number,
    readonly step: number,
  ) {
    super(`interrupted by ${signal} in epoch ${epoch + 1} after step ${step}; checkpoint written to ${path.join(runDir, 'last.ckpt')}`, { where: runDir });
    this.name = 'RunInterruptedError';
  }

  get exitCode(): number {
    return signalExitCode(this.signal);
  }
}

/**
 * SIGINT/SIGTERM/SIGUSR1 (Ctrl-C; a cluster's preemption, requeue or time limit; SLURM's `--signal`) turned
 * into a request the training loop checks after every step. While installed, the
 * first signal sets `requested` (the run writes a checkpoint and stops); a second one exits at once with
 * 128 + signal (the last checkpoint on disk is complete, atomic writes see to that).
 */
export class StopSignal {
  requested: NodeJS.Signals | undefined;
  private readonly handlers = new Map<NodeJS.Signals, () => void>();

  static install(opts: { signals?: NodeJS.Signals[]; onSignal?: (s: NodeJS.Signals) => void } = {}): StopSignal {
    const s = new StopSignal();
    for (const sig of opts.signals ?? STOP_SIGNALS) {
      const h = () => {
        if (s.requested) {
          process.stderr.write(`\n${sig} again: exiting now (the last checkpoint on disk is complete)\n`);
          process.exit(signalExitCode(sig));
        }
        s.requested = sig;
        opts.onSignal?.(sig);
      };
      s.handlers.set(sig, h);
      process.on(sig, h);
    }
    return s;
  }

  uninstall(): void {
    for (const [sig, h] of this.handlers) process.off(sig, h);
    this.handlers.clear();
  }
}

/** A loss term that is NaN or ±Inf at a step. */
export class NonFiniteLossError extends CfcmlError {
  constructor(
    readonly epoch: number,
    readonly step: number,
    readonly term: string,
    readonly value: number,
    values: LossValues,
  ) {
    super(
      `training diverged at epoch ${epoch + 1}, step ${step + 1}: loss term '${term}' (${LOSS_TERMS[term as keyof typeof LOSS_TERMS]?.description ?? term}) is ${value} ` +
        `(${LOSS_TERM_NAMES.map((k) => `${k} ${values[k]}`).join(', ')}); nothing of this step was saved, best.ckpt and last.ckpt hold the last good epoch`,
      { hint: 'try a smaller --lr; resume from last.ckpt with --resume after changing nothing else, or start afresh' },
    );
    this.name = 'NonFiniteLossError';
  }
}

/**
 * Throw a NonFiniteLossError when the total loss (H8) is NaN/Inf, naming the term that made it so: the first
 * non-finite component (ce, sam, up, cp), else the total itself. `epoch` and `step` are 0-based. (A
 * component a variant does not use may be anything; only the total decides.)
 */
export function checkFiniteLoss(values: LossValues, epoch: number, step: number): void {
  if (Number.isFinite(values.loss)) return;
  const order = [...LOSS_TERM_NAMES.filter((k) => k !== 'loss'), 'loss' as const];
  const term = order.find((k) => !Number.isFinite(values[k]))!;
  throw new NonFiniteLossError(epoch, step, term, values[term], values);
}
