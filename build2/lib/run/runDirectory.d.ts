import type { DatasetSpec, Split } from '../data/spec';
import type { Metrics } from '../metrics';
import { type CheckpointContent, type GoodCheckpoint, type RunCheckpointMeta } from './checkpoint';
import type { ResolvedConfig } from '../train/config';
import type { Predictions } from '../train/evaluate';
import type { EpochRecord } from '../train/options';
/** `options.json`: the resolved configuration plus where it came from. */
export interface RunOptionsFile extends ResolvedConfig {
    fingerprint: string;
    cfcmlVersion: string;
    /** The numerics fingerprint of the process that trained it (lib/run/numerics.ts); absent in runs made before it existed. */
    numerics?: string;
}
/** `metrics.json`: the selected epoch and its metrics (test is null when the test split was not evaluated). */
export interface RunMetricsFile {
    bestEpoch: number;
    epochs: number;
    valid: Metrics;
    test: Metrics | null;
}
/**
 * `failed.json`: written by the sweep runner (lib/experiments/local.ts) when `cfcml train` exits non-zero or
 * without writing metrics.json; the SLURM task removes it before a retry.
 */
export interface RunFailure {
    exitCode: number | null;
    signal: string | null;
    /** The last lines of train.log. */
    tail: string;
    at: string;
}
/** Whether a run finished (metrics.json), crashed (failed.json), was interrupted (last.ckpt) or never started. */
export type RunState = 'done' | 'partial' | 'failed' | 'missing';
/** A predictions file read back: ids (empty strings when the file has no `id` column), labels, probabilities. */
export interface PredictionsTable {
    ids: string[];
    labels: number[];
    probs: number[][];
}
export type CheckpointKind = 'best' | 'last';
/**
 * A run directory (docs/ARCHITECTURE.md, "Run directory"): the one place that knows its file names and how
 * each file is written and read.
 *
 *   options.json            ResolvedConfig + data fingerprint + cfcml version (written when a run starts)
 *   history.json / .csv     one EpochRecord per epoch (rewritten after every epoch)
 *   best.ckpt / last.ckpt   weights of the selected epoch / weights + Adam state of the last epoch
 *   best.prev.ckpt / …      the checkpoint each write replaced (docs/CHECKPOINTS.md)
 *   metrics.json            selected epoch, valid and test metrics (written at the end)
 *   predictions_<split>.csv id,label,prob_0..prob_{C-1} of the selected model
 *   train.log / failed.json the sweep runner's log of `cfcml train` and its failure record (lib/experiments)
 */
export declare class RunDirectory {
    static readonly FILES: {
        readonly options: "options.json";
        readonly historyJson: "history.json";
        readonly historyCsv: "history.csv";
        readonly metrics: "metrics.json";
        readonly checkpoint: (kind: CheckpointKind) => string;
        /** The checkpoint a write replaced, kept until the next write (lib/run/checkpoint.ts, saveCheckpoint). */
        readonly previousCheckpoint: (kind: CheckpointKind) => string;
        readonly predictions: (split: Split) => string;
        /** Written by the sweep runner (and the SLURM task wrapper): the train command's stdout + stderr. */
        readonly log: "train.log";
        /** Written by the sweep runner when `cfcml train` fails: exit code and the log's tail. */
        readonly failed: "failed.json";
        /** Held while a process trains into the directory (lib/run/runGuard.ts, RunLock). */
        readonly lock: ".lock";
    };
    readonly dir: string;
    constructor(dir: string);
    /** Absolute path of a file in the run directory. */
    file(name: string): string;
    /** Whether a file of the run directory exists. */
    has(name: string): boolean;
    /** Done (metrics.json), failed (failed.json), partial (last.ckpt) or missing, in that order. */
    state(): RunState;
    /** Start afresh: remove the outputs of an earlier run in this folder (other files are left alone), create it. */
    reset(): void;
    writeOptions(config: ResolvedConfig, fingerprint: string, numerics?: string): void;
    /** options.json, with the fields a reader of finished runs relies on checked. */
    readOptions(): RunOptionsFile;
    /** history.json (exact numbers) and history.csv (the same table, for spreadsheets and pandas). */
    writeHistory(history: readonly EpochRecord[]): void;
    readHistory(): EpochRecord[];
    /** Whether the run has a checkpoint of this kind (the latest, or the one it replaced). */
    hasCheckpoint(kind: CheckpointKind): boolean;
    checkpointFile(kind: CheckpointKind): string;
    /** Write `<kind>.ckpt` verified, keeping the one it replaces as `<kind>.prev.ckpt`. */
    saveCheckpoint(kind: CheckpointKind, content: CheckpointContent<RunCheckpointMeta>): void;
    /**
     * The newest checkpoint of this kind that verifies (`<kind>.ckpt`, else `<kind>.prev.ckpt`) and that `accept`
     * does not turn down; `rejected` says which files were passed over and why. Throws when none is good.
     */
    loadCheckpoint(kind: CheckpointKind, accept?: (c: CheckpointContent<RunCheckpointMeta>) => string | undefined): GoodCheckpoint<RunCheckpointMeta>;
    writeMetrics(m: RunMetricsFile): void;
    readMetrics(): RunMetricsFile;
    predictionsFile(split: Split): string;
    /** Write `predictions_<split>.csv`; returns its path. */
    writePredictions(split: Split, p: Predictions, spec: DatasetSpec): string;
    /** A run's own predictions file, which always has an `id` column. */
    readPredictions(split: Split): PredictionsTable;
    writeFailure(f: RunFailure): void;
    /** failed.json as the sweep runner wrote it, or null when there is none. */
    readFailure(): RunFailure | null;
    clearFailure(): void;
    private readJson;
}
/** Predictions as CSV: `id,label,prob_0..prob_{C-1}`, probabilities to 7 significant digits. */
export declare function formatPredictionsCsv(p: Predictions, spec: DatasetSpec): string;
/**
 * Read a predictions CSV (`label,prob_0,…,prob_{C-1}`, an `id` column optional unless `requireIds`, other
 * columns ignored) with row-level errors.
 */
export declare function readPredictionsCsv(file: string, opts?: {
    requireIds?: boolean;
}): PredictionsTable;
