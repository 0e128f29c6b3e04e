import { BatchSampler, ImageCache, TabularEncoder, type CaseRecord, type Cohort } from '../data';
import type { DatasetSpec, Split } from '../data/spec';
import type { Metrics } from '../metrics';
import type { CFCMLModel } from '../model';
import { type ResolvedConfig } from './config';
import { type Predictions } from './evaluate';
import type { Adam } from './optimizer';
import type { EpochRecord, TrainOptions } from './options';
import { RunDirectory } from '../run/runDirectory';
import { StopSignal } from '../run/runGuard';
import { type GradientFn } from './step';
export type { ResolvedConfig } from './config';
export interface RunResult {
    runDir: string;
    config: ResolvedConfig;
    history: EpochRecord[];
    bestEpoch: number;
    /** Test metrics of the selected model (absent when evalTest is false or the run was stopped early). */
    testMetrics?: Metrics;
    validMetrics?: Metrics;
    /** True when the run stopped at `stopAfterEpoch` before finishing. */
    interrupted: boolean;
}
/**
 * A training run, step by step: `Trainer.create()` loads the cohort, images and model; `trainEpoch()`
 * runs one epoch and validates; `fit()` runs to the end with model selection on the validation split,
 * early stopping, checkpoints and the final test evaluation. Notebooks use the pieces, the CLI uses `fit()`.
 *
 * The method, in the order the code runs it (docs/METHOD.md):
 *   trainEpoch: for each batch → trainStep (forward → loss (H8) → gradient → Adam step) → validate → select
 *   fit:        trainEpoch until the epochs are done or validation stops improving → finish (best.ckpt → test)
 */
export declare class Trainer {
    readonly options: TrainOptions;
    readonly config: ResolvedConfig;
    readonly cohort: Cohort;
    readonly splits: Record<Split, CaseRecord[]>;
    readonly tabular: TabularEncoder;
    readonly images: ImageCache;
    readonly model: CFCMLModel;
    readonly optimizer: Adam;
    readonly sampler: BatchSampler;
    readonly run: RunDirectory;
    private readonly progress;
    readonly history: EpochRecord[];
    /**
     * How one step's gradient is computed (lib/train/step.ts). Replace it for another computation of the same
     * gradient (micro-batches, workers); it is called inside a `tf.tidy` with the step's batch.
     */
    gradientFn: GradientFn;
    /** Cases per micro-batch of a training step (planMicroBatch; Infinity when the whole batch fits). */
    microBatch: number;
    private best;
    private sinceBest;
    /** Run-fault guards (lib/run/runGuard.ts): a part-done epoch, the directory lock, the signal to stop at. */
    private partial;
    private lock;
    stopSignal: StopSignal | undefined;
    /** The run directory's path (`run.dir`). */
    readonly runDir: string;
    private constructor();
    get spec(): DatasetSpec;
    /** Epochs completed so far. */
    get epoch(): number;
    static create(options: TrainOptions): Promise<Trainer>;
    /**
     * Before the first step: continue from last.ckpt (`resume`) or start the run directory afresh
     * (stale outputs removed, options.json written).
     */
    private open;
    /** Run one epoch of training, then validate and select; returns the epoch's record (also appended to history). */
    trainEpoch(): Promise<EpochRecord>;
    /**
     * One optimisation step on batch `step` of the epoch: batch (augmented) → gradient of (H8) (`gradientFn`)
     * → Adam update at `lr`. Returns the step's loss terms; a non-finite loss stops the run.
     */
    private trainStep;
    /**
     * Whether training should stop: all epochs done, or no validation improvement for `patience` epochs once
     * `minEpochs` are done (earlyStopping.ts, the same rule the tuning replays).
     */
    get done(): boolean;
    /** Train to the end, select the best epoch on validation, evaluate it on the test split, write the run directory. */
    fit(): Promise<RunResult>;
    /** Load the best checkpoint, evaluate on valid and (optionally) test, write predictions and metrics. */
    finish(): Promise<RunResult>;
    /** Predictions of the current weights on one split (no augmentation); with `embeddings`, also z_m. */
    predictSplit(split: Split, opts: {
        embeddings: true;
    }): Promise<Predictions & {
        embeddings: number[][][];
    }>;
    predictSplit(split: Split, opts?: {
        embeddings?: boolean;
    }): Promise<Predictions>;
    private save;
    /** The selected epoch's weights: best.ckpt, or best.prev.ckpt when best.ckpt is corrupt or of another epoch. */
    private loadBestWeights;
    /**
     * Continue an interrupted run from last.ckpt (or, when it does not verify, from last.prev.ckpt): weights,
     * Adam state, history, selection state.
     */
    private restore;
    dispose(): void;
}
/** Train (or resume) a run to the end: the library entry point behind `cfcml train`. */
export declare function train(options: TrainOptions): Promise<RunResult>;
