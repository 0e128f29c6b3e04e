import type { EpochRecord } from '../../lib/train/options';
import type { RunMetricsFile, RunOptionsFile } from '../../lib/run/runDirectory';
import type { SweepRun } from '../../lib/experiments/sweep';
export interface FinishedRun {
    run: SweepRun;
    dir: string;
    options: RunOptionsFile;
    metrics: RunMetricsFile;
    history: EpochRecord[];
}
/** Every finished run of the sweep at `root`, in the grid's order; a folder with none is an error. */
export declare function finishedRuns(root: string): FinishedRun[];
export type Row = Record<string, string | number>;
/** Print rows as a Markdown table or through console.table, under an optional title. */
export declare function printTable(rows: Row[], markdown: boolean, title?: string): void;
/** `0.123 ± 0.045` with '–' for an undefined value. */
export declare const f3: (x: number) => string;
/** Run a record's main, turning a CfcmlError into one line on stderr and exit status 1. */
export declare function runMain(name: string, main: (argv: string[]) => Promise<number> | number): void;
