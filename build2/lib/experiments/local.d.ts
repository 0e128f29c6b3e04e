import { type SweepRun, type SweepSpec } from './sweep';
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
    onEvent?: (e: {
        kind: 'start' | 'end';
        run: SweepRun;
        outcome?: RunOutcome;
        running: number;
    }) => void;
}
/** Run one grid cell through `cfcml train` in a child process. */
export declare function runOne(root: string, spec: SweepSpec, run: SweepRun): Promise<RunOutcome>;
/** The order runLocal starts runs in: seed by seed (in the sweep's seed order), then the grid's order. */
export declare function executionOrder(spec: Pick<SweepSpec, 'runs' | 'seeds'>, only?: readonly number[]): SweepRun[];
/**
 * Run the sweep's runs (or `only`), `jobs` at a time; resolves when all have ended. Runs start seed by seed
 * (every variant of the first seed, then of the second, …), so a sweep stopped part-way leaves complete seeds
 * that a report can already compare, not some variants with every seed and others with none.
 */
export declare function runLocal(root: string, spec: SweepSpec, opts?: LocalRunOptions): Promise<RunOutcome[]>;
