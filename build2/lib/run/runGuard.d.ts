/// <reference types="node" />
import { CfcmlError } from '../util/errors';
import { type LossValues } from '../train/lossTerms';
import type { PartialEpoch } from '../train/options';
export type { PartialEpoch };
/**
 * Guards of a training run against the faults of long, unattended runs (issue #13):
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
export declare const LOCK_FILE: ".lock";
/** Whether a process with this pid exists on this machine. */
export declare function pidAlive(pid: number): boolean;
/** The lock of a run directory, held by this process until `release()` (or the process exits). */
export declare class RunLock {
    readonly file: string;
    readonly owner: LockOwner;
    private released;
    private constructor();
    /**
     * Take the lock of `dir` (created if needed). Refused, naming the owner, when another live process on
     * this host holds it, or any process on another host. A lock whose process is gone is taken over, and
     * `warn` is told so; a lock of this same process (a notebook re-creating its Trainer) is taken silently.
     */
    static acquire(dir: string, opts?: {
        warn?: (message: string) => void;
        command?: string;
    }): RunLock;
    release(): void;
}
/** The owner recorded in a lock file; undefined when missing or unreadable. */
export declare function readLock(file: string): LockOwner | undefined;
/**
 * Remove temp files that atomic writes of dead processes left behind (`.<name>.<pid>.<time>.tmp`, see
 * lib/util/fs.ts): a kill -9 between write and rename leaves one. Returns the names removed.
 */
export declare function removeStaleTempFiles(dir: string): string[];
/**
 * Check, before training, that the run directory can be created and written (a probe file is written,
 * fsynced and removed) and that its file system has at least `needBytes` free. The error names the folder,
 * the system's reason (EACCES, EROFS, ENOSPC, ENOTDIR) and what to do.
 */
export declare function probeRunDir(dir: string, needBytes?: number): void;
/**
 * Bytes the run directory needs: best.ckpt (weights) + last.ckpt (weights + two Adam moments), each three
 * times while a new one is written (the current one, the previous one kept, the new one), + slack.
 */
export declare function checkpointBytes(paramCount: number): number;
/**
 * The signals that stop a run at a step boundary. A listener on SIGUSR1 also keeps Node from starting its
 * inspector on it.
 */
export declare const STOP_SIGNALS: NodeJS.Signals[];
/** 128 + the signal's number: the exit status a shell reports for a process a signal ended. */
export declare function signalExitCode(sig: NodeJS.Signals): number;
/** A training run stopped by a signal; the CLI prints `message` and exits with `exitCode` (128 + signal number). */
export declare class RunInterruptedError extends CfcmlError {
    readonly signal: NodeJS.Signals;
    readonly runDir: string;
    readonly epoch: number;
    readonly step: number;
    constructor(signal: NodeJS.Signals, runDir: string, epoch: number, step: number);
    get exitCode(): number;
}
/**
 * SIGINT/SIGTERM/SIGUSR1 (Ctrl-C; a cluster's preemption, requeue or time limit; SLURM's `--signal`) turned
 * into a request the training loop checks after every step. While installed, the
 * first signal sets `requested` (the run writes a checkpoint and stops); a second one exits at once with
 * 128 + signal (the last checkpoint on disk is complete, atomic writes see to that).
 */
export declare class StopSignal {
    requested: NodeJS.Signals | undefined;
    private readonly handlers;
    static install(opts?: {
        signals?: NodeJS.Signals[];
        onSignal?: (s: NodeJS.Signals) => void;
    }): StopSignal;
    uninstall(): void;
}
/** A loss term that is NaN or ±Inf at a step. */
export declare class NonFiniteLossError extends CfcmlError {
    readonly epoch: number;
    readonly step: number;
    readonly term: string;
    readonly value: number;
    constructor(epoch: number, step: number, term: string, value: number, values: LossValues);
}
/**
 * Throw a NonFiniteLossError when the total loss (H8) is NaN/Inf, naming the term that made it so: the first
 * non-finite component (ce, sam, up, cp), else the total itself. `epoch` and `step` are 0-based. (A
 * component a variant does not use may be anything; only the total decides.)
 */
export declare function checkFiniteLoss(values: LossValues, epoch: number, step: number): void;
