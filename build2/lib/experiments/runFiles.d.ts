/**
 * lib/experiments' view of a run directory. Every file name, writer and reader is lib/run's RunDirectory
 * (lib/run/runDirectory.ts); these are the thin wrappers the report, the figures and notebook 06 call,
 * with a run's absent history read as no epochs.
 */
import type { Split } from '../data/spec';
import { type PredictionsTable, type RunFailure, type RunMetricsFile, type RunOptionsFile, type RunState } from '../run/runDirectory';
import type { EpochRecord } from '../train/options';
export type { RunFailure, RunState } from '../run/runDirectory';
/** Whether a run finished (metrics.json), was interrupted (last.ckpt), crashed (failed.json) or never started. */
export declare function runState(runDir: string): RunState;
/** options.json (the run's resolved configuration), checked. */
export declare function readRunOptions(runDir: string): RunOptionsFile;
/** metrics.json: the selected epoch and its typed valid/test metrics. */
export declare function readRunMetrics(runDir: string): RunMetricsFile;
/** One split's predictions of the selected model: case ids, labels, class probabilities. */
export declare function readRunPredictions(runDir: string, split: Split): PredictionsTable;
/** history.json rows (one per epoch); [] when the run has none yet. */
export declare function readRunHistory(runDir: string): EpochRecord[];
/** failed.json as the sweep runner wrote it, or null. */
export declare function readRunFailure(runDir: string): RunFailure | null;
/** Per-modality embeddings z_m of the selected model (best.ckpt) on one split, with the modality names. */
export interface RunEmbeddings {
    ids: string[];
    labels: number[];
    classes: string[];
    /** Images first, then `tabular`, as the variant uses them. */
    modalities: string[];
    /** [M][n][D]. */
    z: number[][][];
}
/**
 * Embeddings of a finished run, recomputed from best.ckpt by lib/train's `loadRunModel` (the same loading as
 * `cfcml eval`: weights, tabular encoding and options from the checkpoint; the cohort from the folder
 * recorded in it, whose split fingerprint must match). tfjs is loaded only when this is called.
 */
export declare function readRunEmbeddings(runDir: string, split?: 'valid' | 'test'): Promise<RunEmbeddings>;
