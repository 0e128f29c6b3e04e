import { TabularEncoder, type Cohort } from '../data';
import type { Split } from '../data/spec';
import type { Metrics } from '../metrics';
import type { CFCMLModel } from '../model';
import type { ResolvedConfig } from './config';
import { type Predictions } from './evaluate';
import { RunDirectory, type CheckpointKind } from '../run/runDirectory';
export interface EvalRunResult {
    split: Split;
    predictions: Predictions;
    metrics: Metrics;
    /** Where the predictions CSV was written. */
    predictionsFile: string;
}
/** A run's model with the weights of one checkpoint, and what it was trained with. The caller disposes `model`. */
export interface LoadedRunModel {
    run: RunDirectory;
    config: ResolvedConfig;
    cohort: Cohort;
    tabular: TabularEncoder;
    model: CFCMLModel;
    /** The checkpoint the weights came from. */
    checkpointFile: string;
}
/**
 * Load a run's model from its run directory alone: options, tabular encoding and weights all come from the
 * checkpoint (`best` by default); the cohort from the folder recorded in it, or `data` when the cohort has
 * moved, whose split fingerprint must match. Used by `evaluateRun` and lib/experiments' embeddings.
 */
export declare function loadRunModel(runDir: string, opts?: {
    data?: string;
    checkpoint?: CheckpointKind;
}): Promise<LoadedRunModel>;
/**
 * Evaluate a finished (or interrupted) run's selected checkpoint on one split, from the run directory
 * alone (`loadRunModel`), and write its predictions CSV.
 */
export declare function evaluateRun(runDir: string, opts?: {
    split?: Split;
    data?: string;
    checkpoint?: CheckpointKind;
}): Promise<EvalRunResult>;
