import { type SweepSpec } from './sweep';
export interface SlurmOptions {
    /** CPU cores per task (`--cpus-per-task`). Default 1 (a run uses one wasm thread). */
    cpusPerTask?: number;
    /** Memory per task (`--mem`), e.g. `4G`. Default `4G`. */
    mem?: string;
    /** Time limit per task (`--time`), e.g. `02:00:00`. Default none (the partition's). */
    time?: string;
    partition?: string;
    /** At most this many tasks at once (`--array=0-K%N`). */
    maxParallel?: number;
    /** Only runs that are not finished yet. Default true. */
    onlyMissing?: boolean;
    jobName?: string;
    /**
     * Seconds before the time limit at which SLURM sends SIGUSR1 to the task (`--signal=B:USR1@N`); the
     * trainer then stops at a step boundary and the task requeues itself. Default 300. SLURM may send it up
     * to a minute early.
     */
    signalBefore?: number;
}
/** Default of `SlurmOptions.signalBefore`: time to finish one step and write a checkpoint, with margin. */
export declare const SLURM_SIGNAL_BEFORE = 300;
/** Single-quote a word for bash. */
export declare function shq(s: string): string;
/** The sbatch script text and the run indices its array tasks 0..K map to. */
export declare function slurmArrayScript(root: string, spec: SweepSpec, opts?: SlurmOptions): {
    script: string;
    runs: number[];
};
/** Write `<sweep>/slurm/array.sbatch` (+ `tasks.json`: array task → run); returns its path. */
export declare function writeSlurmArray(root: string, spec: SweepSpec, opts?: SlurmOptions): {
    file: string;
    tasks: number;
};
